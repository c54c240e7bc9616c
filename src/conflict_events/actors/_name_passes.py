"""Passes over names: table names and acronyms, affiliates, coalitions, institutions, ministries,
organisations, and countries or capitals acting as governments.

Each pass finds candidates and asks its named rule (below each pass) what they name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Final

from spacy.strings import get_string_id

from .._doccache import entities
from ..lexicons._countries import capital_government, country_from_name
from ..rules import Example, rule
from ._actor_ref import ActorRef, country_in_words
from ._actor_scan import FastPattern
from ._actor_table import ActorEntry, alias_key
from ._canonical import country_label
from ._pass_state import (
    AFFILIATE,
    GOVERNMENT,
    MINISTRY,
    ORG,
    ROLE,
    SUBJECTS,
    TABLE,
    ActorMention,
    FinderBase,
    IdMemo,
    ids,
)
from ._role_words import RoleWords

__all__ = ["NamePasses"]

_LED = re.compile(r"\b(?P<leader>[A-Z][\w]+(?:\s[A-Z][\w]+)?)[\s-]led\s+(?:military\s+)?coalition\b")
_MINISTRY = re.compile(
    r"(?:\b(?:the\s+)?(?P<q>(?:[A-Z][\w\-]+\s){0,2}[A-Z][\w\-]+(?:['’]s)?)\s+)?"
    r"(?:Ministry\s+of\s+(?:the\s+)?(?P<s1>[A-Z][a-z]+(?:\s+(?:Affairs|Situations))?)"
    r"(?:\s+of\s+(?:the\s+)?(?P<c1>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))?"
    r"|(?P<s2>[A-Za-z][a-z]+(?:\s+[Aa]ffairs)?)\s+[Mm]inistry)\b"
)
# every match of _MINISTRY holds one (the pattern is case-sensitive)
_MINISTRY_HINT = re.compile("[Mm]inistry")
# "Ukraine's General Staff", "the Russian General Staff", "the General Staff of the Armed Forces of
# Ukraine": a state's military command, which speaks for (and as) its forces.
_GENERAL_STAFF = re.compile(
    r"(?:\b(?P<q>[A-Z][\w\-]+)(?:['’]s)?\s+)?General\s+Staff\b"
    r"(?:\s+of\s+(?:the\s+)?(?:Armed\s+Forces\s+of\s+(?:the\s+)?)?(?P<c>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))?"
)
# "the Government of Sudan", "the Federal Government of Somalia", "the Transitional Government of Mali"
_GOVERNMENT_OF = re.compile(
    r"\b(?:(?:Federal|Transitional|Interim|Provisional|National|Military|Central|Union)\s+)?"
    r"Government\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w\-]+(?:\s+(?:of\s+)?[A-Z][\w\-]+){0,3})"
)
_BARE_MINISTRY = FastPattern.of(re.compile(r"\b(?:the|a)\s+ministry\b", re.IGNORECASE), word_start=False)
_THE = re.compile(r"^the\s+", re.IGNORECASE)


_COALITION: Final = ids("coalition")
_PROPN: Final = ids("PROPN")
_SUBJECT_IDS: Final = ids(*SUBJECTS)
_CONJ: Final = get_string_id("conj")
_POSS: Final = get_string_id("poss")
_POBJ: Final = get_string_id("pobj")
_TO: Final = get_string_id("to")
_ACCORDING: Final = get_string_id("according")


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=16)
def _affiliate_patterns(roles: RoleWords) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "<Parent>-linked group" and "<Parent>'s affiliate", from the role words."""
    linked = re.compile(
        r"(?P<parent>[A-Z][\w'’]*(?:[\s-][A-Z][\w'’]*)*?)[\s-]"
        rf"(?:{_alternatives(roles.linked_words)})\s+(?:{_alternatives(roles.linked_nouns)})\b"
    )
    affiliate = re.compile(
        r"(?P<parent>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*?)['’]s\s+"
        rf"(?:(?:{_alternatives(roles.affiliate_qualifiers)}|[A-Z]\w+)\s+){{0,3}}"
        rf"(?:{_alternatives(roles.affiliate_nouns)})\b"
    )
    return linked, affiliate


