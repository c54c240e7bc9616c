"""One self-contained HTML page for one extraction result, for people to read and check.

The page shows the article with every span the pipeline found marked in colour
with its label, in the manner of spaCy's displaCy (events, actors, places,
times, figures; claims underlined), a table of events and one of claims (with
claimants, figures and hedging), and an offline SVG map of the located events.
Nothing on the page is fetched: no scripts, fonts, styles or map tiles.

Overlapping spans are nested; where two cross, the inner mark is split in
pieces that share the same ``data-start``/``data-end`` and only the last piece
carries the label. Every mark has ``data-kind``, ``data-start``, ``data-end``
and ``data-ref`` (the id of the record it belongs to).

>>> import datetime as dt
>>> from conflict_events.schema import Document, ExtractionResult, Span, TimeSpan
>>> doc = Document(id="d1", text="Strikes hit <Kharkiv> on Sunday.", date=dt.date(2025, 1, 5))
>>> sunday = TimeSpan(start=doc.date, end=doc.date, precision="day", text="on Sunday", anchor=doc.date,
...                   mention=Span.of(doc.text, 22, 31))
>>> page = render_html(ExtractionResult(document=doc, times=(sunday,)))
>>> "&lt;Kharkiv&gt;" in page, 'data-kind="time"' in page, "<script" in page
(True, True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from typing import Final

from ..gazetteer import country_outlines
from ..schema import Actor, Claim, Event, ExtractionResult, Figure, Location, Span, TimeSpan
from ._svgmap import Land, MapPoint, map_svg

__all__ = ["MARK_KINDS", "Mark", "collect_marks", "document_title", "mark_text", "render_html", "render_results"]

# Kinds in nesting order: a claim encloses the marks inside it.
MARK_KINDS: Final[tuple[str, ...]] = ("claim", "event", "actor", "place", "time", "figure")
_LABELS: Final[dict[str, str]] = {
    "claim": "CLAIM",
    "event": "EVENT",
    "actor": "ACTOR",
    "place": "PLACE",
    "time": "TIME",
    "figure": "FIGURE",
}


@dataclass(frozen=True)
class Mark:
    """One span to mark: what kind, which record, its label and the detail shown on hover."""

    start: int
    end: int
    kind: str
    ref: str
    label: str
    detail: str = ""
    extra_classes: tuple[str, ...] = field(default=())


def _figure_text(figure: Figure) -> str:
    """``killed 340``, ``casualties ≥49000``, ``2 × tank``, ``killed ~12``."""
    if figure.value is not None:
        amount = ("~" if figure.approximate else "") + str(figure.value)
    elif figure.low is not None and figure.high is not None:
        amount = f"{figure.low}-{figure.high}"
    elif figure.low is not None:
        amount = f"≥{figure.low}"
    elif figure.high is not None:
        amount = f"≤{figure.high}"
    else:
        amount = "?"
    if figure.item:
        return f"{amount} × {figure.item}"
    return f"{figure.category} {amount}"


def _time_text(time: TimeSpan) -> str:
    if time.start == time.end:
        return f"{time.start.isoformat()} ({time.precision})"
    return f"{time.start.isoformat()} to {time.end.isoformat()} ({time.precision})"


def _place_text(location: Location) -> str:
    parts = [location.name, location.admin1 or "", location.country or ""]
    where = ", ".join(p for p in parts if p)
    if location.latitude is not None and location.longitude is not None:
        where += f" ({location.latitude:.4f}, {location.longitude:.4f}; precision {location.geo_precision})"
    else:
        where += " (unresolved)"
    return where


def _actor_text(actor: Actor) -> str:
    country = f", {actor.country}" if actor.country else ""
    return f"{actor.name} ({actor.kind}{country})"


def _claim_text(claim: Claim) -> str:
    who = claim.claimant.name if claim.claimant else "the publication"
    flags = [
        flag
        for flag, on in (
            ("hedged", claim.hedged),
            ("quote", claim.quote),
            ("aggregate", claim.aggregate),
            ("negated", claim.negated),
        )
        if on
    ]
    return f"{who}: {claim.cue} ({claim.kind}{', ' + ', '.join(flags) if flags else ''})"


def collect_marks(result: ExtractionResult) -> list[Mark]:
    """Every non-empty span of a result worth marking, once each (same kind and offsets marked once)."""
    marks: dict[tuple[str, int, int], Mark] = {}

    def add(span: Span | None, kind: str, ref: str, label: str, detail: str, *classes: str) -> None:
        if span is None or span.start == span.end:
            return
        key = (kind, span.start, span.end)
        if key not in marks:
            marks[key] = Mark(span.start, span.end, kind, ref, label, detail, classes)

    def add_figures(figures: tuple[Figure, ...], ref: str) -> None:
        for figure in figures:
            add(figure.text, "figure", ref, figure.category.upper(), _figure_text(figure))

    for claim in result.claims:
        classes = ("ce-hedged",) if claim.hedged else ()
        add(claim.text, "claim", claim.id, "CLAIM", _claim_text(claim), *classes)
        add_figures(claim.figures, claim.id)
    for event in result.events:
        add(
            event.trigger,
            "event",
            event.id,
            event.sub_event_type,
            f"{event.event_type}: {event.sub_event_type}",
        )
        add_figures(event.figures, event.id)
        if event.fatalities is not None:
            add_figures((event.fatalities,), event.id)
    actors = {a.id: a for a in result.actors}
    for event in result.events:
        for actor in (event.actor1, event.actor2, *event.assoc_actors):
            if actor is not None:
                actors.setdefault(actor.id, actor)
    for claim in result.claims:
        if claim.claimant is not None:
            actors.setdefault(claim.claimant.id, claim.claimant)
    for actor in actors.values():
        for mention in actor.mentions:
            add(mention, "actor", actor.id, actor.kind.replace("_", " ").upper(), _actor_text(actor))
    locations = {loc.id: loc for loc in result.locations}
    for event in result.events:
        if event.location is not None:
            locations.setdefault(event.location.id, event.location)
    for location in locations.values():
        for mention in location.mentions:
            add(mention, "place", location.id, "PLACE", _place_text(location))
    times = list(result.times) + [e.date for e in result.events] + [c.time for c in result.claims if c.time]
    for time in times:
        add(time.mention, "time", time.start.isoformat(), "TIME", _time_text(time))
    order = {kind: i for i, kind in enumerate(MARK_KINDS)}
    return sorted(marks.values(), key=lambda m: (m.start, -m.end, order[m.kind]))


def _open_tag(mark: Mark, *, first: bool) -> str:
    classes = " ".join(("ce-mark", f"ce-{mark.kind}", *mark.extra_classes, *(() if first else ("ce-cont",))))
    return (
        f'<mark class="{classes}" data-kind="{mark.kind}" data-start="{mark.start}" data-end="{mark.end}"'
        f' data-ref="{escape(mark.ref)}" title="{escape(mark.detail)}">'
    )


def _close_tag(mark: Mark, *, last: bool) -> str:
    if not last:
        return "</mark>"
    return f'<span class="ce-label">{escape(mark.label)}</span></mark>'


def mark_text(text: str, marks: list[Mark]) -> str:
    """``text`` as escaped HTML with each mark wrapped in ``<mark>``, nested and split where they cross."""
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    out: list[str] = []
    stack: list[Mark] = []
    for i, position in enumerate(bounds):
        ending = [m for m in stack if m.end == position]
        if ending:
            # Close down to the deepest ending mark, then reopen the ones above it that go on.
            depth = min(stack.index(m) for m in ending)
            above = stack[depth:]
            for mark in reversed(above):
                out.append(_close_tag(mark, last=mark.end == position))
            del stack[depth:]
            for mark in above:
                if mark.end != position:
                    out.append(_open_tag(mark, first=False))
                    stack.append(mark)
        for mark in starting.get(position, []):
            out.append(_open_tag(mark, first=True))
            stack.append(mark)
        if i + 1 < len(bounds):
            out.append(escape(text[position : bounds[i + 1]]))
    return "".join(out)


_CSS: Final = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px auto;max-width:1100px;
 color:#1b1b1b;background:#fff;padding:0 16px}
h1{font-size:1.5em;margin-bottom:4px}h2{font-size:1.15em;margin-top:28px;border-bottom:1px solid #ddd}
.ce-meta{color:#555;font-size:.9em}
.ce-text{line-height:2.6;font-size:1.02em;white-space:pre-wrap;border:1px solid #e3e3e3;border-radius:6px;
 padding:12px 16px;background:#fcfcfc}
.ce-mark{padding:.2em .35em;margin:0 .1em;border-radius:.35em;color:#111;box-decoration-break:clone;
 -webkit-box-decoration-break:clone}
.ce-label{font-size:.62em;font-weight:700;letter-spacing:.03em;margin-left:.45em;vertical-align:middle;
 text-transform:uppercase;color:#333}
.ce-event{background:#ffb3b3}.ce-actor{background:#a6d8ff}.ce-place{background:#b8ecb0}
.ce-time{background:#ffe08a}.ce-figure{background:#e3c3ff}
.ce-claim{background:transparent;border-bottom:3px solid #7a7a7a;border-radius:0;padding:0}
.ce-claim.ce-hedged{border-bottom:3px dashed #c0392b}
.ce-claim>.ce-label{color:#555}
.ce-legend span{display:inline-block;margin-right:10px;padding:2px 8px;border-radius:4px;font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.88em;margin-top:8px}
th,td{border:1px solid #ddd;padding:5px 7px;text-align:left;vertical-align:top}th{background:#f3f3f3}
.ce-map{border:1px solid #ccc;border-radius:6px;max-width:100%;height:auto}
.ce-map-bg{fill:#eef5fb}.ce-frame{fill:none;stroke:#8aa;stroke-width:1}
.ce-grid{stroke:#b9c9d6;stroke-width:.7;stroke-dasharray:3 3}.ce-grid-label{font-size:10px;fill:#58708a}
.ce-land{fill:#f7f4ea;stroke:#9a9486;stroke-width:.8;stroke-linejoin:round}
.ce-trigger{background:#ffb3b3;padding:0 .15em;border-radius:.2em}.ce-index li{margin:3px 0}
section.ce-document{border-top:3px solid #ccc;margin-top:32px}
.ce-point circle{fill:#d62728;stroke:#fff;stroke-width:1.5}.ce-point text{font-size:12px;fill:#222;
 paint-order:stroke;stroke:#fff;stroke-width:3px}
.ce-warn{color:#8a5a00;font-size:.9em}
"""


