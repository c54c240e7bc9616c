"""The HTML view, checked in pure Python: escaping, every span marked, tables and an offline map."""

from __future__ import annotations

import doctest
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conflict_events.render import collect_marks, mark_text, render_html
from conflict_events.render._html import Mark
from conflict_events.schema import ExtractionResult


class _Marks(HTMLParser):
    """Collects each <mark>'s attributes and checks the page's tags balance."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text_parts: list[str] = []
        self.in_text = 0
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("meta", "line", "rect", "circle", "br"):
            return
        self.stack.append(tag)
        attributes = dict(attrs)
        if tag == "mark":
            self.marks.append(attributes)
        if attributes.get("id") == "ce-text":
            self.in_text = len(self.stack)
        if "ce-label" in (attributes.get("class") or ""):
            self.in_label += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("line", "rect", "circle"):
            return
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}> after {self.stack[-3:]}"
        if self.in_text == len(self.stack):
            self.in_text = 0
        if tag == "span" and self.in_label:
            self.in_label -= 1
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_text and not self.in_label:
            self.text_parts.append(data)


def _parse(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    parser.close()
    return parser


def test_page_is_self_contained_and_balanced(result: ExtractionResult) -> None:
    page = render_html(result)
    parsed = _parse(page)
    assert parsed.stack == [], "every tag is closed"
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert not re.search(r"""(src|href)=["']?https?:""", page), "nothing is fetched"
    assert "@import" not in page and "url(" not in page


def test_text_is_escaped_and_unchanged(result: ExtractionResult) -> None:
    page = render_html(result)
    assert "&lt;enemy&gt;" in page and "<enemy>" not in page
    assert "Kursk &lt;demo&gt; &amp; co" in page
    # With labels taken out, the marked-up article reads exactly as the document text.
    assert "".join(_parse(page).text_parts) == result.document.text


def test_every_span_is_marked(result: ExtractionResult) -> None:
    parsed = _parse(render_html(result))
    marked = {(m["data-kind"], int(m["data-start"] or -1), int(m["data-end"] or -1)) for m in parsed.marks}
    expected = {(m.kind, m.start, m.end) for m in collect_marks(result)}
    assert marked == expected
    text = result.document.text
    for actor in result.actors:
        for mention in actor.mentions:
            assert ("actor", mention.start, mention.end) in marked, mention.text
    for location in result.locations:
        for mention in location.mentions:
            assert ("place", mention.start, mention.end) in marked
    for time in result.times:
        assert time.mention is not None and ("time", time.mention.start, time.mention.end) in marked
    for event in result.events:
        assert ("event", event.trigger.start, event.trigger.end) in marked
    for claim in result.claims:
        assert ("claim", claim.text.start, claim.text.end) in marked
        for figure in claim.figures:
            assert ("figure", figure.text.start, figure.text.end) in marked
    assert (
        text.count("two tanks") == 1
        and ("figure", text.index("two tanks"), text.index("two tanks") + 9) in marked
    )


def test_hedged_claim_and_labels(result: ExtractionResult) -> None:
    page = render_html(result)
    hedged = re.search(r'<mark class="[^"]*ce-hedged[^"]*" data-kind="claim"[^>]*data-ref="c2"', page)
    assert hedged is not None
    assert '<span class="ce-label">STATE FORCES</span>' in page
    assert '<span class="ce-label">Armed clash</span>' in page


def test_tables(result: ExtractionResult) -> None:
    page = render_html(result)
    assert page.count('class="ce-event-row"') == 2
    assert page.count('class="ce-claim-row"') == 2
    row = re.search(r'<tr class="ce-claim-row" data-ref="c2"[^>]*>(.*?)</tr>', page, re.S)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(1), re.S)
    assert cells[1].startswith("Government of Ukraine") and cells[2] == "claim"
    assert cells[5] == "casualties ≥40" and cells[6] == "yes"
    assert "&lt;enemy&gt;" in cells[4]


def test_map_plots_located_events_offline(result: ExtractionResult) -> None:
    page = render_html(result)
    svg = re.search(r'<svg[^>]*class="ce-map".*</svg>', page, re.S)
    assert svg is not None
    assert svg.group(0).count('<g class="ce-point') == 2
    assert "1 Berdin: Armed clash" in svg.group(0) and "2 Sudzha: Armed clash" in svg.group(0)
    assert 'class="ce-grid"' in svg.group(0) and "51°N" in svg.group(0)


