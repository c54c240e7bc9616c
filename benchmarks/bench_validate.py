"""How fast does ``validate --format acled`` check a large ACLED export, and in how much memory?

    python benchmarks/bench_validate.py [--rows 1000000] [--keep FILE] [--goal 20000] [--seed 1]

Writes ``--rows`` synthetic rows shaped like an ACLED export (every column, the current text
style of inter codes and interactions, ISO dates, four-decimal coordinates of real GeoNames
places from the bundled gazetteer in 40 countries, up to 3,000 places a country drawn with
Zipf weights as events gather in a few places, notes of about 26 words from a few templates;
no ACLED data), then validates the file in a fresh process and prints rows per CPU second of
that process (one core; the wall-clock rate too, which on a shared machine also counts
others' work), its peak memory (max RSS) and the report's summary. About one row in a
thousand is at sea off its country's coast (a naval event: a warning) and one in two thousand
is placed on another continent (an error), so the slow paths of the coordinate check run too.
Exits 1 when the rate is below ``--goal``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import itertools
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from conflict_events.io._world_regions import acled_region
from conflict_events.io.acled import ACLED_COLUMNS, INTER_LABELS, interaction_code, interaction_text, iso_numeric
from conflict_events.lexicons._countries import country_name
from conflict_events.schema import DISORDER_TYPE, SUB_EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]

COUNTRIES = ("UA", "RU", "SY", "YE", "SD", "SS", "NG", "CD", "SO", "ML", "BF", "MM", "AF", "PK", "IN", "MX",
             "CO", "BR", "IQ", "ET", "CM", "PS", "LB", "KE", "MZ", "HT", "PH", "NE", "TD", "CF", "LY", "SR",
             "BD", "TR", "IR", "EG", "VE", "PE", "ZA", "ID")
# A point off each of a few coasts, for the naval events: (country, latitude, longitude).
AT_SEA = (("UA", 43.389, 36.519), ("YE", 13.9, 42.2), ("SO", 2.1, 46.9), ("LY", 33.6, 13.6),
          ("NG", 3.9, 6.6), ("PH", 13.2, 124.9))
# About as many places per country as a few years of ACLED events in a country at war name.
PLACES_PER_COUNTRY = 3000
TEMPLATES = (
    "On {date}, {a1} clashed with {a2} in {place} ({admin1}, {country}). {n} fatalities were reported by local "
    "sources, and several houses were damaged during the fighting.",
    "On {date}, {a1} shelled positions of {a2} near {place} in {admin1}. According to local media, {n} people "
    "were killed and the shelling continued into the night.",
    "On {date}, around 200 residents demonstrated in {place} ({admin1}) against rising prices and the lack of "
    "security in the area. No injuries were reported.",
)


def _places() -> dict[str, list[tuple[str, str, float, float]]]:
    """(name, admin1 name, lat, lon) of populated places, per country, from the bundled gazetteer."""
    data = ROOT / "src" / "conflict_events" / "gazetteer" / "data"
    admin1: dict[str, str] = {}
    with gzip.open(data / "admin1.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            key, name, _ = line.rstrip("\n").split("\t")
            admin1[key] = name
    wanted = set(COUNTRIES)
    out: dict[str, list[tuple[str, str, float, float]]] = {c: [] for c in COUNTRIES}
    with gzip.open(data / "places.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if f[2] == "P" and f[3] in wanted and f[6] and f[7]:
                out[f[3]].append((f[1], admin1.get(f"{f[3]}.{f[4]}", ""), float(f[6]), float(f[7])))
    return out


def _actors(name: str) -> list[tuple[str, int]]:
    return [(f"Military Forces of {name} (2019-)", 1), (f"Police Forces of {name} (2019-)", 1),
            (f"Unidentified Armed Group ({name})", 3), (f"Protesters ({name})", 6), (f"Civilians ({name})", 7),
            (f"Rioters ({name})", 5), (f"Communal Militia ({name})", 4)]


def rows(n: int, seed: int) -> Iterator[dict[str, str]]:
    """Yield ``n`` synthetic rows (a generator; see the module docstring)."""
    rng = random.Random(seed)
    places = {c: rng.sample(found, min(len(found), PLACES_PER_COUNTRY)) for c, found in _places().items()}
    weights = {c: list(itertools.accumulate(1 / rank for rank in range(1, len(found) + 1)))
               for c, found in places.items()}
    subs = [(event_type, sub) for event_type, subs_ in SUB_EVENT_TYPES.items() for sub in subs_]
    start = dt.date(2020, 1, 1)
    for i in range(n):
        country = COUNTRIES[i % len(COUNTRIES)] if i % 7 else rng.choice(COUNTRIES[:8])
        name = country_name(country) or country
        # Events gather in a few places: a country's places are drawn with weights 1/rank (Zipf).
        place, admin1, lat, lon = rng.choices(places[country], cum_weights=weights[country])[0]
        if i % 1000 == 999:
            country, lat, lon = rng.choice(AT_SEA)
            name, place, admin1 = country_name(country) or country, "Off the coast", ""
        elif i % 2000 == 1499:
            lat, lon = -lat, lon + 100.0 if lon < 80 else lon - 100.0  # another continent
        event_type, sub = rng.choice(subs)
        a1, i1 = rng.choice(_actors(name))
        a2, i2 = rng.choice([*_actors(name), ("", 0), ("", 0)])
        code = interaction_code(i1, i2)
        date = start + dt.timedelta(days=rng.randrange(1800))  # before the export's timestamp
        n_dead = rng.choice((0, 0, 0, 1, 2, 3, 5, 12))
        yield {
            "event_id_cnty": f"{country}{100000 + i}", "event_date": date.isoformat(), "year": str(date.year),
            "time_precision": str(rng.choice((1, 1, 1, 2, 3))), "disorder_type": DISORDER_TYPE[sub],
            "event_type": event_type, "sub_event_type": sub, "actor1": a1, "assoc_actor_1": "",
            "inter1": INTER_LABELS[i1], "actor2": a2, "assoc_actor_2": "", "inter2": INTER_LABELS.get(i2, ""),
            "interaction": interaction_text(code),
            "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else "",
            "iso": str(iso_numeric(country) or ""), "region": acled_region(country) or "", "country": name,
            "admin1": admin1, "admin2": "", "admin3": "", "location": place, "latitude": f"{lat:.4f}",
            "longitude": f"{lon:.4f}", "geo_precision": str(rng.choice((1, 1, 2, 3))), "source": "Local media",
            "source_scale": "National", "notes": rng.choice(TEMPLATES).format(
                date=date.strftime("%d %B %Y"), a1=a1, a2=a2 or "unknown assailants", place=place,
                admin1=admin1 or "the region", country=name, n=n_dead),
            "fatalities": str(n_dead), "tags": "", "timestamp": "1740000000",
        }


def write(path: Path, n: int, seed: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows(n, seed):
            writer.writerow(row)


_CHILD = """
import json, resource, sys, time
cpu = time.process_time()
from conflict_events.io.acled import validate_acled
imported = time.process_time() - cpu
started, cpu = time.perf_counter(), time.process_time()
report = validate_acled(sys.argv[1])
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "import": imported,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "summary": report.summary(), "records": report.records}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="write the CSV here and keep it (default: a temporary file)")
    parser.add_argument("--goal", type=float, default=20_000.0, help="rows per second (default 20,000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "acled.csv"
        started = time.perf_counter()
        write(path, args.rows, args.seed)
        size = path.stat().st_size
        print(f"wrote {args.rows:,} rows ({size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s -> {path}")
        # A fresh process: its peak memory is the validator's own (imports included), on one core.
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                              check=False)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 2
        out = json.loads(proc.stdout)
    # CPU time of the one process: on a shared machine the wall clock also counts others' work.
    rate = out["records"] / out["cpu"]
    print(out["summary"])
    print(f"validated {out['records']:,} rows in {out['cpu']:.1f} CPU s ({out['seconds']:.1f} s wall, "
          f"{out['records'] / out['seconds']:,.0f} rows/s by the wall clock): {rate:,.0f} rows per CPU second "
          f"(goal {args.goal:,.0f}); peak memory {out['maxrss_mb']:,.0f} MB; importing the library took "
          f"{out['import']:.1f} CPU s more")
    return 0 if rate >= args.goal else 1


if __name__ == "__main__":
    sys.exit(main())
