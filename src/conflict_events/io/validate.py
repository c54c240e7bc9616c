"""Check a file of records line by line and report every failure, never stopping at the first.

:func:`validate_path` streams a file of any size and returns a
:class:`ValidationReport`: how many records were checked, how many failed,
counts per rule, and each failure with its line, field and reason.

>>> import json, tempfile, pathlib
>>> good = {"document": {"id": "d1", "text": "Shelling hit Izium.", "date": "2025-01-05"}}
>>> bad = {"document": {"id": "d2", "text": "x"}}
>>> path = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
>>> _ = path.write_text(json.dumps(good) + "\\n" + json.dumps(bad) + "\\n{oops\\n", encoding="utf-8")
>>> report = validate_path(path)
>>> report.records, report.invalid, report.rules
(3, 2, {'json_syntax': 1, 'schema.missing': 1})
>>> print(report.failures[0].line, report.failures[0].field, report.failures[0].rule)
2 document.date schema.missing

How a format validator builds a report
--------------------------------------
A validator for another format (``conflict_events.io.acled.validate_acled``,
``conflict_events.io.ucdp.validate_ucdp``) has the signature
``validate_xxx(path: str | Path) -> ValidationReport`` and uses a
:class:`ReportBuilder`:

1. ``builder = ReportBuilder(path, "acled")``;
2. for each record (row), call ``builder.check(line)`` once, where ``line`` is
   the record's 1-based line number in the file (for CSV, the physical line on
   which the row starts, the header being line 1);
3. for each problem with that record, call
   ``builder.fail(line, rule, reason, field="column name")``; ``rule`` is a short
   stable dotted name (``"csv_syntax"``, ``"acled.event_type"``,
   ``"acled.missing_column"``), counted in :attr:`ValidationReport.rules`;
   several failures on one record count the record once in ``invalid``;
   a problem with the file as a whole (no header, the header of another format) uses
   line 0 and counts in ``file_errors``, never as a record;
   ``builder.warn(line, rule, reason, field=...)`` records something worth a look that
   does not make the record invalid (a point at sea off its country's coast);
4. ``return builder.report()``.

The counts always add up: ``records == valid + invalid``, each at least 0.

A validator never raises on bad content: every problem is a failure in the
report. It raises :class:`~conflict_events.errors.InputError` only when the
file cannot be opened at all.

>>> b = ReportBuilder("events.csv", "acled")
>>> b.check(2)
>>> b.check(3)
>>> b.fail(3, "acled.event_type", "'Bombing' is not an ACLED event type", field="event_type")
>>> r = b.report()
>>> r.ok, r.records, r.valid, r.invalid, r.rules
(False, 2, 1, 1, {'acled.event_type': 1})
>>> print(r.to_text().splitlines()[0])
events.csv:3: event_type: 'Bombing' is not an ACLED event type [acled.event_type]
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import InputError
from ..schema import ExtractionResult
from .readers import binary_lines

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "MAX_STORED_FAILURES",
    "ReportBuilder",
    "ValidationFailure",
    "ValidationReport",
    "guess_format",
    "validate_jsonl_lines",
    "validate_path",
    "wrong_format",
]

Format = Literal["jsonl", "acled", "ucdp"]
FORMATS: Final[tuple[str, ...]] = ("jsonl", "acled", "ucdp")

# Counts stay exact over any file; the list of failures kept in memory is capped.
MAX_STORED_FAILURES: Final = 1000
# One malformed record can produce many pydantic errors; a few say enough.
MAX_ERRORS_PER_RECORD: Final = 10

# What a file given in the wrong format most likely is, and what to do with it.
FORMAT_NAMES: Final[dict[str, str]] = {
    "jsonl": "extraction results, one JSON object a line (validate it with --format jsonl)",
    "documents": "documents to extract, one JSON object with a text a line (run `conflict-events extract` "
                 "on it, and validate what that writes)",
    "geojson": "GeoJSON (an export, which validate does not check)",
    "acled": "an ACLED CSV export (validate it with --format acled)",
    "ucdp": "a UCDP GED CSV export (validate it with --format ucdp)",
}
_ACLED_MARKS: Final = frozenset({"event_id_cnty", "sub_event_type", "inter1"})
_UCDP_MARKS: Final = frozenset({"relid", "type_of_violence", "side_a", "best"})


class ValidationFailure(BaseModel):
    """One problem with one record: where it is and why it fails."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    line: int
    field: str | None = None
    rule: str
    reason: str
    severity: Literal["error", "warning"] = "error"

    def to_text(self, path: str) -> str:
        """``path:line: field: reason [rule]``; a warning says so after the place."""
        where = f"{path}:{self.line}" if self.line else path
        field = f"{self.field}: " if self.field else ""
        warning = "warning: " if self.severity == "warning" else ""
        return f"{where}: {warning}{field}{self.reason} [{self.rule}]"


