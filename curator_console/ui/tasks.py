"""Background work: ``run_task(fn, on_done, on_error)`` runs ``fn`` on the thread pool and delivers
its result (or exception) on the GUI thread. The GUI thread never waits on a query or the network."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every error is reported on the GUI thread
            log.debug("background task failed:\n%s", traceback.format_exc())
            self._deliver(self.relay.failed, exc)
        else:
            self._deliver(self.relay.done, result)

    @staticmethod
    def _deliver(signal, value) -> None:  # noqa: ANN001
        try:
            signal.emit(value)
        except RuntimeError:
            # The app closed while this ran (its relay is gone with the GUI thread's objects):
            # there is nobody left to tell.
            log.debug("background task finished after the app closed")


_pending: set[_Relay] = set()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    pool: QThreadPool | None = None,
) -> None:
    relay = _Relay()
    _pending.add(relay)

    def finish(handler, value) -> None:
        _pending.discard(relay)
        relay.deleteLater()
        if handler is not None:
            handler(value)
        elif isinstance(value, BaseException):
            log.error("background task failed: %s", value)

    relay.done.connect(lambda r: finish(on_done, r))
    relay.failed.connect(lambda e: finish(on_error, e))
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))


def pending_count() -> int:
    return len(_pending)
