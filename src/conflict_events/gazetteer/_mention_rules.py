"""Mention-detection rules: what makes a stretch of text a place mention.

Each rule reads one candidate (a phrase-pattern match, an entity of the language model, a
proper-noun run) and returns the :class:`PlaceMention` it makes, or ``None`` when it does not
apply. :func:`~conflict_events.gazetteer._place_mentions.find_mentions` runs them in a fixed
order; the rule that found a mention is named in it (``rule``) and in the location's provenance.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from spacy.symbols import ADJ, ADP, ADV, CCONJ, DET, INTJ, PART, PRON, SCONJ

from .._doccache import doc_text
from .._docindex import AUX, NOUN, PROPN, VERB, DocIndex, EntityRow, doc_index, entity_rows, expand
from .._textscan import dateline_end
from ..lexicons import lexicon
from ..lexicons._countries import capital_city, country_from_demonym, country_from_name, country_name
from ..rules import Example, rule
from ._place_scan import Stretches
from ._place_words import KindHint, PlaceWords

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MentionScan", "PlaceMention"]

# "the Somali capital", "Yemen's capital" with no name after it
CAPITAL: Final = re.compile(
    r"\bthe\s+(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+capital\b(?!,?\s+(?:city\s+)?(?:of\s+)?[A-Z])"
    r"|\b(?P<country>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:'s|’s)\s+capital\b(?!,?\s+(?:city\s+)?[A-Z])"
)
_A_KIND: Final = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_OF_NAME: Final = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*")
# inside a bracket after a place, among the areas it lies in: "Namoungou (Fada Ngourma, Gourma)"
BRACKET_LIST: Final = re.compile(r"\w\s*\((?:\s*[A-Z][^(),\n]{0,40},)*\s*$")
# a preposition of place right before a name: "in X", "near X", "between X and Y"
_TIGHT_PREP: Final = re.compile(
    r"\b(?:in|at|near|outside|between|between\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+and)\s+$"
)
_DETERMINER_BEFORE: Final = re.compile(
    r"(?:^\s*|\b(?:the|a|an|The|A|An|its|their|another|Another|every|Every|each|Each)\s+|[.!?]\s+)$"
)
# what joins the items of a list of places
LIST_JOIN: Final = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
_MISLABELS: Final = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW", "LANGUAGE"})
_LARGE_PLACE: Final = 100_000
REGION_SIZE: Final = 1_000_000  # what ``known`` returns for an admin region
_COUNTRY_SIZE: Final = 10_000_000
# month and weekday names and abbreviations, lower case (calendar.toml, shared with the time rules)
_CALENDAR_WORDS: Final = frozenset(
    name for table in ("months", "month_abbreviations", "weekdays") for name in lexicon("calendar").table(table)
)
# names and the words after them recur across documents
country_of_name = lru_cache(maxsize=16384)(country_from_name)


@dataclass(frozen=True)
class PlaceMention:
    """One place name in the text, what the words around it say, and the rule that found it.

    ``within``: the (country, admin1 name) a following abbreviation puts it in ("Paris, Tenn.");
    ``container``: it stands in brackets or after a comma right after another place ("Bosaso
    (Bari)"), so it names the area that place lies in; ``modifier``: a people's adjective
    ("Russian troops") or a place naming an owner, not where something is; ``people``: a people named
    ("the Russians"), a mention of its country that gives no point.

    ``kind``: ``region``, ``district``, ``settlement`` or None (from a kind word);
    ``near``: the event is placed near the place (ACLED precision 2); ``country``: a country
    the text ties to this place itself; ``strong``: the phrase itself says it is a place, so
    the name is kept even when no gazetteer knows it; ``listed``: the kind came from a plural
    kind word after a list; ``cued``: False for a name taken only because a large place has it; ``votes``:
    False when the name says nothing of where the document's other places lie (a school named after its
    state, "Mississippi State").
    """

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
    rule: str = ""
    within: tuple[str, str] | None = None
    container: bool = False
    modifier: bool = False
    people: bool = False
    votes: bool = True


@dataclass
class MentionScan:
    """One document as the mention rules read it: its text, entities, words and the gazetteer's sizes."""

    doc: Doc
    words: PlaceWords
    known: Callable[[str], int] | None
    text: str = ""
    rows: list[EntityRow] = field(default_factory=list)
    orgs: list[tuple[int, int]] = field(default_factory=list)
    stretches: Stretches | None = None

    def __post_init__(self) -> None:
        self.text = doc_text(self.doc)
        self.rows = entity_rows(self.doc)
        self.orgs = [(e.start, e.end) for e in self.rows if e.label in ("ORG", "NORP")]
        self.stretches = Stretches(self.text)

    def size(self, name: str) -> int:
        """How well the gazetteer knows a name: -1 not at all, else its largest namesake's population."""
        return self.known(name) if self.known is not None else -1


def country_of(adj: str | None) -> str | None:
    """The country a people's adjective or a country name stands for ("Russian", "Syria"; "English": GB)."""
    if not adj:
        return None
    return country_from_demonym(adj) or country_of_name(adj) or _region_people_country(adj)


@lru_cache(maxsize=1)
def _region_people_countries() -> dict[str, str]:
    return {word: code for word, (code, _) in lexicon("places").table("region_demonyms").items()}


def _region_people_country(adj: str) -> str | None:
    """The country of a region's people's adjective ("the English town of Boston" lies in GB)."""
    return _region_people_countries().get(adj)


def trim_name(name: str, trailing: frozenset[str]) -> str:
    """Stop a pattern's name before a following clause word the regex swallowed ("Berdin In")."""
    words = name.split()
    while len(words) > 1 and words[-1] in trailing:
        words.pop()
    return " ".join(words)


# -- phrases with a kind noun ------------------------------------------------------------


@rule(
    "places.mention.part_of_whole",
    decides="location.name",
    positive=[
        Example(
            "An air strike hit the Shujaiya neighbourhood of Gaza City on Thursday, residents said.",
            {"location.name": "Gaza"},
        )
    ],
    negative=[
        Example(
            "An air strike hit the town of Khan Younis on Thursday, residents said.",
            {"location.name": "Khan Yunis"},
        )
    ],
)
def part_of_whole(scan: MentionScan, m: re.Match[str]) -> PlaceMention | None:
    """A named part before the kind word ("the Shujaiya neighbourhood of Gaza City") makes the name after
    "of" the whole it lies in: a place of no stated kind."""
    adj = m.group("adj")
    name = trim_name(m.group("name"), scan.words.trailing_words)
    part = adj and country_of(adj) is None and scan.size(adj) < REGION_SIZE
    a_kind = _A_KIND.search(scan.text, max(0, m.start("word") - 4), m.start("word"))
    if not (part or a_kind) or country_of_name(name):
        return None
    start = m.start("name")
    return PlaceMention(start, start + len(name), name, None, strong=True, label="PATTERN")


def _known_tail(scan: MentionScan, name: str, start: int, word: str) -> tuple[str, int]:
    """A name before a capitalised kind noun that the gazetteer does not know whole, without the words before
    the longest part that is a unit's own name with that noun ("Three Eastland County", "Leadership Henry
    County", "Paris-Henry County": Eastland County, Henry County); not after a kind or clause word ("South
    Central District", "Thames Valley District" are no units)."""
    if not word[:1].isupper() or (" " not in name and "-" not in name):
        return name, start
    if scan.size(name) >= 0 or scan.size(f"{name} {word}") >= 0:
        return name, start
    for cut in _NAME_CUT.finditer(name):
        tail = name[cut.end() :]
        first_word = tail.split(" ", 1)[0]
        if first_word in scan.words.clause_words or first_word.lower() in scan.words.generic_words:
            continue
        if tail[:1].isupper() and scan.size(f"{tail} {word}") >= 0:
            return tail, start + cut.end()
    return name, start


_NAME_CUT: Final = re.compile(r"[ -]")


@rule(
    "places.mention.kind_of_phrase",
    decides="location.name",
    positive=[
        Example(
            "Gunmen stormed the village of Tungushe in the early hours of Tuesday, killing four farmers.",
            {"location.name": "Tungushe"},
        )
    ],
    negative=[
        Example(
            "Gunmen stormed a village near Maiduguri in the early hours of Tuesday, killing four farmers.",
            {"location.name": "Maiduguri"},
        )
    ],
)
def kind_of_phrase(scan: MentionScan, m: re.Match[str]) -> PlaceMention | None:
    """A kind noun and "of" before a name ("the town of Tsafe", "the Russian settlement of Berdin")
    say it is a place of that kind, in the country the adjective names."""
    name = trim_name(m.group("name"), scan.words.trailing_words)
    kind = scan.words.kind_of(m.group("word"))
    if country_of_name(name) and kind != "settlement":
        return None  # "the Kursk region of Russia": Russia is not a region
    start = m.start("name")
    return PlaceMention(
        start, start + len(name), name, kind, country=country_of(m.group("adj")), strong=True, label="PATTERN"
    )


@rule(
    "places.mention.kind_before_name",
    decides="location.name",
    positive=[
        Example(
            "On 3 May 2024, unidentified gunmen shot dead a teacher in Tehsil Mir Ali (North Waziristan, Khyber"
            " Pakhtunkhwa).",
            {"location.name": "Mir Ali", "!location.name": "Tehsil"},
        )
    ],
    negative=[
        Example(
            "On 3 May 2024, unidentified gunmen shot dead a teacher in Mir Ali (North Waziristan, Khyber"
            " Pakhtunkhwa).",
            {"location.name": "Mir Ali"},
        )
    ],
)
def kind_before_name(scan: MentionScan, m: re.Match[str]) -> PlaceMention | None:
    """A unit's noun written before the name in some countries' official style ("Tehsil Mir Ali", "Barangay San
    Isidro") says the name after it is a place of that kind; the noun is no part of the name."""
    name = trim_name(m.group("name"), scan.words.trailing_words)
    if len(name) < 2 or name in scan.words.clause_words or country_of_name(name):
        return None
    start = m.start("name")
    return PlaceMention(start, start + len(name), name, scan.words.kind_of(m.group("word")), strong=True,
                        label="PATTERN")