class ValidationReport(BaseModel):
    """The outcome of validating one file; ``ok`` when no record failed and the file itself is sound.

    ``records == valid + invalid``; ``file_errors`` are problems with the file as a whole
    (counted in ``rules`` too); ``warnings`` and ``warning_rules`` count findings that do not
    make a record invalid. ``failures`` keeps the first errors and warnings, in file order.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    format: str
    records: int = 0
    invalid: int = 0
    file_errors: int = 0
    rules: dict[str, int] = {}
    warnings: int = 0
    warning_rules: dict[str, int] = {}
    failures: tuple[ValidationFailure, ...] = ()
    failures_omitted: int = 0

    @property
    def ok(self) -> bool:
        return self.invalid == 0 and self.file_errors == 0

    @property
    def valid(self) -> int:
        return self.records - self.invalid

    def to_json(self) -> str:
        """The report as indented JSON (what ``conflict-events validate --output`` writes)."""
        return self.model_dump_json(indent=2)

    def summary(self) -> str:
        """One line: checked, valid, invalid, and the counts per rule; then the warnings, if any."""
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(self.rules.items()))
        status = "valid" if self.ok else "INVALID"
        line = (f"{self.path}: {status}: {self.records} records, {self.valid} valid, {self.invalid} invalid"
                + (f" ({rules})" if rules else ""))
        if self.warnings:
            counts = ", ".join(f"{rule} {n}" for rule, n in sorted(self.warning_rules.items()))
            line += f"; {self.warnings} warning{'s' if self.warnings != 1 else ''} ({counts})"
        return line

    def to_text(self) -> str:
        """Every stored failure, one per line, then the summary line."""
        lines = [f.to_text(self.path) for f in self.failures]
        if self.failures_omitted:
            lines.append(f"... and {self.failures_omitted} more failures not stored")
        lines.append(self.summary())
        return "\n".join(lines)


class ReportBuilder:
    """Accumulate a :class:`ValidationReport` while streaming records (see the module docstring)."""

    def __init__(
        self,
        path: str | Path,
        fmt: str,
        *,
        max_failures: int = MAX_STORED_FAILURES,
        on_failure: Callable[[ValidationFailure], None] | None = None,
    ) -> None:
        self.path = str(path)
        self.format = fmt
        self.max_failures = max_failures
        self.on_failure = on_failure
        self.records = 0
        self._invalid_count = 0
        self._file_errors = 0
        self._last_checked: int | None = None
        self._last_invalid: int | None = None
        self._rules: Counter[str] = Counter()
        self._warning_rules: Counter[str] = Counter()
        self._failures: list[ValidationFailure] = []
        self._omitted = 0

    def check(self, line: int) -> None:
        """Count one record (at ``line``) as checked."""
        self.records += 1
        self._last_checked = line

    def reject(self, line: int) -> None:
        """Count the record at ``line`` as checked and invalid without a failure of its own
        (a file-level failure already says why: rows of a file in another format)."""
        self.check(line)
        self._count_invalid(line)

    def _count_invalid(self, line: int) -> None:
        if line == self._last_invalid:
            return  # records arrive in order: the last invalid line is enough to count each once
        if self._last_checked is None or line > self._last_checked:
            self.check(line)  # a failure makes its record checked: the counts always add up
        self._invalid_count += 1
        self._last_invalid = line

    def fail(self, line: int, rule: str, reason: str, *, field: str | None = None) -> None:
        """Record one problem with the record at ``line`` (0 for the file as a whole)."""
        if line > 0:
            self._count_invalid(line)
        else:
            self._file_errors += 1
        self._rules[rule] += 1
        self._store(ValidationFailure(line=line, field=field, rule=rule, reason=reason))

    def warn(self, line: int, rule: str, reason: str, *, field: str | None = None) -> None:
        """Record something about the record at ``line`` worth a look that does not make it invalid."""
        self._warning_rules[rule] += 1
        self._store(ValidationFailure(line=line, field=field, rule=rule, reason=reason, severity="warning"))

    def _store(self, failure: ValidationFailure) -> None:
        if self.on_failure is not None:
            self.on_failure(failure)
        if len(self._failures) < self.max_failures:
            self._failures.append(failure)
        else:
            self._omitted += 1

    def report(self) -> ValidationReport:
        """The finished, frozen report."""
        return ValidationReport(
            path=self.path,
            format=self.format,
            records=self.records,
            invalid=self._invalid_count,
            file_errors=self._file_errors,
            rules=dict(sorted(self._rules.items())),
            warnings=sum(self._warning_rules.values()),
            warning_rules=dict(sorted(self._warning_rules.items())),
            failures=tuple(self._failures),
            failures_omitted=self._omitted,
        )


def guess_format(first_line: str) -> str | None:
    """The format a file's first non-blank line most likely belongs to (a key of :data:`FORMAT_NAMES`).

    >>> guess_format('{"document": {"id": "d1", "text": "x", "date": "2025-01-05"}, "events": []}')
    'jsonl'
    >>> guess_format('{"id": "d1", "text": "Shelling hit Izium.", "date": "2025-01-05"}')
    'documents'
    >>> guess_format("id,relid,year,type_of_violence,side_a,side_b,best"), guess_format("a,b,c")
    ('ucdp', None)
    """
    line = first_line.lstrip("\ufeff").strip()
    if line.startswith("{"):
        if '"FeatureCollection"' in line or '"Feature"' in line:
            return "geojson"
        if '"document"' in line:
            return "jsonl"
        return "documents" if '"text"' in line else None
    columns = {c.strip().strip('"').lower() for c in line.split(",")}
    if len(_ACLED_MARKS & columns) >= 2:
        return "acled"
    if len(_UCDP_MARKS & columns) >= 3:
        return "ucdp"
    return None


def wrong_format(fmt: str, first_line: str) -> str | None:
    """A reason to give when ``first_line`` belongs to a format other than ``fmt``; None when it may be ``fmt``."""
    guess = guess_format(first_line)
    if guess is None or guess == fmt:
        return None
    begins = first_line.strip()[:60]
    return f"this looks like {FORMAT_NAMES[guess]}, not {fmt}: its first line begins {begins!r}"


def _field_of(loc: tuple[int | str, ...]) -> str | None:
    """``("document", "date")`` -> ``document.date``; indexes as ``[i]``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or None


