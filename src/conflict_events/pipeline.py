"""The chain: a plain loop over extractors, checked when it is built.

>>> from datetime import date
>>> from conflict_events.schema import Document
>>> pipeline = Pipeline()
>>> result = pipeline(Document(id="d1", text="Russian forces shelled Kharkiv on Sunday.", date=date(2025, 1, 5)))
>>> [s.name for s in result.pipeline][-1]
'conflict_events.events.v1'

A pipeline can also be described in TOML (names in order, keyword settings)::

    [[steps]]
    name = "conflict_events.actors.v1"

    [[steps]]
    name = "conflict_events.locations.v1"
    settings = { }
"""

from __future__ import annotations

import gc
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from pydantic import ValidationError

from ._budget import DEFAULT_TIME_BUDGET, time_budget
from ._doccache import TEXT_KEY, release
from .draft import Draft
from .errors import ContractError, ExtractionError, NotADocumentError, PipelineError
from .extractor import Extractor
from .nlp import parse, parse_pipe
from .registry import Registry, registry
from .rules import disabled
from .schema import Document, ExtractionResult, PipelineStep

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_STEPS", "Pipeline", "StepSpec"]

DEFAULT_STEPS: Final[tuple[str, ...]] = (
    "conflict_events.locations.v1",
    "conflict_events.actors.v1",
    "conflict_events.time.v1",
    "conflict_events.figures.v1",
    "conflict_events.claims.v1",
    "conflict_events.events.v1",
)

# A step: a registered name, a (name, settings) pair, or an extractor instance.
StepSpec = str | tuple[str, Mapping[str, Any]] | Extractor


