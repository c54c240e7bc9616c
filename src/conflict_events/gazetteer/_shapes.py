"""Country shapes: which country's land a point is on, and how far it is from a country.

The data (``data/countries.bin.gz``, built by :mod:`conflict_events.gazetteer.build_boundaries`
from Natural Earth's 1:10m admin-0 boundaries, public domain) cuts the world into cells of a
quarter degree: a cell inside one country is that country, a cell of open sea is nothing,
and a cell that a coast or border crosses keeps each country's land in it as small
polygons. Placing a point costs one array look-up, or a point-in-polygon test on a few
dozen vertices near a coast or border, so a validator can check every row of a large file.

>>> shapes = country_shapes()
>>> shapes.country_at(50.45, 30.52), shapes.country_at(45.0, 34.1), shapes.country_at(43.39, 36.52)
('UA', 'UA', None)
>>> shapes.contains("SR", 2.3554, -56.7879), shapes.contains("UA", 2.3554, -56.7879)
(True, False)
>>> round(shapes.distance_km("UA", 43.389, 36.519, 400))
181
"""

from __future__ import annotations

import gzip
import math
import struct
from array import array
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Final

__all__ = ["CountryShapes", "country_outlines", "country_shapes"]

DATA_DIR: Final = Path(__file__).resolve().parent / "data"
_MIXED: Final = 0xFFFF
_SCALE: Final = 65535
_KM_PER_DEG_LAT: Final = 110.57
_KM_PER_DEG_LON: Final = 111.32
_NEAR_KM: Final = 60.0

# A ring: x, y pairs in the cell's own 16-bit units; a piece: one country's rings in a cell.
_Ring = tuple[int, ...]
_Piece = tuple[int, tuple[_Ring, ...]]


