"""The HTML view rendered by a real browser: headless Chromium takes a screenshot and dumps the DOM.

Skipped when no Chromium is installed (Debian: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest

from conflict_events.render import collect_marks, render_html
from conflict_events.schema import ExtractionResult

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (Debian: apt-get install -y chromium)"
)

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    profile.mkdir()
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args]
    env = {**os.environ, "HOME": str(tmp_path)}
    return subprocess.run(command, capture_output=True, text=True, timeout=90, env=env, check=False)


def _png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Decode an 8-bit, non-interlaced RGB/RGBA PNG (what Chromium writes) into pixels."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6), (depth, colour, interlace)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    pixels: list[tuple[int, ...]] = []
    for row in range(height):
        start = row * (stride + 1)
        method, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if method == 1:
                line[i] = (line[i] + left) & 0xFF
            elif method == 2:
                line[i] = (line[i] + up) & 0xFF
            elif method == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif method == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        pixels.extend(tuple(line[i : i + 3]) for i in range(0, stride, channels))
        previous = line
    return width, height, pixels


@pytest.fixture
def page(tmp_path: Path, result: ExtractionResult) -> Path:
    path = tmp_path / "page.html"
    path.write_text(render_html(result), encoding="utf-8")
    return path


def test_screenshot_is_rendered_and_not_blank(tmp_path: Path, page: Path) -> None:
    shot = tmp_path / "shot.png"
    run = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=900,1000", page.as_uri())
    assert shot.exists(), f"no screenshot: {run.stderr[-2000:]}"
    width, height, pixels = _png_pixels(shot.read_bytes())
    assert (width, height) == (900, 1000)
    colours = Counter(pixels)
    _, share = colours.most_common(1)[0]
    assert share < 0.97 * len(pixels), "the page is (nearly) blank"
    assert len(colours) > 50, "too few colours for text, marks and a map"

    def near(colour: tuple[int, ...], target: tuple[int, int, int]) -> bool:
        return all(abs(a - b) <= 6 for a, b in zip(colour, target, strict=True))

    # The mark backgrounds of the CSS (event red, actor blue, place green) are painted.
    for name, target in (
        ("event", (0xFF, 0xB3, 0xB3)),
        ("actor", (0xA6, 0xD8, 0xFF)),
        ("place", (0xB8, 0xEC, 0xB0)),
    ):
        painted = sum(n for colour, n in colours.items() if near(colour, target))
        assert painted > 200, f"no {name} marks painted"


def test_dom_holds_every_mark(tmp_path: Path, page: Path, result: ExtractionResult) -> None:
    run = _chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = run.stdout
    assert "<mark" in dom, f"no DOM dumped: {run.stderr[-2000:]}"
    for mark in collect_marks(result):
        needle = f'data-kind="{mark.kind}" data-start="{mark.start}" data-end="{mark.end}"'
        assert needle in dom, needle
    assert dom.count('class="ce-event-row"') == len(result.events)
    assert dom.count('class="ce-claim-row"') == len(result.claims)
    assert dom.count("<circle") == 2
