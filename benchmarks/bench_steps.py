"""CPU time of each step of the chain, against the spaCy parse of the same documents.

    python benchmarks/bench_steps.py [--shared ../shared] [--repeat 10] [--passes 3] [--short N]

Parses the shared corpus articles (each repeated ``--repeat`` times), or with ``--short N``
N ACLED-length notes written by ``bench_throughput.py`` (templates, gazetteer places, no ACLED
text), then runs every extractor of the default pipeline over the parsed documents
``--passes`` times and keeps each step's best total, so that a busy moment of the machine
does not count. The parse is timed ``--passes`` times as well, its best kept. Prints each
step's CPU seconds, its milliseconds per document and its share of the parse time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=10, help="copies of each corpus article (default 10)")
    ap.add_argument("--passes", type=int, default=3, help="passes over the documents; the best counts")
    ap.add_argument("--short", type=int, metavar="N", help="time N ACLED-length notes instead of the corpus")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
