"""The Connections page of Settings: list, add, edit, remove and test platform connections.
Tests run in the background and answer in plain words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from shiboken6 import isValid
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from curator_console.services import connections as svc
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.connections.dialog import ConnectionDialog
from curator_console.ui.platform_names import platform_label
from curator_console.ui.context import AppContext
from curator_console.ui.table_model import Column, RowsModel
from curator_console.ui.tasks import run_task
from curator_console.ui.workspace import WorkspacePage, resize_columns, selected_row


class ConnectionsPanel(WorkspacePage):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("connectionsPanel")
        self.model = RowsModel([
            Column("name", lambda: self.tr("Connection"), lambda r: r.name),
            Column("platform", lambda: self.tr("Type"), lambda r: platform_label(r.platform)),
            Column("room", lambda: self.tr("Room / channel / shop"), lambda r: r.room),
            Column("url", lambda: self.tr("Address"), lambda r: r.base_url or (self.tr("(built in)") if r.platform == "simulator" else self.tr("(default)"))),
        ], self)
        self.table = self.make_table(self.model, "connectionsSettingsTable")
        # The Live workspace's name for the same list (and its translation).
        self.table.setAccessibleName(QCoreApplication.translate("LivePage", "Platform connections"))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addConnection")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.remove)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test)
        self.result = QLabel()
        self.result.setObjectName("connectionTestResult")
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self.load()

    def load(self) -> None:
        uow = self.context.uow
        self.fetch(lambda: svc.list_connections(uow()), self._show)

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        if rows:
            resize_columns(self.table, max_width=260)
            if selected_row(self.table) is None:
                self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = selected_row(self.table) is not None
        for b in (self.edit_button, self.remove_button, self.test_button):
            b.setEnabled(has)

    def add(self) -> None:
        dialog = ConnectionDialog(parent=self)
        if dialog.exec() != ConnectionDialog.DialogCode.Accepted:
            return
        self._save(lambda: svc.add_connection(self.context.uow(), dialog.spec(), dialog.token_text()))

    def edit(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        try:
            spec = svc.get_spec(self.context.uow(), row.name)
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return
        dialog = ConnectionDialog(spec, parent=self)
        if dialog.exec() != ConnectionDialog.DialogCode.Accepted:
            return
        self._save(lambda: svc.update_connection(self.context.uow(), row.name, dialog.spec(), dialog.token_text()))

    def _save(self, action) -> None:
        try:
            saved = action()
        except Exception as exc:  # noqa: BLE001 - validation, keychain refusal: shown plainly
            self.show_error(exc)
            return
        self.result.setText(fmt.arg(self.tr("Saved “%1”."), saved.name))
        self.load()
        self.changed.emit()

    def remove(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove connection"),
            fmt.arg(self.tr("Remove the connection “%1” and its stored token?"), row.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            svc.remove_connection(self.context.uow(), row.name)
        except svc.ConnectionError_ as exc:
            again = QMessageBox.warning(
                self, self.tr("Remove connection"), str(exc),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if again != QMessageBox.StandardButton.Yes:
                return
            svc.remove_connection(self.context.uow(), row.name, delete_orders=True)
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return
        self.result.setText(fmt.arg(self.tr("Removed “%1”."), row.name))
        self.load()
        self.changed.emit()

    def test(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        self.test_button.setEnabled(False)
        appearance.styled(self.result, "")
        self.result.setText(fmt.arg(self.tr("Testing “%1”…"), row.name))
        uow, http = self.context.uow, self.context.http

        def done(message: str) -> None:
            if not isValid(self):
                return
            self.test_button.setEnabled(True)
            appearance.styled(self.result, "color: $ok;")
            self.result.setText(message)

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.test_button.setEnabled(True)
            appearance.styled(self.result, "color: $error;")
            self.result.setText(fmt.arg(self.tr("“%1” did not answer as expected: %2"), row.name, exc))

        run_task(lambda: svc.test_connection(uow(), row.name, http), done, failed)
