"""Synthetic extraction results shaped like real ones, for the event store's scale benchmark.

Real results of news reports (the development fusion set, through ``conflict-events extract``)
have per document about 2.2 events, 6 claims, 8 actors, 4.5 places, 3 time expressions and
1,400 characters of text, and weigh about 18 KB of JSON. The results written here have the
same shape: a dated text of sentences, events with nested places and actors (with mentions
into the text), claims with their claimants and figures, the times found, six pipeline steps.

What they report follows a stream of happenings over three years in a dozen countries, with
the skew of real conflict data (a few countries, provinces and towns carry most events), each
happening reported by one to six documents published up to three days later, and every report
disagreeing a little as real ones do: another but related type, an undated follow-up, a week or
a month instead of the day, the province or the country instead of the town, another toll.

Every line is a valid :class:`~conflict_events.schema.ExtractionResult` (``--check`` validates
the first lines with the full models).

    python benchmarks/synthetic_reports.py --events 10000 -o synthetic.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

START = dt.date(2022, 1, 1)
DAYS = 3 * 365
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# country, weight, ACLED name, state forces, armed groups, centre (lat, lon)
COUNTRIES = [
    ("UA", 30, "Ukraine", "Military Forces of Ukraine (2019-)", ["Military Forces of Russia (2000-)"], (48.5, 35.0)),
    ("SD", 8, "Sudan", "Military Forces of Sudan (2019-)", ["RSF: Rapid Support Forces"], (14.0, 30.0)),
    ("MM", 8, "Myanmar", "Military Forces of Myanmar (2021-)", ["PDF: People's Defense Force", "KIA: Kachin "
                                                                 "Independence Army"], (21.0, 96.0)),
    ("BF", 6, "Burkina Faso", "Military Forces of Burkina Faso (2022-)", ["JNIM: Group for Support of Islam and "
                                                                          "Muslims", "Islamic State (Sahel)"],
     (12.5, -1.5)),
    ("NG", 6, "Nigeria", "Military Forces of Nigeria (2023-)", ["Islamic State (West Africa)", "Boko Haram - "
                                                                "Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"],
     (10.0, 8.0)),
    ("SY", 6, "Syria", "Military Forces of Syria (2000-2024)", ["Hayat Tahrir al Sham"], (35.0, 38.0)),
    ("PS", 6, "Palestine", "Military Forces of Israel (2022-)", ["Hamas Movement"], (31.5, 34.45)),
    ("CD", 5, "Democratic Republic of Congo", "Military Forces of the Democratic Republic of Congo (2019-)",
     ["M23: March 23 Movement", "ADF: Allied Democratic Forces"], (-1.5, 29.0)),
    ("SO", 5, "Somalia", "Military Forces of Somalia (2022-)", ["Al Shabaab"], (3.0, 45.0)),
    ("ML", 4, "Mali", "Military Forces of Mali (2021-)", ["JNIM: Group for Support of Islam and Muslims"],
     (15.0, -3.0)),
    ("PK", 4, "Pakistan", "Military Forces of Pakistan (2018-)", ["TTP: Tehreek-i-Taliban Pakistan"], (33.0, 71.0)),
    ("HT", 3, "Haiti", "Police Forces of Haiti (2021-)", ["Viv Ansanm"], (18.9, -72.5)),
]
# sub-event type, weight, verb, related sub-types a report may use instead
SUB_TYPES = [
    ("Armed clash", 30, "clashed with", ["Attack", "Shelling/artillery/missile attack"]),
    ("Shelling/artillery/missile attack", 22, "shelled", ["Air/drone strike", "Attack"]),
    ("Air/drone strike", 13, "struck", ["Shelling/artillery/missile attack", "Attack"]),
    ("Attack", 17, "attacked", ["Armed clash", "Mob violence"]),
    ("Remote explosive/landmine/IED", 4, "bombed", ["Suicide bomb", "Attack"]),
    ("Abduction/forced disappearance", 3, "abducted", ["Attack"]),
    ("Peaceful protest", 7, "protested in", ["Protest with intervention"]),
    ("Mob violence", 2, "rioted in", ["Violent demonstration"]),
    ("Looting/property destruction", 2, "looted", ["Looting/property destruction"]),
]
PARENT = {
    "Armed clash": "Battles", "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence", "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians", "Peaceful protest": "Protests",
    "Protest with intervention": "Protests", "Mob violence": "Riots", "Violent demonstration": "Riots",
    "Looting/property destruction": "Strategic developments",
}
OUTLETS = ["Wire One", "Daily Two", "Radio Three", "Weekly Four", "Monitor Five", "Agency Six", "Post Seven",
           "Herald Eight", "Observer Nine", "Courier Ten"]
SPEAKERS = [("United Nations", "organization"), ("the regional governor", "government"),
            ("local officials", "government"), ("a spokesman for the army", "state_forces"),
            ("residents", "civilians"), ("a hospital source", "person")]
STEPS = [{"name": f"conflict_events.{n}.v1", "version": "1.0.0"}
         for n in ("locations", "actors", "time", "figures", "claims", "events")]


@dataclass
class Place:
    name: str
    kind: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    gid: str | None


@dataclass
class Happening:
    country: int
    admin1: int
    town: int
    day: int
    sub_type: str
    actor1: str
    actor2: str
    toll: int | None


def zipf_weights(n: int, s: float) -> list[float]:
    """Zipf weights for ``n`` ranks: the skew of real conflict data over provinces and towns."""
    return [1 / (rank + 1) ** s for rank in range(n)]


class World:
    """Provinces and towns of each country, made up but fixed by the seed."""

    def __init__(self, rnd: random.Random) -> None:
        self.provinces: list[list[Place]] = []
        self.towns: list[list[list[Place]]] = []
        for ci, (code, _, name, _, _, (lat, lon)) in enumerate(COUNTRIES):
            provinces, towns = [], []
            for pi in range(rnd.randint(10, 25)):
                plat, plon = lat + rnd.uniform(-3, 3), lon + rnd.uniform(-3, 3)
                pname = f"{name.split()[0]} Province {pi + 1}"
                gid = f"geonames:{900000 + ci * 100 + pi}"
                provinces.append(Place(pname, "admin1", code, pname, None, None, None, gid))
                row = []
                for ti in range(rnd.randint(40, 160)):
                    has = rnd.random() < 0.7
                    row.append(Place(f"Town{ci}x{pi}x{ti}", "settlement", code, pname, f"District {ti % 5}",
                                     round(plat + rnd.uniform(-0.6, 0.6), 4) if has else None,
                                     round(plon + rnd.uniform(-0.6, 0.6), 4) if has else None,
                                     f"geonames:{(ci * 1000 + pi) * 100 + ti}" if has else None))
                towns.append(row)
            self.provinces.append(provinces)
            self.towns.append(towns)
        # ACLED's Ukraine: the busiest oblast has about a third of the events, its busiest town a few per cent
        self.province_weights = [zipf_weights(len(p), 1.1) for p in self.provinces]
        self.town_weights = [[zipf_weights(len(t), 0.9) for t in towns] for towns in self.towns]
        self.country_places = [Place(c[2], "country", c[0], None, None, None, None, None) for c in COUNTRIES]


def happenings(rnd: random.Random, world: World, density: int) -> Iterator[tuple[Happening, int]]:
    """Happenings in date order, as many a day as ``density`` events over three years give, with their reports."""
    weights = [c[1] for c in COUNTRIES]
    # a happening gets 1.65 reports on average, and a document reports 2.2 events
    per_day = density / DAYS / 1.65 / 1.7
    for day in range(DAYS):
        for _ in range(int(per_day) + (rnd.random() < per_day % 1)):
            ci = rnd.choices(range(len(COUNTRIES)), weights)[0]
            pi = rnd.choices(range(len(world.provinces[ci])), world.province_weights[ci])[0]
            ti = rnd.choices(range(len(world.towns[ci][pi])), world.town_weights[ci][pi])[0]
            sub = rnd.choices([s[0] for s in SUB_TYPES], [s[1] for s in SUB_TYPES])[0]
            _, _, cname, state, groups, _ = COUNTRIES[ci]
            if PARENT[sub] == "Protests":
                a1, a2 = f"Protesters ({cname})", state.replace("Military", "Police")
            elif PARENT[sub] == "Violence against civilians":
                a1, a2 = rnd.choice([*groups, f"Unidentified Armed Group ({cname})"]), f"Civilians ({cname})"
            else:
                a1, a2 = rnd.choice(groups), state
            toll = None if rnd.random() < 0.4 else max(1, int(rnd.expovariate(1 / 8)))
            n = rnd.choices([1, 2, 3, 4, 5, 6], [60, 25, 10, 3, 1, 1])[0]
            yield Happening(ci, pi, ti, day, sub, a1, a2, toll), n


class Writer:
    """One document's text and records, with spans kept right as sentences are added."""

    def __init__(self, doc_id: str, published: dt.date, source: str, rnd: random.Random) -> None:
        self.rnd = rnd
        self.parts: list[str] = []
        self.length = 0
        self.doc = {"id": doc_id, "text": "", "date": published.isoformat(), "title": None, "source": source,
                    "url": f"https://news.example/{doc_id}"}
        self.published = published
        self.locations: dict[str, dict[str, Any]] = {}
        self.actors: dict[str, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []
        self.times: list[dict[str, Any]] = []

    def add(self, text: str) -> int:
        start = self.length + (1 if self.parts else 0)
        self.parts.append(text)
        self.length = start + len(text)
        return start

    @staticmethod
    def span(text: str, start: int, words: str) -> dict[str, Any]:
        at = text.index(words)
        return {"text": words, "start": start + at, "end": start + at + len(words)}

    def location(self, place: Place, mention: dict[str, Any]) -> dict[str, Any]:
        key = place.name
        if key not in self.locations:
            self.locations[key] = {
                "id": f"loc-{len(self.locations) + 1}", "name": place.name, "kind": place.kind,
                "country": place.country, "admin1": place.admin1, "admin2": place.admin2, "latitude": place.lat,
                "longitude": place.lon, "geo_precision": 1 if place.lat is not None else (2 if place.kind ==
                                                                                           "settlement" else 3),
                "gazetteer_id": place.gid, "mentions": [], "provenance": []}
        self.locations[key]["mentions"].append(mention)
        return self.locations[key]

    def actor(self, name: str, kind: str, country: str | None, mention: dict[str, Any] | None) -> dict[str, Any]:
        if name not in self.actors:
            self.actors[name] = {"id": f"actor-{len(self.actors) + 1}", "name": name, "kind": kind,
                                 "country": country, "affiliation": None, "mentions": [], "provenance": []}
        if mention is not None:
            self.actors[name]["mentions"].append(mention)
        return self.actors[name]

    def result(self) -> dict[str, Any]:
        self.doc["text"] = " ".join(self.parts)
        return {"schema_version": "1.0", "document": self.doc, "events": self.events, "claims": self.claims,
                "actors": list(self.actors.values()), "locations": list(self.locations.values()),
                "times": self.times, "warnings": [], "pipeline": STEPS}


def _kind_of(name: str) -> str:
    if name.startswith(("Military", "Police")):
        return "state_forces"
    if name.startswith("Civilians"):
        return "civilians"
    if name.startswith("Protesters"):
        return "protesters"
    return "rebel_group"


def _when(rnd: random.Random, h: Happening, published: dt.date) -> tuple[str | None, dt.date, dt.date, str]:
    """How a report dates the happening: (expression, start, end, precision)."""
    day = START + dt.timedelta(days=h.day)
    roll = rnd.random()
    if roll < 0.65 or published == day:
        return ("on " + WEEKDAYS[day.weekday()], day, day, "day")
    if roll < 0.75:
        return (None, published, published, "range")
    if roll < 0.85:
        monday = day - dt.timedelta(days=day.weekday())
        return ("last week", monday, monday + dt.timedelta(days=6), "week")
    if roll < 0.9:
        late = day + dt.timedelta(days=1)
        return ("overnight into " + WEEKDAYS[late.weekday()], late, late, "day")
    if roll < 0.95:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return ("in " + MONTHS[day.month - 1], first, last, "month")
    wrong = day - dt.timedelta(days=2)
    return ("on " + WEEKDAYS[wrong.weekday()], wrong, wrong, "day")


def _where(rnd: random.Random, world: World, h: Happening) -> Place:
    roll = rnd.random()
    towns = world.towns[h.country][h.admin1]
    if roll < 0.65:
        return towns[h.town]
    if roll < 0.8:
        return world.provinces[h.country][h.admin1]
    if roll < 0.9:
        return world.country_places[h.country]
    return towns[rnd.randrange(len(towns))]


def add_event(w: Writer, world: World, h: Happening, index: int) -> None:
    rnd = w.rnd
    sub = h.sub_type if rnd.random() < 0.8 else rnd.choice(next(s for s in SUB_TYPES if s[0] == h.sub_type)[3])
    verb = next((s[2] for s in SUB_TYPES if s[0] == sub), "attacked")
    when, start, end, precision = _when(rnd, h, w.published)
    place = _where(rnd, world, h)
    a1 = h.actor1 if rnd.random() < 0.85 else f"Unidentified Armed Group ({COUNTRIES[h.country][2]})"
    toll = h.toll if h.toll is None or rnd.random() < 0.5 else max(1, round(h.toll * rnd.uniform(0.6, 1.6)))
    killing = f", killing {toll} people" if toll is not None else ""
    sentence = f"{a1} {verb} {h.actor2} near {place.name}{' ' + when if when else ''}{killing}."
    start_at = w.add(sentence)
    trigger = Writer.span(sentence, start_at, verb)
    sent_span = {"text": sentence, "start": start_at, "end": start_at + len(sentence)}
    loc = w.location(place, Writer.span(sentence, start_at, place.name))
    country = COUNTRIES[h.country][0]
    actor1 = w.actor(a1, _kind_of(a1), country, Writer.span(sentence, start_at, a1))
    actor2 = w.actor(h.actor2, _kind_of(h.actor2), country, Writer.span(sentence, start_at, h.actor2))
    date = {"start": start.isoformat(), "end": end.isoformat(), "precision": precision, "text": when,
            "anchor": w.published.isoformat(),
            "mention": Writer.span(sentence, start_at, when) if when else None,
            "timex_type": "DATE", "value": None, "provenance": []}
    if when:
        w.times.append(date)
    figure = None
    if toll is not None:
        words = f"{toll} people"
        figure = {"category": "killed", "item": None, "value": toll, "low": toll, "high": None,
                  "approximate": False, "subject": None, "text": Writer.span(sentence, start_at, words),
                  "provenance": []}
    event_id = f"event-{index}"
    claim_ids = []
    for c in range(rnd.choice([2, 2, 3, 3, 3])):  # about 6 claims a document at 2.2 events
        speaker, kind = rnd.choice(SPEAKERS)
        said = f"{sentence[:-1]}, {speaker} said." if c == 0 else f"The toll could rise, {speaker} said."
        at = w.add(said)
        claimant = w.actor(speaker, kind, country if kind != "organization" else None,
                           Writer.span(said, at, speaker))
        claim_id = f"claim-{index}-{c}"
        claim_ids.append(claim_id)
        w.claims.append({
            "id": claim_id, "claimant": claimant, "cue": "say", "kind": "casualties" if c == 0 else "statement",
            "text": {"text": said[: said.index(",")], "start": at, "end": at + said.index(",")},
            "sentence": {"text": said, "start": at, "end": at + len(said)}, "quote": False, "hedged": c > 0,
            "negated": False, "aggregate": False,
            "figures": [dict(figure, text=Writer.span(said, at, f"{toll} people"))] if figure and c == 0 else [],
            "time": date if when else None, "location": loc if c == 0 else None, "event_ids": [event_id],
            "provenance": []})
    w.events.append({
        "id": event_id, "document_id": w.doc["id"], "event_type": PARENT[sub], "sub_event_type": sub,
        "trigger": trigger, "sentence": sent_span, "date": date, "location": loc, "actor1": actor1,
        "actor2": actor2, "assoc_actors": [], "fatalities": figure, "figures": [], "claim_ids": claim_ids,
        "civilian_targeting": PARENT[sub] == "Violence against civilians",
        "confidence": round(rnd.uniform(0.4, 0.95), 2), "extractor": "conflict_events.events.v1",
        "provenance": [{"field": "sub_event_type", "rule": "events.type.synthetic"}]})


def add_context(w: Writer, world: World, h: Happening) -> None:
    """The rest of a report: where people fled, who else spoke, when aid arrived (places, actors, times)."""
    rnd = w.rnd
    towns = world.towns[h.country][h.admin1]
    for _ in range(rnd.choice([1, 2, 2, 3])):
        a, b = rnd.choice(towns), world.provinces[h.country][h.admin1]
        day = w.published - dt.timedelta(days=rnd.randint(0, 6))
        when = "on " + WEEKDAYS[day.weekday()]
        speaker, kind = rnd.choice(SPEAKERS)
        text = f"Families fled to {a.name} in {b.name} {when}, {speaker} told reporters."
        at = w.add(text)
        w.location(a, Writer.span(text, at, a.name))
        w.location(b, Writer.span(text, at, b.name))
        w.actor(speaker, kind, COUNTRIES[h.country][0] if kind != "organization" else None,
                Writer.span(text, at, speaker))
        w.times.append({"start": day.isoformat(), "end": day.isoformat(), "precision": "day", "text": when,
                        "anchor": w.published.isoformat(), "mention": Writer.span(text, at, when),
                        "timex_type": "DATE", "value": None, "provenance": []})
    w.add(FILLER * rnd.randint(1, 3))


FILLER = ("The situation in the area remained tense and humanitarian agencies warned of further displacement "
          "as families fled to nearby towns. ")


def reports(events_wanted: int, seed: int = 1, density: int = 1_000_000) -> Iterator[str]:
    """JSON lines of synthetic results, in publication order, until ``events_wanted`` events are written.

    ``density``: as many events a day as that many over three years (so a smaller run has the
    same crowding of towns and days as the full one, over a shorter time).
    """
    rnd = random.Random(seed)
    world = World(rnd)
    pending: dict[int, list[Happening]] = {}
    written = doc_no = 0
    stream = happenings(rnd, world, density)
    recent: list[Happening] = []
    for h, n in stream:
        for _ in range(n):
            pending.setdefault(h.day + rnd.choice([0, 0, 1, 1, 2, 3]), []).append(h)
        recent = [*recent, h][-200:]
        for day in sorted(d for d in pending if d < h.day):
            for main in pending.pop(day):
                doc_no += 1
                published = START + dt.timedelta(days=day)
                w = Writer(f"syn-{doc_no:07d}", published, rnd.choice(OUTLETS), rnd)
                w.add(FILLER.strip())
                extra = [r for r in recent if r.country == main.country and r is not main][-12:]
                rnd.shuffle(extra)
                for i, story in enumerate([main, *extra[: rnd.choice([0, 0, 1, 1, 1, 2, 2, 3])]], start=1):
                    add_event(w, world, story, i)
                add_context(w, world, main)
                written += len(w.events)
                yield json.dumps(w.result(), ensure_ascii=False)
                if written >= events_wanted:
                    return


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--check", type=int, default=0, metavar="N", help="validate the first N lines fully")
    a = ap.parse_args()
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")  # noqa: SIM115
    checked = 0
    for line in reports(a.events, a.seed):
        if checked < a.check:
            from conflict_events.schema import ExtractionResult

            ExtractionResult.model_validate_json(line)
            checked += 1
        out.write(line + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
