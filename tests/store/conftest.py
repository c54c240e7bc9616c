"""Reports written for the store's tests, built straight into extraction results, and stores to put them in.

Every report here is a sentence or two written for these tests in the style of wire copy; none
comes from the development sets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pytest

from conflict_events.schema import (
    Actor,
    Claim,
    Document,
    Event,
    ExtractionResult,
    Figure,
    Location,
    Span,
    TimeSpan,
    event_type_of,
)


@dataclass
class Ev:
    """One event of a report: the trigger word in the text and what the extraction found."""

    trigger: str
    sub_type: str
    day: dt.date | None = None  # None: the text gives no date (the publication day, defaulted)
    when: str | None = None  # the date expression, when it is in the text
    precision: str = "day"
    end: dt.date | None = None
    place: tuple[str, str, str, str | None, float | None, float | None] | None = None
    actor1: tuple[str, str] | None = None
    actor2: tuple[str, str] | None = None
    toll: int | None = None
    confidence: float = 0.8
    civilian: bool = False


def _find(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def _event(doc: Document, i: int, ev: Ev, places: dict[str, Location], people: dict[str, Actor]
           ) -> tuple[Event, list[Claim]]:
    text = doc.text
    if ev.day is None:
        date = TimeSpan(start=doc.date, end=doc.date, precision="range", anchor=doc.date)
    else:
        mention = _find(text, ev.when) if ev.when and ev.when in text else None
        date = TimeSpan(start=ev.day, end=ev.end or ev.day, precision=ev.precision,  # type: ignore[arg-type]
                        text=ev.when or ev.day.isoformat(), anchor=doc.date, mention=mention)
    location = None
    if ev.place is not None:
        name, kind, country, admin1, lat, lon = ev.place
        location = places.setdefault(name, Location(
            id=f"l{len(places) + 1}", name=name, kind=kind, country=country, admin1=admin1, latitude=lat,  # type: ignore[arg-type]
            longitude=lon, geo_precision=1 if lat is not None else 3,
            mentions=(_find(text, name),) if name in text else ()))
    sides = []
    for side in (ev.actor1, ev.actor2):
        if side is None:
            sides.append(None)
            continue
        kind, name = side
        sides.append(people.setdefault(name, Actor(id=f"a{len(people) + 1}", name=name, kind=kind)))  # type: ignore[arg-type]
    trigger = _find(text, ev.trigger)
    fatalities = None
    claims: list[Claim] = []
    event_id = f"e{i}"
    if ev.toll is not None:
        number = str(ev.toll)
        span = _find(text, number) if number in text else trigger
        fatalities = Figure(category="killed", value=ev.toll, low=ev.toll, text=span)
        claims.append(Claim(id=f"c{i}", cue="say", kind="casualties", text=Span.of(text, 0, len(text)),
                            sentence=Span.of(text, 0, len(text)), figures=(fatalities,), event_ids=(event_id,)))
    event = Event(id=event_id, document_id=doc.id, event_type=event_type_of(ev.sub_type),  # type: ignore[arg-type]
                  sub_event_type=ev.sub_type, trigger=trigger, sentence=Span.of(text, 0, len(text)), date=date,
                  location=location, actor1=sides[0], actor2=sides[1], fatalities=fatalities,
                  claim_ids=tuple(c.id for c in claims), civilian_targeting=ev.civilian,
                  confidence=ev.confidence, extractor="tests")
    return event, claims


def make_report(doc_id: str, published: dt.date, text: str, events: list[Ev], *, source: str | None = None,
                url: str | None = None) -> ExtractionResult:
    """An extraction result for a report written here, with the events given."""
    doc = Document(id=doc_id, text=text, date=published, source=source, url=url)
    places: dict[str, Location] = {}
    people: dict[str, Actor] = {}
    built = [_event(doc, i, ev, places, people) for i, ev in enumerate(events, start=1)]
    return ExtractionResult(document=doc, events=tuple(e for e, _ in built),
                            claims=tuple(c for _, cs in built for c in cs), actors=tuple(people.values()),
                            locations=tuple(places.values()))


@pytest.fixture()
def report() -> Callable[..., ExtractionResult]:
    return make_report


@pytest.fixture()
def ev() -> type[Ev]:
    """The class of a report's event, for tests that write their own reports."""
    return Ev


# Places of the scenarios (coordinates rounded from public gazetteers).
KUPIANSK = ("Kupiansk", "settlement", "UA", "Kharkiv", 49.71, 37.61)
IZIUM = ("Izium", "settlement", "UA", "Kharkiv", 49.21, 37.26)
KHARKIV_OBLAST = ("Kharkiv Oblast", "admin1", "UA", "Kharkiv", None, None)
UKRAINE = ("Ukraine", "country", "UA", None, None, None)
KRAMATORSK = ("Kramatorsk", "settlement", "UA", "Donetsk", 48.72, 37.56)
DJIBO = ("Djibo", "settlement", "BF", "Sahel", 14.10, -1.63)
ARBINDA = ("Arbinda", "settlement", "BF", "Sahel", 14.23, -0.87)
KAYA = ("Kaya", "settlement", "BF", "Centre-Nord", 13.09, -1.08)
TILLABERI = ("Tillaberi", "settlement", "NE", "Tillaberi", 14.21, 1.45)