@rule(
    "places.mention.name_kind_phrase",
    decides="location.name",
    positive=[
        Example(
            "Bandits abducted 15 travellers on a highway in Maru local government area on Sunday.",
            {"location.name": "Maru"},
        ),
        Example(
            "The former Leadership Henry County chair was charged with arson in Paris, Tennessee, on Monday.",
            {"location.name": "Henry County", "location.admin1": "Tennessee"},
        ),
        Example(  # a US school named after its state: the state, as a modifier
            "Kansas State beat Louisville by six points on Saturday.",
            {"location.name": "Kansas", "location.modifier": True},
        ),
        # a name with a lower-case particle ("del", "do") is one name
        Example(
            "Troops clashed with militants in Maguindanao del Sur province on Sunday, the army said.",
            {"location.name": "Maguindanao del Sur"},
        ),
    ],
    negative=[
        Example(
            "Fighters of the Islamic State group attacked an army post near Menaka on Sunday.",
            {"location.name": "Menaka"},
        ),
        Example(
            "A district governor said a suicide bomber struck an army checkpoint in Khost on Sunday.",
            {"!location.name": "A", "location.name": "Khost"},
        ),
        Example(
            "Instead county deputies guarded the bridge in Santa Ana on Sunday.",
            {"!location.name": "Instead", "location.name": "Santa Ana"},
        ),
        Example(  # a possessive owns the department
            "Kenya's Department of Immigration said the visa was refused on Monday.",
            {"!location.name": "Kenya's", "location.name": "Kenya"},
        ),
        Example(  # an acronym before "state" is a party's
            "An Ohio GOP state senator resigned on Monday.",
            {"!location.name": "Ohio GOP", "location.name": "Ohio"},
        ),
    ],
)
def name_kind_phrase(scan: MentionScan, m: re.Match[str]) -> PlaceMention | None:
    """A name before a region or district noun ("Kursk region", "Zamfara State", "Maradun district") is
    a region or district of that name; the place is the last name, after any clause word."""
    name = m.group("name")
    cut = max(name.rfind("'s "), name.rfind("’s "))
    skip = cut + 3 if cut >= 0 else 0
    lead = scan.words.leading_words.match(name[skip:])
    skip += lead.end() if lead else 0
    name = name[skip:]
    if len(name) < 2 or name in scan.words.clause_words or name.lower() in scan.words.not_region_heads:
        return None  # "A district governor": an article, not a district named "A"
    if country_from_demonym(name.split()[-1]):
        return None
    last = name.split()[-1]
    if (name.endswith(("'s", "’s")) and country_from_name(name[:-2])) or (
        len(last) > 1 and last.isupper() and scan.size(name) < 0
    ):
        return None  # "Kenya's Department of Immigration", "an Ohio GOP state senator": no units
    name, start = _known_tail(scan, name, m.start() + skip, m.group("word"))
    if " " not in name and _not_a_name(scan, start, start + len(name)):
        return None  # "Instead county deputies": a sentence's first word, capitalised, is no name
    inside = [(a, b) for a, b in scan.orgs if a <= start and m.end() <= b]
    if inside and not (scan.size(name) >= 0 and all((a, b) == (start, m.end()) for a, b in inside)):
        return None  # "Islamic State Sahel Province" is an organisation; "Borno State" alone is a region
    word = m.group("word")
    if _state_school(scan, name, word, m.end()):
        # "Mississippi State's guard": the school, named after its state; the state, but no evidence of where
        # the story's towns lie
        return PlaceMention(start, m.end(), name, "region", label="PATTERN", modifier=True, votes=False)
    if word[:1].isupper() and scan.size(whole := f"{name} {word}") >= 0:
        name = whole  # "Orange County": the unit's own name, not the towns called Orange
    return PlaceMention(start, m.end(), name, scan.words.kind_of(word), label="PATTERN")


# a capitalised word right after: the phrase is the start of a longer name ("Ohio State Highway Patrol")
_NAME_GOES_ON: Final = re.compile(r"\s+[A-Z]")


def _state_school(scan: MentionScan, name: str, word: str, end: int) -> bool:
    """Whether "<State> State" names a school or its team ("Kansas State beat ..."), not a longer name."""
    return word == "State" and name in scan.words.state_schools and not _NAME_GOES_ON.match(scan.text, end)


def _not_a_name(scan: MentionScan, start: int, end: int) -> bool:
    """Whether the model reads the one word at ``start`` as an adverb, a conjunction, a pronoun or the like."""
    span = expand(scan.doc, start, end)
    return span is not None and span[1] - span[0] == 1 and doc_index(scan.doc).pos[span[0]] in _FUNCTION_POS


_FUNCTION_POS: Final = frozenset({ADV, ADP, CCONJ, SCONJ, PRON, DET, AUX, PART, INTJ})


@rule(
    "places.mention.plural_kind_list",
    decides="location.name",
    positive=[
        Example(
            "Flood warnings were issued for Barrow, Jackson and Madison counties on Monday.",
            {"location.name": "Jackson County", "location.kind": "admin2"},
        ),
        Example(  # a generic word that is also a region's name, in a list before a plural region noun
            "Aid convoys reached the Centre and Artibonite departments of Haiti on Monday.",
            {"location.name": "Centre", "location.admin1": "Centre", "location.country": "HT"},
        ),
    ],
    negative=[
        Example(
            "Flood warnings were issued for Jackson and Madison on Monday, officials said.",
            {"location.name": "Jackson", "location.kind": "settlement"},
        ),
        Example(  # a people's adjective before "states": the country whose states they are
            "Floods have hit several Indian states this week, officials said.",
            {"location.name": "India", "location.kind": "country"},
        ),
    ],
)
def plural_kind_list(scan: MentionScan, m: re.Match[str]) -> tuple[PlaceMention, ...] | None:
    """A list of names before a plural kind noun ("Barrow, Jackson and Madison counties", "the Sumy and Kyiv
    regions") names places of that kind, one per item, whatever the model tagged them."""
    kind = scan.words.kind_of(m.group("word"))
    out: list[PlaceMention] = []
    for item in _LIST_ITEM.finditer(m.group("items")):
        name = item.group()
        lead = scan.words.leading_words.match(name)
        skip = lead.end() if lead else 0
        name = name[skip:]
        generic = name.lower() in scan.words.generic_words and not (
            kind == "region" and name.lower() in scan.words.listed_region_names
        )  # "the Centre and Artibonite departments": a region's name, though a generic word
        if not name or country_from_demonym(name) or generic:
            continue
        start = m.start("items") + item.start() + skip
        out.append(PlaceMention(start, start + len(name), name, kind, listed=True, label="PATTERN"))
    return tuple(out) if len(out) > 1 else None


