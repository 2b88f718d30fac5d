"""Undoable tour edits.

Every edit is saved by a service the moment it is made; the command records how to do it again
(``redo_fn``) and how to take it back (``undo_fn``). The editor runs the first ``redo_fn`` itself
before pushing (so a refused edit never reaches the stack and its error shows straight away).

Undoing a deletion re-creates the segment (or tour) under a new id. Commands keep the id they were
made with and resolve it through an ``IdMap``, so an older edit of that segment still finds it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class IdMap:
    """Old id → the id its record has now (after an undo re-created it)."""

    def __init__(self) -> None:
        self._map: dict[int, int] = {}

    def alias(self, old: int, new: int) -> None:
        if old != new:
            self._map[old] = new

    def resolve(self, record_id: int) -> int:
        seen: set[int] = set()
        while record_id in self._map and record_id not in seen:
            seen.add(record_id)
            record_id = self._map[record_id]
        return record_id


class TourCommand(QUndoCommand):
    """``redo_fn()``/``undo_fn()`` save; ``after()`` refreshes the editor; ``on_error`` reports an
    undo/redo the database refused (e.g. a colleague changed the record meanwhile)."""

    def __init__(
        self,
        text: str,
        redo_fn: Callable[[], object],
        undo_fn: Callable[[], object],
        after: Callable[[], None],
        on_error: Callable[[BaseException], None],
        applied: bool = True,
    ) -> None:
        super().__init__(text)
        self._redo_fn, self._undo_fn = redo_fn, undo_fn
        self._after, self._on_error = after, on_error
        self._skip_first = applied

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - shown to the user; the stack stays usable
            self._on_error(exc)
        self._after()

    def redo(self) -> None:
        if self._skip_first:
            self._skip_first = False
            self._after()
            return
        self._run(self._redo_fn)

    def undo(self) -> None:
        self._run(self._undo_fn)
