"""The typed draft that passes from extractor to extractor.

A :class:`Draft` is the mutable working state of one document: each extractor
reads what earlier ones provided and adds its own records (frozen models; to
change one, replace it with ``model_copy(update=...)``). The pipeline turns the
finished draft into a validated :class:`~conflict_events.schema.ExtractionResult`.

>>> from datetime import date
>>> from conflict_events.schema import Document
>>> draft = Draft(Document(id="d", text="Troops shelled Izium.", date=date(2022, 3, 1)))
>>> draft.span(15, 20).text
'Izium'
>>> draft.new_id("ev", 0, 7) == draft.new_id("ev", 0, 7)
True
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain
from operator import is_, itemgetter
from typing import Any, Final, TypeVar

from .errors import ContractError
from .schema import (
    Actor,
    Claim,
    Document,
    Event,
    ExtractionResult,
    ExtractionWarning,
    Figure,
    Location,
    PipelineStep,
    Span,
    TimeSpan,
)

__all__ = ["FIELDS", "Draft"]

_T = TypeVar("_T")


FIELDS: Final[tuple[str, ...]] = ("actors", "locations", "times", "figures", "claims", "events")
"""The record lists a step may read (``requires``) or write (``provides``); ``warnings`` are open to all."""


class Draft:
    """Working state of one document inside the chain.

    While a step runs, the pipeline guards the draft: reading a record list the step neither
    requires nor provides raises :class:`~conflict_events.errors.ContractError`, and so does
    writing one it does not provide (checked when the step returns).
    """

    def __init__(
        self,
        document: Document,
        actors: Iterable[Actor] = (),
        locations: Iterable[Location] = (),
        times: Iterable[TimeSpan] = (),
        figures: Iterable[Figure] = (),
        claims: Iterable[Claim] = (),
        events: Iterable[Event] = (),
        warnings: Iterable[ExtractionWarning] = (),
    ) -> None:
        self.document = document
        self._actors = list(actors)
        self._locations = list(locations)
        self._times = list(times)
        self._figures = list(figures)
        self._claims = list(claims)
        self._events = list(events)
        self.warnings: list[ExtractionWarning] = list(warnings)
        self._readable: frozenset[str] | None = None  # None: unguarded (outside a pipeline step)
        self._step: str | None = None
        # the times by position, for a step that may not write them (built on its first ``times_in``)
        self._times_fixed = False
        self._times_by_start: tuple[list[int], list[TimeSpan]] | None = None

    def _get(self, name: str) -> list[Any]:
        if self._readable is not None and name not in self._readable:
            raise ContractError(
                f"read draft.{name} but declares neither requires nor provides {name!r}",
                source=self._step,
            )
        value: list[Any] = getattr(self, "_" + name)
        return value

    def _set(self, name: str, value: list[Any]) -> None:
        self._get(name)  # a write needs at least the right to read
        setattr(self, "_" + name, value)

    @property
    def actors(self) -> list[Actor]:
        readable = self._readable  # _get inlined: steps read the lists tens of times per document
        if readable is None or "actors" in readable:
            return self._actors
        return self._get("actors")  # raises

    @actors.setter
    def actors(self, value: list[Actor]) -> None:
        self._set("actors", value)

    @property
    def locations(self) -> list[Location]:
        readable = self._readable  # _get inlined: steps read the lists tens of times per document
        if readable is None or "locations" in readable:
            return self._locations
        return self._get("locations")  # raises

    @locations.setter
    def locations(self, value: list[Location]) -> None:
        self._set("locations", value)

    @property
    def times(self) -> list[TimeSpan]:
        readable = self._readable  # _get inlined: steps read the lists tens of times per document
        if readable is None or "times" in readable:
            return self._times
        return self._get("times")  # raises

    @times.setter
    def times(self, value: list[TimeSpan]) -> None:
        self._set("times", value)

    @property
    def figures(self) -> list[Figure]:
        readable = self._readable  # _get inlined: steps read the lists tens of times per document
        if readable is None or "figures" in readable:
            return self._figures
        return self._get("figures")  # raises

    @figures.setter
    def figures(self, value: list[Figure]) -> None:
        self._set("figures", value)

    @property
    def claims(self) -> list[Claim]:
        readable = self._readable  # _get inlined: steps read the lists tens of times per document
        if readable is None or "claims" in readable:
            return self._claims
        return self._get("claims")  # raises

    @claims.setter
    def claims(self, value: list[Claim]) -> None:
        self._set("claims", value)

    @property
    def events(self) -> list[Event]:
        readable = self._readable  # _get inlined: steps read the lists tens of times per document
        if readable is None or "events" in readable:
            return self._events
        return self._get("events")  # raises

    @events.setter
    def events(self, value: list[Event]) -> None:
        self._set("events", value)

    @contextmanager
    def guarded(self, step: str, requires: Iterable[str], provides: Iterable[str]) -> Iterator[None]:
        """Let a step read only what it declares, and check on return that it wrote only what it provides.

        >>> from datetime import date
        >>> draft = Draft(Document(id="d", text="Shelling.", date=date(2024, 1, 1)))
        >>> with draft.guarded("demo.v1", requires={"times"}, provides={"events"}):
        ...     draft.times, draft.events
        ([], [])
        >>> with draft.guarded("demo.v1", requires=(), provides={"events"}):  # doctest: +ELLIPSIS
        ...     draft.actors
        Traceback (most recent call last):
        ...
        conflict_events.errors.ContractError: demo.v1: read draft.actors but declares neither requires nor ...
        """
        before = self._open_guard(step, requires, provides)
        try:
            yield
        finally:
            self._close_guard()
        self._check_guard(step, before)

    # The guard's two halves, which the pipeline calls directly around each step (no context manager
    # per step and document).

    def _open_guard(self, step: str, requires: Iterable[str], provides: Iterable[str]) -> _Print:
        """Start guarding for ``step``; the fingerprint of the lists it may not write."""
        if type(requires) is frozenset and type(provides) is frozenset:
            readable, attrs, pick = _guard_plan(requires, provides)  # the same few pairs, document after document
        else:  # any other iterable (a set, a generator) is read once and not kept
            readable, attrs, pick = _guard_plan.__wrapped__(frozenset(requires), frozenset(provides))
        # each list, its length and the identity of each record in it (frozen records change only by
        # replacement), the records of all lists in one tuple: one comparison when the step returns
        records = pick(self.__dict__)
        self._readable, self._step = readable, step
        self._times_fixed, self._times_by_start = "_times" in attrs, None
        return attrs, records, tuple(map(len, records)), tuple(map(id, chain.from_iterable(records)))

    def _close_guard(self) -> None:
        """Stop guarding: the draft is open to all again."""
        self._readable, self._step = None, None
        self._times_fixed, self._times_by_start = False, None

    def _check_guard(self, step: str, before: _Print) -> None:
        """Raise :class:`ContractError` if a list fingerprinted by :meth:`_open_guard` changed."""
        attrs, records, lengths, ids = before
        lists = self.__dict__
        if (
            all(map(is_, map(lists.__getitem__, attrs), records))
            and tuple(map(len, records)) == lengths
            and tuple(map(id, chain.from_iterable(records))) == ids
        ):
            return
        changed = []
        offset = 0
        for attr, old, size in zip(attrs, records, lengths, strict=True):
            if lists[attr] is not old or tuple(map(id, old)) != ids[offset : offset + size]:
                changed.append(attr[1:])
            offset += size
        raise ContractError(f"wrote draft.{', draft.'.join(changed)} without declaring it in provides", source=step)

    @property
    def text(self) -> str:
        return self.document.text

    def span(self, start: int, end: int) -> Span:
        """The span of the document text between two character offsets."""
        return Span.of(self.document.text, start, end)

    def new_id(self, prefix: str, *parts: object) -> str:
        """A stable id: the same document and parts always give the same id."""
        key = "\x1f".join([self.document.id, prefix, *map(str, parts)])
        return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"

    def warn(self, code: str, message: str, *, extractor: str | None = None, span: Span | None = None) -> None:
        """Record something skipped or uncertain."""
        self.warnings.append(ExtractionWarning(code=code, message=message, extractor=extractor, span=span))

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``start:end``; the tightest such mention wins."""
        return tightest(((m.start, m.end, a) for a in self.actors for m in a.mentions), start, end)

    def location_at(self, start: int, end: int) -> Location | None:
        """The location with a mention overlapping ``start:end``; the tightest such mention wins."""
        return tightest(((m.start, m.end, loc) for loc in self.locations for m in loc.mentions), start, end)

    def times_in(self, start: int, end: int) -> list[TimeSpan]:
        """The time expressions whose mention lies inside ``start:end``, in text order."""
        times = self.times
        if self._times_fixed:
            # a step that may not write the times asks for them by position many times (each sentence, each
            # claim): they are sorted once and each range is found by bisection, not by a scan of them all
            index = self._times_by_start
            if index is None:
                ordered = sorted((t for t in times if t.mention), key=_time_order)
                index = self._times_by_start = ([_time_order(t)[0] for t in ordered], ordered)
            starts, ordered = index
            near = ordered[bisect_left(starts, start) : bisect_right(starts, end)]
            return [t for t in near if t.mention and t.mention.end <= end]
        inside = [t for t in times if t.mention and start <= t.mention.start and t.mention.end <= end]
        return sorted(inside, key=_time_order)

    def to_result(self, pipeline: list[PipelineStep]) -> ExtractionResult:
        """Validate the draft into a result (raises ``pydantic.ValidationError`` on a broken invariant)."""
        return ExtractionResult(
            document=self.document,
            events=tuple(self.events),
            claims=tuple(self.claims),
            actors=tuple(self.actors),
            locations=tuple(self.locations),
            times=tuple(sorted((t for t in self.times if t.mention), key=_time_order)),
            warnings=tuple(self.warnings),
            pipeline=tuple(pipeline),
        )


