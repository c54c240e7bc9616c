"""The actors extractor: every actor the text names, under its ACLED-style canonical name.

One :class:`~conflict_events.schema.Actor` per distinct actor, with all its
mentions; see ``docs/actors.md`` for the rules and the alias table.

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.io.readers import document_from_text
>>> from conflict_events.draft import Draft
>>> import datetime as dt
>>> doc = document_from_text("Russian forces shelled the town, residents said.", date=dt.date(2025, 1, 5))
>>> draft = ActorExtractor()(load_language_model()(doc.text), Draft(doc))
>>> [(a.name, a.kind, a.country) for a in draft.actors][0]
('Military Forces of Russia (2000-)', 'state_forces', 'RU')
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..actors._actor_finder import ActorFinder, ActorMention
from ..actors._actor_table import ActorTable
from ..actors._pass_state import table_patterns
from ..extractor import StepSettings, settings_of
from ..lexicons import _countries as countries
from ..schema import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..draft import Draft

__all__ = ["ActorExtractor"]


class ActorExtractor:
    """Find and canonicalise actors; ``extra_tables`` are the user's alias tables (TOML, same format)."""

    name = "conflict_events.actors.v1"
    version = "1.0.0"
    requires = frozenset({"locations"})
    provides = frozenset({"actors"})

    class Settings(StepSettings):
        """``extra_tables``: TOML actor tables read after ours (their aliases win)."""

        extra_tables: tuple[Path, ...] = ()

    def __init__(self, **settings: Any) -> None:
        self.settings = settings_of(self.Settings, self.name, settings)
        self.table = ActorTable.load(self.settings.extra_tables)
        # Loaded here, once, not by the first document: the table's patterns and the country tables.
        table_patterns(self.table)
        countries.load()

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        mentions = ActorFinder(doc, draft, self.table).run()
        known = {a.name for a in draft.actors}
        for actor in build_actors(mentions, draft):
            if actor.name not in known:
                draft.actors.append(actor)
                self._check_regime(actor, draft)
        return draft

    def _check_regime(self, actor: Actor, draft: Draft) -> None:
        """Warn when a state's forces are named without regime years: the table has no row for that date."""
        if actor.kind != "state_forces" or not actor.country or "(" in actor.name:
            return
        if not actor.name.startswith(("Military Forces of", "Police Forces of")):
            return
        if self.table.regime_years(actor.country, draft.document.date) is None:
            draft.warn(
                "actors.no_regime_years",
                f"no regime years for {actor.country} on {draft.document.date}: {actor.name!r} is named "
                "without them; add a [[regime]] row to an actor table (see docs/actors.md)",
                extractor=self.name,
                span=actor.mentions[0] if actor.mentions else None,
            )


def build_actors(mentions: Sequence[ActorMention], draft: Draft) -> list[Actor]:
    """One actor per canonical name, in order of first mention, carrying every mention."""
    groups: dict[str, list[ActorMention]] = {}
    for m in mentions:
        groups.setdefault(m.ref.name, []).append(m)
    actors = []
    for name, group in groups.items():
        first = group[0].ref
        affiliation = next((m.ref.affiliation for m in group if m.ref.affiliation), None)
        country = first.country or next((m.ref.country for m in group if m.ref.country), None)
        spans = sorted({(m.start, m.end) for m in group})
        actors.append(
            Actor(
                id=draft.new_id("actor", name),
                name=name,
                kind=first.kind,
                country=country,
                affiliation=affiliation,
                mentions=tuple(draft.span(s, e) for s, e in spans),
            )
        )
    return actors
