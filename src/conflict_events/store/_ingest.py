"""Ingest: results in, one transaction per batch, idempotent by document id, fusion kept up to date.

For each batch of results: a document whose id is new is added; one already
stored with the same digest (the same result) is left alone; one stored with
another digest (re-extracted, say by a newer pipeline) replaces the old records.
The batch's rows are written, the fusion engine re-decides what the added and
removed events touch, and the clusters' leaders and summaries are written, all
in one transaction: a batch that fails leaves the store as it was.
"""

from __future__ import annotations

import gc
import hashlib
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Final, NamedTuple, TextIO

from sqlalchemy import Connection, Engine, Table, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..errors import ConflictEventsError, InputError, RecordError, StoreError
from ..io.writers import ErrorRecord
from ..schema import ExtractionResult, FatalityRule
from ._cells import StoreCells
from ._connect import write_begin
from ._consensus import SUMMARY_COLUMNS, summary_values
from ._fusion_engine import FusionChange, FusionEngine
from ._fusion_rules import FusionEvent
from ._records import ResultRecord, read_record
from ._rows import COLUMNS, TABLE_ORDER, RowBuilder
from ._tables import STATE_EPOCH, documents, events, metadata, store_state

__all__ = ["DEFAULT_BATCH", "IngestSummary", "Ingester", "ParsedResult", "parse_all", "parse_result",
           "read_result_files"]

DEFAULT_BATCH: Final = 500
# Events held in memory between batches. The engine drops the weeks well behind each country's newest
# event after every batch (FusionEngine.trim): a stream in date order holds the last months only (about
# 100,000 events at a million events over three years). Past this bound (a stream in no date order) it
# starts again from the store, which it reads back by the weeks it needs.
_MAX_HELD: Final = 400_000
_CHUNK: Final = 900
_READ_BUFFER: Final = 1 << 20
_KEYED: Final = ("documents", "locations", "actors", "events", "claims", "figures")
# (a test checks that these are the table's columns, in its order)
_FUSED_COLUMNS: Final = SUMMARY_COLUMNS


class ParsedResult(NamedTuple):
    """A result to ingest (its checked record), with the digest that tells a re-extraction from the same result."""

    record: ResultRecord
    digest: str

    @property
    def document_id(self) -> str:
        return self.record["document"]["id"]


def parse_result(item: ExtractionResult | str | bytes) -> ParsedResult:
    """A result (or its JSON line) checked for the store, with its digest: the SHA-256 of its JSON line.

    A line that is not a result raises ``ValueError`` saying where.
    """
    if isinstance(item, ExtractionResult):
        item = item.model_dump_json()
    return _parse_line((item.encode() if isinstance(item, str) else item).strip())


def _parse_line(raw: bytes) -> ParsedResult:
    """:func:`parse_result` of a JSON line without its surrounding white space."""
    return ParsedResult(read_record(raw), hashlib.sha256(raw).hexdigest())


def parse_all(items: Iterable[ExtractionResult | str | bytes], source: str) -> Iterator[ParsedResult]:
    for number, item in enumerate(items, start=1):
        try:
            yield parse_result(item)
        except ValueError as err:
            raise RecordError(f"not a valid extraction result: {err}", source=source, line=number) from None


def read_result_files(paths: Sequence[str | Path], *, on_error: Any) -> Iterator[ParsedResult]:
    """Results of JSONL files (``extract``'s output), line by line; a bad line goes to ``on_error`` and is skipped."""
    for path in paths:
        source = str(path)
        try:
            # a large buffer: a result's line is some 17 KB, which the default buffer read in pieces (a third
            # of the time of reading the lines)
            handle = Path(path).open("rb", buffering=_READ_BUFFER)  # noqa: SIM115 - closed by the with below
        except OSError as err:
            on_error(ErrorRecord(path=source, error=InputError.__name__,
                                 reason=f"cannot read file: {err.strerror or err}"))
            continue
        with handle:
            for number, line in enumerate(handle, start=1):
                raw = line.strip()
                if not raw:
                    continue
                try:
                    yield _parse_line(raw)
                except ValueError as err:
                    on_error(ErrorRecord(path=source, line=number, error=RecordError.__name__,
                                         reason=f"not a valid extraction result: {err}"))


