"""The lexicon store: packaged lexicons, user files that extend or replace lists, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_events.errors import LexiconError
from conflict_events.lexicons import Lexicon, lexicon, lexicon_names, lexicon_with, load_lexicon_file


def test_packaged_lexicons_load_once_and_are_frozen() -> None:
    assert "reporting" in lexicon_names()
    first = lexicon("reporting")
    assert first is lexicon("reporting")
    assert {"say", "tell", "deny"} <= first.words("verbs")
    assert first.table("frames")["deny"]["negates"] is True


def test_a_missing_list_or_lexicon_is_named() -> None:
    with pytest.raises(LexiconError, match="no word list 'nouns'"):
        lexicon("reporting").words("nouns")
    with pytest.raises(LexiconError, match="no packaged lexicon"):
        lexicon("no-such-lexicon")


def test_a_user_file_extends_lists_and_merges_tables(tmp_path: Path) -> None:
    extra = tmp_path / "reporting.toml"
    extra.write_text('[lists]\nverbs = ["opine"]\n[frames.opine]\nhedges = true\n', encoding="utf-8")
    merged = lexicon_with("reporting", [extra])
    assert {"opine", "say"} <= merged.words("verbs")
    assert merged.table("frames")["opine"] == {"hedges": True}
    assert merged.table("frames")["deny"]["negates"] is True
    assert "opine" not in lexicon("reporting").words("verbs")


def test_a_user_file_can_replace_a_list_and_name_the_lexicon_it_extends(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text('[meta]\nextends = "reporting"\n[lists.verbs]\nreplace = true\nwords = ["say"]\n',
                     encoding="utf-8")
    assert lexicon_with("reporting", [extra]).words("verbs") == frozenset({"say"})


def test_malformed_files_are_errors_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[lists]\nverbs = [1, 2]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.toml.*must be a list of strings"):
        load_lexicon_file(bad)
    with pytest.raises(LexiconError, match="not valid TOML"):
        Lexicon.from_toml("[lists", name="broken")
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon_file(tmp_path / "absent.toml")
