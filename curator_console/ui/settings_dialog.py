"""Settings: interface language, database location, reading speeds used to time scripts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from curator_console.ui import formatting as fmt
from curator_console.ui import settings as keys
from curator_console.ui.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, current_database: str, parent: QWidget | None = None,
                 context=None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))

        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("Same as the system"), "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        self.database = QLineEdit(settings.get(keys.DATABASE))
        self.database.setObjectName("databaseEdit")
        self.database.setPlaceholderText(self.tr("Default: the file in your data folder"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        db_row = QHBoxLayout()
        db_row.addWidget(self.database, 1)
        db_row.addWidget(browse)
        db_note = QLabel(fmt.arg(self.tr("A file path, or a shared database address such as "
                                         "postgresql+psycopg://user@server/museum. Now open: %1. "
                                         "A new location is used from the next start."), current_database))
        db_note.setWordWrap(True)

        self.cjk_speed = QSpinBox()
        self.cjk_speed.setObjectName("cjkSpeedSpin")
        self.cjk_speed.setRange(60, 600)
        self.cjk_speed.setSuffix(" " + self.tr("characters/min"))
        self.cjk_speed.setValue(settings.get(keys.CJK_CPM))
        self.word_speed = QSpinBox()
        self.word_speed.setObjectName("wordSpeedSpin")
        self.word_speed.setRange(40, 400)
        self.word_speed.setSuffix(" " + self.tr("words/min"))
        self.word_speed.setValue(settings.get(keys.WORDS_PM))

        form = QFormLayout()
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Database"), db_row)
        form.addRow("", db_note)
        form.addRow(self.tr("Chinese reading speed"), self.cjk_speed)
        form.addRow(self.tr("English reading speed"), self.word_speed)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget()
        general.setLayout(form)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(general, self.tr("General"))
        self.connections = None
        if context is not None:
            from curator_console.ui.connections.widget import ConnectionsPanel

            self.connections = ConnectionsPanel(context)
            self.tabs.addTab(self.connections, self.tr("Connections"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(720, max(420, self.sizeHint().height()))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Choose a database file"), self.database.text(),
            self.tr("Curator Console database (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(path)

    def save(self) -> bool:
        """Write the choices; returns True when the language changed."""
        old_language = self.settings.language
        self.settings.language = self.language.currentData()
        self.settings.set(keys.DATABASE, self.database.text().strip())
        self.settings.set(keys.CJK_CPM, self.cjk_speed.value())
        self.settings.set(keys.WORDS_PM, self.word_speed.value())
        self.settings.sync()
        return self.settings.language != old_language
