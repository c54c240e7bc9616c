"""The builder's named rules: an event's date, its place when no mention gives one, and the
finishing touches of its sub-type and sides once the fatalities and claims are known.

Each ordered list reads "the first rule that applies decides" (:func:`~conflict_events.rules.first`);
:class:`~conflict_events.events.EventBuilder` copies the deciding rule's name into the event's
provenance.

Dates (:data:`DATE_RULES`): the action's own clause, else the day of its sentence (a reporting
verb's day only bounds it: the earliest short span wins), else a sentence before it, else the
time of the violent event just told (a follow-up sentence with no date of its own), else the
document's date.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from .._doccache import doc_text
from .._textscan import dateline_end
from ..lexicons import lexicon
from ..rules import Example, rule
from ..schema import Location, TimeSpan
from ._classify import territory_sub_type
from ._detect import location_rank
from ._event_mentions import EventMention
from ._merge import same_side
from ._tokens import kids, lower_text
from ._type_cluster import harm_told

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..schema import Actor, Claim

__all__ = [
    "DATE_RULES",
    "PLACE_RULES",
    "REPORT_YEAR_DAYS",
    "DateQuery",
    "PlaceQuery",
    "abduction_without_deaths",
    "after_the_report",
    "arresting_authority",
    "battle_outcome",
    "long_before_the_story",
    "one_victim",
    "recap_before_the_story",
    "shared_by_places",
    "witness_words",
    "years_before_the_report",
]

_PRECISION: Final = {"day": 0, "week": 1, "range": 2, "month": 3, "year": 4}
_STORY: Final = frozenset({"battle", "remote", "vac", "demo"})
_STORY_REACH: Final = 600  # characters: a follow-up told further on belongs to another passage
_SHORT_DAYS: Final = 7
# clauses of their own: a date inside one is not the date of a noun outside it
_CLAUSE_DEPS: Final = frozenset({"ccomp", "xcomp", "advcl", "relcl", "parataxis", "conj", "acl"})
_MAX_CLIMB: Final = 12  # a walk up the parse stops here: a malformed parse cannot make it loop


# -- dates -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateQuery:
    """One event to date: its mentions, the dates of the events told before it, the document's date."""

    mentions: Sequence[EventMention]
    story: Sequence[tuple[int, str, TimeSpan]]  # (end of the sentence, family, date), in text order
    anchor: dt.date


@rule(
    "events.date.anaphor_dates_last",
    decides="event.date",
    positive=[
        Example(
            "Five traders were killed on Sunday night when a drone of the army bombed a market in Kauru.\n\n"
            "Survivors of the attack said the dead were buried on Monday evening.",
            {"event.date.start": "2024-03-10"},
        )
    ],
    negative=[
        Example(
            "Five traders were killed when a drone of the army bombed a market in Kauru, police said on Thursday.\n\n"
            "Ten more were injured in the attack in the early hours of Wednesday, police said.",
            {"event.date.start": "2024-03-13"},
        )
    ],
)
def anaphor_dates_last(m: EventMention, ms: Sequence[EventMention]) -> bool | None:
    """A mention that refers back ("survivors of the attack said they buried the dead on Monday") does not date
    the event when the date stands in another clause than the mention's (what followed: a burial, a visit)
    and another mention's sentence gives a date. In its own clause ("injured in the attack on Wednesday") it does."""
    if not m.anaphoric or m.date is None or m.date.mention is None:
        return None
    if not any(x.date is not None and x.date_source in ("own", "sentence") and not x.anaphoric for x in ms):
        return None
    head = m.trigger.head
    doc = head.doc
    span = doc.char_span(m.date.mention.start, m.date.mention.end, alignment_mode="expand")
    if span is None:
        return None
    verb = head
    for _ in range(_MAX_CLIMB):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    tok = span.root
    if head.is_ancestor(tok):
        return None  # "the attack carried out on Monday": the noun's own phrase
    for _ in range(_MAX_CLIMB):
        if tok.i == verb.i or tok.i == head.i:
            return None
        if tok.dep_ in _CLAUSE_DEPS or tok.head.i == tok.i:
            return True
        tok = tok.head
    return None


def _spans(ms: Sequence[EventMention], source: str) -> list[TimeSpan]:
    """The dates of the mentions from ``source``; those of mentions that refer back ("the attack") only if none else."""
    dated = [m for m in ms if m.date is not None and m.date_source == source and not m.anaphoric]
    dated = dated or [m for m in ms if m.date is not None and m.date_source == source and not anaphor_dates_last(m, ms)]
    return [m.date for m in dated if m.date is not None]


def _finest(ms: Sequence[EventMention], spans: list[TimeSpan]) -> TimeSpan:
    """The most precise span, earliest of equals; a vague one yields to a day inside it that a mention gives."""
    best = min(spans, key=lambda t: (_PRECISION.get(t.precision, 5), t.start))
    if best.precision == "day":
        return best
    # "days after" and, elsewhere, "on Wednesday": the day inside the vague span wins; a day the
    # action's own clause gives beats one its sentence gives (often the reporting verb's: "said
    # Friday the attack ..." after "the ambush occurred late Thursday")
    days = sorted(
        (
            m
            for m in ms
            if m.date is not None
            and m.date_source in ("own", "sentence")
            and m.date.precision == "day"
            and best.start <= m.date.start <= best.end
        ),
        key=lambda m: m.date_source != "own",
    )
    if days and days[0].date is not None:
        return days[0].date
    return best


