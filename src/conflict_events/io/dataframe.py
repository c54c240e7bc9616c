"""pandas: extraction results as a DataFrame, one row per event.

pandas is optional: install the extra with ``pip install "conflict-events[pandas]"``
(or ``pip install pandas``). Without it, :func:`to_dataframe` raises
:class:`MissingExtraError`, which names the extra.

The columns are those of :func:`conflict_events.io.geojson.event_properties`
(ACLED's column names where one exists), with dates as ``datetime64``, counts
as nullable integers (``fatalities`` stays missing when unknown) and
``civilian_targeting`` as booleans.

>>> import datetime as dt
>>> from conflict_events.schema import Document, Event, ExtractionResult, Span, TimeSpan
>>> text = "Protesters marched in Lagos."
>>> doc = Document(id="d1", text=text, date=dt.date(2025, 1, 5))
>>> day = TimeSpan(start=doc.date, end=doc.date, precision="day", anchor=doc.date)
>>> event = Event(id="e1", document_id="d1", event_type="Protests", sub_event_type="Peaceful protest",
...               trigger=Span.of(text, 11, 18), sentence=Span.of(text, 0, len(text)), date=day,
...               confidence=0.9, extractor="demo")
>>> frame = to_dataframe([ExtractionResult(document=doc, events=(event,))])  # doctest: +SKIP
>>> frame.loc[0, "sub_event_type"], str(frame["event_date"].dtype).startswith("datetime64")  # doctest: +SKIP
('Peaceful protest', True)
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any, Final

from ..errors import ConflictEventsError
from ..schema import ExtractionResult
from .geojson import event_properties

__all__ = ["COLUMNS", "MissingExtraError", "to_dataframe"]

COLUMNS: Final[tuple[str, ...]] = (
    "event_id_cnty", "document_id", "event_date", "date_start", "date_end", "time_precision",
    "disorder_type", "event_type", "sub_event_type", "actor1", "actor1_kind", "assoc_actor_1", "inter1",
    "actor2", "actor2_kind", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
    "country_code", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "fatalities", "notes", "source", "url", "confidence", "extractor", "claim_ids",
)  # fmt: skip

_DATES: Final = ("event_date", "date_start", "date_end")
_COUNTS: Final = ("time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities")


class MissingExtraError(ConflictEventsError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError as err:
        raise MissingExtraError(
            'to_dataframe needs pandas: pip install "conflict-events[pandas]" (or pip install pandas)',
            source="conflict_events.io.dataframe",
        ) from err


def to_dataframe(results: Iterable[ExtractionResult]) -> Any:
    """A ``pandas.DataFrame`` with one row per event of ``results`` (columns: :data:`COLUMNS`).

    Raises :class:`MissingExtraError` when pandas is not installed.
    """
    pd = _pandas()
    rows = [event_properties(event, result) for result in results for event in result.events]
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    for column in _DATES:
        frame[column] = pd.to_datetime(frame[column])
    for column in _COUNTS:
        frame[column] = frame[column].astype("Int64")
    frame["civilian_targeting"] = frame["civilian_targeting"].astype("boolean")
    for column in ("latitude", "longitude", "confidence"):
        frame[column] = frame[column].astype("Float64")
    return frame
