"""The batch runner behind ``conflict-events extract``: stream documents in, results out, failures logged.

Documents are read lazily from files, folders, globs, JSONL and stdin, cut into
chunks of ``batch_size``, extracted in this process (``workers=1``) or in a pool
of ``workers`` processes (each builds its pipeline once), and every result is
written as one flushed JSON line as soon as its chunk is done. At most
``2 * workers`` chunks are in flight, so memory stays flat however long the run.
Results come out in input order for any number of workers: a finished chunk
waits only for the chunks read before it.

A document that cannot be read or extracted becomes one
:class:`~conflict_events.io.writers.ErrorRecord` (id, path, line, reason) in the
errors file and on stderr, and the run goes on.

>>> import tempfile, pathlib
>>> folder, out = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("date 2025-01-05 Shelling hit Izium on Sunday.", encoding="utf-8")
>>> _ = (folder / "b.txt").write_text("No date here.", encoding="utf-8")
>>> summary = run_batch([folder], output=out / "results.jsonl", errors=out / "errors.jsonl", log=None)
>>> summary.written, summary.failed, summary.ok
(1, 1, False)
>>> print(open(out / "errors.jsonl").read())  # doctest: +ELLIPSIS
{"id":"b","path":".../b.txt","line":null,"error":"MissingDateError","reason":"no publication date: ..."}
<BLANKLINE>
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO, cast

from ._budget import DEFAULT_TIME_BUDGET
from .errors import ConflictEventsError, ExtractionError, InputError, PipelineError
from .io._staged import StagedOutput
from .io.readers import JSONL_SUFFIXES, STDIN, SourcedDocument, expand_inputs, iter_sourced_documents
from .io.writers import STDOUT, ErrorLog, ErrorRecord, JsonlWriter, completed_ids, repair_tail, split_origin
from .schema import Document

if TYPE_CHECKING:
    from .pipeline import Pipeline

__all__ = ["BatchSummary", "count_documents", "run_batch"]

# ("ok", json_line) or ("error", error_class_name, reason): small and cheap to pickle between processes.
Outcome = tuple[str, ...]

DEFAULT_BATCH_SIZE: Final = 16


@dataclass
class BatchSummary:
    """What a batch run did; ``ok`` when nothing failed."""

    read: int = 0
    written: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[ErrorRecord] = field(default_factory=list)
    kept: str | None = None  # where the results file ended up (the target, or TARGET.partial)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def to_text(self) -> str:
        """One line for stderr at the end of a run."""
        rate = self.words / self.seconds if self.seconds > 0 else 0.0
        skipped = f", {self.skipped} skipped (already done)" if self.skipped else ""
        return (
            f"{self.written} documents extracted, {self.failed} failed{skipped} "
            f"in {self.seconds:.1f} s ({rate:,.0f} words/s)"
        )


# -- worker side --------------------------------------------------------------------------------------------

_WORKER_PIPELINE: Pipeline | None = None
_WORKER_ERROR: ConflictEventsError | None = None


def _build_pipeline(pipeline_file: str | None, batch_size: int, time_budget: float | None) -> Pipeline:
    from .pipeline import Pipeline

    if pipeline_file:
        return Pipeline.from_toml(pipeline_file, batch_size=batch_size, time_budget=time_budget)
    return Pipeline(batch_size=batch_size, time_budget=time_budget)


def _init_worker(pipeline_file: str | None, batch_size: int, time_budget: float | None) -> None:
    """Build the worker's pipeline once; a failure is kept and raised by the first task, not lost."""
    global _WORKER_PIPELINE, _WORKER_ERROR
    try:
        _WORKER_PIPELINE = _build_pipeline(pipeline_file, batch_size, time_budget)
    except ConflictEventsError as err:
        _WORKER_ERROR = err


def _worker_chunk(documents: list[Document]) -> list[Outcome]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    assert _WORKER_PIPELINE is not None
    return extract_chunk(_WORKER_PIPELINE, documents)


def _extract_one(pipeline: Pipeline, document: Document) -> Outcome:
    try:
        return ("ok", pipeline(document).model_dump_json())
    except ConflictEventsError as err:
        return ("error", type(err).__name__, err.message)
    except Exception as err:  # an extractor bug must cost one document, not the run
        return ("error", ExtractionError.__name__, f"{type(err).__name__}: {err}")


