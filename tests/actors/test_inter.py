"""ACLED inter codes: state forces abroad are external forces."""

from __future__ import annotations

from conflict_events.actors import acled_inter_code, interaction_code
from conflict_events.schema import Actor


def actor(name: str, kind: str, country: str | None) -> Actor:
    return Actor(id="a-" + name[:5].lower().replace(" ", ""), name=name, kind=kind, country=country)  # type: ignore[arg-type]


def test_state_forces_abroad_are_external() -> None:
    russia = actor("Military Forces of Russia (2000-)", "state_forces", "RU")
    ukraine = actor("Military Forces of Ukraine (2019-)", "state_forces", "UA")
    assert acled_inter_code(russia, "UA") == 8 and acled_inter_code(ukraine, "UA") == 1
    # an incursion into Kursk: the roles swap
    assert acled_inter_code(ukraine, "RU") == 8 and acled_inter_code(russia, "RU") == 1
    # Saudi jets over Yemen
    assert acled_inter_code(actor("Military Forces of Saudi Arabia (2015-)", "state_forces", "SA"), "YE") == 8


def test_non_state_and_speaker_codes() -> None:
    assert acled_inter_code(actor("Unidentified Armed Group (Nigeria)", "political_militia", "NG"), "NG") == 3
    assert (
        acled_inter_code(actor("Al Shabaab", "rebel_group", "SO"), "KE") == 2
    )  # only states become external
    assert acled_inter_code(actor("Protesters (Sudan)", "protesters", "SD"), "SD") == 6
    assert acled_inter_code(actor("Civilians (Ukraine)", "civilians", "UA"), "RU") == 7
    assert acled_inter_code(actor("Witnesses (Yemen)", "unknown", "YE"), "YE") == 0
    assert interaction_code(8, 1) == 18 and interaction_code(7, 8) == 78 and interaction_code(5, None) == 50