@rule(
    "events.date.action_clause",
    decides="event.date",
    positive=[
        Example(
            "Gunmen attacked the village of Kauru on Tuesday, killing four farmers, police said.",
            {"event.date.start": "2024-03-12"},
        )
    ],
    negative=[
        Example(
            "Gunmen attacked the village of Kauru, killing four farmers, police said.",
            {"event.date.start": "2024-03-15"},
        )
    ],
)
def action_clause(q: DateQuery) -> TimeSpan | None:
    """A date in the action's own clause or noun phrase ("attacked the village on Tuesday") dates it."""
    spans = _spans(q.mentions, "own")
    return _finest(q.mentions, spans) if spans else None


@rule(
    "events.date.reporting_day_bounds",
    decides="event.date",
    positive=[
        Example(
            "Police said on Wednesday that gunmen had killed four farmers in Kauru.",
            {"event.date.start": "2024-03-13"},
        ),
        Example(
            "The toll from the bombing of the central market in Maiduguri rose to 40 on Wednesday.",
            {"event.date.start": "2024-03-13"},
        ),
    ],
    negative=[
        Example(
            "Gunmen killed four farmers in Kauru on Wednesday, police said.",
            {"event.date.start": "2024-03-13"},
        )
    ],
)
def reporting_day_bounds(q: DateQuery) -> TimeSpan | None:
    """A short span of the action's sentence, not its clause (often a reporting verb's day), bounds it: earliest."""
    short = [t for t in _spans(q.mentions, "sentence") if (t.end - t.start).days <= _SHORT_DAYS]
    return min(short, key=lambda t: (t.start, _PRECISION.get(t.precision, 5))) if short else None


@rule(
    "events.date.sentence_span",
    decides="event.date",
    positive=[
        Example(
            "The army deployed troops into Rakhine last November after rebels attacked police posts,"
            " the minister said.",
            {"event.date.start": "2023-11-01", "event.date.precision": "month"},
        )
    ],
    negative=[
        Example(
            "Gunmen attacked the village of Kauru on Wednesday, police said.",
            {"event.date.start": "2024-03-13"},
        )
    ],
)
def sentence_span(q: DateQuery) -> TimeSpan | None:
    """A longer span of the action's sentence dates it when nothing closer does (a day inside it first)."""
    spans = _spans(q.mentions, "sentence")
    return _finest(q.mentions, spans) if spans else None


@rule(
    "events.date.earlier_sentence",
    decides="event.date",
    positive=[
        Example(
            "Tuesday was market day in Gusau. Soldiers clashed with bandits near the market.",
            {"event.date.start": "2024-03-12", "!event.date.start": "2024-03-15"},
        )
    ],
    negative=[
        Example(
            "Soldiers clashed with bandits near the market in Kauru on Tuesday.",
            {"event.date.start": "2024-03-12"},
        )
    ],
)
def earlier_sentence(q: DateQuery) -> TimeSpan | None:
    """A date carried over from an earlier sentence of the passage dates an action whose sentence has none."""
    spans = _spans(q.mentions, "context")
    return _finest(q.mentions, spans) if spans else None


@rule(
    "events.date.story_carries_over",
    decides="event.date",
    positive=[
        Example(
            "Burkina Faso's army is under pressure in the north. Jihadists attacked an army post near Djibo on"
            " Tuesday, killing 12 soldiers. The post guards the main road to the north. Many residents have fled"
            " to Ouagadougou. Army drones struck jihadist positions in the Soum province, a security source said.",
            {"event.sub_event_type": "Air/drone strike", "!event.date.start": "2024-03-15"},
        )
    ],
    negative=[
        Example(
            "Gunmen attacked the village of Kauru on Tuesday, killing four farmers.",
            {"event.date.start": "2024-03-12"},
        )
    ],
)
def story_carries_over(q: DateQuery) -> TimeSpan | None:
    """An undated action told just after a dated violent event shares its time (the story goes on)."""
    first = q.mentions[0]
    start = first.sentence.start_char
    for end, family, when in reversed(q.story):
        if end <= start and start - end < _STORY_REACH and family in _STORY:
            return when
    return None


@rule(
    "events.date.document_date",
    decides="event.date",
    positive=[Example("Gunmen killed four farmers near Kauru.", {"event.date.start": "2024-03-15"})],
    negative=[Example("Gunmen killed four farmers near Kauru on Monday.", {"event.date.start": "2024-03-11"})],
)
def document_date(q: DateQuery) -> TimeSpan | None:
    """An action nothing in the text dates is dated by the document's date."""
    default = q.mentions[0].date
    if default is not None:
        return default
    return TimeSpan(start=q.anchor, end=q.anchor, precision="day", text=None, anchor=q.anchor)


