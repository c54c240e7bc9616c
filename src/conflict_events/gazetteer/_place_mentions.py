"""Finding place mentions in a parsed document, with the words around them that a coder reads.

A mention is a place name (from the model's GPE/LOC/FAC entities or from a
phrase such as "the village of X" / "X region") plus what the text says about it:

* ``kind``: ``region`` ("X region", "X province", "the oblast of X"), ``district``
  ("X district"), ``settlement`` ("the city of X", "the village of X") or None;
* ``near``: the event is placed near the place, not in it ("near X", "outskirts of
  X", "south of X", "20 km from X"): ACLED precision 2;
* ``country``: a country the text ties to this place itself ("the Russian settlement
  of Berdin", "the Kursk region of Russia", "Goma, Congo");
* ``strong``: the phrase itself says it is a place, so the name is kept even when
  no gazetteer knows it;
* ``listed``: the kind came from a plural kind word after a list ("the Sumy and Kyiv regions");
* ``cued``: False for a name the model did not tag as a place and that is taken as
  one only because a large place has that name (no locative word before it).

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Troops advanced near the Ukrainian city of Pokrovsk in the Donetsk region.")
>>> [(m.name, m.kind, m.near, m.country) for m in find_mentions(doc)]
[('Pokrovsk', 'settlement', True, 'UA'), ('Donetsk', 'region', False, None)]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

from .._doccache import doc_text
from .._docindex import AUX, PROPN, VERB, doc_index, entity_rows, expand
from .._textscan import DATELINE
from ..lexicons import lexicon
from ..lexicons._countries import capital_city, country_from_demonym, country_from_name
from ._place_scan import Anchor, Stretches

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PlaceMention", "find_mentions", "has_place_cue", "strip_direction"]

KindHint = Literal["region", "district", "settlement"] | None

_NAME: Final = (
    r"(?:(?:al|el|ad|ar|as|ash|at|az)-)?[A-Z][\w'’]*"
    r"(?:(?:[-\s](?:al|el|de|du|la|le))?[-\s][A-Z][\w'’]*){0,3}"
)
_SETTLEMENT_WORDS: Final = (
    r"city|town|village|settlement|hamlet|locality|port city|border town|border city|camp"
)
_REGION_WORDS: Final = r"region|province|oblast|governorate|state|county|prefecture|department|krai"
# "territory" is DR Congo's second level, "township" Myanmar's third
_DISTRICT_WORDS: Final = (
    r"district|raion|rayon|territory|township|municipality|neighbourhood|neighborhood|suburb|valley"
    r"|local government area|LGA"
)

# "the (Russian) settlement of Berdin", "the town of Tsafe", "the province of Idlib"
_KIND_OF: Final = re.compile(
    rf"\b(?:the\s+)?(?:(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)[-\s]+(?:held\s+|controlled\s+|occupied\s+)?)?"
    rf"(?:(?:small|frontline|front-line|strategic|key|northern|southern|eastern|western|central|besieged|"
    rf"coastal|border|nearby|neighbouring|neighboring|remote|rural)\s+)*"
    rf"(?P<word>(?:{_SETTLEMENT_WORDS}|{_REGION_WORDS}|{_DISTRICT_WORDS})(?:e?s)?)\s+of\s+(?P<name>{_NAME})"
)
# Each match of a phrase pattern holds one of its kind words: only the stretches of text holding one are scanned.
_KIND_OF_ANCHOR: Final = Anchor(
    f"{_SETTLEMENT_WORDS}|{_REGION_WORDS}|{_DISTRICT_WORDS}",
    rf"(?<!\w)(?:{_SETTLEMENT_WORDS}|{_REGION_WORDS}|{_DISTRICT_WORDS})(?:e?s)?\s+of\s",
)
_A_KIND: Final = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
# "Kursk region", "Idlib province", "Zamfara State", "Maradun district"
_NAME_KIND: Final = re.compile(rf"(?P<name>{_NAME})\s+(?P<word>(?i:{_REGION_WORDS}|{_DISTRICT_WORDS}))\b")
_NAME_KIND_ANCHOR: Final = Anchor(
    f"{_REGION_WORDS}|{_DISTRICT_WORDS}".lower(),
    rf"(?<=\s)(?i:{_REGION_WORDS}|{_DISTRICT_WORDS})\b",
    ignore_case=True,
)
_KIND_AFTER: Final = re.compile(rf"\s+(?P<word>{_SETTLEMENT_WORDS}|{_DISTRICT_WORDS})\b")
_OF_NAME: Final = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*")
# "in Konjak village", "Bunari village": a lower-case settlement word after a name no gazetteer may know
_NAME_VILLAGE: Final = re.compile(rf"(?P<name>{_NAME})\s+(?P<word>village|hamlet|locality)\b")
_NAME_VILLAGE_ANCHOR: Final = Anchor("village|hamlet|locality", r"(?<=\s)(?:village|hamlet|locality)\b")
_PLURAL_KIND: Final = re.compile(
    r"\s+(?P<word>region|province|oblast|governorate|state|district)s\b", re.IGNORECASE
)
_LIST_ITEM: Final = re.compile(
    r"(?:[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))+$"
)
_LEADING_WORDS: Final = re.compile(
    r"^(?:(?:In|On|At|From|The|And|But|While|After|Near|For|With|By|Of|Across|Throughout|Elsewhere|"
    r"Meanwhile|Separately|Further|Also|Both|Neighbouring|Neighboring|Northern|Southern|Eastern|Western|"
    r"Central)\s+)+"
)
_KIND_TAIL: Final = re.compile(rf"\s+(?P<word>(?i:{_SETTLEMENT_WORDS}|{_REGION_WORDS}|{_DISTRICT_WORDS}))$")
# words before a mention that put the event near, not in, the place
_NEAR: Final = re.compile(
    r"(?:\bnear(?:by)?|\bclose to|\boutside(?: of)?|\boutskirts of|\bedge of|\baround|\bvicinity of"
    r"|\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:outskirts\s+)?of"
    r"|\b\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles)\s+(?:\([^)]*\)\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+)?(?:from|of|outside))"
    r"\s+(?:the\s+)?(?:[\w-]+\s+)?(?:(?:city|town|village|settlement|area|region)\s+of\s+)?$",
    re.IGNORECASE,
)
# Every match of _NEAR holds one of these words, whatever its case: the costly search is tried only then.
_NEAR_WORDS: Final = (
    "near", "close", "outside", "outskirts", "edge", "around", "vicinity", "north", "south", "east", "west", "km",
    "kilomet", "miles",
)  # fmt: skip
# Characters that ``re.IGNORECASE`` matches to an ASCII letter that their ``str.lower()`` is not.
_ODD_CASE: Final = ("İ", "ı", "ſ")
# "the Somali capital", "Yemen's capital" with no name after it
_CAPITAL: Final = re.compile(
    r"\bthe\s+(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+capital\b(?!,?\s+(?:city\s+)?(?:of\s+)?[A-Z])"
    r"|\b(?P<country>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:'s|’s)\s+capital\b(?!,?\s+(?:city\s+)?[A-Z])"
)
# "... of Russia" / ", Ukraine" right after a mention
_OF_COUNTRY: Final = re.compile(
    r"^(?:\s+(?:region|province|oblast|state|area))?(?:\s+(?:of|in)\s+|,\s+)(?P<c>(?:the\s+)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)"
)
# names and the words after them recur across documents
_country_of_name = lru_cache(maxsize=16384)(country_from_name)
_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
_MISLABELS: Final = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW", "LANGUAGE"})
_LARGE_PLACE: Final = 100_000
_REGION_SIZE: Final = 1_000_000  # what ``known`` returns for an admin region
# Kind words that some gazetteer entry has as an alternate name ("Town" for Detroit): never a toponym alone.
_GENERIC_WORDS: Final = frozenset(
    {"town", "city", "village", "capital", "port", "camp", "district", "province", "state", "region", "county",
     "valley", "river", "north", "south", "east", "west", "centre", "center", "downtown", "border", "station"}
)
_COUNTRY_SIZE: Final = 10_000_000
_FIRST_NAME_COUNTRIES: Final = frozenset({"Chad", "Jordan", "Georgia", "Israel", "Kenya", "India"})
_DIRECTION: Final = re.compile(
    r"^(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northern|southern|eastern"
    r"|western|central|northeastern|northwestern|southeastern|southwestern|north-eastern|north-western"
    r"|south-eastern|south-western)\s+)",
    re.IGNORECASE,
)
# words right before a name that make it a place: prepositions of place, verbs of attack or capture
_LOCATIVE_PREP: Final = re.compile(
    r"\b(?:in|at|near|on|towards?|into|from|outside|around|across|through|via|inside|between"
    r"|(?:fled|flee|fleeing|moved|advanced|advancing|returned|deployed|retreated|withdrew|pushed|headed"
    r"|heading|travelled|traveled|sent|evacuated|displaced|spread|spreading|extended|expanded|relocated"
    r"|transferred|taken|brought|came|went|close|closer|next|road|route|way)\s+(?:back\s+|also\s+)?to"
    r"|(?:and|or),?\s+to|strikes? on|attacks? on|siege of|battle for|fighting for|fall of|control of"
    r"|capture of"
    r"|capital|capital city|port city|town|city|village|borders?\s+with)"
    r"\s+(?:the\s+)?(?:(?:neighbouring|neighboring|nearby|northern|southern|eastern|western|central"
    r"|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?"
    r"(?:(?:town|city|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE_VERB: Final = re.compile(
    r"\b(?:shell(?:ed|ing)|struck|hit|bomb(?:ed|ing)|attack(?:ed|ing)|raid(?:ed|ing)|storm(?:ed|ing)|reached"
    r"|overran|target(?:ed|ing)|captured?|seized?|liberated?|took|retook|recaptured|entered|encircled"
    r"|besieged|surrounded|lost|held|abandoned|evacuated|fled)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# what joins the items of a list of places
_LIST_JOIN: Final = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# ORG-like heads that make "X State"/"X Region" something other than a region ("Islamic State")
_NOT_REGION_NAMES: Final = frozenset({"islamic", "the islamic", "united", "the united", "member", "nation"})


@dataclass(frozen=True)
class PlaceMention:
    """One place name in the text, and what the words around it say."""

    start: int
    end: int
    name: str
    kind: KindHint = None
    near: bool = False
    country: str | None = None
    strong: bool = False
    label: str = "GPE"
    capital_of: str | None = None
    cued: bool = True
    listed: bool = False
    dateline: bool = False


def _kind_of(word: str) -> KindHint:
    word = word.lower()
    for plural in ("ies", "es", "s"):
        # "the villages of Aitaroun and Kfar Kila", "the cities of ..."
        single = word[: -len(plural)] + ("y" if plural == "ies" else "")
        if word.endswith(plural) and re.fullmatch(
            f"{_SETTLEMENT_WORDS}|{_REGION_WORDS}|{_DISTRICT_WORDS}", single
        ):
            word = single
            break
    if re.fullmatch(_SETTLEMENT_WORDS, word):
        return "settlement"
    if re.fullmatch(_REGION_WORDS, word):
        return "region"
    if word == "valley":
        return None  # "the Swat valley", "the Jordan Valley": named after a district, a region or a country
    return "district"


def _country_of(adj: str | None) -> str | None:
    if not adj:
        return None
    return country_from_demonym(adj) or _country_of_name(adj)


def find_mentions(doc: Doc, known: Callable[[str], int] | None = None) -> list[PlaceMention]:
    """Place mentions in text order; overlapping finds are merged, the more informative kept.

    ``known(name)`` tells how well a gazetteer knows a name (-1 not at all, else the
    population of its largest namesake, admin regions counting as a million). With
    it, entities the model mislabels (PERSON "Chasiv Yar", ORG "Kharkiv") are taken
    as places when the gazetteer knows the name exactly and the words before it are
    locative ("towards", "in", "shelled"), or, for a non-person, when the place is large.
    """
    text = doc_text(doc)
    stretches = Stretches(text)
    found: list[PlaceMention] = []
    for m in stretches.finditer(_KIND_OF, _KIND_OF_ANCHOR):
        name = _trim_name(m.group("name"))
        start = m.start("name")
        adj = m.group("adj")
        # a region before the kind word qualifies it ("the Cauca municipality of Buenos Aires"); another
        # name is the part ("the Shujaiya neighbourhood of Gaza City")
        part = adj and _country_of(adj) is None and (known is None or known(adj) < _REGION_SIZE)
        if part or _A_KIND.search(text, max(0, m.start("word") - 4), m.start("word")):
            # "the Shujaiya neighbourhood of Gaza City", "Sadr City, a district of Baghdad": the kind word
            # names the part, the name after "of" is the whole it lies in (a place, of no stated kind)
            if not _country_of_name(name):
                found.append(PlaceMention(start, start + len(name), name, None, strong=True, label="PATTERN"))
            continue
        if _country_of_name(name) and _kind_of(m.group("word")) != "settlement":
            continue  # "the Kursk region of Russia": Russia is not a region
        found.append(
            PlaceMention(
                start,
                start + len(name),
                name,
                _kind_of(m.group("word")),
                country=_country_of(m.group("adj")),
                strong=True,
                label="PATTERN",
            )
        )
    rows = entity_rows(doc)
    orgs = [(e.start, e.end) for e in rows if e.label in ("ORG", "NORP")]
    for m in stretches.finditer(_NAME_KIND, _NAME_KIND_ANCHOR):
        name = m.group("name")
        # "Russia's Kursk region", "In Ituri province": the place is the last name, after any clause word
        cut = max(name.rfind("'s "), name.rfind("’s "))
        skip = cut + 3 if cut >= 0 else 0
        lead = _LEADING_WORDS.match(name[skip:])
        skip += lead.end() if lead else 0
        name = name[skip:]
        if not name or name.lower() in _NOT_REGION_NAMES or country_from_demonym(name.split()[-1]):
            continue
        if any(a <= m.start() and m.end() <= b for a, b in orgs):
            continue  # "Islamic State Sahel Province" is an organisation
        start = m.start() + skip
        found.append(PlaceMention(start, m.end(), name, _kind_of(m.group("word")), label="PATTERN"))
    for m in stretches.finditer(_NAME_VILLAGE, _NAME_VILLAGE_ANCHOR):
        name = m.group("name")
        lead = _LEADING_WORDS.match(name)
        name = name[lead.end() :] if lead else name
        start = m.end("name") - len(name)
        if not name or country_from_demonym(name.split()[-1]) or country_from_name(name):
            continue  # "a Ukrainian village", "a Syria village" say whose, not which
        if any(a < m.end("name") and start < b for a, b in orgs) and not _LOCATIVE_PREP.search(
            text[max(0, start - 40) : start]
        ):
            continue  # "a mostly Christian village": a people; "in nearby Bunari village" is still a place
        found.append(PlaceMention(start, m.end("name"), name, "settlement", strong=True, label="PATTERN"))
    for ent in rows:
        if ent.label in _PLACE_LABELS:
            named = _entity_place_name(ent.text)
            if named is None:
                continue
            name, offset = named
            start = ent.start + offset
            end = start + len(name)
            rest = _OF_NAME.match(text, end)
            if rest and country_from_name(name + rest.group(0)):
                # the model cut "Democratic Republic | of the Congo" in two: one country
                name, end = name + rest.group(0), rest.end()
            kind: KindHint = None
            tail = _KIND_TAIL.search(name)
            if tail and tail.start() > 0:
                # the model's entity took the kind word in: "Magami village", "Kursk Oblast"
                kind = _kind_of(tail.group("word"))
                name = name[: tail.start()].rstrip()
            found.append(PlaceMention(start, end, name, kind, label=ent.label))
    for m in _CAPITAL.finditer(text) if "capital" in text else ():  # each match holds "capital"
        code = _country_of(m.group("adj")) or _country_of(m.group("country"))
        city = capital_city(code) if code else None
        if city:
            found.append(
                PlaceMention(
                    m.start(),
                    m.end(),
                    city,
                    "settlement",
                    country=code,
                    strong=True,
                    label="CAPITAL",
                    capital_of=code,
                )
            )
    if known is not None:
        found.extend(_mislabelled_places(doc, known, found))
        found.extend(_datelines(text, known))
    found = [m for m in found if not _calendar_word(m.name)]
    merged = _distribute_plural_kind(text, _merge(found))
    return [_with_context(text, m) for m in merged]


@lru_cache(maxsize=16384)
def _entity_place_name(text: str) -> tuple[str, int] | None:
    """The place name a GPE/LOC/FAC entity's text holds and its offset in it, None if it names no place.

    Memoised: entity texts (place names) recur across documents.
    """
    name = strip_direction(re.sub(r"^(?:the|The)\s+", "", text))
    name = re.sub(r"(?:'s|’s)$", "", name)
    if not name[:1].isupper() or (country_from_demonym(name) and not country_from_name(name)):
        return None  # "Ukrainian" tagged GPE is a demonym, not a place
    if name.lower() in _GENERIC_WORDS:
        return None  # "Town" tagged GPE ("Domel and Town police stations")
    return name, text.index(name)


def _calendar_word(name: str) -> bool:
    """A month or weekday name ("Nov" in "NAIROBI, Nov 10"): a date in news text, whatever namesake a
    gazetteer holds (Nov in Tajikistan, Mai in Mali)."""
    word = name.lower().rstrip(".")
    calendar = lexicon("calendar")
    return word in calendar.table("months") or word in calendar.table("month_abbreviations") or word in calendar.table(
        "weekdays"
    )


def _distribute_plural_kind(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "the Kharkiv and Dnipropetrovsk regions": a plural kind word applies to every item of the list."""
    out = list(mentions)
    for i, m in enumerate(out):
        plural = _PLURAL_KIND.match(text, m.end)
        if not plural:
            continue
        kind = _kind_of(plural.group("word"))
        out[i] = replace(m, kind=kind, listed=True)
        j = i
        while j > 0 and _LIST_JOIN.fullmatch(text[out[j - 1].end : out[j].start]):
            out[j - 1] = replace(out[j - 1], kind=kind, listed=True)
            j -= 1
    return out


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    name: str
    person: bool
    size: int


