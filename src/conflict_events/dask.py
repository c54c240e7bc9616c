"""Run the pipeline on a Dask cluster: one pipeline per worker process, one JSONL file per partition.

Needs the ``dask`` extra (``pip install "conflict-events[dask]"``), i.e.
``dask[bag]`` and ``distributed``, on the client and on every worker, plus the
package itself and a spaCy model on every worker.

:func:`run_dask` is what ``conflict-events extract --engine dask`` calls: it
plans the inputs into partitions on the client (file names and JSONL byte
ranges only; the workers read the text), maps the pipeline over them and
writes ``OUT_DIR/part-00000.jsonl`` (results) and ``OUT_DIR/errors-00000.jsonl``
(one :class:`~conflict_events.io.writers.ErrorRecord` per document that could
not be read or extracted) for every partition. Without ``scheduler`` it starts
a ``LocalCluster`` and closes it at the end; with an address it uses that
cluster.

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> lines = [json.dumps({"id": "a", "text": "Shelling hit Izium on Sunday.", "date": "2025-01-05"}),
...          json.dumps({"id": "b", "text": "No date."})]
>>> _ = (folder / "news.jsonl").write_text("\\n".join(lines) + "\\n", encoding="utf-8")
>>> summary = run_dask([folder / "news.jsonl"], folder / "out", npartitions=1, n_workers=1,
...                    log=None)  # doctest: +SKIP
>>> summary.written, summary.failed, sorted(p.name for p in (folder / "out").iterdir())  # doctest: +SKIP
(1, 1, ['_plan.json', 'errors-00000.jsonl', 'part-00000.jsonl'])

On a bag you build yourself, :func:`extract_bag` gives the outcomes lazily and
:func:`write_partitions` writes them; both build each worker's pipeline once
(see :func:`worker_pipeline`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import math
import os
import socket
import sys
import tempfile
import threading
import time
import tomllib
import uuid
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TextIO, cast

from ._budget import DEFAULT_TIME_BUDGET
from .batch import extract_chunk
from .errors import (
    ConflictEventsError,
    InputError,
    ModelNotFoundError,
    PipelineError,
    PluginError,
)
from .io.readers import (
    JSONL_SUFFIXES,
    STDIN,
    SourcedDocument,
    expand_inputs,
    iter_sourced_documents,
    jsonl_records,
    read_text_file,
)
from .io.writers import ErrorRecord, split_origin
from .schema import Document

if TYPE_CHECKING:
    import dask.bag as db

    from .pipeline import Pipeline

__all__ = [
    "DaskSummary",
    "Outcome",
    "PartitionSummary",
    "PipelineSpec",
    "extract_bag",
    "pipelines_built",
    "run_dask",
    "worker_pipeline",
    "write_partitions",
]

DEFAULT_BATCH_SIZE: Final = 16
# Documents per partition when the caller names no count: small enough that a lost worker costs
# minutes, not hours (a 300-word article took ~0.9 s on a busy core), and that partitions spread
# over many workers; big enough that the per-task overhead (milliseconds) is nothing beside that.
DEFAULT_PARTITION_DOCUMENTS: Final = 250
# Failures kept in memory per partition and per run; the errors files hold them all.
_KEPT_FAILURES: Final = 1000
PART_NAME: Final = "part-{:05d}.jsonl"
# The plan of a run over files, so that resume can check it continues the same run.
PLAN_NAME: Final = "_plan.json"
ERRORS_NAME: Final = "errors-{:05d}.jsonl"
# Errors that stop the whole run: every partition would fail the same way.
_FATAL: Final = (ModelNotFoundError, PipelineError, PluginError)


def _require_dask() -> tuple[Any, Any]:
    """``dask.bag`` and ``distributed``, typed Any: neither ships annotations mypy --strict accepts."""
    try:
        return importlib.import_module("dask.bag"), importlib.import_module("distributed")
    except ImportError as err:
        raise ConflictEventsError(
            f"the Dask engine needs dask[bag] and distributed ({err.name} is missing): "
            'pip install "conflict-events[dask]"',
            source="conflict_events.dask",
        ) from err


# -- the pipeline on the workers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build a pipeline; equal specs share one pipeline per process.

    The TOML *text* travels, not its path, because a worker may not see the
    client's files. ``source`` only names the file in errors.

    >>> spec = PipelineSpec(batch_size=8)
    >>> spec == PipelineSpec(batch_size=8), spec == PipelineSpec(batch_size=4)
    (True, False)
    """

    toml: str | None = None
    model: str | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    source: str | None = field(default=None, compare=False)
    time_budget: float | None = DEFAULT_TIME_BUDGET

    @classmethod
    def from_toml(
        cls, path: str | Path | None, *, model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
        time_budget: float | None = DEFAULT_TIME_BUDGET,
    ) -> PipelineSpec:
        """Read a pipeline description (None: the default chain) and check it is TOML, on the client."""
        if batch_size < 1:
            raise InputError(f"batch size must be at least 1, not {batch_size}", source="--batch-size")
        if path is None:
            return cls(model=model, batch_size=batch_size, time_budget=time_budget)
        try:
            text = Path(path).read_text(encoding="utf-8")
            tomllib.loads(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise PipelineError(f"cannot read pipeline description: {err}", source=str(path)) from err
        return cls(toml=text, model=model, batch_size=batch_size, source=str(path), time_budget=time_budget)

    def build(self) -> Pipeline:
        """Build the pipeline (loads the spaCy model: seconds). Workers call :func:`worker_pipeline`."""
        from .pipeline import Pipeline

        kwargs: dict[str, Any] = {"batch_size": self.batch_size, "time_budget": self.time_budget}
        if self.model is not None:
            kwargs["model"] = self.model
        if self.toml is None:
            return Pipeline(**kwargs)
        # Pipeline.from_toml reads a path; a private temporary copy keeps its checks in one place.
        with tempfile.TemporaryDirectory(prefix="conflict-events-") as tmp:
            copy = Path(tmp) / "pipeline.toml"
            copy.write_text(self.toml, encoding="utf-8")
            try:
                return Pipeline.from_toml(copy, **kwargs)
            except PipelineError as err:
                raise PipelineError(err.message, source=self.source or "pipeline TOML") from err


_PIPELINES: dict[PipelineSpec, Pipeline] = {}
_PIPELINES_LOCK = threading.Lock()
_PIPELINES_BUILT = 0


def worker_pipeline(spec: PipelineSpec) -> Pipeline:
    """This process's pipeline for ``spec``, built on first use and kept for every later task.

    The cache lives in this module, so it lasts as long as the worker process;
    a lock stops two threads of one worker from loading the model twice.
    A build that fails is not cached, so it is retried (and reported) by each task.
    """
    global _PIPELINES_BUILT
    with _PIPELINES_LOCK:
        pipeline = _PIPELINES.get(spec)
        if pipeline is None:
            pipeline = spec.build()
            _PIPELINES[spec] = pipeline
            _PIPELINES_BUILT += 1
        return pipeline


def pipelines_built() -> int:
    """How many pipelines this process has built (1 per spec when the cache works)."""
    return _PIPELINES_BUILT


# -- extraction ---------------------------------------------------------------------------------------------


class Outcome(NamedTuple):
    """One input's outcome: ``result`` (an ``ExtractionResult`` as a JSON line) or ``error``."""

    id: str | None
    result: str | None = None
    error: ErrorRecord | None = None
    words: int = 0


def _origin_error(origin: str, document_id: str, err_name: str, reason: str) -> ErrorRecord:
    # In-memory documents have no origin; a file's is "path" or "path:line".
    path, line = split_origin(origin or None)
    return ErrorRecord(id=document_id, path=path, line=line, error=err_name, reason=reason)


def _extract_chunk(pipeline: Pipeline, chunk: list[SourcedDocument]) -> list[Outcome]:
    """Extract with the batch runner's chunk step (``nlp.pipe``, one outcome per document, in order)."""
    outcomes = extract_chunk(pipeline, [item.document for item in chunk])
    return [
        Outcome(item.document.id, result=outcome[1], words=len(item.document.text.split()))
        if outcome[0] == "ok"
        else Outcome(item.document.id, error=_origin_error(item.origin, item.document.id, outcome[1], outcome[2]))
        for item, outcome in zip(chunk, outcomes, strict=True)
    ]


def _as_item(element: Any) -> SourcedDocument | ErrorRecord:
    if isinstance(element, SourcedDocument | ErrorRecord):
        return element
    if isinstance(element, Document):
        return SourcedDocument("", element)
    return ErrorRecord(error=InputError.__name__,
                       reason=f"a bag element must be a Document, not {type(element).__name__}: "
                              f"{repr(element)[:80]}")


def _extract_stream(elements: Iterable[Any], spec: PipelineSpec) -> Iterator[Outcome]:
    """Outcomes of a partition's elements in order, ``batch_size`` documents at a time."""
    pipeline = worker_pipeline(spec)
    chunk: list[SourcedDocument] = []
    for element in elements:
        item = _as_item(element)
        if isinstance(item, ErrorRecord):
            # An input that failed to read keeps its place: flush the documents before it first.
            if chunk:
                yield from _extract_chunk(pipeline, chunk)
                chunk = []
            yield Outcome(item.id, error=item)
            continue
        chunk.append(item)
        if len(chunk) >= spec.batch_size:
            yield from _extract_chunk(pipeline, chunk)
            chunk = []
    if chunk:
        yield from _extract_chunk(pipeline, chunk)


def _extract_partition(elements: Iterable[Any], spec: PipelineSpec) -> list[Outcome]:
    # A list, not the generator: a partition may have to travel to another worker or to the client.
    return list(_extract_stream(elements, spec))


def extract_bag(documents: db.Bag, *, pipeline: PipelineSpec | None = None) -> db.Bag:
    """Map the pipeline over a bag of documents, lazily: a bag of :class:`Outcome`, in the same order.

    Elements may be :class:`~conflict_events.schema.Document`,
    :class:`~conflict_events.io.readers.SourcedDocument` (errors then name the
    file and line) or :class:`~conflict_events.io.writers.ErrorRecord` (passed
    through). Each worker process builds its pipeline once (:func:`worker_pipeline`).

    >>> import datetime as dt, dask.bag as db
    >>> from conflict_events.schema import ExtractionResult
    >>> docs = db.from_sequence([Document(id="d1", text="Troops shelled Izium.", date=dt.date(2025, 1, 5))])
    >>> [ExtractionResult.model_validate_json(o.result).document.id
    ...  for o in extract_bag(docs).compute(scheduler="sync")]
    ['d1']
    """
    _require_dask()
    bag: Any = documents
    return cast("db.Bag", bag.map_partitions(_extract_partition, pipeline or PipelineSpec()))


# -- writing partitions -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartitionSummary:
    """What one partition task did, and where (``worker`` is ``host:pid``)."""

    index: int
    written: int
    failed: int
    words: int
    seconds: float
    worker: str
    pipelines_built: int
    failures: tuple[ErrorRecord, ...] = ()
    stored: int = 0  # documents ingested into the event store (run_dask(store=...))


def _atomic_writer(final: Path) -> tuple[Path, TextIO]:
    # A unique temporary name, renamed into place at the end: a task that Dask runs twice
    # (its worker was lost) or that dies half-way never leaves a half-written partition.
    tmp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
    return tmp, tmp.open("w", encoding="utf-8", newline="\n")


def _write_partition(elements: Iterable[Any], index: int, *, out_dir: str, spec: PipelineSpec,
                     store: str | None = None) -> PartitionSummary:
    started = time.perf_counter()
    folder = Path(out_dir)
    part, errors = folder / PART_NAME.format(index), folder / ERRORS_NAME.format(index)
    written = failed = words = 0
    failures: list[ErrorRecord] = []
    part_tmp, part_fh = _atomic_writer(part)
    errors_tmp, errors_fh = _atomic_writer(errors)
    try:
        with part_fh, errors_fh:
            for outcome in _extract_stream(elements, spec):
                if outcome.result is not None:
                    part_fh.write(outcome.result + "\n")
                    written += 1
                    words += outcome.words
                elif outcome.error is not None:
                    errors_fh.write(outcome.error.model_dump_json() + "\n")
                    failed += 1
                    if len(failures) < _KEPT_FAILURES:
                        failures.append(outcome.error)
        os.replace(part_tmp, part)
        os.replace(errors_tmp, errors)
    finally:
        for tmp in (part_tmp, errors_tmp):
            tmp.unlink(missing_ok=True)
    stored = store_partition(store, part) if store else 0
    return PartitionSummary(index=index, written=written, failed=failed, words=words,
                            seconds=time.perf_counter() - started,
                            worker=f"{socket.gethostname()}:{os.getpid()}",
                            pipelines_built=pipelines_built(), failures=tuple(failures), stored=stored)


def store_partition(store: str, part: str | Path) -> int:
    """Ingest one finished part file into an event store (on the worker); returns the documents it took.

    Ingest is idempotent by document id, so a task Dask runs twice stores nothing twice;
    concurrent partitions take turns (PostgreSQL: an advisory lock; SQLite: its write lock).
    """
    from .store import EventStore

    with EventStore(store) as event_store:
        summary = event_store.ingest_files([part], log=None)
    if not summary.ok:
        raise ConflictEventsError(f"{summary.failed} results of {part} could not be ingested "
                                  f"({summary.failures[0].reason})", source=store)
    return summary.added + summary.replaced + summary.unchanged


def write_partitions(
    documents: db.Bag, out_dir: str | Path, *, pipeline: PipelineSpec | None = None, store: str | None = None
) -> list[Any]:
    """Extract each partition of ``documents`` to ``OUT_DIR/part-NNNNN.jsonl`` and ``errors-NNNNN.jsonl``.

    Returns one ``dask.delayed`` task per partition, computing to its
    :class:`PartitionSummary`; nothing runs until they are computed. Lines keep
    the bag's order within a partition; each file appears complete or not at
    all. A partition is held in memory as a list while it is extracted (a
    lazy partition cannot travel between workers). ``out_dir`` must be a
    directory every worker can write to (a shared file system on a
    multi-machine cluster).

    >>> import dask, datetime as dt, tempfile, dask.bag as db
    >>> docs = db.from_sequence([Document(id="d1", text="Troops shelled Izium.", date=dt.date(2025, 1, 5))])
    >>> out = tempfile.mkdtemp()
    >>> [s.written for s in dask.compute(*write_partitions(docs, out), scheduler="sync")]
    [1]
    """
    _require_dask()
    delayed: Any = importlib.import_module("dask").delayed
    bag: Any = documents
    out_dir = Path(out_dir).absolute()  # the workers' working directory need not be ours
    out_dir.mkdir(parents=True, exist_ok=True)
    # The list is fused into the partition's own task, so what a write task receives is plain data.
    parts = bag.map_partitions(list).to_delayed()
    spec = pipeline or PipelineSpec()
    return [delayed(_write_partition, pure=False)(part, index, out_dir=str(out_dir), spec=spec, store=store)
            for index, part in enumerate(parts)]


def _write_planned(
    planned: Iterable[tuple[int, list[_Unit]]], *, out_dir: str, spec: PipelineSpec, date: dt.date | None,
    replace_errors: bool, store: str | None = None,
) -> list[PartitionSummary]:
    """One planned partition, read and extracted in one task so that documents stream, never travel."""
    return [_write_partition(_read_units(group, date=date, replace_errors=replace_errors), index,
                             out_dir=out_dir, spec=spec, store=store) for index, group in planned]


# -- planning inputs into partitions ------------------------------------------------------------------------


class _TextFile(NamedTuple):
    path: str


class _JsonlBlock(NamedTuple):
    """Lines ``first_line`` .. ``first_line + lines - 1`` of a JSONL file, starting at byte ``start``."""

    path: str
    start: int
    first_line: int
    lines: int


class _JsonlFile(NamedTuple):
    """A JSONL file seen on the client, with the byte offset of every line, before it is cut into blocks."""

    path: str
    starts: array[int]


_Unit = _TextFile | _JsonlBlock | SourcedDocument | ErrorRecord


def _line_starts(path: str) -> array[int]:
    """The byte offset of every line of a file (8 bytes a line: 80 MB for ten million documents)."""
    starts: array[int] = array("q")
    position = 0
    with open(path, "rb") as fh:
        for line in fh:
            starts.append(position)
            position += len(line)
    return starts


def _weight(unit: _Unit) -> int:
    return unit.lines if isinstance(unit, _JsonlBlock) else 1


def _plan(
    inputs: Iterable[Document | SourcedDocument | str | Path],
    *,
    npartitions: int | None,
    workers: int,
    date: dt.date | None,
    replace_errors: bool,
) -> list[list[_Unit]]:
    """Cut the inputs into contiguous partitions of about equal document counts, in input order."""
    pieces: list[_Unit | _JsonlFile] = []
    total = 0

    def input_failed(err: InputError) -> None:
        pieces.append(ErrorRecord.of(err))

    for given in inputs:
        if isinstance(given, Document | SourcedDocument):
            pieces.append(given if isinstance(given, SourcedDocument) else SourcedDocument("", given))
            total += 1
            continue
        for name in expand_inputs([given], on_error=input_failed):
            if name == STDIN:
                # Standard input exists only here: read on the client and shipped with the tasks.
                for item in iter_sourced_documents([STDIN], date=date, replace_errors=replace_errors,
                                                   on_error=input_failed):
                    pieces.append(item)
                    total += 1
            # Absolute: a worker's working directory need not be the client's.
            elif Path(name).suffix.lower() in JSONL_SUFFIXES:
                name = os.path.abspath(name)
                try:
                    starts = _line_starts(name)
                except OSError as err:
                    input_failed(InputError(f"cannot read file: {err.strerror or err}", source=name))
                    continue
                pieces.append(_JsonlFile(name, starts))
                total += len(starts)
            else:
                pieces.append(_TextFile(os.path.abspath(name)))
                total += 1
    if npartitions is None:
        npartitions = max(2 * workers, math.ceil(total / DEFAULT_PARTITION_DOCUMENTS))
    target = max(1, math.ceil(total / max(1, npartitions)))

    partitions: list[list[_Unit]] = []
    current: list[_Unit] = []
    weight = 0

    def add(unit: _Unit) -> None:
        nonlocal current, weight
        current.append(unit)
        weight += _weight(unit) if not isinstance(unit, ErrorRecord) else 0
        if weight >= target:
            partitions.append(current)
            current, weight = [], 0

    for piece in pieces:
        if isinstance(piece, _JsonlFile):
            done = 0
            while done < len(piece.starts):
                take = min(len(piece.starts) - done, target - weight)
                add(_JsonlBlock(piece.path, piece.starts[done], done + 1, take))
                done += take
        else:
            add(piece)
    if current:
        partitions.append(current)
    return partitions or [[]]


def _read_units(units: Iterable[_Unit], *, date: dt.date | None, replace_errors: bool
                ) -> Iterator[SourcedDocument | ErrorRecord]:
    """On a worker: the documents of a partition's units, in order; unreadable inputs as ErrorRecords."""
    for unit in units:
        if isinstance(unit, _TextFile):
            try:
                yield SourcedDocument(unit.path, read_text_file(unit.path, date=date,
                                                                replace_errors=replace_errors))
            except InputError as err:
                yield ErrorRecord.of(err)
        elif isinstance(unit, _JsonlBlock):
            yield from _read_block(unit, date=date, replace_errors=replace_errors)
        else:
            yield unit


def _read_block(block: _JsonlBlock, *, date: dt.date | None, replace_errors: bool
                ) -> Iterator[SourcedDocument | ErrorRecord]:
    pending: list[InputError] = []
    try:
        fh = open(block.path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as err:
        yield ErrorRecord.of(InputError(f"cannot read file: {err.strerror or err}", source=block.path))
        return
    with fh:
        fh.seek(block.start)
        for item in jsonl_records(islice(fh, block.lines), source=block.path, date=date,
                                   replace_errors=replace_errors, on_error=pending.append,
                                   first_line=block.first_line):
            # Errors come before the document read after them, so the errors file keeps input order.
            yield from map(ErrorRecord.of, pending)
            pending.clear()
            yield item
    yield from map(ErrorRecord.of, pending)


# -- the run ------------------------------------------------------------------------------------------------


@dataclass
class DaskSummary:
    """What a Dask run did; ``ok`` when no document and no partition failed."""

    out_dir: str
    partitions: int = 0
    skipped: int = 0
    written: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    workers: int = 0
    failures: list[ErrorRecord] = field(default_factory=list)
    failed_partitions: dict[int, str] = field(default_factory=dict)
    partition_summaries: list[PartitionSummary] = field(default_factory=list)
    stored: int = 0  # documents ingested into the event store

    @property
    def ok(self) -> bool:
        return self.failed == 0 and not self.failed_partitions

    def to_text(self) -> str:
        """One line for stderr at the end of a run."""
        rate = self.words / self.seconds if self.seconds > 0 else 0.0
        lost = f", {len(self.failed_partitions)} partitions lost" if self.failed_partitions else ""
        lost += f", {self.skipped} partitions already done" if self.skipped else ""
        stored = f", {self.stored} stored" if self.stored else ""
        return (
            f"{self.written} documents extracted, {self.failed} failed{lost}{stored} in {self.partitions} "
            f"partitions on {self.workers} workers in {self.seconds:.1f} s ({rate:,.0f} words/s) -> {self.out_dir}"
        )


def _worker_probe() -> str:
    from . import __version__

    return str(__version__)


def _check_workers(client: Any, address: str) -> int:
    """Every worker can import this package, at the client's version; returns how many workers."""
    from . import __version__

    versions: dict[str, Any] = client.run(_worker_probe, on_error="return")
    if not versions:
        raise PipelineError("the cluster has no workers", source=address)
    for worker, version in sorted(versions.items()):
        if isinstance(version, BaseException):
            raise PipelineError(
                f"worker {worker} cannot run conflict_events ({type(version).__name__}: {version}); "
                "install the package and a spaCy model on every worker", source=address)
        if version != __version__:
            raise PipelineError(f"worker {worker} has conflict_events {version}, the client {__version__}; "
                                "install the same version everywhere", source=address)
    return len(versions)


def _prepare_out_dir(out_dir: Path, *, overwrite: bool, resume: bool) -> None:
    if overwrite and resume:
        raise InputError("overwrite and resume exclude each other", source=str(out_dir))
    old = sorted([*out_dir.glob("part-*.jsonl"), *out_dir.glob("errors-*.jsonl")]) if out_dir.is_dir() else []
    if old and not (overwrite or resume):
        raise InputError(f"already holds {len(old)} partition files from an earlier run; choose an empty "
                         "directory, or pass overwrite=True (--overwrite) or resume=True",
                         source=str(out_dir))
    if overwrite:
        for path in [*old, out_dir / PLAN_NAME]:
            path.unlink(missing_ok=True)
    # Temporary files of tasks killed in an earlier run: never renamed into place, so never needed.
    if out_dir.is_dir():
        for path in [*out_dir.glob(".part-*.tmp"), *out_dir.glob(".errors-*.tmp")]:
            path.unlink(missing_ok=True)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"cannot create the output directory: {err.strerror or err}",
                         source=str(out_dir)) from err


def _plan_digest(plan: list[list[_Unit]], spec: PipelineSpec, date: dt.date | None,
                 replace_errors: bool) -> str:
    """A fingerprint of what a run would write: the partitions' inputs, the pipeline and the read options."""
    digest = hashlib.sha256()
    digest.update(repr((spec.toml, spec.model, date, replace_errors, len(plan))).encode())
    stats: dict[str, str] = {}

    def stat(path: str) -> str:
        # Size and modification time stand for the content: reading it all again would double the cost.
        if path not in stats:
            try:
                info = os.stat(path)
                stats[path] = f"{info.st_size}:{info.st_mtime_ns}"
            except OSError:
                stats[path] = "unreadable"
        return stats[path]

    for index, units in enumerate(plan):
        for unit in units:
            if isinstance(unit, SourcedDocument):
                text = f"{unit.origin}\t{unit.document.model_dump_json()}"
            elif isinstance(unit, ErrorRecord):
                text = unit.model_dump_json()
            else:
                text = f"{tuple(unit)!r}\t{stat(unit.path)}"
            digest.update(f"{index}\t{text}\n".encode())
    return digest.hexdigest()


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / PLAN_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"cannot resume: no readable {PLAN_NAME} from an earlier Dask run ({err})",
                         source=str(folder)) from err
    if not isinstance(data, dict) or not isinstance(data.get("npartitions"), int):
        raise InputError(f"cannot resume: {PLAN_NAME} is not a plan written by run_dask", source=str(folder))
    return data