DATE_RULES: Final = (
    action_clause,
    reporting_day_bounds,
    sentence_span,
    earlier_sentence,
    story_carries_over,
    document_date,
)


BACKGROUND_DAYS: Final = 28  # a fortnight of follow-ups fits; a month before the story is its history


@rule(
    "events.detect.long_before_the_story",
    decides="event.exists",
    positive=[
        Example(
            "Gunmen killed five farmers near Gusau on Monday, police said. In March, a similar attack on a nearby"
            " village killed several people, residents said.",
            {"events": 1, "event.sub_event_type": "Attack"},
            date=dt.date(2025, 11, 19),
        ),
        Example(
            "Security forces fired tear gas at hundreds of protesters in Zahedan on Friday, rights groups said."
            " Security forces killed dozens of people in the city during protests in May 2025.",
            {"events": 1, "event.sub_event_type": "Protest with intervention"},
            date=dt.date(2025, 10, 3),
        ),
    ],
    negative=[
        Example(
            "Gunmen killed five farmers near Gusau on Monday, police said. On Saturday, gunmen abducted 20 people"
            " from a nearby village, residents said.",
            {"events": 2, "event.sub_event_type": "Abduction/forced disappearance"},
            date=dt.date(2025, 11, 19),
        ),
    ],
)
def long_before_the_story(date: TimeSpan, after_lede: bool, story_start: dt.date) -> bool | None:
    """An event told only after the lede and dated to end more than four weeks before the story's own events
    ("In March, a similar strike ...", "during protests in May") is the report's history,
    which ACLED does not code from it. ``story_start``: the latest date of the events the lede tells, else the
    first date the lede gives; an event nothing dates (``date.text`` is None) is never history."""
    if not after_lede or date.text is None:
        return None
    # the end, not the start: a range that runs up to the story ("in recent months, they are continuing") is news
    return True if (story_start - date.end).days > BACKGROUND_DAYS else None


REPORT_YEAR_DAYS: Final = 365  # news of a year and more ago is told for a trial, an anniversary, a tally


@rule(
    "events.detect.years_before_the_report",
    decides="event.exists",
    positive=[
        Example(
            "A court in Lagos on Wednesday jailed a police officer for life, ruling that he had shot dead a"
            " student during demonstrations against fuel prices in Abuja in October 2023.",
            {"!event.sub_event_type": "Peaceful protest"},
            date=dt.date(2026, 5, 20),
        ),
    ],
    negative=[
        Example(
            "Thousands of people marched in Abuja on Wednesday against fuel prices, police said.",
            {"event.sub_event_type": "Peaceful protest"},
            date=dt.date(2026, 5, 20),
        ),
    ],
)
def years_before_the_report(date: TimeSpan, report: dt.date, present: bool) -> bool | None:
    """An act dated to end more than a year before the report's own date, even in its lede ("a protester shot
    during demonstrations in June 2024" in the story of a verdict), is history the report recalls: ACLED codes an
    event from the reports of its own days. Only in a text that also tells of its own days (``present``: a time
    within the year, "on Wednesday"); a note dated only by its own old day ("On 13 August 2022, ...") is that
    day's news, whatever date it is filed under. An event nothing dates (``date.text`` is None) is never history."""
    if date.text is None or not present:
        return None
    return True if (report - date.end).days > REPORT_YEAR_DAYS else None


_RECAP_TIMES: Final = lexicon("event_context").words("recap_times")
_FORWARD_TIMES: Final = lexicon("event_context").words("forward_times")


@rule(
    "events.detect.recap_before_the_story",
    decides="event.exists",
    positive=[
        Example(
            "Gunmen killed five farmers near Gusau on Monday, police said. Earlier this month, gunmen abducted"
            " 20 people from a village in the district, residents said.",
            {"events": 1, "event.sub_event_type": "Attack"},
            date=dt.date(2025, 11, 19),
        ),
        Example(
            "Militants ambushed an army convoy near Wana on Friday, killing six soldiers, officials said. Last month,"
            " nine policemen were killed in an attack on a checkpoint in the district.",
            {"events": 1, "event.sub_event_type": "Armed clash"},
            date=dt.date(2025, 10, 12),
        ),
    ],
    negative=[
        Example(
            "Gunmen killed five farmers near Gusau on Monday, police said. On Saturday, gunmen abducted 20 people"
            " from a nearby village, residents said.",
            {"events": 2, "event.sub_event_type": "Abduction/forced disappearance"},
            date=dt.date(2025, 11, 19),
        ),
    ],
)
def recap_before_the_story(date: TimeSpan, after_lede: bool, story_start: dt.date) -> bool | None:
    """An event told only after the lede and dated only by the weeks before the story ("earlier this month",
    "last month", "in early November" for a story of December) recaps what led up to it: the report's history
    even inside four weeks. A day of its own ("on Saturday") is news told further down."""
    if not after_lede or date.text is None:
        return None
    said = date.text.lower()
    if any(phrase in said for phrase in _RECAP_TIMES):
        return True
    return True if (date.end - date.start).days > _SHORT_DAYS and date.end < story_start else None