RUSSIA = ("state_forces", "Military Forces of Russia (2000-)")
UKRAINE_CIVILIANS = ("civilians", "Civilians (Ukraine)")
GUNMEN_BF = ("rebel_group", "Unidentified Armed Group (Burkina Faso)")
JNIM = ("rebel_group", "JNIM: Group for Support of Islam and Muslims")
BF_CIVILIANS = ("civilians", "Civilians (Burkina Faso)")


@dataclass
class Scenario:
    """Reports of a few happenings, with which reports are the same one."""

    results: list[ExtractionResult] = field(default_factory=list)
    same: dict[str, str] = field(default_factory=dict)  # document id -> happening


def _scenario() -> Scenario:
    s = Scenario()
    d = dt.date

    def add(happening: str, result: ExtractionResult) -> None:
        s.results.append(result)
        s.same[result.document.id] = happening

    # A missile strike on Kupiansk reported three times, with tolls that grow.
    add("kupiansk", make_report(
        "wire-kupiansk", d(2025, 3, 9), "A Russian missile struck the centre of Kupiansk on Sunday, killing 4 "
        "people, the regional governor said.",
        [Ev("struck", "Shelling/artillery/missile attack", d(2025, 3, 9), "on Sunday", place=KUPIANSK,
            actor1=RUSSIA, actor2=UKRAINE_CIVILIANS, toll=4)], source="Wire One"))
    add("kupiansk", make_report(
        "daily-kupiansk", d(2025, 3, 10), "The toll from Sunday's strike on Kupiansk rose to 7, officials in "
        "Kharkiv Oblast said.",
        [Ev("strike", "Air/drone strike", None, place=KHARKIV_OBLAST, actor1=RUSSIA, toll=7)],
        source="Daily Two"))
    add("kupiansk", make_report(
        "weekly-kupiansk", d(2025, 3, 14), "Last week a missile attack on Kupiansk killed 7 people.",
        [Ev("attack", "Shelling/artillery/missile attack", d(2025, 3, 3), "Last week", precision="week",
            end=d(2025, 3, 9), place=KUPIANSK, toll=7)], source="Weekly Three"))
    # Another strike on the same town three days later: another event.
    add("kupiansk-2", make_report(
        "wire-kupiansk-2", d(2025, 3, 12), "Russian shelling hit Kupiansk again on Wednesday, wounding two "
        "residents.",
        [Ev("shelling", "Shelling/artillery/missile attack", d(2025, 3, 12), "on Wednesday", place=KUPIANSK,
            actor1=RUSSIA)], source="Wire One"))
    # A massacre in the Sahel reported by two outlets, one naming the group, one not.
    add("djibo", make_report(
        "wire-djibo", d(2025, 5, 4), "Gunmen killed 30 villagers near Djibo late on Saturday, security sources "
        "said.",
        [Ev("killed", "Attack", d(2025, 5, 3), "late on Saturday", place=DJIBO, actor1=GUNMEN_BF,
            actor2=BF_CIVILIANS, toll=30, civilian=True)], source="Wire One"))
    add("djibo", make_report(
        "radio-djibo", d(2025, 5, 6), "JNIM fighters attacked villagers around Djibo at the weekend, killing 41.",
        [Ev("attacked", "Attack", d(2025, 5, 3), "at the weekend", precision="week", end=d(2025, 5, 4),
            place=DJIBO, actor1=JNIM, actor2=BF_CIVILIANS, toll=41, civilian=True)], source="Radio Four"))
    # A protest in Kaya the same day: not the massacre.
    add("kaya-protest", make_report(
        "wire-kaya", d(2025, 5, 3), "Hundreds of residents protested in Kaya on Saturday against the insecurity.",
        [Ev("protested", "Peaceful protest", d(2025, 5, 3), "on Saturday", place=KAYA,
            actor1=("protesters", "Protesters (Burkina Faso)"))], source="Wire One"))
    return s


@pytest.fixture()
def scenario() -> Scenario:
    return _scenario()


@pytest.fixture()
def parts() -> SimpleNamespace:
    """The builder's pieces, for tests that write their own reports (conftest is not importable)."""
    return SimpleNamespace(Ev=Ev, report=make_report, KUPIANSK=KUPIANSK, IZIUM=IZIUM, UKRAINE=UKRAINE,
                           KHARKIV_OBLAST=KHARKIV_OBLAST, KRAMATORSK=KRAMATORSK, DJIBO=DJIBO, ARBINDA=ARBINDA,
                           KAYA=KAYA, TILLABERI=TILLABERI, RUSSIA=RUSSIA, UKRAINE_CIVILIANS=UKRAINE_CIVILIANS,
                           GUNMEN_BF=GUNMEN_BF, JNIM=JNIM, BF_CIVILIANS=BF_CIVILIANS)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh store: an SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        return str(tmp_path / "events.sqlite")
    url: str = request.getfixturevalue("postgres_url")
    return url

