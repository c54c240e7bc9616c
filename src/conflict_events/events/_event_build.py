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

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from ..attribution import find_quotations
from ..gazetteer import nearby_named_place, region_point
from ..lexicons import lexicon
from ..rules import Decided, first
from ..schema import Actor, Claim, Decision, Event, Figure, Location, Span, TimeSpan
from ._build_rules import (
    DATE_RULES,
    PLACE_RULES,
    DateQuery,
    Outcome,
    PlaceQuery,
    abduction_without_deaths,
    after_the_report,
    arresting_authority,
    battle_outcome,
    deaths_as_grievance,
    long_before_the_story,
    one_victim,
    recap_before_the_story,
    shared_by_places,
    witness_words,
)
from ._confidence import LABELLED, Lede, after_the_lede, another_of_its_kind, lede_end, score
from ._detect import location_rank
from ._fatalities import (
    FigureIndex,
    bomber_counted,
    conservative_value,
    event_fatalities,
    injuries_only_interception,
    unnumbered_deaths,
)
from ._merge import Cluster, headline_area
from ._side_rules import SideChooser, country_of_the_place, state_first
from ._type_cluster import hierarchy_rank, type_cluster

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..draft import Draft
    from ._event_mentions import EventMention

__all__ = ["EventBuilder", "hierarchy_rank"]