@rule(
    "events.detect.after_the_report",
    decides="event.exists",
    positive=[
        Example(
            "Gunmen killed five farmers near Gusau on Monday, police said. Mediators from Niger and Benin are due to"
            " meet next week to sign a three-month truce, which the herders have so far rejected.",
            {"events": 1, "event.sub_event_type": "Attack"},
            date=dt.date(2025, 11, 19),
        ),
        Example(  # a calendar day after the report: what is set for it has not happened
            "Gunmen killed five farmers near Gusau on Monday, police said. A new round of talks between the herders"
            " and the state is set to open in Abuja on November 28, with a prisoner exchange on the agenda.",
            {"events": 1, "event.sub_event_type": "Attack"},
            date=dt.date(2025, 11, 19),
        ),
    ],
    negative=[
        Example(
            "Gunmen killed five farmers near Gusau on Monday, police said. Elders agreed a truce between the herders"
            " and the farmers on Tuesday.",
            {"events": 2, "event.sub_event_type": "Agreement"},
            date=dt.date(2025, 11, 19),
        ),
        Example(  # a note's own day governs it, whatever date the document was given
            "On 3 May 2024, soldiers clashed with bandits near Zurmi, the army said.",
            {"events": 1, "event.sub_event_type": "Armed clash"},
        ),
    ],
)
def after_the_report(date: TimeSpan, after_lede: bool = False) -> bool | None:
    """An event dated after the report that tells it by a phrase that looks ahead ("due to meet next week to push
    a plan for a truce") or by a day of a named month days ahead ("set to open on November 28") is a plan or a
    forecast, not something that happened (below the lede only, for the named day). A bare weekday the tagger's
    present tense sent forward ("Residents set tires on fire on Monday") is still the past day's news."""
    if date.text is None or date.start <= date.anchor:
        return None
    said = f" {date.text.lower()} "
    if any(f" {word} " in said for word in _FORWARD_TIMES):
        return True
    # a month named ("on August 27") is no weekday the tense could have sent forward: days after it, a plan.
    # Only below the lede: a note's own date ("On 3 May 2024, troops ...") governs it whatever date the
    # document was given.
    if not after_lede:
        return None
    return True if (date.start - date.anchor).days > 1 and _MONTHS & set(said.split()) else None


_MONTHS: Final = frozenset(lexicon("calendar").table("months"))


@rule(
    "events.detect.witness_words",
    decides="event.exists",
    positive=[
        Example(
            "Junta aircraft bombed a crowd at a ceremony in the village of Tabit on Tuesday, killing at least 30"
            " people, residents said.\n\nThe village lies in Kanbalu township of Sagaing region, where fighting has"
            " raged for months.\n\n“Soldiers shot at everyone who ran,” one resident said.",
            {"events": 1, "event.sub_event_type": "Air/drone strike"},
        )
    ],
    negative=[
        Example(
            "Government jets bombed a market in the village of Tabit on Tuesday, killing at least 30 people, residents"
            " said.\n\n“Gunmen attacked our village again on Thursday night,” one resident said.",
            {"events": 2, "event.sub_event_type": "Attack"},
        )
    ],
)
def witness_words(ms: Sequence[EventMention], quotes: Sequence[tuple[int, int]], lede: int) -> bool | None:
    """An event told only inside someone's quoted words after the lede, with no day and no place of its own
    ("“They shot at everyone from all angles,” a resident said"), is a witness describing the story's event,
    not another event; a quotation that dates its act ("again on Thursday night") tells one."""
    for m in ms:
        start = m.trigger.start
        inside = any(a <= start < b for a, b in quotes)
        if not inside or m.sentence.start_char < lede or m.date_source == "own" or m.location_rank == 0:
            return None
    return True


# -- places when no mention gives one ------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceQuery:
    """An event no mention places: its type, the country of its target, the document's places, where it is told."""

    etype: str
    target: str | None
    locations: Sequence[Location]
    before: int | None
    sub: str | None = None
    defender: str | None = None  # the country of the side that intercepted, for a Disrupted weapons use
    text: str = ""  # the document's text


def _mains(q: PlaceQuery) -> list[Location]:
    return [loc for loc in q.locations if loc.kind in ("admin1", "settlement", "admin2") and not loc.modifier]


def _told(q: PlaceQuery, mains: list[Location]) -> list[Location]:
    """The places named before the event's last sentence ends: the story so far."""
    before = q.before
    if before is None:
        return mains
    return [loc for loc in mains if any(x.start < before for x in loc.mentions)]


def _country(q: PlaceQuery, code: str | None) -> Location | None:
    countries = (loc for loc in q.locations if loc.kind == "country" and not loc.modifier)
    return next((loc for loc in countries if loc.country == code), None)


# a bomb carried or planted (suicide, IED, grenade) went off where the story is, not only "in Russia"
_FROM_AFAR: Final = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


