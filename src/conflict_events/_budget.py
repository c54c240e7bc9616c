"""A per-document time budget: a runaway document becomes an error, not a stuck batch.

In the main thread the budget is a real-time interval timer (``SIGALRM``) that raises
:class:`~conflict_events.errors.ExtractionError` inside whatever Python code is running,
however deep in a rule's loop; elsewhere (a worker thread, a platform without
``setitimer``) the budget is checked when the block ends. Batch workers are processes,
so each has a main thread of its own.

>>> import time
>>> with time_budget(0.05, "slow-doc"):
...     time.sleep(0.2)
Traceback (most recent call last):
...
conflict_events.errors.ExtractionError: slow-doc: took longer than the time budget of 0.05 s ...
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from types import FrameType, TracebackType
from typing import Any, Final

from .errors import ExtractionError

__all__ = ["DEFAULT_TIME_BUDGET", "time_budget"]

DEFAULT_TIME_BUDGET: Final = 60.0


# ``signal.signal`` wraps the C function to turn numbers into enums, at the price of two caught exceptions
# per call when a handler is a function (ten times the call itself); the budget swaps the handler twice per
# document, so it calls the C function it wraps (``_signal.signal``: Python 3.11's wrapper keeps no
# ``__wrapped__``, so the look-up of that attribute found nothing and the wrapper ran).
_set_handler: Callable[[int, Any], Any] = getattr(getattr(signal, "_signal", None), "signal", signal.signal)


class _OverBudget(BaseException):
    """Raised by the timer; a BaseException so that no ``except Exception`` in a rule swallows it."""


def _expired(signum: int, frame: FrameType | None) -> None:
    raise _OverBudget


def _message(seconds: float) -> str:
    return (f"took longer than the time budget of {seconds:g} s (a runaway input? change it with "
            "Pipeline(time_budget=...))")


def time_budget(seconds: float | None, document_id: str) -> AbstractContextManager[None]:
    """Raise :class:`ExtractionError` naming ``document_id`` when the block runs longer than ``seconds``."""
    if not seconds or seconds <= 0:
        return nullcontext()
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _Timer(seconds, document_id)
    return _untimed(seconds, document_id)


class _Timer:
    """The budget as a real-time interval timer: a plain class, not a generator (it runs per document)."""

    __slots__ = ("document_id", "interval", "left", "previous", "seconds")

    def __init__(self, seconds: float, document_id: str) -> None:
        self.seconds = seconds
        self.document_id = document_id

    def __enter__(self) -> None:
        self.previous = _set_handler(signal.SIGALRM, _expired)
        self.left, self.interval = signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if kind is _OverBudget:
                raise ExtractionError(_message(self.seconds), source=self.document_id) from None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _set_handler(signal.SIGALRM, self.previous)
            if self.left:  # an outer timer was running: give it back what it had left
                signal.setitimer(signal.ITIMER_REAL, self.left, self.interval)


@contextmanager
def _untimed(seconds: float, document_id: str) -> Iterator[None]:
    """The budget where no timer can interrupt (a worker thread): checked when the block ends."""
    started = time.monotonic()
    yield
    if time.monotonic() - started > seconds:
        raise ExtractionError(_message(seconds), source=document_id)
