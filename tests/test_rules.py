"""Named rules: decisions, first-match lists, switching rules off, tracing, declaration errors."""

from __future__ import annotations

import pytest

from conflict_events.errors import RuleError
from conflict_events.rules import Decided, Example, catalogue, disabled, first, rule, trace

POS = [Example("Gunmen attacked a bus near Kano.", {"event.sub_event_type": "Attack"})]
NEG = [Example("Troops clashed with rebels near Goma.", {"event.sub_event_type": "Armed clash"})]


@rule("test.size.big", decides="event.size", positive=POS, negative=NEG, register=False)
def big(word: str) -> str | None:
    """A word of size names a big thing."""
    return "big" if word in {"huge", "vast"} else None


@rule("test.size.small", decides="event.size", positive=POS, negative=NEG, register=False)
def small(word: str) -> str | None:
    """A word of smallness names a small thing."""
    return "small" if word in {"tiny", "small"} else None


def test_a_rule_decides_or_does_not_apply() -> None:
    assert big("huge") == "big"
    assert big("tiny") is None
    assert big.reason == "A word of size names a big thing."
    assert (big.record, big.field) == ("event", "size")


def test_the_first_rule_that_applies_decides_and_is_named() -> None:
    assert first([big, small], "tiny") == Decided("small", "test.size.small")
    assert first([big, small], "vast") == Decided("big", "test.size.big")
    assert first([big, small], "medium") is None


def test_a_switched_off_rule_lets_the_next_one_decide() -> None:
    with disabled({"test.size.small"}):
        assert first([small, big], "tiny") is None
        assert small("small") is None
    assert small("small") == "small"


def test_trace_lists_the_rules_that_fired_in_order() -> None:
    with trace() as fired:
        big("huge")
        small("tiny")
        big("tiny")
    assert [(f.rule, f.decides) for f in fired] == [("test.size.big", "event.size"), ("test.size.small", "event.size")]


def test_declaration_errors_name_the_rule() -> None:
    with pytest.raises(RuleError, match=r"test\.bad\.empty"):
        rule("test.bad.empty", decides="event.size", positive=POS, negative=[Example("x")])(lambda: None)
    with pytest.raises(RuleError, match=r"KIND\.FIELD"):
        rule("test.bad.kind", decides="banana.size", positive=POS, negative=NEG)(lambda: None)
    with pytest.raises(RuleError, match="positive and one negative"):
        rule("test.bad.none", decides="event.size", positive=[], negative=NEG)(lambda: None)


def test_two_rules_of_one_name_are_refused() -> None:
    def one() -> None:
        """One."""

    def two() -> None:
        """Two."""

    rule("test.dup.name", decides="event.size", positive=POS, negative=NEG)(one)
    try:
        with pytest.raises(RuleError, match="two rules are named"):
            rule("test.dup.name", decides="event.size", positive=POS, negative=NEG)(two)
    finally:
        from conflict_events import rules

        rules._CATALOGUE.pop("test.dup.name", None)
    assert "test.dup.name" not in catalogue()
