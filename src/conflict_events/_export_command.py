"""``conflict-events export`` and ``extract --format``: results as ACLED CSV, UCDP GED CSV, GeoJSON, Parquet.

>>> import tempfile, pathlib
>>> from conflict_events.cli import main
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "empty.jsonl").write_text("", encoding="utf-8")
>>> main(["export", str(folder / "empty.jsonl"), "--to", "ucdp-csv", "-o", str(folder / "ged.csv")])
0
>>> (folder / "ged.csv").read_text(encoding="utf-8")[:22]
'id,relid,year,active_y'
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import InputError

if TYPE_CHECKING:
    from .schema import ExtractionResult

__all__ = ["EXTRACT_FORMATS", "add_export_command", "export_after_extract", "finish_extract_export", "run_export"]

EXTRACT_FORMATS = ("jsonl", "acled-csv", "geojson", "ucdp-csv", "parquet")


def add_export_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``export`` subcommand."""
    from .io.export import FORMATS

    ex = sub.add_parser(
        "export",
        help="write results as ACLED CSV, UCDP GED CSV, GeoJSON or Parquet",
        description="Convert the results written by extract (RESULTS.jsonl, or - for stdin) into a dataset "
        "format. Area-level places are written at their coordinates with geo precision 3. CSV cells that "
        "a spreadsheet would run as a formula get a leading ' unless --no-neutralise.",
    )
    ex.add_argument("path", metavar="RESULTS.jsonl", help="results written by extract")
    ex.add_argument("--to", choices=FORMATS, required=True, help="the format to write")
    ex.add_argument("-o", "--output", metavar="OUT", help="file to write (default: stdout; Parquet needs a file)")
    ex.add_argument("--complete-only", action="store_true",
                    help="only events ACLED would record: an actor 1, a located place, a date within a month")
    ex.add_argument("--no-neutralise", action="store_true",
                    help="write CSV cells starting with = + - @ as they are (spreadsheets run them as formulas)")
    ex.set_defaults(run=run_export)


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``export``; returns the exit status."""
    from .io.export import export_results
    from .io.writers import read_results

    results = read_results(args.path) if args.path != "-" else _stdin_results()
    target = args.output if args.output and args.output != "-" else out
    count = export_results(results, args.to, target, neutralise=not args.no_neutralise,
                           complete_only=args.complete_only)
    what = "features" if args.to == "geojson" else "rows"
    where = args.output if target is not out else "stdout"
    print(f"conflict-events: wrote {count} {what} ({args.to}) to {where}", file=err)
    if count == 0:
        print("conflict-events: no event was written (none extracted, or none complete with --complete-only)",
              file=err)
    return 0


def _stdin_results() -> Iterator[ExtractionResult]:
    from .schema import ExtractionResult

    for line in sys.stdin:
        if line.strip():
            yield ExtractionResult.model_validate_json(line)


def export_after_extract(fmt: str, output: str | None, err: TextIO) -> str | None:
    """For ``extract --format FMT``: the JSONL file extract should write (None: write ``output`` itself)."""
    if fmt == "jsonl":
        return output
    if not output or output == "-":
        if fmt == "parquet":
            raise InputError("Parquet is written to a file: give -o OUT.parquet", source="--format")
        return _scratch()
    return _scratch(Path(output).parent)


def _scratch(folder: Path | None = None) -> str:
    fd, name = tempfile.mkstemp(prefix=".conflict-events-", suffix=".jsonl", dir=folder)
    os.close(fd)
    os.unlink(name)  # extract creates it: a name no file has yet
    return name


def finish_extract_export(fmt: str, scratch: str, output: str | None, succeeded: bool, out: TextIO,
                          err: TextIO) -> None:
    """Convert extract's JSONL into ``fmt`` at ``output`` (stdout when None), then drop the scratch file.

    As for JSONL, a run with failures does not replace an existing output: it goes to OUTPUT.partial.
    """
    from .io._staged import PARTIAL_SUFFIX
    from .io.export import export_results
    from .io.writers import read_results

    try:
        if not Path(scratch).exists():
            return
        target: str | TextIO = out
        if output and output != "-":
            target = output if succeeded or not Path(output).exists() else output + PARTIAL_SUFFIX
        count = export_results(read_results(scratch), fmt, target)  # type: ignore[arg-type]
        where = target if isinstance(target, str) else "stdout"
        print(f"conflict-events: wrote {count} {'features' if fmt == 'geojson' else 'rows'} ({fmt}) to {where}",
              file=err)
    finally:
        Path(scratch).unlink(missing_ok=True)