@rule(
    "events.place.target_country",
    decides="event.location",
    positive=[
        Example(
            "Russia vowed a response on Sunday after Ukrainian forces fired long-range missiles at Russian troops.",
            {"event.location.name": "Russia"},
        )
    ],
    negative=[
        Example(
            "Ukrainian forces fired long-range missiles at Russian troops in Belgorod on Sunday.",
            {"event.location.name": "Belgorod"},
        ),
        Example(
            "A suicide bomber struck an army convoy on Sunday, killing six soldiers, Afghanistan's defence ministry"
            " said.",
            {"!event.location.name": "Afghanistan"},
        ),
    ],
)
def target_country(q: PlaceQuery) -> Location | None:
    """A strike from afar with no place of its own happened in its target's country, when the text names it."""
    if q.sub not in _FROM_AFAR or not q.target:
        return None
    return _country(q, q.target)


@rule(
    "events.place.later_places_country",
    decides="event.location",
    positive=[
        Example(
            "Bandits killed four farmers on Tuesday, residents said. Separately, police arrested two suspects in"
            " Kaduna, Nigeria.",
            {"event.location.name": "Nigeria"},
        )
    ],
    negative=[
        Example(
            "Police arrested two suspects in Kaduna, Nigeria, on Monday. Bandits killed four farmers on Tuesday.",
            {"event.location.name": "Kaduna"},
        )
    ],
)
def later_places_country(q: PlaceQuery) -> Location | None:
    """When only later sentences name towns, the event is placed in their country, not in a town it is not tied to."""
    mains = _mains(q)
    if q.before is None or not mains or _told(q, mains):
        return None
    later = max(mains, key=lambda loc: len(loc.mentions))
    return _country(q, later.country)


@rule(
    "events.place.story_place",
    decides="event.location",
    positive=[
        Example(
            "Residents of Gusau said the town had been calm for weeks.\n\nBandits killed four farmers on Tuesday.",
            {"event.location.name": "Gusau"},
        ),
        Example(  # the dateline's city is where the report was filed, not the story's place
            "PESHAWAR (Reuters) - Residents of Bannu said the town had been calm for weeks.\n\nHundreds of people"
            " marched on Tuesday.",
            {"event.location.name": "Bannu"},
        ),
    ],
    negative=[
        Example(
            "Gunmen killed four farmers in Kauru on Tuesday.",
            {"event.location.name": "Kauru"},
        ),
    ],
)
def story_place(q: PlaceQuery) -> Location | None:
    """An event with no place of its own happened at the story's main place so far (the most often named)."""
    mains = _mains(q)
    told = _told(q, mains) or mains
    if not told:
        return None
    text, before = q.text, q.before

    def named(loc: Location) -> int:
        # the story so far: mentions up to the event's sentence; a dateline's names where the report was filed
        return sum(1 for x in loc.mentions if (before is None or x.start < before)
                   and (not text or dateline_end(text, x.start) <= x.start))

    return max(told, key=lambda loc: (named(loc), -location_rank(loc)[0]))


@rule(
    "events.place.interception_country",
    decides="event.location",
    positive=[
        Example(
            "Guided bombs struck Kharkiv on Sunday, killing two people.\n\nUkraine's air force said it shot down"
            " 30 of 41 drones launched by Russia overnight.",
            {"event.location.name": "Ukraine"},
        )
    ],
    negative=[
        Example(
            "Air defences shot down 12 drones near Kharkiv overnight, the governor said.",
            {"event.location.name": "Kharkiv"},
        )
    ],
)
def interception_country(q: PlaceQuery) -> Location | None:
    """Weapons a national force says it intercepted, with no place named, were stopped over its country, not at
    the story's town (ACLED codes such a national count at the country, geo precision 3)."""
    if q.sub != "Disrupted weapons use" or not q.defender:
        return None
    return _country(q, q.defender)


_UNITS: Final = frozenset({"settlement", "admin2", "admin1"})  # a city may be read as its province
_FACILITY_NOUNS: Final = sorted(lexicon("event_context").words("facility_nouns"), key=len, reverse=True)
_FACILITY_AFTER: Final = re.compile(r"\s+(?:" + "|".join(map(re.escape, _FACILITY_NOUNS)) + r")s?\b", re.IGNORECASE)


@rule(
    "events.place.facility_of_a_town",
    decides="event.location",
    positive=[
        Example(
            "Workers at a Kherson factory hit by Russian bombs on Thursday said two colleagues were killed.",
            {"event.location.name": "Kherson"},
        )
    ],
    negative=[
        Example(
            "A Kherson man was killed by Russian shelling in Mykolaiv on Thursday.",
            {"event.location.name": "Mykolaiv"},
        )
    ],
)
def facility_of_a_town(q: PlaceQuery) -> Location | None:
    """An event the story places nowhere else happened at the town that names the building it hit ("a Kherson
    factory hit by bombs"): a town before a building's noun says where the building is, not whose it is."""
    if _mains(q) or not q.text:
        return None
    for loc in q.locations:
        if loc.kind in _UNITS and loc.modifier and any(_FACILITY_AFTER.match(q.text, m.end) for m in loc.mentions):
            return loc
    return None


PLACE_RULES: Final = (interception_country, target_country, later_places_country, story_place, facility_of_a_town)


# -- the sub-type and sides once the event is whole ----------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """A battle's mentions, its sub-type so far, its actor1 and its place."""

    mentions: Sequence[EventMention]
    sub: str
    actor1: Actor | None
    location: Location | None


