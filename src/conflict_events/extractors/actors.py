"""The actors extractor: every actor the text names, under its ACLED-style canonical name.

One :class:`~conflict_events.schema.Actor` per distinct actor, with all its
mentions and the rules that named it (its ``provenance``); see ``docs/actors.md`` for
the rules, the alias table and the role-word lexicon.

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.io.readers import document_from_text
>>> from conflict_events.draft import Draft
>>> import datetime as dt
>>> doc = document_from_text("Russian forces shelled the town, residents said.", date=dt.date(2025, 1, 5))
>>> draft = ActorExtractor()(load_language_model()(doc.text), Draft(doc))
>>> first = draft.actors[0]
>>> (first.name, first.kind, first.country, first.provenance[0].rule)
('Military Forces of Russia (2000-)', 'state_forces', 'RU', 'actors.role.national_forces')
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..actors import ActorFinder, ActorMention, ActorResolver, ActorTable, role_words
from ..actors._actor_table import table_memo
from ..actors._clans import clan_tree
from ..actors._pass_state import table_patterns
from ..extractor import StepSettings, settings_of
from ..lexicons import _countries as countries
from ..schema import Actor, Decision

if TYPE_CHECKING:
    import datetime as dt

    from spacy.tokens import Doc

    from ..draft import Draft

__all__ = ["ActorExtractor", "build_actors", "resolve_actor_phrase"]


class ActorExtractor:
    """Find and canonicalise actors; ``extra_tables`` are the user's alias tables (TOML, same format)."""

    name = "conflict_events.actors.v1"
    version = "1.0.0"
    requires = frozenset({"locations"})
    provides = frozenset({"actors"})

    class Settings(StepSettings):
        """``extra_tables``: TOML actor tables read after ours (their aliases win).

        ``lexicon_files`` extend the role words (``actor_roles``), the reporting verbs (``reporting``)
        and the clan lineages (``communities``).
        """

        extra_tables: tuple[Path, ...] = ()

    def __init__(self, **settings: Any) -> None:
        self.settings = settings_of(self.Settings, self.name, settings)
        self.table = ActorTable.load(self.settings.extra_tables)
        self.roles = role_words(self.settings.lexicon_files)
        self.clans = clan_tree(self.settings.lexicon_files)
        # Loaded here, once, not by the first document: the table's patterns and the country tables.
        table_patterns(self.table)
        countries.load()

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        finder = ActorFinder(doc, draft.locations, draft.document.date, self.table, self.roles, self.clans)
        mentions = finder.run()
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
        if _regime_years(self.table, actor.country, draft.document.date) is None:
            draft.warn(
                "actors.no_regime_years",
                f"no regime years for {actor.country} on {draft.document.date}: {actor.name!r} is named "
                "without them; add a [[regime]] row to an actor table (see docs/actors.md)",
                extractor=self.name,
                span=actor.mentions[0] if actor.mentions else None,
            )


def build_actors(mentions: Sequence[ActorMention], draft: Draft) -> list[Actor]:
    """One actor per canonical name, in order of first mention, carrying every mention and its provenance."""
    groups: dict[str, list[ActorMention]] = {}
    for m in mentions:
        groups.setdefault(m.ref.name, []).append(m)
    actors = []
    for name, group in groups.items():
        first = group[0].ref
        affiliated = next((m.ref for m in group if m.ref.affiliation), None)
        country = first.country or next((m.ref.country for m in group if m.ref.country), None)
        spans = sorted({(m.start, m.end) for m in group})
        provenance = [_decision("name", first.rule)] if first.rule else []
        if affiliated is not None and affiliated.affiliation_rule:
            provenance.append(_decision("affiliation", affiliated.affiliation_rule))
        actors.append(
            Actor(
                id=draft.new_id("actor", name),
                name=name,
                kind=first.kind,
                country=country,
                affiliation=affiliated.affiliation if affiliated is not None else None,
                mentions=tuple(draft.span(s, e) for s, e in spans),
                provenance=tuple(provenance),
            )
        )
    return actors


def _regime_years(table: ActorTable, country: str, on: dt.date) -> str | None:
    """``table.regime_years``, memoised by the table's identity: it scans every regime row."""
    memo = table_memo(table, "regime_years")
    if (country, on) not in memo:
        memo[(country, on)] = table.regime_years(country, on)
    return memo[(country, on)]  # type: ignore[return-value]


# the same few (field, rule) pairs on every actor: a Decision is frozen, so one of each serves them all
_DECISIONS: dict[tuple[str, str], Decision] = {}


def _decision(field: str, rule: str) -> Decision:
    found = _DECISIONS.get((field, rule))
    if found is None:
        if len(_DECISIONS) >= 4096:
            _DECISIONS.clear()
        found = _DECISIONS[(field, rule)] = Decision.of(field, rule)
    return found


def resolve_actor_phrase(text: str, draft: Draft, table: ActorTable | None = None) -> Actor | None:
    """The draft's actor a noun phrase names, or a new (unlisted) Actor for it, or None.

    An actor already in ``draft.actors`` with a mention reading ``text``, or with the
    canonical name the phrase resolves to, is returned as is (same id). Otherwise a
    new Actor with no mentions is returned; it is not added to the draft.

    >>> import datetime as dt
    >>> from conflict_events.draft import Draft
    >>> from conflict_events.schema import Document
    >>> d = Draft(Document(id="x", text="Gunmen attacked.", date=dt.date(2024, 3, 24)))
    >>> resolve_actor_phrase("Somalia's National Intelligence and Security Agency", d).country
    'SO'
    >>> resolve_actor_phrase("Ukraine's Foreign Minister", d) is None
    True
    """
    wanted = " ".join(text.split()).lower()
    for actor in draft.actors:
        if any(" ".join(m.text.split()).lower() == wanted for m in actor.mentions):
            return actor
    countries_named = [loc.country for loc in draft.locations if loc.country]
    home = max(set(countries_named), key=countries_named.count) if countries_named else None
    ref = ActorResolver(draft.document.date, home, table).phrase(text)
    if ref is None:
        return None
    for actor in draft.actors:
        if actor.name == ref.name:
            return actor
    return Actor(
        id=draft.new_id("actor", ref.name),
        name=ref.name,
        kind=ref.kind,
        country=ref.country,
        affiliation=ref.affiliation,
        provenance=(Decision.of("name", ref.rule),) if ref.rule else (),
    )
