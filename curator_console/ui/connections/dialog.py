"""Add or edit one platform connection. The token is typed here and goes to the OS keychain."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from curator_console.persistence import secrets
from curator_console.ui import appearance
from curator_console.ui.platform_names import platform_label
from curator_console.services.connections import ConnectionError_, ConnectionSpec, validate

PLATFORMS = ("simulator", "rest", "youtube", "twitch", "shopify", "obs")


class ConnectionDialog(QDialog):
    def __init__(self, spec: ConnectionSpec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.editing = spec is not None
        self.setWindowTitle(self.tr("Edit connection") if self.editing else self.tr("Add connection"))
        spec = spec or ConnectionSpec(name="", platform="rest")
        self.keychain = secrets.keychain_available()

        self.name = QLineEdit(spec.name)
        self.name.setObjectName("connectionName")
        self.platform = QComboBox()
        self.platform.setObjectName("connectionPlatform")
        for key in PLATFORMS:
            self.platform.addItem(platform_label(key), key)
        self.platform.setCurrentIndex(max(0, self.platform.findData(spec.platform)))
        self.url = QLineEdit(spec.base_url)
        self.url.setObjectName("connectionUrl")
        self.room = QLineEdit(spec.room)
        self.room.setObjectName("connectionRoom")
        self.room_label = QLabel()
        self.client_id = QLineEdit(str(spec.options.get("client_id", "")))
        self.client_id.setObjectName("connectionClientId")
        self.client_id_label = QLabel(self.tr("Client ID"))
        self.api_version = QLineEdit(str(spec.options.get("api_version", "")))
        self.api_version.setPlaceholderText("2025-10")
        self.api_version_label = QLabel(self.tr("API version"))
        self.token = QLineEdit()
        self.token.setObjectName("connectionToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_env = QLineEdit(spec.token_env)
        self.token_env.setObjectName("connectionTokenEnv")
        self.token_env.setPlaceholderText(self.tr("e.g. CURATOR_SHOP_TOKEN"))
        self.allow_http = QCheckBox(self.tr("Allow an unencrypted http:// address (trusted local network only)"))
        self.allow_http.setChecked(spec.allow_insecure_http)
        self.keychain_note = QLabel()
        self.keychain_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("connectionError")
        appearance.styled(self.error, "color: $error;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Type"), self.platform)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.room_label, self.room)
        form.addRow(self.client_id_label, self.client_id)
        form.addRow(self.api_version_label, self.api_version)
        form.addRow(self.tr("Token / key / password"), self.token)
        form.addRow(self.tr("…or read it from the environment variable"), self.token_env)
        form.addRow("", self.keychain_note)
        form.addRow("", self.allow_http)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self._platform_changed()
        self.resize(620, self.sizeHint().height())

    def _platform_changed(self) -> None:
        key = self.platform.currentData()
        rooms = {"simulator": self.tr("Room"), "rest": self.tr("Room"), "youtube": self.tr("Video ID"),
                 "twitch": self.tr("Channel"), "shopify": self.tr("Shop name"), "obs": ""}
        self.room_label.setText(rooms[key])
        self.room.setVisible(bool(rooms[key]))
        self.room_label.setVisible(bool(rooms[key]))
        for widget in (self.client_id, self.client_id_label):
            widget.setVisible(key == "twitch")
        for widget in (self.api_version, self.api_version_label):
            widget.setVisible(key == "shopify")
        placeholders = {
            "simulator": self.tr("(built in — leave empty)"), "rest": "https://live.example-partner.com/api",
            "youtube": "https://www.googleapis.com/youtube/v3", "twitch": "https://api.twitch.tv/helix",
            "shopify": self.tr("(from the shop name)"), "obs": "ws://localhost:4455",
        }
        self.url.setPlaceholderText(placeholders[key])
        needs_secret = key != "simulator"
        self.token.setEnabled(needs_secret and self.keychain)
        self.token_env.setEnabled(needs_secret)
        if not needs_secret:
            self.keychain_note.setText(self.tr("The built-in simulator needs no token."))
        elif not self.keychain:
            self.keychain_note.setText(self.tr(
                "This computer has no system keychain, so the token cannot be stored here. Put it in an "
                "environment variable and enter that variable's name."))
        elif self.editing:
            self.keychain_note.setText(self.tr("Leave the token empty to keep the one in the keychain."))
        else:
            self.keychain_note.setText(self.tr("The token is kept in the system keychain, never in the database."))

    def spec(self) -> ConnectionSpec:
        key = self.platform.currentData()
        options: dict[str, str] = {}
        if key == "twitch" and self.client_id.text().strip():
            options["client_id"] = self.client_id.text().strip()
        if key == "shopify" and self.api_version.text().strip():
            options["api_version"] = self.api_version.text().strip()
        return ConnectionSpec(
            name=self.name.text(), platform=key, base_url=self.url.text(), room=self.room.text(),
            token_env=self.token_env.text().strip(), allow_insecure_http=self.allow_http.isChecked(), options=options,
        )

    def token_text(self) -> str | None:
        return self.token.text() or None

    def _accept(self) -> None:
        try:
            validate(self.spec())
        except ConnectionError_ as exc:
            self.error.setText(str(exc))
            return
        self.accept()