@rule(
    "events.type.battle_outcome",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Al Shabaab fighters attacked an army base in Bulo Burde on Monday and took control of the town.",
            {"event.sub_event_type": "Non-state actor overtakes territory"},
        )
    ],
    negative=[
        Example(
            "Al Shabaab fighters attacked an army base in Bulo Burde on Monday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def battle_outcome(q: Outcome) -> str | None:
    """A change of control told anywhere in a battle types it, when the event's own side took the place (ACLED §2)."""
    ms = q.mentions
    if not any(m.cls.name == "territory" for m in ms):
        return None
    # a seizure the typing read as looting ("seized a motorbike") took no place
    taken = [
        m
        for m in ms
        if m.cls.name == "territory" and m.sub_event_type not in ("Armed clash", "Looting/property destruction")
    ]
    if q.actor1 is not None:
        # the outcome is the event's own taker's; "the military recaptured the base" after the
        # rebels' brief capture does not make the rebels' attack a government gain
        taken = [m for m in taken if m.actor1 is None or same_side(m.actor1, q.actor1)]
    if taken:
        return territory_sub_type(taken[0].actor1 or q.actor1, q.location.country if q.location else None,
                                  attempt=False)
    if q.sub != "Armed clash":
        return "Armed clash"  # only the other side's retaking: the event's own taker held nothing
    return None


@rule(
    "events.type.abduction_without_deaths",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Gunmen stormed the village of Kauru on Tuesday and abducted 12 women.",
            {"event.sub_event_type": "Abduction/forced disappearance"},
        )
    ],
    negative=[
        Example(
            "Gunmen stormed the village of Kauru on Tuesday, killing two men and abducting 12 women.",
            {"event.sub_event_type": "Attack"},
        )
    ],
)
def abduction_without_deaths(etype: str, sub: str, killed: bool, ms: Sequence[EventMention]) -> str | None:
    """A raid to take people away, with no one killed, is an abduction (spec/ACLED.md §1.5)."""
    if etype != "Violence against civilians" or sub != "Attack" or killed:
        return None
    if any(m.cls.name == "abduct" for m in ms) and not any(m.cls.name == "kill" for m in ms) and not harm_told(ms):
        return "Abduction/forced disappearance"
    return None


@rule(
    "events.sides.arresting_authority",
    decides="event.actor1",
    positive=[
        Example(
            "Sixteen suspects were arrested in Kano on Monday, the Nigerian police said.",
            {"event.actor1.name": "Police Forces of Nigeria (2023-)"},
        )
    ],
    negative=[
        Example(
            "Nigerian soldiers arrested sixteen suspects in Kano on Monday, a resident said.",
            {"event.actor1.name": "Military Forces of Nigeria (2023-)"},
        )
    ],
)
def arresting_authority(etype: str, sub: str, claims: Sequence[Claim]) -> Actor | None:
    """Arrests with no one named as making them were made by the state body that reports them."""
    if etype != "Strategic developments" or sub != "Arrests":
        return None
    return next(
        (c.claimant for c in claims if c.claimant is not None and c.claimant.kind in ("state_forces", "government")),
        None,
    )


# -- fatalities the figures do not give ------------------------------------------------------------

_VICTIM_DETERMINERS: Final = lexicon("event_context").words("victim_determiners")
_KILLING_VERBS: Final = lexicon("event_context").words("killing_verbs")


_ONE_PERSON_PRONOUNS: Final = lexicon("event_context").words("one_person_pronouns")
_DEAD_SLOTS: Final = frozenset({"acomp", "oprd", "xcomp", "advmod", "ccomp", "prep"})
_DEATH_RESULTS: Final = lexicon("event_context").words("death_result_nouns")


def _kills(head: Token) -> bool:
    """Whether a verb says its victim died: a killing verb ("executed"), or any harm "to death" ("beat him to
    death", "burned to death", "tortured to death")."""
    if head.lemma_.lower() in _KILLING_VERBS:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" and p.lemma_.lower() in _DEATH_RESULTS
                                                     for p in kids(c))
        for c in kids(head)
    )


def _another_person(c: Token) -> bool:
    """Whether a conjunct of a victim names someone else: its own determiner, possessive or number, or a pronoun."""
    if c.dep_ != "conj":
        return False
    return c.pos_ in ("PRON", "PROPN") or c.tag_ == "NNS" or any(d.dep_ in ("det", "poss", "nummod") for d in kids(c))


def _one_victim_of(head: Token) -> tuple[int, int] | None:
    """The span of the one person a killing verb acts on ("a trader", "the chief", "him"), else None."""
    for victim in kids(head):
        if victim.dep_ not in ("dobj", "obj", "nsubjpass") or any(_another_person(c) for c in kids(victim)):
            continue  # "killed him and his son": more than one ("a businessman and youth leader" is one)
        if victim.pos_ == "PRON" and victim.lower_ in _ONE_PERSON_PRONOUNS:
            return victim.idx, victim.idx + len(victim.text)
        # "killing a Palestinian": a demonym the tagger reads as a proper noun is one person too
        if victim.tag_ != "NN" and not (victim.tag_ in ("NNP", "JJ") and victim.ent_type_ == "NORP"):
            continue
        if any(d.dep_ in ("det", "nummod") and d.lower_ in _VICTIM_DETERMINERS for d in kids(victim)):
            return victim.left_edge.idx, victim.right_edge.idx + len(victim.right_edge.text)
    return None


