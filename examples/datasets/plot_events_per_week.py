"""Plot events per week, by event type, from an ACLED-format CSV, to a PNG.

    pip install pandas matplotlib
    python examples/datasets/plot_events_per_week.py [events.csv] [events_per_week.png]

Reads the file with ``conflict_events.io.acled.read_acled`` (streaming, typed
records), turns the records into a DataFrame with
``conflict_events.io.dataframe.to_dataframe``, counts events per ISO week
(weeks start on Monday) and draws a stacked bar chart. The default input is the
bundled INVENTED sample (see make_sample.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed: draw straight to a file

import matplotlib.pyplot as plt

from conflict_events.io.acled import read_acled
from conflict_events.io.dataframe import to_dataframe

HERE = Path(__file__).resolve().parent


def plot(csv_path: Path, png_path: Path) -> int:
    """Draw the chart; returns the number of weeks plotted."""
    frame = to_dataframe(read_acled(csv_path))
    week = frame["event_date"].dt.to_period("W-SUN").dt.start_time
    counts = frame.assign(week=week).pivot_table(
        index="week", columns="event_type", values="event_id_cnty", aggfunc="count", fill_value=0
    )
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=120)
    positions = range(len(counts))
    bottom = [0] * len(counts)
    handles = []
    for event_type in counts.columns:
        values = [int(v) for v in counts[event_type]]
        handles.append(ax.bar(positions, values, width=0.8, bottom=bottom, label=event_type))
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_xticks(list(positions), [f"{w:%Y-%m-%d}" for w in counts.index], rotation=30, ha="right")
    ax.set_title(f"Events per week: {csv_path.name}")
    ax.set_xlabel("week starting (Monday)")
    ax.set_ylabel("events")
    ax.legend(handles=handles, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    fig.savefig(png_path)
    plt.close(fig)
    return len(counts)


def main(argv: list[str]) -> int:
    csv_path = Path(argv[0]) if argv else HERE / "sample_acled_events.csv"
    png_path = Path(argv[1]) if len(argv) > 1 else Path("events_per_week.png")
    weeks = plot(csv_path, png_path)
    print(f"wrote {png_path} ({weeks} weeks)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
