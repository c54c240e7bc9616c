"""Every record survives a JSON round trip, and every invariant of the schema rejects bad input."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from conflict_events.schema import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    Actor,
    Claim,
    Decision,
    Document,
    Event,
    ExtractionResult,
    ExtractionWarning,
    Figure,
    Location,
    PipelineStep,
    Span,
    TimeSpan,
    json_schema_of,
)
from conflict_events.schema._types import ACTOR_KINDS

DATE = dt.date(2025, 1, 5)
TEXT = "Russian forces shelled Kharkiv on Sunday, killing 3 civilians, the governor said."

ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
words = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
country = st.from_regex(r"\A[A-Z]{2}\Z")
small = st.integers(min_value=0, max_value=1_000_000)


@st.composite
def spans(draw: st.DrawFn, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span.of(text, start, end)


@st.composite
def time_spans(draw: st.DrawFn, text: str) -> TimeSpan:
    start = draw(dates)
    end = start + dt.timedelta(days=draw(st.integers(0, 400)))
    mention = draw(st.none() | spans(text))
    return TimeSpan(
        start=start, end=end, precision=draw(st.sampled_from(["day", "week", "month", "year", "range"])),
        text=None if mention is None else draw(words), anchor=draw(dates), mention=mention,
    )


@st.composite
def actors(draw: st.DrawFn, text: str, actor_id: str) -> Actor:
    return Actor(id=actor_id, name=draw(words), kind=draw(st.sampled_from(ACTOR_KINDS)),
                 country=draw(st.none() | country), affiliation=draw(st.none() | words),
                 mentions=tuple(draw(st.lists(spans(text), max_size=3))))


@st.composite
def locations(draw: st.DrawFn, text: str, loc_id: str) -> Location:
    coords = draw(st.none() | st.tuples(st.floats(-90, 90), st.floats(-180, 180)))
    return Location(
        id=loc_id, name=draw(words),
        kind=draw(st.sampled_from(["settlement", "admin2", "admin1", "country", "region", "feature"])),
        country=draw(st.none() | country), admin1=draw(st.none() | words), admin2=draw(st.none() | words),
        latitude=None if coords is None else coords[0], longitude=None if coords is None else coords[1],
        geo_precision=draw(st.sampled_from([1, 2, 3])), gazetteer_id=draw(st.none() | words),
        mentions=tuple(draw(st.lists(spans(text), max_size=2))),
    )


@st.composite
def figures(draw: st.DrawFn, text: str, subjects: list[str]) -> Figure:
    low = draw(st.none() | small)
    value = draw(st.none() | st.integers(min_value=low or 0, max_value=2_000_000))
    floor = max(v for v in (low, value, 0) if v is not None)
    high = draw(st.none() | st.integers(min_value=floor, max_value=3_000_000))
    return Figure(
        category=draw(st.sampled_from(["killed", "wounded", "captured", "missing", "casualties", "personnel",
                                       "equipment", "other"])),
        item=draw(st.none() | words), value=value, low=low, high=high, approximate=draw(st.booleans()),
        subject=draw(st.none() | st.sampled_from(subjects)) if subjects else None, text=draw(spans(text)),
    )


@st.composite
def results(draw: st.DrawFn) -> ExtractionResult:
    """A whole valid result: every span is a slice of the text, every reference resolves."""
    text = draw(st.text(max_size=120))
    doc = Document(id=draw(ids), text=text, date=draw(dates), title=draw(st.none() | words),
                   source=draw(st.none() | words), url=draw(st.none() | words))
    actor_list = [draw(actors(text, f"a{i}")) for i in range(draw(st.integers(0, 3)))]
    loc_list = [draw(locations(text, f"l{i}")) for i in range(draw(st.integers(0, 2)))]
    actor_ids = [a.id for a in actor_list]
    n_events, n_claims = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    event_ids, claim_ids = [f"e{i}" for i in range(n_events)], [f"c{i}" for i in range(n_claims)]
    maybe_actor = st.none() | st.sampled_from(actor_list) if actor_list else st.none()
    maybe_loc = st.none() | st.sampled_from(loc_list) if loc_list else st.none()
    claims = [
        Claim(id=cid, claimant=draw(maybe_actor), cue=draw(words),
              kind=draw(st.sampled_from(["event", "casualties", "losses", "territory", "threat", "intent",
                                         "statement"])),
              text=draw(spans(text)), sentence=draw(spans(text)), quote=draw(st.booleans()),
              hedged=draw(st.booleans()), negated=draw(st.booleans()), aggregate=draw(st.booleans()),
              figures=tuple(draw(st.lists(figures(text, actor_ids), max_size=2))),
              time=draw(st.none() | time_spans(text)), location=draw(maybe_loc),
              event_ids=tuple(draw(st.lists(st.sampled_from(event_ids), max_size=2, unique=True)))
              if event_ids else (), cue_span=draw(st.none() | spans(text)))
        for cid in claim_ids
    ]
    events = []
    for eid in event_ids:
        event_type = draw(st.sampled_from(EVENT_TYPES))
        events.append(Event(
            id=eid, document_id=doc.id, event_type=event_type,
            sub_event_type=draw(st.sampled_from(SUB_EVENT_TYPES[event_type])),
            trigger=draw(spans(text)), sentence=draw(spans(text)), date=draw(time_spans(text)),
            location=draw(maybe_loc), actor1=draw(maybe_actor), actor2=draw(maybe_actor),
            assoc_actors=tuple(draw(st.lists(st.sampled_from(actor_list), max_size=2))) if actor_list else (),
            fatalities=draw(st.none() | figures(text, actor_ids)),
            figures=tuple(draw(st.lists(figures(text, actor_ids), max_size=2))),
            claim_ids=tuple(draw(st.lists(st.sampled_from(claim_ids), max_size=2, unique=True)))
            if claim_ids else (),
            civilian_targeting=draw(st.booleans()), confidence=draw(st.floats(0, 1)), extractor=draw(words),
        ))
    times = sorted((t for t in draw(st.lists(time_spans(text), max_size=3)) if t.mention is not None),
                   key=lambda t: (t.mention.start, t.mention.end) if t.mention else (0, 0))
    warnings = [ExtractionWarning(code=draw(words), message=draw(words), extractor=draw(st.none() | words),
                                  span=draw(st.none() | spans(text))) for _ in range(draw(st.integers(0, 2)))]
    return ExtractionResult(
        document=doc, events=tuple(events), claims=tuple(claims), actors=tuple(actor_list),
        locations=tuple(loc_list), times=tuple(times), warnings=tuple(warnings),
        pipeline=(PipelineStep(name="x.v1", version="1"),),
    )


@settings(max_examples=60, deadline=None)
@given(results())
def test_result_round_trips_through_json(result: ExtractionResult) -> None:
    line = result.model_dump_json()
    assert "\n" not in line
    again = ExtractionResult.model_validate_json(line)
    assert again == result
    assert ExtractionResult.model_validate(json.loads(line)) == result


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_each_model_round_trips(data: st.DataObject) -> None:
    text = data.draw(st.text(max_size=60))
    for model in (data.draw(spans(text)), data.draw(time_spans(text)), data.draw(actors(text, "a")),
                  data.draw(locations(text, "l")), data.draw(figures(text, []))):
        assert type(model).model_validate_json(model.model_dump_json()) == model


def test_json_schema_is_draft_2020_12() -> None:
    schema = json_schema_of(ExtractionResult)
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"document", "events", "claims"} <= set(schema["properties"])


# -- each invariant rejects bad input ------------------------------------------------------------------------

def _doc(text: str = TEXT) -> Document:
    return Document(id="d1", text=text, date=DATE)


def _event(**over: Any) -> Event:
    fields: dict[str, Any] = dict(
        id="e1", document_id="d1", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", trigger=Span.of(TEXT, 15, 22),
        sentence=Span.of(TEXT, 0, len(TEXT)),
        date=TimeSpan(start=DATE, end=DATE, precision="day", anchor=DATE, text="on Sunday",
                      mention=Span.of(TEXT, 31, 40)),
        confidence=0.9, extractor="test",
    )
    fields.update(over)
    return Event(**fields)


def test_a_valid_result_passes() -> None:
    ExtractionResult(document=_doc(), events=(_event(),))


def test_span_text_must_match_its_length() -> None:
    with pytest.raises(ValidationError, match="length"):
        Span(text="abc", start=0, end=5)


def test_span_start_after_end_is_rejected() -> None:
    with pytest.raises(ValidationError, match="after its end"):
        Span(text="", start=5, end=3)


def test_span_must_match_the_document_text() -> None:
    wrong = Span(text="Kyiv", start=0, end=4)
    with pytest.raises(ValidationError, match="does not match the document text"):
        ExtractionResult(document=_doc(), events=(_event(trigger=wrong),))


def test_span_beyond_the_text_is_rejected() -> None:
    beyond = Span(text="x" * 5, start=len(TEXT), end=len(TEXT) + 5)
    with pytest.raises(ValidationError, match="does not match"):
        ExtractionResult(document=_doc(), events=(_event(trigger=beyond),))


def test_a_claims_cue_span_is_checked_against_the_text() -> None:
    whole = Span.of(TEXT, 0, len(TEXT))
    claim = Claim(id="c1", cue="say", kind="statement", text=whole, sentence=whole, cue_span=Span.of(TEXT, 15, 22))
    assert ExtractionResult(document=_doc(), claims=(claim,)).claims[0].cue_span == Span.of(TEXT, 15, 22)
    wrong = claim.model_copy(update={"cue_span": Span(text="Kyiv", start=0, end=4)})
    with pytest.raises(ValidationError, match="cue_span"):
        ExtractionResult(document=_doc(), claims=(wrong,))


def test_sub_event_type_must_belong_to_event_type() -> None:
    with pytest.raises(ValidationError, match="does not belong"):
        _event(event_type="Battles", sub_event_type="Air/drone strike")


def test_unknown_event_type_is_rejected() -> None:
    with pytest.raises(ValidationError):
        _event(event_type="Bombing")


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 0.0), (-90.5, 0.0), (0.0, 180.5), (0.0, -181.0)])
def test_coordinates_out_of_range_are_rejected(lat: float, lon: float) -> None:
    with pytest.raises(ValidationError):
        Location(id="l", name="X", kind="settlement", latitude=lat, longitude=lon, geo_precision=1)


def test_half_a_coordinate_is_rejected() -> None:
    with pytest.raises(ValidationError, match="both"):
        Location(id="l", name="X", kind="settlement", latitude=10.0, geo_precision=1)


@pytest.mark.parametrize(("low", "value", "high"), [(10, 5, None), (None, 20, 10), (15, None, 10)])
def test_figure_bounds_are_ordered(low: int | None, value: int | None, high: int | None) -> None:
    with pytest.raises(ValidationError):
        Figure(category="killed", low=low, value=value, high=high, text=Span.of(TEXT, 50, 51))


def test_negative_figures_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Figure(category="killed", value=-1, text=Span.of(TEXT, 50, 51))


def test_time_span_start_after_end_is_rejected() -> None:
    with pytest.raises(ValidationError, match="after its end"):
        TimeSpan(start=DATE, end=DATE - dt.timedelta(days=1), precision="range", anchor=DATE)


def test_country_must_be_alpha_2() -> None:
    with pytest.raises(ValidationError):
        Actor(id="a", name="Military Forces of Ukraine", kind="state_forces", country="UKR")


@pytest.mark.parametrize("field", ["claim_ids", "actor", "location", "figure_subject"])
def test_unknown_id_references_are_rejected(field: str) -> None:
    actor = Actor(id="a1", name="Military Forces of Russia", kind="state_forces")
    loc = Location(id="l1", name="Kharkiv", kind="settlement", geo_precision=1)
    fig = Figure(category="killed", value=3, subject="a9", text=Span.of(TEXT, 50, 51))
    event = {
        "claim_ids": _event(claim_ids=("c9",)),
        "actor": _event(actor1=actor),
        "location": _event(location=loc),
        "figure_subject": _event(fatalities=fig),
    }[field]
    with pytest.raises(ValidationError, match="not in the result"):
        ExtractionResult(document=_doc(), events=(event,))


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(ValidationError, match="duplicate event id"):
        ExtractionResult(document=_doc(), events=(_event(), _event()))


def test_event_must_name_its_document() -> None:
    with pytest.raises(ValidationError, match="names document"):
        ExtractionResult(document=_doc(), events=(_event(document_id="other"),))


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Document.model_validate({"id": "d", "text": "", "date": "2025-01-05", "lang": "en"})


def test_models_are_frozen() -> None:
    doc = _doc()
    with pytest.raises(ValidationError):
        doc.id = "other"  # type: ignore[misc]


def test_span_of_equals_a_validated_span_and_rejects_bad_offsets() -> None:
    text = "Shelling hit Izium."
    assert Span.of(text, 13, 18) == Span(text="Izium", start=13, end=18)
    assert Span.model_validate_json(Span.of(text, 0, 8).model_dump_json()) == Span.of(text, 0, 8)
    for start, end in ((5, 4), (-1, 3), (10, 40)):
        with pytest.raises(ValueError, match="not inside"):
            Span.of(text, start, end)


# -- the shortcuts of Span.of and Decision.of (made without pydantic's validation) -----------------


@given(st.text(max_size=40), st.data())
def test_span_of_is_the_validated_span(text: str, data: st.DataObject) -> None:
    """Span.of builds spans without validating them: each must be the very span validation makes."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    made = Span.of(text, start, end)
    validated = Span(text=text[start:end], start=start, end=end)
    assert made == validated
    assert made.model_dump() == validated.model_dump()
    assert made.model_fields_set == validated.model_fields_set
    assert made.model_dump_json(exclude_unset=True) == validated.model_dump_json(exclude_unset=True)
    assert hash(made) == hash(validated)
    with pytest.raises(ValidationError):
        made.start = 0  # type: ignore[misc]  # frozen like a validated one


def test_span_of_validates_what_it_cannot_vouch_for() -> None:
    """Offsets that are not plain ints go through validation (a bool is refused, as the model refuses it)."""
    with pytest.raises(ValueError):
        Span.of(TEXT, -1, 3)
    with pytest.raises(ValueError):
        Span.of(TEXT, 3, len(TEXT) + 1)
    assert Span.of(TEXT, True, 3) == Span(text=TEXT[1:3], start=True, end=3)  # the model's own coercion
    assert type(Span.of(TEXT, True, 3).start) is int


def test_decision_of_is_shared_and_validated() -> None:
    assert Decision.of("value", "time.day.weekday") is Decision.of("value", "time.day.weekday")
    assert Decision.of("value", "time.day.weekday") == Decision(field="value", rule="time.day.weekday")
    with pytest.raises(ValidationError):
        Decision.of("value", "")  # an empty rule name is refused, as by Decision(...)
