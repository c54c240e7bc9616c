"""``conflict-events store ingest|export|query`` and ``extract --db``: the event store on the command line.

Kept out of ``cli.py`` and out of the ``store`` package so that building the
parser loads nothing heavy: the store (SQLAlchemy, Alembic) is imported only
when a store command runs.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="conflict-events")
>>> add_store_commands(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["store", "query", "--db", "events.sqlite", "--country", "BF", "--type", "Battles"])
>>> args.store_command, args.country, args.type
('query', 'BF', 'Battles')
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

__all__ = ["add_db_option", "add_store_commands", "extract_into_store", "format_table"]

PROG: Final = "conflict-events"
EXIT_OK: Final = 0
EXIT_FAILED_INPUTS: Final = 1

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def _at_least_one(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return n


_DB_HELP: Final = "the store: an SQLite file (made if missing) or postgresql://user:password@host/dbname"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``extract --db``: also ingest the results into a store."""
    parser.add_argument("--db", metavar="PATH|URL", help="also ingest the results into this event store "
                        "(" + _DB_HELP + "); with --engine dask every partition is ingested as it finishes")


def _filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("which fused events")
    group.add_argument("--country", metavar="CC", help="ISO 3166 code (BF) or country name")
    group.add_argument("--admin1", metavar="NAME", help="first-level region (province, state, oblast), any case")
    group.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="events on or after this day")
    group.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="events on or before this day")
    group.add_argument("--type", metavar="TYPE", help="ACLED event type or sub-event type (Battles, Air/drone strike)")
    group.add_argument("--min-reports", type=_at_least_one, default=1, metavar="N",
                       help="only events reported by at least N documents")


def add_store_commands(sub: Any) -> None:
    """Add ``store`` and its subcommands to the command line's subparsers."""
    st = sub.add_parser("store", help="keep results in an event store; fuse reports of one event; export, query",
                        description="An event store holds many documents' results and fuses the events that "
                        "report the same happening (docs/store.md).")
    commands = st.add_subparsers(dest="store_command", required=True, metavar="STORE_COMMAND")

    ing = commands.add_parser("ingest", help="ingest results (extract's JSONL output) into a store",
                              description="Ingest is idempotent by document id: the same result twice changes "
                              "nothing; a re-extracted document replaces its old records. Each batch is one "
                              "transaction.")
    ing.add_argument("paths", nargs="+", metavar="RESULTS.jsonl", help="files written by conflict-events extract")
    ing.add_argument("--db", required=True, metavar="PATH|URL", help=_DB_HELP)
    ing.add_argument("--batch-size", type=_at_least_one, default=500, metavar="N",
                     help="documents per transaction (default 500)")
    ing.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    ing.set_defaults(run=_ingest)

    ex = commands.add_parser("export", help="write the store's fused events",
                             description="One record per fused event: JSON lines (FusedEvent), an ACLED CSV "
                             "(source lists every report's source) or a GeoJSON FeatureCollection.")
    ex.add_argument("--db", required=True, metavar="PATH|URL", help=_DB_HELP)
    ex.add_argument("--format", choices=("jsonl", "acled-csv", "geojson"), default="jsonl",
                    help="jsonl (default), acled-csv or geojson")
    ex.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    ex.add_argument("--fatality-rule", choices=("lowest", "highest", "median"), default="lowest",
                    help="the best toll among the reports' (default: lowest, ACLED's conservative rule)")
    _filters(ex)
    ex.set_defaults(run=_export)

    qu = commands.add_parser("query", help="print a table of fused events",
                             description="Fused events in date order, one line each.")
    qu.add_argument("--db", required=True, metavar="PATH|URL", help=_DB_HELP)
    _filters(qu)
    qu.add_argument("--limit", type=_at_least_one, metavar="N", help="at most N events")
    qu.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    qu.set_defaults(run=_query)


def _filter_of(args: argparse.Namespace) -> Any:
    from .errors import InputError
    from .store import FusedFilter

    filters = FusedFilter(country=args.country, admin1=args.admin1, since=args.since, until=args.until,
                          event_type=args.type, min_reports=args.min_reports)
    try:
        filters.check()
    except ValueError as err:
        raise InputError(str(err), source="--country" if "country" in str(err) else "--type") from None
    return filters


