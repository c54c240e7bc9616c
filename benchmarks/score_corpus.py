"""Run the default pipeline over every corpus article that has gold, and score each with gold/score.py.

    python benchmarks/score_corpus.py [--shared ../shared] [--out out/corpus.jsonl] [--only kursk]

Prints score.py's --brief line per article (the figures quoted in the docs).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from conflict_events.io.readers import read_text_file
from conflict_events.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "corpus.jsonl")
    ap.add_argument("--only", default="", help="score only articles whose name contains this")
    ap.add_argument("--full", action="store_true", help="print score.py's full report, not --brief")
    args = ap.parse_args(argv)
    golds = sorted((args.shared / "gold").glob("*.gold.json"))
    golds = [g for g in golds if args.only in g.name]
    docs = [read_text_file(args.shared / "corpus" / (g.name.removesuffix(".gold.json") + ".txt")) for g in golds]
    t0 = time.perf_counter()
    pipeline = Pipeline()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for result in pipeline.pipe(docs):
            fh.write(result.model_dump_json() + "\n")
    print(f"extracted {len(docs)} documents in {time.perf_counter() - t0:.1f} s -> {args.out}", file=sys.stderr)
    for gold in golds:
        cmd = [sys.executable, str(args.shared / "gold" / "score.py"), str(gold), str(args.out)]
        subprocess.run([*cmd, *([] if args.full else ["--brief"])], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