def _cell(value: object) -> str:
    return f"<td>{escape(str(value)) if value not in (None, '') else '&mdash;'}</td>"


def _links(ids: list[str], anchor: str) -> str:
    """A cell of links to rows of the same page (``#d2-claim-c1``), or a dash."""
    if not ids:
        return "<td>&mdash;</td>"
    return "<td>" + ", ".join(f'<a href="#{escape(anchor)}{escape(i)}">{escape(i)}</a>' for i in ids) + "</td>"


def _sentence_cell(event: Event) -> str:
    """The event's sentence with its trigger in bold."""
    sentence, trigger = event.sentence, event.trigger
    text = sentence.text
    a, b = trigger.start - sentence.start, trigger.end - sentence.start
    if not (0 <= a <= b <= len(text)) or a == b:
        return _cell(text.strip())
    return (f"<td>{escape(text[:a].lstrip())}<b class=\"ce-trigger\">{escape(text[a:b])}</b>"
            f"{escape(text[b:].rstrip())}</td>")


def _cross_links(result: ExtractionResult) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Claims of each event and events of each claim, from either side's references."""
    of_event: dict[str, list[str]] = {e.id: list(e.claim_ids) for e in result.events}
    of_claim: dict[str, list[str]] = {c.id: list(c.event_ids) for c in result.claims}
    for event_id, claim_ids in list(of_event.items()):
        for claim_id in claim_ids:
            if claim_id in of_claim and event_id not in of_claim[claim_id]:
                of_claim[claim_id].append(event_id)
    for claim_id, event_ids in list(of_claim.items()):
        for event_id in event_ids:
            if event_id in of_event and claim_id not in of_event[event_id]:
                of_event[event_id].append(claim_id)
    return of_event, of_claim


