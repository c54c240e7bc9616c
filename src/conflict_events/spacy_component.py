"""The chain as a spaCy pipeline component: ``nlp.add_pipe("conflict_events")`` in any pipeline.

The factory is registered through spaCy's ``spacy_factories`` entry point, so installing
``conflict-events`` is enough: no import is needed before ``add_pipe``. The component runs
the extractors over the Doc the pipeline has already parsed (your own model, a larger or a
transformer one, a language you trained) and sets ``doc._.conflict_events`` to the
:class:`~conflict_events.schema.ExtractionResult`. The document's publication date, which
every relative time is resolved against, comes from ``doc._.conflict_events_date`` (a
``date`` or ``"YYYY-MM-DD"``), else from the ``date`` setting; its id from
``doc._.conflict_events_id``, else a hash of the text.

Settings (``config={...}``):

* ``steps``: registered extractor names in order (default: the default chain);
* ``pipeline``: a pipeline TOML file instead of ``steps``;
* ``date``: the date of documents that set none (``"YYYY-MM-DD"``; default none: such a
  document is a :class:`~conflict_events.errors.MissingDateError`);
* ``time_budget``: seconds one document may take (default 60; 0 or null: no limit).

The rules read sentences, the parse and entities: a pipeline without a parser or an NER
gives fewer records. The conflict entity ruler and the paragraph breaks that
:func:`conflict_events.load_language_model` adds can be added to any English pipeline with
:func:`conflict_events.nlp.add_conflict_ruler` and :func:`conflict_events.nlp.add_paragraph_breaks`.

>>> import datetime as dt
>>> from conflict_events.nlp import load_language_model
>>> nlp = load_language_model()
>>> component = make_conflict_events(nlp, "conflict_events", steps=["conflict_events.time.v1"], pipeline=None,
...                                  date="2025-03-10", time_budget=60.0)
>>> doc = component(nlp("Shelling hit Izium on Sunday."))
>>> doc._.conflict_events.times[0].start
datetime.date(2025, 3, 9)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from ._budget import DEFAULT_TIME_BUDGET
from .errors import MissingDateError, PipelineError
from .io.readers import document_from_text
from .pipeline import Pipeline

if TYPE_CHECKING:
    from .schema import ExtractionResult

__all__ = ["FACTORY", "ConflictEventsComponent", "make_conflict_events"]

FACTORY = "conflict_events"

for _name in ("conflict_events", "conflict_events_date", "conflict_events_id"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ConflictEventsComponent:
    """Runs a :class:`~conflict_events.pipeline.Pipeline` over each parsed Doc (see the module docstring)."""

    def __init__(self, pipeline: Pipeline, date: dt.date | None) -> None:
        self.pipeline = pipeline
        self.date = date

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not doc.has_annotation("SENT_START"):
            raise PipelineError("the components before it set no sentence boundaries: add a parser, a 'senter' "
                                "or a 'sentencizer' before conflict_events", source=FACTORY)
        date = _as_date(doc._.conflict_events_date, "doc._.conflict_events_date") or self.date
        if date is None:
            raise MissingDateError(
                "no publication date: set doc._.conflict_events_date, or the component's 'date' setting "
                "(nlp.add_pipe('conflict_events', config={'date': 'YYYY-MM-DD'}))",
                source=doc._.conflict_events_id or FACTORY)
        document = document_from_text(doc.text, date=date, id=doc._.conflict_events_id)
        result: ExtractionResult = self.pipeline.run(doc, document)
        doc._.conflict_events = result
        return doc

    def __repr__(self) -> str:
        return f"ConflictEventsComponent({self.pipeline!r}, date={self.date!r})"


def _as_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise MissingDateError(f"{value!r} is not a date YYYY-MM-DD", source=where) from None


@Language.factory(
    FACTORY,
    default_config={"steps": None, "pipeline": None, "date": None, "time_budget": DEFAULT_TIME_BUDGET},
)
def make_conflict_events(
    nlp: Language,
    name: str,
    steps: list[str] | None,
    pipeline: str | None,
    date: str | None,
    time_budget: float | None,
) -> ConflictEventsComponent:
    """Build the component (spaCy calls this for ``nlp.add_pipe("conflict_events", config=...)``)."""
    if steps is not None and pipeline is not None:
        raise PipelineError("give 'steps' or 'pipeline', not both", source=name)
    built = (Pipeline.from_toml(pipeline, nlp=nlp, time_budget=time_budget) if pipeline
             else Pipeline(steps, nlp=nlp, time_budget=time_budget))
    return ConflictEventsComponent(built, _as_date(date, f"{name} config 'date'"))
