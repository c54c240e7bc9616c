"""CPU time of each step of the chain, against the spaCy parse of the same documents.

    python benchmarks/bench_steps.py [--shared ../shared] [--repeat 10] [--passes 3] [--short N] [--rules K]

Parses the shared corpus articles (each repeated ``--repeat`` times), or with ``--short N``
N ACLED-length notes written by ``bench_throughput.py`` (templates, gazetteer places, no ACLED
text), then runs every extractor of the default pipeline over the parsed documents
``--passes`` times and keeps each step's best total, so that a busy moment of the machine
does not count. The parse is timed ``--passes`` times as well, its best kept. Prints each
step's CPU seconds, its milliseconds per document and its share of the parse time.

``--rules K`` then runs the steps once more with every named rule timed (``rules.catalogue()``)
and prints the K rules that took longest: microseconds per document, calls per document,
microseconds per call and the share of calls that decided something. A rule that calls other
rules counts their time too, and the first rule to ask for a per-Doc or per-sentence fact that is
built on demand pays for building it; the timer adds about 0.1 us per call.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=10, help="copies of each corpus article (default 10)")
    ap.add_argument("--passes", type=int, default=3, help="passes over the documents; the best counts")
    ap.add_argument("--short", type=int, metavar="N", help="time N ACLED-length notes instead of the corpus")
    ap.add_argument("--rules", type=int, metavar="K", default=0, help="also list the K costliest named rules")
    args = ap.parse_args(argv)

    from conflict_events.draft import Draft
    from conflict_events.io.readers import read_text_file
    from conflict_events.nlp import TEXT_KEY, release
    from conflict_events.pipeline import Pipeline

    if args.short:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench_throughput import _short_notes

        docs: list[Any] = _short_notes(args.short)
    else:
        articles = [read_text_file(p) for p in sorted((args.shared / "corpus").glob("*.txt"))]
        if not articles:
            print(f"no corpus articles in {args.shared / 'corpus'}", file=sys.stderr)
            return 2
        docs = [a.model_copy(update={"id": f"{a.id}-{i}"}) for i in range(args.repeat) for a in articles]
    pipeline = Pipeline()
    pipeline(docs[0])  # warm-up
    parse_s = float("inf")
    for _ in range(args.passes):
        t = time.process_time()
        parsed = list(pipeline.nlp.pipe((d.text for d in docs), batch_size=pipeline.batch_size))
        parse_s = min(parse_s, time.process_time() - t)

    best: dict[str, float] = {}
    for _ in range(args.passes):
        spent: Counter[str] = Counter()
        for doc, document in zip(parsed, docs, strict=True):
            draft = Draft(document)
            doc.user_data.setdefault(TEXT_KEY, document.text)
            for ext in pipeline.extractors:
                t = time.process_time()
                draft = ext(doc, draft)
                spent[ext.name] += time.process_time() - t
            t = time.process_time()
            draft.to_result(pipeline.steps)
            release(doc)
            spent["validation (to_result)"] += time.process_time() - t
        best = {k: min(best.get(k, v), v) for k, v in spent.items()}

    n = len(docs)
    print(f"documents: {n}; spaCy parse {parse_s:.2f} s of CPU ({parse_s / n * 1000:.2f} ms a document)")
    for name, seconds in best.items():
        print(f"{name:34s} {seconds:6.3f} s {seconds / n * 1000:6.2f} ms {seconds / parse_s:6.1%} of the parse")
    total = sum(best.values())
    print(f"{'all steps':34s} {total:6.3f} s {total / n * 1000:6.2f} ms {total / parse_s:6.1%} of the parse")
    # The chain keeps up with the parse at 0.8 when its steps take at most a quarter of it.
    print(f"ratio parse / (parse + steps): {parse_s / (parse_s + total):.2f}")
    if args.rules:
        _rule_costs(pipeline, parsed, docs, args.rules, args.passes)
    return 0


def _rule_costs(pipeline: Any, parsed: list[Any], docs: list[Any], top: int, passes: int) -> None:
    """``passes`` more passes with every named rule's function wrapped in a timer; each rule's best pass
    counts (a garbage collection falls inside whichever rule runs); the ``top`` costliest printed."""
    from conflict_events.rules import catalogue

    best: dict[str, float] = {}
    spent: dict[str, float] = defaultdict(float)
    calls: Counter[str] = Counter()
    decided: Counter[str] = Counter()
    clock = time.perf_counter

    def timed(name: str, fn: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            t = clock()
            out = fn(*args, **kwargs)
            spent[name] += clock() - t
            calls[name] += 1
            if out is not None and out is not False:
                decided[name] += 1
            return out

        return run

    rules = catalogue()
    originals = {name: r.fn for name, r in rules.items()}
    try:
        for name, r in rules.items():
            r.fn = timed(name, r.fn)
        for _ in range(passes):
            spent.clear()
            calls.clear()
            decided.clear()
            for doc, document in zip(parsed, docs, strict=True):
                pipeline.run(doc, document)
            best = {k: min(best.get(k, v), v) for k, v in spent.items()}
    finally:
        for name, r in rules.items():
            r.fn = originals[name]
    n = len(docs)
    print(f"\nnamed rules, best of {passes} passes ({len(rules)} rules; a rule's time includes the rules it calls):")
    for name, seconds in sorted(best.items(), key=lambda kv: -kv[1])[:top]:
        per_call = seconds / calls[name] * 1e6
        print(f"{seconds / n * 1e6:8.1f} us a doc {calls[name] / n:6.2f} calls {per_call:7.1f} us a call"
              f" {decided[name] / calls[name]:5.0%} decided  {name}")


if __name__ == "__main__":
    sys.exit(main())
