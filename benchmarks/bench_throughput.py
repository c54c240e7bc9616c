"""Throughput of the batch path: plain spaCy against the full extraction, and 1 worker against 2.

    python benchmarks/bench_throughput.py [--shared ../shared] [--repeat 20] [--workers 2]

Builds documents in memory from the shared corpus articles (each repeated
``--repeat`` times under new ids; nothing is written into the repository), then
times, in one run:

1. loading: importing ``conflict_events`` and building the default pipeline;
2. ``nlp.pipe`` of the same spaCy model (with the entity ruler) over all documents;
3. the full extraction, ``Pipeline.pipe``, over the same documents, in this process;
4. ``conflict-events extract --workers 1`` and ``--workers N`` over the same documents as
   JSONL, each in a fresh interpreter as a user runs it: wall-clock time, so start-up
   (importing, loading the model, spawning workers) is counted in both.

Prints words per second for each, and the ratios.

``--short N`` times steps 2 and 3 on N short notes instead (about 26 words each, the length
of an ACLED event note), written here from templates, places of the bundled gazetteer and
dates: no ACLED text. Per-document costs dominate such texts. Both timings are CPU seconds of
this process (on a shared machine the wall clock counts others' work too), best of
``--passes`` runs taken in turns; the load average is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=20, help="copies of each corpus article (default 20)")
    ap.add_argument("--workers", type=int, default=2, help="workers of the parallel run (default 2)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--short", type=int, metavar="N", help="time N ACLED-length notes instead (see above)")
    ap.add_argument("--passes", type=int, default=3, help="runs of each timing with --short; the best counts")
    args = ap.parse_args(argv)
    if args.short:
        return _short(args.short, args.batch_size, args.passes)

    # Loading cost, in a fresh interpreter so that nothing is cached.
    load = subprocess.run(
        [sys.executable, "-c",
         "import time; t = time.perf_counter(); import conflict_events; "
         "i = time.perf_counter() - t; conflict_events.Pipeline(); print(i, time.perf_counter() - t)"],
        capture_output=True, text=True, check=True,
    )
    import_s, build_s = map(float, load.stdout.split())
    print(f"loading: import {import_s:.2f} s, import + default pipeline {build_s:.2f} s")

    from conflict_events.io.readers import read_text_file
    from conflict_events.pipeline import Pipeline

    articles = [read_text_file(p) for p in sorted((args.shared / "corpus").glob("*.txt"))]
    if not articles:
        print(f"no corpus articles in {args.shared / 'corpus'}", file=sys.stderr)
        return 2
    docs = [a.model_copy(update={"id": f"{a.id}-{i}"}) for i in range(args.repeat) for a in articles]
    words = sum(len(d.text.split()) for d in docs)
    print(f"corpus: {len(articles)} articles x {args.repeat} = {len(docs)} documents, {words:,} words")
    # Timings are only comparable on an idle machine: say how busy this one is.
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")

    pipeline = Pipeline(batch_size=args.batch_size)
    nlp = pipeline.nlp
    # Warm-up of both, so that neither timing includes a first call's one-off costs.
    list(nlp.pipe([docs[0].text]))
    pipeline(docs[0])

    t = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=args.batch_size):
        pass
    spacy_s = time.perf_counter() - t

    t = time.perf_counter()
    n = sum(1 for _ in pipeline.pipe(docs))
    full_s = time.perf_counter() - t
    assert n == len(docs)

    rate_spacy, rate_full = words / spacy_s, words / full_s
    print(f"spaCy nlp.pipe:        {rate_spacy:10,.0f} words/s ({spacy_s:.1f} s)")
    print(f"full extraction:       {rate_full:10,.0f} words/s ({full_s:.1f} s)")
    print(f"ratio full / spaCy:    {rate_full / rate_spacy:10.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d.id, "text": d.text, "date": d.date.isoformat()}) + "\n")
        rates = {}
        for workers in (1, args.workers):
            out = Path(tmp) / f"out-{workers}.jsonl"
            command = [sys.executable, "-m", "conflict_events", "extract", str(src), "-o", str(out),
                       "--workers", str(workers), "--batch-size", str(args.batch_size), "--no-progress"]
            t = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            seconds = time.perf_counter() - t
            with out.open(encoding="utf-8") as fh:
                written = sum(1 for _ in fh)
            assert written == len(docs), f"{written} of {len(docs)} documents written"
            rates[workers] = words / seconds
            print(f"batch, {workers} worker(s):    {rates[workers]:10,.0f} words/s "
                  f"({seconds:.1f} s, start-up included)")
        print(f"ratio {args.workers} / 1 workers:   {rates[args.workers] / rates[1]:10.2f}")
    return 0


NOTE_TEMPLATES = (
    "On {day} {month} 2024, unidentified gunmen attacked {place} and killed {n} civilians, including a local "
    "chief, before fleeing towards the bush. Several houses were burned.",
    "On {day} {month} 2024, military forces clashed with militants near {place}. Sources reported {n} "
    "fatalities among the militants and the army said it had seized weapons.",
    "On {day} {month} 2024, around 300 people demonstrated in {place} against rising fuel prices and "
    "insecurity. Police dispersed the crowd with tear gas; {n} people were arrested.",
    "On {day} {month} 2024, a drone strike hit a residential area of {place}, killing {n} people and wounding "
    "several others, local authorities said.",
)


def _short_notes(n: int) -> list[object]:
    """``n`` dated notes of about 26 words from the templates, in places of the bundled gazetteer."""
    import datetime as dt
    import gzip
    import random

    from conflict_events.schema import Document

    rng = random.Random(7)
    data = ROOT / "src" / "conflict_events" / "gazetteer" / "data" / "places.tsv.gz"
    with gzip.open(data, "rt", encoding="utf-8") as fh:
        places = [f[1] for f in (line.split("\t") for line in fh) if f[2] == "P" and f[8].strip().isdigit()
                  and int(f[8]) > 50_000]
    months = ("January", "March", "May", "July", "September", "November")
    return [Document(id=f"note-{i}", date=dt.date(2024, 12, 31), text=rng.choice(NOTE_TEMPLATES).format(
                day=rng.randint(1, 28), month=rng.choice(months), place=rng.choice(places), n=rng.randint(1, 20)))
            for i in range(n)]


def _short(n: int, batch_size: int, passes: int) -> int:
    from conflict_events.pipeline import Pipeline

    docs: list[Any] = _short_notes(n)
    words = sum(len(d.text.split()) for d in docs)
    print(f"short notes: {len(docs)} documents, {words:,} words ({words / len(docs):.1f} words each)")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    pipeline = Pipeline(batch_size=batch_size)
    nlp = pipeline.nlp
    list(nlp.pipe([docs[0].text]))
    pipeline(docs[0])

    def spacy_run() -> None:
        for _ in nlp.pipe((d.text for d in docs), batch_size=batch_size):
            pass

    def full_run() -> None:
        assert sum(1 for _ in pipeline.pipe(docs)) == len(docs)

    # The two timings take turns, so that a busy spell of the machine slows both alike.
    times = {"spacy": float("inf"), "full": float("inf")}
    for _ in range(passes):
        for name, run in (("spacy", spacy_run), ("full", full_run)):
            t = time.process_time()
            run()
            times[name] = min(times[name], time.process_time() - t)
    rate_spacy, rate_full = words / times["spacy"], words / times["full"]
    print(f"spaCy nlp.pipe:        {rate_spacy:10,.0f} words per CPU second ({times['spacy']:.1f} s)")
    print(f"full extraction:       {rate_full:10,.0f} words per CPU second ({times['full']:.1f} s)")
    print(f"ratio full / spaCy:    {rate_full / rate_spacy:10.2f}")
    print(f"load average after:    {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
