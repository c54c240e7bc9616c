"""The actor passes' indexes and memos give what the scans and rules they stand for give."""

from __future__ import annotations

import datetime as dt
import re
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.actors import ActorResolver
from conflict_events.actors._actor_ref import ActorNamer
from conflict_events.actors._actor_table import ActorTable
from conflict_events.actors._pass_state import FinderBase, _alias_keys, _atoms, _trie, alias_pattern
from conflict_events.actors._role_rules import ROLE_RULES, RoleQuery
from conflict_events.rules import disabled, first, trace
from conflict_events.schema import Location

# places as (start, length); the Location itself is not read by the indexes on trial
PLACES = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=12)
RANGES = st.lists(st.tuples(st.integers(-2, 70), st.integers(-2, 70)), min_size=1, max_size=12)


def _finder(places: list[tuple[int, int]]) -> FinderBase:
    state = FinderBase.__new__(FinderBase)  # only the place index is on trial
    state.loc_spans = [(s, s + n, cast(Location, k)) for k, (s, n) in enumerate(places)]
    return state


@settings(max_examples=300, deadline=None)
@given(places=PLACES, ranges=RANGES)
def test_a_place_overlaps_a_range_as_a_scan_of_every_place_finds(
    places: list[tuple[int, int]], ranges: list[tuple[int, int]]
) -> None:
    state = _finder(places)
    for start, end in ranges:
        assert state.is_location(start, end) == any(s < end and start < e for s, e, _ in state.loc_spans)


@settings(max_examples=300, deadline=None)
@given(places=PLACES, ranges=RANGES)
def test_the_places_within_a_range_are_those_a_scan_finds_in_their_order(
    places: list[tuple[int, int]], ranges: list[tuple[int, int]]
) -> None:
    state = _finder(places)
    for start, end in ranges:
        assert state.places_within(start, end) == [k for k, (s, _, _) in enumerate(state.loc_spans) if start <= s < end]


def test_role_decisions_read_from_the_memo_respect_traces_and_disabled_rules() -> None:
    resolver = ActorResolver(on=dt.date(2024, 3, 15), home="NG")
    first = resolver.role(["unknown"], "gunmen")
    assert first is not None and first.name == "Unidentified Armed Group (Nigeria)"
    assert resolver.role(["unknown"], "gunmen") is first  # the second time, from the memo
    with trace() as fired:
        assert resolver.role(["unknown"], "gunmen") == first
    assert [f.rule for f in fired] == [first.rule]  # a trace sees the rule fire, memo or not
    with disabled({first.rule}):
        assert resolver.role(["unknown"], "gunmen") != first
    # the places of the document are part of the decision: a town's name makes a communal militia
    resolver.places = frozenset({"gusau"})
    town = resolver.role(["Gusau"], "gunmen")
    resolver.places = frozenset()
    ethnic = resolver.role(["Gusau"], "gunmen")
    assert town is not None and ethnic is not None and town.name != ethnic.name


def test_role_rules_decide_alike_with_rules_switched_off_and_under_a_trace() -> None:
    query = RoleQuery.of(["unknown"], "gunmen", ActorNamer(dt.date(2024, 3, 15), "NG"))
    plain = first(ROLE_RULES, query)
    assert plain is not None and plain.rule == "actors.role.unidentified_armed"
    with disabled({plain.rule}):
        assert first(ROLE_RULES, query) != plain
    with trace() as fired:
        assert first(ROLE_RULES, query) == plain
    assert [f.rule for f in fired] == [plain.rule]


TABLE = ActorTable.load()
KEYS, ACRONYMS = _alias_keys(TABLE)
NAMES_RE, ACRONYMS_RE = alias_pattern(TABLE)
# the same names as one flat alternation, in their order: what the tree must match exactly like
FLAT_NAMES = re.compile(
    r"(?<![\w-])(?:the\s+)?(?:" + "|".join("".join(_atoms(k)) for k in KEYS) + r")(?![\w-])", re.IGNORECASE
)
FLAT_ACRONYMS = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ACRONYMS) + r")(?![\w-])")
PIECES = st.one_of(
    st.sampled_from(sorted({a for a, _ in TABLE.all_aliases()} | set(ACRONYMS))),
    st.sampled_from(KEYS),
    st.sampled_from(["the ", "The ", "-", " ", "  ", ", ", ".", "'s", "’s", "(", ")", "’", "ſ", "K", "İ", "é"]),
    st.text(alphabet="abcXYZ -'", max_size=4),
)


@settings(max_examples=400, deadline=None)
@given(text=st.lists(PIECES, max_size=12).map("".join))
def test_the_tree_of_names_matches_as_the_flat_list_of_names(text: str) -> None:
    assert [m.span() for m in NAMES_RE.finditer(text)] == [m.span() for m in FLAT_NAMES.finditer(text)]
    assert ACRONYMS_RE is not None
    assert [m.span() for m in ACRONYMS_RE.finditer(text)] == [m.span() for m in FLAT_ACRONYMS.finditer(text)]


def test_the_tree_regroups_only_where_branches_cannot_meet() -> None:
    # "ab" and "a" end beside each other: that level keeps its order; "x" and "y" never meet
    assert _trie([["a", "b"], ["a"], ["x"], ["y", "z"]]) == "a(?:b|)|x|yz"
    assert re.fullmatch(_trie([["a", "b"], ["a"]]), "a") is not None
    assert _trie([["a"], [r"\-"], [r"[\s\-]+", "b"]]) == r"a|\-|[\s\-]+b"  # "-" and a separator may meet: flat
