"""CSV plumbing shared by the dataset formats (ACLED, UCDP GED): rows with their line numbers,
streamed reading into records, and the validation driver that never stops at the first error.

A format supplies its required columns, a row checker and a row-to-record function; this module
does the rest the same way for every format.

>>> import io
>>> list(iter_csv_rows(io.StringIO("a,b\\n1,2\\n\\n3,4\\n")))
[(2, ['a', 'b'], ['1', '2']), (4, ['a', 'b'], ['3', '4'])]
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Final, Protocol

from ..errors import DecodeError, InputError, RecordError
from ..schema import ExtractionResult
from .validate import ReportBuilder, ValidationFailure, ValidationReport, wrong_format

__all__ = [
    "RowChecker",
    "RowFailures",
    "RowReader",
    "RowRecordCheck",
    "as_row",
    "iter_csv_rows",
    "neutralise_cell",
    "neutralise_row",
    "open_text",
    "read_csv_records",
    "validate_csv",
]


# What a spreadsheet runs as a formula when a cell starts with it (CSV injection).
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """``value`` with a leading ``'`` when a spreadsheet would run it as a formula; numbers stay.

    >>> neutralise_cell("=1+2"), neutralise_cell("-56.7879"), neutralise_cell("@user"), neutralise_cell("Kyiv")
    ("'=1+2", '-56.7879', "'@user", 'Kyiv')
    """
    if not value or not value.startswith(_FORMULA_START):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


def neutralise_row(row: Mapping[str, str]) -> dict[str, str]:
    """Every cell of a row through :func:`neutralise_cell`."""
    return {column: neutralise_cell(value) for column, value in row.items()}


class RowReader(Protocol):
    """Turns one CSV row into a record; raises RecordError naming the column."""

    def __call__(self, row: Mapping[str, str], *, source: str, line: int) -> ExtractionResult: ...


class RowRecordCheck(Protocol):
    """Raises RecordError naming the column when a row cannot become a record (what the validator runs)."""

    def __call__(self, row: Mapping[str, str], *, source: str, line: int) -> object: ...


# (line, header, fields, builder, ids seen so far) -> the row as a mapping when it passed every rule
# (handed on to the record check, so the cells are read once), else None
RowChecker = Callable[[int, list[str], list[str], ReportBuilder, dict[str, int]], Mapping[str, str] | None]


def _raise_field_limit() -> None:
    # ACLED notes can run past csv's default 128 KiB field limit in odd exports.
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(max(csv.field_size_limit(), min(limit, 2**31 - 1)))
            return
        except OverflowError:  # pragma: no cover - 32-bit platforms
            limit //= 10


def iter_csv_rows(
    handle: IO[str], on_header: Callable[[list[str]], None] | None = None
) -> Iterator[tuple[int, list[str], list[str]]]:
    """(line where the row starts, header, fields) for each non-blank row; the header is line 1.

    ``on_header`` sees the header as soon as it is read, even in a file without rows.
    """
    _raise_field_limit()
    reader = csv.reader(handle)
    header: list[str] | None = None
    previous_end = 0
    for fields in reader:
        start, previous_end = previous_end + 1, reader.line_num
        if header is None:
            if not any(field.strip() for field in fields):
                continue  # blank lines before the header
            header = [name.strip().lstrip("\ufeff") for name in fields]
            if on_header is not None:
                on_header(header)
            continue
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue
        yield start, header, fields


def open_text(path: str | Path, errors: str) -> IO[str]:
    """Open a CSV export as UTF-8 (a BOM is dropped); an unreadable file is an InputError naming it."""
    try:
        return open(path, encoding="utf-8-sig", newline="", errors=errors)
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", source=str(path)) from err


class RowFailures:
    """The failed rules of one row, each reported under the format's prefix ("acled.required");
    ``encoding`` is shared by every format and keeps its bare name.

    >>> from conflict_events.io.validate import ReportBuilder
    >>> failures = RowFailures(7, ReportBuilder("f.csv", "acled"), "acled")
    >>> failures.shape(["a", "b"], ["1"]), failures.rules
    ({'a': '1', 'b': ''}, ['row_shape'])
    """

    def __init__(self, line: int, builder: ReportBuilder, prefix: str) -> None:
        self.line, self.builder, self.prefix = line, builder, prefix
        self.rules: list[str] = []

    def fail(self, rule: str, reason: str, column: str | None) -> None:
        self.rules.append(rule)
        name = rule if rule == "encoding" else f"{self.prefix}.{rule}"
        self.builder.fail(self.line, name, reason, field=column)

    def warn(self, rule: str, reason: str, column: str | None) -> None:
        """A finding worth a look that leaves the row valid (``acled.off_coast``)."""
        self.builder.warn(self.line, f"{self.prefix}.{rule}", reason, field=column)

    def shape(self, header: list[str], fields: list[str]) -> dict[str, str]:
        """The row as a mapping, failing ``row_shape`` when it has more or fewer fields than the header."""
        if len(fields) != len(header):
            self.fail("row_shape", f"{len(fields)} fields, but the header has {len(header)}", None)
        return as_row(header, fields)


def as_row(header: list[str], fields: list[str]) -> dict[str, str]:
    """A row as a mapping; columns missing at the end of a short row are empty."""
    row = dict(zip(header, fields, strict=False))
    for name in header[len(fields) :]:
        row[name] = ""
    return row


def read_csv_records(path: str | Path, to_record: RowReader) -> Iterator[ExtractionResult]:
    """Stream a CSV export as records; the first bad row raises, naming ``file:line`` and the column."""
    with open_text(path, "strict") as handle:
        try:
            for line, header, fields in iter_csv_rows(handle):
                yield to_record(as_row(header, fields), source=str(path), line=line)
        except UnicodeDecodeError as err:
            raise DecodeError(f"not valid UTF-8 ({err.reason})", source=str(path)) from err
        except csv.Error as err:
            raise InputError(f"CSV syntax: {err}", source=str(path)) from err


def validate_csv(
    path: str | Path,
    fmt: str,
    *,
    required_columns: Sequence[str],
    check_row: RowChecker,
    to_record: RowRecordCheck,
    max_failures: int,
    on_failure: Callable[[ValidationFailure], None] | None,
) -> ValidationReport:
    """Check every row with ``check_row``; a row that passes must also become a record (``FMT.schema``)."""
    builder = ReportBuilder(path, fmt, max_failures=max_failures, on_failure=on_failure)
    seen: dict[str, int] = {}
    headers: list[list[str]] = []
    other_format = False

    def check_header(header: list[str]) -> None:
        nonlocal other_format
        headers.append(header)
        missing = [c for c in required_columns if c not in header]
        if not missing:
            return
        reason = wrong_format(fmt, ",".join(header))
        if reason is not None:
            # Every row would fail every rule: one failure naming the likely format says it all.
            other_format = True
            builder.fail(0, f"{fmt}.wrong_format", reason)
        else:
            builder.fail(0, f"{fmt}.missing_column", f"required columns missing: {', '.join(missing)}")

    with open_text(path, "replace") as handle:
        rows = iter_csv_rows(handle, check_header)
        while True:
            try:
                line, header, fields = next(rows)
            except StopIteration:
                break
            except csv.Error as err:
                # csv cannot resume after a syntax error: report where it stopped.
                builder.fail(0, "csv_syntax", f"CSV syntax error, rows after it were not read: {err}")
                break
            if other_format:
                builder.reject(line)
                continue
            builder.check(line)
            checked = check_row(line, header, fields, builder, seen)
            if checked is not None:
                try:
                    to_record(checked, source=str(path), line=line)
                except RecordError as err:
                    column, _, reason = err.message.partition(": ")
                    builder.fail(line, f"{fmt}.schema", reason or err.message, field=column if reason else None)
    if not headers:
        builder.fail(0, f"{fmt}.missing_column", "empty file: no header row")
    return builder.report()