class CountryShapes:
    """Point-in-country and distance-to-country over the bundled cell grid (see the module docstring)."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(b"CESH1"):
            raise ValueError("not a country-shapes file (expected the CESH1 layout)")
        self.cell, self.n_lon, self.n_lat, n_codes = struct.unpack_from("<dIIH", data, 5)
        at = 5 + struct.calcsize("<dIIH")
        raw = data[at : at + 2 * n_codes].decode("ascii")
        self.codes: tuple[str, ...] = tuple("" if raw[i : i + 2] == "--" else raw[i : i + 2]
                                           for i in range(0, len(raw), 2))
        self._index = {code: i + 1 for i, code in enumerate(self.codes) if code}
        at += 2 * n_codes
        cells = self.n_lon * self.n_lat
        self._owners = array("H")
        self._owners.frombytes(data[at : at + 2 * cells])
        at += 2 * cells
        (n_mixed,) = struct.unpack_from("<I", data, at)
        at += 4
        mixed = array("I")
        mixed.frombytes(data[at : at + 4 * n_mixed])
        at += 4 * n_mixed
        self._offsets = array("I")
        self._offsets.frombytes(data[at : at + 4 * (n_mixed + 1)])
        at += 4 * (n_mixed + 1)
        self._slot = {cell: i for i, cell in enumerate(mixed)}
        self._blob = memoryview(data)[at:]
        self._pieces: dict[int, tuple[_Piece, ...]] = {}

    @classmethod
    def load(cls, path: str | Path) -> CountryShapes:
        """Read a ``countries.bin.gz`` file."""
        return cls(gzip.decompress(Path(path).read_bytes()))

    def knows(self, code: str) -> bool:
        """Whether the data has a shape for the ISO alpha-2 ``code``."""
        return code in self._index

    # -- placing a point ---------------------------------------------------------------------

    def _cell_of(self, lat: float, lon: float) -> tuple[int, float, float]:
        """(cell index, x, y in the cell's 16-bit units) of a point."""
        fx = (lon + 180.0) / self.cell
        fy = (lat + 90.0) / self.cell
        col = min(int(fx), self.n_lon - 1) if fx >= 0 else 0
        row = min(int(fy), self.n_lat - 1) if fy >= 0 else 0
        return row * self.n_lon + col, (fx - col) * _SCALE, (fy - row) * _SCALE

    def _cell_pieces(self, cell: int) -> tuple[_Piece, ...]:
        pieces = self._pieces.get(cell)
        if pieces is None:
            pieces = tuple(self._decode(cell))
            self._pieces[cell] = pieces
        return pieces

    def _decode(self, cell: int) -> Iterator[_Piece]:
        slot = self._slot[cell]
        blob = self._blob[self._offsets[slot] : self._offsets[slot + 1]]
        (n_pieces,) = struct.unpack_from("<H", blob, 0)
        at = 2
        for _ in range(n_pieces):
            owner, n_rings = struct.unpack_from("<HH", blob, at)
            at += 4
            rings = []
            for _ in range(n_rings):
                (n_points,) = struct.unpack_from("<H", blob, at)
                at += 2
                ring = array("H")
                ring.frombytes(blob[at : at + 4 * n_points])
                at += 4 * n_points
                rings.append(tuple(ring))
            yield owner, tuple(rings)

    def _owner_at(self, lat: float, lon: float) -> int:
        """The owner number of the land at a point: 0 at sea, else a code's index + 1."""
        cell, x, y = self._cell_of(lat, lon)
        owner = self._owners[cell]
        if owner != _MIXED:
            return owner
        for piece_owner, rings in self._cell_pieces(cell):
            if _inside(rings, x, y):
                return piece_owner
        return 0

    def contains(self, code: str, lat: float, lon: float) -> bool | None:
        """Whether the point is on ``code``'s land; None when the data has no such country."""
        k = self._index.get(code)
        if k is None:
            return None
        cell, x, y = self._cell_of(lat, lon)
        owner = self._owners[cell]
        if owner != _MIXED:
            return owner == k
        return any(piece_owner == k and _inside(rings, x, y) for piece_owner, rings in self._cell_pieces(cell))

    def country_at(self, lat: float, lon: float) -> str | None:
        """The ISO alpha-2 code of the land at a point, ``""`` for land of no listed country, None at sea."""
        owner = self._owner_at(lat, lon)
        return self.codes[owner - 1] if owner else None

    # -- distance ----------------------------------------------------------------------------

    def distance_km(self, code: str, lat: float, lon: float, limit_km: float) -> float | None:
        """About how far (km) the point is from ``code``'s land: 0 on it; None beyond ``limit_km``
        or for a country the data does not have. A flat-earth approximation around the point,
        good to a few per cent within a few hundred kilometres.
        """
        k = self._index.get(code)
        if k is None:
            return None
        if self.contains(code, lat, lon):
            return 0.0
        kx = _KM_PER_DEG_LON * max(math.cos(math.radians(lat)), 0.01)
        # Most points off their country are just off it (a coastal town): look close by first.
        for radius in (min(limit_km, _NEAR_KM), limit_km):
            best = self._nearest(k, lat, lon, radius, kx)
            if best <= radius:
                return best
        return None

    def _nearest(self, k: int, lat: float, lon: float, radius: float, kx: float) -> float:
        """Distance (km) to owner ``k``'s land if within ``radius``, else something larger."""
        candidates = [(d, cell) for d, cell in self._cells_near(lat, lon, radius, kx)
                      if self._owners[cell] == k
                      or (self._owners[cell] == _MIXED and any(o == k for o, _ in self._cell_pieces(cell)))]
        candidates.sort()
        best = math.inf
        for lower, cell in candidates:
            if lower >= best:
                break
            if self._owners[cell] == k:
                best = min(best, lower)  # the whole cell is the country's: its edge is the nearest land
                continue
            best = min(best, self._piece_distance(cell, k, lat, lon, kx))
        return best

    def _cells_near(self, lat: float, lon: float, limit_km: float, kx: float) -> Iterator[tuple[float, int]]:
        """(lower bound of the distance in km, cell) of every cell within ``limit_km`` of the point."""
        dlat = limit_km / _KM_PER_DEG_LAT
        dlon = min(180.0, limit_km / kx)
        row0 = max(0, int((lat - dlat + 90.0) / self.cell))
        row1 = min(self.n_lat - 1, int((lat + dlat + 90.0) / self.cell))
        col0 = math.floor((lon - dlon + 180.0) / self.cell)
        col1 = math.floor((lon + dlon + 180.0) / self.cell)
        for row in range(row0, row1 + 1):
            south = row * self.cell - 90.0
            dy = max(south - lat, 0.0, lat - (south + self.cell)) * _KM_PER_DEG_LAT
            for col in range(col0, min(col1, col0 + self.n_lon - 1) + 1):
                west = col * self.cell - 180.0
                dx = max(west - lon, 0.0, lon - (west + self.cell)) * kx
                d = math.hypot(dx, dy)
                if d <= limit_km:
                    yield d, row * self.n_lon + col % self.n_lon

    def _piece_distance(self, cell: int, k: int, lat: float, lon: float, kx: float) -> float:
        """Distance (km) from the point to ``k``'s land within a mixed cell (its rings' edges)."""
        row, col = divmod(cell, self.n_lon)
        south, west = row * self.cell - 90.0, col * self.cell - 180.0
        west += 360.0 * round((lon - west) / 360.0)  # the copy of the cell nearest the point
        unit = self.cell / _SCALE
        best = math.inf
        for owner, rings in self._cell_pieces(cell):
            if owner != k:
                continue
            for ring in rings:
                points = [((west + ring[i] * unit - lon) * kx, (south + ring[i + 1] * unit - lat) * _KM_PER_DEG_LAT)
                          for i in range(0, len(ring), 2)]
                best = min(best, _ring_distance(points))
        return best


def _inside(rings: tuple[_Ring, ...], x: float, y: float) -> bool:
    """Even-odd point-in-polygon over every ring of a piece (holes included)."""
    inside = False
    for ring in rings:
        n = len(ring)
        xj, yj = ring[n - 2], ring[n - 1]
        for i in range(0, n, 2):
            xi, yi = ring[i], ring[i + 1]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            xj, yj = xi, yi
    return inside


def _ring_distance(points: list[tuple[float, float]]) -> float:
    """Distance from the origin to a closed ring of points (km)."""
    best = math.inf
    x0, y0 = points[-1]
    for x1, y1 in points:
        dx, dy = x1 - x0, y1 - y0
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, -(x0 * dx + y0 * dy) / length))
        best = min(best, math.hypot(x0 + t * dx, y0 + t * dy))
        x0, y0 = x1, y1
    return best