def _events_table(result: ExtractionResult, prefix: str, claims_of: dict[str, list[str]]) -> str:
    if not result.events:
        return "<p>No events.</p>"
    head = (
        "<tr><th>#</th><th>Event</th><th>Date</th><th>Place</th><th>Admin 1</th><th>Actor 1</th><th>Actor 2</th>"
        "<th>Fatalities</th><th>Sentence</th><th>Claims</th><th>Confidence</th></tr>"
    )
    rows = []
    for i, event in enumerate(result.events, start=1):
        fatalities = _figure_text(event.fatalities) if event.fatalities else None
        place = _place_text(event.location) if event.location else None
        rows.append(
            f'<tr class="ce-event-row" data-ref="{escape(event.id)}" id="{escape(prefix)}event-{escape(event.id)}">'
            f"<td>{i}</td>"
            + _cell(f"{event.event_type}: {event.sub_event_type}")
            + _cell(_time_text(event.date))
            + _cell(place)
            + _cell(event.location.admin1 if event.location else None)
            + _cell(_actor_text(event.actor1) if event.actor1 else None)
            + _cell(_actor_text(event.actor2) if event.actor2 else None)
            + _cell(fatalities)
            + _sentence_cell(event)
            + _links(claims_of.get(event.id, []), f"{prefix}claim-")
            + _cell(f"{event.confidence:.2f}")
            + "</tr>"
        )
    return f'<table class="ce-events">{head}{"".join(rows)}</table>'