def _ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .store import EventStore

    with EventStore(args.db) as store:
        summary = store.ingest_files(args.paths, batch_size=args.batch_size,
                                     progress=not args.no_progress and err.isatty(), log=err)
        counts = store.counts()
    print(f"{PROG}: {summary.to_text()}; the store holds {counts['documents']} documents, {counts['events']} "
          f"events in {counts['fused_events']} fused events", file=err)
    return EXIT_OK if summary.ok else EXIT_FAILED_INPUTS


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .store import export_fused

    filters = _filter_of(args)
    target: Any = args.output if args.output and args.output != "-" else out
    count = export_fused(args.db, target, format=args.format, filters=filters, fatality_rule=args.fatality_rule)
    if args.output and args.output != "-":
        print(f"{PROG}: wrote {count} fused events to {args.output}", file=err)
    return EXIT_OK


def format_table(rows: Sequence[Any]) -> str:
    """Fused-event summaries as a plain-text table.

    >>> from conflict_events.store import FusedRow
    >>> row = FusedRow(id="fe-1", date_start=dt.date(2024, 8, 24), date_end=dt.date(2024, 8, 24),
    ...                event_type="Violence against civilians", sub_event_type="Attack", country="BF",
    ...                admin1="Centre-Nord", location="Barsalogho", fatalities_low=400, fatalities_best=400,
    ...                fatalities_high=600, members=3, documents=3)
    >>> print(format_table([row]))
    id    date        type    country  admin1       location    killed (range)  reports
    fe-1  2024-08-24  Attack  BF       Centre-Nord  Barsalogho  400 (400-600)   3
    """
    header = ("id", "date", "type", "country", "admin1", "location", "killed (range)", "reports")
    lines = [header]
    for r in rows:
        date = r.date_start.isoformat() if r.date_start == r.date_end else f"{r.date_start}..{r.date_end}"
        killed = "" if r.fatalities_best is None else str(r.fatalities_best)
        if r.fatalities_low is not None and r.fatalities_low != r.fatalities_high:
            killed += f" ({r.fatalities_low}-{r.fatalities_high})"
        lines.append((r.id, date, r.sub_event_type, r.country or "", r.admin1 or "", r.location or "", killed,
                      str(r.documents)))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


def _query(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .store import query_fused

    rows = query_fused(args.db, _filter_of(args), limit=args.limit)
    if args.json:
        for r in rows:
            print(json.dumps({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in vars(r).items()}),
                  file=out)
    else:
        print(format_table(rows), file=out)
        print(f"{PROG}: {len(rows)} fused events", file=err)
    return EXIT_OK


def extract_into_store(args: argparse.Namespace, out: TextIO, err: TextIO, extract: Handler) -> int:
    """``extract --db``: extract (to ``-o`` or a temporary file), then ingest the results into the store.

    With ``--engine dask`` the partitions are ingested by the workers as they finish.
    """
    from .errors import InputError
    from .store import EventStore

    if getattr(args, "format", "jsonl") != "jsonl":
        raise InputError("a store takes the JSONL results: drop --format, export from the store afterwards",
                         source="--db")
    db, args.db = args.db, None
    with EventStore(db):  # a store that cannot be opened fails before hours of extraction, not after
        pass
    if args.engine == "dask":
        args.store = db
        return extract(args, out, err)
    temporary = None
    if not args.output or args.output == "-":
        if args.resume:
            raise InputError("--resume with --db needs -o OUT.jsonl to read the finished documents from",
                             source="--resume")
        folder = Path(db).parent if "://" not in db else None
        handle, temporary = tempfile.mkstemp(prefix=".conflict-events-", suffix=".jsonl", dir=folder)
        os.close(handle)
        args.output = temporary
    status = extract(args, out, err)
    try:
        with EventStore(db) as store:
            summary = store.ingest_files([args.output], progress=not args.no_progress and err.isatty(), log=err)
    except BaseException:
        if temporary is not None:  # the extraction is kept: ingest it later with `store ingest`
            print(f"{PROG}: the results are kept in {temporary}", file=err)
        raise
    if temporary is not None:
        Path(temporary).unlink(missing_ok=True)
    print(f"{PROG}: store: {summary.to_text()}", file=err)
    return max(status, EXIT_OK if summary.ok else EXIT_FAILED_INPUTS)