def _mislabelled_places(
    doc: Doc, known: Callable[[str], int], places: list[PlaceMention]
) -> list[PlaceMention]:
    """Names the model mislabels or leaves untagged, taken as places when the gazetteer knows them and the
    text reads them as places: after a preposition of place, after a verb of attack or capture (for a
    PERSON only if the place has 1,000 people or more), in a list with another place ("Gwoza, Dikwa and
    Damboa"), or, for a non-person, when the place is large."""
    candidates = _mislabelled(doc, known) + _untagged(doc, known)
    candidates.sort(key=lambda c: c.start)
    text = doc_text(doc)
    # what the words around a candidate say does not change between rounds: read it once
    cues = [_cues(doc, text, c) for c in candidates]
    spans = [(m.start, m.end) for m in places]
    accepted: list[_Candidate] = []
    taken: set[_Candidate] = set()
    uncued: set[int] = set()
    changed = True
    while changed:  # a list of places is read one item at a time, from either end
        changed = False
        for c, (prep, verb, subject) in zip(candidates, cues, strict=True):
            if c in taken:
                continue
            # "Mekele and Abiy declared": a name that a verb follows is a clause's subject, not a list item
            listed = not subject and any(
                (e <= c.start and _LIST_JOIN.fullmatch(text[e : c.start]))
                or (c.end <= b and _LIST_JOIN.fullmatch(text[c.end : b]))
                for b, e in spans
            )
            # a PERSON after a verb of attack: a place if a town, or a multi-word name ("Jisr al-Shughur")
            person_ok = not c.person or c.size >= 1000 or " " in c.name
            cue = prep or listed or (verb and person_ok)
            if cue or (not c.person and c.size >= _LARGE_PLACE):
                if not cue:
                    uncued.add(c.start)
                accepted.append(c)
                taken.add(c)
                spans.append((c.start, c.end))
                changed = True
    out: list[PlaceMention] = []
    for c in accepted:
        # "near Dumba village": the kind word after a mislabelled name makes it a place for sure
        tail = _KIND_AFTER.match(text, c.end)
        kind = _kind_of(tail.group("word")) if tail else None
        out.append(
            PlaceMention(
                c.start, c.end, c.name, kind, label="GAZETTEER", cued=c.start not in uncued, strong=bool(tail)
            )
        )
    return out


