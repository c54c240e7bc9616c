"""pandas DataFrame of events; pandas is optional."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from conflict_events.io.dataframe import COLUMNS, MissingExtraError, to_dataframe
from conflict_events.schema import Document, Event, ExtractionResult, Figure, Location, Span, TimeSpan


def _result() -> ExtractionResult:
    text = "Police fired on protesters in Kano, killing 3. A second march in Lagos was peaceful."
    doc = Document(id="ng", text=text, date=dt.date(2025, 2, 3))
    day = TimeSpan(start=doc.date, end=doc.date, precision="day", anchor=doc.date)
    kano = Location(id="kano", name="Kano", kind="settlement", country="NG", latitude=12.0, longitude=8.5167,
                    geo_precision=1)  # fmt: skip
    killed = Figure(category="killed", value=3, text=Span.of(text, 44, 45))
    first = Event(id="ng-e1", document_id="ng", event_type="Protests",
                  sub_event_type="Excessive force against protesters", trigger=Span.of(text, 7, 12),
                  sentence=Span.of(text, 0, 46), date=day, location=kano, fatalities=killed,
                  civilian_targeting=True, confidence=0.9, extractor="t")  # fmt: skip
    second = Event(id="ng-e2", document_id="ng", event_type="Protests", sub_event_type="Peaceful protest",
                   trigger=Span.of(text, 56, 61), sentence=Span.of(text, 47, len(text)), date=day,
                   confidence=0.7, extractor="t")  # fmt: skip
    return ExtractionResult(document=doc, events=(first, second), locations=(kano,))


def test_dataframe_columns_and_types() -> None:
    pytest.importorskip("pandas", reason="pandas is optional: pip install pandas")
    frame = to_dataframe([_result()])
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 2
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame.loc[0, "fatalities"] == 3
    assert frame["fatalities"].isna().tolist() == [False, True], "unknown fatalities stay missing"
    assert frame.loc[0, "disorder_type"] == "Political violence; Demonstrations"
    assert bool(frame.loc[0, "civilian_targeting"]) is True
    assert frame["latitude"].isna().tolist() == [False, True]


def test_empty_results_give_an_empty_frame() -> None:
    pytest.importorskip("pandas", reason="pandas is optional: pip install pandas")
    frame = to_dataframe([])
    assert frame.empty and list(frame.columns) == list(COLUMNS)


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes "import pandas" fail
    with pytest.raises(MissingExtraError, match=r"conflict-events\[pandas\]"):
        to_dataframe([_result()])
    with pytest.raises(ImportError):
        to_dataframe([])


def test_example_plots_events_per_week(tmp_path: Path) -> None:
    pytest.importorskip("pandas", reason="pandas is optional: pip install pandas")
    pytest.importorskip("matplotlib", reason="the plotting example needs matplotlib: pip install matplotlib")
    script = Path(__file__).resolve().parents[2] / "examples" / "datasets" / "plot_events_per_week.py"
    spec = importlib.util.spec_from_file_location("plot_events_per_week", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    png = tmp_path / "weekly.png"
    weeks = module.plot(script.parent / "sample_acled_events.csv", png)
    assert weeks == 7
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_docs_numbers_for_the_sample() -> None:
    pytest.importorskip("pandas", reason="pandas is optional: pip install pandas")
    from conflict_events.io.acled import read_acled

    sample = Path(__file__).resolve().parents[2] / "examples" / "datasets" / "sample_acled_events.csv"
    frame = to_dataframe(read_acled(sample))
    assert frame.shape == (48, 35)
    assert frame.groupby("event_type")["fatalities"].sum().to_dict() == {
        "Battles": 93,
        "Explosions/Remote violence": 48,
        "Protests": 0,
        "Riots": 2,
        "Strategic developments": 0,
        "Violence against civilians": 29,
    }
