"""The pipeline: requirements checked when built, TOML descriptions, errors per document in pipe()."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from conflict_events.draft import Draft
from conflict_events.errors import ExtractionError, NotADocumentError, PipelineError, PluginError
from conflict_events.pipeline import DEFAULT_STEPS, Pipeline
from conflict_events.schema import Document, ExtractionResult, Span

DATE = dt.date(2025, 1, 5)


def doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, text=text, date=DATE)


class Step:
    """A configurable test extractor."""

    def __init__(
        self,
        name: str = "test.step.v1",
        requires: set[str] | None = None,
        provides: set[str] | None = None,
        fail_on: str | None = None,
        bad_span: bool = False,
    ) -> None:
        self.name, self.version = name, "1"
        self.requires = frozenset(requires or ())
        self.provides = frozenset(provides or ())
        self.fail_on, self.bad_span = fail_on, bad_span

    def __call__(self, d: Any, draft: Draft) -> Draft:
        if self.fail_on and self.fail_on in draft.text:
            raise ValueError("cannot cope")
        if self.bad_span:
            draft.warn("x", "a span that is not in the text", span=Span(text="zzz", start=0, end=3))
        return draft


def test_default_pipeline_runs_every_default_step(pipeline: Pipeline) -> None:
    result = pipeline(doc("d", "Russian forces shelled Kharkiv on Sunday."))
    assert [s.name for s in result.pipeline] == list(DEFAULT_STEPS)
    assert isinstance(result, ExtractionResult)


def test_unmet_requirements_are_refused_when_built(nlp: Language) -> None:
    with pytest.raises(PipelineError, match="needs events") as info:
        Pipeline([Step(requires={"events"})], nlp=nlp)
    assert info.value.source == "test.step.v1"
    Pipeline([Step(provides={"events"}), Step("test.b.v1", requires={"events"})], nlp=nlp)


def test_a_step_must_be_a_name_a_pair_or_an_extractor(nlp: Language) -> None:
    with pytest.raises(PipelineError, match="a step must be"):
        Pipeline([42], nlp=nlp)  # type: ignore[list-item]
    with pytest.raises(PluginError):
        Pipeline(["no.such.v1"], nlp=nlp)


def test_pipe_keeps_order_and_hands_failures_to_on_error(nlp: Language) -> None:
    pipeline = Pipeline([Step(fail_on="BOOM")], nlp=nlp, batch_size=2)
    docs = [doc(f"d{i}", "BOOM" if i in (1, 4) else f"text {i}") for i in range(6)]
    failed: list[tuple[str, ExtractionError]] = []
    results = list(pipeline.pipe(docs, on_error=lambda d, e: failed.append((d.id, e))))
    assert [r.document.id for r in results] == ["d0", "d2", "d3", "d5"]
    assert [i for i, _ in failed] == ["d1", "d4"]
    assert "test.step.v1 failed: ValueError: cannot cope" in str(failed[0][1])
    with pytest.raises(ExtractionError, match="d1"):
        list(pipeline.pipe(docs))


def test_invalid_records_become_an_extraction_error(nlp: Language) -> None:
    with pytest.raises(ExtractionError, match="invalid"):
        Pipeline([Step(bad_span=True)], nlp=nlp)(doc("d", "Shelling."))


def test_from_toml(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[[steps]]\nname = "conflict_events.time.v1"\nsettings = {}\n', encoding="utf-8")
    pipeline = Pipeline.from_toml(path, nlp=nlp)
    assert [s.name for s in pipeline.steps] == ["conflict_events.time.v1"]


def test_the_example_pipeline_file_parses(nlp: Language) -> None:
    import tomllib

    path = Path(__file__).resolve().parents[1] / "examples" / "pipeline.toml"
    names = [s["name"] for s in tomllib.loads(path.read_text(encoding="utf-8"))["steps"]]
    assert names[: len(DEFAULT_STEPS)] == list(DEFAULT_STEPS)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not toml [", "cannot read"),
        ("x = 1", "expected one or more"),
        ("[[steps]]\nsettings = {}", "has no name"),
        ('[[steps]]\nname = "conflict_events.time.v1"\nsettings = 3', "must be a table"),
        ('[[steps]]\nname = "conflict_events.time.v1"\nextra = 1', "unknown keys"),
    ],
)
def test_bad_toml_is_a_pipeline_error_naming_the_file(
    tmp_path: Path, nlp: Language, content: str, message: str
) -> None:
    path = tmp_path / "p.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PipelineError, match=message) as info:
        Pipeline.from_toml(path, nlp=nlp)
    assert str(path) in str(info.value)


def test_missing_toml_file(tmp_path: Path, nlp: Language) -> None:
    with pytest.raises(PipelineError, match="cannot read"):
        Pipeline.from_toml(tmp_path / "absent.toml", nlp=nlp)


def test_results_are_deterministic(pipeline: Pipeline) -> None:
    d = doc("d", "Russian forces shelled Kharkiv on Sunday, killing three civilians, the governor said.")
    assert pipeline(d).model_dump_json() == pipeline(d).model_dump_json()


def test_an_unknown_setting_is_an_error_naming_the_step_and_the_key(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[[steps]]\nname = "conflict_events.time.v1"\nsettings = { day_frist = false }\n', encoding="utf-8")
    with pytest.raises(PipelineError, match=r"conflict_events\.time\.v1.*unknown setting 'day_frist'"):
        Pipeline.from_toml(path, nlp=nlp)
    with pytest.raises(PipelineError, match="min_confidence"):
        Pipeline([("conflict_events.events.v1", {"min_confidence": 2})], nlp=nlp)


def test_a_step_that_writes_an_undeclared_field_fails(nlp: Language) -> None:
    class Sneaky:
        name, version = "test.sneaky.v1", "1"
        requires: frozenset[str] = frozenset()
        provides = frozenset({"warnings"})

        def __call__(self, doc: object, draft: Draft) -> Draft:
            draft._events.append(None)  # type: ignore[arg-type]  # behind the guard's back
            return draft

    with pytest.raises(ExtractionError, match=r"test\.sneaky\.v1 broke its contract: wrote draft\.events"):
        Pipeline([Sneaky()], nlp=nlp)(Document(id="d", text="Shelling.", date=dt.date(2024, 1, 1)))


def test_a_step_that_reads_an_undeclared_field_fails(nlp: Language) -> None:
    class Curious:
        name, version = "test.curious.v1", "1"
        requires: frozenset[str] = frozenset()
        provides = frozenset({"warnings"})

        def __call__(self, doc: object, draft: Draft) -> Draft:
            if draft.actors:
                draft.warn("x", "y")
            return draft

    with pytest.raises(ExtractionError, match=r"read draft\.actors"):
        Pipeline([Curious()], nlp=nlp)(Document(id="d", text="Shelling.", date=dt.date(2024, 1, 1)))


def test_disabled_rules_reach_the_step(nlp: Language) -> None:
    from conflict_events.rules import Example, rule

    @rule("test.pipeline.shout", decides="event.size", register=False,
          positive=[Example("x", {"events": 0})], negative=[Example("y", {"events": 0})])
    def shout(text: str) -> bool:
        """A text with an exclamation mark shouts."""
        return "!" in text

    class Shouting:
        name, version = "test.shouting.v1", "1"
        requires: frozenset[str] = frozenset()
        provides = frozenset({"warnings"})

        def __init__(self, off: frozenset[str]) -> None:
            self.settings = type("S", (), {"disabled_rules": off})()

        def __call__(self, doc: object, draft: Draft) -> Draft:
            if shout(draft.text):
                draft.warn("shouting", "the text shouts")
            return draft

    doc = Document(id="d", text="Shelling!", date=dt.date(2024, 1, 1))
    assert [w.code for w in Pipeline([Shouting(frozenset())], nlp=nlp)(doc).warnings] == ["shouting"]
    assert Pipeline([Shouting(frozenset({"test.pipeline.shout"}))], nlp=nlp)(doc).warnings == ()


def test_a_bare_string_is_a_clear_error_not_an_attribute_error(nlp: Language) -> None:
    pipeline = Pipeline([Step()], nlp=nlp)
    with pytest.raises(NotADocumentError, match=r"needs a dated Document, not a str.*extract\(text, date=") as info:
        pipeline("Troops shelled Kharkiv on Sunday.")  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and "Troops shelled" in str(info.value)
    with pytest.raises(NotADocumentError, match="not a str"):
        list(pipeline.pipe([doc("d1", "fine"), "not a document"]))  # type: ignore[list-item]
    with pytest.raises(NotADocumentError, match="not dict"):
        pipeline({"id": "d1", "text": "x"})  # type: ignore[arg-type]


def test_repr_lists_the_steps_the_model_and_the_budget(nlp: Language) -> None:
    text = repr(Pipeline(["conflict_events.time.v1", Step()], nlp=nlp, time_budget=12.5))
    assert text.startswith("Pipeline(['conflict_events.time.v1', 'test.step.v1'], nlp='en_core_web_sm")
    assert text.endswith("time_budget=12.5)")


def test_a_new_pipeline_freezes_what_it_loaded(nlp: Language) -> None:
    # the collector must not walk the model and lexicons at every full collection
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    Pipeline(nlp=nlp)
    assert gc.get_freeze_count() > 0



def _guarded_write(write: Any) -> None:
    records: list[Any] = [object(), object(), object()]  # stand-ins: the guard reads only their identity
    draft = Draft(Document(id="d", text="Shelling.", date=dt.date(2024, 1, 1)), actors=records[:2], times=records[2:])
    before = draft._open_guard("test.write.v1", (), {"events"})
    write(draft)
    draft._close_guard()
    draft._check_guard("test.write.v1", before)


@pytest.mark.parametrize(
    ("write", "named"),
    [
        (lambda d: d._actors.append(object()), "actors"),
        (lambda d: d._actors.__setitem__(1, object()), "actors"),  # one record replaced, same length
        (lambda d: d._times.insert(0, d._actors.pop()), "actors, draft.times"),  # a record moved between lists
        (lambda d: setattr(d, "_locations", []), "locations"),  # a new list, equal to the old one
    ],
)
def test_the_guard_names_every_list_written(write: Any, named: str) -> None:
    with pytest.raises(Exception, match=rf"wrote draft\.{named} without declaring"):
        _guarded_write(write)


def test_the_guard_lets_a_step_write_what_it_provides() -> None:
    _guarded_write(lambda d: d._events.append(object()))
    _guarded_write(lambda d: None)
