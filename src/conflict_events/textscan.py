"""Plain-text scanning helpers shared by the rules that look for words before running costlier patterns.

>>> occurrences("shelled, then shelled again", "shelled")
[0, 14]
"""

from __future__ import annotations

__all__ = ["occurrences"]


def occurrences(text: str, word: str) -> list[int]:
    """Every start offset of ``word`` in ``text``, overlapping ones included, in order."""
    out: list[int] = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out
