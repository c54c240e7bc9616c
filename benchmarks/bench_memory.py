"""Memory over a long run: peak RSS of the full extraction after 1,000 and after 10,000 documents.

    python benchmarks/bench_memory.py [--shared ../shared] [--documents 10000] [--sentences 2]

Documents are built in memory from the sentences of the shared corpus articles (each document a
few consecutive sentences under a new id; nothing is written into the repository) and streamed
through ``Pipeline.pipe``, each result serialised as the CLI would. Prints the peak resident set
size (``ru_maxrss``) at every checkpoint and the ratio of the last to the first: the issue's bar
is that 10,000 documents stay within 10% of 1,000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from conflict_events.io.readers import read_text_file
from conflict_events.pipeline import Pipeline
from conflict_events.schema import Document

ROOT = Path(__file__).resolve().parents[1]


def _documents(shared: Path, n: int, sentences: int) -> Iterator[Document]:
    pool: list[tuple[str, dt.date]] = []
    for path in sorted((shared / "corpus").glob("*.txt")):
        doc = read_text_file(path)
        parts = [p.strip() for p in re.split(r"(?<=[.!?”\"])\s+", doc.text) if p.strip()]
        pool.extend((" ".join(parts[i : i + sentences]), doc.date) for i in range(len(parts)))
    for i, (text, date) in zip(range(n), itertools.cycle(pool), strict=False):
        yield Document(id=f"mem-{i:06d}", text=text, date=date)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--sentences", type=int, default=2, help="sentences per document (default 2)")
    args = ap.parse_args(argv)
    checkpoints = sorted({1_000, args.documents // 4, args.documents // 2, args.documents} - {0})
    pipeline = Pipeline()
    print(f"after loading: peak RSS {_peak_mb():.0f} MB", flush=True)
    first: float | None = None
    t0 = time.perf_counter()
    for done, result in enumerate(pipeline.pipe(_documents(args.shared, args.documents, args.sentences)), 1):
        result.model_dump_json()
        if done in checkpoints:
            peak = _peak_mb()
            first = first or peak
            rate = done / (time.perf_counter() - t0)
            print(f"{done:>7,} documents: peak RSS {peak:.0f} MB ({rate:.0f} documents/s)", flush=True)
    if first:
        print(f"ratio last / first checkpoint: {_peak_mb() / first:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
