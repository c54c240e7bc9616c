"""The registry: entry points listed without loading, one broken plugin never breaks the others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conflict_events.cli import main
from conflict_events.draft import Draft
from conflict_events.errors import PluginError
from conflict_events.pipeline import DEFAULT_STEPS
from conflict_events.registry import GROUP, Registry, registry

FAKE_MODULE = """
class Good:
    name = "fake.good.v1"
    version = "1.0"
    requires = frozenset()
    provides = frozenset({"warnings"})

    def __init__(self, loud=False):
        self.loud = loud

    def __call__(self, doc, draft):
        return draft
"""


@pytest.fixture
def fake_distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A distribution installed only for this test: a .dist-info with three entry points on sys.path."""
    (tmp_path / "fake_plugin_mod.py").write_text(FAKE_MODULE, encoding="utf-8")
    info = tmp_path / "fake_ce_plugins-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: fake-ce-plugins\nVersion: 1.2.3\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[{GROUP}]\n"
        "fake.broken.v1 = no_such_module_for_conflict_events:Thing\n"
        "fake.notcallable.v1 = math:pi\n"
        "fake.good.v1 = fake_plugin_mod:Good\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_builtins_are_registered() -> None:
    assert set(DEFAULT_STEPS) <= set(registry.names())
    infos = {i.name: i for i in registry.info()}
    assert infos["conflict_events.events.v1"].package == "conflict-events"
    assert infos["conflict_events.events.v1"].target == "conflict_events.extractors.events:EventExtractor"


def test_a_broken_entry_point_does_not_break_the_others(fake_distribution: Path) -> None:
    reg = Registry()
    assert {"fake.broken.v1", "fake.good.v1", "fake.notcallable.v1"} <= set(reg.names())
    infos = {i.name: i for i in reg.info()}
    assert (infos["fake.broken.v1"].package, infos["fake.broken.v1"].version) == ("fake-ce-plugins", "1.2.3")
    with pytest.raises(PluginError, match="failed to load") as info:
        reg.create("fake.broken.v1")
    assert info.value.source == "fake.broken.v1"
    with pytest.raises(PluginError, match="not callable"):
        reg.create("fake.notcallable.v1")
    assert reg.create("fake.good.v1", loud=True).name == "fake.good.v1"
    for name in DEFAULT_STEPS:
        assert reg.create(name).name == name


def test_plugins_command_reports_broken_entry_points(
    fake_distribution: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugins"]) == 0
    out, err = capsys.readouterr()
    broken = [line for line in out.splitlines() if line.startswith("fake.broken.v1")]
    assert broken and "broken" in broken[0] and "fake-ce-plugins 1.2.3" in broken[0]
    assert "conflict_events.events.v1" in out and "2 extractor(s) fail to load" in err


def test_unknown_name_lists_the_registered_ones() -> None:
    with pytest.raises(PluginError, match=r"no extractor is registered.*conflict_events\.actors\.v1"):
        Registry().create("no.such.v1")


class Quiet:
    name = "local.quiet.v1"
    version = "1"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __call__(self, doc: Any, draft: Draft) -> Draft:
        return draft


def test_local_registration_and_bad_factories() -> None:
    reg = Registry()
    reg.register("local.quiet.v1", Quiet)
    reg.register("local.notextractor.v1", lambda: object())
    assert "local.quiet.v1" in reg.names()
    assert isinstance(reg.create("local.quiet.v1"), Quiet)
    assert any(i.name == "local.quiet.v1" and i.package is None for i in reg.info())
    with pytest.raises(PluginError, match="bad settings"):
        reg.create("local.quiet.v1", nonsense=1)
    with pytest.raises(PluginError, match="did not return an Extractor"):
        reg.create("local.notextractor.v1")
    assert "local.quiet.v1" not in registry.names()