def run_dask(
    documents_or_paths: Iterable[Document | SourcedDocument | str | Path] | str | Path | db.Bag,
    out_dir: str | Path,
    *,
    scheduler: str | None = None,
    pipeline_toml: str | Path | None = None,
    npartitions: int | None = None,
    date: dt.date | None = None,
    replace_errors: bool = False,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_workers: int | None = None,
    overwrite: bool = False,
    resume: bool = False,
    progress: bool = False,
    log: TextIO | None = sys.stderr,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    store: str | None = None,
) -> DaskSummary:
    """Extract every document on a Dask cluster into ``OUT_DIR/part-NNNNN.jsonl`` and ``errors-NNNNN.jsonl``.

    ``documents_or_paths`` are files, folders, globs, ``-`` (stdin), documents,
    or a ready ``dask.bag`` of documents. Files are planned into about
    ``npartitions`` partitions of equal document counts (default: one per
    250 documents, at least two per worker) and read by the workers, so they
    must see the same paths as the client, as they must ``out_dir`` (both are
    made absolute, and error records name inputs by absolute path).
    ``scheduler`` is a scheduler address (``tcp://host:8786``); None starts a
    ``LocalCluster`` of ``n_workers`` single-threaded processes (default: one
    per CPU) and closes it at the end. A document that fails is recorded in its
    partition's errors file and the run goes on; a partition whose task fails
    (a lost worker, a full disk) is listed in ``failed_partitions``. ``resume``
    re-runs only the partitions of an interrupted run whose files are missing,
    after checking (``OUT_DIR/_plan.json``) that the inputs, pipeline and
    partitions are the same; it needs files or documents, not a bag. Raises
    :class:`~conflict_events.errors.ConflictEventsError` for what stops the
    whole run: a bad pipeline, no model on the workers, a used ``out_dir``. ``time_budget``
    is the seconds one document may take (None or 0: no limit).
    ``store`` (an event store's path or ``postgresql://`` URL, reachable from
    every worker) has each worker ingest its partitions into the store as they
    finish (:func:`store_partition`); with ``resume``, the partitions already
    done are ingested again (idempotent: unchanged documents are skipped).

    >>> summary = run_dask(["news.jsonl"], "out", npartitions=8)  # doctest: +SKIP
    >>> print(summary.to_text())  # doctest: +SKIP
    9812 documents extracted, 3 failed in 8 partitions on 2 workers in 301.2 s (1,523 words/s) -> out
    """
    bag_module, distributed = _require_dask()
    _check_counts(npartitions, n_workers)
    spec = PipelineSpec.from_toml(pipeline_toml, model=model, batch_size=batch_size, time_budget=time_budget)
    # Absolute, because the workers write there and their working directory need not be ours.
    folder = Path(out_dir).absolute()
    _prepare_out_dir(folder, overwrite=overwrite, resume=resume)
    summary = DaskSummary(out_dir=str(out_dir))
    is_bag = isinstance(documents_or_paths, bag_module.Bag)
    manifest: dict[str, Any] | None = None
    if resume:
        if is_bag:
            raise InputError("cannot resume a run over a dask bag: give files or documents",
                             source=str(folder))
        manifest = _read_manifest(folder)
        # The default partition count depends on the cluster's size, which may have changed since.
        npartitions = npartitions or manifest["npartitions"]

    started = time.perf_counter()
    client, cluster = _connect(distributed, scheduler, n_workers)
    bar: Any = None
    try:
        summary.workers = _check_workers(client, scheduler or "LocalCluster")
        if is_bag:
            bag: Any = documents_or_paths
            if npartitions is not None and npartitions != bag.npartitions:
                bag = bag.repartition(npartitions)
            summary.partitions = bag.npartitions
            bar = _progress_bar(progress, summary, log)
            tasks, indices = write_partitions(bag, folder, pipeline=spec, store=store), list(range(bag.npartitions))
        else:
            given = [documents_or_paths] if isinstance(documents_or_paths, str | Path) else documents_or_paths
            todo = _planned_partitions(given, folder, spec, summary, manifest, npartitions=npartitions, date=date,
                                       replace_errors=replace_errors, resume=resume)
            bar = _progress_bar(progress, summary, log)
            tasks, indices = _planned_tasks(bag_module, todo, folder, spec, date=date,
                                            replace_errors=replace_errors, store=store)
        futures = client.compute(tasks) if tasks else []
        index_of = {future.key: index for index, future in zip(indices, futures, strict=True)}
        for future in distributed.as_completed(futures):
            _collect(summary, future, index_of[future.key], futures, log, bar)
    finally:
        if bar is not None:
            bar.close()
        client.close()
        if cluster is not None:
            cluster.close()
    summary.stored += _store_earlier(folder, store, summary)
    summary.partition_summaries.sort(key=lambda s: s.index)
    summary.seconds = time.perf_counter() - started
    return summary