_ARMED = frozenset(
    {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"}
)
# Nouns for the dead of the other side in a belligerent's own count of enemy losses.
_NONSTATE_DEAD = lexicon("event_context").words("nonstate_dead")
_STATE_DEAD = lexicon("event_context").words("state_dead")


def _representative(typed: list[EventMention], location: Location | None) -> EventMention:
    """The mention that reports the event best: one that names its place, else the first told plainly."""
    if location is not None:
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
            return placed[0]
    plain = [m for m in typed if not m.standfirst and not m.anaphoric] or [m for m in typed if not m.anaphoric]
    return plain[0] if plain else typed[0]


def _civilian_targeting(etype: str, sub: str, actor2: Actor | None) -> bool:
    """Whether the event targets civilians: violence against them, a strike or riot on them, force on protesters."""
    if etype == "Violence against civilians" or sub == "Excessive force against protesters":
        return True
    return etype in ("Explosions/Remote violence", "Riots") and actor2 is not None and actor2.kind == "civilians"


def _town_of(ms: list[EventMention], location: Location | None) -> tuple[str, ...]:
    """The town of an event told for each town of a list: it tells apart the events of one trigger."""
    return (location.id,) if location is not None and any(m.per_town for m in ms) else ()


class EventBuilder:
    """Turn clusters into events for one document."""

    def __init__(self, draft: Draft, extractor: str, sentences: Sequence[tuple[int, int]] = ()) -> None:
        self.draft = draft
        self._sentences = sentences  # the parse's sentence offsets, for the figures' index
        self._figures: FigureIndex | None = None
        self._breaks: list[int] | None = None
        self.extractor = extractor
        speakers = frozenset(
            c.claimant.id for c in draft.claims if c.claimant is not None and c.claimant.kind == "person"
        )
        self.sides = SideChooser(
            draft.actors, draft.locations, draft.text, draft.document.date, draft.new_id, speakers=speakers
        )
        self.story_dates: list[tuple[int, str, TimeSpan]] = []
        places: Counter[str] = Counter(
            loc.country for loc in self.draft.locations for _ in loc.mentions if loc.country
        )
        self.theatres = {c for c, n in places.items() if n >= 2}
        self._lede: Lede | None = None
        self._story_start: dt.date | None = None  # the latest date of the events the lede tells
        self._quotes: list[tuple[int, int]] | None = None  # the spans of quoted words, found once
        self._kinds = {a.id: a.kind for a in draft.actors}  # whose side a count of an actor's members is

    def figures(self) -> FigureIndex:
        """The document's :class:`FigureIndex`, made once: the draft's figures and claims are final by the
        events step, and linking claims to events (``event_ids``) changes neither their figures nor spans."""
        if self._figures is None:
            self._figures = FigureIndex(self.draft, self._sentences)
        return self._figures

    # -- one cluster ------------------------------------------------------------
    def build(self, cluster: Cluster, previous: list[Event]) -> Event | None:
        ms = cluster.mentions
        # the typing rules of events/_type_cluster.py; the deciding rule goes into the provenance
        typing = type_cluster(cluster, self.draft.claims)
        etype, sub = typing.event_type, typing.sub_event_type
        typed = [m for m in ms if m.event_type == etype] or ms
        location = self._location(ms)
        rep = _representative(typed, location)
        sides = self.sides.choose(cluster, etype, location, sub)
        actor1, actor2 = sides.actor1, sides.actor2
        decided = dict(sides.rules)
        if typing.rule:
            # the typing rule decides the sub-type unless a builder rule below overrides it
            decided["sub_event_type"] = typing.rule
        if etype == "Battles":
            # the side that fought for the place: actor2 when the country's coding lists the state first
            own = actor2 if decided.get("actor1") == state_first.name else actor1
            outcome = first((battle_outcome,), Outcome(ms, sub, own, location))
            if outcome is not None:
                sub, decided["sub_event_type"] = outcome.value, outcome.rule
        placed = location is not None
        location = self._placed(location, ms, (etype, sub), actor1, actor2, decided)
        if not placed:
            actor1, actor2 = self._sides_of_the_place(actor1, actor2, location, decided)
        date = self._date(ms, previous, decided)
        if date.text is not None:
            self.story_dates.extend((m.sentence.end_char, cluster.family, date) for m in ms)
        fatalities, figures = self._fatalities(ms, location, sub)
        abduction = first((abduction_without_deaths,), etype, sub, fatalities is not None, ms)
        if abduction is not None:
            sub, decided["sub_event_type"] = abduction.value, abduction.rule
        claim_ids = self._claims(ms)
        claims = [c for c in self.draft.claims if c.id in claim_ids]
        actor1 = actor1 or self._arrester(etype, sub, claims, decided)
        late = self._late(ms, decided)
        if self._not_news(ms, date):
            return None
        conf = score(
            max(m.cls.strength for m in typed),
            actor1=actor1 is not None,
            actor2=actor2 is not None or etype != "Battles",
            place_rank=min((m.location_rank for m in ms), default=9),
            dated=date.text is not None,
            extra_mentions=len(ms) - 1 + max(0, len(claim_ids) - 1),
            hedged=any(c.hedged for c in claims) and len(claim_ids) <= 1,
            contested=sides.contested,
            filled=sides.filled,
            strategic=etype == "Strategic developments",
            late=late,
            toll=fatalities is not None and fatalities.value is not None,
        )
        conf = _labelled(ms, self._lede_of(ms).rank(conf, late), decided)
        if fatalities is None:  # (after the confidence: a zero adds no toll to rank by)
            zero = first((injuries_only_interception,), sub, figures)
            if zero is not None:
                fatalities, decided["fatalities"] = zero.value, zero.rule
        trig = rep.trigger
        return Event(
            id=self.draft.new_id("event", trig.start, trig.end, etype, sub, *_town_of(ms, location)),
            document_id=self.draft.document.id,
            event_type=etype,
            sub_event_type=sub,
            trigger=self.draft.span(trig.start, trig.end),
            sentence=self._sentence(rep),
            date=date,
            location=location,
            actor1=actor1,
            actor2=actor2,
            assoc_actors=tuple(self._assoc(ms, actor1, actor2)),
            fatalities=fatalities,
            figures=tuple(figures),
            claim_ids=tuple(claim_ids),
            civilian_targeting=_civilian_targeting(etype, sub, actor2),
            confidence=conf,
            extractor=self.extractor,
            provenance=tuple(Decision.of(f, r) for f, r in sorted(decided.items())),
        )

    def _sides_of_the_place(
        self, actor1: Actor | None, actor2: Actor | None, location: Location | None, decided: dict[str, str]
    ) -> tuple[Actor | None, Actor | None]:
        """The generic sides named for the document's home before the event had its place, moved to the place's
        country (``events.sides.country_of_the_place``)."""
        moved1 = self.sides.placed(actor1, decided.get("actor1"), location)
        moved2 = self.sides.placed(actor2, decided.get("actor2"), location)
        if moved2 is not None:
            decided["actor2"] = country_of_the_place.name
        return moved1 or actor1, moved2 or actor2

    def _lede_of(self, ms: list[EventMention]) -> Lede:
        """The document's lede, found once."""
        if self._lede is None:
            self._lede = Lede(lede_end(ms[0].sentence.doc))
        return self._lede

    def _late(self, ms: list[EventMention], decided: dict[str, str]) -> bool:
        """Whether the event is told only after the report's lede (``events.confidence.after_the_lede``) or only
        as others of its kind (``events.confidence.another_of_its_kind``)."""
        late = after_the_lede((m.sentence.start_char for m in ms), self._lede_of(ms).end)
        if late is not None:
            decided["confidence"] = after_the_lede.name
            return True
        other = another_of_its_kind(m.distinct and m.label is None for m in ms)
        if other is not None:
            decided["confidence"] = another_of_its_kind.name
        return other is not None

    @staticmethod
    def _arrester(etype: str, sub: str, claims: list[Claim], decided: dict[str, str]) -> Actor | None:
        """ "16 suspects had been arrested", the agency said: the reporting state body made them."""
        arrester = first((arresting_authority,), etype, sub, claims)
        if arrester is None:
            return None
        decided["actor1"] = arrester.rule
        return arrester.value

    def _history(self, ms: list[EventMention], date: TimeSpan) -> bool:
        """Whether the event is the report's history (``events.detect.long_before_the_story``); an event of the
        lede with a date of its own dates the story, else the first date the lede gives, else nothing does."""
        after_lede = after_the_lede((m.sentence.start_char for m in ms), self._lede_of(ms).end) is not None
        if not after_lede and date.text is not None:
            start = self._story_start
            # the latest: a lede may also name an earlier event ("three weeks after they seized the town in March")
            self._story_start = date.start if start is None else max(start, date.start)
        story = self._story_start or self._lede_date(ms)
        rules = (long_before_the_story, recap_before_the_story)
        return story is not None and first(rules, date, after_lede, story) is not None

    def _not_news(self, ms: list[EventMention], date: TimeSpan) -> bool:
        """Whether the event is the report's history or a witness's description of its news, not an event."""
        if self._history(ms, date) or self._witness(ms):
            return True
        # the named day itself told below the lede: a lede's "On 6 April 2024" carried down dates the note
        lede_end = self._lede_of(ms).end
        below = date.mention is not None and date.mention.start >= lede_end
        below = below and after_the_lede((m.sentence.start_char for m in ms), lede_end) is not None
        return after_the_report(date, below) is not None

    def _witness(self, ms: list[EventMention]) -> bool:
        """Whether the event is only a witness's quoted description of the story's (``events.detect.witness_words``)."""
        if self._quotes is None:
            # the claims step's finder of quotations: curly and straight marks, quotations over paragraphs
            self._quotes = [(q.start, q.end) for q in find_quotations(self.draft.text)]
        if not self._quotes:
            return False
        return first((witness_words,), ms, self._quotes, self._lede_of(ms).end) is not None

    def _lede_date(self, ms: list[EventMention]) -> dt.date | None:
        """With no event in the lede, the first date its text gives ("On 17 February 2021, students ...")."""
        end = self._lede_of(ms).end
        told = [t for t in self.draft.times if t.mention is not None and t.mention.start < end]
        return min(told, key=lambda t: t.mention.start if t.mention else 0).start if told else None

    def _placed(
        self,
        location: Location | None,
        ms: list[EventMention],
        types: tuple[str, str],
        actor1: Actor | None,
        actor2: Actor | None,
        decided: dict[str, str],
    ) -> Location | None:
        """The event's place: its mentions' own, else the fallback's; a point borrowed when it has none."""
        if location is None:
            location = self._fallback(ms, types, actor1, actor2, decided)
        if location is not None and location.latitude is None:
            # a village no gazetteer knows: the point of the named place beside it, ACLED's "near X", else
            # the point of the region the text names (ACLED's precision 3)
            near = first((nearby_named_place, region_point), location, self.draft.locations)
            if near is not None:
                location, decided["location_point"] = near.value, near.rule
        return location

    def _fallback(
        self,
        ms: list[EventMention],
        types: tuple[str, str],
        actor1: Actor | None,
        actor2: Actor | None,
        decided: dict[str, str],
    ) -> Location | None:
        """A place for an event none of whose mentions names one (:data:`PLACE_RULES`)."""
        targeted = actor2 is not None or any(m.target_armed for m in ms)
        etype, sub = types
        found = self._fallback_location(
            etype, actor1, actor2 if targeted else None, targeted, before=max(m.sentence.end_char for m in ms), sub=sub
        )
        if found is None:
            return None
        decided["location"] = found.rule
        return found.value

    def _fatalities(
        self, ms: list[EventMention], location: Location | None, sub: str
    ) -> tuple[Figure | None, list[Figure]]:
        """The event's fatalities and other figures from its sentences (a sub-place's count is a part)."""
        # the mentions' sentences and those of the tolls folded into them ("Four soldiers were killed.")
        told = [*ms, *(a for m in ms for a in m.absorbed)]
        sentences = sorted(
            {(m.sentence.start_char, m.sentence.end_char) for m in told} | {s for m in ms for s in m.follow_ups}
        )
        fine = {
            m.sentence.start_char
            for m in ms
            if location is not None
            and m.location is not None
            and m.location.id != location.id
            and location_rank(m.location) < location_rank(location)
        }
        grievance = first((deaths_as_grievance,), ms)
        grievances = grievance.value if grievance is not None else []
        fatalities, figures = event_fatalities(
            self.draft, sentences, fine, self._enemy_claims(ms), self.figures(), self._kinds, grievances
        )
        if fatalities is None:
            victim = first((one_victim,), told)
            if victim is not None and any(a <= victim.value[0] and victim.value[1] <= b for a, b in grievances):
                victim = None  # "protested after police killed a trader": the crowd's grievance
            if victim is not None:
                fatalities = Figure(
                    category="killed",
                    value=1,
                    text=self.draft.span(*victim.value),
                    provenance=(Decision.of("value", victim.rule),),
                )
        return self._apportioned(fatalities, ms, location, sub), figures

    def _apportioned(
        self, fatalities: Figure | None, ms: list[EventMention], location: Location | None, sub: str
    ) -> Figure | None:
        """The toll shared by the places it was told for, and a suicide bomber told as one more of the dead."""
        if fatalities is not None and fatalities.value is None:
            recorded = first((conservative_value,), fatalities)
            fatalities = recorded.value if recorded is not None else fatalities
        # ACLED's 3 for an unnumbered toll is each place's, not a total to divide
        numbered = fatalities is not None and not any(d.rule == unnumbered_deaths.name for d in fatalities.provenance)
        if fatalities is not None and fatalities.value is not None and location is not None and numbered:
            share = first((shared_by_places,), _representative(ms, location), location, self.draft.locations,
                          fatalities.value)
            if share is not None:
                fatalities = fatalities.model_copy(
                    update={
                        "value": share.value,
                        "low": None,
                        "high": None,
                        "provenance": (*fatalities.provenance, Decision.of("value", share.rule)),
                    }
                )
        if sub == "Suicide bomb" and fatalities is not None:
            # the same count told elsewhere with the bomber beside it ("kills four" in the headline, "killing four
            # people as well as herself" below) is that toll too
            same = [f for c in self.draft.claims for f in c.figures
                    if f.category == "killed" and f.value == fatalities.value and f.text != fatalities.text]
            counted = next((d for d in (first((bomber_counted,), self.draft.text, f) for f in (fatalities, *same))
                            if d is not None), None)
            fatalities = counted.value if counted is not None else fatalities
        return fatalities

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
        placed = _beyond_care(placed)
        near = [m for m in placed if m.location_rank <= 1] or placed
        # a headline names the better-known town near the place its story gives: the body's place of the same
        # province wins over it ("near Dhaka" in the headline, "the district of Gazipur" in the story)
        heads = [m for m in near if m.standfirst]
        closest = min((h.location_rank for h in heads), default=9)
        body = [m for m in near if not m.standfirst and m.location_rank <= closest]
        if heads and body and all(any(headline_area(h, b) for b in body) for h in heads):
            near = body
        best = min(near, key=lambda m: (location_rank(m.location), m.location_rank))  # type: ignore[arg-type]
        return best.location

    def _fallback_location(
        self,
        etype: str,
        actor1: Actor | None,
        actor2: Actor | None,
        targeted: bool = True,
        before: int | None = None,
        sub: str | None = None,
    ) -> Decided[Location] | None:
        target = actor2.country if actor2 is not None else None
        if target is None and actor1 is not None:
            opp = self.sides.opponent(actor1)
            target = opp.country if opp is not None else None
            if not targeted and target not in self.theatres:
                target = None  # an unnamed target: only the other side's country when the war is fought there
        defender = actor1.country if actor1 is not None and actor1.kind == "state_forces" else None
        return first(PLACE_RULES, PlaceQuery(etype, target, self.draft.locations, before, sub, defender,
                                                self.draft.text))

    def _date(self, ms: list[EventMention], previous: list[Event], decided: dict[str, str]) -> TimeSpan:
        """The event's date (:data:`DATE_RULES`), its rule noted in ``decided``."""
        self.story_dates.sort(key=lambda p: p[0])
        found = first(DATE_RULES, DateQuery(ms, self.story_dates, self.draft.document.date))
        assert found is not None  # the document's date always applies
        decided["date"] = found.rule
        return found.value

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


def _labelled(ms: list[EventMention], conf: float, decided: dict[str, str]) -> float:
    """The top confidence for the event a note's label names (``events.lead.note_label``), else ``conf``."""
    labelled = next((m.type_rule for m in ms if m.label is not None), None)
    if labelled is None:
        return conf
    decided["confidence"] = labelled
    return LABELLED


def _beyond_care(placed: list[EventMention]) -> list[EventMention]:
    """The placed mentions without those placed only at the wounded's hospital (events.place.care_place), when
    another mention gives a province or a town (not a bare country: the hospital then says at least which
    province) and none of them places the event at the hospital's place too."""
    uncared = [m for m in placed if not m.care_place]
    others = {m.location.id for m in uncared if m.location is not None}
    if any(m.location.id not in others for m in placed if m.care_place and m.location is not None) and any(
        m.location.kind != "country" for m in uncared if m.location is not None
    ):
        return uncared
    return placed
