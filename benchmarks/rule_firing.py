"""How often each named rule fires on the development sets, and how often its decision agrees with the gold.

    python benchmarks/rule_firing.py                       # ACLED samples, tbaq, 200 polnear-train articles
    python benchmarks/rule_firing.py --sets tbaq --all     # every tbaq document
    python benchmarks/rule_firing.py --sets acled --full   # every ACLED note (11,302; minutes)
    python benchmarks/rule_firing.py --min-fired 0 --csv rules.csv

It runs the default pipeline in this process over the chosen sets (``../shared/dev``, and the
ACLED sets built by ``../shared/dev/acled/build.py`` under ``../.devdata/acled``), records every
rule that fires (``conflict_events.rules.trace``), and compares the decisions the records carry
in their ``provenance`` with the gold, using the sets' own scorers:

- ACLED notes (events, actors and places rules): the note's most confident event, as the ACLED
  scorer takes it; ``event_type``/``sub_event_type``, ``actor1``/``actor2`` (names normalised as
  the scorer does), ``date`` and the location's ``admin1`` against ACLED's coding;
- tbaq (time rules): each time expression overlapping a gold DATE timex with a concrete value;
  right when the scorer counts its value right;
- polnear-train (cue and source rules): each claim; right when it matches a gold attribution
  (content overlapping by half) and, for ``cue``, when the scorer accepts its cue.

Every registered rule is listed, so rules that never fire stand out; "agree" is the share of
its scored decisions that were right (blank when none could be scored). ACLED figures are
from ACLED's data (acleddata.com), used for measurement only.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
ACLED_DATA = ROOT.parent / ".devdata" / "acled"


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.parent.name + "_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"rule_firing: cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Tally:
    """Per rule: times fired, decisions scored, decisions right."""

    def __init__(self) -> None:
        self.fired: Counter[str] = Counter()
        self.scored: Counter[str] = Counter()
        self.right: Counter[str] = Counter()
        self.sets: dict[str, set[str]] = defaultdict(set)

    def judge(self, rule: str, ok: bool) -> None:
        self.scored[rule] += 1
        self.right[rule] += int(ok)


def _decisions(record: dict[str, Any] | None) -> Iterator[tuple[str, str]]:
    for d in (record or {}).get("provenance") or ():
        yield d["field"], d["rule"]


def extract(docs: list[dict[str, Any]], tally: Tally, set_name: str) -> dict[str, dict[str, Any]]:
    """Run the pipeline over ``docs`` (id, text, date) under a rule trace; results by document id."""
    import datetime as dt

    from conflict_events.errors import ExtractionError
    from conflict_events.pipeline import Pipeline
    from conflict_events.rules import trace
    from conflict_events.schema import Document

    pipeline = _pipeline(Pipeline)
    out: dict[str, dict[str, Any]] = {}
    start = time.monotonic()
    for k, d in enumerate(docs, 1):
        document = Document(id=d["id"], text=d["text"], date=dt.date.fromisoformat(d["date"][:10]))
        with trace() as fired:
            try:
                result = pipeline(document)
            except ExtractionError as err:
                print(f"  {d['id']}: {err}", file=sys.stderr)
                continue
        for f in fired:
            tally.fired[f.rule] += 1
            tally.sets[f.rule].add(set_name)
        out[d["id"]] = json.loads(result.model_dump_json())
        if k % 200 == 0 or k == len(docs):
            print(f"  {set_name}: {k}/{len(docs)} documents, {time.monotonic() - start:.0f} s", file=sys.stderr)
    return out


_PIPELINE: Any = None


def _pipeline(factory: Any) -> Any:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = factory()
    return _PIPELINE


def score_acled(results: dict[str, dict[str, Any]], gold: dict[str, dict[str, Any]], tally: Tally) -> None:
    sc = _scorer(DEV / "acled" / "score.py")
    for doc_id, g in gold.items():
        event = sc.top_event(results.get(doc_id))
        if event is None:
            continue
        truth = {
            "event_type": event.get("event_type") == g["event_type"],
            "sub_event_type": event.get("sub_event_type") == g["sub_event_type"],
            "actor1": sc.actor_key(sc.name_of(event.get("actor1"))) == sc.actor_key(g.get("actor1")),
            "actor2": sc.actor_key(sc.name_of(event.get("actor2"))) == sc.actor_key(g.get("actor2")),
            "date": (event.get("date") or {}).get("start") == g.get("event_date"),
            "fatalities": sc.fig_value(event.get("fatalities")) == (g.get("fatalities") or 0),
            "location": sc.place_key((event.get("location") or {}).get("admin1")) == sc.place_key(g.get("admin1")),
        }
        for field, rule in _decisions(event):
            if field in truth:
                tally.judge(rule, truth[field])
        location = event.get("location")
        for field, rule in _decisions(location):
            if field in ("admin1", "name", "country", "coordinates"):
                tally.judge(rule, sc.place_key((location or {}).get("admin1")) == sc.place_key(g.get("admin1")))
        for side in ("actor1", "actor2"):
            actor = event.get(side)
            for _field, rule in _decisions(actor):
                tally.judge(rule, sc.actor_key(sc.name_of(actor)) == sc.actor_key(g.get(side)))


def score_time(results: dict[str, dict[str, Any]], gold: list[dict[str, Any]], tally: Tally) -> None:
    sc = _scorer(DEV / "time" / "score.py")
    for g in gold:
        r = results.get(g["id"])
        if r is None:
            continue
        timexes = [(t, sc.gold_interval(t["value"])) for t in g["timex"] if t["type"] == "DATE"]
        for ts in r.get("times") or []:
            m = ts.get("mention") or {}
            span = (m.get("start", -1), m.get("end", -1))
            hits = [(t, gi) for t, gi in timexes if gi and sc._ov(span, (t["start"], t["end"]))]
            if not hits:
                continue
            t, gi = max(hits, key=lambda h: sc._ov(span, (h[0]["start"], h[0]["end"])))
            ok = sc.value_ok(ts, t["value"], gi[1:])
            for _field, rule in _decisions(ts):
                tally.judge(rule, bool(ok))


def score_attribution(results: dict[str, dict[str, Any]], gold: list[dict[str, Any]], tally: Tally) -> None:
    sc = _scorer(DEV / "attribution" / "score.py")
    for g in gold:
        r = results.get(g["id"])
        if r is None:
            continue
        atts = g["attributions"]
        for c in r.get("claims") or []:
            t = c.get("text") or {}
            span = (t.get("start", 0), t.get("end", 0))
            best = None
            for a in atts:
                fr = a["content"]["fragments"]
                glen = sum(e - s for s, e in fr)
                o = sc.ov_frags(span, fr)
                if o and o >= 0.5 * min(glen, span[1] - span[0]) and (best is None or o > best[0]):
                    best = (o, a)
            for field, rule in _decisions(c):
                if best is None:
                    tally.judge(rule, False)
                elif field == "cue":
                    tally.judge(rule, bool(sc.cue_ok(c, best[1]["cue"])))
                elif field in ("claimant", "source") and best[1]["source"]:
                    tally.judge(rule, bool(sc.source_ok(r, c, best[1])))
                else:
                    tally.judge(rule, True)


def _acled_sets(full: bool, limit: int | None) -> Iterable[tuple[str, list[dict[str, Any]], dict[str, Any]]]:
    if not ACLED_DATA.is_dir():
        print(f"rule_firing: no ACLED sets under {ACLED_DATA} (run ../shared/dev/acled/build.py)", file=sys.stderr)
        return
    for d in sorted(p for p in ACLED_DATA.iterdir() if p.is_dir()):
        docs = _jsonl(d / "docs.jsonl")
        if not full:
            keep = set((d / "sample.ids").read_text().split())
            docs = [x for x in docs if x["id"] in keep]
        docs = docs[:limit] if limit else docs
        gold = {g["id"]: g for g in _jsonl(d / "gold.jsonl")}
        yield "acled-" + d.name, docs, {x["id"]: gold[x["id"]] for x in docs if x["id"] in gold}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default="acled,tbaq,polnear-train", help="comma-separated: acled, tbaq, polnear-train")
    ap.add_argument("--full", action="store_true", help="every ACLED note, not the fixed samples")
    ap.add_argument("--all", action="store_true", help="every tbaq and polnear-train document")
    ap.add_argument("--limit", type=int, default=None, help="at most this many documents per set")
    ap.add_argument("--min-fired", type=int, default=0, help="list only rules fired at least this often")
    ap.add_argument("--csv", type=Path, help="also write the table as CSV")
    a = ap.parse_args(argv)
    wanted = {s.strip() for s in a.sets.split(",") if s.strip()}
    tally = Tally()
    if "acled" in wanted:
        for name, docs, gold in _acled_sets(a.full, a.limit):
            score_acled(extract(docs, tally, name), gold, tally)
    if "tbaq" in wanted:
        d = DEV / "time" / "tbaq"
        docs = _jsonl(d / "docs.jsonl")
        docs = docs if a.all else docs[: a.limit or 120]
        ids = {x["id"] for x in docs}
        score_time(extract(docs, tally, "tbaq"), [g for g in _jsonl(d / "gold.jsonl") if g["id"] in ids], tally)
    if "polnear-train" in wanted:
        d = DEV / "attribution" / "polnear-train"
        docs = _jsonl(d / "docs.jsonl")
        docs = docs if a.all else docs[: a.limit or 200]
        ids = {x["id"] for x in docs}
        gold = [g for g in _jsonl(d / "gold.jsonl") if g["id"] in ids]
        score_attribution(extract(docs, tally, "polnear-train"), gold, tally)
    return _print(tally, a.min_fired, a.csv)


def _print(tally: Tally, min_fired: int, csv_path: Path | None) -> int:
    from conflict_events.rules import catalogue

    rules = catalogue()
    names = sorted(set(rules) | set(tally.fired))
    rows = []
    for n in names:
        if tally.fired[n] < min_fired:
            continue
        agree = f"{tally.right[n] / tally.scored[n]:.2f}" if tally.scored[n] else ""
        flag = "never fired" if not tally.fired[n] else ("mostly wrong" if agree and float(agree) < 0.5 else "")
        decides = rules[n].decides if n in rules else "?"
        rows.append((n, decides, tally.fired[n], tally.scored[n], agree, ",".join(sorted(tally.sets[n])), flag))
    width = max((len(r[0]) for r in rows), default=10)
    print(f"{'rule':<{width}}  {'decides':<24} {'fired':>7} {'scored':>7} {'agree':>6}  sets / note")
    for n, decides, fired, scored, agree, sets, flag in rows:
        print(f"{n:<{width}}  {decides:<24} {fired:>7} {scored:>7} {agree:>6}  {sets} {flag}".rstrip())
    never = sum(1 for r in rows if r[2] == 0)
    print(f"\n{len(rows)} rules listed, {never} never fired; ACLED figures from ACLED data (acleddata.com).")
    if csv_path:
        with csv_path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["rule", "decides", "fired", "scored", "agree", "sets", "note"])
            w.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