def _check_counts(npartitions: int | None, n_workers: int | None) -> None:
    if npartitions is not None and npartitions < 1:
        raise InputError(f"npartitions must be at least 1, not {npartitions}", source="--npartitions")
    if n_workers is not None and n_workers < 1:
        raise InputError(f"n_workers must be at least 1, not {n_workers}", source="--workers")


def _connect(distributed: Any, scheduler: str | None, n_workers: int | None) -> tuple[Any, Any]:
    """A client of the scheduler at ``scheduler``, or of a new LocalCluster (returned too, to be closed)."""
    cluster: Any = None
    if scheduler is None:
        # Single-threaded worker processes: the extraction holds the GIL, and each process loads one model.
        # Dashboard on a free port: a fixed one clashes with any other cluster on the machine.
        cluster = distributed.LocalCluster(n_workers=n_workers or os.cpu_count() or 1,
                                           threads_per_worker=1, processes=True, dashboard_address=":0")
    try:
        return distributed.Client(cluster if cluster is not None else scheduler), cluster
    except (OSError, TimeoutError, ValueError) as err:
        if cluster is not None:
            cluster.close()
        raise InputError(f"cannot connect to the Dask scheduler: {err}", source=scheduler or "LocalCluster") from err


def _planned_partitions(
    given: Iterable[Document | SourcedDocument | str | Path],
    folder: Path,
    spec: PipelineSpec,
    summary: DaskSummary,
    manifest: dict[str, Any] | None,
    *,
    npartitions: int | None,
    date: dt.date | None,
    replace_errors: bool,
    resume: bool,
) -> list[tuple[int, list[_Unit]]]:
    """Plan the inputs into partitions, record the plan in ``_plan.json`` (checked against an earlier
    run's when resuming) and return the (index, units) of the partitions still to run."""
    plan = _plan(given, npartitions=npartitions, workers=summary.workers, date=date, replace_errors=replace_errors)
    digest = _plan_digest(plan, spec, date, replace_errors)
    if manifest is not None and manifest.get("digest") != digest:
        raise InputError("cannot resume: the inputs, the pipeline, --date, --replace-errors or "
                         f"--npartitions differ from the run in {PLAN_NAME}", source=str(folder))
    (folder / PLAN_NAME).write_text(json.dumps({"npartitions": len(plan), "digest": digest}) + "\n",
                                    encoding="utf-8")
    todo = [(index, units) for index, units in enumerate(plan) if not (resume and _partition_done(folder, index))]
    summary.partitions = len(plan)
    summary.skipped = len(plan) - len(todo)
    return todo


