"""Readers: dated text files, JSONL documents, plain text with a caller-given date, folders, globs, stdin.

A text file's first line may begin with ``date YYYY-MM-DD``; the rest of that
line is the standfirst and stays part of the text. A JSONL file holds one
document per line: ``{"id", "text", "date"[, "title", "source", "url"]}``.

>>> import datetime as dt
>>> doc = document_from_text("Troops advanced.", date=dt.date(2024, 5, 1), id="a1")
>>> doc.id, doc.date.isoformat()
('a1', '2024-05-01')

:func:`iter_documents` streams documents from any mix of inputs; a bad input
(a missing date, undecodable bytes, a malformed JSONL line) is handed to
``on_error`` and reading goes on with the next one:

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("date 2025-01-05 Shelling hit Izium.", encoding="utf-8")
>>> lines = [json.dumps({"id": "b", "text": "Clashes.", "date": "2025-01-06"}), "{not json"]
>>> _ = (folder / "more.jsonl").write_text("\\n".join(lines), encoding="utf-8")
>>> errors = []
>>> [d.id for d in iter_documents([folder], on_error=errors.append)]
['a', 'b']
>>> print(errors[0])  # doctest: +ELLIPSIS
/.../more.jsonl:2: not JSON: ...
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Final, NamedTuple

from pydantic import ValidationError

from ..errors import DecodeError, InputError, MissingDateError, RecordError
from ..schema import Document

__all__ = [
    "DATE_HEADER",
    "DOCUMENT_FIELDS",
    "JSONL_SUFFIXES",
    "STDIN",
    "TEXT_SUFFIXES",
    "SourcedDocument",
    "binary_lines",
    "document_from_record",
    "document_from_text",
    "expand_inputs",
    "iter_documents",
    "iter_sourced_documents",
    "jsonl_records",
    "parse_dated_text",
    "read_jsonl_documents",
    "read_text",
    "read_text_file",
]

# Leading white space is tolerated: some files start with a stray space or a BOM.
DATE_HEADER: Final = re.compile(r"\A[\ufeff\s]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*")

# A first line "date <something that is not YYYY-MM-DD>": a header with a malformed date.
_BAD_DATE_HEADER: Final = re.compile(
    r"\A[\ufeff\s]*date[ \t]+(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\S+(?=[ \t]*(?:\r?\n|\Z)))",
    re.IGNORECASE,
)

STDIN: Final = "-"
JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
# What a folder is searched for; a file named explicitly is read whatever its suffix.
TEXT_SUFFIXES: Final = frozenset({".txt", ".text", ".md"})
DOCUMENT_FIELDS: Final = ("id", "text", "date", "title", "source", "url")
_OPTIONAL_FIELDS: Final = ("title", "source", "url")

ErrorHandler = Callable[[InputError], None]


class SourcedDocument(NamedTuple):
    """A document with where it was read: ``path`` or ``path:line`` (``<stdin>`` for standard input)."""

    origin: str
    document: Document


def document_from_text(text: str, *, date: dt.date, id: str | None = None, **fields: Any) -> Document:
    """A document from plain text and a caller-given date; the id is a stable hash when not given."""
    doc_id = id or "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Document(id=doc_id, text=text, date=date, **fields)


def parse_dated_text(raw: str, *, source: str) -> tuple[str, dt.date | None]:
    """Split a ``date YYYY-MM-DD`` header off a text; returns the text and the date (or None).

    The rest of the header line is the standfirst and stays; a header line with nothing else on it
    goes whole, with the blank lines after it, so the text starts with the article's lead.

    >>> parse_dated_text("date 2024-05-12\\n\\nRebels shelled the town.", source="a.txt")
    ('Rebels shelled the town.', datetime.date(2024, 5, 12))
    >>> parse_dated_text("date 2024-05-12 Rebels shelled the town.", source="a.txt")[0]
    'Rebels shelled the town.'
    """
    match = DATE_HEADER.match(raw)
    if not match:
        bad = _BAD_DATE_HEADER.match(raw)
        if bad:
            # "date 09-03-2025": meant as a header; read as article text it would date nothing
            raise InputError(f"bad date header {bad.group(1)!r}: write the date as YYYY-MM-DD "
                             "(e.g. 'date 2025-03-09')", source=source)
        return raw, None
    try:
        date = dt.date.fromisoformat(match.group(1))
    except ValueError as err:
        raise InputError(f"bad date header {match.group(1)!r}: {err}", source=source) from err
    rest = raw[match.end() :]
    if rest[:1] in ("\n", "\r"):
        rest = rest.lstrip("\r\n")
    return rest, date


def _decode(data: bytes, *, encoding: str, replace_errors: bool, source: str) -> str:
    try:
        return data.decode(encoding, errors="replace" if replace_errors else "strict")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"bytes {err.start}-{err.end} are not valid {encoding} ({err.reason}); "
            "pass --replace-errors to decode with replacement characters",
            source=source,
        ) from err


def read_text(
    raw: str, *, source: str, date: dt.date | None = None, id: str | None = None
) -> Document:
    """A document from already decoded text that may start with a ``date`` header.

    The header's date wins over ``date``; with neither a
    :class:`~conflict_events.errors.MissingDateError` names ``source``.
    """
    try:
        text, header_date = parse_dated_text(raw, source=source)
    except InputError as err:
        raise InputError(err.message, source=source, document_id=id) from err
    when = header_date or date
    if when is None:
        raise MissingDateError(
            "no publication date: add a first line 'date YYYY-MM-DD' or give --date YYYY-MM-DD",
            source=source,
            document_id=id,
        )
    if id is None:
        return document_from_text(text, date=when)
    try:
        return Document(id=id, text=text, date=when)
    except ValidationError as err:
        reason = err.errors()[0]["msg"]
        raise InputError(f"cannot use {id!r} as a document id: {reason}", source=source) from err


def read_text_file(
    path: str | Path,
    *,
    date: dt.date | None = None,
    encoding: str = "utf-8",
    replace_errors: bool = False,
    id: str | None = None,
) -> Document:
    """Read a text file as a document; its id is the file name without its extension.

    The date comes from the file's ``date`` header, else from ``date``; with
    neither a :class:`~conflict_events.errors.MissingDateError` names the file.
    Undecodable bytes raise :class:`~conflict_events.errors.DecodeError` unless
    ``replace_errors`` asks for U+FFFD replacement.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", source=str(path)) from err
    raw = _decode(data, encoding=encoding, replace_errors=replace_errors, source=str(path))
    return read_text(raw, source=str(path), date=date, id=id or path.stem)


