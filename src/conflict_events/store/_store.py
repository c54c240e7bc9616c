"""The event store's front door: :class:`EventStore` and the one-call functions over it."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self, TextIO

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import InputError, StoreError
from ..io.writers import ErrorRecord
from ..schema import ExtractionResult, FatalityRule, FusedEvent
from ._connect import connect_engine, migrate
from ._export import ExportFormat, FusedFilter, iter_fused, select_summaries, write_export
from ._ingest import DEFAULT_BATCH, Ingester, IngestSummary, parse_all, progress_bar, read_result_files
from ._tables import documents, events, fused_events

__all__ = ["EventStore", "FusedRow", "export_fused", "ingest", "query_fused"]


@dataclass(frozen=True)
class FusedRow:
    """One line of ``store query``: a fused event's summary."""

    id: str
    date_start: dt.date
    date_end: dt.date
    event_type: str
    sub_event_type: str
    country: str | None
    admin1: str | None
    location: str | None
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    members: int
    documents: int


def _count_lines(paths: Sequence[str | Path]) -> int | None:
    total = 0
    for path in paths:
        try:
            with open(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            return None
    return total


class EventStore:
    """An event store: a path (SQLite, made on first use) or a ``postgresql://`` URL.

    >>> import datetime as dt, tempfile, pathlib
    >>> from conflict_events.schema import Document, ExtractionResult
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "events.sqlite"
    >>> calm = ExtractionResult(document=Document(id="a", text="Calm.", date=dt.date(2025, 1, 5)))
    >>> with EventStore(path) as store:
    ...     summary = store.ingest([calm])
    ...     summary.added, store.counts()["documents"]
    (1, 1)
    """

    def __init__(self, db: str | Path, *, create: bool = True) -> None:
        self.source = str(db)
        self.engine = connect_engine(db, must_exist=not create)
        self.revision_before = migrate(self.engine, source=self.source)
        self._ingester: Ingester | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def _ingest(self) -> Ingester:
        if self._ingester is None:
            self._ingester = Ingester(self.engine, source=self.source)
        return self._ingester

    def ingest(self, results: Iterable[ExtractionResult | str | bytes], *, batch_size: int = DEFAULT_BATCH,
               progress: bool = False, total: int | None = None, log: TextIO | None = None) -> IngestSummary:
        """Ingest results (records or their JSON lines), ``batch_size`` documents per transaction.

        A result whose document is already stored unchanged is skipped; a changed
        one replaces the old records. A JSON line that is not a valid result raises
        :class:`~conflict_events.errors.RecordError`: give files to
        :meth:`ingest_files` to skip bad lines instead.
        """
        if batch_size < 1:
            raise InputError(f"batch size must be at least 1, not {batch_size}", source="batch_size")
        bar = progress_bar(progress, total, log)
        try:
            return self._ingest().run(parse_all(results, "results"), batch_size=batch_size, progress=bar)
        finally:
            if bar is not None:
                bar.close()

    def ingest_files(self, paths: Sequence[str | Path], *, batch_size: int = DEFAULT_BATCH, progress: bool = False,
                     log: TextIO | None = sys.stderr) -> IngestSummary:
        """Ingest JSONL files of results; a bad line is reported (``failures``, ``log``) and skipped."""
        if batch_size < 1:
            raise InputError(f"batch size must be at least 1, not {batch_size}", source="--batch-size")
        summary = IngestSummary()
        bar = progress_bar(progress, _count_lines(paths) if progress else None, log)

        def failed(record: ErrorRecord) -> None:
            summary.failed += 1
            if len(summary.failures) < 1000:
                summary.failures.append(record)
            if log is not None:
                text = f"conflict-events: {record.to_text()}"
                if bar is not None:
                    bar.write(text, file=log)
                else:
                    print(text, file=log, flush=True)

        try:
            return self._ingest().run(read_result_files(paths, on_error=failed), batch_size=batch_size,
                                      progress=bar, summary=summary)
        finally:
            if bar is not None:
                bar.close()

    def fused_events(self, filters: FusedFilter | None = None, *, fatality_rule: FatalityRule = "lowest"
                     ) -> Iterator[FusedEvent]:
        """The fused events ``filters`` keeps, in date order, read a page at a time."""
        with self._read() as conn:
            for fused, _, _ in iter_fused(conn, filters or FusedFilter(), rule=fatality_rule):
                yield fused

    def query(self, filters: FusedFilter | None = None, *, limit: int | None = None) -> list[FusedRow]:
        """Summaries of the fused events ``filters`` keeps, in date order."""
        query = select_summaries(filters or FusedFilter())
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [FusedRow(**{k: v for k, v in row._mapping.items() if k != "leader_pk"})
                    for row in conn.execute(query)]

    def export(self, target: str | Path | IO[str], *, format: ExportFormat = "jsonl",
               filters: FusedFilter | None = None, fatality_rule: FatalityRule = "lowest") -> int:
        """Write fused events to a path or an open text file as ``jsonl``, ``acled-csv`` or ``geojson``."""
        opened: Any
        if isinstance(target, str | Path):
            try:
                opened = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
            except OSError as err:
                raise InputError(f"cannot write file: {err.strerror or err}", source=str(target)) from err
        else:
            opened = nullcontext(target)
        with opened as handle, self._read() as conn:
            return write_export(conn, handle, format, filters or FusedFilter(), fatality_rule)

    def counts(self) -> dict[str, int]:
        """How many documents, events and fused events the store holds."""
        with self._read() as conn:
            row = conn.execute(select(
                select(func.count()).select_from(documents).scalar_subquery(),
                select(func.count()).select_from(events).scalar_subquery(),
                select(func.count()).select_from(fused_events).scalar_subquery())).one()
        return {"documents": row[0], "events": row[1], "fused_events": row[2]}

    def _read(self) -> Any:
        try:
            return self.engine.connect()
        except SQLAlchemyError as err:
            raise StoreError(f"cannot read the store: {getattr(err, 'orig', None) or err}", source=self.source
                             ) from err


def ingest(results: Iterable[ExtractionResult | str | bytes], db: str | Path, **options: Any) -> IngestSummary:
    """Ingest results into the store ``db`` (made if missing); options as :meth:`EventStore.ingest`.

    >>> import datetime as dt, tempfile, pathlib
    >>> from conflict_events.schema import Document, ExtractionResult
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "events.sqlite"
    >>> result = ExtractionResult(document=Document(id="a", text="Calm.", date=dt.date(2025, 1, 5)))
    >>> ingest([result], db).added, ingest([result], db).unchanged
    (1, 1)
    """
    with EventStore(db) as store:
        return store.ingest(results, **options)


def export_fused(db: str | Path, target: str | Path | IO[str], *, format: ExportFormat = "jsonl",
                 filters: FusedFilter | None = None, fatality_rule: FatalityRule = "lowest") -> int:
    """Export the fused events of the store ``db``; returns how many were written."""
    with EventStore(db, create=False) as store:
        return store.export(target, format=format, filters=filters, fatality_rule=fatality_rule)


def query_fused(db: str | Path, filters: FusedFilter | None = None, *, limit: int | None = None) -> list[FusedRow]:
    """Summaries of the fused events of the store ``db`` that ``filters`` keeps."""
    with EventStore(db, create=False) as store:
        return store.query(filters, limit=limit)
