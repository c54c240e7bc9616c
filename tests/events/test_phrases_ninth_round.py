"""Trigger phrases added in the ninth round (lead14), each on a note of our own in ACLED's style.

Shells or rockets that "landed" or "fell" on a place are a strike from range; armed men who "forced" or "bundled"
someone "into a car" abducted them (a phrase's gap may now end before "into", as before "on" and "with"); a
military column or an outpost is an armed target (`armed_targets`).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

_SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
_ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On 2 June 2024, RSF artillery shells landed on a residential area of Khartoum Bahri.", _SHELLING),
        ("On 2 June 2024, rockets fell on a market in Sderot, wounding two people.", _SHELLING),
        ("On 2 June 2024, armed men forced a businessman into a car outside his shop in Guayaquil.", _ABDUCTION),
        ("On 2 June 2024, gunmen bundled two aid workers into a vehicle near Gao.", _ABDUCTION),
        # a column or an outpost of an army is an armed target: the ambush is a battle, not an attack on civilians
        ("On 2 June 2024, PDF fighters ambushed a military column on the road outside Pale (Sagaing region).",
         ("Battles", "Armed clash")),
    ],
)
def test_phrase_gives_its_event(one_event: Callable[..., None], text: str, kind: tuple[str, str]) -> None:
    one_event(text, kind[0], kind[1], None, None)


def test_a_note_ending_with_a_newline_has_no_headline(one_event: Callable[..., None]) -> None:
    # the note's one line is no standfirst: the arrests after the gathering still break it up
    one_event("On 2 June 2024, students gathered outside the ministry in Yerevan to oppose a new fee. Riot police "
              "used pepper spray and detained a dozen of them.\n", "Protests", "Protest with intervention", None, None)