def _parse_date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise ValueError(f"'date' must be a string YYYY-MM-DD, not {type(value).__name__}")
    # A timestamp ("2025-01-05T08:30:00Z") dates the article by its calendar day.
    day = value[:10] if len(value) > 10 and value[10] in "T " else value
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        raise ValueError(f"'date' {value!r} is not a date YYYY-MM-DD") from None


def document_from_record(
    data: Mapping[str, Any], *, source: str, line: int | None = None, date: dt.date | None = None
) -> Document:
    """A document from one parsed JSONL record; keys other than :data:`DOCUMENT_FIELDS` are ignored.

    ``id`` defaults to a hash of the text, ``date`` to the caller's ``date``;
    anything else wrong raises :class:`~conflict_events.errors.RecordError`.
    """
    doc_id = data.get("id")
    if doc_id is not None and not isinstance(doc_id, str | int):
        raise RecordError(f"'id' must be a string, not {type(doc_id).__name__}", source=source, line=line)
    known = None if doc_id is None else str(doc_id)  # named in every later error
    text = data.get("text")
    if not isinstance(text, str):
        got = "missing" if text is None else f"a {type(text).__name__}"
        raise RecordError(f"'text' must be a string, but it is {got}", source=source, line=line,
                          document_id=known)
    raw_date = data.get("date")
    try:
        when = date if raw_date is None else _parse_date(raw_date)
    except ValueError as err:
        raise RecordError(str(err), source=source, line=line, document_id=known) from None
    if when is None:
        raise RecordError("no 'date' in the record and no --date given", source=source, line=line,
                          document_id=known)
    fields = {k: data[k] for k in _OPTIONAL_FIELDS if data.get(k) is not None}
    try:
        return document_from_text(text, date=when, id=None if doc_id is None else str(doc_id), **fields)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        where = ".".join(map(str, first["loc"]))
        raise RecordError(f"{where}: {first['msg']}", source=source, line=line, document_id=known) from None