@dataclass
class IngestSummary:
    """What an ingest did."""

    read: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    decisions: int = 0
    seconds: float = 0.0
    failures: list[ErrorRecord] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every input was ingested."""
        return self.failed == 0

    def to_text(self) -> str:
        """One line for the end of a run."""
        rate = self.events / self.seconds if self.seconds > 0 else 0.0
        return (f"{self.added} documents added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.failed} failed; {self.events} events in {self.seconds:.1f} s ({rate:,.0f} events/s)")


def _mark(conn: Connection) -> str:
    """The driver's placeholder for a bound value (SQLite's qmark, psycopg's format)."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


class Ingester:
    """Writes batches into one store, keeping the fusion engine's memory between them."""

    def __init__(self, engine: Engine, *, source: str, fatality_rule: FatalityRule = "lowest") -> None:
        self.engine = engine
        self.source = source
        self.rule: FatalityRule = fatality_rule
        self.cells = StoreCells()
        self.fusion = FusionEngine(self.cells)
        self.epoch: int | None = None

    def run(self, items: Iterable[ParsedResult], *, batch_size: int = DEFAULT_BATCH, progress: Any = None,
            summary: IngestSummary | None = None) -> IngestSummary:
        """Ingest every result, ``batch_size`` documents per transaction."""
        summary = summary or IngestSummary()
        started = time.perf_counter()
        iterator = iter(items)
        # Ingest makes millions of short-lived dicts and tuples and keeps many events in memory: the
        # cyclic collector would scan them all again and again for cycles they never form.
        collecting = gc.isenabled()
        gc.disable()
        try:
            with self._kept_open():
                while batch := list(islice(iterator, batch_size)):
                    summary.read += len(batch)
                    self.write_batch(batch, summary)
                    if progress is not None:
                        progress.update(len(batch))
        finally:
            if collecting:
                gc.enable()
        summary.seconds += time.perf_counter() - started
        return summary

    @contextmanager
    def _kept_open(self) -> Iterator[None]:
        """An idle connection to an SQLite store held while batches are written, each in a connection of its own.

        SQLite's last connection to close checkpoints the whole write-ahead log into the database and deletes
        it, and the next one makes it again: once per batch without this. The idle connection holds no
        transaction, so it locks nothing and keeps no pages; the log is checkpointed as it grows, as usual.
        """
        if self.engine.dialect.name != "sqlite":
            yield
            return
        with self.engine.connect():
            yield

    def write_batch(self, batch: Sequence[ParsedResult], summary: IngestSummary) -> None:
        """One transaction: the batch's documents added or replaced, fusion updated; all or nothing."""
        try:
            with write_begin(self.engine) as conn:
                self.cells.connection = conn
                self._write(conn, batch, summary)
        except ConflictEventsError:
            self.fusion.forget()
            raise
        except SQLAlchemyError as err:
            self.fusion.forget()
            orig = getattr(err, "orig", None) or err
            raise StoreError(f"the batch was not written (the store is as it was before it): {orig}",
                             source=self.source) from err
        except BaseException:
            self.fusion.forget()
            raise
        finally:
            self.cells.connection = None
        self.fusion.trim()
        if self.fusion.held > _MAX_HELD:
            self.fusion.forget()

    def _write(self, conn: Connection, batch: Sequence[ParsedResult], summary: IngestSummary) -> None:
        epoch = conn.execute(select(store_state.c.value).where(store_state.c.key == STATE_EPOCH)).scalar()
        if epoch != self.epoch:
            self.fusion.forget()  # another writer changed the store since: read it afresh
        latest = {p.document_id: p for p in batch}  # a document given twice: the later result wins
        stored = self._stored(conn, list(latest))
        todo = [p for doc_id, p in latest.items() if stored.get(doc_id, (0, ""))[1] != p.digest]
        summary.unchanged += len(batch) - len(todo)
        replaced = [stored[p.document_id][0] for p in todo if p.document_id in stored]
        summary.replaced += len(replaced)
        summary.added += len(todo) - len(replaced)
        if not todo:
            return
        builder = RowBuilder(next_pk=self._next_keys(conn))
        for p in todo:
            try:
                builder.add(p.record, p.digest)
            except ValueError as err:
                raise RecordError(f"not a valid extraction result: {err}", source=p.document_id) from None
        summary.events += len(builder.fusion)
        removed = [pk for (pk,) in self._select_in(conn, select(events.c.pk), events.c.document_pk, replaced)]
        change = self.fusion.apply(added=builder.fusion, removed=removed)
        summary.decisions += change.decided
        self._delete_fused(conn, change.touched | set(removed))
        self._delete_documents(conn, replaced)
        leaders = {f.pk: (f.leader if f.leader is not None else f.pk) for f in builder.fusion}
        builder.rows["events"] = [(*row[:-1], leaders[row[0]]) for row in builder.rows["events"]]
        for name in TABLE_ORDER:
            self._insert(conn, name, COLUMNS[name], builder.rows[name])
        new_pks = set(leaders)
        moved = [(lead, pk) for pk, lead in change.leaders.items() if pk not in new_pks]
        if moved:
            conn.exec_driver_sql(f"UPDATE events SET leader_pk = {_mark(conn)} WHERE pk = {_mark(conn)}", moved)
        self._write_fused(conn, change, [f for f in builder.fusion if not f.fusible])
        self._bump_epoch(conn, epoch)

    def _stored(self, conn: Connection, ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        query = select(documents.c.id, documents.c.pk, documents.c.digest)
        return {doc_id: (pk, digest) for doc_id, pk, digest in self._select_in(conn, query, documents.c.id, ids)}

    @staticmethod
    def _select_in(conn: Connection, query: Any, column: Any, values: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        for part in _chunks(values):
            out += conn.execute(query.where(column.in_(part))).all()
        return out

    @staticmethod
    def _next_keys(conn: Connection) -> dict[str, int]:
        tables = [metadata.tables[name] for name in _KEYED]
        query = select(*(select(func.coalesce(func.max(t.c.pk), 0)).scalar_subquery() for t in tables))
        row = conn.execute(query).one()
        return {name: int(value) + 1 for name, value in zip(_KEYED, row, strict=True)}

    @staticmethod
    def _delete_fused(conn: Connection, leaders: set[int]) -> None:
        # one prepared statement, run per key by the driver: an IN list of hundreds is compiled anew each batch
        if leaders:
            conn.exec_driver_sql(f"DELETE FROM fused_events WHERE leader_pk = {_mark(conn)}",
                                 [(pk,) for pk in sorted(leaders)])

    @staticmethod
    def _delete_documents(conn: Connection, doc_pks: Sequence[int]) -> None:
        for part in _chunks(list(doc_pks)):
            for name in reversed(TABLE_ORDER):
                table: Table = metadata.tables[name]
                column = table.c.pk if name == "documents" else table.c.document_pk
                conn.execute(delete(table).where(column.in_(part)))

    def _write_fused(self, conn: Connection, change: FusionChange, alone: Sequence[FusionEvent]) -> None:
        rows = [summary_values([f], rule=self.rule) for f in alone]
        for leader in sorted(change.touched):
            event = self.fusion.by_pk.get(leader)
            if event is not None and event.leader == leader:
                rows.append(summary_values(self.fusion.members_of(leader), rule=self.rule))
        self._insert(conn, "fused_events", _FUSED_COLUMNS, rows)

    @staticmethod
    def _insert(conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Rows straight to the driver's ``executemany``: the bulk of ingest, without per-row processing."""
        if not rows:
            return
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([_mark(conn)] * len(columns))})"
        conn.exec_driver_sql(sql, list(rows))

    def _bump_epoch(self, conn: Connection, epoch: int | None) -> None:
        new = (epoch or 0) + 1
        if epoch is None:
            conn.execute(store_state.insert(), {"key": STATE_EPOCH, "value": new})
        else:
            conn.execute(update(store_state).where(store_state.c.key == STATE_EPOCH).values(value=new))
        self.epoch = new


def progress_bar(enabled: bool, total: int | None, stream: TextIO | None = None) -> Any:
    """A tqdm bar of documents on stderr, or None."""
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=stream or sys.stderr, dynamic_ncols=True, smoothing=0.1)
