"""The Dask engine: same records as ``Pipeline.pipe``, one pipeline per worker process, errors partitions.

One ``LocalCluster`` of two single-threaded worker processes serves the whole
module, so each worker loads its pipeline once for all the tests here.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

NO_DASK = 'the Dask engine needs the dask extra: pip install "conflict-events[dask]"'
dask = pytest.importorskip("dask", reason=NO_DASK)
db = pytest.importorskip("dask.bag", reason=NO_DASK)
distributed = pytest.importorskip("distributed", reason=NO_DASK)

from conflict_events import dask as ce_dask  # noqa: E402 - only once dask is known to be there
from conflict_events.errors import ConflictEventsError, InputError  # noqa: E402
from conflict_events.io.readers import SourcedDocument  # noqa: E402
from conflict_events.io.writers import ErrorRecord  # noqa: E402
from conflict_events.pipeline import Pipeline  # noqa: E402
from conflict_events.schema import Document  # noqa: E402

TEXTS = [
    "Russian forces shelled Kharkiv on Sunday, killing three civilians, regional officials said.",
    "Al-Shabaab militants attacked a military base near Mogadishu on Tuesday.",
    "Police fired tear gas at protesters in Nairobi on Monday.",
    "An airstrike hit a market in Idlib on Friday, killing at least 12 people, rescuers said.",
    "Clashes between the army and RSF fighters continued in Khartoum on Saturday.",
    "Houthi forces launched drones at Marib on Wednesday, a government spokesman said.",
    "Gunmen kidnapped 20 villagers in Zamfara state, police said on Thursday.",
]


def _record(i: int, text: str) -> dict[str, str]:
    return {"id": f"n{i}", "text": text, "date": f"2025-01-{i + 1:02d}"}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    with cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture()
def inputs(tmp_path: Path) -> list[Path]:
    """A JSONL file with two bad lines and a blank one, a dated text file and an undated one."""
    lines = [json.dumps(_record(i, t)) for i, t in enumerate(TEXTS[:5])]
    lines[2:2] = ["{not json", ""]  # lines 3 and 4
    lines.append(json.dumps({"id": "undated", "text": "Shelling in Donetsk."}))  # line 8
    news = tmp_path / "news.jsonl"
    news.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dated = tmp_path / "t5.txt"
    dated.write_text(f"date 2025-02-05 {TEXTS[5]}", encoding="utf-8")
    undated = tmp_path / "t6.txt"
    undated.write_text(TEXTS[6], encoding="utf-8")
    return [news, dated, undated]


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cluster_run_matches_single_process_pipe(client: Any, inputs: list[Path], tmp_path: Path,
                                                  pipeline: Pipeline) -> None:
    out = tmp_path / "out"
    summary = ce_dask.run_dask(inputs, out, scheduler=client.scheduler.address, npartitions=3, log=None)

    good = [Document(id=f"n{i}", text=t, date=dt.date(2025, 1, i + 1)) for i, t in enumerate(TEXTS[:5])]
    good.append(Document(id="t5", text=TEXTS[5], date=dt.date(2025, 2, 5)))
    expected = {r.document.id: json.loads(r.model_dump_json()) for r in pipeline.pipe(good)}

    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    got = [rec for part in parts for rec in _lines(part)]
    assert {rec["document"]["id"]: rec for rec in got} == expected
    # Partitions are contiguous slices of the input, each in input order.
    assert [rec["document"]["id"] for rec in got] == ["n0", "n1", "n2", "n3", "n4", "t5"]
    assert sum(r["events"] != [] for r in got) >= 3, "the documents should yield events at all"

    errors = [rec for path in sorted(out.glob("errors-*.jsonl")) for rec in _lines(path)]
    news, _, undated = map(str, inputs)
    assert [(e["path"], e["line"], e["error"]) for e in errors] == [
        (news, 3, "RecordError"), (news, 8, "RecordError"), (undated, None, "MissingDateError")]
    assert "no 'date'" in errors[1]["reason"]

    assert (summary.written, summary.failed, summary.partitions, summary.workers) == (6, 3, 3, 2)
    assert not summary.ok and not summary.failed_partitions
    assert [s.index for s in summary.partition_summaries] == [0, 1, 2]


def test_each_worker_process_builds_its_pipeline_once(client: Any, inputs: list[Path],
                                                      tmp_path: Path) -> None:
    # Five partitions over two workers: some worker runs several, and must reuse its pipeline.
    summary = ce_dask.run_dask(inputs, tmp_path / "out", scheduler=client.scheduler.address, npartitions=5,
                               log=None)
    assert summary.partitions == 5
    per_worker: dict[str, list[int]] = {}
    for part in summary.partition_summaries:
        per_worker.setdefault(part.worker, []).append(part.pipelines_built)
    assert max(len(built) for built in per_worker.values()) >= 2
    assert all(built == [1] * len(built) for built in per_worker.values()), per_worker


def test_write_partitions_of_a_bag_records_bad_elements(client: Any, tmp_path: Path) -> None:
    docs: list[Any] = [Document(id=f"b{i}", text=t, date=dt.date(2025, 3, 1))
                       for i, t in enumerate(TEXTS[:3])]
    docs.insert(1, {"id": "raw", "text": "a dict is not a document"})
    docs.append(SourcedDocument("feed.jsonl:9", Document(id="b9", text=TEXTS[3], date=dt.date(2025, 3, 2))))
    bag = db.from_sequence(docs, npartitions=2).map(lambda d: d)  # a lazy step before ours
    summaries = dask.compute(*ce_dask.write_partitions(bag, tmp_path), scheduler=client)
    assert [(s.index, s.written, s.failed) for s in summaries] == [(0, 2, 1), (1, 2, 0)]
    assert [r["document"]["id"] for r in _lines(tmp_path / "part-00000.jsonl")] == ["b0", "b1"]
    assert [r["document"]["id"] for r in _lines(tmp_path / "part-00001.jsonl")] == ["b2", "b9"]
    (error,) = _lines(tmp_path / "errors-00000.jsonl")
    assert error["error"] == "InputError" and "must be a Document, not dict" in error["reason"]


def test_extract_bag_keeps_order_across_partitions(client: Any) -> None:
    docs = [Document(id=f"e{i}", text=t, date=dt.date(2025, 4, 1)) for i, t in enumerate(TEXTS)]
    bag: Any = ce_dask.extract_bag(db.from_sequence(docs, npartitions=3))
    outcomes = bag.compute(scheduler=client)
    assert [o.id for o in outcomes] == [d.id for d in docs]
    assert all(o.result is not None and o.error is None for o in outcomes)


def test_a_pipeline_no_worker_can_build_stops_the_run(client: Any, inputs: list[Path],
                                                      tmp_path: Path) -> None:
    toml = tmp_path / "bad.toml"
    toml.write_text('[[steps]]\nname = "no.such.step.v1"\n', encoding="utf-8")
    with pytest.raises(ConflictEventsError, match=r"no\.such\.step"):
        ce_dask.run_dask(inputs, tmp_path / "out", scheduler=client.scheduler.address, pipeline_toml=toml,
                         log=None)


def test_an_unreadable_pipeline_description_is_named_before_any_cluster(tmp_path: Path) -> None:
    toml = tmp_path / "broken.toml"
    toml.write_text("[[steps]\n", encoding="utf-8")
    with pytest.raises(ConflictEventsError, match=r"broken\.toml"):
        ce_dask.run_dask([], tmp_path / "out", scheduler="tcp://127.0.0.1:1", pipeline_toml=toml, log=None)


def test_a_used_output_directory_is_refused_unless_overwrite(client: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00007.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(InputError, match="earlier run") as info:
        ce_dask.run_dask([], out, scheduler="tcp://127.0.0.1:1", log=None)
    assert str(out) in str(info.value)
    # A stale partition would pass for part of the new run's output: it goes before the run starts.
    summary = ce_dask.run_dask([], out, scheduler=client.scheduler.address, overwrite=True, log=None)
    assert (summary.partitions, summary.written, summary.ok) == (1, 0, True)
    assert sorted(p.name for p in out.iterdir()) == ["_plan.json", "errors-00000.jsonl", "part-00000.jsonl"]


def test_resume_reruns_only_the_missing_partitions(client: Any, inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    address = client.scheduler.address
    first = ce_dask.run_dask(inputs, out, scheduler=address, npartitions=3, log=None)
    before = {p.name: p.read_bytes() for p in out.glob("*-*.jsonl")}
    (out / "part-00001.jsonl").unlink()  # as if the run had stopped before partition 1 finished

    with pytest.raises(InputError, match="differ"):
        ce_dask.run_dask(inputs, out, scheduler=address, npartitions=2, resume=True, log=None)
    # Without npartitions the resumed run takes the count from the plan, whatever the cluster's size.
    again = ce_dask.run_dask(inputs, out, scheduler=address, resume=True, log=None)
    assert (again.partitions, again.skipped, again.written, again.failed) == (3, 2, 3, 1)
    assert [s.index for s in again.partition_summaries] == [1]
    assert {p.name: p.read_bytes() for p in out.glob("*-*.jsonl")} == before
    assert first.written == 6

    (inputs[1]).write_text("date 2025-02-06 Something else entirely.", encoding="utf-8")
    with pytest.raises(InputError, match="differ"):
        ce_dask.run_dask(inputs, out, scheduler=address, resume=True, log=None)


def test_relative_paths_mean_the_clients_directory(client: Any, inputs: list[Path], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The workers were started elsewhere (the test session's directory); the paths must still hold.
    monkeypatch.chdir(tmp_path)
    summary = ce_dask.run_dask(["news.jsonl"], "rel-out", scheduler=client.scheduler.address, log=None)
    assert (summary.written, summary.failed) == (5, 2)
    assert len(list((tmp_path / "rel-out").glob("part-*.jsonl"))) == summary.partitions
    assert all(rec.path == str(tmp_path / "news.jsonl") for rec in summary.failures)


def test_a_failing_partition_is_listed_and_the_others_are_written(client: Any, tmp_path: Path) -> None:
    docs = [Document(id=f"b{i}", text=t, date=dt.date(2025, 3, 1)) for i, t in enumerate(TEXTS[:6])]
    # A lambda, pickled by value: the workers cannot import this test module by name.
    explode_on_b4 = lambda d: d if d.id != "b4" else int("the user's parser broke")  # noqa: E731
    bag = db.from_sequence(docs, npartitions=3).map(explode_on_b4)  # b4 is in partition 2
    log = io.StringIO()
    summary = ce_dask.run_dask(bag, tmp_path / "out", scheduler=client.scheduler.address, progress=True,
                               log=log)
    assert list(summary.failed_partitions) == [2]
    assert "the user's parser broke" in summary.failed_partitions[2]
    assert (summary.written, summary.partitions, summary.ok) == (4, 3, False)
    written = sorted(p.name for p in (tmp_path / "out").glob("part-*"))
    assert written == ["part-00000.jsonl", "part-00001.jsonl"]
    assert "partition 2 failed: ValueError" in log.getvalue() and "2/3" in log.getvalue()  # and the bar
    assert "1 partitions lost" in summary.to_text()


def test_plan_cuts_jsonl_into_balanced_blocks_with_true_line_numbers(tmp_path: Path) -> None:
    news = tmp_path / "n.jsonl"
    lines = [json.dumps(_record(i, f"Text {i}.")) for i in range(10)]
    lines.insert(4, "")  # a blank line 5 still counts in the numbering
    news.write_text("\n".join(lines), encoding="utf-8")  # no final newline
    plan = ce_dask._plan([news, tmp_path / "missing.txt"], npartitions=4, workers=2, date=None,
                         replace_errors=False)
    weights = [sum(ce_dask._weight(u) for u in p if not isinstance(u, ErrorRecord)) for p in plan]
    assert weights == [3, 3, 3, 2]
    read = [item for p in plan for item in ce_dask._read_units(p, date=None, replace_errors=False)]
    assert [i.origin.rsplit(":", 1)[1] for i in read if isinstance(i, SourcedDocument)] == [
        "1", "2", "3", "4", "6", "7", "8", "9", "10", "11"]
    assert [i.document.id for i in read if isinstance(i, SourcedDocument)] == [f"n{i}" for i in range(10)]
    assert isinstance(read[-1], ErrorRecord) and read[-1].reason == "no such file or directory"


def test_worker_pipeline_is_cached_per_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[ce_dask.PipelineSpec] = []

    def fake_build(spec: ce_dask.PipelineSpec) -> Any:
        built.append(spec)
        return object()

    monkeypatch.setattr(ce_dask.PipelineSpec, "build", fake_build)
    monkeypatch.setattr(ce_dask, "_PIPELINES", {})
    a = ce_dask.PipelineSpec(toml="x = 1", batch_size=3, source="a.toml")
    same = ce_dask.PipelineSpec(toml="x = 1", batch_size=3, source="elsewhere/a.toml")
    assert ce_dask.worker_pipeline(a) is ce_dask.worker_pipeline(same)
    assert ce_dask.worker_pipeline(ce_dask.PipelineSpec(toml="x = 1", batch_size=4)) is not None
    assert len(built) == 2


def test_partitions_are_written_into_a_postgresql_store(client: Any, inputs: list[Path], tmp_path: Path,
                                                        postgres_url: str) -> None:
    from conflict_events.store import EventStore

    out = tmp_path / "out"
    address = client.scheduler.address
    summary = ce_dask.run_dask(inputs, out, scheduler=address, npartitions=3, log=None, store=postgres_url)
    assert (summary.written, summary.stored) == (6, 6)
    assert [s.stored for s in summary.partition_summaries] == [2, 3, 1]
    with EventStore(postgres_url, create=False) as store:
        counts = store.counts()
        assert counts["documents"] == 6 and counts["events"] == counts["fused_events"] > 0
    # resuming stores the partitions done before again: nothing changes
    (out / "part-00001.jsonl").unlink()
    again = ce_dask.run_dask(inputs, out, scheduler=address, resume=True, log=None, store=postgres_url)
    assert (again.skipped, again.stored) == (2, 6)
    with EventStore(postgres_url, create=False) as store:
        assert store.counts() == counts
