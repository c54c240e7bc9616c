"""Speed and corpus accuracy of the temporal module (the figures quoted in docs/time.md).

    python benchmarks/bench_time.py [--shared ../shared] [--repeat 2000] [--dev time/tbaq time/meantime]

Prints:
* normalisation: mean time to resolve one matched expression, after warm-up;
* find + normalise: mean time per expression for the finder and resolution on a
  short sentence holding one expression (tense from the words);
* finder: mean time per corpus document (all expressions, tense from the parse;
  the spaCy parse itself is not counted);
* governing_time: mean time per call;
* dev sets (``--dev``, folders under shared/dev): the time step (finder, tense from the parse,
  records) over every document, per expression written (the spaCy parse not counted);
* corpus: for each gold event date and claim time, whether governing_time over the
  gold evidence span gives an accepted start and end (as gold/score.py's date_ok).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import time
from functools import partial
from pathlib import Path

from conflict_events.draft import Draft
from conflict_events.extractors.time import TimeExtractor
from conflict_events.io.readers import read_text_file
from conflict_events.nlp import load_language_model
from conflict_events.schema import Document
from conflict_events.temporal import TimeFinder, TimeWords, governing_time, tense_of
from conflict_events.temporal._readings import Context
from conflict_events.temporal._scan import Scan

ROOT = Path(__file__).resolve().parents[1]

EXPRESSIONS = [
    "on Sunday", "late Saturday", "on Sunday morning", "overnight on Saturday", "later Friday", "yesterday",
    "today", "tonight", "two days ago", "10 days ago", "a day after", "over the past day",
    "in the past 24 hours", "the past two weeks", "last week", "this week", "at the weekend", "this month",
    "earlier this month",
    "last month", "in recent months", "recently", "late last year", "last November", "later that month",
    "in August", "January 3", "3 January", "March 14", "Dec 24", "early January", "mid-2024", "in 2024",
    "since 2015", "the winter", "since August", "since the start of the campaign in May",
    "between 1 and 3 January", "on Sunday and Monday", "for three days", "2025-01-05", "05/01/2025",
    "5th January 2025", "January 5, 2025", "on the night of 4 to 5 January", "next week", "in the 1990s",
    "in the third quarter of 2024", "three weeks ago", "in March 2015",
]  # fmt: skip


def bench_normalisation(repeat: int) -> float:
    finder = TimeFinder()
    anchor = __import__("datetime").date(2025, 1, 5)
    texts = [f"Troops attacked {e}, officials said." for e in EXPRESSIONS]
    for text in texts:
        finder.find(text, anchor)
    t0 = time.perf_counter()
    n = 0
    for _ in range(repeat // len(texts) + 1):
        for text in texts:
            n += len(finder.find(text, anchor))
    return (time.perf_counter() - t0) / n * 1000


def bench_resolution(repeat: int) -> float:
    """Resolution alone: each rule's reading of matches found beforehand."""
    finder = TimeFinder()
    anchor = __import__("datetime").date(2025, 1, 5)
    texts = [f"Troops attacked {e}, officials said." for e in EXPRESSIONS]
    matches: list[tuple[Scan, re.Match[str], str]] = []
    for text in texts:
        for scan in finder.scans:
            matches.extend((scan, m, text) for m in scan.pattern.finditer(text) if m.group(0))
    contexts = {text: Context(anchor=anchor, text=text) for text in texts}
    t0 = time.perf_counter()
    n = 0
    for _ in range(repeat // len(matches) + 1):
        for rule, m, text in matches:
            rule.read(m, contexts[text])
            n += 1
    return (time.perf_counter() - t0) / n * 1000


def bench_documents(shared: Path) -> tuple[float, float, int, float]:
    nlp = load_language_model()
    finder = TimeFinder()
    words = TimeWords.load()
    docs = [read_text_file(p) for p in sorted((shared / "corpus").glob("*-*.txt"))]
    parsed = [(d, nlp(d.text)) for d in docs]
    per_doc: list[float] = []
    count = 0
    for _ in range(20):
        for document, doc in parsed:
            t0 = time.perf_counter()
            found = finder.timespans(document.text, document.date, tense=partial(tense_of, doc, words=words))
            per_doc.append(time.perf_counter() - t0)
            count += len(found)
    # governing_time per call, over every token of every corpus article
    calls = 0
    t_gov = 0.0
    for document, doc in parsed:
        draft = TimeExtractor()(doc, Draft(document))
        t0 = time.perf_counter()
        for token in doc:
            governing_time(doc[token.i : token.i + 1], draft.times, document.date)
            calls += 1
        t_gov += time.perf_counter() - t0
    return (
        statistics.mean(per_doc) * 1000,
        statistics.mean(len(d.text) for d, _ in parsed),
        count // 20,
        (t_gov / calls * 1000),
    )


def bench_dev(folder: Path) -> tuple[float, int, int]:
    """The time step over a dev set: ms per expression written, expressions, documents."""
    nlp = load_language_model()
    rows = [json.loads(line) for line in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line]
    documents = [Document(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"])) for r in rows]
    parsed = list(zip(documents, nlp.pipe(d.text for d in documents), strict=True))
    step = TimeExtractor()
    best = float("inf")
    count = 0
    for _ in range(3):
        t0 = time.perf_counter()
        count = sum(len(step(doc, Draft(document)).times) for document, doc in parsed)
        best = min(best, time.perf_counter() - t0)
    return best / max(count, 1) * 1000, count, len(parsed)


def _as_list(v: object) -> list[object]:
    return v if isinstance(v, list) else [v]


def corpus_accuracy(shared: Path) -> dict[str, tuple[int, int]]:
    nlp = load_language_model()
    out: dict[str, tuple[int, int]] = {}
    for gold_path in sorted((shared / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = read_text_file(shared / "corpus" / gold_path.name.replace(".gold.json", ".txt"))
        doc = nlp(document.text)
        draft = TimeExtractor()(doc, Draft(document))
        ok = total = 0
        for record in gold["events"] + gold["claims"]:
            want = record.get("date") or record.get("time")
            if not want or not record.get("required", True):
                continue
            total += 1
            for evidence in record["evidence"]:
                i = document.text.find(evidence)
                span = doc.char_span(i, i + len(evidence), alignment_mode="expand") if i >= 0 else None
                if span is None:
                    continue
                t = governing_time(span, draft.times, document.date)
                if t.start.isoformat() in _as_list(want["start"]) and t.end.isoformat() in _as_list(
                    want["end"]
                ):
                    ok += 1
                    break
        out[gold_path.name.removesuffix(".gold.json")] = (ok, total)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=5000)
    ap.add_argument("--dev", nargs="*", default=[], help="dev sets under shared/dev to time (time/tbaq ...)")
    args = ap.parse_args(argv)
    for name in args.dev:
        per, count, docs = bench_dev(args.shared / "dev" / name)
        print(f"time step on {name}: {per:.3f} ms per expression ({count} expressions, {docs} documents)")
    per_match = bench_resolution(args.repeat)
    print(
        f"normalisation: {per_match:.4f} ms per expression (resolution of a match, {len(EXPRESSIONS)} forms)"
    )
    per_expr = bench_normalisation(args.repeat)
    print(f"find + normalise: {per_expr:.3f} ms per expression (short sentence, all rules scanned)")
    per_doc, chars, count, per_call = bench_documents(args.shared)
    print(
        f"finder: {per_doc:.2f} ms per corpus document (mean {chars:.0f} chars, {count} expressions in all)"
    )
    print(f"governing_time: {per_call:.3f} ms per call")
    total_ok = total = 0
    for name, (ok, n) in corpus_accuracy(args.shared).items():
        print(f"corpus {name:32} {ok}/{n} required gold dates/times accepted")
        total_ok, total = total_ok + ok, total + n
    print(f"corpus all: {total_ok}/{total} = {total_ok / total:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