@rule(
    "events.fatalities.one_victim",
    decides="event.fatalities",
    positive=[
        Example(
            "On 3 May 2024, gunmen killed the secretary of the local council at his home in Beledweyne.",
            {"event.fatalities.value": 1},
        ),
        Example(
            "On 3 May 2024, residents caught a suspected burglar and beat him to death in Kisumu.",
            {"event.fatalities.value": 1},
        ),
        Example(
            "On 3 May 2024, soldiers chased a motorcyclist through the market in Kaya and shot him dead.",
            {"event.fatalities.value": 1},
        ),
        Example(
            "A Houthi sniper shot dead a woman as she queued for bread in Hodeidah on Sunday, a rights group said.",
            {"event.fatalities.value": 1},
        ),
        Example(
            "On 2 December 2023, Israeli aircraft struck a house in Deir al Balah, killing a Palestinian and injuring"
            " several others.",
            {"event.fatalities.value": 1},
        ),
    ],
    negative=[
        Example(
            "On 3 May 2024, gunmen shot and wounded the secretary of the local council in Beledweyne.",
            {"!event.fatalities.value": 1},
        ),
        Example(
            "On 3 May 2024, residents caught a suspected burglar and beat him severely in Kisumu.",
            {"!event.fatalities.value": 1},
        ),
        Example(
            "A police officer shot a teenager at a checkpoint in Kisumu on Sunday, residents said.",
            {"!event.fatalities.value": 1},
        ),
    ],
)
def one_victim(ms: Sequence[EventMention]) -> tuple[int, int] | None:
    """A killing of one person ("shot and killed a trader", "a soldier was killed", "beat him to death", "shot
    dead a woman") is one death; the victim's span."""
    # a killing folded into a strike ("struck a house, killing a Palestinian") counts as the strike's own
    told = [*ms, *(a for m in ms if m.event_type != "Protests" for a in m.absorbed if a.cls.name == "kill")]
    for m in told:
        head = m.trigger.head
        if head.pos_ != "VERB" or m.event_type == "Protests":
            continue  # (a death a demonstration's report tells is its grievance or lethal force, counted apart)
        verbs = [head, *(c for c in kids(head) if c.dep_ == "conj" and c.pos_ == "VERB")]
        for verb in verbs:
            # "shot him dead": the parser hangs "dead" on the verb as a complement (or, in "shot dead a woman", as a
            # preposition that holds the victim)
            dead = next((c for c in kids(verb) if c.lower_ == "dead" and c.dep_ in _DEAD_SLOTS), None)
            if not (_kills(verb) or dead is not None):
                continue
            found = _one_victim_of(verb)
            if found is None and dead is not None:
                found = _one_victim_of(dead)
            if found is not None:
                return found
    return None


_GRIEVANCE_PREPS: Final = lexicon("event_context").words("grievance_death_prepositions")
_CAUSE_MARKS: Final = lexicon("event_context").words("cause_marks")


@rule(
    "events.fatalities.deaths_as_grievance",
    decides="event.fatalities",
    positive=[
        Example(
            "On 14 April 2024, students demonstrated in Bouafle after a student was shot and killed days earlier."
            " They threw stones at houses.",
            {"event.sub_event_type": "Violent demonstration", "event.fatalities": None},
        ),
        Example(
            "On 14 April 2024, a mob beat a soldier in Maiduguri for allegedly killing two traders.",
            {"event.sub_event_type": "Mob violence", "event.fatalities": None},
        ),
    ],
    negative=[
        Example(
            "On 14 April 2024, students demonstrated in Bouafle and police shot dead two of them.",
            {"event.fatalities.value": 2},
        )
    ],
)
def deaths_as_grievance(ms: Sequence[EventMention]) -> list[tuple[int, int]] | None:
    """Deaths told as why a crowd demonstrated or rioted ("after a student was shot dead", "over the death of two
    workers", "for allegedly killing two traders", "the families of three men who were killed") are the
    grievance, not the toll of the demonstration or riot: the spans of such clauses."""
    out: list[tuple[int, int]] = []
    for m in ms:
        if m.family != "demo":
            continue
        head = m.trigger.head
        for t in m.sentence:
            cause = (t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CAUSE_MARKS for c in kids(t))) or (
                t.dep_ in ("pobj", "pcomp") and t.head.lower_ in _GRIEVANCE_PREPS
            ) or t.dep_ == "relcl"
            if cause and not (t.left_edge.i <= head.i <= t.right_edge.i):
                out.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)))
    return out or None


_TOWNS: Final = frozenset({"settlement", "feature"})