def _claims_table(result: ExtractionResult, prefix: str, events_of: dict[str, list[str]]) -> str:
    if not result.claims:
        return "<p>No claims.</p>"
    head = (
        "<tr><th>Claim</th><th>Claimant</th><th>Cue</th><th>Kind</th><th>What is claimed</th>"
        "<th>Figures</th><th>Hedged</th><th>Quote</th><th>Aggregate</th><th>Events</th></tr>"
    )
    rows = []
    for claim in result.claims:
        claimant = _actor_text(claim.claimant) if claim.claimant else "(the publication)"
        rows.append(
            f'<tr class="ce-claim-row" data-ref="{escape(claim.id)}" id="{escape(prefix)}claim-{escape(claim.id)}">'
            + _cell(claim.id)
            + _cell(claimant)
            + _cell(claim.cue)
            + _cell(claim.kind + (" (negated)" if claim.negated else ""))
            + _cell(claim.text.text)
            + _cell("; ".join(_figure_text(f) for f in claim.figures))
            + _cell("yes" if claim.hedged else "no")
            + _cell("yes" if claim.quote else "no")
            + _cell("yes" if claim.aggregate else "no")
            + _links(events_of.get(claim.id, []), f"{prefix}event-")
            + "</tr>"
        )
    return f'<table class="ce-claims">{head}{"".join(rows)}</table>'


def _map_points(result: ExtractionResult) -> list[MapPoint]:
    points = []
    for i, event in enumerate(result.events, start=1):
        location = event.location
        if location is None or location.latitude is None or location.longitude is None:
            continue
        points.append(
            MapPoint(
                label=f"{i} {location.name}: {event.sub_event_type}",
                latitude=location.latitude,
                longitude=location.longitude,
                ref=event.id,
            )
        )
    return points


@lru_cache(maxsize=1)
def _land() -> tuple[Land, ...]:
    """Every country outline with its box, for the maps (Natural Earth, bundled)."""
    out: list[Land] = []
    for rings in country_outlines().values():
        for ring in rings:
            lons, lats = [p[0] for p in ring], [p[1] for p in ring]
            out.append(((min(lons), min(lats), max(lons), max(lats)), ring))
    return tuple(out)