def tightest(items: Iterable[tuple[int, int, _T]], start: int, end: int) -> _T | None:
    """The item whose ``(start, end)`` overlaps ``start:end`` with the shortest extent; the first of equals."""
    best: tuple[int, _T] | None = None
    for item_start, item_end, item in items:
        if item_start < end and start < item_end:
            size = item_end - item_start
            if best is None or size < best[0]:
                best = (size, item)
    return best[1] if best else None


def _time_order(t: TimeSpan) -> tuple[int, int]:
    assert t.mention is not None
    return (t.mention.start, t.mention.end)


# The record lists a step may not write when it began: their attribute names, the lists, their lengths and
# the identity of every record in them, list after list.
_Print = tuple[tuple[str, ...], tuple[list[Any], ...], tuple[int, ...], tuple[int, ...]]
_LISTS: Final = tuple((name, "_" + name) for name in FIELDS)


@lru_cache(maxsize=64)
def _guard_plan(
    requires: frozenset[str], provides: frozenset[str]
) -> tuple[frozenset[str], tuple[str, ...], Callable[[dict[str, Any]], tuple[list[Any], ...]]]:
    """What a step may read, the attributes of the lists it may not write, and a getter of those lists."""
    attrs = tuple(attr for name, attr in _LISTS if name not in provides)
    if len(attrs) > 1:
        pick: Callable[[dict[str, Any]], tuple[list[Any], ...]] = itemgetter(*attrs)
    else:  # itemgetter of one key gives the item, not a tuple of one

        def pick(lists: dict[str, Any]) -> tuple[list[Any], ...]:
            return tuple(lists[attr] for attr in attrs)

    return requires | provides, attrs, pick
