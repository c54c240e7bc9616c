"""Reading documents, writing results, validating files.

- :mod:`~conflict_events.io.readers`: dated text files, JSONL documents, folders, globs, stdin;
- :mod:`~conflict_events.io.writers`: flushed JSON lines, the log of failed inputs, resume helpers;
- :mod:`~conflict_events.io.validate`: line-by-line checks with a :class:`ValidationReport`.

Dataset formats (``conflict_events.io.acled``, ``conflict_events.io.ucdp``, ...) are
imported on their own, so reading plain documents never loads them.

>>> from conflict_events.io import iter_documents, JsonlWriter, validate_path
>>> callable(iter_documents) and callable(validate_path)
True
"""

from .readers import (
    SourcedDocument,
    document_from_record,
    document_from_text,
    expand_inputs,
    iter_documents,
    iter_sourced_documents,
    parse_dated_text,
    read_jsonl_documents,
    read_text,
    read_text_file,
)
from .validate import ReportBuilder, ValidationFailure, ValidationReport, validate_path
from .writers import ErrorLog, ErrorRecord, JsonlWriter, completed_ids, read_results, repair_tail

__all__ = [
    "ErrorLog",
    "ErrorRecord",
    "JsonlWriter",
    "ReportBuilder",
    "SourcedDocument",
    "ValidationFailure",
    "ValidationReport",
    "completed_ids",
    "document_from_record",
    "document_from_text",
    "expand_inputs",
    "iter_documents",
    "iter_sourced_documents",
    "parse_dated_text",
    "read_jsonl_documents",
    "read_results",
    "read_text",
    "read_text_file",
    "repair_tail",
    "validate_path",
]