@lru_cache(maxsize=1)
def country_shapes() -> CountryShapes:
    """The bundled country shapes (loaded once per process, about 0.1 s)."""
    return CountryShapes.load(DATA_DIR / "countries.bin.gz")


@lru_cache(maxsize=1)
def _outline_table() -> dict[str, tuple[tuple[tuple[float, float], ...], ...]]:
    data = gzip.decompress((DATA_DIR / "outlines.bin.gz").read_bytes())
    if not data.startswith(b"CEOL1"):
        raise ValueError("not a country-outlines file (expected the CEOL1 layout)")
    (n,) = struct.unpack_from("<H", data, 5)
    at = 7
    table: dict[str, tuple[tuple[tuple[float, float], ...], ...]] = {}
    for _ in range(n):
        code = data[at : at + 2].decode("ascii")
        (n_rings,) = struct.unpack_from("<I", data, at + 2)
        at += 6
        rings = []
        for _ in range(n_rings):
            (n_points,) = struct.unpack_from("<I", data, at)
            at += 4
            values = array("i")
            values.frombytes(data[at : at + 8 * n_points])
            at += 8 * n_points
            rings.append(tuple((values[i] / 10_000, values[i + 1] / 10_000) for i in range(0, len(values), 2)))
        if code != "--":
            table[code] = table.get(code, ()) + tuple(rings)
    return table


def country_outlines() -> dict[str, tuple[tuple[tuple[float, float], ...], ...]]:
    """Every country's outline as rings of (longitude, latitude), simplified to about 2 km, for maps.

    >>> rings = country_outlines()["UA"]
    >>> len(rings) >= 1 and all(len(ring) >= 4 for ring in rings)
    True
    """
    return _outline_table()
