"""Writers: one JSON line per result, flushed as it is written, and a JSONL log of failed inputs.

>>> import datetime as dt, io
>>> from conflict_events.schema import Document, ExtractionResult
>>> buffer = io.StringIO()
>>> with JsonlWriter(buffer) as out:
...     out.write(ExtractionResult(document=Document(id="d1", text="", date=dt.date(2025, 1, 5))))
>>> buffer.getvalue()[:40]
'{"schema_version":"1.0","document":{"id"'

A run that stopped half-way can be resumed: :func:`completed_ids` lists the
documents already written, and :func:`repair_tail` drops a last line cut off
by a crash so that appending starts on a fresh line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Final, Self

from pydantic import BaseModel, ConfigDict

from ..errors import ConflictEventsError, InputError, RecordError
from ..schema import ExtractionResult

__all__ = [
    "STDOUT",
    "ErrorLog",
    "ErrorRecord",
    "JsonlWriter",
    "completed_ids",
    "read_results",
    "repair_tail",
    "split_origin",
]

STDOUT: Final = "-"


class JsonlWriter:
    """Write one JSON document per line to a path, ``-``/``None`` (stdout) or an open text stream.

    Every line is flushed at once, so a reader (or a resumed run) sees each
    finished result even if the process is killed.
    """

    def __init__(self, target: str | Path | IO[str] | None = None, *, append: bool = False) -> None:
        self._owned = False
        self.name: str
        if target is None or str(target) == STDOUT:
            self._fh: IO[str] = sys.stdout
            self.name = "<stdout>"
        elif isinstance(target, str | Path):
            path = Path(target)
            try:
                if path.parent != Path():
                    path.parent.mkdir(parents=True, exist_ok=True)
                self._fh = path.open("a" if append else "w", encoding="utf-8", newline="\n")
            except OSError as err:
                raise InputError(f"cannot write file: {err.strerror or err}", source=str(path)) from err
            self._owned = True
            self.name = str(path)
        else:
            self._fh = target
            self.name = getattr(target, "name", "<stream>")
        self.count = 0

    def write_line(self, line: str) -> None:
        """Write one already serialised JSON line (no newline inside) and flush."""
        self._fh.write(line + "\n")
        self._fh.flush()
        self.count += 1

    def write(self, record: BaseModel) -> None:
        """Write one record (an ``ExtractionResult``, an :class:`ErrorRecord`)."""
        self.write_line(record.model_dump_json())

    def close(self) -> None:
        if self._owned:
            self._fh.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class ErrorRecord(BaseModel):
    """One input that produced no result: which it was and why (a line of ``--errors ERRORS.jsonl``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str | None = None
    path: str | None = None
    line: int | None = None
    error: str
    reason: str

    @classmethod
    def of(cls, err: ConflictEventsError, *, id: str | None = None, origin: str | None = None) -> ErrorRecord:
        """The record of an error; ``origin`` (``path`` or ``path:line``) defaults to the error's source."""
        path, line = split_origin(origin or err.source)
        if isinstance(err, RecordError) and err.line is not None:
            line = err.line
        if id is None and isinstance(err, InputError):
            id = err.document_id  # the id was read before the record failed
        return cls(id=id, path=path, line=line, error=type(err).__name__, reason=err.message)

    def to_text(self) -> str:
        """``path:line [id]: Error: reason``, for a terminal."""
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        if self.id:
            where += f" [{self.id}]"
        return f"{where}: {self.error}: {self.reason}"


def split_origin(origin: str | None) -> tuple[str | None, int | None]:
    """``"news.jsonl:12"`` -> ``("news.jsonl", 12)``; a path without a line number -> ``(path, None)``."""
    if origin is None:
        return None, None
    head, sep, tail = origin.rpartition(":")
    if sep and tail.isdigit():
        return head, int(tail)
    return origin, None


class ErrorLog(JsonlWriter):
    """A :class:`JsonlWriter` of :class:`ErrorRecord` lines."""

    def record(
        self, err: ConflictEventsError, *, id: str | None = None, origin: str | None = None
    ) -> ErrorRecord:
        """Write the record of one failure and return it."""
        rec = ErrorRecord.of(err, id=id, origin=origin)
        self.write(rec)
        return rec


def repair_tail(path: str | Path) -> bool:
    """Cut a last line that has no newline (a write cut short); True if something was cut."""
    path = Path(path)
    if not path.exists():
        return False
    with path.open("rb+") as fh:
        size = fh.seek(0, 2)
        if size == 0:
            return False
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return False
        # Walk back in blocks to the last newline: the file may be large.
        pos = size
        while pos > 0:
            step = min(65536, pos)
            pos -= step
            fh.seek(pos)
            block = fh.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                fh.truncate(pos + nl + 1)
                return True
        fh.truncate(0)
        return True


def completed_ids(path: str | Path) -> set[str]:
    """Ids of the documents already in a results file (lines that do not parse are skipped)."""
    path = Path(path)
    done: set[str] = set()
    if not path.exists():
        return done
    with path.open("rb") as fh:
        for raw in fh:
            try:
                doc_id = json.loads(raw)["document"]["id"]
            except (ValueError, KeyError, TypeError):
                continue
            if isinstance(doc_id, str):
                done.add(doc_id)
    return done


def read_results(path: str | Path) -> Iterator[ExtractionResult]:
    """Stream the results of a JSONL file written by :class:`JsonlWriter`; a bad line raises RecordError."""
    source = str(path)
    try:
        fh = Path(path).open("rb")  # noqa: SIM115 - closed by the with below, inside the generator
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", source=source) from err
    with fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                yield ExtractionResult.model_validate_json(raw)
            except ValueError as err:
                reason = str(err).splitlines()[0] if str(err) else type(err).__name__
                raise RecordError(f"not a valid extraction result ({reason}); "
                                  "run `conflict-events validate` for details", source=source,
                                  line=number) from None
