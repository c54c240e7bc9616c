"""A hand-made extraction result with every kind of record, overlapping spans and HTML-special text."""

from __future__ import annotations

import datetime as dt

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
)

TEXT = (
    "Ukraine's army attacked Russian positions near Berdin in Kursk region on Sunday, "
    "Russia's defence ministry said, adding that it had destroyed two tanks. "
    'Ukrainian officials reportedly claimed "more than 40 <enemy> soldiers" were killed & wounded '
    "in Sudzha over the past day."
)


def span(text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span.of(TEXT, start, start + len(text))


def sentence(i: int) -> Span:
    starts = [0, TEXT.index("Ukrainian officials")]
    ends = [starts[1] - 1, len(TEXT)]
    return Span.of(TEXT, starts[i], ends[i])


@pytest.fixture
def result() -> ExtractionResult:
    doc = Document(id="kursk-demo", text=TEXT, date=dt.date(2025, 1, 5), title="Kursk <demo> & co",
                   source="Example Post")  # fmt: skip
    ua = Actor(id="ua", name="Military Forces of Ukraine (2019-)", kind="state_forces", country="UA",
               mentions=(span("Ukraine's army"),))  # fmt: skip
    ru = Actor(id="ru", name="Military Forces of Russia (2000-)", kind="state_forces", country="RU",
               mentions=(span("Russian positions"),))  # fmt: skip
    mod = Actor(id="mod", name="Ministry of Defence of Russia", kind="government", country="RU",
                mentions=(span("Russia's defence ministry"),))  # fmt: skip
    officials = Actor(id="uaofficials", name="Government of Ukraine", kind="government", country="UA",
                      mentions=(span("Ukrainian officials"),))  # fmt: skip
    berdin = Location(id="berdin", name="Berdin", kind="settlement", country="RU", admin1="Kursk",
                      latitude=51.3497, longitude=35.2206, geo_precision=1,
                      mentions=(span("Berdin"),))  # fmt: skip
    kursk = Location(id="kursk", name="Kursk Oblast", kind="admin1", country="RU", latitude=51.73,
                     longitude=36.19, geo_precision=3, mentions=(span("Kursk region"),))  # fmt: skip
    sudzha = Location(id="sudzha", name="Sudzha", kind="settlement", country="RU", admin1="Kursk",
                      latitude=51.1906, longitude=35.2708, geo_precision=1,
                      mentions=(span("Sudzha"),))  # fmt: skip
    sunday = TimeSpan(start=doc.date, end=doc.date, precision="day", text="on Sunday", anchor=doc.date,
                      mention=span("on Sunday"))  # fmt: skip
    past_day = TimeSpan(start=dt.date(2025, 1, 4), end=doc.date, precision="range", text="over the past day",
                        anchor=doc.date, mention=span("over the past day"))  # fmt: skip
    tanks = Figure(category="equipment", item="tank", value=2, subject="ua", text=span("two tanks"))
    soldiers = Figure(
        category="casualties", low=40, approximate=True, subject="ru", text=span("more than 40")
    )
    battle = Event(
        id="kursk-demo-e1", document_id=doc.id, event_type="Battles", sub_event_type="Armed clash",
        trigger=span("attacked"), sentence=sentence(0), date=sunday, location=berdin, actor1=ua, actor2=ru,
        figures=(tanks,), claim_ids=("c1",), confidence=0.8, extractor="demo",
    )  # fmt: skip
    sudzha_clash = Event(
        id="kursk-demo-e2", document_id=doc.id, event_type="Battles", sub_event_type="Armed clash",
        trigger=span("killed"), sentence=sentence(1), date=past_day, location=sudzha, actor1=ua, actor2=ru,
        claim_ids=("c2",), confidence=0.4, extractor="demo",
    )  # fmt: skip
    c1 = Claim(id="c1", claimant=mod, cue="say", kind="event",
               text=Span.of(TEXT, 0, TEXT.index(", Russia's")), sentence=sentence(0),
               time=sunday, location=berdin, event_ids=("kursk-demo-e1",))  # fmt: skip
    c2 = Claim(id="c2", claimant=officials, cue="claim", kind="casualties",
               text=span('"more than 40 <enemy> soldiers" were killed & wounded in Sudzha'),
               sentence=sentence(1), quote=True, hedged=True, aggregate=True, figures=(soldiers,),
               time=past_day, event_ids=("kursk-demo-e2",))  # fmt: skip
    return ExtractionResult(
        document=doc, events=(battle, sudzha_clash), claims=(c1, c2), actors=(ua, ru, mod, officials),
        locations=(berdin, kursk, sudzha), times=(sunday, past_day),
    )  # fmt: skip