def _near_hints(
    pattern: re.Pattern[str], hint: re.Pattern[str], text: str, words: int = 4, hint_text: str | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, searching only near the hints (found in ``hint_text``, at the offsets of ``text``).

    Every match of ``pattern`` holds a match of ``hint`` that starts at most ``words``
    whitespace-separated words (counting the hint's own) after the match's start:
    the scan starts that many words before the next hint. (Institutions: two
    words of the qualifier and "national" before the phrase; ministries: "the",
    three of the qualifier, the subject and "affairs" before "Ministry".)
    """
    pos = 0
    while True:
        h = hint.search(text if hint_text is None else hint_text, pos)
        if h is None:
            return
        i = h.start()
        for _ in range(words):
            while i > pos and text[i - 1].isspace():
                i -= 1
            while i > pos and not text[i - 1].isspace():
                i -= 1
        m = pattern.search(text, i)
        if m is None:
            return
        yield m
        pos = m.end()


# -- the rules ----------------------------------------------------------------------------------


@rule(
    "actors.names.parent_in_brackets",
    decides="actor.name",
    positive=[
        Example(
            "On 27 April 2021, Katiba Macina (JNIM) militants and Donso militiamen exchanged gunfire in Diombougou"
            " (Djenne, Mopti).",
            {"!actor.name": "JNIM: Group for Support of Islam and Muslims"},
            date=dt.date(2021, 5, 1),
        )
    ],
    negative=[
        Example(
            "On 27 April 2021, Katiba Macina militants and JNIM fighters clashed with soldiers in Diombougou (Djenne,"
            " Mopti).",
            {"actor.name": "JNIM: Group for Support of Islam and Muslims"},
            date=dt.date(2021, 5, 1),
        )
    ],
)
def parent_in_brackets(f: NamePasses, first: ActorMention, then: ActorMention) -> ActorMention | None:
    """ "Katiba Macina (JNIM)": the parent named in brackets after a faction says whose faction it is; it is the
    faction named again (ACLED names the faction), not a second actor."""
    if first.entry is None or then.entry is None or then.entry.name not in first.entry.affiliate_of:
        return None
    if f.text[first.end : then.start].strip() != "(" or not f.text[then.end :].lstrip().startswith(")"):
        return None
    ref = replace(first.ref, rule=parent_in_brackets.name)
    return ActorMention(then.start, then.end, ref, then.strength, entry=first.entry, subject=then.subject)


@rule(
    "actors.names.mission_contingent",
    decides="actor.name",
    positive=[
        Example(
            "On 14 May 2025, overnight, Al Shabaab attacked AUSSOM UPDF troops at a base in Buulo Mareer village"
            " (Marka, Lower Shabelle). Two soldiers were killed.",
            {"actor.name": "AUSSOM: Africa Union Support and Stabilisation Mission in Somalia (Uganda)"},
            date=dt.date(2025, 5, 18),
        )
    ],
    negative=[
        Example(
            "On 14 May 2025, Al Shabaab attacked UPDF troops at a base in Buulo Mareer village (Marka, Lower"
            " Shabelle). AUSSOM said two soldiers were killed.",
            {"actor.name": "Military Forces of Uganda (1986-)"},
            date=dt.date(2025, 5, 18),
        )
    ],
)
def mission_contingent(f: NamePasses, first: ActorMention, then: ActorMention) -> ActorMention | None:
    """ "AUSSOM UPDF", "ATMIS KDF": a state's forces named right after a multinational mission are its national
    contingent, which ACLED names "<mission> (<country>)", not the state's own forces."""
    mission = first.entry
    if mission is None or mission.kind != "external_forces" or mission.country is not None or mission.members:
        return None
    if then.ref.kind != "state_forces" or then.ref.country is None or f.text[first.end : then.start].strip():
        return None
    name = f"{f.resolver.entry(mission).name} ({country_label(then.ref.country)})"
    ref = ActorRef(name, "external_forces", then.ref.country, rule=mission_contingent.name)
    return ActorMention(first.start, then.end, ref, then.strength, subject=first.subject or then.subject)


@rule(
    "actors.names.table",
    decides="actor.name",
    positive=[
        Example(
            "Al-Shabaab fighters stormed a military base in Afgoye on Tuesday.",
            {"actor.name": "Al Shabaab"},
        )
    ],
    negative=[
        Example(
            "Unknown gunmen stormed a police post in Afgoye on Tuesday.",
            {"actor.name": "Unidentified Armed Group (Somalia)"},
        )
    ],
)
def table_name(f: NamePasses, start: int, surface: str) -> tuple[ActorRef, ActorEntry | None] | None:
    """A name, alias or acronym of the actor catalogue names that actor (its country's entry first)."""
    bare = _THE.sub("", surface)
    qualifier = country_in_words(f.text[max(0, start - 40) : start].split()[-2:])
    found = f.resolver.named(bare, qualifier) or f.resolver.named(bare)
    if found is None:
        return None
    ref, entry = found
    if start > 0 and bare[:1].islower() and surface == bare and bare.isalpha() and not _home_word(f, bare):
        return None  # a one-word alias in lower case is a common word ("saba", "fano"); "al-Shabaab" is a name
    if entry is not None and alias_key(bare) in {alias_key(c) for c in entry.contextual} and not f.named_in_full(entry):
        return None  # "the Observatory", "Saba": only where the article is set, or after the full name
    return ref, entry


def _home_word(f: NamePasses, word: str) -> bool:
    """Whether a state row of the article's own country marks the word ``contextual``: there the common word is
    that state's force ("rangers" in Thailand are its paramilitary rangers)."""
    key = alias_key(word)
    return any(
        s.country == f.home and key in {alias_key(c) for c in s.contextual} for s in f.table.states_named(word, f.home)
    )


@rule(
    "actors.names.affiliate",
    decides="actor.name",
    positive=[
        Example(
            "Al-Shabaab claimed the attack in Mogadishu on Sunday. The Al-Qaeda-linked group said it killed "
            "five soldiers.",
            {"actor.name": "Al Shabaab"},
        )
    ],
    negative=[
        Example(
            "Al-Shabaab claimed the attack in Mogadishu on Sunday. The group said it killed five soldiers.",
            {"actor.name": "Al Shabaab"},
        )
    ],
)
def affiliate(f: NamePasses, parent: str, pos: int) -> ActorEntry | None:
    """ "The Al-Qaeda-linked group", "Al-Qaeda's Somali affiliate": the article's named group whose parent that is."""
    keys = {alias_key(parent)}
    parent_entry = f.resolver.pick(f.table.by_alias(parent))
    if parent_entry:
        keys |= {alias_key(a) for a in (parent_entry.name, *parent_entry.aliases)}
    hits: list[tuple[int, ActorEntry]] = []
    for start, _, surface in f.table_hits:
        bare = _THE.sub("", surface)
        for entry in (*f.table.by_alias(bare), *f.table.by_acronym(bare)):
            if any(alias_key(p) in keys for p in entry.affiliate_of):
                hits.append((start, entry))
    if not hits:
        return None
    earlier = [h for h in hits if h[0] < pos]
    return (max(earlier, key=lambda h: h[0]) if earlier else min(hits, key=lambda h: h[0]))[1]


@rule(
    "actors.names.coalition",
    decides="actor.name",
    positive=[
        Example(
            "French-led coalition forces raided a jihadist camp near Menaka on Monday, killing eight militants.",
            {"actor.name": "Military Forces of France (2017-)"},
        )
    ],
    negative=[
        Example(
            "Air strikes hit a Houthi camp near Saada on Monday.",
            {
                "!actor.name": "Military Forces of Saudi Arabia (2015-)",
                "actor.name": "Military Forces of Yemen (2017-) Houthi",
            },
        )
    ],
)
def coalition(f: NamePasses, leader: str) -> ActorRef | None:
    """ "The French-led coalition" (and "the coalition" later in that article) is the leading state's forces (as
    whose coalition they act in its theatres: :func:`coalition_member`)."""
    code = country_in_words([leader])
    return f.resolver.state(code) if code else None


@rule(
    "actors.names.coalition_member",
    decides="actor.name",
    positive=[
        Example(
            "On 3 May 2024, US forces conducted a patrol near Rmelan in Al Hasakeh countryside, Syria.",
            {"event.actor1.name": "Global Coalition Against Daesh"},
        ),
        Example(
            "On 2 March 2024, Saudi forces fired artillery shells at Al Raqw in Monabbih district (Saada), Yemen,"
            " killing a migrant.",
            {"event.actor1.name": "Operation Restoring Hope"},
        ),
    ],
    negative=[
        Example(
            "On 3 May 2024, US forces conducted an airstrike on an Al Shabaab camp near Jilib, Somalia.",
            {"event.actor1.name": "Military Forces of the United States (2021-2025)"},
        ),
        Example(
            "On 9 March 2024, Saudi-led coalition aircraft struck a farm in Kitaf (Saada), Yemen, killing two"
            " farmers.",
            {"event.actor1.name": "Military Forces of Saudi Arabia (2015-)"},
        ),
    ],
)
def coalition_member(f: NamePasses, ref: ActorRef) -> ActorRef | None:
    """A member state's own forces in a coalition's theatre act as the coalition, as ACLED codes them: the
    United States' forces in Iraq and Syria are the Global Coalition Against Daesh ("US forces", "a US drone"),
    Saudi forces in Yemen Operation Restoring Hope; elsewhere they are the state's own (the coalitions'
    ``members`` and ``theatres`` in the actor table). "The Saudi-led coalition", named by its leader
    (:func:`coalition`), stays the leader's forces, as the corpus's Hodeidah gold codes coalition air strikes."""
    if ref.kind != "state_forces" or ref.country is None or not ref.name.startswith("Military Forces of"):
        return None
    if ref.rule == coalition.name:
        return None
    entry = f.table.acting_as(ref.country, f.home)
    return f.resolver.entry(entry) if entry is not None else None


@rule(
    "actors.names.ministry",
    decides="actor.name",
    positive=[
        Example(
            "Russia's Defence Ministry said its forces shot down 12 drones over Belgorod on Friday.",
            {"actor.name": "Ministry of Defence of Russia"},
        )
    ],
    negative=[
        Example(
            "Russian officials said air defences shot down 12 drones over Belgorod on Friday.",
            {"!actor.name": "Ministry of Defence of Russia", "actor.name": "Officials (Russia)"},
        )
    ],
)
def ministry(f: NamePasses, m: re.Match[str]) -> tuple[int, ActorRef] | None:
    """ "Russia's Defence Ministry", "the Ministry of Interior of Mali", "the Hamas-run health ministry":
    ``Ministry of <Subject> of <Country>``, the country from the words, the runner, an earlier ministry
    or the article."""
    subject = f.roles.ministries.get((m.group("s1") or m.group("s2") or "").lower())
    if subject is None:
        return None
    country = country_from_name(m.group("c1")) if m.group("c1") else None
    start = m.start()
    q = m.group("q")
    if q:
        country = country or country_in_words([q]) or f.runner_country(q)
        if country is None or country_in_words([q]) is None:
            # the qualifier is no country: the mention starts at the ministry's own words
            start = f.text.rfind("Ministry", 0, m.end()) if m.group("s1") else m.start("s2")
    if country is None:
        prior = [x for x in f.mentions if x.ref.name.startswith("Ministry of") and x.start < start]
        country = prior[-1].ref.country if prior else f.home
    return start, f.resolver.ministry(subject, country)


@rule(
    "actors.names.government_of",
    decides="actor.name",
    positive=[
        Example(
            "The Federal Government of Somalia signed a truce with clan militias in Baidoa on Monday.",
            {"event.actor1.name": "Government of Somalia"},
        )
    ],
    negative=[
        Example(
            "The Government Hospital of Baidoa was shelled on Monday.",
            {"!actor.name": "Government of Somalia"},
        )
    ],
)
def government_of(f: NamePasses, m: re.Match[str]) -> ActorRef | None:
    """ "The Government of Sudan", "the Federal Government of Somalia": the civilian government of that country
    (the longest run of capitalised words that names a country)."""
    words = m.group("c").split()
    for n in range(len(words), 0, -1):
        code = country_from_name(" ".join(words[:n]))
        if code is not None:
            return f.resolver.government(code)
    return None


@rule(
    "actors.names.the_ministry",
    decides="actor.name",
    positive=[
        Example(
            "Mali's Defence Ministry said troops killed 20 militants near Gao. The ministry said two soldiers died.",
            {"actor.name": "Ministry of Defence of Mali"},
        )
    ],
    negative=[
        Example(
            "The ministry said gunmen killed 20 villagers near Gao on Tuesday.",
            {"!actor.name": "Ministry of Defence of Mali", "event.event_type": "Violence against civilians"},
        )
    ],
)
def the_ministry(f: NamePasses, start: int) -> ActorRef | None:
    """ "The ministry" is the last ministry the article named before it."""
    ministries = [x for x in f.mentions if x.ref.name.startswith("Ministry of") and x.start < start]
    return max(ministries, key=lambda x: x.start).ref if ministries else None


@rule(
    "actors.names.general_staff",
    decides="actor.name",
    positive=[
        Example(
            "Ukraine's General Staff said its troops repelled 30 Russian assaults near Pokrovsk on Monday.",
            {"actor.name": "Military Forces of Ukraine (2019-)"},
        )
    ],
    negative=[
        Example(
            "Ukraine's Foreign Ministry said Russian troops shelled Kherson on Monday.",
            {"actor.name": "Ministry of Foreign Affairs of Ukraine"},
        )
    ],
)
def general_staff(f: NamePasses, m: re.Match[str]) -> tuple[int, ActorRef] | None:
    """A state's General Staff speaks for, and as, its forces."""
    country = country_from_name(m.group("c") or "") or country_in_words([m.group("q") or ""])
    start = m.start("q") if country and m.group("q") else m.start()
    if country is None:
        start = f.text.index("General", m.start())
        country = f.country_near(start)
    return (start, f.resolver.state(country)) if country else None


@rule(
    "actors.names.institution",
    decides="actor.name",
    positive=[
        Example(
            "Somalia's intelligence agency said its forces killed 12 Al-Shabaab fighters near Jilib on Monday.",
            {"actor.name": "Military Forces of Somalia (2022-)"},
        )
    ],
    negative=[
        Example(
            "Somali troops killed 12 Al-Shabaab fighters near Jilib on Monday.",
            {"actor.name": "Al Shabaab"},
        )
    ],
)
def institution(f: NamePasses, m: re.Match[str]) -> tuple[int, ActorRef] | None:
    """ "Somalia's intelligence agency": an institution the catalogue knows by what it is, in that country."""
    phrase = " ".join(m.group("p").lower().split())
    q = m.group("q")
    country = country_in_words([q]) if q and q[:1].isupper() else None
    # without a country word the mention starts at the institution's own words
    start = m.start() if country else m.start("p")
    want = country or f.country_near(m.start())
    entry = next(
        (e for e in f.table.entries if e.country == want and phrase in {g.lower() for g in e.generic}),
        None,
    )
    if entry is not None:
        return start, f.resolver.entry(entry)
    state = next(
        (s for s in f.table.states if s.country == want and phrase in {g.lower() for g in s.generic}),
        None,
    )
    return (start, f.resolver.state_alias(state)) if state is not None else None


@rule(
    "actors.names.national_body",
    decides="actor.name",
    positive=[
        Example(
            "Mali's Armed Forces said they killed 20 terrorists near Gao on Tuesday.",
            {"actor.name": "Military Forces of Mali (2020-)"},
        )
    ],
    negative=[
        Example(
            "Malian officials said the army killed 20 terrorists near Gao on Tuesday.",
            {"actor.name": "Officials (Mali)"},
        )
    ],
)
def national_body(f: NamePasses, words: list[str], subject: bool) -> ActorRef | None:
    """ "<Country>'s <Body>", "<Demonym> <Body>" name "<Body> of <Country>"; a country acting names its government."""
    ref = f.resolver.body(words)
    if ref is None and subject:
        code = country_from_name(" ".join(words))
        ref = f.resolver.government(code) if code else None
    return ref


@rule(
    "actors.names.country_acts",
    decides="actor.name",
    positive=[
        Example(
            "Kyiv accused Moscow of shelling a hospital in Kherson on Sunday.",
            {"actor.name": "Government of Ukraine"},
        )
    ],
    negative=[
        Example(
            "Russian forces shelled a hospital in Kherson on Sunday.",
            {"!actor.name": "Government of Ukraine", "actor.name": "Military Forces of Russia (2000-)"},
        ),
        Example(
            "BANGKOK, Feb 3 (AP) - Fighters of the People's Defense Force attacked a military outpost in Sagaing"
            " region of Myanmar on Sunday, killing eight soldiers, a spokesman for the group said.",
            {"!actor.name": "Government of Thailand"},
        ),
    ],
)
def country_acts(f: NamePasses, text: str) -> ActorRef | None:
    """A country or its capital that speaks or acts ("Moscow promised", "according to Kyiv") is its government;
    a wire dateline's city is where the report was filed (``FinderBase._in_dateline``)."""
    code = country_from_name(text) or capital_government(text)
    return f.resolver.government(code) if code else None


_EITHER: Final = re.compile(r"\s*(?:,\s*)?(?:or|and/or)\s+(?:the\s+)?", re.IGNORECASE)
_ARMED_KINDS: Final = frozenset({"rebel_group", "political_militia", "identity_militia", "external_forces"})


@rule(
    "actors.names.either_group",
    decides="actor.name",
    positive=[
        Example(
            "Presumed JNIM or ISGS militants abducted three men near Sebba on Monday.",
            {"event.actor1.name": "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Sahel)"},
        )
    ],
    negative=[
        Example(
            "Presumed JNIM militants abducted three men near Sebba on Monday.",
            {"event.actor1.name": "JNIM: Group for Support of Islam and Muslims"},
        )
    ],
)
def either_group(first: ActorRef, second: ActorRef) -> ActorRef | None:
    """ "JNIM or ISGS militants": an attack two groups may have carried out is ACLED's "A and/or B" actor."""
    if first.kind not in _ARMED_KINDS or second.kind not in _ARMED_KINDS or first.name == second.name:
        return None
    return ActorRef(f"{first.name} and/or {second.name}", first.kind, first.country or second.country)


class NamePasses(FinderBase):
    """Actors named by a proper name, an institution or a state."""

    def find_alternatives(self) -> None:
        """Two named groups joined by "or" ("JNIM or ISGS militants") are one actor: the one or the other."""
        named = sorted((m for m in self.mentions if m.entry is not None), key=lambda m: m.start)
        for a, b in pairwise(named):
            gap = _EITHER.fullmatch(self.text, a.end, b.start)
            if gap is None:
                continue
            ref = either_group(a.ref, b.ref)
            if ref is not None:
                self.mentions = [m for m in self.mentions if m is not a and m is not b]
                self.add(
                    a.start,
                    b.end,
                    replace(ref, rule=either_group.name),
                    TABLE,
                    entry=a.entry,
                    subject=a.subject or b.subject,
                )

    def named_in_full(self, entry: ActorEntry) -> bool:
        """Whether the article is set in a country the entry fights in (its own or a branch's) or names the entry by
        a full name or acronym."""
        if self.home == entry.country or (self.home is not None and self.home in entry.branch_in):
            return True
        full = {alias_key(a) for a in (entry.name, *entry.aliases)}
        return any(alias_key(_THE.sub("", s)) in full or s in entry.acronyms for _, _, s in self.table_hits)

    def runner_country(self, qualifier: str) -> str | None:
        """ "the Hamas-run health ministry": the country of the group that runs it."""
        last = qualifier.split()[-1]
        runner = re.sub(rf"-({'|'.join(sorted(self.roles.runner_words))})$", "", last)
        if runner == last:
            return None
        entry = self.resolver.pick(self.table.by_alias(runner) or self.table.by_acronym(runner))
        return entry.country if entry is not None else None

    def find_table(self) -> None:
        for start, end, surface in sorted(self.table_hits, key=lambda f: (f[0], f[0] - f[1])):
            found = table_name(self, start, surface)
            if found is not None:
                ref, entry = found
                self.add(
                    start,
                    end,
                    replace(ref, rule=table_name.name),
                    TABLE,
                    entry=entry,
                    subject=self._is_subject(start, end),
                )
        self._parents_in_brackets()
        self._contingents()

    def _contingents(self) -> None:
        """A mission's name before a state's forces names the state's contingent (:func:`mission_contingent`)."""
        ordered = sorted(self.mentions, key=lambda m: m.start)
        for first, then in pairwise(ordered):
            both = mission_contingent(self, first, then)
            if both is not None:
                self._made[id(both)] = self._made.get(id(first), len(self._made))
                self.mentions = [both if m is first else m for m in self.mentions if m is not then]

    def _parents_in_brackets(self) -> None:
        """A parent in brackets after its faction is the faction named again (:func:`parent_in_brackets`)."""
        ordered = sorted(self.mentions, key=lambda m: m.start)
        for first, then in pairwise(ordered):
            again = parent_in_brackets(self, first, then)
            if again is not None:
                self._made[id(again)] = self._made.get(id(then), len(self._made))
                self.mentions = [again if m is then else m for m in self.mentions]

    def find_affiliates(self) -> None:
        for pattern, words in zip(
            _affiliate_patterns(self.roles), (self.roles.linked_words, self.roles.affiliate_nouns), strict=True
        ):
            if not any(w in self.text for w in words):
                continue  # every match holds one of the words: most texts have none
            for m in pattern.finditer(self.text):
                entry = affiliate(self, _THE.sub("", m.group("parent")), m.start())
                if entry is not None:
                    ref = replace(self.resolver.entry(entry), rule=affiliate.name)
                    self.add(m.start(), m.end(), ref, AFFILIATE, entry=entry)

    def find_coalition_members(self) -> None:
        """States' forces acting as a coalition in its theatres (:func:`coalition_member`)."""
        for m in self.mentions:
            ref = coalition_member(self, m.ref)
            if ref is not None:
                m.ref = replace(ref, rule=coalition_member.name)

    def find_coalitions(self) -> None:
        # every match of _LED holds "coalition": most texts have none to search for
        found = _LED.finditer(self.text) if "coalition" in self.text else ()
        leaders: list[ActorRef] = []
        for m in found:
            ref = coalition(self, m.group("leader"))
            if ref is not None:
                leaders.append(replace(ref, rule=coalition.name))
                self.add(m.start(), m.end(), leaders[-1], TABLE)
        for i in self.token_ids(lower=_COALITION) if leaders else ():
            tok = self.doc[i]
            self.add(tok.idx, tok.idx + len(tok), leaders[0], ROLE)

    def find_institutions(self) -> None:
        """Institutions named by what they are: "Somalia's intelligence agency" -> that agency."""
        pattern = self.institution_re
        if pattern is None:
            return
        hint = self.institution_hint
        if hint is None:
            matches: Iterator[re.Match[str]] = pattern.finditer(self.text)
        else:
            hint_re, hint_text = hint.target(self.text, self.lowered)
            matches = _near_hints(pattern, hint_re, self.text, hint_text=hint_text)
        for m in matches:
            found = institution(self, m)
            if found is not None:
                start, ref = found
                self.add(
                    start,
                    m.end(),
                    replace(ref, rule=institution.name),
                    MINISTRY,
                    subject=self._is_subject(start, m.end()),
                )

    def find_ministries(self) -> None:
        for m in _near_hints(_MINISTRY, _MINISTRY_HINT, self.text, words=8):
            found = ministry(self, m)
            if found is not None:
                start, ref = found
                self.add(
                    start, m.end(), replace(ref, rule=ministry.name), MINISTRY, subject=self._is_subject(start, m.end())
                )
        for start, end in _BARE_MINISTRY.spans(self.text, self.lowered):
            last = the_ministry(self, start)
            if last is not None:
                self.add(
                    start, end, replace(last, rule=the_ministry.name), MINISTRY, subject=self._is_subject(start, end)
                )

    def find_government_names(self) -> None:
        if "Government of" not in self.text:
            return
        for m in _GOVERNMENT_OF.finditer(self.text):
            ref = government_of(self, m)
            if ref is not None:
                # the mention ends with the country's words (not "of Somalia Federal ...")
                code_words = m.group("c").split()
                end = m.end()
                while code_words and country_from_name(" ".join(code_words)) is None:
                    code_words.pop()
                    end = self.text.rfind(" ", m.start(), end)
                self.add(
                    m.start(), end, replace(ref, rule=government_of.name), GOVERNMENT,
                    subject=self._is_subject(m.start(), end),
                )

    def find_general_staffs(self) -> None:
        if "General Staff" not in self.text:
            return
        for m in _GENERAL_STAFF.finditer(self.text):
            found = general_staff(self, m)
            if found is not None:
                start, ref = found
                self.add(
                    start,
                    m.end(),
                    replace(ref, rule=general_staff.name),
                    MINISTRY,
                    subject=self._is_subject(start, m.end()),
                )

    # -- organisations ---------------------------------------------------------------------------
    def find_orgs(self) -> None:
        for ent in entities(self.doc):
            if ent.label_ != "ORG" or self.at(ent.start_char, ent.end_char):
                continue
            words = [w for w in ent.text.replace("’", "'").split() if w.lower() != "the"]
            if not words or self.is_location(ent.start_char, ent.end_char):
                continue
            subject = self._is_subject(ent.start_char, ent.end_char)
            ref = national_body(self, words, subject)
            if ref is not None:
                self.add(ent.start_char, ent.end_char, replace(ref, rule=national_body.name), ORG, subject=subject)

    # -- governments -------------------------------------------------------------------------------
    def find_governments(self) -> None:
        for i in self.token_ids(pos=_PROPN):
            if not self._acts(i):
                continue
            tok = self.toks[i]
            span = tok.doc[min(c.i for c in (tok, *[c for c in tok.lefts if c.dep_ == "compound"])) : tok.i + 1]
            if self._in_dateline(span.start_char):
                continue
            ref = country_acts(self, _THE.sub("", span.text))
            if ref is not None:
                self.add(
                    span.start_char,
                    span.end_char,
                    replace(ref, rule=country_acts.name),
                    GOVERNMENT,
                    subject=tok.dep_ in SUBJECTS or tok.head.dep_ in SUBJECTS,
                )

    def _acts(self, i: int) -> bool:
        """Whether token ``i`` is a subject, a claim's owner or a source ("according to Kyiv")."""
        dep, head = self.tok_dep[i], self.tok_head[i]
        if dep in _SUBJECT_IDS:
            return True
        if dep == _CONJ and self.tok_dep[head] in _SUBJECT_IDS:
            return True
        if dep == _POSS and self._claim_noun(self.doc.vocab.strings, self.tok_lemma[head]):
            return True
        return dep == _POBJ and self.tok_lower[head] == _TO and self.tok_lower[self.tok_head[head]] == _ACCORDING

    @property
    def _claim_noun(self) -> IdMemo[bool]:
        """By id of the lemma: the nouns whose owner speaks ("Moscow's claim")."""
        return _claim_memo(self.roles)


@lru_cache(maxsize=16)
def _claim_memo(roles: RoleWords) -> IdMemo[bool]:
    return IdMemo(lambda lemma: lemma.lower() in roles.claim_nouns)
