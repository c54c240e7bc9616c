"""The indexes that keep the chain linear on hostile inputs give what the scans they replace gave.

Each fix of ``benchmarks/bench_hostile.py``'s super-linear steps replaced a scan over the whole
document by an index or a bound; these tests hold each index to the plain computation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from conflict_events._doccache import doc_text
from conflict_events.actors._actor_ref import ActorRef
from conflict_events.actors._pass_state import FinderBase
from conflict_events.attribution import _attribution_finder as finder
from conflict_events.attribution import _quote_rules as qr
from conflict_events.attribution._attribution_record import Attribution
from conflict_events.attribution._coref import Entry
from conflict_events.attribution._quotes import Quotation
from conflict_events.attribution._tree import _tree_order, descendants, trim_chars
from conflict_events.gazetteer._doc_places import _Resolved, _votes
from conflict_events.gazetteer._mention_rules import PlaceMention
from conflict_events.gazetteer._place_mentions import _merge
from conflict_events.gazetteer._place_rules import ResolvedPlace
from conflict_events.pipeline import Pipeline
from conflict_events.schema import Actor, Document, Span
from conflict_events.temporal import _govern_facts as gf


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
    state._by_start, state._made, state._named = (state.mentions, []), {}, (state.mentions, [])
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
    for start, end in [(0, 3), (3, 30), (20, 22), (47, 50), (10, 10), (30, 30)]:
        plain = next((m for m in state.mentions if m.start < end and start < m.end), None)
        assert state.at(start, end) is plain
    assert state.at(3, 30) is strong


def _attach_by_scans(doc: Doc, found: list[Attribution], quotes: list[Quotation]) -> list[Attribution]:
    """attach_quotations as it was before the pool: every quotation weighs every attribution."""
    out = list(found)
    text = doc_text(doc)
    last: tuple[Quotation, Attribution] | None = None
    for q in quotes:
        k = qr.quotation_cue(doc, q, out)
        if k is None:
            inner = qr.continuation(doc, last, q)
            if inner is None or last is None:
                continue
            prev = last[1]
            # one statement quoted in pieces is one claim (split by its cue, or continued after it)
            joined = replace(prev, content=(prev.content[0], inner[1]),
                             sentence=(prev.sentence[0], qr._sentence_end(doc, q.end)), quote=True,
                             content_rule=prev.content_rule if text[inner[0] : inner[0] + 1].islower()
                             else qr.continuation.name)
            out, last = [joined if b is prev else b for b in out], (q, joined)
            continue
        a = out[k]
        sentence = (min(a.sentence[0], qr._sentence_start(doc, q.start)),
                    max(a.sentence[1], qr._sentence_end(doc, q.end)))
        merged = replace(a, content=trim_chars(text, q.inner_start, q.inner_end), sentence=sentence, quote=True,
                         content_rule=qr.quotation_cue.name)
        out = [b for b in out if b.cue_token != a.cue_token or not qr._within(b.content, q)] + [merged]
        last = (q, merged)
    return [a for a in out if a.content[1] > a.content[0]]


def test_quotations_take_the_cues_a_scan_of_every_attribution_gives(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "“They came at night and burned the market,” a resident said. “We ran to the river.” "
        "The army said on Monday: “Our units repelled the attack near the bridge.” "
        "“This war will end,” the minister told reporters, “and not before the spring.” "
    ) * 15
    seen: list[tuple[Doc, list[Attribution], list[Quotation]]] = []

    def spy(doc: Doc, found: list[Attribution], quotes: list[Quotation]) -> list[Attribution]:
        seen.append((doc, list(found), list(quotes)))
        return qr.attach_quotations(doc, found, quotes)

    monkeypatch.setattr(finder, "attach_quotations", spy)
    finder.find_attributions(nlp(text))
    doc, found, quotes = seen[0]
    got = qr.attach_quotations(doc, found, quotes)
    assert got == _attach_by_scans(doc, found, quotes)
    assert sum(a.quote for a in got) >= 45  # every quotation is someone's claim


def test_the_times_of_a_stretch_are_those_a_scan_finds(nlp: Language, pipeline: Pipeline) -> None:
    text = "He was arrested along with nine others on Friday, police said on Saturday. " * 30
    doc = nlp(text)
    times = pipeline(Document(id="t", text=text, date=date(2024, 3, 16))).times
    exprs = gf._index(doc, times)
    assert gf._index(doc, list(times)) is exprs  # the same records: the index is not made again
    assert len(exprs) >= 60
    for start in range(0, len(text), 37):
        end = start + 150
        assert gf._between(doc, exprs, start, end) == [x for x in exprs if start <= x.start and x.end <= end]


def test_a_place_and_its_area_is_read_near_each_mention_only() -> None:
    """``place_before_its_area`` looks for the area a gap's width after each mention, not at every pair of the two
    places' mentions: a long text naming two towns hundreds of times took 150 s (500 sentences), and it still finds
    the town an area qualifies wherever the pair is written."""
    pipeline = Pipeline(time_budget=30)  # the old pairwise scan took about 80 s on these 400 sentences
    text = " ".join(["Gunmen attacked Bannu and Kohat."] * 400)
    result = pipeline(Document(id="hostile", text=text, date=date(2026, 1, 1)))
    assert result.events
    note = " ".join(["Gunmen killed three herders in Moura, Mopti, on Sunday."] * 40)
    located = pipeline(Document(id="areas", text=note, date=date(2024, 3, 12)))
    assert located.events and all(e.location is not None and e.location.name == "Moura" for e in located.events)