def _cues(doc: Doc, text: str, c: _Candidate) -> tuple[bool, bool, bool]:
    """Whether a preposition of place or a verb of attack comes before a candidate, and a verb after it."""
    before = text[max(0, c.start - 40) : c.start]
    prep = bool(_LOCATIVE_PREP.search(before) or _near(before))
    verb = bool(_LOCATIVE_VERB.search(before))
    after = expand(doc, c.end, len(text))
    pos = doc_index(doc).pos
    subject = after is not None and after[0] < after[1] and pos[after[0]] in (VERB, AUX)
    return prep, verb, subject


def _mislabelled(doc: Doc, known: Callable[[str], int]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for ent in entity_rows(doc):
        if ent.label not in _MISLABELS or ent.ent_id:
            continue  # an entity the actor lexicon named (ent_id) is an actor, never a place
        named = _mislabelled_name(ent.text)
        if named is None:
            continue
        name, offset, is_country = named
        size = _COUNTRY_SIZE if is_country else known(name)
        if size >= 0:
            start = ent.start + offset
            person = ent.label == "PERSON" and not is_country
            out.append(_Candidate(start, start + len(name), name, person, size))
    return out


@lru_cache(maxsize=16384)
def _mislabelled_name(text: str) -> tuple[str, int, bool] | None:
    """The name a non-place entity's text may be a place by, its offset, and whether it is a country;
    None if it cannot name a place. Memoised: entity texts recur across documents."""
    name = re.sub(r"(?:'s|’s)$", "", re.sub(r"^(?:the|The)\s+", "", text))
    if not name[:1].isupper() or name.isupper() or country_from_demonym(name):
        return None  # lower-case words and acronyms ("SANA" the news agency) are not mislabelled places
    # a country the model took for a person or an organisation ("Mali" PERSON) is still a country,
    # unless it is also a common first name
    if name.lower() in _GENERIC_WORDS:
        return None
    is_country = country_from_name(name) is not None and name not in _FIRST_NAME_COUNTRIES
    return name, text.index(name), is_country


def _untagged(doc: Doc, known: Callable[[str], int]) -> list[_Candidate]:
    """Proper-noun runs outside any entity ("hit Kharkiv")."""
    index = doc_index(doc)
    text = doc_text(doc)
    pos, ent_type = index.pos, index.ent_type
    n = len(pos)
    out: list[_Candidate] = []
    i = 0
    while i < n:
        if pos[i] != PROPN or ent_type[i] or not text[index.starts[i] : index.starts[i] + 1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < n and pos[j + 1] == PROPN and not ent_type[j + 1]:
            j += 1
        start, end = index.starts[i], index.ends[j]
        name = text[start:end]
        i = j + 1
        if name.lower() in _GENERIC_WORDS:
            continue  # "Domel and Town police stations": a kind word alone names no place
        size = known(name)
        if size >= 0 and not name.isupper():
            out.append(_Candidate(start, end, name, False, size))
    return out


def _datelines(text: str, known: Callable[[str], int]) -> list[PlaceMention]:
    """Wire datelines in capitals ("MAIDUGURI, Nigeria (Reuters) -"): where the report was filed."""
    out: list[PlaceMention] = []
    for m in DATELINE.finditer(text):
        name = " ".join(w.capitalize() for w in m.group("name").split())
        if known(name) >= 0:
            out.append(PlaceMention(m.start("name"), m.end("name"), name, label="GAZETTEER", dateline=True))
    return out


def has_place_cue(text: str, start: int, end: int, others: list[PlaceMention]) -> bool:
    """Whether the words before ``start`` read the name as a place ("in X", "near X", "shelled X"), or
    it stands in a list with another place mention ("Tohayta, Beit al-Faqiya and Zabid").

    >>> has_place_cue("Fighting in Berdin.", 12, 18, []), has_place_cue("He accused Hemedti.", 11, 18, [])
    (True, False)
    """
    before = text[max(0, start - 60) : start]
    # "shelled Fuaa and Kafraya": the cue before the list's first item counts for the next
    earlier = _LIST_ITEM.sub("", before)
    for b in (before, earlier) if earlier != before else (before,):
        if _LOCATIVE_PREP.search(b) or _near(b) or _LOCATIVE_VERB.search(b):
            return True
    return any(
        (o.end <= start and _LIST_JOIN.fullmatch(text[o.end : start]))
        or (end <= o.start and _LIST_JOIN.fullmatch(text[end : o.start]))
        for o in others
    )


def _near(before: str) -> bool:
    """Whether the words before a name put the event near it (``_NEAR``), searched only when they may."""
    folds = not any(map(before.__contains__, _ODD_CASE))  # else lower case may not show a near word
    if folds and not any(map(before.lower().__contains__, _NEAR_WORDS)):
        return False
    return bool(_NEAR.search(before))


def strip_direction(name: str) -> str:
    """A place name without a leading direction word ("northeast Nigeria" -> "Nigeria").

    >>> strip_direction("northeast Nigeria"), strip_direction("North Kivu"), strip_direction("eastern Congo")
    ('Nigeria', 'North Kivu', 'Congo')
    """
    bare = _DIRECTION.sub("", name)
    # "North Kivu", "South Sudan": a capitalised direction is part of the name
    if bare == name or name[:1].isupper() or not bare:
        return name
    return bare


def _trim_name(name: str) -> str:
    """Stop a pattern's name before a following clause word the regex swallowed ("Berdin In")."""
    words = name.split()
    while len(words) > 1 and words[-1] in {"In", "On", "At", "The", "And"}:
        words.pop()
    return " ".join(words)


def _merge(found: list[PlaceMention]) -> list[PlaceMention]:
    """One mention per stretch of text: a pattern's kind and country are kept on the entity's span."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[PlaceMention] = []
    for m in found:
        clash = next((o for o in out if m.start < o.end and o.start < m.end), None)
        if clash is None:
            out.append(m)
            continue
        i = out.index(clash)
        # a "Kursk region" phrase beats the bare entity "Kursk"; the entity's label is kept
        best = clash if (clash.kind or not m.kind) and clash.end - clash.start >= m.end - m.start else m
        other = m if best is clash else clash
        out[i] = replace(
            best,
            kind=best.kind or other.kind,
            country=best.country or other.country,
            strong=best.strong or other.strong,
            label=clash.label if clash.label != "PATTERN" else m.label,
        )
    return out


def _with_context(text: str, m: PlaceMention) -> PlaceMention:
    before = text[max(0, m.start - 80) : m.start]
    near = _near(before)
    country = m.country
    if country is None:
        after = _OF_COUNTRY.match(text[m.end : m.end + 60])
        if after:
            country = _country_of_name(after.group("c"))
    if (near or m.near) == m.near and country == m.country:
        return m  # nothing to add: no copy
    return replace(m, near=near or m.near, country=country)
