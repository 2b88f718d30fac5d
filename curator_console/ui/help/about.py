"""Help → About: what the app is, and the facts a support email needs (versions of the app, Qt,
PySide6, Python and SQLAlchemy, the database engine and its version, where the database and the
data folder are), with a Copy button that puts them on the clipboard as plain text."""

from __future__ import annotations

import html
import platform

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from curator_console import APP_NAME, __version__, paths
from curator_console.ui import formatting as fmt


def about_facts(context) -> list[tuple[str, str]]:
    """``(label, value)`` for every fact the About box shows, in order (labels translated)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from sqlalchemy import __version__ as sqlalchemy_version

    from curator_console.services.about import database_backend

    db = context.database
    engine, engine_version = database_backend(db)
    where = (QCoreApplication.translate("AboutDialog", "Database file") if db.backend == "sqlite"
             else QCoreApplication.translate("AboutDialog", "Database address"))
    return [
        (QCoreApplication.translate("AboutDialog", "Application"), f"{APP_NAME} {__version__}"),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("SQLAlchemy", sqlalchemy_version),
        (QCoreApplication.translate("AboutDialog", "Database engine"), f"{engine} {engine_version}".strip()),
        (where, db.display),
        (QCoreApplication.translate("AboutDialog", "Database schema"), db.revision or ""),
        (QCoreApplication.translate("AboutDialog", "Data folder"), str(paths.data_dir())),
        (QCoreApplication.translate("AboutDialog", "Operating system"), platform.platform()),
    ]


def facts_text(facts: list[tuple[str, str]]) -> str:
    """The facts as plain text, one ``label: value`` per line (for a support email)."""
    return "\n".join(f"{label}: {value}" for label, value in facts) + "\n"


class AboutDialog(QDialog):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.context = context
        self.facts: list[tuple[str, str]] = []
        icon = QLabel()
        window_icon = QApplication.windowIcon()
        if not window_icon.isNull():
            icon.setPixmap(window_icon.pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel()
        self.title.setObjectName("aboutTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setColumnStretch(1, 1)
        self.labels: list[tuple[QLabel, QLabel]] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.copied = QLabel()
        self.copied.setObjectName("aboutCopied")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("aboutCopyButton")
        self.copy_button.clicked.connect(self.copy_facts)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.summary)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addLayout(self.grid)
        layout.addWidget(self.note)
        layout.addWidget(self.copied)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(max(620, self.sizeHint().width()), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Curator Console"))
        self.title.setText(f"<h2>{html.escape(APP_NAME)} {html.escape(__version__)}</h2>")
        self.summary.setText(self.tr("Prepare, run and review curator-led live-stream tours."))
        self.note.setText(self.tr("When you write to support, please include these facts: "
                                  "“Copy” puts them on the clipboard."))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy these facts as text, to paste into an email"))
        self._fill()

    def _fill(self) -> None:
        self.facts = about_facts(self.context)
        while len(self.labels) < len(self.facts):
            label, value = QLabel(), QLabel()
            value.setObjectName(f"aboutFact{len(self.labels)}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row = len(self.labels)
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(value, row, 1)
            self.labels.append((label, value))
        for (label, value), (name, text) in zip(self.labels, self.facts):
            label.setText(fmt.arg(self.tr("%1:"), name))
            value.setText(text)

    def text(self) -> str:
        """Everything the dialog shows, as the plain text "Copy" puts on the clipboard."""
        return f"{APP_NAME} — {self.summary.text()}\n" + facts_text(self.facts)

    def copy_facts(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copied.setText(self.tr("Copied to the clipboard."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
