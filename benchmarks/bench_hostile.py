"""Hostile inputs, doubled: is every step of the chain linear in the document's length?

    python benchmarks/bench_hostile.py [--size 1000] [--doublings 2] [--only NAME] [--limit 2.5]

Each hostile input is a short pattern repeated ``--size`` times, then twice and four times
as often (``--doublings``). For each size the spaCy parse and every extractor of the default
chain are timed on one core (CPU seconds, best of ``--passes``); the ratio of each
doubling is printed per step and for the whole chain. A step whose cost grows faster
than ``--limit`` times per doubling of its input is listed at the end and the script
exits with status 1. (Linear cost doubles; the limit leaves room for timer noise.)
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Each pattern stresses one shape: long enumerations, one endless sentence, repeated names,
# quotations, casualty figures, dates, places, reporting verbs and unclosed brackets.
PATTERNS: dict[str, str] = {
    "numbers": "1, ",
    "one-sentence": "and the gunmen attacked the village ",
    "sentences": "Militants attacked a police post in Kano on Monday, killing three officers. ",
    "names": "Ahmed Musa Bello ",
    "quotes": '"They came at night," he said. ',
    "open-quotes": '"They came ',
    "figures": "12 killed, 30 wounded; ",
    "dates": "on 3 March 2024, ",
    "places": "Kharkiv, Donetsk and Mariupol; ",
    "two-towns": "Gunmen attacked Bannu and Kohat. ",
    "said": "the army said the police said ",
    "brackets": "(the group ",
    "newlines": "fighting\n\n",
    "along": "He was\n            arrested along with nine others on Friday. ",
}


def _time_chain(pipeline: object, text: str, passes: int) -> Counter[str]:
    from conflict_events.draft import Draft
    from conflict_events.nlp import TEXT_KEY, release
    from conflict_events.pipeline import Pipeline
    from conflict_events.schema import Document

    assert isinstance(pipeline, Pipeline)
    document = Document(id="hostile", text=text, date=date(2024, 3, 10))
    best: Counter[str] = Counter()
    for p in range(passes):
        spent: Counter[str] = Counter()
        t = time.process_time()
        doc = pipeline.nlp(text)
        spent["parse"] = time.process_time() - t
        draft = Draft(document)
        doc.user_data.setdefault(TEXT_KEY, document.text)
        for ext in pipeline.extractors:
            t = time.process_time()
            draft = ext(doc, draft)
            spent[ext.name.removeprefix("conflict_events.")] += time.process_time() - t
        t = time.process_time()
        draft.to_result(pipeline.steps)
        spent["to_result"] = time.process_time() - t
        release(doc)
        best = spent if p == 0 else Counter({k: min(best[k], v) for k, v in spent.items()})
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1000, help="repetitions of each pattern at the first size")
    ap.add_argument("--doublings", type=int, default=2)
    ap.add_argument("--passes", type=int, default=2, help="runs per size; the best counts")
    ap.add_argument("--only", action="append", choices=sorted(PATTERNS), help="run only these patterns")
    ap.add_argument("--limit", type=float, default=2.5, help="the largest allowed ratio per doubling")
    ap.add_argument("--floor", type=float, default=0.05,
                    help="steps faster than this many CPU seconds at the larger size are not judged")
    args = ap.parse_args(argv)

    from conflict_events.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.nlp.max_length = 10_000_000  # the parse itself is not on trial here
    pipeline.run(pipeline.nlp("Warm-up: troops shelled Kharkiv on Sunday."),
                 __import__("conflict_events").Document(id="w", text="Warm-up: troops shelled Kharkiv on Sunday.",
                                                        date=date(2024, 3, 10)))
    failures: list[str] = []
    worst = 0.0
    for name in args.only or list(PATTERNS):
        sizes = [args.size * 2**k for k in range(args.doublings + 1)]
        timings = [_time_chain(pipeline, PATTERNS[name] * n, args.passes) for n in sizes]
        print(f"\n{name!r} x {sizes} ({len(PATTERNS[name] * sizes[-1]):,} characters at the largest)")
        for step in timings[0]:
            cells = [f"{t[step]:7.3f}s" for t in timings]
            ratios = []
            for a, b in itertools.pairwise(timings):
                ratio = b[step] / a[step] if a[step] > 0 else float("inf")
                ratios.append(ratio)
                if step != "parse" and b[step] >= args.floor:
                    worst = max(worst, ratio)
                    if ratio > args.limit:
                        failures.append(f"{name}: {step} x{ratio:.2f} ({a[step]:.2f} s -> {b[step]:.2f} s)")
            print(f"  {step:12s} " + " ".join(cells) + "   ratios " + " ".join(f"x{r:.2f}" for r in ratios))
        totals = [sum(v for k, v in t.items() if k != "parse") for t in timings]
        ratios = [b / a if a > 0 else float("inf") for a, b in itertools.pairwise(totals)]
        print(f"  {'chain':12s} " + " ".join(f"{t:7.3f}s" for t in totals)
              + "   ratios " + " ".join(f"x{r:.2f}" for r in ratios))
    print(f"\nworst ratio per doubling of a judged step: x{worst:.2f} (limit x{args.limit})")
    if failures:
        print("super-linear:", *failures, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
