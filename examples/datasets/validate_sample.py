"""Validate an ACLED-format CSV and summarise its events.

    python examples/datasets/validate_sample.py                       # the bundled sample (valid)
    python examples/datasets/validate_sample.py sample_acled_with_errors.csv --output report.json

Prints every failing row (file:line: column: reason [rule]) and a summary line,
writes the full report as JSON with ``--output``, and exits 1 when any row
fails, like ``conflict-events validate --format acled``. The bundled files are
INVENTED sample data (see make_sample.py).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from conflict_events.io.acled import read_acled, validate_acled

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", default=str(HERE / "sample_acled_events.csv"))
    parser.add_argument("--output", help="write the report as JSON here")
    args = parser.parse_args(argv)
    path = Path(args.csv)
    if not path.exists() and (HERE / path).exists():
        path = HERE / path

    report = validate_acled(path)
    print(report.to_text())
    if args.output:
        Path(args.output).write_text(report.to_json(), encoding="utf-8")
    if not report.ok:
        return 1

    # A valid file reads as typed records: count them by event type and country.
    by_type: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    deaths = 0
    for result in read_acled(path):
        for event in result.events:
            by_type[event.event_type] += 1
            by_country[event.location.country if event.location and event.location.country else "?"] += 1
            deaths += event.fatalities.value or 0 if event.fatalities else 0
    print("events by type:", dict(by_type.most_common()))
    print("events by country:", dict(by_country.most_common()))
    print("reported fatalities:", deaths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