def extract_chunk(pipeline: Pipeline, documents: list[Document]) -> list[Outcome]:
    """Extract a chunk with ``nlp.pipe``; one outcome per document, in order."""
    outcomes: list[Outcome] = []

    def failed(document: Document, err: ExtractionError) -> None:
        outcomes.append(("error", type(err).__name__, err.message))

    try:
        for result in pipeline.pipe(documents, on_error=failed):
            outcomes.append(("ok", result.model_dump_json()))
    except Exception:
        # Something outside one extractor failed (the parser itself): redo the chunk one by one
        # so that only the culprit is lost.
        outcomes = [_extract_one(pipeline, d) for d in documents]
    return outcomes


# -- main side ----------------------------------------------------------------------------------------------


def count_documents(inputs: Iterable[str | Path]) -> int | None:
    """How many documents the inputs hold (JSONL: non-blank lines), or None when stdin is among them."""
    total = 0
    for name in expand_inputs(inputs, on_error=lambda err: None):
        if name == STDIN:
            return None
        if Path(name).suffix.lower() in JSONL_SUFFIXES:
            try:
                with open(name, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _chunks(items: Iterator[SourcedDocument], size: int) -> Iterator[list[SourcedDocument]]:
    while chunk := list(islice(items, size)):
        yield chunk


class _Progress:
    """A tqdm bar on stderr (documents/s, time left when the total is known) or nothing."""

    def __init__(self, enabled: bool, total: int | None, stream: TextIO) -> None:
        self.bar: Any = None
        self.stream = stream
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=stream, dynamic_ncols=True, smoothing=0.1)

    def advance(self, n: int, words: int, seconds: float) -> None:
        if self.bar is not None:
            self.bar.update(n)
            if seconds > 0:
                self.bar.set_postfix_str(f"{words / seconds:,.0f} words/s", refresh=False)

    def message(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_batch(
    inputs: Sequence[str | Path],
    *,
    output: str | Path | None = None,
    date: dt.date | None = None,
    pipeline: str | Path | Pipeline | None = None,
    replace_errors: bool = False,
    workers: int = 1,
    resume: bool = False,
    errors: str | Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    log: TextIO | None = sys.stderr,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> BatchSummary:
    """Extract every document of ``inputs`` and write one JSON line per result to ``output``.

    ``output`` is a path, or stdout when None or ``-``. ``pipeline`` is a TOML
    description or, in this process only, a built :class:`~conflict_events.pipeline.Pipeline`
    (default: the default chain). ``workers`` > 1 extracts in that
    many processes (0: one per CPU). ``resume`` appends to ``output``, skipping
    the documents already in it. Each failure goes to ``errors`` (JSONL) and, as
    a line of text, to ``log`` (None: silent). Raises
    :class:`~conflict_events.errors.ConflictEventsError` only for what stops
    the whole run (a bad pipeline, no model, an unwritable output). ``time_budget`` is the
    seconds one document may take (None or 0: no limit) in the pipelines this run builds; a
    built Pipeline keeps its own.
    """
    workers = _check_sizes(batch_size, workers)
    to_stdout = output is None or str(output) == STDOUT
    if resume and to_stdout:
        raise InputError("--resume needs an output file (-o OUT.jsonl) to read the finished documents from",
                         source="--resume")
    done: set[str] = set()
    if resume and output is not None:
        repair_tail(output)
        done = completed_ids(output)
    in_process, pipeline_file = _pipeline_of(pipeline, workers, batch_size, time_budget)
    # The bar starts once the pipeline is built, so a bad pipeline leaves no half-drawn bar.
    total = count_documents(inputs) if progress else None
    summary = _Run(log=log, progress=_Progress(progress, total, log or sys.stderr))
    started = time.perf_counter()
    # results go beside the target and are moved into place at the end: a failed run never truncates it
    staged = None if to_stdout or resume else StagedOutput(cast("str | Path", output))
    finished = False
    try:
        with ExitStack() as stack:
            out = stack.enter_context(JsonlWriter(staged.temp if staged else output, append=resume))
            if errors is not None:
                summary.error_log = stack.enter_context(ErrorLog(errors, append=resume))
            # The run's own files may sit in an input folder: never read them back as input.
            own = [p for p in (None if to_stdout else output, staged.temp if staged else None, errors) if p is not None]
            items = iter_sourced_documents(inputs, date=date, replace_errors=replace_errors,
                                           on_error=summary.input_failed, exclude=own)
            chunks = _chunks(summary.skip_done(items, done), batch_size)
            if in_process is not None:
                results: Iterator[tuple[list[SourcedDocument], list[Outcome]]] = (
                    (chunk, extract_chunk(in_process, [s.document for s in chunk])) for chunk in chunks
                )
            else:
                results = _pooled(chunks, workers, (pipeline_file, batch_size, time_budget))
            for chunk, outcomes in results:
                summary.record(chunk, outcomes, out, started)
        finished = True
    finally:
        summary.progress.close()
        if staged is not None:
            summary.kept = _place_output(staged, finished and summary.ok, log)
    summary.seconds = time.perf_counter() - started
    return BatchSummary(read=summary.read, written=summary.written, skipped=summary.skipped,
                        failed=summary.failed, words=summary.words, seconds=summary.seconds,
                        failures=summary.failures, kept=summary.kept)


def _check_sizes(batch_size: int, workers: int) -> int:
    """Reject impossible sizes; returns the number of worker processes (0: one per CPU)."""
    if batch_size < 1:
        raise InputError(f"batch size must be at least 1, not {batch_size}", source="--batch-size")
    if workers < 0:
        raise InputError(f"workers must be 0 (one per CPU) or more, not {workers}", source="--workers")
    return workers or os.cpu_count() or 1


def _pipeline_of(
    pipeline: str | Path | Pipeline | None, workers: int, batch_size: int, time_budget: float | None
) -> tuple[Pipeline | None, str | None]:
    """The pipeline to run in this process (None with workers) and the TOML file workers build theirs from."""
    from .pipeline import Pipeline

    if isinstance(pipeline, Pipeline):
        if workers != 1:
            raise PipelineError("a Pipeline object runs in this process only; with workers give a TOML file",
                                source="--workers")
        return pipeline, None
    pipeline_file = str(pipeline) if pipeline else None
    built = _build_pipeline(pipeline_file, batch_size, time_budget) if workers == 1 else None
    return built, pipeline_file


def _place_output(staged: StagedOutput, succeeded: bool, log: TextIO | None) -> str | None:
    """Move the run's results into place (see :class:`~conflict_events.io._staged.StagedOutput`)."""
    where = staged.finish(succeeded=succeeded)
    if where is not None and where != staged.target and log is not None:
        print(f"conflict-events: kept the existing {staged.target}; this run's results are in {where}",
              file=log, flush=True)
    return None if where is None else str(where)


def _pooled(
    chunks: Iterator[list[SourcedDocument]], workers: int, build: tuple[str | None, int, float | None]
) -> Iterator[tuple[list[SourcedDocument], list[Outcome]]]:
    """Run chunks in a process pool, a bounded window at a time, yielding them in input order.

    ``build`` is what each worker builds its pipeline from: (TOML file, batch size, time budget).
    """
    # spawn: no fork of a parent holding threads or a loaded model; each worker loads its own.
    context = multiprocessing.get_context("spawn")
    pending: deque[tuple[list[SourcedDocument], Future[list[Outcome]]]] = deque()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=build) as pool:
        try:
            for chunk in chunks:
                pending.append((chunk, pool.submit(_worker_chunk, [s.document for s in chunk])))
                if len(pending) >= 2 * workers:
                    head, future = pending.popleft()
                    yield head, future.result()
            while pending:
                head, future = pending.popleft()
                yield head, future.result()
        except BrokenProcessPool as err:
            raise ConflictEventsError(
                "a worker process died (out of memory, or killed); the results written so far are kept: "
                "run again with --resume to go on", source="--workers") from err
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


@dataclass
class _Run(BatchSummary):
    """A summary being filled in, with where failures are reported."""

    log: TextIO | None = None
    progress: _Progress = field(default_factory=lambda: _Progress(False, None, sys.stderr))
    error_log: ErrorLog | None = None

    def _failed(self, rec: ErrorRecord) -> None:
        self.failed += 1
        if len(self.failures) < 1000:  # keep memory flat; the errors file has them all
            self.failures.append(rec)
        if self.error_log is not None:
            self.error_log.write(rec)
        if self.log is not None:
            self.progress.message(f"conflict-events: {rec.to_text()}")

    def input_failed(self, err: InputError) -> None:
        self._failed(ErrorRecord.of(err))

    def skip_done(self, items: Iterator[SourcedDocument], done: set[str]) -> Iterator[SourcedDocument]:
        for item in items:
            self.read += 1
            if item.document.id in done:
                self.skipped += 1
                self.progress.advance(1, self.words, 0.0)
                continue
            yield item

    def record(
        self, chunk: list[SourcedDocument], outcomes: list[Outcome], out: JsonlWriter, started: float
    ) -> None:
        for item, outcome in zip(chunk, outcomes, strict=True):
            if outcome[0] == "ok":
                out.write_line(outcome[1])
                self.written += 1
                self.words += len(item.document.text.split())
            else:
                error, reason = outcome[1], outcome[2]
                path, line = split_origin(item.origin)
                rec = ErrorRecord(id=item.document.id, path=path, line=line, error=error, reason=reason)
                self._failed(rec)
        self.progress.advance(len(chunk), self.words, time.perf_counter() - started)
