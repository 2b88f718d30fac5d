"""The Connections page of Settings, driven through its real widgets."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from curator_console.services import connections as svc
from curator_console.ui.connections.dialog import ConnectionDialog
from curator_console.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import LOAD_TIMEOUT_MS, drain_background_tasks
from tests.ui.helpers import column_texts, find_table


@pytest.fixture
def fresh_simulator():
    from curator_console.connectors.simulator import platform as sim

    sim.stop_shared()
    yield
    sim.stop_shared()


@pytest.fixture
def panel(app, qtbot):
    dialog = SettingsDialog(app.settings, app.database.display, app.window, context=app.context)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.connections)
    qtbot.waitUntil(lambda: dialog.connections.has_loaded and not dialog.connections.is_loading, timeout=LOAD_TIMEOUT_MS)
    yield dialog.connections
    drain_background_tasks(qtbot)


def fill_and_save(monkeypatch, **fields):
    """Make the next ConnectionDialog.exec() fill its widgets as a person would and press Save."""

    def fake_exec(self):
        if "name" in fields:
            self.name.setText(fields["name"])
        if "platform" in fields:
            self.platform.setCurrentIndex(self.platform.findData(fields["platform"]))
        if "url" in fields:
            self.url.setText(fields["url"])
        if "room" in fields:
            self.room.setText(fields["room"])
        if "token_env" in fields:
            self.token_env.setText(fields["token_env"])
        self._accept()
        return self.result()

    monkeypatch.setattr(ConnectionDialog, "exec", fake_exec)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_lists_the_databases_connections(panel):
    table = find_table(panel, "connectionsSettingsTable")
    names = [c.name for c in svc.list_connections(panel.context.uow())]
    assert column_texts(table, "name") == names and names


def test_test_connection_answers_in_plain_words_from_the_background(panel, qtbot, fresh_simulator):
    table = find_table(panel, "connectionsSettingsTable")
    table.selectRow(column_texts(table, "platform").index("Built-in simulated platform"))
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Connected"), timeout=LOAD_TIMEOUT_MS)
    assert "room r1" in panel.result.text()
    assert panel.test_button.isEnabled()


def test_add_test_and_remove_a_connection(panel, qtbot, monkeypatch):
    monkeypatch.setenv("UI_TEST_TOKEN", "not-a-real-token-123")
    url = f"http://127.0.0.1:{closed_port()}/api"
    fill_and_save(monkeypatch, name="Partner room", platform="rest", url=url, room="r1", token_env="UI_TEST_TOKEN")
    panel.add()
    qtbot.waitUntil(lambda: "Partner room" in column_texts(find_table(panel, "connectionsSettingsTable"), "name"),
                    timeout=LOAD_TIMEOUT_MS)
    spec = svc.get_spec(panel.context.uow(), "Partner room")
    assert (spec.platform, spec.base_url, spec.token_env) == ("rest", url, "UI_TEST_TOKEN")

    table = find_table(panel, "connectionsSettingsTable")
    table.selectRow(column_texts(table, "name").index("Partner room"))
    panel.context.http.retry.max_retries = 0  # the closed port fails at once
    panel.test()
    qtbot.waitUntil(lambda: "did not answer as expected" in panel.result.text(), timeout=LOAD_TIMEOUT_MS)
    assert "cannot be reached" in panel.result.text()
    assert "not-a-real-token-123" not in panel.result.text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove()
    qtbot.waitUntil(lambda: "Partner room" not in column_texts(find_table(panel, "connectionsSettingsTable"), "name"),
                    timeout=LOAD_TIMEOUT_MS)
    assert all(c.name != "Partner room" for c in svc.list_connections(panel.context.uow()))


def test_an_invalid_connection_is_explained_and_not_saved(panel, qtbot, monkeypatch):
    fill_and_save(monkeypatch, name="Bad", platform="rest", url="ftp://example.com")
    before = svc.list_connections(panel.context.uow())
    panel.add()
    assert svc.list_connections(panel.context.uow()) == before


def test_without_a_keychain_the_dialog_asks_for_an_environment_variable(qtbot, monkeypatch):
    from curator_console.persistence import secrets

    monkeypatch.setattr(secrets, "keychain_available", lambda: False)
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.platform.setCurrentIndex(dialog.platform.findData("youtube"))
    assert not dialog.token.isEnabled() and dialog.token_env.isEnabled()
    assert "environment variable" in dialog.keychain_note.text()
    dialog.name.setText("Channel")
    dialog._accept()
    assert "Video" in dialog.error.text() or "video" in dialog.error.text()  # YouTube needs the video id
    assert dialog.result() != ConnectionDialog.DialogCode.Accepted