def jsonl_records(
    lines: Iterable[bytes],
    *,
    source: str,
    date: dt.date | None,
    replace_errors: bool,
    on_error: ErrorHandler | None,
    first_line: int = 1,
) -> Iterator[SourcedDocument]:
    """Documents from JSONL lines given as bytes (any slice of a file), numbered from ``first_line``.

    Each document comes with its origin ``SOURCE:LINE``. A bad line raises
    :class:`~conflict_events.errors.RecordError` naming it, or is handed to ``on_error``.

    >>> lines = [b'{"id": "a", "text": "Shelling hit Izium.", "date": "2025-03-09"}', b"", b"[1]"]
    >>> errors = []
    >>> [(s.origin, s.document.id) for s in jsonl_records(lines, source="feed.jsonl", date=None,
    ...     replace_errors=False, on_error=errors.append, first_line=10)]
    [('feed.jsonl:10', 'a')]
    >>> [str(e) for e in errors]
    ['feed.jsonl:12: expected a JSON object, got list']
    """
    for number, raw in enumerate(lines, start=first_line):
        if not raw.strip():
            continue
        try:
            try:
                text = raw.decode("utf-8", errors="replace" if replace_errors else "strict")
            except UnicodeDecodeError as err:
                raise RecordError(
                    f"bytes {err.start}-{err.end} of the line are not valid UTF-8; "
                    "pass --replace-errors to decode with replacement characters",
                    source=source, line=number,
                ) from None
            try:
                data = json.loads(text)
            except json.JSONDecodeError as err:
                raise RecordError(f"not JSON: {err.msg} at column {err.colno}", source=source,
                                  line=number) from None
            if not isinstance(data, dict):
                raise RecordError(f"expected a JSON object, got {type(data).__name__}", source=source,
                                  line=number)
            doc = document_from_record(data, source=source, line=number, date=date)
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)
            continue
        yield SourcedDocument(f"{source}:{number}", doc)


