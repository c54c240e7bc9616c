"""From a cluster of mentions to one validated :class:`~conflict_events.schema.Event`.

The cluster's type follows ACLED's hierarchy (Battles > Protests > Riots >
Explosions/Remote violence > Violence against civilians > Strategic developments,
and each type's sub-types in order), except demonstrations, typed by what the
crowd did (violence by demonstrators: Riots / Violent demonstration) and what was
done to it (lethal force: Excessive force; dispersal or arrests: Protest with
intervention). Actors, place, date, fatalities and confidence are chosen here;
:class:`EventBuilder` keeps the per-document state (generic actors it adds, the
document's main pair of sides) and is created once per document.

>>> battle = hierarchy_rank("Battles", "Armed clash")
>>> battle < hierarchy_rank("Explosions/Remote violence", "Air/drone strike")
True
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..schema import Actor, Event, Location, Span, TimeSpan
from ._classify import territory_sub_type
from ._confidence import score
from ._detect import location_rank
from ._fatalities import FigureIndex, event_fatalities
from ._merge import Cluster, same_side
from ._side_rules import SideChooser
from ._type_cluster import ClusterTyping, hierarchy_rank, type_cluster

if TYPE_CHECKING:
    from ..draft import Draft
    from ._event_mentions import EventMention

__all__ = ["EventBuilder", "hierarchy_rank"]

_PRECISION = {"day": 0, "week": 1, "range": 2, "month": 3, "year": 4}
_STORY = frozenset({"battle", "remote", "vac", "demo"})
_ARMED = frozenset(
    {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"}
)
# Nouns for the dead of the other side in a belligerent's own count of enemy losses.
_NONSTATE_DEAD = frozenset(
    {"militant", "terrorist", "insurgent", "rebel", "jihadist", "fighter", "bandit", "gunman", "extremist", "attacker"}
)
_STATE_DEAD = frozenset({"soldier", "troop", "serviceman", "policeman", "police officer", "officer", "occupier"})


class EventBuilder:
    """Turn clusters into events for one document."""

    def __init__(self, draft: Draft, extractor: str) -> None:
        self.draft = draft
        self._figures: FigureIndex | None = None
        self._breaks: list[int] | None = None
        self.extractor = extractor
        self.sides = SideChooser(draft.actors, draft.locations, draft.text, draft.document.date, draft.new_id)
        self.story_dates: list[tuple[int, str, TimeSpan]] = []
        self.typing = ClusterTyping("", "")  # the last cluster's type and its rule
        places: Counter[str] = Counter(
            loc.country for loc in self.draft.locations for _ in loc.mentions if loc.country
        )
        self.theatres = {c for c, n in places.items() if n >= 2}

    # -- one cluster ------------------------------------------------------------
    def build(self, cluster: Cluster, previous: list[Event]) -> Event | None:
        ms = cluster.mentions
        etype, sub = self._type(cluster)
        typed = [m for m in ms if m.event_type == etype] or ms
        rep = next(
            (
                m
                for group in (
                    [m for m in typed if not m.standfirst and not m.anaphoric],
                    [m for m in typed if not m.anaphoric],
                    typed,
                )
                for m in group
            ),
            typed[0],
        )
        location = self._location(ms)
        if location is not None:
            # the mention that names the event's place is the one that reports it best
            placed = [
                m
                for m in typed
                if m.location is not None
                and m.location.name == location.name
                and m.location_rank <= 1
                and not m.anaphoric
                and not m.standfirst
            ]
            if placed:
                rep = placed[0]
        sides = self.sides.choose(cluster, etype, location)
        actor1, actor2, contested, filled = sides.actor1, sides.actor2, sides.contested, sides.filled
        assoc = self._assoc(ms, actor1, actor2)
        # a change of control reported anywhere in the battle types it (spec/ACLED.md §2 step 1)
        if etype == "Battles" and any(m.cls.name == "territory" for m in ms):
            terr = [m for m in ms if m.cls.name == "territory" and m.sub_event_type != "Armed clash"]
            if actor1 is not None:
                # the outcome is the event's own taker's; "the military recaptured the base" after the
                # rebels' brief capture does not make the rebels' attack a government gain
                terr = [m for m in terr if m.actor1 is None or same_side(m.actor1, actor1)]
            if terr:
                sub = territory_sub_type(
                    terr[0].actor1 or actor1, location.country if location else None, attempt=False
                )
            elif sub != "Armed clash":
                sub = "Armed clash"  # only the other side's retaking: the event's own taker held nothing
        if location is None:
            targeted = actor2 is not None or any(m.target_armed for m in ms)
            location = self._fallback_location(
                etype, actor1, actor2 if targeted else None, targeted, before=max(m.sentence.end_char for m in ms)
            )
        date = self._date(ms, previous)
        if date.text is not None:
            self.story_dates.extend((m.sentence.end_char, cluster.family, date) for m in ms)
        sentences = sorted({(m.sentence.start_char, m.sentence.end_char) for m in ms})
        fine = {
            m.sentence.start_char
            for m in ms
            if location is not None
            and m.location is not None
            and m.location.id != location.id
            and location_rank(m.location) < location_rank(location)
        }
        if self._figures is None:
            self._figures = FigureIndex(self.draft)  # the draft's figures and claims are final by now
        fatalities, figures = event_fatalities(self.draft, sentences, fine, self._enemy_claims(ms), self._figures)
        if (
            etype == "Violence against civilians"
            and sub == "Attack"
            and fatalities is None
            and any(m.cls.name == "abduct" for m in ms)
            and not any(m.cls.name == "kill" for m in ms)
        ):
            # a raid to take people away, with no one killed, is an abduction (spec/ACLED.md §1.5)
            sub = "Abduction/forced disappearance"
        civ = etype == "Violence against civilians" or (
            etype in ("Explosions/Remote violence", "Riots")
            and actor2 is not None
            and actor2.kind == "civilians"
        )
        if sub == "Excessive force against protesters":
            civ = True
        claim_ids = self._claims(ms)
        if etype == "Strategic developments" and sub == "Arrests" and actor1 is None:
            # "16 suspects had been arrested", the agency said: the reporting state body made them
            actor1 = next(
                (
                    c.claimant
                    for c in self.draft.claims
                    if c.id in claim_ids
                    and c.claimant is not None
                    and c.claimant.kind in ("state_forces", "government")
                ),
                None,
            )
        hedged = any(c.hedged for c in self.draft.claims if c.id in claim_ids) and len(claim_ids) <= 1
        conf = score(
            max(m.cls.strength for m in typed),
            actor1=actor1 is not None,
            actor2=actor2 is not None or etype != "Battles",
            place_rank=min((m.location_rank for m in ms), default=9),
            dated=date.text is not None,
            extra_mentions=len(ms) - 1 + max(0, len(claim_ids) - 1),
            hedged=hedged,
            contested=contested,
            filled=filled,
            strategic=etype == "Strategic developments",
        )
        trig = rep.trigger
        return Event(
            id=self.draft.new_id("event", trig.start, trig.end, etype, sub),
            document_id=self.draft.document.id,
            event_type=etype,
            sub_event_type=sub,
            trigger=self.draft.span(trig.start, trig.end),
            sentence=self._sentence(rep),
            date=date,
            location=location,
            actor1=actor1,
            actor2=actor2,
            assoc_actors=tuple(assoc),
            fatalities=fatalities,
            figures=tuple(figures),
            claim_ids=tuple(claim_ids),
            civilian_targeting=civ,
            confidence=conf,
            extractor=self.extractor,
            provenance=(*sides.provenance, *self.typing.provenance),
        )

    def _sentence(self, m: EventMention) -> Span:
        """The trigger's sentence, cut at line breaks (a standfirst with no full stop is still its own)."""
        text = self.draft.text
        start, end = m.sentence.start_char, m.sentence.end_char
        t0, t1 = m.trigger.start, m.trigger.end
        start = max(start, text.rfind("\n", start, t0) + 1)
        cut = text.find("\n", t1, end)
        if cut >= 0:
            end = cut
        while end > start and text[end - 1].isspace():
            end -= 1
        return self.draft.span(start, end)

    def _type(self, cluster: Cluster) -> tuple[str, str]:
        # the typing rules of events/_type_cluster.py; the deciding rule goes into the provenance
        self.typing = type_cluster(cluster, self.draft.claims)
        return self.typing.event_type, self.typing.sub_event_type

    @staticmethod
    def _assoc(ms: list[EventMention], actor1: Actor | None, actor2: Actor | None) -> list[Actor]:
        out: list[Actor] = []
        for m in ms:
            for a in m.assoc:
                if a not in out and a is not actor1 and a is not actor2:
                    out.append(a)
        return out

    @staticmethod
    def _location(ms: list[EventMention]) -> Location | None:
        placed = [m for m in ms if m.location is not None]
        if not placed:
            return None
        near = [m for m in placed if m.location_rank <= 1] or placed
        best = min(near, key=lambda m: (location_rank(m.location), m.location_rank))  # type: ignore[arg-type]
        return best.location

    def _fallback_location(
        self,
        etype: str,
        actor1: Actor | None,
        actor2: Actor | None,
        targeted: bool = True,
        before: int | None = None,
    ) -> Location | None:
        target = actor2.country if actor2 is not None else None
        if target is None and actor1 is not None:
            opp = self.sides.opponent(actor1)
            target = opp.country if opp is not None else None
            if not targeted and target not in self.theatres:
                target = None  # an unnamed target: only the other side's country when the war is fought there
        if etype == "Explosions/Remote violence" and target:
            country = next(
                (loc for loc in self.draft.locations if loc.kind == "country" and loc.country == target), None
            )
            if country is not None:
                return country
        mains = [loc for loc in self.draft.locations if loc.kind in ("admin1", "settlement", "admin2")]
        if before is not None:
            # the story so far: a town first named in a later, unrelated sentence is not where it happened
            told = [loc for loc in mains if any(x.start < before for x in loc.mentions)]
            if not told and mains:
                # only later places: their country, not a town the event is not tied to
                later = max(mains, key=lambda loc: len(loc.mentions))
                country = next(
                    (x for x in self.draft.locations if x.kind == "country" and x.country == later.country), None
                )
                if country is not None:
                    return country
            mains = told or mains
        if mains:
            return max(mains, key=lambda loc: (len(loc.mentions), -location_rank(loc)[0]))
        return None

    def _date(self, ms: list[EventMention], previous: list[Event]) -> TimeSpan:
        for source in ("own", "sentence", "context"):
            dated = [m for m in ms if m.date is not None and m.date_source == source and not m.anaphoric]
            dated = dated or [m for m in ms if m.date is not None and m.date_source == source]
            spans = [m.date for m in dated if m.date is not None]
            if spans and source == "sentence":
                # a reporting verb's day ("said on Tuesday") only bounds the action: earliest short span wins
                short = [t for t in spans if (t.end - t.start).days <= 7]
                if short:
                    return min(short, key=lambda t: (t.start, _PRECISION.get(t.precision, 5)))
            if spans:
                best = min(spans, key=lambda t: (_PRECISION.get(t.precision, 5), t.start))
                if best.precision != "day":
                    # "days after" and, elsewhere, "on Wednesday": the day inside the vague span wins
                    # a day the action's own clause gives beats one its sentence gives (often the
                    # reporting verb's: "said Friday the attack ..." after "the ambush occurred late Thursday")
                    days = sorted(
                        (
                            m
                            for m in ms
                            if m.date is not None
                            and m.date_source in ("own", "sentence")
                            and m.date.precision == "day"
                            and best.start <= m.date.start <= best.end
                        ),
                        key=lambda m: m.date_source != "own",
                    )
                    if days and days[0].date is not None:
                        return days[0].date
                return best
        first = ms[0]
        self.story_dates.sort(key=lambda p: p[0])
        for end, family, when in reversed(self.story_dates):
            if (
                end <= first.sentence.start_char
                and first.sentence.start_char - end < 600
                and family in _STORY
            ):
                return when  # undated: the story's time carries over from the violent event just reported
        anchor = self.draft.document.date
        default = first.date
        if default is not None:
            return default
        return TimeSpan(start=anchor, end=anchor, precision="day", text=None, anchor=anchor)

    def _claims(self, ms: list[EventMention]) -> list[str]:
        spans = [(m.trigger.start, m.trigger.end) for m in [*ms, *[a for x in ms for a in x.absorbed]]]
        out: list[str] = []
        if not spans:
            return out
        for c in self.draft.claims:
            text_start, text_end = c.text.start, c.text.end
            sent_start, sent_end = c.sentence.start, c.sentence.end
            counted = c.kind in ("event", "casualties", "losses")
            for start, end in spans:
                inside_text = text_start <= start and end <= text_end
                inside_sentence = sent_start <= start and end <= sent_end
                if inside_text or (inside_sentence and counted):
                    if c.id not in out:
                        out.append(c.id)
                    break
        return out

    def _enemy_claims(self, ms: list[EventMention]) -> set[tuple[int, int]]:
        """Spans of killed figures that a belligerent claims of its enemy's dead (capped, spec §5 rule 6)."""
        out: set[tuple[int, int]] = set()
        for c in self.draft.claims:
            if c.claimant is None or c.claimant.kind not in (*_ARMED, "government"):
                continue
            for f in c.figures:
                if f.category != "killed":
                    continue
                subject = self.draft.actor(f.subject) if f.subject else None
                if subject is not None:
                    enemy = bool(subject.country and subject.country != c.claimant.country)
                else:
                    # no actor resolved: the counted noun tells the side ("killed 70 militants", said the army)
                    item = (f.item or "").lower().rstrip("s")
                    state = c.claimant.kind in ("state_forces", "government", "external_forces")
                    enemy = item in (_NONSTATE_DEAD if state else _STATE_DEAD)
                if enemy:
                    out.add((f.text.start, f.text.end))
        return out
