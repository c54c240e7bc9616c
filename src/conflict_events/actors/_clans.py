"""Clan lineages (``lexicons/communities.toml``): a clan named in text, and the militia name ACLED gives it.

A clan militia is named by its lineage from the clan family down ("Hawiye-Habar
Gedir-Ayr Sub-Clan Militia"); text often names only the sub-clan ("Ayr clan militia")
or part of the lineage with other spellings ("Habargidir Cayr"). :class:`ClanTree`
finds the clan a run of names stands for and writes its lineage.

>>> tree = clan_tree()
>>> tree.lineage(["Habar jeclo"])
('Isaaq', 'Habar Jeclo')
>>> tree.lineage(["Hawiye", "Habargidir", "Cayr"])
('Hawiye', 'Habar Gedir', 'Ayr')
>>> tree.lineage(["Dir", "Ciise"]), tree.militia_name(("Dir",))
(('Dir', 'Ciise'), 'Dir Clan Militia')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError
from ..lexicons import Lexicon, lexicon_with

__all__ = ["Clan", "ClanTree", "clan_tree"]


@dataclass(frozen=True)
class Clan:
    """One clan or sub-clan: its ACLED spelling, its parent's, its country."""

    name: str
    parent: str
    country: str | None = None
    militia: str | None = None  # the label after the lineage, where it is not the usual one


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("-", " ").split())


class ClanTree:
    """Every clan of the lexicon, with the spellings that name it."""

    def __init__(self, lex: Lexicon) -> None:
        self.clans: dict[str, Clan] = {}
        self.names: dict[str, list[tuple[Clan, str | None]]] = {}  # key -> (clan, the spelling to keep or None)
        self.kept: dict[str, dict[str, str]] = {}  # clan name -> key -> a spelling ACLED uses too
        for raw in lex.tables.get("clan", []):
            if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
                raise LexiconError(f"a [[clan]] entry needs a name: {raw!r}", source=", ".join(lex.sources))
            clan = Clan(raw["name"], str(raw.get("parent", "")), raw.get("country"), raw.get("militia"))
            self.clans[clan.name] = clan
            self._index(clan.name, clan, None)
            for kept in raw.get("also", []):
                self._index(kept, clan, kept)
                self.kept.setdefault(clan.name, {})[_key(kept)] = kept
            for alias in raw.get("aliases", []):
                self._index(alias, clan, None)
        for clan in self.clans.values():
            if clan.parent and clan.parent not in self.clans:
                raise LexiconError(
                    f"clan {clan.name!r} has an unknown parent {clan.parent!r}", source=", ".join(lex.sources)
                )
        self.pattern = self._pattern()

    def _index(self, text: str, clan: Clan, kept: str | None) -> None:
        entries = self.names.setdefault(_key(text), [])
        if all(c is not clan or k != kept for c, k in entries):
            entries.append((clan, kept))

    def _pattern(self) -> re.Pattern[str]:
        """One name of the tree, as a whole word (case-insensitive; hyphens and spaces alike)."""
        forms = sorted(self.names, key=len, reverse=True)
        parts = [r"[\s\-]+".join(re.escape(w) for w in f.split()) for f in forms]
        return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w'])", re.IGNORECASE)

    def ancestors(self, clan: Clan) -> list[Clan]:
        """The clan's lineage from its clan family down to it."""
        out = [clan]
        while out[-1].parent:
            out.append(self.clans[out[-1].parent])
        return out[::-1]

    def lineage(self, names: Sequence[str]) -> tuple[str, ...] | None:
        """The lineage a run of clan names stands for ("Habar Gedir", "Saleban"), in ACLED's spellings.

        The deepest name the others agree with decides, whatever the order of writing ("Habar Gedir
        Habaraji Ayr" is Habaraji of Ayr); the others pick among clans of that name and may keep a
        spelling ACLED uses too ("Ciise"). None when no name is a clan.
        """
        keys = [_key(n) for n in names]
        scored = []
        for i, key in enumerate(keys):
            others = set(keys[:i] + keys[i + 1 :])
            for option in self.names.get(key, ()):
                line = self.ancestors(option[0])
                shared = sum(1 for c in line[:-1] if _key(c.name) in others)
                # names that share no lineage ("Marehan and Dir"): the last one, as written
                scored.append(((shared, i == len(keys) - 1, len(line), i), option))
        if not scored:
            return None
        clan, kept = max(scored, key=lambda s: s[0])[1]
        written = [_key(n) for n in names]
        path = []
        for c in self.ancestors(clan):
            forms = self.kept.get(c.name, {})
            path.append(next((forms[k] for k in written if k in forms), c.name))
        if kept is not None:
            path[-1] = kept
        return tuple(path)

    def country(self, lineage: Sequence[str]) -> str | None:
        """The country of a lineage's clan family."""
        clan = self.clans.get(lineage[0]) if lineage else None
        return clan.country if clan is not None else None

    def militia_name(self, lineage: Sequence[str]) -> str:
        """ "Hawiye-Abgal Sub-Clan Militia", "Dir Clan Militia"."""
        clan = self.clans.get(lineage[-1]) if lineage else None
        label = clan.militia if clan is not None and clan.militia else None
        return "-".join(lineage) + " " + (label or ("Sub-Clan Militia" if len(lineage) > 1 else "Clan Militia"))

    def split(self, text: str) -> list[str]:
        """The clan names in a run of text, in order ("Hawiye-Habar Gedir Ayr" -> three names)."""
        return [m.group(0) for m in self.pattern.finditer(text)]


def clan_tree(files: Sequence[str | Path] = ()) -> ClanTree:
    """The clan tree of the ``communities`` lexicon extended by the user's ``files`` (cached)."""
    return _clan_tree(tuple(str(f) for f in files))


@lru_cache(maxsize=8)
def _clan_tree(files: tuple[str, ...]) -> ClanTree:
    return ClanTree(lexicon_with("communities", files))
