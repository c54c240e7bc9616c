"""Print the actors found in each corpus article: name, kind, country, affiliation, mentions.

python benchmarks/show_actors.py [--only kursk] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from conflict_events.io.readers import read_text_file
from conflict_events.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--only", default="")
    args = ap.parse_args(argv)
    paths = sorted(p for p in (args.shared / "corpus").glob("*.txt") if args.only in p.name)
    # only the steps actors depend on: other extractors may be mid-edit
    pipeline = Pipeline(steps=["conflict_events.locations.v1", "conflict_events.actors.v1"])
    for path, result in zip(paths, pipeline.pipe([read_text_file(p) for p in paths]), strict=True):
        print(f"== {path.stem}")
        for a in result.actors:
            mentions = ", ".join(repr(m.text) for m in a.mentions)
            aff = f" [{a.affiliation}]" if a.affiliation else ""
            print(f"  {a.name} | {a.kind} | {a.country}{aff}: {mentions}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
