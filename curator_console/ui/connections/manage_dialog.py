"""The platform connections on their own, in a dialog ("Connect a platform…" on the welcome page):
the same panel as Settings → Connections (add, edit, remove, test), with a word on the built-in
simulator, which needs no connection."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from curator_console.ui.connections.widget import ConnectionsPanel
from curator_console.ui.context import AppContext


class ConnectionsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionsDialog")
        self.intro = QLabel()
        self.intro.setObjectName("connectionsIntro")
        self.intro.setWordWrap(True)
        self.panel = ConnectionsPanel(context, self)
        self.changed = self.panel.changed
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(760, 460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Platform connections"))
        self.intro.setText(self.tr(
            "Add a connection to go live on YouTube, Twitch or a live-commerce platform, to bring in your "
            "Shopify store's products and orders, or to switch OBS scenes from the live console. Tokens are kept "
            "in the system's keychain. Rehearsals need none of this: they run on the built-in simulator. "
            "Settings → Connections shows the same list later."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