_CONTEXT_WORDS: Final = lexicon("event_context")
_PLACE_NOUN: Final = "|".join(sorted(_CONTEXT_WORDS.words("place_heads"), key=len, reverse=True))
_LANDMARK: Final = "|".join(sorted(_CONTEXT_WORDS.words("landmark_prepositions"), key=len, reverse=True))
_ROUTE = re.compile(
    rf"\b(?:{'|'.join(sorted(_CONTEXT_WORDS.words('route_prepositions'), key=len, reverse=True))})\s+(?:the\s+)?$"
)
_PARENTHESES = re.compile(r"\([^()]*\)")
# what stands between two towns of one list: "X village (Afgooye, Lower Shabelle) and Y", "X, Y and Z"
_LISTED = re.compile(rf"\s*(?:(?:{_PLACE_NOUN})s?\s*)?(?:,\s*and|,|and|&)\s*(?:the\s+)?(?:(?:{_PLACE_NOUN})\s+of\s+)?")
# names (capitalised, with an optional place noun) listed after the last known town, to the sentence's end
_TAIL_NAME = re.compile(
    rf"(?:,\s*and|,|and|&)\s*(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*(?:\s+(?:{_PLACE_NOUN})s?)?"
)
# the rest of the last town's name ("Jiic boor village"), its admin areas in parentheses, then the listed names
_TAIL = re.compile(
    rf"(?:\s+[a-z][\w'-]*)?(?:\s+(?:{_PLACE_NOUN})s?)?\s*(?:\([^()]*\))?\s*((?:\s*{_TAIL_NAME.pattern})+)\s*[.;]?\s*"
)
# "X village near Y town": Y locates X; it is no place of the list
_NEAR = re.compile(rf"\s*(?:(?:{_PLACE_NOUN})\s+)?(?:{_LANDMARK})\s+(?:the\s+)?(?:(?:{_PLACE_NOUN})\s+of\s+)?")


def coordinated_towns(m: EventMention, location: Location, locations: Sequence[Location]) -> int:
    """How many towns the mention's sentence lists together with the event's own ("in X village and Y")."""
    sent = m.sentence
    spans = sorted(
        (x.start, x.end, loc.name)
        for loc in locations
        if loc.kind in _TOWNS
        for x in loc.mentions
        if sent.start_char <= x.start < sent.end_char
    )
    start = next((k for k, (_, _, name) in enumerate(spans) if name == location.name), None)
    if start is None:
        return 1
    text = lower_text(sent.doc)
    if _ROUTE.search(text, max(sent.start_char, spans[start][0] - 20), spans[start][0]):
        return 1  # "between Afgooye and Bali Dogle": a road between two towns is one place
    names = {location.name}
    end = spans[start][1]
    for s, e, name in spans[start + 1 :]:
        gap = _PARENTHESES.sub(" ", text[end:s])
        if _LISTED.fullmatch(gap):
            names.add(name)
        elif not _NEAR.fullmatch(gap):
            return len(names)
        end = e
    known = [x.start for loc in locations for x in loc.mentions]
    return len(names) + _unplaced_tail(doc_text(sent.doc), end, sent.end_char, known)


def _unplaced_tail(text: str, start: int, end: int, known: list[int]) -> int:
    """How many names end the list after its last known town ("X village (Afgooye, Lower Shabelle) and Y."): a
    hamlet the gazetteer does not know is still one of the places the toll is shared by; a known region or
    country after a comma ("near X village, Diyala") only locates the town."""
    found = _TAIL.fullmatch(text, start, end)
    if found is None:
        return 0
    names = list(_TAIL_NAME.finditer(text, found.start(1), found.end(1)))
    if any(n.start() <= k < n.end() for n in names for k in known):
        return 0
    return len(names)


@rule(
    "events.fatalities.shared_by_places",
    decides="event.fatalities",
    positive=[
        Example(
            "On 3 May 2024, soldiers clashed with Al Shabaab in Gayacad village and Mabaax village. Ten militants"
            " were killed.",
            {"event.fatalities.value": 5},
        ),
        Example(
            "On 3 May 2024, soldiers clashed with Al Shabaab in Gayacad village (Afgooye, Lower Shabelle) and"
            " Qoorweyn Dheer. Ten militants were killed.",
            {"event.fatalities.value": 5},
        ),
    ],
    negative=[
        Example(
            "On 3 May 2024, soldiers clashed with Al Shabaab in Gayacad village. Ten militants were killed.",
            {"event.fatalities.value": 10},
        ),
        Example(
            "On 3 May 2024, soldiers clashed with Al Shabaab in Gayacad village (Afgooye, Lower Shabelle) near"
            " the river. Ten militants were killed.",
            {"event.fatalities.value": 10},
        ),
        Example(
            "On 3 May 2024, gunmen attacked travellers near Gayacad village, Lower Shabelle. Ten people were killed.",
            {"event.fatalities.value": 10},
        ),
    ],
)
def shared_by_places(rep: EventMention, location: Location, locations: Sequence[Location], value: int) -> int | None:
    """A toll for an action in several towns named together is shared among them, the first town's share rounded
    up (ACLED codes one event per town and divides the toll, the remainder to the first; spec/ACLED.md §5 rule 4)."""
    if location.kind not in _TOWNS or value < 1:
        return None
    towns = coordinated_towns(rep, location, locations)
    return math.ceil(value / towns) if towns > 1 else None
