"""Plain-text scanning helpers shared by the rules: word occurrences, wire datelines and headlines.

>>> occurrences("shelled, then shelled again", "shelled")
[0, 14]
>>> DATELINE.match("KYIV, Ukraine (AP) — Russian forces struck.").group("name")
'KYIV'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["DATELINE", "dateline_end", "headline_end", "occurrences"]

# A wire dateline at the start of a line: where the report was filed, never where things happened
# or who did them. "BAMAKO, Nov 10 (Reuters) -", "KYIV, Ukraine (AP) —", "MEXICO CITY (AP) —",
# "OUAGADOUGOU - Armed men", "BEIRUT: The ministry"; ``name`` is the place, the match runs to the dash.
DATELINE: Final = re.compile(
    r"(?m)^(?:date \S+\s+)?(?P<name>[A-Z][A-Z'’./-]+(?: [A-Z][A-Z'’./-]+){0,2})"
    r"(?:\s*\([^)\n]*\))?(?:,[^\n]{0,40}?(?:\([^)\n]*\))?)?\s*[-\u2013\u2014:]\s"
)


def dateline_end(text: str, offset: int) -> int:
    """The end of the wire dateline opening the line that holds ``offset``, -1 if the line opens with none.

    >>> text = "Headline\\nKYIV, Feb 12 - Four people were killed."
    >>> text[dateline_end(text, 30):]
    'Four people were killed.'
    """
    lo = max(0, offset - _DATELINE_REACH)
    newline = text.rfind("\n", lo, offset)
    if newline < 0 and lo > 0:
        return -1  # no line start near: a dateline line is short (and a long text is not scanned back to its start)
    found = DATELINE.match(text, newline + 1)
    return -1 if found is None else found.end()


_DATELINE_REACH: Final = 300  # characters: a dateline and the first words after it


_NOT_SPACE: Final = re.compile(r"\S")
# how a line of full sentences ends; a headline ends with none of these
_FULL_STOPS: Final = (".", "!", "?", '"', "'", "\u201d", "\u2019")


def headline_end(text: str) -> int:
    """The end of the text's first line when it is a headline (more text follows, and the line ends with no full
    stop or closing quotation mark), else 0.

    >>> headline_end("Gunmen kill six in Zamfara; bomb hits truck in Borno\\n\\nGUSAU - Gunmen killed six.")
    52
    >>> headline_end("Gunmen killed six villagers in Tsafe.\\nPolice said so."), headline_end("One line\\n")
    (0, 0)
    """
    end = text.find("\n")
    if end <= 0 or _NOT_SPACE.search(text, end) is None or text[:end].rstrip().endswith(_FULL_STOPS):
        return 0
    return end


def occurrences(text: str, word: str) -> list[int]:
    """Every start offset of ``word`` in ``text``, overlapping ones included, in order."""
    out: list[int] = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out