_LIST_ITEM: Final = re.compile(r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?")


@rule(
    "places.mention.road_between",
    decides="location.name",
    positive=[
        Example(
            "Bandits abducted 20 travellers on the Abuja-Kaduna highway on Friday, police said.",
            {"location.name": "Kaduna", "location.geo_precision": 2},
        )
    ],
    negative=[
        Example(
            "Trade on the Nigerian-Cameroonian road resumed on Friday, customs officials said.",
            {"!location.name": "Cameroonian"},
        )
    ],
)
def road_between(scan: MentionScan, m: re.Match[str]) -> tuple[PlaceMention, ...] | None:
    """The road between two places ("the Abuja-Kaduna highway", "the Mora-Kolofata axis") is named by the towns
    at its ends: each a mention of its town, near it (precision 2), where the gazetteer knows the name; the
    whole joined name is no place."""
    out: list[PlaceMention] = []
    for group in ("a", "b"):
        name = m.group(group)
        if country_from_demonym(name) or name.lower() in scan.words.generic_words or scan.size(name) < 0:
            continue
        out.append(PlaceMention(m.start(group), m.end(group), name, None, near=True, strong=True, label="ROAD"))
    return tuple(out) or None


@rule(
    "places.mention.name_village",
    decides="location.name",
    positive=[
        Example(
            "Militiamen burned houses in Kpanduk village on Saturday, a local official said.",
            {"location.name": "Kpanduk", "location.kind": "settlement"},
        )
    ],
    negative=[
        Example(
            "Militiamen burned houses in a Christian village near Jos on Saturday, a local official said.",
            {"location.name": "Jos"},
        ),
        Example(
            "A village in Plateau State was attacked by militiamen on Saturday, a local official said.",
            {"!location.name": "A", "location.name": "Plateau"},
        ),
    ],
)
def name_village(scan: MentionScan, m: re.Match[str]) -> PlaceMention | None:
    """A lower-case "village" after a name ("in Konjak village") makes it a settlement, known or not."""
    name = m.group("name")
    lead = scan.words.leading_words.match(name)
    name = name[lead.end() :] if lead else name
    start = m.end("name") - len(name)
    if not name or name in scan.words.clause_words:
        return None  # "A village in the north ...": an article opening the sentence, not a village named "A"
    if country_from_demonym(name.split()[-1]) or country_from_name(name):
        return None  # "a Ukrainian village", "a Syria village" say whose, not which
    if any(a < m.end("name") and start < b for a, b in scan.orgs) and not scan.words.locative_prep.search(
        scan.text[max(0, start - 40) : start]
    ):
        return None  # "a mostly Christian village": a people; "in nearby Bunari village" is still a place
    return PlaceMention(start, m.end("name"), name, "settlement", strong=True, label="PATTERN")


@rule(
    "places.mention.admin_abbreviation",
    decides="location.name",
    positive=[
        Example(
            "Police arrested two protesters outside the courthouse in Paris, Tenn., on Friday.",
            {"location.name": "Tennessee", "location.country": "US"},
        ),
        Example(
            "The S.C. Highway Patrol said two people died in a crash on Friday.",
            {"location.name": "South Carolina", "location.country": "US"},
        ),
        Example(
            "Mass. legislators put off a vote on the fuel tax on Friday.",
            {"location.name": "Massachusetts", "location.country": "US"},
        ),
        Example(  # a code the region's own news writes on its own
            "The NSW government declared a disaster zone after the floods on Friday.",
            {"location.name": "New South Wales", "location.country": "AU"},
        ),
    ],
    negative=[
        Example(
            "Police arrested two protesters outside the courthouse in Paris on Friday.",
            {"location.country": "FR"},
        ),
        Example(
            "Looters stripped a temple near Luxor built in 300 B.C., guides said on Friday.",
            {"!location.name": "British Columbia", "location.name": "Luxor"},
        ),
        Example(
            "Looters stripped a tomb near Luxor built in 1300 BC, guides said on Friday.",
            {"!location.name": "British Columbia", "location.name": "Luxor"},
        ),
    ],
)
def admin_abbreviation(scan: MentionScan, m: re.Match[str]) -> PlaceMention | None:
    """A state or province abbreviation after a place ("Paris, Tenn.", "London, Ont.", "Perth, WA"), in
    initials anywhere ("the S.C. Highway Patrol"), tagged a place by the model on its own ("Mass.
    legislators") or a code the region's news writes alone ("the NSW government", "FrontCounter BC"; not
    "300 BC") names that region of that country."""
    group = next(g for g in ("abbr", "postal", "party", "alone") if g in m.re.groupindex and m.group(g))
    abbr = m.group(group)
    found = scan.words.abbreviations.get(abbr)
    if found is None:
        return None
    country, region = found
    start = m.start(group)
    return PlaceMention(start, start + len(abbr), region, "region", country=country, strong=True, label="ABBREVIATION")


@rule(
    "places.mention.home_town",
    decides="location.name",
    positive=[
        Example(
            "The bill was sponsored by Rep. Jane Roe, R-Fergus Falls, and passed the House on Monday.",
            {"location.name": "Fergus Falls", "location.modifier": True},
        ),
        Example(
            "Police arrested Mary Stone, 41, of Southlake on Monday after a car chase.",
            {"location.name": "Southlake", "location.modifier": True},
        ),
    ],
    negative=[
        Example(
            "The bill was sponsored by Rep. Jane Roe, R-Glenfinnan Moor, and passed the House on Monday.",
            {"locations": 0},
        ),
        Example(
            "Police questioned Mary Stone of Quillbrook Holdings on Monday about the fraud.",
            {"locations": 0},
        ),
    ],
)
def home_town(scan: MentionScan, m: re.Match[str]) -> PlaceMention | None:
    """A known place after a lawmaker's party initial and a hyphen ("Rep. Jane Roe, R-Fergus Falls", "DFL-Cook"),
    or after "of" right behind a person's name or age ("Mary Stone, 41, of Southlake"), is where that person
    lives or sits for: a mention of the place, marked a modifier (whose, not where something happened)."""
    name = m.group("name")
    if name.lower() in scan.words.generic_words or scan.size(name) < 0:
        return None
    return PlaceMention(m.start("name"), m.end("name"), name, None, label="GAZETTEER", modifier=True)


# -- the language model's entities ---------------------------------------------------------


@rule(
    "places.mention.entity",
    decides="location.name",
    positive=[
        Example("Protesters marched through Nairobi on Friday.", {"location.name": "Nairobi"}),
        Example(  # the model stops at "ez": the gazetteer knows the name whole
            "Coalition aircraft struck a depot in Deir ez Zor on Monday.",
            {"location.admin1": "Deir ez Zor", "location.country": "SY"},
        ),
        Example(  # two direction words before the region, and no place called "West England"
            "Heavy rain flooded farms across North West England on Monday.",
            {"location.name": "England", "location.kind": "admin1"},
        ),
        Example(  # a paper's name the model calls a facility: the town it is named after, as an owner
            "She wrote a column for the Honolulu Star-Advertiser until June.",
            {"location.name": "Honolulu", "location.modifier": True},
        ),
        Example(  # a country's name before a kind word says whose village, not which
            "Rebels kill at least 12 in Congo village; army vows to hunt them down\n\nBENI, Congo (Reuters) -"
            " Rebels attacked the village of Kalunguta late on Sunday, an army spokesman said.",
            {"location.name": "Democratic Republic of Congo"},
        ),
        Example(  # "US diplomats": a side's noun; the country does not pull the town to Florida
            "Russia said ten US diplomats in St. Petersburg must leave by Saturday.",
            {"location.name": "Saint Petersburg", "location.country": "RU"},
        ),
    ],
    negative=[
        Example(
            "A car bomb exploded near a checkpoint in the Somali capital on Sunday, police said.",
            {"location.name": "Mogadishu"},
        )
    ],
)
def entity(scan: MentionScan, ent: EntityRow) -> PlaceMention | None:
    """The language model's GPE, LOC and FAC entities name places, less a leading "the", a direction
    word and a possessive, and except people's adjectives ("Ukrainian") and bare kind words."""
    if ent.label not in PLACE_LABELS:
        return None
    named = _entity_place_name(ent.text, scan.words)
    if named is None:
        return None
    name, offset = named
    if ", " in name:
        name = name.split(", ", 1)[0]  # "Nashville, Tenn.", "Goma, Congo": the place; what follows says where
    if " - " in name and scan.size(name) < 0 <= scan.size(head := name.split(" - ", 1)[0]):
        name = head  # "Port-au-Prince - Tabarre", ACLED's city and its quarter: the city
    bare = scan.words.direction.sub("", name)
    if bare.lower() in scan.words.generic_words:
        return None  # "North Street": a street, no place called Street
    name, offset = _without_directions(scan, name, offset, bare)
    start = ent.start + offset
    end = start + len(name)
    rest = _OF_NAME.match(scan.text, end)
    if rest and country_from_name(name + rest.group(0)):
        # the model cut "Democratic Republic | of the Congo" in two: one country
        name, end = name + rest.group(0), rest.end()
    particle = scan.words.particle_tail.match(scan.text, end)
    if particle and scan.size(name + particle.group(0)) >= 0:
        # the model stopped at a lower-case particle: "Deir | ez Zor", "Ras | al Ain", known whole
        name, end = name + particle.group(0), particle.end()
    owner = _facility_head(scan, ent, name, start - ent.start)
    if owner is not None:
        return owner
    kind: KindHint = None
    tail = scan.words.kind_tail.search(name)
    if tail and tail.start() > 0:
        # the model's entity took the kind word in: "Magami village", "Kursk Oblast"; "Kansas City" and
        # "Cape Town" are names whole
        kind = scan.words.kind_of(tail.group("word"))
        if tail.group("word").islower() and country_from_name(name[: tail.start()].rstrip()):
            # "in Congo village": the country says whose village, no place is called so
            name, kind = name[: tail.start()].rstrip(), None
        elif kind != "settlement" or scan.size(name) < 0:
            name = name[: tail.start()].rstrip()
        else:
            kind = None
    if kind is None and " " in name and scan.size(name) < 0 and (town := _local_head(scan, name)) is not None:
        # "West Columbia City Council" tagged as a place whole: the town whose local body it is
        start = ent.start + offset + town[1]
        return PlaceMention(start, start + len(town[0]), town[0], None, label="EMBEDDED", modifier=True)
    # "US forces struck": the country names a side (a modifier mention, like a people's adjective)
    side = bool(country_from_name(name)) and bool(scan.words.side_after.match(scan.text, end))
    return PlaceMention(start, end, name, kind, label=ent.label, modifier=side)


@rule(
    "places.mention.entity_area",
    decides="location.name",
    positive=[
        Example(  # the model's one entity holds a venue and the county it lies in
            "The calendar: Brockfield Park, Leicestershire on 7 May.",
            {"location.name": "Leicestershire"},
        )
    ],
    negative=[
        Example("The next race is at Brockfield Park on Sunday near Andover.", {"location.name": "Andover"}),
    ],
)
def entity_area(scan: MentionScan, ent: EntityRow) -> PlaceMention | None:
    """The area after a comma inside one place entity of the model ("Brockfield Park, Leicestershire", "Oulbury,
    Hampshire") is a mention of its own, as if the model had cut the entity there; the part before it is read by
    ``places.mention.entity``."""
    if ent.label not in PLACE_LABELS or ", " not in ent.text:
        return None
    cut = ent.text.index(", ")
    area = ent.text[cut + 2 :].rstrip(".")
    if ", " in area or not area[:1].isupper() or scan.size(area) < 0:
        return None
    start = ent.start + cut + 2
    return PlaceMention(start, start + len(area), area, None, label=ent.label, container=True)


@rule(
    "places.mention.demonym_modifier",
    decides="location.name",
    positive=[
        Example(
            "European leaders condemned the strike on a convoy near Qamishli on Tuesday.",
            {"location.name": "Europe", "location.modifier": True},
        ),
        Example(
            "The Russians shelled Kupyansk again on Tuesday, the governor said.",
            {"location.name": "Russia", "location.modifier": True},
        ),
        Example(
            "Turkish-backed fighters shelled Manbij again on Tuesday, a monitor said.",
            {"location.name": "Turkey", "location.modifier": True},
        ),
        Example(
            "Russian-American artists opened a show in Brooklyn on Tuesday.",
            {"location.name": "Russia", "location.modifier": True},
        ),
        Example(  # a part of a continent, not the United States
            "Central American migrants crossed the border near Tijuana on Monday.",
            {"location.name": "Central America", "!location.name": "United States"},
        ),
        Example(  # a person of the country: the country, with no point
            "An American was among the wounded, officials said on Monday.",
            {"location.name": "United States", "location.modifier": True, "location.latitude": None},
        ),
        Example(  # a state's people: the state, with no point
            "Ohioans voted on the school levy on Tuesday, officials said.",
            {"location.name": "Ohio", "location.modifier": True, "location.latitude": None},
        ),
        Example(  # a language named for a people: its people, with no point (not English, Indiana)
            "The notice on the door was printed in English and Somali, the council said.",
            {"location.name": "England", "location.country": "GB", "location.latitude": None},
        ),
        Example(  # the model may call the adjective a language; it still ties the town to its country
            "A former officer was poisoned in the English town of Boston on Sunday.",
            {"location.name": "Boston", "location.country": "GB"},
        ),
        Example(  # an adjective of two Koreas: the one the story names
            "Crowds in South Korea waved Korean flags outside the court on Friday.",
            {"location.country": "KR", "!location.country": "KP"},
        ),
    ],
    negative=[
        Example(
            "Two Europeans were wounded when drones struck a convoy near Qamishli on Tuesday.",
            {"!location.name": "Europe", "location.name": "Al Qamishli"},
        )
    ],
)
def demonym_modifier(scan: MentionScan, ent: EntityRow) -> PlaceMention | None:
    """A continent's adjective before a noun ("European leaders", "African states") names it as an owner or a
    side: a mention of it, marked a modifier; with the ``people_adjectives`` setting (the default) a
    people's adjective ("Russian troops": Russia; "Turkish-backed": Turkey) and a country's people ("the
    Russians") too, as geoparsing corpora annotate them; a continent's people ("Europeans") is not."""
    # a language named for a people ("in English", "in Spanish") is read as its people, as the model often
    # calls the adjective a language ("the English town of Boston")
    if ent.label not in ("NORP", "GPE", "LANGUAGE") or ent.text in scan.words.not_locating_adjectives:
        return None
    code = _people_country(scan, ent.text) if scan.words.people_adjectives else None
    if code is None and scan.words.people_adjectives and (region := _region_people(scan, ent)) is not None:
        return region
    name = country_name(code) if code else scan.words.continent_demonyms.get(ent.text)
    if name is None or (country_from_name(ent.text) and ent.label != "NORP"):
        return None  # "Georgia": a name, not an adjective ("the Saudi military", tagged a people, is one)
    if country_from_demonym(ent.text[:-1]):
        # "the Russians", "Palestinians": a people, read as its country as geoparsing corpora do (not "Europeans")
        if code is None:
            return None
        return PlaceMention(ent.start, ent.end, name, None, country=code, label="DEMONYM", modifier=True, people=True)
    after = expand(scan.doc, ent.end, len(scan.text))
    pos = doc_index(scan.doc).pos
    # "Egyptian-US relations"; "Turkish-backed militiamen": the backer (never where); else an adjective on a noun
    joined = code is not None and bool(
        _PEOPLES_PAIR.match(scan.text, ent.end)
        or _BACKED.match(scan.text, ent.end)
        or _PREFIXED.search(scan.text, max(0, ent.start - 5), ent.start)
        or _PEOPLES_LIST.match(scan.text, ent.end)
    )
    on_noun = (
        after is not None
        and after[0] < after[1]
        and scan.text[ent.end : ent.end + 1] == " "
        and pos[after[0]] in (NOUN, PROPN, ADJ)
    )
    if not (joined or on_noun):
        # "a passionate Nigerian", "an American", "none were British": a person of the country, no point of it
        alone = code is not None and _said_of_people(scan, ent)
        return (
            PlaceMention(ent.start, ent.end, name, None, country=code, label="DEMONYM", modifier=True, people=True)
            if alone
            else None
        )
    return PlaceMention(ent.start, ent.end, name, None, country=code, label="DEMONYM", modifier=True)


def _said_of_people(scan: MentionScan, ent: EntityRow) -> bool:
    """Whether a people's adjective stands as a noun or a predicate ("an American", "were British")."""
    span = expand(scan.doc, ent.start, ent.end)
    if span is None or span[1] - span[0] != 1:
        return False
    tok = scan.doc[span[0]]
    return tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("attr", "acomp", "appos")


def _people_country(scan: MentionScan, word: str) -> str | None:
    """The country of a people's adjective; of one shared by countries of one name ("Korean"), the story's."""
    code = country_from_demonym(word)
    if code is None and word in scan.words.ambiguous_demonyms:
        code = _named_country(scan, scan.words.ambiguous_demonyms[word])
    return code


def _named_country(scan: MentionScan, codes: tuple[str, ...]) -> str | None:
    """The one of ``codes`` that the document's places and peoples name ("South Korea", "Seoul" is no country's
    name), if it names exactly one of them."""
    named = {country_from_name(e.text) or country_from_demonym(e.text) for e in scan.rows if e.label in ("GPE", "NORP")}
    found = named & set(codes)
    return found.pop() if len(found) == 1 else None


def _region_people(scan: MentionScan, ent: EntityRow) -> PlaceMention | None:
    """A region's or a city's people ("Ohioans", "South Ossetian militias", "a Texan rancher"): a modifier
    mention of the place (``region_demonyms``); its people ("Ohioans", "every Iowan") give no point."""
    text = ent.text
    plural = text.endswith("s") and text[:-1] in scan.words.region_demonyms
    found = scan.words.region_demonyms.get(text[:-1] if plural else text)
    if found is None:
        return None
    after = expand(scan.doc, ent.end, len(scan.text))
    on_noun = after is not None and after[0] < after[1] and doc_index(scan.doc).pos[after[0]] in (NOUN, PROPN, ADJ)
    code, name = found
    people = plural or not on_noun
    return PlaceMention(ent.start, ent.end, name, None, country=code, label="DEMONYM", modifier=True, people=people)


# "Egyptian-US relations", "Russian-American art": two peoples joined (not "Russian-backed")
_PEOPLES_PAIR: Final = re.compile(r"[-–]\s?[A-Z]")
# "Russian-backed", "Saudi-led", "Chinese-made": a people's adjective joined to a participle
_BACKED: Final = re.compile(r"-[a-z]+(?:ed|made|run|born|held)\b")
# "anti-Russian", "pro-Russian", "ex-Soviet", "All-American": a prefix joined to a people's adjective
_PREFIXED: Final = re.compile(r"(?<![\w-])(?:anti|pro|ex|non|All|Anti|Pro)-$")
# "German, Irish and other immigrants", "Russian and Venezuelan delegations": the first of a list of peoples
_PEOPLES_LIST: Final = re.compile(r"(?:,\s+(?:and\s+)?|\s+(?:and|or)\s+)[A-Z][a-z]+(?:,|\s+(?:and|or)\s+|\s+[a-z])")
_EMBEDDING_LABELS: Final = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART"})


@rule(
    "places.mention.untagged_country",
    decides="location.name",
    positive=[
        Example(
            "The first Zambia Trade Mission will visit Lagos in April, the ministry said.",
            {"location.name": "Zambia", "location.modifier": True},
        ),
        Example(
            "Trinidad and Tobago failed to send a delegate to the meeting in Washington on Friday.",
            {"location.name": "Trinidad and Tobago", "location.country": "TT"},
        ),
    ],
    negative=[
        Example(
            "Chad Williams said the talks in Lagos went well on Monday.",
            {"!location.name": "Chad", "location.name": "Lagos"},
        )
    ],
)
def untagged_country(scan: MentionScan, m: re.Match[str], label: str, whole: bool = False) -> PlaceMention | None:
    """A country's name that the model tagged as nothing or inside an organisation's or an event's name ("SME
    Zambia Limited", "the Ukraine Trade Mission") or cut in two ("Trinidad | and Tobago") is a mention of the
    country: a modifier when it names an owner (inside such a name, before a noun or a dash), else a place.
    ``label`` is the model's label around it ("" for none); ``whole``: the model's entity there is only a part
    of the name; a person's name ("Chad Williams") is not a country."""
    name = m.group()
    code = country_from_name(name)
    if code is None or name.lower() in scan.words.generic_words:
        return None
    if label in ("PERSON", "GPE", "LOC", "NORP") and not whole:
        return None
    if name in scan.words.first_name_countries and _PERSON_NEXT.match(scan.text, m.end()):
        return None  # "Chad Williams"
    end = m.end()
    after = expand(scan.doc, end, len(scan.text))
    on_noun = after is not None and after[0] < after[1] and doc_index(scan.doc).pos[after[0]] in (NOUN, PROPN)
    owner = (bool(label) and not whole) or scan.text[end : end + 1] in ("-", "–", "’", "'") or on_noun
    # no country tied: "Georgia Tech" may be the US state's (see places.resolve.country_or_region)
    return PlaceMention(m.start(), end, name, None, label="EMBEDDED", modifier=owner)


_PERSON_NEXT: Final = re.compile(r"\s+[A-Z][a-z]")
_WELL_KNOWN: Final = 100_000


@rule(
    "places.mention.embedded_in_name",
    decides="location.name",
    positive=[
        Example(
            "Students at Ohio State University held a vigil on Friday, organisers said.",
            {"location.name": "Ohio", "location.modifier": True},
        ),
        Example(
            "Nurses at the University of Pennsylvania hospital went on strike on Friday, organisers said.",
            {"location.name": "Pennsylvania", "location.modifier": True},
        ),
        Example(  # an area word before the town, and no town called Metro
            "The head of the Downtown Cleveland Alliance said shoppers would come back.",
            {"location.name": "Cleveland", "location.modifier": True},
        ),
        Example(  # a possessive head: the place whose body it is
            "The head of Manitoba's Opposition New Democrats said the tax was too high.",
            {"location.name": "Manitoba", "location.modifier": True},
        ),
        Example(
            "The EU condemned the shelling of a market in Kharkiv on Friday.",
            {"location.name": "Europe", "location.modifier": True},
        ),
        Example(
            "A mob burned a bar in Umuguma Community on Sunday, residents said.",
            {"location.name": "Umuguma", "location.modifier": False},
        ),
        Example(  # a people's adjective after "of": its country
            "The head of the Federation of German Industries urged talks on Monday.",
            {"location.name": "Germany", "location.modifier": True},
        ),
    ],
    negative=[
        Example(
            "Students at Harvard University held a vigil in Boston on Friday, organisers said.",
            {"!location.name": "Harvard", "location.name": "Boston"},
        )
    ],
)
def embedded_in_name(scan: MentionScan, ent: EntityRow) -> PlaceMention | None:
    """A well-known place or a people's adjective that begins an organisation's or a building's name ("Ohio
    State University", "the Texas Department of Health", "Russian Defence Ministry"), or any known place
    before an institution's word ("Parkers Prairie High School", "Harwinton Senior Center"), is a mention
    of that place, marked a modifier: it names an owner, not where something happened."""
    if ent.label not in _EMBEDDING_LABELS or ent.ent_id or ", " in ent.text or "(" in ent.text:
        return None  # an entity the actor lexicon named is an actor; "Narayanganj, Dhaka" is a list of places
    head = re.sub(r"^(?:the|The)\s+", "", ent.text)
    union = scan.words.union_names.get(head.removesuffix("'s").removesuffix("’s"))
    if union is not None:  # "the EU said", "an EU summit": the continent, as an owner
        start = ent.start + len(ent.text) - len(head)
        end = start + len(head.removesuffix("'s").removesuffix("’s"))
        return PlaceMention(start, end, union, None, label="EMBEDDED", modifier=True)
    found = _embedded_head(scan, ent, head, len(ent.text) - len(head))
    if found is None and head != (bare := _strip_directions(head, scan.words)):
        found = _embedded_head(scan, ent, bare, len(ent.text) - len(bare), far=True)  # "Northeast Texas College"
    return found or _embedded_after_of(scan, ent)


def _without_directions(scan: MentionScan, name: str, offset: int, bare: str) -> tuple[str, int]:
    """A place entity's name without the direction and area words before it, when the gazetteer knows the
    rest and not the whole ("Northeast Georgia", "North West England", "Metro Vancouver"; "North Kivu" is
    known whole), and its offset."""
    if bare == name or scan.size(name) >= 0:
        return name, offset
    bare = _strip_directions(name, scan.words)
    if bare[:1].isupper() and not country_from_name(name) and scan.size(bare) >= 0:
        return bare, offset + len(name) - len(bare)
    return name, offset


def _facility_head(scan: MentionScan, ent: EntityRow, name: str, offset: int) -> PlaceMention | None:
    """A facility's name the gazetteer does not know whole, with no word of place before it, is its known
    head's, as an organisation's is ("the Buffalo Bisons", "the Honolulu Star-Advertiser": a team, a paper)."""
    if ent.label != "FAC" or " " not in name or scan.size(name) >= 0 or _place_cue_before(scan, ent.start):
        return None
    return _embedded_head(scan, ent, name, offset)


def _place_cue_before(scan: MentionScan, start: int) -> bool:
    """Whether a preposition or a verb of place stands right before ``start`` ("at the Mosul Dam")."""
    before = scan.text[max(0, start - 60) : start]
    return bool(scan.words.locative_prep.search(before) or scan.words.near_before(before))


def _strip_directions(name: str, words: PlaceWords) -> str:
    """A name without its leading direction words ("North East Texas" -> "Texas")."""
    bare = words.direction.sub("", name)
    while bare != name and bare[:1].isupper():
        name, bare = bare, words.direction.sub("", bare)
    return name


# a capitalised word, or two, inside an organisation's name, checked against the country names
_CAPITAL_WORD: Final = re.compile(r"(?<= )[A-Z][a-z]+\b")
_CAPITAL_PAIR: Final = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+\b")
# "University of Pennsylvania", "Museum for East Texas Culture": a place after "of" or "for" in a name
_OF_PLACE: Final = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(?=[A-Z])")


def _embedded_after_of(scan: MentionScan, ent: EntityRow) -> PlaceMention | None:
    """A well-known place after "of" or "for" inside an organisation's name, or a country's name anywhere
    in it ("Air Zimbabwe", "HSBC Bank Malta"), a modifier mention."""
    for word in _CAPITAL_WORD.finditer(ent.text) if ent.label == "ORG" else ():
        pair = _CAPITAL_PAIR.match(ent.text, word.start())
        for found in (pair, word) if pair else (word,):
            if found.start() > 0 and country_from_name(found.group()):
                start = ent.start + found.start()
                return PlaceMention(
                    start, start + len(found.group()), found.group(), None, label="EMBEDDED", modifier=True
                )
    for m in _OF_PLACE.finditer(ent.text) if " of " in ent.text or " for " in ent.text else ():
        rest = ent.text[m.end() :]
        bare = _strip_directions(rest, scan.words)
        words = bare.split()
        for n in (3, 2, 1):
            if len(words) < n or not all(w[:1].isupper() for w in words[:n]):
                continue
            name = " ".join(words[:n]).rstrip(",.")
            if name.isupper() or name.lower() in scan.words.generic_words:
                continue
            start = ent.start + m.end() + len(rest) - len(bare)
            code = country_from_demonym(name) if n == 1 else None
            if code is not None:  # "the Federation of German Industries": Germany, not German on the Isle of Man
                if not scan.words.people_adjectives or name in scan.words.not_locating_adjectives:
                    return None
                return PlaceMention(
                    start, start + len(name), country_name(code) or name, None, country=code, label="DEMONYM",
                    modifier=True,
                )
            if country_from_name(name) or scan.size(name) >= _WELL_KNOWN:
                return PlaceMention(start, start + len(name), name, None, label="EMBEDDED", modifier=True)
    return None


def _embedded_head(scan: MentionScan, ent: EntityRow, head: str, offset: int, far: bool = False) -> PlaceMention | None:
    """The place that begins an organisation's name (``head``, at ``offset`` in the entity), if any;
    ``far``: after a direction word, only a well-known place."""
    words = head.split()
    for n in (3, 2, 1):
        if len(words) <= n or not all(w[:1].isupper() for w in words[:n]):
            continue
        name = " ".join(words[:n]).rstrip(",")
        owner = _possessive(scan, name)
        if owner is not None:  # "Oregon's Guard", "Harare's Third Street": the place whose body or street it is
            start = ent.start + offset
            return PlaceMention(start, start + len(owner), owner, None, label="EMBEDDED", modifier=True)
        code = country_from_demonym(name) if n == 1 and scan.words.people_adjectives else None
        if code is not None and name not in scan.words.not_locating_adjectives:
            start = ent.start + offset
            return PlaceMention(
                start, start + len(name), country_name(code) or name, None, country=code, label="DEMONYM", modifier=True
            )
        continent = scan.words.continent_demonyms.get(name)
        if continent is not None:  # "the European Commission"
            start = ent.start + offset
            return PlaceMention(start, start + len(name), continent, None, label="DEMONYM", modifier=True)
        if country_from_name(name):
            if not scan.words.people_adjectives:
                return None  # "US Special Forces": a country as a side, like a people's adjective
            start = ent.start + offset  # "Kenya Airways"
            return PlaceMention(start, start + len(name), name, None, label="EMBEDDED", modifier=True)
        if name.lower() in scan.words.generic_words or name.isupper() or scan.words.direction.fullmatch(name + " "):
            continue  # "Metro Vancouver": no town called Metro
        size = scan.size(name)
        if far and size < _WELL_KNOWN:
            continue
        if words[n] in _DASHES and size >= 0:
            start = ent.start + offset  # "Mogadishu - Hodan": a town and its quarter, where it happened
            return PlaceMention(start, start + len(name), name, None, label="EMBEDDED")
        local = size >= 0 and words[n] in scan.words.institution_words
        if size >= _WELL_KNOWN or local:
            start = ent.start + offset
            # "in Umuguma Community", "at Harwinton Senior Center": the body's place is where it happened
            where = local and bool(_TIGHT_PREP.search(scan.text[max(0, ent.start - 30) : ent.start]))
            return PlaceMention(start, start + len(name), name, None, label="EMBEDDED", modifier=not where)
    return None


_DASHES: Final = frozenset({"-", "–", "—"})
_OWNER: Final = 10_000  # a possessive head names a place only if a town of this size or a region has the name


def _possessive(scan: MentionScan, name: str) -> str | None:
    """The place a possessive head of a name stands for ("Oregon's" -> Oregon), if a town of 10,000 people or
    a region has the name; a country's ("Mali's Armed Forces") names a side, which the actors step reads."""
    if not name.endswith(("'s", "’s")):
        return None
    base = name[:-2]
    if base.isupper() or base.lower() in scan.words.generic_words or country_from_demonym(base):
        return None
    return base if not country_from_name(base) and scan.size(base) >= _OWNER else None


def strip_direction(name: str, words: PlaceWords) -> str:
    """A place name without a leading lower-case direction word ("northeast Nigeria" -> "Nigeria")."""
    bare = words.direction.sub("", name)
    # "North Kivu", "South Sudan": a capitalised direction is part of the name
    if bare == name or name[:1].isupper() or not bare:
        return name
    return bare


def _entity_place_name(text: str, words: PlaceWords) -> tuple[str, int] | None:
    return _entity_place_name_cached(text, words)


@lru_cache(maxsize=16384)
def _entity_place_name_cached(text: str, words: PlaceWords) -> tuple[str, int] | None:
    """The place name a GPE/LOC/FAC entity's text holds and its offset in it (entity texts recur)."""
    name = strip_direction(re.sub(r"^(?:the|The)\s+", "", text), words)
    name = re.sub(r"(?:'s|’s|(?<=s)'|(?<=s)’)$", "", name)  # "the United States' lowest"
    if not name[:1].isupper() or (country_from_demonym(name) and not country_from_name(name)):
        return None  # "Ukrainian" tagged GPE is a demonym, not a place
    if name.lower() in words.generic_words:
        return None  # "Town" tagged GPE ("Domel and Town police stations")
    return name, text.index(name)


@rule(
    "places.mention.capital_phrase",
    decides="location.name",
    positive=[
        Example(
            "A car bomb exploded near a checkpoint in the Somali capital on Sunday, police said.",
            {"location.name": "Mogadishu"},
        )
    ],
    negative=[
        Example(
            "A car bomb exploded near a checkpoint in the Somali capital Mogadishu on Sunday, police said.",
            {"location.name": "Mogadishu"},
        )
    ],
)
def capital_phrase(scan: MentionScan, m: re.Match[str]) -> PlaceMention | None:
    """ "the Somali capital" or "Yemen's capital" with no name after it is that country's capital city."""
    code = country_of(m.group("adj")) or country_of(m.group("country"))
    city = capital_city(code) if code else None
    if not city:
        return None
    return PlaceMention(
        m.start(), m.end(), city, "settlement", country=code, strong=True, label="CAPITAL", capital_of=code
    )


# -- names the model mislabels or leaves untagged ---------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A name the model did not tag as a place but the gazetteer knows."""

    start: int
    end: int
    name: str
    person: bool
    size: int
    prep: bool = False
    verb: bool = False
    subject: bool = False
    bracketed: bool = False
    tight: bool = False
    org: bool = False
    before_bracket: bool = False
    modifies: int = 0  # 1 between a determiner and a noun ("an Aleppo woman"), 2 before an institution's word
    # a bracket of the areas it lies in follows: 2 an area's kind word or a list ("Mamove (Beni territory, North
    # Kivu)"), 1 a single known place ("Tame (Arauca)")
    area_after: int = 0


@rule(
    "places.mention.mislabelled_cued",
    decides="location.name",
    positive=[
        Example(
            "Russian forces kept up their push towards Chasiv Yar on Wednesday, the general staff said.",
            {"location.name": "Chasiv Yar"},
        ),
        Example(  # a noun or verb of travel, then "to"
            "The closure will delay drivers travelling to Cirencester on Friday, the council said.",
            {"location.name": "Cirencester"},
        ),
        Example(  # "over" after what flies
            "Air defences shot down two drones over Kharkiv on Monday.",
            {"location.name": "Kharkiv", "location.country": "UA"},
        ),
        Example(  # the model tags the second word a person: the known name goes on into it
            "On 8 August 2023, militiamen clashed with soldiers in Debre Markos (Misraq Gojjam, Amhara).",
            {"location.name": "Debre Mark'os", "!location.name": "Debre"},
        ),
    ],
    negative=[
        Example(
            "Mariam Yusuf, a nurse, said the clinic had run out of medicine in Kaduna on Wednesday.",
            {"!location.name": "Mariam Yusuf", "location.name": "Kaduna"},
        )
    ],
)
def mislabelled_cued(c: Candidate, listed: bool) -> bool | None:
    """A name the gazetteer knows that the model tagged as a person or an organisation, or left untagged,
    is a place when a preposition of place or a verb of attack comes before it, or it stands in a list
    with another place; a person only if the place has 1,000 people or the name several words."""
    person_ok = not c.person or c.size >= 1000 or " " in c.name
    bracket = c.area_after > (1 if c.person else 0)  # "Willie Walsh (Ireland)": a man of a country, no place
    return True if c.prep or listed or bracket or (c.verb and person_ok) else None


@rule(
    "places.mention.bracketed_area",
    decides="location.name",
    positive=[
        Example(
            "Militants abducted six villagers in Namoungou (Fada Ngourma, Gourma) on Tuesday.",
            {"location.name": "Gourma", "location.admin1": "Est"},
        ),
        # the tagger made the bracketed region a verb in -ing
        Example(
            "On 2 May 2023, military troops burned down houses in Kani township (Sagaing).",
            {"location.name": "Sagaing", "location.country": "MM"},
        ),
        # the tagger made the bracketed district an adverb
        Example(
            "On 4 May 2025, clan militias clashed in Dhagaxley village (Xarardheere, Mudug).",
            {"location.name": "Xarardheere", "location.admin1": "Mudug"},
        ),
        # a name the tokenizer cut at its hyphen
        Example(
            "On 2 May 2023, a drone strike hit a car near Qamishli (Al-Hasakeh), killing two fighters.",
            {"location.name": "Al Hasakeh", "!location.name": "Al"},
        ),
    ],
    negative=[
        Example(
            "Militants abducted six villagers near Fada Ngourma on Tuesday.",
            {"location.name": "Fada N'gourma"},
        ),
        Example(  # an adverb opening a remark in brackets is no area
            "On 4 May 2025, a soldier (Likely from the army, police said) shot a trader in Mogadishu.",
            {"!location.name": "Likely", "location.name": "Mogadishu"},
        ),
    ],
)
def bracketed_area(c: Candidate) -> bool | None:
    """A known name in brackets after a place, alone or in a list ("Namoungou (Fada Ngourma, Gourma)"),
    names an area the place lies in: a mention, whatever the model tagged it."""
    return True if c.bracketed and c.size >= 0 else None


@rule(
    "places.mention.cued_unknown",
    decides="location.name",
    positive=[
        Example(
            "Militants abducted six villagers in Namoungou (Fada Ngourma, Gourma) on Tuesday.",
            {"location.name": "Namoungou", "location.admin1": "Est"},
        ),
        # no preposition of place, but the bracket of the areas it lies in, as ACLED's notes write them
        Example(
            "On 3 March 2022, ADF fighters raided Mbulunga (Beni territory, North Kivu), killing nine civilians.",
            {"location.name": "Mbulunga", "location.admin1": "Nord-Kivu"},
        ),
    ],
    negative=[
        Example(
            "Gunmen shot dead a driver on Saturday, Niagassi residents said.",
            {"!location.name": "Niagassi", "locations": 0},
        ),
        Example(  # an acronym in the bracket is no area
            "Gunmen shot dead a driver near Bunia on Saturday, said Mbulunga Kabila (MLC).",
            {"!location.name": "Mbulunga Kabila"},
        ),
    ],
)
def cued_unknown(c: Candidate, listed: bool = False) -> bool | None:
    """A name no gazetteer knows is a place when a preposition of place stands right before it ("in
    Namoungou", "between Sampelga and Niagassi"), it is in brackets after a place, a bracket of the areas it
    lies in follows it ("raided Mbulunga (Beni territory, North Kivu)"), or it is listed with another; a name
    the model calls an organisation needs the brackets ("in Namoungou (Fada Ngourma)").
    It is kept unresolved, in the country and region of the places around it."""
    if c.size >= 0 or c.subject:
        return None
    if c.org:
        return True if c.bracketed or ((c.tight or listed) and c.before_bracket) or listed or c.area_after > 1 else None
    if c.person:
        return True if c.tight or c.bracketed or listed or c.area_after > 1 else None
    return True if c.tight or c.bracketed or listed or c.area_after else None


@rule(
    "places.mention.place_modifier",
    decides="location.name",
    positive=[
        Example(
            "An Alexandria woman was charged with arson on Monday, police said.",
            {"location.name": "Alexandria", "location.modifier": True},
        ),
        Example(
            "Roselle police ticketed forty drivers on Monday for speeding.",
            {"location.name": "Roselle", "location.modifier": True},
        ),
        Example(
            "Fargo Mayor Dennis Walaker said on Monday the dikes would hold.",
            {"location.name": "Fargo", "location.modifier": True},
        ),
    ],
    negative=[
        Example(
            "A Smith spokesman said the market in Aleppo was shelled on Monday.",
            {"!location.name": "Smith", "location.name": "Aleppo"},
        ),
        Example(
            "Vice Mayor Cathy Boring voted against the budget on Monday.",
            {"!location.name": "Vice", "locations": 0},
        ),
    ],
)
def place_modifier(c: Candidate) -> bool | None:
    """A well-known place between a determiner and a noun ("an Aleppo woman", "the Gainesville sewer
    system"), or a known place right before an institution's word ("Alexandria Police went", "Fargo Mayor"),
    a local noun ("Roselle police", "Gainesville residents", "a Crafton man") or "-based" ("Northbrook-based"),
    names where someone or something is from, whatever the model tagged it: a mention, marked a modifier."""
    if c.modifies == 2:
        return True if c.size >= (1000 if c.person else 0) else None
    if c.modifies == 1:
        return True if c.size >= (_LARGE_PLACE if c.person else 50_000) else None
    return None


@rule(
    "places.mention.large_namesake",
    decides="location.name",
    positive=[
        Example(
            "Kharkiv came under a missile attack overnight, the regional governor said.",
            {"location.name": "Kharkiv"},
        ),
        Example(
            "Tamil Nadu accused the federal government of withholding flood relief on Monday.",
            {"location.name": "Tamil Nadu", "location.kind": "admin1"},
        ),
        Example(  # the model's organisation "Metro Vancouver": the city after the area word
            "A quarter of households recycle batteries, according to Metro Vancouver.",
            {"location.name": "Vancouver"},
        ),
    ],
    negative=[
        Example(
            "Police in Lagos arrested five suspects on Monday, a spokesman said.",
            {"location.name": "Lagos"},
        )
    ],
)
def large_namesake(c: Candidate) -> bool | None:
    """A name the model did not tag as a place, with no locative cue, is still a place when a place of
    100,000 people or more has it and the model did not read it as a person, or when it is a region's or a
    country's name of several words ("Tamil Nadu accused the Centre"), whatever the model read."""
    return True if (not c.person or " " in c.name) and c.size >= (REGION_SIZE if c.person else _LARGE_PLACE) else None


@rule(
    "places.mention.same_name_elsewhere",
    decides="location.name",
    positive=[
        Example(
            "Floods cut roads around Gainesville on Monday. Gainesville's mayor asked residents to stay home.",
            {"location.name": "Gainesville"},
        )
    ],
    negative=[
        Example(
            "Floods cut roads around Ocala on Monday. Gainesville said he would ask residents to stay home.",
            {"!location.name": "Gainesville", "location.name": "Ocala"},
        )
    ],
)
def same_name_elsewhere(c: Candidate, named: frozenset[str]) -> bool | None:
    """A known name the model did not tag as a place here but did elsewhere in the document ("Gainesville's
    mayor" after "around Gainesville"), or that a dateline names, is the same place: one name, one sense in
    one story."""
    return True if c.name in named and (not c.person or c.size >= 1000) else None


def mislabelled_candidates(scan: MentionScan) -> list[Candidate]:
    """Non-place entities and untagged proper-noun runs the gazetteer knows, with the cues around them."""
    found = _mislabelled(scan) + _untagged(scan)
    found.sort(key=lambda c: c.start)
    return [_with_cues(scan, c) for c in found]


def _with_cues(scan: MentionScan, c: Candidate) -> Candidate:
    """A candidate with what the words around it say: a preposition of place or a verb of attack before,
    a verb after (then it is a clause's subject, not a list item)."""
    before = scan.text[max(0, c.start - 60) : c.start]
    known = c.size >= 0  # an unknown name needs only the tight cues: the costlier searches are skipped
    prep = known and bool(scan.words.locative_prep.search(before) or scan.words.near_before(before))
    verb = known and bool(scan.words.locative_verb.search(before))
    after = expand(scan.doc, c.end, len(scan.text))
    pos = doc_index(scan.doc).pos
    subject = after is not None and after[0] < after[1] and pos[after[0]] in (VERB, AUX)
    bracketed = "(" in before and bool(BRACKET_LIST.search(before))
    tight = bool(_TIGHT_PREP.search(before[-40:])) and scan.text[c.end : c.end + 1] not in ("'", "’")
    before_bracket = scan.text[c.end : c.end + 2].lstrip().startswith("(")
    # "the Gainesville sewer system", "an Alexandria woman": a name between a determiner and a noun
    modifies = 2 if c.name not in scan.words.title_words and _local_body_after(scan, c.end) else 0
    if not modifies and known and scan.text[c.end : c.end + 1] == " " and after is not None and after[0] < after[1]:
        modifies = 1 if pos[after[0]] == NOUN and _DETERMINER_BEFORE.search(before) else 0
    return Candidate(
        c.start,
        c.end,
        c.name,
        c.person,
        c.size,
        prep,
        verb,
        subject,
        bracketed,
        tight,
        c.org,
        before_bracket,
        modifies,
        area_after=_areas_in_bracket(scan, c.end) if before_bracket else 0,
    )


# the first item of a bracket after a name: "(Beni territory, North Kivu)", "(Arauca)", "(Sagaing region)"
_BRACKET_FIRST: Final = re.compile(r"\s*\(\s*([A-Z][a-z][\w’'.-]*(?:[ -][A-Za-z][\w’'.-]*){0,3}?)\s*([,)])")


def _areas_in_bracket(scan: MentionScan, end: int) -> int:
    """How surely the bracket after a name holds the areas it lies in, as ACLED's notes write them: 2 for a name
    with an area's kind word ("Beni territory", "Maarrat al-Numan district") or a known place opening a list
    ("(Fada Ngourma, Gourma)"), 1 for a single known place below a country ("(Arauca)"), else 0 ("(AFP)", "(MoD)",
    "(Rain)" as a name's translation is a place only by chance, and a country says nothing)."""
    m = _BRACKET_FIRST.match(scan.text, end)
    if m is None:
        return 0
    item = m.group(1)
    words = item.split()
    last = words[-1]
    if len(words) > 1 and scan.words.is_kind_word(last) and scan.words.kind_of(last) in ("region", "district"):
        return 2
    if country_of_name(item) or scan.size(item) < 0:
        return 0
    return 2 if m.group(2) == "," else 1


def _local_body_after(scan: MentionScan, end: int) -> bool:
    """Whether an institution's word ("Alexandria Police", "Fargo Mayor"), a local noun ("Roselle police", "a
    Crafton man", "Gainesville residents") or "-based" follows a name right away: it is the home of a local
    body or of people."""
    text = scan.text
    if text.startswith("-based", end):
        return True
    if text[end : end + 1] != " ":
        return False
    next_word = text[end + 1 : end + 20].split(maxsplit=1)
    if not next_word:
        return False
    word = next_word[0].rstrip(".,;:")
    if scan.words.street_after.match(text, end + 1 + len(next_word[0])):
        return False  # "Mahnomen County Road 3": a road
    return word in scan.words.institution_words or word in scan.words.local_nouns


def _mislabelled(scan: MentionScan) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in scan.rows:
        if ent.label not in _MISLABELS or ent.ent_id:
            continue  # an entity the actor lexicon named (ent_id) is an actor, never a place
        # "Namoungou (Fada Ngourma," taken as one organisation: each name in it on its own
        split = "(" in ent.text or ", " in ent.text
        parts = [(m.start(), m.group()) for m in _PART.finditer(ent.text)] if split else [(0, ent.text)]
        for at, part in parts:
            named = _mislabelled_name(part, scan.words)
            if named is None:
                continue
            name, offset, is_country = named
            size = _COUNTRY_SIZE if is_country else scan.size(name)
            if size < 0 and (bare := _strip_directions(name, scan.words)) != name and scan.size(bare) >= 0:
                # "from Northeast Nebraska", "according to Metro Vancouver": the place after the direction
                offset, name, size = offset + len(name) - len(bare), bare, scan.size(bare)
            if size < 0 and (longer := _cut_short(scan, name, ent.start + at + offset + len(name))) is not None:
                name, size = longer  # "in Apaseo el | Grande": the model's entity ends a word before the name
            if size < 0 and ent.label == "ORG" and (head := _known_head(scan, name)) is not None:
                name, size, at_head = head  # "Dubai Police" in a list of bodies: Dubai, not an unknown place
                offset += at_head
            # an unknown "person" after "in" may be a village, and so may a name the entity runs on from into a
            # bracket ("Mamove (Beni" tagged as one work of art): the cue rules decide
            opens = split and ent.text[at + offset + len(name) : at + offset + len(name) + 2].lstrip().startswith("(")
            if size >= 0 or ent.label in ("PERSON", "ORG") or opens:
                start = ent.start + at + offset
                person = ent.label == "PERSON" and not is_country
                out.append(Candidate(start, start + len(name), name, person, size, org=ent.label == "ORG"))
    return out


_NEXT_CAPITALISED: Final = re.compile(r" ([A-Z][\w’'-]+)(?: ([A-Z][\w’'-]+))?")


def _cut_short(scan: MentionScan, name: str, end: int) -> tuple[str, int] | None:
    """The known place an unknown entity's name becomes with the one or two capitalised words right after it
    ("Apaseo el" before "Grande"), and its size; None when no such longer name is known."""
    m = _NEXT_CAPITALISED.match(scan.text, end)
    if m is None:
        return None
    for words in ((m.group(1), m.group(2)), (m.group(1),)) if m.group(2) else ((m.group(1),),):
        longer = " ".join((name, *words))
        size = scan.size(longer)
        if size >= 0:
            return longer, size
    return None


def _known_head(scan: MentionScan, name: str) -> tuple[str, int, int] | None:
    """The known place an unknown organisation's name begins with, else the one after its direction words, a
    well-known one or one before an institution's word ("Dubai Police", "Arlington Chamber of Commerce",
    "West Columbia City Council", "Western Pennsylvania Kennel Association"), its size and its offset."""
    bare = _strip_directions(name, scan.words)
    for form in (name, bare) if bare != name and bare[:1].isupper() else (name,):
        found = _head_of(scan, form)
        if found is not None:
            return found[0], found[1], len(name) - len(form)
    return None


def _head_of(scan: MentionScan, name: str) -> tuple[str, int] | None:
    words = name.split()
    for n in (3, 2, 1):
        if len(words) <= n or not all(w[:1].isupper() for w in words[:n]):
            continue
        head = " ".join(words[:n])
        if head.isupper() or head.lower() in scan.words.generic_words:
            continue
        if head in scan.words.clause_words or head in scan.words.title_words:
            continue  # "Western Pennsylvania": no town called Western; "Vice Mayor": no place
        size = scan.size(head)
        # a one-word name before an institution's word must be a town of some size
        local = size >= (_SMALL_TOWN if n == 1 else 0) and words[n] in scan.words.institution_words
        if size >= _WELL_KNOWN or local:
            return head, size
    return None


def _local_head(scan: MentionScan, name: str) -> tuple[str, int] | None:
    """The known town that begins a name before an institution's word ("West Columbia City Council"), and its
    offset in the name ("Downtown Cleveland Alliance")."""
    head = _known_head(scan, name)
    if head is None:
        return None
    words = name[head[2] :].split()
    n = len(head[0].split())
    if words[n] not in scan.words.institution_words:
        return None  # a well-known name before another word ("Pa Zi Gyi", "Aden Ade Airport") is not enough
    if scan.words.street_after.match(" " + " ".join(words[n + 1 :])):
        return None  # "Mahnomen County Road": a road
    return head[0], head[2]


_SMALL_TOWN: Final = 1000
_PART: Final = re.compile(r"[^(),\s][^(),]*[^(),\s]|[^(),\s]")


@lru_cache(maxsize=16384)
def _mislabelled_name(text: str, words: PlaceWords) -> tuple[str, int, bool] | None:
    """The name a non-place entity's text may be a place by, its offset, and whether it is a country;
    None if it cannot name a place. Memoised: entity texts recur across documents."""
    name = re.sub(r"(?:'s|’s)$", "", re.sub(r"^(?:the|The)\s+", "", text))
    acronym = name.isupper() and country_from_name(name) is None  # "DPRK", "UAE" are countries
    if not name[:1].isupper() or acronym or country_from_demonym(name) or name in words.region_demonyms:
        return None  # lower-case words, acronyms ("SANA" the news agency) and peoples ("English") are no places
    if name.lower() in words.generic_words:
        return None
    # a country the model took for a person ("Mali" PERSON) is still a country, unless a common first name
    is_country = country_from_name(name) is not None and name not in words.first_name_countries
    return name, text.index(name), is_country


def _hyphen_between(text: str, index: DocIndex, j: int) -> bool:
    """Whether token ``j + 1`` is a hyphen written tight between tokens ``j`` and ``j + 2``."""
    return index.ends[j] == index.starts[j + 1] and index.ends[j + 1] == index.starts[j + 2] and text[
        index.starts[j + 1] : index.ends[j + 1]
    ] in ("-", "‐", "‑")


def _known_run(scan: MentionScan, index: DocIndex, i: int, j: int) -> bool:
    """Whether the words of tokens ``i`` to ``j`` are a place the gazetteer knows."""
    return scan.size(scan.text[index.starts[i] : index.ends[j]]) >= 0


def _run_end(scan: MentionScan, index: DocIndex, i: int) -> int:
    """The last token of the proper-noun run that starts at token ``i`` (outside any entity)."""
    text, pos, ent_type = scan.text, index.pos, index.ent_type
    n = len(pos)
    j = i
    while j + 1 < n and not ent_type[j + 1]:
        if pos[j + 1] == PROPN:
            j += 1
        elif j + 2 < n and pos[j + 2] == PROPN and not ent_type[j + 2] and _hyphen_between(text, index, j):
            j += 2  # "Al-Hasakeh", "Deir-ez-Zor": one name the tokenizer cut at its hyphens
        else:
            break
    # "Debre | Markos": the run goes on into a name the model tagged apart when the two are one known place
    while j + 1 < n and pos[j + 1] == PROPN and ent_type[j + 1] and _known_run(scan, index, i, j + 1):
        j += 1
    return j


def _untagged(scan: MentionScan) -> list[Candidate]:
    """Proper-noun runs outside any entity ("hit Kharkiv")."""
    index = doc_index(scan.doc)
    text = scan.text
    pos, ent_type = index.pos, index.ent_type
    n = len(pos)
    out: list[Candidate] = []
    i = 0
    while i < n:
        p = pos[i]
        if ent_type[i] or (p != PROPN and p != VERB and p != ADV):
            i += 1  # what the test below skips too, read from the index alone: most tokens
            continue
        capital = text[index.starts[i] : index.starts[i] + 1].isupper()
        # a capitalised word opening brackets that the tagger made a verb or an adverb is a name: "(Sagaing)", a
        # name in -ing; "(Xarardheere, Mudug)", a name in -ere
        before = text[max(0, index.starts[i] - 2) : index.starts[i]].rstrip()[-1:]
        # (an adverb only as an item of a list of areas: "(Likely SNA forces)" opens no place)
        listed = i + 1 < n and text[index.starts[i + 1] : index.ends[i + 1]] in (",", ")")
        opens = capital and before == "(" and (pos[i] == VERB or (pos[i] == ADV and listed))
        if (pos[i] != PROPN and not opens) or ent_type[i] or not capital:
            i += 1
            continue
        j = _run_end(scan, index, i)
        start, end = index.starts[i], index.ends[j]
        name = text[start:end]
        i = j + 1
        if name.lower() in scan.words.generic_words:
            continue  # "Domel and Town police stations": a kind word alone names no place
        size = scan.size(name)
        if size < 0 and " " in name and (head := _local_head(scan, name)) is not None:
            start += head[1]
            name, size = head[0], scan.size(head[0])  # "Fargo Mayor Dennis Walaker": Fargo
            end = start + len(name)
        if (not name.isupper() or country_of_name(name)) and not name.endswith(("'s", "’s")):
            out.append(Candidate(start, end, name, False, size))  # unknown too: "in Namoungou"; "UAE" too
    return out


# -- streets, works and natural features ---------------------------------------------------------


@rule(
    "places.mention.named_feature",
    decides="location.name",
    positive=[
        Example(  # a street no gazetteer holds: kept, named, in the town's state, with no point
            "Firefighters were called to a house on Larkspur Avenue in Fargo on Sunday night.",
            {"location.name": "Larkspur Avenue", "location.kind": "feature", "location.admin1": "North Dakota"},
        ),
        Example(
            "A boy was pulled from the Chestnut River near Dalton on Saturday, deputies said.",
            {"location.name": "Chestnut River", "location.kind": "feature"},
        ),
        Example(  # the word before the name
            "Divers searched Lake Wappel for the missing boater on Monday.",
            {"location.name": "Lake Wappel", "location.kind": "feature"},
        ),
    ],
    negative=[
        Example(  # a longer name: a bank named after the street
            "The Main Street Bank in Fargo reopened on Monday after the flood.",
            {"!location.name": "Main Street", "location.name": "Fargo"},
        ),
        Example(  # a town the gazetteer knows whole is a town, not a feature
            "Police in Lake Charles arrested two men on Monday.",
            {"location.name": "Lake Charles", "location.kind": "settlement"},
        ),
    ],
)
def named_feature(
    scan: MentionScan, start: int, end: int, prefixed: bool = False, known: tuple[tuple[int, int], ...] = ()
) -> PlaceMention | None:
    """Capitalised words ending on a street's or a feature's word ("Larkspur Avenue", "the Chestnut River") or
    after a feature's prefix ("Lake Wappel") name a place of their own, kept with no point when no gazetteer
    knows the name whole; the words a clause starts with ("On Elm Street") are no part of it. A mention found
    inside by another rule (``known``: "R-Elk Lake", "the Dalton River", "Fargo Airport", "at the Dalton Forest (Elm
    County)") keeps its reading."""
    name = scan.text[start:end]
    lead = scan.words.leading_words.match(name)
    if lead:
        start, name = start + lead.end(), name[lead.end() :]
    if " " not in name or scan.size(name) >= 0 or any(a < end and start < b for a, b in known):
        return None  # "Street" alone; "Lake Charles", "Rhode Island": the gazetteer's place
    if prefixed and name.count(" ") > 1 and scan.size(name.rsplit(" ", 1)[0]) >= 0:
        return None  # "Mount Pleasant High School": the town, then the name of its school
    head, _, word = name.rpartition(" ")
    street = word.rstrip(".").lower() in scan.words.street_words
    if "-" in head:
        return None  # "the Abuja-Kaduna Road" names the towns it joins
    if not prefixed and not street and any(e.label == "PERSON" and e.start < end and start < e.end for e in scan.rows):
        return None  # "Jane Park", "Tony Lake": a person; "Larkspur Drive", "Lake Wappel" are no one's names
    return PlaceMention(start, end, name, "feature", label="FEATURE")


# "the 400 block of Broadway", "the southbound lanes of Decatur": a street's cues
_STREET_CUE: Final = re.compile(
    r"(?:\b\d[\d,]*[\s-]+block\s+of|\blanes\s+of)\s+(?:(?:North|South|East|West|[NSEW]\.)\s+)?$"
)
_CAPITAL_NEXT: Final = re.compile(r"'?s?\s+[A-Z]")
# "north on Darby", "onto Decatur": a preposition of a street, where the story names the street whole;
# "from Darby to North Street": a preposition of anything, with another street after it
_STREET_PREPOSITION: Final = re.compile(r"\b(?:on|onto|off|along)\s+$")
_ANY_PREPOSITION: Final = re.compile(r"\b(?:from|to|at|between)\s+$")
_TO_STREET: Final = re.compile(r"\s+(?:from|to|and|at)\s+")


@rule(
    "places.mention.street_by_cue",
    decides="location.kind",
    positive=[
        Example(  # a town's name, but a street's cue: no point of the town
            "Firefighters were called to a house in the 400 block of Broadway in Scottdale on Monday.",
            {"location.name": "Broadway", "location.kind": "feature", "location.latitude": None},
        ),
        Example(  # the story names the street whole; alone, after "onto", it is the street again
            "The crash closed Decatur Boulevard. The driver was turning left onto Decatur when a truck hit her.",
            {"location.name": "Decatur Boulevard", "!location.kind": "settlement"},
        ),
    ],
    negative=[
        Example(
            "The driver was on his way home to Decatur when a truck hit him, police said.",
            {"location.name": "Decatur", "location.kind": "settlement"},
        )
    ],
)
def street_by_cue(scan: MentionScan, m: PlaceMention, streets: dict[str, str]) -> PlaceMention | None:
    """A town's name after a street's cue ("the 400 block of Broadway", "the lanes of Decatur"), or where the
    story names a street of that name, after a street's preposition ("Darby Street ... north on Darby") or
    between prepositions that join it to another street ("from Darby to North Street"), is the street: a
    feature with no point, not the town it was named after. "Moved to Darby" stays the town."""
    if m.modifier or m.dateline or m.label in ("FEATURE", "ABBREVIATION") or m.kind not in (None, "settlement"):
        return None
    before = scan.text[max(0, m.start - 40) : m.start]
    word = streets.get(m.name)
    # the street's name alone: not "at Ohio State University" in a story that names the Ohio Turnpike
    alone = word is not None and not _CAPITAL_NEXT.match(scan.text, m.end)
    if not _STREET_CUE.search(before) and not (alone and _street_preposition(scan, before, m.end)):
        return None
    return PlaceMention(m.start, m.end, f"{m.name} {word}" if word else m.name, "feature", label="FEATURE")


def _street_preposition(scan: MentionScan, before: str, end: int) -> bool:
    if _STREET_PREPOSITION.search(before):
        return True
    joint = _TO_STREET.match(scan.text, end) if _ANY_PREPOSITION.search(before) else None
    return joint is not None and scan.words.street_named.match(scan.text, joint.end()) is not None


@rule(
    "places.mention.street_list",
    decides="location.name",
    positive=[
        Example(  # towns' names, but streets here: no point of the towns
            "A water main broke at the corner of Dayton and Lima streets on Monday.",
            {"location.name": "Dayton Street", "location.kind": "feature", "!location.name": "Dayton"},
        ),
        Example(  # the other street has no place's name ("Center"), but the list is still of streets
            "Crews were repaving the corner of Dayton and Center streets on Monday.",
            {"location.name": "Dayton Street", "location.kind": "feature", "!location.name": "Dayton"},
        ),
    ],
    negative=[
        Example(
            "A water main broke in Dayton and Lima on Monday, officials said.",
            {"location.name": "Dayton", "location.kind": "settlement"},
        )
    ],
)
def street_list(scan: MentionScan, m: re.Match[str]) -> tuple[PlaceMention, ...] | None:
    """A list of names before a plural street word ("the corner of Dayton and Lima streets", "between Maple and
    North Birch roads") names streets, one per item, whatever places share their names."""
    word = scan.words.street_plurals[m.group("word")]
    out: list[PlaceMention] = []
    items = 0
    for item in _STREET_ITEM.finditer(m.group("items")):
        name = item.group()
        lead = scan.words.leading_words.match(name)
        skip = lead.end() if lead else 0
        name = name[skip:]
        items += bool(name)
        if not name or name.lower() in scan.words.generic_words:
            continue  # "Hampden and Center streets": "Center" is a street too, but no place's name
        start = m.start("items") + item.start() + skip
        out.append(PlaceMention(start, start + len(name), f"{name} {word}", "feature", label="FEATURE"))
    return tuple(out) if out and items > 1 else None


_STREET_ITEM: Final = re.compile(r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}")


# -- datelines and dates ----------------------------------------------------------------------


@rule(
    "places.mention.dateline",
    decides="location.name",
    positive=[
        Example(
            "MAIDUGURI, Nigeria (Reuters) - Insurgents attacked a military base on Friday, two soldiers said.",
            {"location.name": "Maiduguri"},
        ),
        Example(
            "Troops repel attack on base. MAIDUGURI -- Insurgents attacked a military base on Friday.",
            {"location.name": "Maiduguri"},
        ),
        Example(
            "By Jane Roe, Associated Press MAIDUGURI (AP) — Insurgents attacked a military base on Friday.",
            {"location.name": "Maiduguri"},
        ),
        Example(  # a region's abbreviation, then the story: no dash
            "Storm topples trucks . SALINA, Kan. Strong winds toppled thirteen trucks on the interstate.",
            {"location.name": "Salina", "location.admin1": "Kansas"},
        ),
        Example(  # a long dash with no spaces
            "Board backs budget. MAIDUGURI—The state assembly passed the budget on Friday.",
            {"location.name": "Maiduguri"},
        ),
    ],
    negative=[
        Example(
            "Insurgents attacked a military base in Maiduguri on Friday, two soldiers said.",
            {"location.name": "Maiduguri"},
        )
    ],
)
def dateline(scan: MentionScan, m: re.Match[str]) -> PlaceMention | None:
    """A wire dateline in capitals ("MAIDUGURI, Nigeria (Reuters) -") names where the report was filed."""
    name = " ".join(w.capitalize() for w in m.group("name").split())
    if scan.size(name) < 0:
        return None
    return PlaceMention(m.start("name"), m.end("name"), name, label="GAZETTEER", dateline=True)


@rule(
    "places.mention.calendar_word",
    decides="location.exists",
    positive=[
        Example(
            "NAIROBI, Nov 10 (Reuters) - Police fired tear gas at protesters in the city centre.",
            {"!location.name": "Nov", "location.name": "Nairobi"},
        )
    ],
    negative=[
        Example(
            "Police fired tear gas at protesters in Nairobi's city centre on Monday.",
            {"location.name": "Nairobi"},
        )
    ],
)
def calendar_word(m: PlaceMention) -> bool | None:
    """A month or weekday name ("Nov" in "NAIROBI, Nov 10") is a date in news text, whatever namesake a
    gazetteer holds (Nov in Tajikistan, Mai in Mali): no place."""
    word = m.name.lower().rstrip(".")
    return True if word in _CALENDAR_WORDS else None


@rule(
    "places.mention.dateline_outlet",
    decides="location.exists",
    positive=[
        Example(
            "PESHAWAR (Dawn) - Militants stormed a police post in Bannu on Monday night, police said.",
            {"!location.name": "Fajar", "location.country": "PK"},
        ),
    ],
    negative=[
        Example(
            "KYIV, Ukraine (AP) - Russian drones struck Odesa overnight, officials said.",
            {"location.name": "Odesa"},
        ),
    ],
)
def dateline_outlet(text: str, m: PlaceMention) -> bool | None:
    """The brackets of a wire dateline ("PESHAWAR (Dawn) -", "YANGON (The Irrawaddy) -") name the outlet that
    filed the report, whatever namesake a gazetteer holds ("Dawn" is also a town's English name): no place."""
    end = dateline_end(text, m.start)  # the dateline of the mention's line, if the line opens with one
    if end <= m.start:
        return None
    line = text.rfind("\n", 0, m.start) + 1  # within the dateline's reach: dateline_end found its line start
    opened = text.rfind("(", line, m.start)
    return True if opened >= 0 and text.find(")", opened, end) >= m.end else None


@rule(
    "places.mention.street_name",
    decides="location.exists",
    positive=[
        Example(
            "A truck overturned on Augusta St. in Waterford on Monday, police said.",
            {"!location.name": "Augusta", "location.name": "Waterford"},
        ),
        Example(
            "Soldiers fired on a crowd at the Kuwait roundabout south of Gaza City on Sunday.",
            {"!location.name": "Kuwait", "location.name": "Gaza"},
        ),
    ],
    negative=[
        Example(
            "A truck overturned on the road to Augusta in Waterford on Monday, police said.",
            {"location.name": "Waterford"},
        )
    ],
)
def street_name(scan: MentionScan, m: PlaceMention) -> bool | None:
    """A name followed by a street word ("Augusta St.", "Clinton Street", "Illinois Route 159") names a street
    or a road, not the place it was named after."""
    return True if scan.words.street_after.match(scan.text, m.end) else None