def test_crossing_marks_nest_and_split() -> None:
    text = "abcdefgh"
    marks = [Mark(0, 5, "claim", "c", "CLAIM"), Mark(3, 8, "actor", "a", "ACTOR")]
    html = mark_text(text, marks)
    parsed = _Marks()
    parsed.in_text = 1
    parsed.stack = ["div"]
    parsed.feed(html)
    assert parsed.stack == ["div"], "tags balance"
    assert "".join(parsed.text_parts) == text
    assert html.count('data-start="3" data-end="8"') == 2, "the crossing mark is split in two pieces"
    assert html.count(">ACTOR<") == 1, "only the last piece carries the label"


def test_empty_result_renders() -> None:
    import datetime as dt

    from conflict_events.schema import Document

    doc = Document(id="x", text="Nothing <happened>.", date=dt.date(2025, 1, 1))
    page = render_html(ExtractionResult(document=doc))
    assert "No located events to map." in page and "No events." in page
    assert "Nothing &lt;happened&gt;." in page


def test_docs_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)
    outcome = doctest.testfile(
        str(root / "docs" / "formats" / "html.md"), module_relative=False, verbose=False
    )
    assert outcome.attempted > 0 and outcome.failed == 0


def test_country_outlines_are_drawn_under_the_points(result: ExtractionResult) -> None:
    svg = re.search(r'<svg[^>]*class="ce-map".*</svg>', render_html(result), re.S)
    assert svg is not None
    land = svg.group(0).find('class="ce-land"')
    assert 0 < land < svg.group(0).find('<g class="ce-point'), "the land is drawn first, under the points"
    # The Kursk map shows Russia and Ukraine: outlines with many vertices, within a sane size.
    path = re.search(r'class="ce-land" d="([^"]+)"', svg.group(0))
    assert path is not None and path.group(1).count("L") > 100 and len(path.group(1)) < 200_000


def test_events_and_claims_link_both_ways(result: ExtractionResult) -> None:
    # Drop the event's side of one link: the claim's side alone still links both ways.
    first = result.events[0].model_copy(update={"claim_ids": ()})
    page = render_html(result.model_copy(update={"events": (first, *result.events[1:])}))
    event_row = re.search(r'<tr class="ce-event-row" data-ref="kursk-demo-e1" id="event-kursk-demo-e1">(.*?)</tr>',
                          page, re.S)
    claim_row = re.search(r'<tr class="ce-claim-row" data-ref="c1" id="claim-c1">(.*?)</tr>', page, re.S)
    assert event_row is not None and claim_row is not None
    assert '<a href="#claim-c1">c1</a>' in event_row.group(1)
    assert '<a href="#event-kursk-demo-e1">kursk-demo-e1</a>' in claim_row.group(1)


def test_headline_title_admin1_and_trigger_sentence(result: ExtractionResult) -> None:
    page = render_html(result)
    assert "<title>Kursk &lt;demo&gt; &amp; co</title>" in page
    from conflict_events.schema import Document

    dated = result.document.date
    headline = Document(id="h1", text="Drone strike hits Sumy\n\nA drone struck a depot in Sumy on Sunday.", date=dated)
    assert "<title>Drone strike hits Sumy</title>" in render_html(ExtractionResult(document=headline))
    untitled = result.model_copy(update={"document": result.document.model_copy(update={"title": None})})
    assert "<title>kursk-demo</title>" in render_html(untitled), "a first line too long for a headline: the id"
    row = re.search(r'<tr class="ce-event-row"[^>]*>(.*?)</tr>', page, re.S)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(1), re.S)
    assert cells[4] == "Kursk", "admin 1 has a column"
    trigger = result.events[0].trigger.text
    assert f'<b class="ce-trigger">{trigger}</b>' in cells[8], "the sentence, with its trigger in bold"


def test_one_page_for_many_documents_with_an_index(result: ExtractionResult) -> None:
    from conflict_events.render import render_results
    from conflict_events.schema import Document

    other = ExtractionResult(document=Document(id="calm", text="A calm day in Kherson.\nNothing else.",
                                               date=result.document.date))
    page = render_results([result, other], title="out.jsonl")
    parsed = _parse(page)
    assert parsed.stack == [], "every tag is closed"
    assert '<ol class="ce-index"><li><a href="#d1">Kursk &lt;demo&gt; &amp; co</a>' in page
    assert '<li><a href="#d2">A calm day in Kherson.</a>' in page
    assert page.count('<section class="ce-document"') == 2
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "ids are unique on the page"
    assert 'href="#d1-claim-c1"' in page and 'id="d1-claim-c1"' in page
