"""One line per connection of a live session: "Connected", "Retrying in 4 s — <detail>",
"Offline since 21:04:13" — with a coloured dot so the state reads at a glance."""

from __future__ import annotations

import math
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from curator_console.domain.live_view import CONNECTED, OFFLINE, RETRYING, ConnectionState
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt

STATE_COLOURS = {CONNECTED: "$ahead", RETRYING: "$notice", OFFLINE: "$behind"}  # appearance colour names


def clock_time(value: datetime) -> str:
    """``hh:mm:ss`` in this computer's time zone (a naive datetime is taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone().strftime("%H:%M:%S")


def status_text(state: ConnectionState) -> str:
    """The state of one connection in plain words (translated)."""
    if state.state == CONNECTED:
        text = QCoreApplication.translate("LiveStatus", "Connected")
    elif state.state == RETRYING:
        if state.retry_in_seconds is not None:
            seconds = max(0, math.ceil(state.retry_in_seconds))
            text = fmt.arg(QCoreApplication.translate("LiveStatus", "Retrying in %1 s"), seconds)
        else:
            text = QCoreApplication.translate("LiveStatus", "Retrying")
    elif state.state == OFFLINE:
        text = (fmt.arg(QCoreApplication.translate("LiveStatus", "Offline since %1"), clock_time(state.offline_since))
                if state.offline_since is not None else QCoreApplication.translate("LiveStatus", "Offline"))
    else:
        text = state.state
    if state.detail and state.state != CONNECTED:
        text = fmt.arg(QCoreApplication.translate("LiveStatus", "%1 — %2"), text, state.detail)
    return text


def role_label(role: str) -> str:
    return {"platform": QCoreApplication.translate("LiveStatus", "Platform"), "obs": QCoreApplication.translate("LiveStatus", "OBS")}.get(role, role)


class _Line(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dot = QLabel("●")
        self.name = QLabel()
        self.name.setStyleSheet("font-weight: 600;")
        self.text = QLabel()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.name)
        layout.addWidget(self.text, 1)
        self.state: ConnectionState | None = None

    def show_state(self, state: ConnectionState) -> None:
        self.state = state
        colour = STATE_COLOURS.get(state.state, "$muted")
        appearance.styled(self.dot, f"color: {colour};")
        self.name.setText(fmt.arg(QCoreApplication.translate("LiveStatus", "%1 (%2):"), state.connection, role_label(state.role)))
        text = status_text(state)
        if self.text.text() != text:
            self.text.setText(text)
        self.text.setToolTip(state.detail)
        self.setAccessibleName(f"{self.name.text()} {text}")


class StatusLines(QWidget):
    """The connection status lines; ``set_states`` redraws only the lines that changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveStatusLines")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._lines: list[_Line] = []
        self._states: tuple[ConnectionState, ...] = ()

    def set_states(self, states: tuple[ConnectionState, ...]) -> None:
        if states == self._states:
            return
        self._states = tuple(states)
        while len(self._lines) < len(states):
            line = _Line(self)
            self._layout.addWidget(line)
            self._lines.append(line)
        while len(self._lines) > len(states):
            line = self._lines.pop()
            self._layout.removeWidget(line)
            line.deleteLater()
        for line, state in zip(self._lines, states):
            if line.state != state:
                line.show_state(state)

    def texts(self) -> list[str]:
        """What each line says (after the connection's name)."""
        return [line.text.text() for line in self._lines]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for line, state in zip(self._lines, self._states):
                line.show_state(state)
        super().changeEvent(event)
