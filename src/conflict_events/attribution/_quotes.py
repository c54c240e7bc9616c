"""The quotation finder: direct quotations in a document, by character offsets.

Curly quotes pair “ with ”; straight quotes alternate. A quotation that runs
over a paragraph break follows the press convention: the paragraph ends without
a closing mark and the next one opens with a fresh opening mark. Single quotes
count only as British-style speech (‘We held them,’ he said): the closing mark
follows a comma, full stop, "!" or "?", so an apostrophe never closes one, and a
scare quote (‘very limited action’, “peace” talks) is not speech. A quotation
needs at least ``min_words`` words, unless it opens its sentence and ends on a comma, "!" or "?"
(“Really,” she added), or a comma or colon introduces it and it ends its sentence (he asked, “With tanks?”).

>>> text = 'He said: "We will hold the line. We will not retreat." Then he left.'
>>> [text[q.inner_start:q.inner_end] for q in find_quotations(text)]
['We will hold the line. We will not retreat.']
>>> archive = "''We will hold the line,'' the colonel said."
>>> [archive[q.inner_start:q.inner_end] for q in find_quotations(archive)]
['We will hold the line,']
>>> mixed = '“Our roads are crumbling," she said.'
>>> [mixed[q.inner_start:q.inner_end] for q in find_quotations(mixed)]
['Our roads are crumbling,']
>>> two = '“First part of it.\\n\\n“And the rest of it,” she said.'
>>> [two[q.inner_start:q.inner_end] for q in find_quotations(two)]
['First part of it.\\n\\n“And the rest of it,']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["Quotation", "find_quotations", "quoted_chars"]

_OPEN: Final = "\u201c"
_CLOSE: Final = "\u201d"
_STRAIGHT: Final = '"'
_SINGLE_OPEN: Final = "\u2018"
_SINGLE_CLOSE: Final = "\u2019"
# two apostrophes stand for a straight double quote in archive and wire copy (''We held,'' he said)
_MARKS: Final = re.compile(f"[\n{_OPEN}{_CLOSE}{_STRAIGHT}]|''")


@dataclass(frozen=True)
class Quotation:
    """A direct quotation: outer offsets (marks included) and inner offsets (the words)."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def find_quotations(text: str, min_words: int = 3) -> list[Quotation]:
    """Every direct quotation in ``text`` of at least ``min_words`` words, in order."""
    found: list[Quotation] = []
    open_at: int | None = None
    open_width = 1
    straight_open = False
    for mark in _MARKS.finditer(text):  # every other character leaves the state as it is
        i, ch = mark.start(), mark.group()
        width = len(ch)
        if ch == "''":
            ch = _STRAIGHT
        if ch == "\n" and open_at is not None and not _continues(text, i):
            open_at, straight_open = None, False
            continue
        if ch == _OPEN:
            if open_at is not None and _starts_paragraph(text, i):
                continue  # a quotation carried over into a new paragraph
            open_at, open_width = i, 1
        elif open_at is not None and (
            ch == _CLOSE or (ch == _STRAIGHT and not straight_open and _closing(text, i, width))
        ):
            # "...” closes a straight opening mark too, and “...," a curly one (mixed marks in edited copy)
            found.append(Quotation(open_at, i + width, open_at + open_width, i))
            open_at, straight_open = None, False
        elif ch == _STRAIGHT:
            if straight_open and open_at is not None and not _starts_paragraph(text, i):
                found.append(Quotation(open_at, i + width, open_at + open_width, i))
                open_at, straight_open = None, False
            elif not straight_open or _starts_paragraph(text, i):
                if not (straight_open and _starts_paragraph(text, i)):
                    open_at, open_width = i, width
                straight_open = True
    found.extend(_single_quotations(text, found))
    found.sort(key=lambda q: q.start)
    return [q for q in found if len(text[q.inner_start : q.inner_end].split()) >= min_words or _spoken_alone(text, q)]


def _spoken_alone(text: str, q: Quotation) -> bool:
    """A short quotation that opens its sentence and ends on speech punctuation is speech, not a
    scare quote: “Really,” she added; "Never!" he shouted; and so is one a comma or a colon introduces
    that ends its sentence: he asked, “With tanks?”"""
    inner = text[q.inner_start : q.inner_end].rstrip()
    if not inner or inner[-1] not in ",!?.":
        return False
    before = text[: q.start].rstrip(" \t")
    if before and before[-1] in ",:" and inner[-1] in "!?.":
        return True
    return inner[-1] != "." and (not before or before[-1] in "\n.!?")


def quoted_chars(length: int, quotes: list[Quotation]) -> bytearray:
    """A flag per character of a text of ``length``: 1 inside the words of a quotation.

    >>> quoted_chars(8, [Quotation(1, 6, 2, 5)])
    bytearray(b'\\x00\\x00\\x01\\x01\\x01\\x00\\x00\\x00')
    """
    inside = bytearray(length)
    for q in quotes:
        inside[q.inner_start : q.inner_end] = b"\x01" * (q.inner_end - q.inner_start)
    return inside


def _single_quotations(text: str, double: list[Quotation]) -> list[Quotation]:
    """British-style ‘...,’ quotations: closed after , . ! or ? at a word end (an apostrophe never closes)."""
    out: list[Quotation] = []
    i = 0
    while True:
        start = text.find(_SINGLE_OPEN, i)
        if start < 0:
            return out
        i = start + 1
        if start > 0 and text[start - 1].isalnum():
            continue
        if any(q.start < start < q.end for q in double):
            continue  # a quotation inside a quotation belongs to the outer one
        end = start + 1
        while True:
            end = text.find(_SINGLE_CLOSE, end)
            if end < 0 or "\n" in text[start:end]:
                break
            after = text[end + 1 : end + 2]
            if text[end - 1] in ",.!?" and not after.isalpha():
                out.append(Quotation(start, end + 1, start + 1, end))
                i = end + 1
                break
            end += 1


def _closing(text: str, i: int, width: int) -> bool:
    """Whether a straight mark at ``i`` stands where a quotation closes: after a word or punctuation,
    before a space, punctuation or the end."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?)")


def _starts_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def _continues(text: str, i: int) -> bool:
    """At a line break inside an open quotation: does the next paragraph reopen it?"""
    j = i
    while j < len(text) and text[j] in "\n\r \t":
        j += 1
    return j < len(text) and text[j] in (_OPEN, _STRAIGHT)
