"""The lexicon store: every word list of the rule layer as data, read by one typed, cached loader.

A lexicon is a TOML file in this package (``reporting.toml``, ``events.toml``, ...)::

    [meta]
    about = "what the lists are for"

    [lists]
    military_nouns = ["troops", "soldiers"]          # a named word list

    [lists.crowd_nouns]                              # or a list with its own description
    about = "nouns that make a gathering a crowd"
    words = ["protester", "demonstrator"]

    [cues.say]                                       # any other table: structured entries
    content = "clause"                               # that the owning concern reads

Word lists are sets of strings (lemmas, lower-case, unless a list's description says
otherwise). A step receives its lexicons through its settings (``lexicon_files``), so a
downstream package can extend or replace a list without patching code: a user file with
the same shape adds its words to ours, or replaces a list whose table says
``replace = true``; its other tables are merged over ours, key by key.

>>> reporting = lexicon("reporting")
>>> "say" in reporting.words("verbs")
True
>>> extra = Lexicon.from_toml('[lists]\\nverbs = ["opine"]', name="mine")
>>> "opine" in reporting.extended(extra).words("verbs")
True
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..errors import LexiconError

__all__ = ["Lexicon", "lexicon", "lexicon_names", "lexicon_with", "load_lexicon_file"]


class Lexicon(BaseModel):
    """One lexicon: named word lists and structured tables, frozen once read."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    name: str
    about: str = ""
    lists: Mapping[str, frozenset[str]] = {}
    tables: Mapping[str, Any] = {}
    sources: tuple[str, ...] = ()

    def words(self, list_name: str) -> frozenset[str]:
        """The word list ``list_name``; a :class:`~conflict_events.errors.LexiconError` names what is missing."""
        try:
            return self.lists[list_name]
        except KeyError:
            known = ", ".join(sorted(self.lists)) or "none"
            raise LexiconError(f"lexicon {self.name!r} has no word list {list_name!r} (it has: {known})",
                               source=", ".join(self.sources) or self.name) from None

    def table(self, table_name: str) -> Mapping[str, Any]:
        """The structured table ``table_name`` (``{}`` when the lexicon has none)."""
        value = self.tables.get(table_name, {})
        if not isinstance(value, Mapping):
            raise LexiconError(f"{table_name!r} in lexicon {self.name!r} is not a table", source=self.name)
        return value

    def extended(self, other: Lexicon) -> Lexicon:
        """This lexicon with ``other``'s words added (or lists replaced) and its tables merged over ours."""
        lists = dict(self.lists)
        for key, words in other.lists.items():
            replace = key in other.tables.get("replace_lists", ())
            lists[key] = words if replace else lists.get(key, frozenset()) | words
        tables = _merge(dict(self.tables), {k: v for k, v in other.tables.items() if k != "replace_lists"})
        return Lexicon(name=self.name, about=self.about, lists=lists, tables=tables,
                       sources=(*self.sources, *other.sources))

    @classmethod
    def from_toml(cls, text: str, *, name: str, source: str | None = None) -> Lexicon:
        """Read a lexicon from TOML text (the shape described in this module's docstring)."""
        where = source or name
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise LexiconError(f"not valid TOML: {err}", source=where) from err
        meta = data.pop("meta", {})
        if not isinstance(meta, dict):
            raise LexiconError("[meta] must be a table", source=where)
        lists, replace = _read_lists(data.pop("lists", {}), where)
        tables = dict(data)
        if replace:
            tables["replace_lists"] = tuple(sorted(replace))
        return cls(name=name, about=str(meta.get("about", "")), lists=lists, tables=tables, sources=(where,))


def _read_lists(raw: object, where: str) -> tuple[dict[str, frozenset[str]], set[str]]:
    if not isinstance(raw, dict):
        raise LexiconError("[lists] must be a table of word lists", source=where)
    lists: dict[str, frozenset[str]] = {}
    replace: set[str] = set()
    for key, value in raw.items():
        words = value
        if isinstance(value, dict):
            words = value.get("words", [])
            if value.get("replace"):
                replace.add(key)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise LexiconError(f"word list {key!r} must be a list of strings", source=where)
        lists[key] = frozenset(words)
    return lists, replace


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    for key, value in over.items():
        old = base.get(key)
        if isinstance(old, dict) and isinstance(value, Mapping):
            base[key] = _merge(dict(old), value)
        else:
            base[key] = value
    return base


def lexicon_names() -> list[str]:
    """The names of the lexicons shipped in this package."""
    root = resources.files(__name__)
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".toml"))


@cache
def lexicon(name: str) -> Lexicon:
    """The packaged lexicon ``name`` (``lexicons/NAME.toml``), read once per process."""
    resource = resources.files(__name__) / f"{name}.toml"
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"no packaged lexicon of this name (there are: {', '.join(lexicon_names())})",
                           source=name) from None
    return Lexicon.from_toml(text, name=name, source=f"{name}.toml")


@lru_cache(maxsize=64)
def load_lexicon_file(path: str | Path) -> Lexicon:
    """A user's lexicon file, read once per process; errors name the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"cannot read lexicon file: {err}", source=str(path)) from err
    return Lexicon.from_toml(text, name=path.stem, source=str(path))


def lexicon_with(name: str, files: Sequence[str | Path] | Iterable[str | Path] = ()) -> Lexicon:
    """The packaged lexicon ``name`` extended by the user files that apply to it, in order.

    A user file applies to ``name`` when its stem is ``name`` or its ``[meta]`` says
    ``extends = "name"``.
    """
    out = lexicon(name)
    for f in files:
        extra = load_lexicon_file(f)
        if extra.name == name or _extends(f) == name:
            out = out.extended(extra)
    return out


@lru_cache(maxsize=64)
def _extends(path: str | Path) -> str | None:
    try:
        meta = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("meta", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    target = meta.get("extends") if isinstance(meta, dict) else None
    return target if isinstance(target, str) else None