def document_title(result: ExtractionResult) -> str:
    """The document's title, else its headline (a short first line of the text), else its id."""
    document = result.document
    if document.title:
        return document.title
    first = document.text.strip().split("\n", 1)[0].strip()
    if first and len(first) <= 200 and len(first.split()) < 30:
        return first
    return document.id


def _section(result: ExtractionResult, prefix: str, level: int) -> str:
    """One document's article, tables, map and notes; ``prefix`` keeps ids unique on a page of many."""
    document = result.document
    title = document_title(result)
    h, sub = f"h{level}", f"h{level + 1}"
    meta = [f"Published {document.date.isoformat()}"]
    if document.source:
        meta.append(escape(document.source))
    if document.url:
        meta.append(escape(document.url))
    warnings = "".join(f"<li>{escape(w.code)}: {escape(w.message)}</li>" for w in result.warnings)
    pipeline = ", ".join(f"{escape(p.name)} {escape(p.version)}" for p in result.pipeline)
    claims_of, events_of = _cross_links(result)
    return f"""<{h}>{escape(title)}</{h}>
<p class="ce-meta">{" &middot; ".join(meta)} &middot; document <code>{escape(document.id)}</code></p>
<{sub}>Article</{sub}>
<div class="ce-text" id="{escape(prefix)}ce-text">{mark_text(document.text, collect_marks(result))}</div>
<{sub}>Events ({len(result.events)})</{sub}>
{_events_table(result, prefix, claims_of)}
<{sub}>Claims ({len(result.claims)})</{sub}>
{_claims_table(result, prefix, events_of)}
<{sub}>Map</{sub}>
{map_svg(_map_points(result), title=f"Located events of {title}", land=_land())}
{f'<{sub}>Warnings</{sub}><ul class="ce-warn">{warnings}</ul>' if warnings else ""}
<p class="ce-meta">Schema {escape(result.schema_version)}{f"; pipeline: {pipeline}" if pipeline else ""}</p>
"""


def _legend() -> str:
    legend = "".join(
        f'<span class="ce-mark ce-{kind}">{_LABELS[kind]}</span>' for kind in MARK_KINDS if kind != "claim"
    )
    return legend + '<span class="ce-claim">claim</span><span class="ce-claim ce-hedged">hedged claim</span>'


def _page(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
{body}</body>
</html>
"""


def render_html(result: ExtractionResult) -> str:
    """A self-contained HTML page for ``result`` (see the module docstring); no network needed to view it."""
    section = _section(result, "", 1)
    return _page(document_title(result), f'<p class="ce-legend">{_legend()}</p>\n{section}')


def render_results(results: Iterable[ExtractionResult], *, title: str = "Extraction results") -> str:
    """One self-contained page for many results: an index of the documents, then each one as on
    :func:`render_html` (ids prefixed ``d1-``, ``d2-`` ... so links stay within their document).

    >>> import datetime as dt
    >>> from conflict_events.schema import Document
    >>> docs = [ExtractionResult(document=Document(id=f"d{i}", text=f"Headline {i}\\nText.", date=dt.date(2025, 1, i)))
    ...         for i in (1, 2)]
    >>> page = render_results(docs)
    >>> '<a href="#d2">Headline 2</a>' in page, page.count('<section class="ce-document"')
    (True, 2)
    """
    items: list[str] = []
    sections: list[str] = []
    for n, result in enumerate(results, start=1):
        anchor = f"d{n}"
        items.append(f'<li><a href="#{anchor}">{escape(document_title(result))}</a> '
                     f'<span class="ce-meta">{result.document.date.isoformat()} &middot; '
                     f"{len(result.events)} events &middot; {len(result.claims)} claims</span></li>")
        sections.append(f'<section class="ce-document" id="{anchor}">\n{_section(result, anchor + "-", 2)}</section>')
    body = (f"<h1>{escape(title)}</h1>\n<p class=\"ce-meta\">{len(items)} documents</p>\n"
            f'<p class="ce-legend">{_legend()}</p>\n<ol class="ce-index">{"".join(items)}</ol>\n'
            + "\n".join(sections))
    return _page(title, body)
