"""Phrase canonicalisation, as the claims and events extractors use it."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events.actors import ActorResolver
from conflict_events.draft import Draft
from conflict_events.extractors.actors import resolve_actor_phrase
from conflict_events.schema import Actor, Document, Location, Span


@pytest.mark.parametrize(
    ("phrase", "name", "country"),
    [
        ("the Russian Ministry of Defence", "Ministry of Defence of Russia", "RU"),
        ("Russia's Defense Ministry", "Ministry of Defence of Russia", "RU"),
        ("the Russian Defence Ministry", "Ministry of Defence of Russia", "RU"),
        (
            "Somalia's National Intelligence and Security Agency",
            "Military Forces of Somalia (2022-)",
            "SO",
        ),
        (
            "Ukraine's National Security and Defense Council",
            "National Security and Defense Council of Ukraine",
            "UA",
        ),
        ("Kyiv", "Government of Ukraine", "UA"),
        ("Moscow", "Government of Russia", "RU"),
        ("the Sudanese Armed Forces", "Military Forces of Sudan (2019-)", "SD"),
        ("the IDF", "Military Forces of Israel (2022-)", "IL"),
        ("the Tatmadaw", "Military Forces of Myanmar (2021-)", "MM"),
        ("the Houthis", "Military Forces of Yemen (2017-) Houthi", "YE"),
        ("UNICEF", "UNICEF: United Nations Children's Fund", None),
        ("Ukrainian forces", "Military Forces of Ukraine (2019-)", "UA"),
        ("Somali police", "Police Forces of Somalia (2022-)", "SO"),
        ("Chad's National Guard", "Military Forces of Chad (2021-) National Guard", "TD"),
    ],
)
def test_phrases_resolve_to_canonical_names(phrase: str, name: str, country: str | None) -> None:
    ref = ActorResolver(on=dt.date(2024, 3, 24)).phrase(phrase)
    assert ref is not None and (ref.name, ref.country) == (name, country)


def test_generic_phrases_take_the_home_country() -> None:
    r = ActorResolver(on=dt.date(2019, 5, 12), home="NG")
    assert r.phrase("unknown gunmen").name == "Unidentified Armed Group (Nigeria)"  # type: ignore[union-attr]
    assert r.phrase("hospital sources").kind == "organization"  # type: ignore[union-attr]
    assert r.phrase("witnesses").name == "Witnesses (Nigeria)"  # type: ignore[union-attr]
    assert r.phrase("the protesters").name == "Protesters (Nigeria)"  # type: ignore[union-attr]
    assert r.phrase("Ukraine's Foreign Minister") is None


def draft_with(text: str, date: dt.date, places: dict[str, str]) -> Draft:
    draft = Draft(Document(id="t", text=text, date=date))
    for i, (place, code) in enumerate(places.items()):
        start = text.index(place)
        draft.locations.append(
            Location(
                id=f"l{i}",
                name=place,
                kind="settlement",
                country=code,
                geo_precision=1,
                mentions=(Span.of(text, start, start + len(place)),),
            )
        )
    return draft


def test_resolve_actor_phrase_prefers_the_drafts_actor() -> None:
    text = "Gunmen attacked Magami village."
    draft = draft_with(text, dt.date(2018, 12, 24), {"Magami": "NG"})
    known = Actor(
        id="actor-x",
        name="Unidentified Armed Group (Nigeria)",
        kind="political_militia",
        country="NG",
        mentions=(Span.of(text, 0, 6),),
    )
    draft.actors.append(known)
    assert resolve_actor_phrase("Gunmen", draft) is known  # by mention text
    assert resolve_actor_phrase("bandits", draft) is known  # by canonical name, home country from the places
    fresh = resolve_actor_phrase("Nigerian police", draft)
    assert (
        fresh is not None
        and fresh.name == "Police Forces of Nigeria (2015-2023)"
        and fresh not in draft.actors
    )
    assert fresh.id == draft.new_id("actor", fresh.name)
