"""Every error the library raises on purpose derives from :class:`ConflictEventsError`.

The tree::

    ConflictEventsError
    ├── InputError                 bad input: names the input (file, line, id) and the problem
    │   ├── MissingDateError       a document has no date and the caller named no date policy
    │   ├── DecodeError            bytes that are not valid text in the expected encoding
    │   ├── NotADocumentError      a pipeline was given something other than a Document (also a TypeError)
    │   └── RecordError            one line/row of a JSONL or CSV input is malformed
    ├── ModelNotFoundError         no spaCy language model is installed
    ├── PluginError                an extractor entry point cannot be found or loaded
    ├── PipelineError              a chain that cannot run (unmet requirement, bad TOML, unknown setting)
    │   └── ContractError          a step read or wrote a draft field it did not declare
    ├── LexiconError               a word-list file that cannot be read or has the wrong shape
    ├── RuleError                  a rule declared wrongly (duplicate name, example without expectation)
    ├── ExtractionError            an extractor failed on one document
    └── StoreError                 an event store that cannot be opened, read or written

Each error keeps the input it concerns in ``source`` (a path, ``path:line``, a
document id or a plugin name), so a caller can report it or carry on with the
next input.

>>> try:
...     raise MissingDateError("no date for this document", source="notes.txt")
... except ConflictEventsError as err:
...     print(err)
notes.txt: no date for this document
"""

from __future__ import annotations

__all__ = [
    "ConflictEventsError",
    "ContractError",
    "DecodeError",
    "ExtractionError",
    "InputError",
    "LexiconError",
    "MissingDateError",
    "ModelNotFoundError",
    "NotADocumentError",
    "PipelineError",
    "PluginError",
    "RecordError",
    "RuleError",
    "StoreError",
]


class ConflictEventsError(Exception):
    """Root of the library's errors; ``source`` names the input concerned."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(ConflictEventsError):
    """The input cannot be read as a dated document; ``document_id`` is its id when that was read."""

    def __init__(self, message: str, *, source: str | None = None, document_id: str | None = None) -> None:
        self.document_id = document_id
        super().__init__(message, source=source)


class MissingDateError(InputError):
    """A document has no publication date and no date policy was given."""


class NotADocumentError(InputError, TypeError):
    """A pipeline was handed a bare string (or anything else) where it needs a dated Document."""


class DecodeError(InputError):
    """A file's bytes are not valid text in the expected encoding."""


class RecordError(InputError):
    """One record (a JSONL line, a CSV row) is malformed; ``line`` is 1-based."""

    def __init__(
        self, message: str, *, source: str | None = None, line: int | None = None, document_id: str | None = None
    ) -> None:
        self.line = line
        where = f"{source}:{line}" if source and line is not None else source
        super().__init__(message, source=where, document_id=document_id)


class ModelNotFoundError(ConflictEventsError):
    """No spaCy English model is installed."""


class PluginError(ConflictEventsError):
    """An extractor is not registered, or its entry point fails to load."""


class PipelineError(ConflictEventsError):
    """The chain cannot be built: an unmet requirement or a bad description."""


class ContractError(PipelineError):
    """A step read or wrote a field of the draft that it does not declare in ``requires``/``provides``."""


class LexiconError(ConflictEventsError):
    """A lexicon (word-list) file cannot be read, or an entry has the wrong shape."""


class RuleError(ConflictEventsError):
    """A rule is declared wrongly: a duplicate name, a bad ``decides``, an example without expectation."""


class ExtractionError(ConflictEventsError):
    """An extractor raised on one document; ``source`` is the document id."""


class StoreError(ConflictEventsError):
    """The event store cannot be opened, read or written; ``source`` names the store."""
