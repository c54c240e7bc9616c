"""Clan militias: "Hawadle clan militia", "Hawiye-Habar Gedir-Duduble and Saleban sub-clan militias"."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Final

from ..rules import Example, rule
from ._actor_ref import ActorRef
from ._clans import ClanTree
from ._pass_state import SUBJECTS, FinderBase

__all__ = ["CLAN", "ClanPass"]

CLAN: Final = 85  # strength: below the catalogue's names, above institutions and roles
_SEPARATOR: Final = re.compile(r"\s*(?:,|&|\band\b)\s*", re.IGNORECASE)
_CLAN_WORD: Final = r"(?:sub[\s-]?clans?|clans?(?:men)?)"
_MILITIA_WORD: Final = r"(?:militia(?:s|men|man)?|fighters|gunmen)"


@lru_cache(maxsize=8)
def _clan_pattern(tree: ClanTree) -> re.Pattern[str]:
    """A list of clan runs followed by "(sub-)clan" and/or "militia", with an optional "of <lineage>"."""
    name = tree.pattern.pattern
    run = rf"{name}(?:[\s\-/]+{name})*"
    runs = rf"{run}(?:\s*(?:,|&|\band\b)\s*{run})*"
    tail = rf"(?:\s+{_CLAN_WORD}(?:\s+{_MILITIA_WORD})?|\s+{_MILITIA_WORD})"
    return re.compile(rf"(?P<runs>{runs})(?P<tail>{tail})(?:\s+of\s+(?:the\s+)?(?P<of>{run}))?", re.IGNORECASE)


@rule(
    "actors.names.clan_militia",
    decides="actor.name",
    positive=[
        Example(
            "Habar Gedir clan militia clashed with Marehan clan militia near Cabudwaaq on Friday over grazing land.",
            {"actor.name": "Hawiye-Habar Gedir Sub-Clan Militia (Somalia)"},
        ),
        Example(  # a sub-clan that acts is its militia, even when "shot" is read as a noun of its phrase
            "On 7 May 2024, Marehan sub-clan shot and killed a herder near Cabudwaaq.",
            {"actor.name": "Darod-Marehan Sub-Clan Militia (Somalia)"},
        ),
    ],
    negative=[
        Example(
            "A clan militia clashed with a rival militia near Cabudwaaq on Friday over grazing land.",
            {"actor.name": "Unidentified Clan Militia (Somalia)"},
        )
    ],
)
def clan_militia(f: ClanPass, names: list[str], context: list[str], country: str | None) -> ActorRef | None:
    """A clan's militia is named by the clan's lineage from its clan family down, as ACLED names clan militias."""
    tree = f.clans
    lineage = tree.lineage([*context, *names])
    if lineage is None:
        return None
    # the lineage's own country, unless the event is in a neighbour where the lineage lives too
    home = tree.country(lineage)
    where = country if country in f.roles.clan_countries else home
    return f.resolver.generic(tree.militia_name(lineage), "identity_militia", where or country)


class ClanPass(FinderBase):
    """Clan militias named by the clan (its lineage from the ``communities`` lexicon)."""

    def find_clans(self) -> None:
        tree = self.clans
        if not tree.names or ("clan" not in self.text.lower() and "militia" not in self.text.lower()):
            return  # every match names a clan word or a militia word
        for m in _clan_pattern(tree).finditer(self.text):
            if not re.search(_MILITIA_WORD, m.group("tail"), re.IGNORECASE) and not self._clan_acts(m.end("tail")):
                continue  # "a civilian from the Dhulbahante clan": the clan, not its militia
            self._add_runs(m)

    def _clan_acts(self, end: int) -> bool:
        """Whether the phrase ending at ``end`` ("... sub-clan") is a clause's subject."""
        span = self.span_at(end - 1, end)
        if span is None:
            return False
        tok = span.root
        if tok.dep_ in SUBJECTS or (tok.dep_ == "conj" and tok.head.dep_ in SUBJECTS):
            return True
        # "Darod-Majeerteen sub-clan clashed with ...": the model may hang the names on the verb, or read
        # "sub-clan shot and killed" as a noun phrase ("sub-clan shot") joined to the verb after it
        doc, i = tok.doc, tok.i
        if i + 1 < len(doc) and doc[i + 1].pos_ == "VERB":
            return True
        return i + 3 < len(doc) and doc[i + 2].lower_ == "and" and doc[i + 3].tag_ == "VBD"

    def _add_runs(self, m: re.Match[str]) -> None:
        tree = self.clans
        of = tree.split(m.group("of")) if m.group("of") else []
        runs = self._runs(m)
        context = list(of)
        for start, end, names in runs:
            # one clan: the mention runs to "militia"; several: each its own names, "militia" being all of theirs
            stop = m.end() if len(runs) == 1 else end
            ref = clan_militia(self, names, context, self.country_near(start))
            if ref is not None:
                subject = self._is_subject(start, stop)
                self.add(start, stop, replace(ref, rule=clan_militia.name), CLAN, subject=subject)
            context = [*of, *names] if not of else context

    def _runs(self, m: re.Match[str]) -> list[tuple[int, int, list[str]]]:
        """The runs of the list: (start, end, the clan names in it)."""
        text, offset = m.group("runs"), m.start("runs")
        out: list[tuple[int, int, list[str]]] = []
        pos = 0
        for sep in [*_SEPARATOR.finditer(text), None]:
            end = sep.start() if sep is not None else len(text)
            piece = text[pos:end]
            names = self.clans.split(piece)
            if names:
                out.append((offset + pos, offset + end, names))
            if sep is None:
                break
            pos = sep.end()
        return out