class Pipeline:
    """Run extractors in order over dated documents and return validated results."""

    def __init__(
        self,
        steps: Sequence[StepSpec] | None = None,
        *,
        nlp: Language | None = None,
        model: str | None = None,
        registry: Registry = registry,
        batch_size: int = 16,
        time_budget: float | None = DEFAULT_TIME_BUDGET,
    ) -> None:
        self.time_budget = time_budget  # seconds per document; None or 0: no budget
        self.extractors: list[Extractor] = [self._build(spec, registry) for spec in (steps or DEFAULT_STEPS)]
        self._check_requirements()
        if nlp is None:
            from .nlp import load_language_model

            nlp = load_language_model(model)
        self.nlp = nlp
        self.batch_size = batch_size
        self.steps = [PipelineStep(name=e.name, version=e.version) for e in self.extractors]
        # The model, lexicons and gazetteer are millions of objects that live as long as the process.
        # Frozen, the cyclic collector no longer walks them at every full collection: that walk took
        # about 0.16 s wherever it fell and made long inputs look super-linear (docs/performance.md).
        gc.freeze()

    @staticmethod
    def _build(spec: StepSpec, reg: Registry) -> Extractor:
        if isinstance(spec, str):
            return reg.create(spec)
        if isinstance(spec, tuple):
            name, settings = spec
            return reg.create(name, **dict(settings))
        if isinstance(spec, Extractor):
            return spec
        raise PipelineError(f"a step must be a registered name, (name, settings) or an Extractor, not {spec!r}")

    def _check_requirements(self) -> None:
        provided: set[str] = {"document"}
        for i, ext in enumerate(self.extractors):
            missing = set(ext.requires) - provided
            if missing:
                raise PipelineError(
                    f"step {i} needs {', '.join(sorted(missing))}, which no earlier step provides"
                    f" (earlier steps provide: {', '.join(sorted(provided))})",
                    source=ext.name,
                )
            provided |= set(ext.provides)

    @classmethod
    def from_toml(cls, path: str | Path, **kwargs: Any) -> Pipeline:
        """Build a pipeline from a TOML file with ``[[steps]]`` tables (``name``, optional ``settings``)."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise PipelineError(f"cannot read pipeline description: {err}", source=str(path)) from err
        steps_data = data.get("steps")
        if not isinstance(steps_data, list) or not steps_data:
            raise PipelineError("expected one or more [[steps]] tables", source=str(path))
        steps: list[StepSpec] = []
        for i, step in enumerate(steps_data):
            if not isinstance(step, dict) or not isinstance(step.get("name"), str):
                raise PipelineError(f"[[steps]] number {i + 1} has no name", source=str(path))
            settings = step.get("settings", {})
            if not isinstance(settings, dict):
                raise PipelineError(f"settings of step {step['name']!r} must be a table", source=str(path))
            unknown = set(step) - {"name", "settings"}
            if unknown:
                raise PipelineError(f"step {step['name']!r} has unknown keys {sorted(unknown)}", source=str(path))
            steps.append((step["name"], settings))
        if "model" in data and "nlp" not in kwargs:
            kwargs.setdefault("model", data["model"])
        return cls(steps, **kwargs)

    def run(self, doc: Doc, document: Document) -> ExtractionResult:
        """Run every extractor over an already parsed document."""
        draft = Draft(document)
        doc.user_data.setdefault(TEXT_KEY, document.text)  # extractors read it through nlp.doc_text
        try:
            with time_budget(self.time_budget, document.id):
                for ext in self.extractors:
                    draft = self._run_step(ext, doc, draft, document)
        finally:
            release(doc)
        try:
            return draft.to_result(self.steps)
        except ValidationError as err:
            raise ExtractionError(f"the extracted records are invalid: {err}", source=document.id) from err

    @staticmethod
    def _run_step(ext: Extractor, doc: Doc, draft: Draft, document: Document) -> Draft:
        off: frozenset[str] = getattr(getattr(ext, "settings", None), "disabled_rules", frozenset())
        try:
            # draft.guarded(...) taken apart: this runs for every step of every document
            before = draft._open_guard(ext.name, ext.requires, ext.provides)
            try:
                if off:
                    with disabled(off):
                        out = ext(doc, draft)
                else:
                    out = ext(doc, draft)
            finally:
                draft._close_guard()
            draft._check_guard(ext.name, before)
        except ContractError as err:
            raise ExtractionError(f"extractor {ext.name} broke its contract: {err.message}",
                                  source=document.id) from err
        except Exception as err:
            raise ExtractionError(f"extractor {ext.name} failed: {type(err).__name__}: {err}",
                                  source=document.id) from err
        if out is not draft:
            raise ExtractionError(f"extractor {ext.name} returned {type(out).__name__}, not the draft it was given",
                                  source=document.id)
        return out

    def __call__(self, document: Document) -> ExtractionResult:
        """Extract everything from one document (a :class:`~conflict_events.schema.Document`, which has a date)."""
        return self.run(parse(self.nlp, _as_document(document).text), document)

    def __repr__(self) -> str:
        """The steps in order, the language model and the time budget.

        >>> Pipeline(["conflict_events.time.v1"], time_budget=30)  # doctest: +ELLIPSIS
        Pipeline(['conflict_events.time.v1'], nlp='en_core_web_sm...', time_budget=30)
        """
        meta = getattr(self.nlp, "meta", {}) or {}
        name = f"{meta['lang']}_{meta['name']}" if meta.get("lang") and meta.get("name") else type(self.nlp).__name__
        model = f"{name} {meta.get('version', '')}".strip()
        return f"Pipeline({[e.name for e in self.extractors]!r}, nlp={model!r}, time_budget={self.time_budget!r})"

    def pipe(
        self,
        documents: Iterable[Document],
        *,
        batch_size: int | None = None,
        on_error: Callable[[Document, ExtractionError], None] | None = None,
    ) -> Iterator[ExtractionResult]:
        """Extract from many documents, parsing them with ``nlp.pipe`` in batches; results in input order.

        A text longer than spaCy's ``max_length`` is parsed in parts split at paragraph breaks and
        joined again (:func:`conflict_events.nlp.parse_pipe`), so its spans match the whole text.

        With ``on_error``, a document whose extraction fails is handed to it and the run goes on;
        without, the :class:`~conflict_events.errors.ExtractionError` propagates.
        """
        pairs = ((_as_document(d).text, d) for d in documents)
        for doc, document in parse_pipe(self.nlp, pairs, batch_size=batch_size or self.batch_size):
            try:
                yield self.run(doc, document)
            except ExtractionError as err:
                if on_error is None:
                    raise
                on_error(document, err)


def _as_document(document: object) -> Document:
    """The document itself; a bare string or anything else is a clear error, not an AttributeError."""
    if isinstance(document, Document):
        return document
    if isinstance(document, str):
        raise NotADocumentError(
            "a pipeline needs a dated Document, not a str: pass Document(id=..., text=..., date=...), "
            "or use conflict_events.extract(text, date=...)",
            source=repr(document[:40] + ("..." if len(document) > 40 else "")),
        )
    raise NotADocumentError(f"a pipeline needs a dated Document, not {type(document).__name__}",
                            source=type(document).__name__)