def _planned_tasks(
    bag_module: Any,
    todo: list[tuple[int, list[_Unit]]],
    folder: Path,
    spec: PipelineSpec,
    *,
    date: dt.date | None,
    replace_errors: bool,
    store: str | None,
) -> tuple[list[Any], list[int]]:
    """One delayed task per partition to run, each reading and writing its own inputs, with their indices."""
    if not todo:
        return [], []
    # One (index, units) pair per partition: a single layer, so each task reads its own inputs.
    planned = bag_module.from_sequence(todo, npartitions=len(todo))
    tasks = planned.map_partitions(_write_planned, out_dir=str(folder), spec=spec, date=date,
                                   replace_errors=replace_errors, store=store).to_delayed()
    return tasks, [index for index, _ in todo]


def _progress_bar(progress: bool, summary: DaskSummary, log: TextIO | None) -> Any:
    """A tqdm bar over the partitions to run, when asked for."""
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=summary.partitions - summary.skipped, unit="part", file=log or sys.stderr, dynamic_ncols=True)


def _store_earlier(folder: Path, store: str | None, summary: DaskSummary) -> int:
    """With a store and ``resume``: ingest the part files of the partitions an earlier run finished."""
    if not store or not summary.skipped:
        return 0
    ran = {p.index for p in summary.partition_summaries} | set(summary.failed_partitions)
    stored = 0
    for part in sorted(folder.glob(PART_NAME.replace("{:05d}", "*"))):
        if int(part.stem.rsplit("-", 1)[1]) not in ran:
            stored += store_partition(store, part)
    return stored


