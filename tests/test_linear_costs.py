"""The indexes that keep the chain linear on hostile inputs give what the scans they replace gave.

Each fix of ``benchmarks/bench_hostile.py``'s super-linear steps replaced a scan over the whole
document by an index or a bound; these tests hold each index to the plain computation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.language import Language

from conflict_events.actors._actor_ref import ActorRef
from conflict_events.actors._pass_state import FinderBase
from conflict_events.attribution._coref import Entry
from conflict_events.attribution._tree import _tree_order, descendants
from conflict_events.gazetteer._doc_places import _Resolved, _votes
from conflict_events.gazetteer._mention_rules import PlaceMention
from conflict_events.gazetteer._place_mentions import _merge
from conflict_events.gazetteer._place_rules import ResolvedPlace
from conflict_events.schema import Actor, Span


def _naive_merge(found: list[PlaceMention]) -> list[tuple[int, int]]:
    found = sorted(found, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[PlaceMention] = []
    for m in found:
        clash = next((o for o in out if m.start < o.end and o.start < m.end), None)
        if clash is None:
            out.append(m)
        else:
            out[out.index(clash)] = clash if clash.end - clash.start >= m.end - m.start else m
    return [(o.start, o.end) for o in out]


def test_overlapping_place_mentions_merge_as_by_a_full_scan() -> None:
    # entity and pattern readings of one list of places, overlapping in every way
    found = []
    for k in range(60):
        at = 20 * k
        found += [PlaceMention(at, at + 6, "Kharkiv"), PlaceMention(at, at + 13, "Kharkiv region")]
        if k % 3 == 0:
            found.append(PlaceMention(at + 4, at + 9, "kiv D"))
    merged = [(m.start, m.end) for m in _merge(list(found))]
    assert merged == _naive_merge(found)
    assert len(merged) == 60  # one per stretch: a chain that kept nothing would fail here


def test_the_resolved_places_keep_their_tallies_as_places_are_set_and_dropped() -> None:
    def place(start: int, country: str | None, *, kind: str = "settlement", dateline: bool = False) -> ResolvedPlace:
        m = PlaceMention(start, start + 4, "Town")
        m = replace(m, dateline=dateline) if dateline else m
        return ResolvedPlace(m, None, country, None, 1, kind)

    resolved = _Resolved()
    resolved[0] = place(0, "UA")
    resolved[10] = place(10, "RU")
    resolved[20] = place(20, "UA", kind="country")  # a country does not vote
    resolved[30] = place(30, "SY", dateline=True)  # nor does a dateline
    resolved[10] = place(10, "UA")  # looked at again: now in Ukraine
    del resolved[0]
    votes = Counter(r.country for r in resolved.values() if _votes(r))
    assert +resolved.votes == votes == Counter({"UA": 1})
    assert +resolved.countries == Counter(r.country for r in resolved.values())
    assert resolved.countries_without(10) == {"UA", "SY"}  # the country place still names Ukraine
    assert resolved.countries_without(20) == {"UA", "SY"}
    assert list(resolved.seq) == [10, 20, 30]  # the order each start was first resolved


def test_an_entry_reads_the_latest_version_of_its_actor() -> None:
    army = Actor(id="a1", name="Military Forces of Ukraine", kind="state_forces")
    entry = Entry(0, 0, "org", False, army, True)
    latest: dict[str, Actor] = {}
    entry.latest = latest
    grown = army.model_copy(update={"mentions": (Span.of("the army said", 0, 8),)})
    latest[army.id] = grown
    assert entry.actor is grown
    assert entry.known is army


def test_descendants_read_only_the_stretch_of_the_subtree(nlp: Language) -> None:
    doc = nlp("The army said the police said the militia said the rebels said it. " * 20)
    enter, leave = _tree_order(doc)
    among = list(range(0, len(doc), 2))
    for root in range(len(doc)):
        plain = [i for i in among if enter[root] <= enter[i] < leave[root]]
        assert descendants(doc, root, among) == plain
    assert any(len(descendants(doc, t.i, among)) > 3 for t in doc)


def test_actor_mentions_replace_the_weaker_ones_they_overlap() -> None:
    text = "Ahmed Musa Bello met Ahmed Musa Bello and Bello again."
    state = FinderBase.__new__(FinderBase)  # only the bookkeeping of mentions is on trial
    state.text, state.mentions = text, []
    state._by_start = (state.mentions, [])
    ref = ActorRef(name="Ahmed Musa Bello", kind="person")
    assert state.add(21, 37, ref, 1) is not None
    assert state.add(0, 16, ref, 1) is not None
    assert state.add(27, 37, ref, 1) is None  # inside a mention as strong: refused
    assert state.add(42, 47, ref, 1) is not None
    strong = state.add(21, 47, ref, 2)  # stronger: takes the place of the two it overlaps
    assert strong is not None
    assert [(m.start, m.end) for m in state.mentions] == [(0, 16), (21, 47)]
    state.mentions = [m for m in state.mentions if m.start != 0]  # a pass may replace the list
    assert state.add(0, 5, ref, 1) is not None
    assert [(m.start, m.end) for m in state.mentions] == [(21, 47), (0, 5)]
