"""Readers: dated text files, JSONL documents, and plain text with a caller-given date.

A text file's first line may begin with ``date YYYY-MM-DD``; the rest of that
line is the standfirst and stays part of the text.

>>> import datetime as dt
>>> doc = document_from_text("Troops advanced.", date=dt.date(2024, 5, 1), id="a1")
>>> doc.id, doc.date.isoformat()
('a1', '2024-05-01')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any, Final

from ..errors import DecodeError, InputError, MissingDateError
from ..schema import Document

__all__ = ["DATE_HEADER", "document_from_text", "parse_dated_text", "read_text_file"]

# Leading white space is tolerated: some files start with a stray space or a BOM.
DATE_HEADER: Final = re.compile(r"\A[\ufeff\s]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*")


def document_from_text(text: str, *, date: dt.date, id: str | None = None, **fields: Any) -> Document:
    """A document from plain text and a caller-given date; the id is a stable hash when not given."""
    doc_id = id or "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Document(id=doc_id, text=text, date=date, **fields)


def parse_dated_text(raw: str, *, source: str) -> tuple[str, dt.date | None]:
    """Split a ``date YYYY-MM-DD`` header off a text; returns the text and the date (or None)."""
    match = DATE_HEADER.match(raw)
    if not match:
        return raw, None
    try:
        date = dt.date.fromisoformat(match.group(1))
    except ValueError as err:
        raise InputError(f"bad date header {match.group(1)!r}: {err}", source=source) from err
    return raw[match.end() :], date


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
    try:
        raw = data.decode(encoding, errors="replace" if replace_errors else "strict")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"bytes {err.start}-{err.end} are not valid {encoding} ({err.reason}); "
            "pass --replace-errors to decode with replacement characters",
            source=str(path),
        ) from err
    text, header_date = parse_dated_text(raw, source=str(path))
    when = header_date or date
    if when is None:
        raise MissingDateError(
            "no publication date: add a first line 'date YYYY-MM-DD' or give --date YYYY-MM-DD",
            source=str(path),
        )
    return Document(id=id or path.stem, text=text, date=when)
