"""An offline map of located events: inline SVG, equirectangular projection, graticule, labelled points.

Nothing is fetched: no tiles, no scripts, no fonts. Country outlines, when given (the
page passes Natural Earth's, bundled), are drawn under the points. Longitude and latitude are
plotted linearly (an equirectangular projection whose standard parallel is the
middle latitude of the points, so shapes near it keep their proportions),
with a graticule every 0.5, 1, 2, 5, 10, 15 or 30 degrees chosen for the extent.

>>> svg = map_svg([MapPoint(label="1 Kharkiv", latitude=49.99, longitude=36.23, ref="e1")])
>>> svg.startswith("<svg") and "Kharkiv" in svg and "50°N" in svg
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Final

__all__ = ["Land", "MapPoint", "map_svg"]

# Land to draw: (west, south, east, north) of a ring, and the ring's (longitude, latitude) points.
Land = tuple[tuple[float, float, float, float], Sequence[tuple[float, float]]]

WIDTH: Final = 720
MARGIN: Final = 34
_STEPS: Final = (0.5, 1, 2, 5, 10, 15, 30)


@dataclass(frozen=True)
class MapPoint:
    """One point to plot: its label, position and the id of the record it shows."""

    label: str
    latitude: float
    longitude: float
    ref: str
    kind: str = "event"


def _extent(points: list[MapPoint]) -> tuple[float, float, float, float]:
    """(south, north, west, east), padded so a single point or a line still has room, and landscape."""
    lats = [p.latitude for p in points]
    lons = [p.longitude for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    pad_lat = max((north - south) * 0.15, 0.5)
    pad_lon = max((east - west) * 0.15, 0.5)
    south, north = max(-90.0, south - pad_lat), min(90.0, north + pad_lat)
    west, east = max(-180.0, west - pad_lon), min(180.0, east + pad_lon)
    # Widen to a landscape frame (3:2 on screen), which leaves room for the labels right of the points.
    scale_x = math.cos(math.radians((south + north) / 2)) or 1e-9
    wanted = (north - south) * 1.5 / scale_x
    if east - west < wanted:
        middle = (east + west) / 2
        west, east = max(-180.0, middle - wanted / 2), min(180.0, middle + wanted / 2)
    return south, north, west, east


def _step(span: float) -> float:
    for step in _STEPS:
        if span / step <= 8:
            return step
    return 30


def _degrees(value: float, positive: str, negative: str) -> str:
    hemisphere = positive if value >= 0 else negative
    number = f"{abs(value):g}"
    return f"{number}°{hemisphere}"


def map_svg(points: list[MapPoint], *, title: str = "Located events", land: Iterable[Land] = ()) -> str:
    """An ``<svg>`` element plotting ``points`` over ``land`` (outlines of countries); a short note instead
    of a map when there are none."""
    if not points:
        return '<p class="ce-nomap">No located events to map.</p>'
    south, north, west, east = _extent(points)
    # The standard parallel: scaling longitude by its cosine keeps local shapes right.
    scale_x = math.cos(math.radians((south + north) / 2))
    inner = WIDTH - 2 * MARGIN
    px_per_degree = inner / max((east - west) * scale_x, 1e-9)
    height = round((north - south) * px_per_degree) + 2 * MARGIN
    if height > WIDTH * 1.2:
        # Tall, narrow extents: fit the height instead and centre horizontally.
        px_per_degree = (WIDTH * 1.2 - 2 * MARGIN) / (north - south)
        height = round(WIDTH * 1.2)
    x0 = (WIDTH - (east - west) * scale_x * px_per_degree) / 2

    def x(lon: float) -> float:
        return x0 + (lon - west) * scale_x * px_per_degree

    def y(lat: float) -> float:
        return MARGIN + (north - lat) * px_per_degree

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ce-map" role="img" width="{WIDTH}" height="{height}"'
        f' viewBox="0 0 {WIDTH} {height}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" class="ce-map-bg"/>',
    ]
    frame = (x(west) - 4, y(north) - 4, x(east) + 4, y(south) + 4)
    paths = [_ring_path(ring, x, y, frame) for box, ring in land
             if box[0] <= east and box[2] >= west and box[1] <= north and box[3] >= south]
    if any(paths):
        # A nested <svg> over the frame clips the land to it (no url() reference needed).
        fx, fy, fw, fh = x(west), y(north), x(east) - x(west), y(south) - y(north)
        parts.append(f'<svg class="ce-land-frame" x="{fx:.1f}" y="{fy:.1f}" width="{fw:.1f}" height="{fh:.1f}"'
                     f' viewBox="{fx:.1f} {fy:.1f} {fw:.1f} {fh:.1f}"><path class="ce-land"'
                     f' d="{" ".join(p for p in paths if p)}"/></svg>')
    step = _step(max(north - south, east - west))
    lat = math.ceil(south / step) * step
    while lat <= north:
        ly = y(lat)
        parts.append(
            f'<line class="ce-grid" x1="{x(west):.1f}" y1="{ly:.1f}" x2="{x(east):.1f}" y2="{ly:.1f}"/>'
        )
        label = _degrees(lat, "N", "S")
        parts.append(f'<text class="ce-grid-label" x="{x(west) + 3:.1f}" y="{ly - 3:.1f}">{label}</text>')
        lat += step
    lon = math.ceil(west / step) * step
    while lon <= east:
        lx = x(lon)
        parts.append(
            f'<line class="ce-grid" x1="{lx:.1f}" y1="{y(north):.1f}" x2="{lx:.1f}" y2="{y(south):.1f}"/>'
        )
        label = _degrees(lon, "E", "W")
        parts.append(f'<text class="ce-grid-label" x="{lx + 3:.1f}" y="{y(south) - 4:.1f}">{label}</text>')
        lon += step
    parts.append(
        f'<rect class="ce-frame" x="{x(west):.1f}" y="{y(north):.1f}" width="{x(east) - x(west):.1f}"'
        f' height="{y(south) - y(north):.1f}"/>'
    )
    for point in points:
        px, py = x(point.longitude), y(point.latitude)
        parts.append(
            f'<g class="ce-point ce-point-{escape(point.kind)}" data-ref="{escape(point.ref)}">'
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="6"/>'
            f'<text x="{px + 9:.1f}" y="{py + 4:.1f}">{escape(point.label)}</text>'
            f"<title>{escape(point.label)} ({point.latitude:.4f}, {point.longitude:.4f})</title></g>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _ring_path(ring: Sequence[tuple[float, float]], x: Callable[[float], float],
               y: Callable[[float], float], frame: tuple[float, float, float, float]) -> str:
    """One ring as SVG path data: points less than a pixel from the last one kept are dropped, and so
    are the middle points of a run outside the frame on one side (the clipped drawing is the same)."""
    left, top, right, bottom = frame
    kept: list[tuple[float, float, int]] = []
    for lon, lat in ring:
        px, py = x(lon), y(lat)
        side = (1 if px < left else 2 if px > right else 0) | (4 if py < top else 8 if py > bottom else 0)
        if kept:
            last_x, last_y, last_side = kept[-1]
            if abs(px - last_x) < 0.8 and abs(py - last_y) < 0.8:
                continue
            if side and side == last_side and len(kept) >= 2 and kept[-2][2] == side:
                kept[-1] = (px, py, side)  # the run outside goes on: move its end
                continue
        kept.append((px, py, side))
    if len(kept) < 3 or (all(side for _, _, side in kept) and len({side for _, _, side in kept}) == 1):
        return ""  # too small to see, or wholly off one side of the frame
    return "M" + "L".join(f"{px:.1f} {py:.1f}" for px, py, _ in kept) + "Z"
