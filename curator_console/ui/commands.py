"""Undoable edits. Every edit is saved at once by a service; undo and redo call it again.

The page applies an edit first (so a refused edit never reaches the stack and the error shows
straight away), then pushes an ``AppliedEditCommand`` recording old and new value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand


class AppliedEditCommand(QUndoCommand):
    """``apply(value)`` saves a value; ``after(value)`` refreshes the view; ``on_error`` reports a
    failed undo/redo (e.g. the record was changed meanwhile by a colleague on a shared database)."""

    def __init__(
        self,
        text: str,
        apply: Callable[[Any], Any],
        old: Any,
        new: Any,
        after: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(text)
        self._apply, self._after, self._on_error = apply, after, on_error
        self.old, self.new = old, new
        self._applied = True  # the first redo (from push) finds the value already saved

    def _set(self, value: Any) -> None:
        try:
            self._apply(value)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the stack stays usable
            self._on_error(exc)
            return
        self._after(value)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            self._after(self.new)
            return
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)


class RecordsCommand(AppliedEditCommand):
    """Records created or deleted, undoably. The value is None while they are deleted and their
    snapshot(s) while they exist: ``delete()`` and ``restore(value)`` save that, then
    ``removed()`` or ``restored()`` refresh the page."""

    def __init__(
        self,
        text: str,
        old: Any,
        new: Any,
        delete: Callable[[], Any],
        restore: Callable[[Any], Any],
        removed: Callable[[], None],
        restored: Callable[[], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        def apply(value: Any) -> None:
            if value is None:
                delete()
            else:
                restore(value)

        def after(value: Any) -> None:
            if value is None:
                removed()
            else:
                restored()

        super().__init__(text, apply, old, new, after, on_error)
