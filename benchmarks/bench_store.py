"""The event store at scale: ingest synthetic results shaped like real ones into SQLite, fusion included.

    python benchmarks/bench_store.py --events 1000000            # the figure in docs/performance.md
    python benchmarks/bench_store.py --events 50000 --profile    # where the time goes
    python benchmarks/bench_store.py --input synthetic-1m.jsonl --documents 135000   # its first 300,000 events

Writes ``--events`` events of synthetic results (``benchmarks/synthetic_reports.py``: the shape
of real results, about 2.2 events and 17 KB of JSON a document) to a file first, untimed, then
times ``EventStore.ingest_files`` into a fresh SQLite store on one core, batch after batch, with
fusion. It prints events per second of wall time and of CPU time (the CPU figure is the one to
compare on a machine others share), and the resident memory as the store grows: flat memory
means the last figure is about the first.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_reports import reports

from conflict_events.store import EventStore
from conflict_events.store._ingest import read_result_files


def rss_mb() -> float:
    """Resident memory now (Linux /proc), in MB."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def peak_mb() -> float:
    """The most resident memory so far (Linux reports kilobytes), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


class Sampler:
    """A progress callback that notes throughput and memory every ``every`` documents."""

    def __init__(self, every: int, quiet: bool) -> None:
        self.every, self.quiet = every, quiet
        self.docs = 0
        self.next = every
        self.t0, self.c0 = time.perf_counter(), time.process_time()
        self.samples: list[dict[str, float]] = []

    def update(self, n: int) -> None:
        self.docs += n
        if self.docs >= self.next:
            self.next += self.every
            sample = {"documents": self.docs, "wall_s": time.perf_counter() - self.t0,
                      "cpu_s": time.process_time() - self.c0, "rss_mb": rss_mb(), "peak_mb": peak_mb()}
            self.samples.append(sample)
            if not self.quiet:
                print(f"  {self.docs:>9,} documents  {sample['wall_s']:8.1f} s  cpu {sample['cpu_s']:8.1f} s  "
                      f"rss {sample['rss_mb']:7.1f} MB  peak {sample['peak_mb']:7.1f} MB", file=sys.stderr,
                      flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000, help="events to ingest (default 100,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=500, help="documents per transaction (default 500)")
    ap.add_argument("--input", help="ingest this results file instead of generating one")
    ap.add_argument("--documents", type=int, help="ingest only the first N documents of --input (a long file read "
                    "in part, without a copy of its head on disk)")
    ap.add_argument("--db", help="the SQLite file to make (default: a temporary one, removed)")
    ap.add_argument("--profile", action="store_true", help="print the functions that take the time")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ce-bench-store-"))
    source = Path(a.input) if a.input else work / "results.jsonl"
    if not a.input:
        t = time.perf_counter()
        with open(source, "w", encoding="utf-8") as out:
            for line in reports(a.events, a.seed):
                out.write(line + "\n")
        print(f"generated {source.stat().st_size / 1e9:.2f} GB of results in {time.perf_counter() - t:.0f} s "
              "(not timed)", file=sys.stderr)
    db = Path(a.db) if a.db else work / "events.sqlite"
    for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        f.unlink(missing_ok=True)
    with open(source, "rb") as handle:
        documents = sum(1 for _ in islice(handle, a.documents))
    sampler = Sampler(max(1, documents // 20), a.json)
    failures: list[Any] = []
    profiler = cProfile.Profile(time.process_time) if a.profile else None
    start_rss = rss_mb()
    with EventStore(db) as store:
        ingester = store._ingest()
        if profiler:
            profiler.enable()
        summary = ingester.run(islice(read_result_files([source], on_error=failures.append), a.documents),
                               batch_size=a.batch_size, progress=sampler)
        if profiler:
            profiler.disable()
        counts = store.counts()
        with store.engine.connect() as conn:
            multi = conn.exec_driver_sql("SELECT count(*) FROM fused_events WHERE documents > 1").scalar()
    cpus = [s["cpu_s"] for s in sampler.samples]
    wall, cpu = summary.seconds, sampler.samples[-1]["cpu_s"] if sampler.samples else 0.0
    figures: dict[str, Any] = {
        "events": summary.events, "documents": summary.added, "failed": summary.failed, "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1), "events_per_s_wall": round(summary.events / wall),
        "events_per_s_cpu": round(summary.events / cpu) if cpu else None,
        "fused_events": counts["fused_events"], "fused_with_several_reports": multi,
        "decisions": summary.decisions, "db_gb": round(db.stat().st_size / 1e9, 2),
        "rss_mb_start": round(start_rss), "rss_mb": [round(s["rss_mb"]) for s in sampler.samples],
        "cpu_s_per_step": [round(b - a, 1) for a, b in zip([0.0, *cpus[:-1]], cpus, strict=True)],
        "peak_mb": round(peak_mb()),
    }
    if a.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['events']:,} events of {figures['documents']:,} documents in {wall:.0f} s "
              f"({figures['events_per_s_wall']:,} events/s; {figures['events_per_s_cpu']:,} events per CPU second)")
        print(f"{figures['fused_events']:,} fused events ({multi:,} joining several reports), "
              f"{figures['decisions']:,} fusion decisions, store {figures['db_gb']} GB")
        print(f"resident memory: {figures['rss_mb_start']} MB before, then every 5%: "
              + " ".join(str(m) for m in figures["rss_mb"]) + f" MB; peak {figures['peak_mb']} MB")
        print("CPU seconds of each 5%: " + " ".join(f"{c:.0f}" for c in figures["cpu_s_per_step"]))
    if profiler:
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    if not a.db:
        for f in work.iterdir():
            f.unlink()
        work.rmdir()
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