def read_jsonl_documents(
    path: str | Path,
    *,
    date: dt.date | None = None,
    replace_errors: bool = False,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """Stream the documents of a JSONL file (``-`` for stdin), one per non-blank line.

    A malformed line raises :class:`~conflict_events.errors.RecordError` with its
    line number, or, with ``on_error``, is handed to it while the good lines go on.
    """
    for item in _jsonl_file(path, date=date, replace_errors=replace_errors, on_error=on_error):
        yield item.document


def binary_lines(path: str | Path) -> Iterator[bytes]:
    """The lines of a file (``-``: stdin) as bytes, streamed; InputError names a file it cannot open."""
    if str(path) == STDIN:
        yield from sys.stdin.buffer
        return
    try:
        handle: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by the with below, inside the generator
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", source=str(path)) from err
    with handle:
        yield from handle


def _jsonl_file(
    path: str | Path, *, date: dt.date | None, replace_errors: bool, on_error: ErrorHandler | None
) -> Iterator[SourcedDocument]:
    source = "<stdin>" if str(path) == STDIN else str(path)
    yield from jsonl_records(binary_lines(path), source=source, date=date, replace_errors=replace_errors,
                              on_error=on_error)


def _stdin_documents(
    *, date: dt.date | None, replace_errors: bool, on_error: ErrorHandler | None
) -> Iterator[SourcedDocument]:
    """Standard input: JSONL when its first non-blank line starts with ``{``, else one text document."""
    stream = sys.stdin.buffer
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if head and head[-1].lstrip().startswith(b"{"):
        yield from jsonl_records(_chain(head, stream), source="<stdin>", date=date,
                                  replace_errors=replace_errors, on_error=on_error)
        return
    data = b"".join(_chain(head, stream))
    try:
        raw = _decode(data, encoding="utf-8", replace_errors=replace_errors, source="<stdin>")
        doc = read_text(raw, source="<stdin>", date=date)
    except InputError as err:
        if on_error is None:
            raise
        on_error(err)
        return
    yield SourcedDocument("<stdin>", doc)


def _chain(head: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def _folder_files(folder: Path) -> list[Path]:
    wanted = TEXT_SUFFIXES | JSONL_SUFFIXES
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in wanted
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def expand_inputs(
    paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None, exclude: Iterable[str | Path] = ()
) -> Iterator[str]:
    """Files named by ``paths``: files as given, folders searched for text and JSONL files, globs expanded.

    ``-`` (stdin) passes through. A path that names nothing raises
    :class:`~conflict_events.errors.InputError`, or is handed to ``on_error``.
    Folder and glob matches come in sorted order, so runs are reproducible.
    Files in ``exclude`` (a run's own output and error files) are never read.
    """
    excluded = {Path(p).resolve() for p in exclude}
    for name in _expand(paths, on_error):
        if name != STDIN and excluded and Path(name).resolve() in excluded:
            continue
        yield name


def _expand(paths: Iterable[str | Path], on_error: ErrorHandler | None) -> Iterator[str]:
    for given in paths:
        name = str(given)
        if name == STDIN:
            yield STDIN
            continue
        path = Path(name)
        if path.is_dir():
            yield from map(str, _folder_files(path))
        elif path.exists():
            yield name
        elif glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                err = InputError("the pattern matches no file", source=name)
                if on_error is None:
                    raise err
                on_error(err)
            for match in matches:
                m = Path(match)
                if m.is_dir():
                    yield from map(str, _folder_files(m))
                else:
                    yield match
        else:
            err = InputError("no such file or directory", source=name)
            if on_error is None:
                raise err
            on_error(err)


def iter_sourced_documents(
    paths: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    replace_errors: bool = False,
    on_error: ErrorHandler | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[SourcedDocument]:
    """Like :func:`iter_documents`, with where each document was read (``path`` or ``path:line``).

    Files in ``exclude`` are skipped (see :func:`expand_inputs`).
    """
    for name in expand_inputs(paths, on_error=on_error, exclude=exclude):
        try:
            if name == STDIN:
                yield from _stdin_documents(date=date, replace_errors=replace_errors, on_error=on_error)
            elif Path(name).suffix.lower() in JSONL_SUFFIXES:
                yield from _jsonl_file(name, date=date, replace_errors=replace_errors, on_error=on_error)
            else:
                yield SourcedDocument(name, read_text_file(name, date=date, replace_errors=replace_errors))
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)


def iter_documents(
    paths: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    replace_errors: bool = False,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """Stream documents from files, folders, globs, JSONL files and stdin (``-``), in order.

    Files ending in ``.jsonl``/``.ndjson`` are JSONL, any other file one text
    document; stdin is JSONL if its first line starts with ``{``. ``date`` dates
    documents that carry no date of their own. Without ``on_error`` the first
    bad input raises; with it every bad input is reported and reading goes on.
    """
    for item in iter_sourced_documents(paths, date=date, replace_errors=replace_errors, on_error=on_error):
        yield item.document