def validate_jsonl_lines(lines: Iterable[bytes], builder: ReportBuilder) -> ReportBuilder:
    """Check each line of a JSONL stream of :class:`~conflict_events.schema.ExtractionResult`.

    Blank lines are skipped; duplicate document ids are failures (``duplicate_id``). A file whose
    first line belongs to another format (an ACLED CSV, input documents) is one ``wrong_format``
    failure naming it, with every line counted invalid, instead of a failure per line.
    """
    seen_ids: set[str] = set()
    other_format: bool | None = None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        if other_format is None:
            reason = wrong_format("jsonl", raw.decode("utf-8", "replace"))
            other_format = reason is not None
            if reason is not None:
                builder.fail(0, "wrong_format", reason)
        if other_format:
            builder.reject(number)
            continue
        builder.check(number)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            builder.fail(number, "encoding", f"not valid UTF-8 at byte {err.start}")
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            builder.fail(number, "json_syntax", f"not JSON: {err.msg} at column {err.colno}")
            continue
        if not isinstance(data, dict):
            builder.fail(number, "not_an_object", f"expected a JSON object, got {type(data).__name__}")
            continue
        try:
            result = ExtractionResult.model_validate(data)
        except ValidationError as err:
            for e in err.errors(include_url=False)[:MAX_ERRORS_PER_RECORD]:
                builder.fail(number, f"schema.{e['type']}", e["msg"], field=_field_of(tuple(e["loc"])))
            continue
        doc_id = result.document.id
        if doc_id in seen_ids:
            builder.fail(number, "duplicate_id", f"document id {doc_id!r} appears on an earlier line",
                         field="document.id")
        seen_ids.add(doc_id)
    return builder


def validate_path(
    path: str | Path,
    fmt: str = "jsonl",
    *,
    on_failure: Callable[[ValidationFailure], None] | None = None,
    max_failures: int = MAX_STORED_FAILURES,
) -> ValidationReport:
    """Validate a whole file (``-`` for stdin with ``jsonl``) in format ``jsonl``, ``acled`` or ``ucdp``.

    ``jsonl`` checks each line against :class:`~conflict_events.schema.ExtractionResult`;
    ``acled`` and ``ucdp`` are checked by ``conflict_events.io.acled.validate_acled``
    and ``conflict_events.io.ucdp.validate_ucdp``, imported only when asked for.
    ``on_failure`` (``jsonl`` only) sees each failure as it is found, even those
    past ``max_failures`` that the report does not store.
    Raises :class:`~conflict_events.errors.InputError` if the file cannot be read
    or the format is unknown.
    """
    if fmt == "jsonl":
        builder = ReportBuilder(path, fmt, on_failure=on_failure, max_failures=max_failures)
        return validate_jsonl_lines(binary_lines(path), builder).report()
    if fmt in ("acled", "ucdp"):
        module_name = f"conflict_events.io.{fmt}"
        try:
            module = importlib.import_module(module_name)
            validator = getattr(module, f"validate_{fmt}")
        except (ImportError, AttributeError) as err:
            raise InputError(f"the {fmt} validator is not available ({module_name}.validate_{fmt}): {err}",
                             source=str(path)) from err
        report = validator(path)
        if not isinstance(report, ValidationReport):
            raise InputError(f"{module_name}.validate_{fmt} did not return a ValidationReport",
                             source=str(path))
        if on_failure is not None:
            for failure in report.failures:
                on_failure(failure)
        return report
    raise InputError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})", source=str(path))