def _partition_done(folder: Path, index: int) -> bool:
    # Both files are renamed into place only when complete, so their presence means done.
    return (folder / PART_NAME.format(index)).is_file() and (folder / ERRORS_NAME.format(index)).is_file()


def _collect(summary: DaskSummary, future: Any, index: int, futures: Sequence[Any], log: TextIO | None,
             bar: Any) -> None:
    """Add one finished partition to the summary; a fatal error cancels the rest and is raised."""
    try:
        result = future.result()
    except _FATAL:
        for other in futures:
            other.cancel()
        raise
    except Exception as err:  # a lost worker or a full disk costs this partition, not the run
        summary.failed_partitions[index] = f"{type(err).__name__}: {err}"
        if log is not None:
            print(f"conflict-events: partition {index} failed: {type(err).__name__}: {err}", file=log,
                  flush=True)
        return
    # A planned partition computes to [summary], a write_partitions task to the summary itself.
    (part,) = result if isinstance(result, list) else [result]
    summary.partition_summaries.append(part)
    summary.written += part.written
    summary.failed += part.failed
    summary.words += part.words
    summary.stored += part.stored
    for rec in part.failures:
        if len(summary.failures) < _KEPT_FAILURES:
            summary.failures.append(rec)
        if log is not None:
            text = f"conflict-events: {rec.to_text()}"
            if bar is not None:
                bar.write(text, file=log)
            else:
                print(text, file=log, flush=True)
    if bar is not None:
        bar.update(1)
