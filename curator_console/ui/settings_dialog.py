"""Settings: interface language, appearance (light/dark, text size), database location, reading
speeds used to time scripts."""

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

from curator_console.ui import appearance
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

        self.appearance = QComboBox()
        self.appearance.setObjectName("appearanceCombo")
        self.appearance.addItem(self.tr("Same as the system"), appearance.SYSTEM)
        self.appearance.addItem(self.tr("Light"), appearance.LIGHT)
        self.appearance.addItem(self.tr("Dark"), appearance.DARK)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.appearance)))
        self.font_scale = QSpinBox()
        self.font_scale.setObjectName("fontScaleSpin")
        self.font_scale.setRange(appearance.FONT_SCALE_MIN, appearance.FONT_SCALE_MAX)
        self.font_scale.setSingleStep(appearance.FONT_SCALE_STEP)
        self.font_scale.setSuffix(" %")
        self.font_scale.setValue(settings.font_scale)
        self.font_scale.setToolTip(self.tr("The size of all text in the app, in percent of the system's"))

        self.database = QLineEdit(settings.get(keys.DATABASE))
        self.database.setObjectName("databaseEdit")
        self.database.setPlaceholderText(self.tr("Default: the file in your data folder"))
        self.database.setAccessibleName(self.tr("Database location"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("browseDatabaseButton")
        browse.setAccessibleName(self.tr("Choose the database file"))
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
        form.addRow(self.tr("Appearance"), self.appearance)
        form.addRow(self.tr("Text size"), self.font_scale)
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
        self.settings.set(keys.APPEARANCE, self.appearance.currentData())
        self.settings.set(keys.FONT_SCALE, self.font_scale.value())
        self.settings.sync()
        return self.settings.language != old_language
