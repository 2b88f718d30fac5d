"""Splitter positions remembered per workspace in Settings.

Keys are ``layout/<scope>/<splitter object name>``, the scope being the workspace page's object
name (``collectionPage`` …) or ``mainWindow`` for the navigation splitter. Only named splitters
are remembered, so every splitter in the workspaces carries an object name. A state that no longer
fits (a splitter that gained a pane in a newer version) is refused by Qt's own ``restoreState``
and the splitter keeps its default sizes. A pane that is hidden when the state is saved (the
object editor while no object is open) keeps the size it had when it was last shown.

A splitter takes its saved state when it first gets its real size on screen (a workspace not yet
shown has none, and a nested splitter only knows its width once the outer one has been restored):
then the sizes come back exactly. A workspace not opened in a session keeps what was saved before.

Table headers are not remembered: the tables fit their columns to what they show on every load.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer
from PySide6.QtWidgets import QSplitter, QWidget
from shiboken6 import isValid

from curator_console.ui import settings as keys
from curator_console.ui.settings import Settings

RESTORED = "ccLayoutRestored"  # set on a splitter whose sizes came from the settings
_PENDING = "ccPendingLayout"  # the object name of a state waiting for its splitter to be shown


class _PendingRestore(QObject):
    """Holds a saved state until its splitter is shown (or resized while shown), restores it then,
    and once more when the window has settled (a nested splitter is shown before the outer one
    takes its own saved sizes, which resize it again)."""

    def __init__(self, splitter: QSplitter, state: QByteArray) -> None:
        super().__init__(splitter)
        self.setObjectName(_PENDING)
        self.state = QByteArray(state)
        self._splitter = splitter
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() in (QEvent.Type.Show, QEvent.Type.Resize) and watched is self._splitter
                and self._splitter.isVisible() and self._splitter.width() > 0):
            self._splitter.removeEventFilter(self)
            self._apply()
            QTimer.singleShot(0, self._finish)
        return False

    def _apply(self) -> None:
        if isValid(self._splitter) and self._splitter.restoreState(self.state):
            self._splitter.setProperty(RESTORED, True)

    def _finish(self) -> None:
        if not isValid(self):
            return
        self._apply()
        self.setParent(None)
        self.deleteLater()


def _pending(splitter: QSplitter) -> _PendingRestore | None:
    for child in splitter.children():
        if isinstance(child, _PendingRestore):
            return child
    return None


def splitters(root: QWidget, nested: bool = True) -> list[QSplitter]:
    """The named splitters to remember: ``root`` itself when it is one, and (unless ``nested`` is
    false) every named splitter inside it."""
    found = [root] if isinstance(root, QSplitter) and root.objectName() else []
    if nested:
        found += [s for s in root.findChildren(QSplitter) if s.objectName()]
    return found


def save(root: QWidget, settings: Settings, scope: str | None = None, nested: bool = True) -> None:
    scope = scope or root.objectName()
    for splitter in splitters(root, nested):
        pending = _pending(splitter)
        state = pending.state if pending is not None else splitter.saveState()  # never shown: as it was
        settings.set(keys.layout_key(scope, splitter.objectName()), state)


def restore(root: QWidget, settings: Settings, scope: str | None = None, nested: bool = True) -> int:
    """Give every named splitter its saved state (now when it is on screen, else when it first is);
    returns how many have one."""
    scope = scope or root.objectName()
    found = 0
    for splitter in splitters(root, nested):
        state = settings.get(keys.layout_key(scope, splitter.objectName()))
        if not isinstance(state, QByteArray) or state.isEmpty():
            continue
        found += 1
        old = _pending(splitter)
        if old is not None:
            splitter.removeEventFilter(old)
            old.setParent(None)
            old.deleteLater()
        if splitter.isVisible() and splitter.width() > 0:
            if splitter.restoreState(state):
                splitter.setProperty(RESTORED, True)
        else:
            _PendingRestore(splitter, state)
    return found
