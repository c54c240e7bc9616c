"""The typing rules: their order, and the rule each event cites for its type in its provenance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conflict_events import rules
from conflict_events.events._build_rules import abduction_without_deaths, battle_outcome
from conflict_events.events._type_cluster import CLUSTER_RULES, unarmed_victims
from conflict_events.events._type_rules import MENTION_RULES, trigger_class
from conflict_events.pipeline import DEFAULT_STEPS, Pipeline
from conflict_events.schema import Document, Event


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return list(pipeline(Document(id="d", text=text, date=dt.date(2024, 3, 15))).events)


def _type_rule(event: Event) -> str:
    return next(d.rule for d in event.provenance if d.field == "sub_event_type")


def test_every_typing_rule_is_in_an_order_once() -> None:
    # the builder's two overrides re-type a typed event afterwards (a battle's outcome, an abduction)
    overrides = (battle_outcome, abduction_without_deaths)
    ordered = [r.name for r in (*MENTION_RULES, *CLUSTER_RULES, unarmed_victims, *overrides)]
    assert len(ordered) == len(set(ordered))
    registered = {n for n in rules.catalogue() if n.startswith("events.type.")}
    assert registered == set(ordered)
    assert MENTION_RULES[-1] is trigger_class  # the catch-all comes last, or it would hide the others


@pytest.mark.parametrize(
    ("text", "sub_type", "rule"),
    [
        ("Gunmen attacked worshippers at a mosque in Katsina on Friday.", "Attack", "events.type.attack_on_civilians"),
        # the rule that re-classed "killed" as a drone strike is cited, not the class's default
        (
            "A drone killed four fighters of the group near Saada on Friday.",
            "Air/drone strike",
            "events.type.weapon_is_the_doer",
        ),
        (
            "Police fired tear gas at nurses protesting over pay in Harare on Friday.",
            "Protest with intervention",
            "events.type.protest_with_intervention",
        ),
        ("Rebels shelled Goma on Friday.", "Shelling/artillery/missile attack", "events.type.trigger_class"),
    ],
)
def test_an_event_cites_the_rule_that_typed_it(pipeline: Pipeline, text: str, sub_type: str, rule: str) -> None:
    events = _events(pipeline, text)
    assert [e.sub_event_type for e in events] == [sub_type]
    assert _type_rule(events[0]) == rule


def test_with_the_catch_all_off_the_class_type_still_holds(pipeline: Pipeline) -> None:
    text = "Rebels shelled the outskirts of Goma on Friday."
    with rules.disabled({trigger_class.name, "events.type.highest_ranked_mention"}):
        events = _events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_switching_a_context_rule_off_changes_the_type(pipeline: Pipeline) -> None:
    text = "Gunmen attacked worshippers at a mosque in Katsina on Friday."
    assert [e.sub_event_type for e in _events(pipeline, text)] == ["Attack"]
    with rules.disabled({"events.type.attack_on_civilians", "events.type.unarmed_victims"}):
        assert [e.sub_event_type for e in _events(pipeline, text)] == ["Armed clash"]


def test_lexicon_files_extend_the_typing_words(pipeline: Pipeline, tmp_path: Path) -> None:
    text = "Striking dockers gathered outside the port offices in Mombasa on Monday."
    assert _events(pipeline, text) == []  # "dockers" is no crowd word: a gathering, not a demonstration
    mine = tmp_path / "my_events.toml"
    mine.write_text('[meta]\nextends = "events"\n\n[lists]\ngathering_people = ["docker"]\n', encoding="utf-8")
    steps = [
        *DEFAULT_STEPS[:-1],
        ("conflict_events.events.v1", {"lexicon_files": [str(mine)]}),
    ]
    extended = Pipeline(steps)
    events = list(extended(Document(id="d", text=text, date=dt.date(2024, 3, 15))).events)
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        "On 9 March 2021, unknown gunmen shot dead a forest guard on the road near Sevare.",
        "On 9 March 2021, gunmen killed two gendarmes at a checkpoint near Torodi.",
        "On 9 March 2021, bandits killed three militiamen of the village guard near Kankara.",
    ],
)
def test_armed_victims_make_a_battle(pipeline: Pipeline, text: str) -> None:
    # guards, gendarmes and a community's militiamen are armed: their killing is a fight (ACLED Battles)
    assert [e.sub_event_type for e in _events(pipeline, text)][:1] == ["Armed clash"]


def test_civilian_victims_stay_an_attack(pipeline: Pipeline) -> None:
    text = "On 9 March 2021, unknown gunmen shot dead a farmer on the road near Sevare."
    assert [e.sub_event_type for e in _events(pipeline, text)][:1] == ["Attack"]


def test_the_rules_of_a_class_keep_the_order_and_leave_out_only_rules_of_other_classes() -> None:
    from conflict_events.events import _type_rules

    names = {r.name for r in MENTION_RULES}
    assert set(_type_rules._CLASSES_OF) <= names  # no class list for a rule that is not in the order
    for cls in ("kill", "assault", "clash", "territory", "artillery", "protest", "arrest", "no_such_class"):
        kept = _type_rules.mention_rules(cls)
        assert list(kept) == [r for r in MENTION_RULES if r in kept]  # the order of MENTION_RULES
        assert kept[-1] is trigger_class
        left_out = [r for r in MENTION_RULES if r not in kept]
        assert all(cls not in _type_rules._CLASSES_OF[r.name] for r in left_out)


def test_typing_by_the_rules_of_the_class_decides_as_the_whole_order(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every example sentence of every typing rule, typed with each class's rules and with all of them
    from conflict_events.events import _classify

    texts = sorted({ex.text for r in MENTION_RULES for ex in (*r.positive, *r.negative)})
    by_class = [_events(pipeline, t) for t in texts]
    monkeypatch.setattr(_classify, "mention_rules", lambda cls: MENTION_RULES)
    assert [_events(pipeline, t) for t in texts] == by_class
