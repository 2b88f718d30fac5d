"""File → Restore from backup…: the backups of the database (the automatic ones made before an
upgrade or a restore, and the manual ones) with their date, kind, size and schema, or any other
file chosen with "Choose file…". The dialog only chooses; the main window asks for confirmation
and restores through ``services.database.restore_backup``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from curator_console import paths
from curator_console.domain.records import BackupInfo
from curator_console.persistence.schema_version import HEAD_REVISION
from curator_console.services import database as db_svc
from curator_console.ui import formatting as fmt
from curator_console.ui import icons
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.workspace import heading, make_sortable_table, selected_row


def kind_text(info: BackupInfo) -> str:
    if info.kind == "upgrade":
        return QCoreApplication.translate("RestoreDialog", "Automatic, before an upgrade")
    if info.kind == "restore":
        return QCoreApplication.translate("RestoreDialog", "Automatic, before a restore")
    if info.kind == "manual":
        return QCoreApplication.translate("RestoreDialog", "Made with Back up database")
    return QCoreApplication.translate("RestoreDialog", "Chosen file")


def schema_text(info: BackupInfo) -> str:
    if info.revision is None:
        return QCoreApplication.translate("RestoreDialog", "unknown", "schema revision of a backup")
    if info.revision == HEAD_REVISION:
        return fmt.arg(QCoreApplication.translate("RestoreDialog", "%1 (current)", "schema revision"), info.revision)
    return info.revision


def size_text(size_bytes: int) -> str:
    """``972.0 KB``, ``12.4 MB`` in the interface language's number format."""
    return QLocale().formattedDataSize(size_bytes, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class RestoreDialog(QDialog):
    """Choose a backup. ``selected_path()`` is the file to restore once the dialog is accepted."""

    def __init__(self, database_display: str, parent: QWidget | None = None,
                 backups: list[BackupInfo] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self._database = database_display
        self.heading = heading()
        self.intro = QLabel()
        self.intro.setObjectName("restoreIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.model = RowsModel([
            Column("date", lambda: self.tr("Made"), lambda b: fmt.local_datetime(b.created_at),
                   sort_value=lambda b: b.created_at.timestamp()),
            Column("kind", lambda: self.tr("Kind"), kind_text),
            Column("size", lambda: self.tr("Size"), lambda b: size_text(b.size_bytes),
                   sort_value=lambda b: b.size_bytes, numeric=True),
            Column("schema", lambda: self.tr("Schema"), schema_text),
            Column("file", lambda: self.tr("File"), lambda b: Path(b.path).name, tooltip=lambda b: b.path),
        ], self)
        self.table = make_sortable_table(self.model, "backupTable", self)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long file name keeps its start and end
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.activated.connect(lambda _index: self._restore_clicked())
        self.empty = QLabel()
        self.empty.setObjectName("noBackupsLabel")
        self.empty.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("chooseBackupFileButton")
        self.choose_button.setIcon(icons.icon("open"))
        self.choose_button.clicked.connect(self.choose_file)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setIcon(icons.icon("restore"))
        self.restore_button.clicked.connect(self._restore_clicked)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)  # accepted only through _restore_clicked (a row is chosen)

        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.setTabOrder(self.table, self.choose_button)
        self.setTabOrder(self.choose_button, self.restore_button)
        self.setTabOrder(self.restore_button, self.cancel_button)

        self.retranslate()
        self.set_backups(db_svc.describe_backups() if backups is None else backups)
        self.resize(860, 460)

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore from backup"))
        self.heading.setText(self.tr("Restore the database from a backup"))
        self.intro.setText(fmt.arg(
            self.tr("The database %1 is replaced by the backup you choose. Before that, a copy of it as it is "
                    "now is kept in the backups folder, so a restore can be undone by restoring that copy."),
            self._database))
        self.table.setAccessibleName(self.tr("Backups"))
        self.choose_button.setText(self.tr("Choose file…"))
        self.choose_button.setToolTip(self.tr("Restore from a backup file kept somewhere else"))
        self.restore_button.setText(self.tr("Restore…"))
        self.empty.setText(fmt.arg(self.tr("There are no backups in %1 yet. Choose a backup file kept elsewhere "
                                           "with “Choose file…”."), paths.backups_dir()))
        self.model.retranslate()

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- rows ---------------------------------------------------------------------------
    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.model.set_rows(backups)
        self.empty.setVisible(not backups)
        if backups:
            self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
            for column in range(self.model.columnCount() - 1):  # the file name takes the rest (elided)
                self.table.resizeColumnToContents(column)
            self.table.selectRow(0)
        self._update_buttons()

    def backups(self) -> list[BackupInfo]:
        return list(self.model.rows)

    def selected(self) -> BackupInfo | None:
        return selected_row(self.table)

    def selected_path(self) -> Path | None:
        info = self.selected()
        return Path(info.path) if info is not None else None

    def select_path(self, path: Path) -> None:
        """Select the row of ``path``, adding it (a file chosen from elsewhere) when it is not listed."""
        path = Path(path)
        index = self.model.row_of(lambda b: Path(b.path) == path)
        if index < 0:
            try:
                info = db_svc.backup_info(path)
            except OSError:
                return
            self.set_backups([info, *self.model.rows])
            index = 0
        proxy = self.table.model()
        source = self.model.index(index, 0)
        self.table.setCurrentIndex(proxy.mapFromSource(source))
        self.table.selectRow(proxy.mapFromSource(source).row())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # --- actions --------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup to restore"), str(paths.backups_dir()),
            self.tr("Curator Console database (*.sqlite3 *.db);;All files (*)"))
        if path:
            self.select_path(Path(path))

    def _restore_clicked(self) -> None:
        if self.selected() is not None:
            self.accept()
