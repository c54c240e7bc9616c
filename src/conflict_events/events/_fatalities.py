"""Fatalities the ACLED way (spec/ACLED.md §5): one conservative, reported figure per event.

- Only ``killed`` figures count (never wounded, never "casualties", never equipment).
- Figures in an aggregate claim (a tally over days or places: "340 over the past
  day", "more than 40 in the past two weeks") are not an event's fatalities.
- Several reports of the same toll: the lowest ("at least 40" and "53" give 40);
  a figure for a sub-place of the event ("in Taftanaz the strikes killed 10" inside
  a 15-death strike wave) is a part, not a competing total, and does not lower it.
- A belligerent's unsupported claim of enemy dead (its subject is the claimant's
  enemy and no one else reports it) counts as at most 10, also when it is named
  beside another source's toll of other dead: "13 soldiers were killed, he said,
  while the army claimed it had killed more than 70 militants" gives 13 + 10 = 23
  (each side's dead is a part of the event's toll; the claim is capped, not dropped).

- Deaths told without a number ("an unknown number of militants were killed", "unknown
  fatalities") count as 3, ACLED's figure for an unnumbered toll of a small incident (§5 rule 2).

>>> conservative([40, 53])
40
>>> belligerent_cap(340)
10
>>> unnumbered_deaths("An unknown number of fighters were killed.", [(0, 41)])
(3, 41)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from itertools import accumulate
from typing import TYPE_CHECKING, Final

from ..lexicons import lexicon
from ..quantities import toll_update
from ..rules import Example, rule
from ..schema import Decision, Event, Figure

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..draft import Draft
    from ..schema import Span

__all__ = [
    "BELLIGERENT_CAP",
    "UNNUMBERED_DEATHS",
    "FigureIndex",
    "belligerent_cap",
    "conservative",
    "event_fatalities",
    "injuries_only_interception",
    "lead_attack_toll",
    "loose_updated_toll",
    "rival_counts",
    "sides_add_up",
    "toll_of_a_development",
    "unnumbered_deaths",
    "updated_toll",
]

BELLIGERENT_CAP = 10
UNNUMBERED_DEATHS = 3  # ACLED's count for deaths reported without a number in a small incident
_WORDS = lexicon("event_context")


def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DEATH = _alternation(_WORDS.words("death_words"))
_DEATH_WORDS = tuple(sorted(_WORDS.words("death_words")))
# "an unknown number of militants were killed": a quantifier a few words before the death word;
# "unknown fatalities": an adjective right before it. No full stop, comma or semicolon between.
_UNNUMBERED = re.compile(
    rf"\b(?:(?:{_alternation(_WORDS.words('unnumbered_quantifiers'))})\b(?:[^.,;]*?\s)?"
    rf"|(?:{_alternation(_WORDS.words('unnumbered_adjectives'))})\s+)(?:{_DEATH})\b",
)
_NEGATED = re.compile(rf"\b(?:{_alternation(_WORDS.words('toll_negations'))})\b")
_GAP_WORDS = 6


def conservative(values: list[int]) -> int | None:
    """The lowest reported figure, or None when there is none."""
    return min(values) if values else None


def belligerent_cap(value: int) -> int:
    """ACLED's reading of a lone belligerent claim of enemy losses: min(claim, 10)."""
    return min(value, BELLIGERENT_CAP)


@rule(
    "events.fatalities.unnumbered_deaths",
    decides="event.fatalities",
    positive=[
        Example(
            "On 3 May 2024, soldiers clashed with Al Shabaab near Bulo Burde. An unknown number of militants were"
            " killed and wounded.",
            {"event.fatalities.value": 3},
        )
    ],
    negative=[
        Example(
            "On 3 May 2024, soldiers clashed with Al Shabaab near Bulo Burde. Five militants were killed.",
            {"event.fatalities.value": 5},
        )
    ],
)
def unnumbered_deaths(text: str, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Deaths told without a number ("an unknown number of militants were killed") count as 3 (ACLED §5 rule 2)."""
    for s, e in sentences:
        sentence = text[s:e].lower()
        if not any(word in sentence for word in _DEATH_WORDS):
            continue  # every match ends in a death word: the plain search is far cheaper than the patterns
        if _NEGATED.search(sentence):
            continue  # "no fatalities were reported"
        for found in _UNNUMBERED.finditer(sentence):
            if len(found.group(0).split()) <= _GAP_WORDS + 2:
                return s + found.start(), s + found.end()
    return None


_DEATH_NOUN = re.compile(rf"\s+(?:[a-z]+\s+)?(?:{_alternation(_WORDS.words('death_nouns'))})\b")


@rule(
    "events.fatalities.death_noun_count",
    decides="event.fatalities",
    positive=[
        Example(
            "On 3 May 2024, two communal militias clashed over farmland near Jalingo. Seven reported fatalities.",
            {"event.fatalities.value": 7},
        )
    ],
    negative=[
        Example(
            "On 3 May 2024, two communal militias clashed over farmland near Jalingo. Seven people were injured.",
            {"!event.fatalities.value": 7},
        )
    ],
)
def death_count(text: str, fig: Figure) -> bool | None:
    """A count of deaths named by a death noun ("seven reported fatalities") is a count of the killed."""
    if fig.category != "other":
        return None
    return bool(_DEATH_NOUN.match(text.lower(), fig.text.end)) or None


def _count(fig: Figure) -> int:
    return fig.value if fig.value is not None else fig.low or 0


def _in(span: Span, start: int, end: int) -> bool:
    return start <= span.start and span.end <= end


class FigureIndex:
    """A document's figures (each span once, the first reported) by position, and its aggregate
    claims' spans: an event looks up the figures of its own sentences by bisection instead of
    going through every figure of the document, and every aggregate claim for each (which made
    the events step cubic on a long list of tolls)."""

    def __init__(self, draft: Draft, sentences: Sequence[tuple[int, int]] = ()) -> None:
        """``sentences``: the parse's sentence offsets, in order; without them no unclaimed tally is found."""
        first: dict[tuple[int, int], tuple[int, Figure]] = {}
        for i, fig in enumerate([*draft.figures, *(f for c in draft.claims for f in c.figures)]):
            first.setdefault((fig.text.start, fig.text.end), (i, fig))
        self._items = sorted(first.values(), key=lambda item: (item[1].text.start, item[0]))
        self._starts = [fig.text.start for _, fig in self._items]
        aggregate = sorted(
            [(c.text.start, c.text.end) for c in draft.claims if c.aggregate]
            + [(c.sentence.start, c.sentence.end) for c in draft.claims
               if c.aggregate and c.text.end - c.text.start < 3]
        )
        # which claim reports a figure, by span: counts of one sentence by different claimants compete
        self.claim_of: dict[tuple[int, int], int] = {}
        for k, c in enumerate(draft.claims):
            for f in c.figures:
                self.claim_of.setdefault((f.text.start, f.text.end), k)
        # a count no one is said to report, alone in a sentence that tells a tally ("the conflict has claimed over
        # 40,000 lives since 2009"), is one too
        aggregate = sorted(aggregate + _tallies(draft.text, sentences, self._items, set(self.claim_of)))
        self._aggregate_starts = [a for a, _ in aggregate]
        self._aggregate_reach = list(accumulate((b for _, b in aggregate), max))

    def within(self, sentences: list[tuple[int, int]]) -> list[tuple[int, Figure]]:
        """(the start of its first sentence, figure) for each figure inside one of ``sentences``,
        in the order the figures were reported."""
        found: dict[int, tuple[int, Figure]] = {}
        for s, e in sentences:
            for i, fig in self._items[bisect_left(self._starts, s) : bisect_right(self._starts, e)]:
                if fig.text.end <= e and i not in found:
                    found[i] = (s, fig)
        return [found[i] for i in sorted(found)]

    def figures(self) -> list[Figure]:
        """Every figure of the document, in text order."""
        return [fig for _, fig in self._items]

    def aggregated(self, fig: Figure) -> bool:
        """Whether the figure lies inside an aggregate claim (a tally over days or places)."""
        k = bisect_right(self._aggregate_starts, fig.text.start)
        return k > 0 and self._aggregate_reach[k - 1] >= fig.text.end


_ZERO_TOLLS: Final = frozenset({"killed", "casualties", "wounded"})


@rule(
    "events.fatalities.nobody_hurt",
    decides="event.fatalities",
    positive=[
        Example(
            "Mortar shells hit a base near the airport in Mogadishu on Saturday. No one was hurt, police said.",
            {"event.fatalities.value": 0},
        ),
        Example(
            "Rockets struck an army post in Goma on Monday. No casualties were reported.",
            {"event.fatalities.value": 0},
        ),
    ],
    negative=[
        Example(
            "Rockets struck an army post in Goma on Monday, killing two soldiers. No civilians were hurt.",
            {"event.fatalities.value": 2},
        )
    ],
)
def nobody_hurt(others: list[Figure]) -> Figure | None:
    """An event whose report says no one was killed, hurt or a casualty, and counts no dead, killed no one:
    fatalities 0 (ACLED's figure), not unknown."""
    for fig in others:
        if fig.value == 0 and fig.category in _ZERO_TOLLS:
            provenance = (*fig.provenance, Decision.of("value", nobody_hurt.name))
            return fig.model_copy(update={"category": "killed", "provenance": provenance})
    return None


@rule(
    "events.fatalities.injuries_only_interception",
    decides="event.fatalities",
    positive=[
        Example(
            "Air defences intercepted a missile fired at the city of Haifa on Saturday, the army said. Debris fell on"
            " a house and three people were lightly injured.",
            {"event.sub_event_type": "Disrupted weapons use", "event.fatalities.value": 0},
        )
    ],
    negative=[
        Example(
            "Air defences intercepted a missile fired at the city of Haifa on Saturday, the army said.",
            {"event.sub_event_type": "Disrupted weapons use", "event.fatalities": None},
        )
    ],
)
def injuries_only_interception(sub_event_type: str, figures: Sequence[Figure]) -> Figure | None:
    """An interception whose report counts people injured and no one killed killed no one: fatalities 0, ACLED's
    figure, not unknown (an interception with no harm told keeps no toll)."""
    if sub_event_type != "Disrupted weapons use":
        return None
    wounded = [f for f in figures if f.category == "wounded" and (f.value or f.low)]
    if not wounded or any(f.category == "killed" for f in figures):
        return None
    fig = wounded[0]
    provenance = (*fig.provenance, Decision.of("value", injuries_only_interception.name))
    return fig.model_copy(update={"category": "killed", "value": 0, "low": None, "high": None, "approximate": False,
                                  "provenance": provenance})


def _no_count(draft: Draft, sentences: list[tuple[int, int]], others: list[Figure]) -> Figure | None:
    """The toll of an event whose sentences count no dead: deaths told without a number, else nobody hurt."""
    return _unnumbered(draft, sentences) or nobody_hurt(others)


def _killed_and_others(
    draft: Draft, index: FigureIndex, sentences: list[tuple[int, int]], fine_place_sentences: set[int],
    grievances: Sequence[tuple[int, int]] = (),
) -> tuple[list[tuple[int, Figure]], list[Figure]]:
    """The event's counts of the killed (with the start of their sentence) and its other figures; a count inside
    one of ``grievances`` (the deaths a crowd protests) is among the others."""
    killed: list[tuple[int, Figure]] = []
    others: list[Figure] = []
    for home, fig in index.within(sentences):
        if index.aggregated(fig):
            continue
        if any(a <= fig.text.start and fig.text.end <= b for a, b in grievances):
            others.append(fig)
            continue
        if _PART_OF.search(draft.text, max(0, fig.text.start - 24), fig.text.start):
            # "eight civilians, including four children", "four people, among them two workers": a part of the toll
            others.append(fig)
            continue
        counted = fig.value is not None or fig.low is not None
        if counted and (fig.category == "killed" or death_count(draft.text, fig)) and home not in fine_place_sentences:
            killed.append((home, fig))
        else:
            others.append(fig)
    return killed, others


def _unnumbered(draft: Draft, sentences: list[tuple[int, int]]) -> Figure | None:
    """ACLED's 3 for deaths the event's sentences tell without a number, as a figure; None when they tell none."""
    found = unnumbered_deaths(draft.text, sentences)
    if found is None:
        return None
    return Figure(
        category="killed",
        value=UNNUMBERED_DEATHS,
        approximate=True,
        text=draft.span(*found),
        provenance=(Decision.of("value", unnumbered_deaths.name),),
    )


_TALLY: Final = re.compile(r"\b(?:" + "|".join(sorted(_WORDS.words("tally_patterns"))) + r")\b", re.IGNORECASE)


def _tallies(
    text: str, sentences: Sequence[tuple[int, int]], items: list[tuple[int, Figure]], claimed: set[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The spans of counts of the dead no claim holds that are the only such count of a sentence telling a tally."""
    ends = [e for _, e in sentences]
    by_sentence: dict[int, list[Figure]] = {}
    for _, fig in items:
        k = bisect_right(ends, fig.text.start)
        if fig.category == "killed" and (fig.text.start, fig.text.end) not in claimed and k < len(sentences):
            by_sentence.setdefault(k, []).append(fig)
    return [
        (figs[0].text.start, figs[0].text.end)
        for k, figs in by_sentence.items()
        if len(figs) == 1 and _TALLY.search(text, *sentences[k])
    ]


_GENERIC_ITEMS = frozenset({"people", "person", "persons", "individual", "individuals"})
_SUMMARY_ITEMS = frozenset({"fatality", "reported fatality", "death", "dead"})


@rule(
    "events.fatalities.rival_counts",
    decides="event.fatalities",
    positive=[
        Example(
            "Warplanes bombed the village of Kyaukse on Tuesday. The exile government said 40 people were killed,"
            " while residents said 46 people died in the strike.",
            {"event.fatalities.value": 40},
        )
    ],
    negative=[
        Example(
            "Gunmen attacked the village of Dogo on Tuesday. The army said six soldiers were killed, while"
            " residents said three civilians died in the attack.",
            {"event.fatalities.value": 9},
        )
    ],
)
def rival_counts(figs: list[Figure], claim_of: dict[tuple[int, int], int]) -> list[list[Figure]] | None:
    """Counts of the dead in one sentence by different claimants ("the government said 40 were killed, while
    residents said 46") are rival tolls of the same dead, each a candidate (the lowest wins), not parts that add
    up; parts of one claim, or of different claims counting different people ("six soldiers ... three
    civilians"), still add up."""
    groups: dict[int, list[Figure]] = {}
    for f in figs:
        groups.setdefault(claim_of.get((f.text.start, f.text.end), -1), []).append(f)
    if len(groups) < 2 or -1 in groups:
        return None
    items = [{_item(f) for f in g} for g in groups.values()]
    if any(len(i) != 1 for i in items) or len({next(iter(i)) for i in items}) != 1:
        return None
    return list(groups.values())


_STATE_ITEMS: Final = _WORDS.words("state_dead")
_NONSTATE_ITEMS: Final = _WORDS.words("nonstate_dead")
_VICTIM_ITEMS: Final = frozenset({"", "civilian", "guest", "worshipper", "villager", "resident", "passenger"})
_KNOWN_ITEMS: Final = _STATE_ITEMS | _NONSTATE_ITEMS | _VICTIM_ITEMS


# A count of an actor's people whose noun tells no side ("one member of the police force") counts as the
# actor's kind does: these stand for the kind among the side nouns.
_KIND_ITEM: Final = {
    "state_forces": "soldier", "external_forces": "soldier",
    "rebel_group": "militant", "political_militia": "militant", "identity_militia": "militant",
}


def _side_item(fig: Figure, kinds: Mapping[str, str]) -> str:
    item = _item(fig)
    if item in _KNOWN_ITEMS or fig.subject is None:
        return item
    return _KIND_ITEM.get(kinds.get(fig.subject, ""), item)


def _side(figs: list[Figure], kinds: Mapping[str, str] | None = None) -> str | None:
    """Which side a sentence's toll counts: "state" (soldiers, police), "nonstate" (militants), else None.
    ``kinds`` maps actor ids to actor kinds: a count of an actor's members ("a member of the police force")
    is that actor's side."""
    items = {_side_item(f, kinds or {}) for f in figs}
    if items and items <= _STATE_ITEMS:
        return "state"
    if items and items <= _NONSTATE_ITEMS:
        return "nonstate"
    if items and items <= _VICTIM_ITEMS:
        return "victims"  # "killing seven people", "five civilians": the attack's victims
    return None


@rule(
    "events.fatalities.sides_add_up",
    decides="event.fatalities",
    positive=[
        Example(
            "Militants killed 15 soldiers in an attack on an army post near Tillaberi on Saturday, the ministry"
            " said. Residents said 12 militants were also killed in the fighting.",
            {"event.fatalities.value": 27},
        ),
        Example(
            "Al Shabaab fighters stormed a hotel in Beledweyne on Saturday, killing seven people, police said."
            " Security forces killed all four attackers.",
            {"event.fatalities.value": 11},
        ),
        Example(
            "Police said they killed nine rebels in a gunfight in the hills near Kanker on Monday. One member"
            " of the Central Reserve Police Force was also killed in the exchange.",
            {"event.fatalities.value": 10},
        ),
    ],
    negative=[
        Example(
            "Militants killed 15 soldiers in an attack on an army post near Tillaberi on Saturday, the ministry"
            " said. Residents said 17 soldiers died in the attack.",
            {"event.fatalities.value": 15},
        )
    ],
)
def sides_add_up(tolls: list[tuple[list[Figure], int, int]], kinds: Mapping[str, str] | None = None) -> int | None:
    """Tolls of different sentences that count the two sides' dead (soldiers in one, militants in the other; the
    attack's victims in one, the attackers the responders killed in the other) add up, each side's lowest
    report once (ACLED counts everyone who died, §5 rule 7); ``tolls`` holds each
    sentence's figures with its total, and with the total it has as the only report of its side (a
    belligerent's claim of enemy dead capped). None when any toll counts people of no one side, or one side only."""
    by_side: dict[str, list[tuple[int, int]]] = {}
    for figs, total, alone in tolls:
        side = _side(figs, kinds)
        if side is None:
            return None
        by_side.setdefault(side, []).append((total, alone))
    if len(by_side) < 2 or ("victims" in by_side and "state" in by_side):
        return None  # "seven people" may count the soldiers told after them
    return sum(min(t for t, _ in v) if len(v) > 1 else v[0][1] for v in by_side.values())


_BODY_ITEMS: Final = _WORDS.words("body_nouns")
_PART_OF: Final = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _WORDS.words("part_markers")), key=len, reverse=True)) + r")\s*$",
    re.IGNORECASE,
)


@rule(
    "events.fatalities.bodies_within_toll",
    decides="event.fatalities",
    positive=[
        Example(
            "Twelve people were killed in the raid on the village of Dogo, the chief said on Friday, after four"
            " bodies were found in the bush.",
            {"event.fatalities.value": 12},
        )
    ],
    negative=[
        Example(
            "Gunmen killed seven farmers in the village of Dogo on Tuesday, residents said.",
            {"event.fatalities.value": 7},
        )
    ],
)
def bodies_within_toll(figs: list[Figure]) -> list[Figure] | None:
    """Bodies found, counted beside a toll of the dead in one sentence ("eleven were killed ... after three bodies
    were found"), are among those dead: the count of bodies is not added to the toll."""
    if len(figs) < 2:
        return None
    kept = [f for f in figs if _item(f) not in _BODY_ITEMS]
    return kept if kept and len(kept) < len(figs) else None


@rule(
    "events.fatalities.total_with_its_parts",
    decides="event.fatalities",
    positive=[
        Example(
            "On Saturday, fighting between government troops and Houthi fighters in Sirwah killed five people, three"
            " soldiers and two Houthi fighters, a military source said.",
            {"event.fatalities.value": 5},
        )
    ],
    negative=[
        Example(
            "On Saturday, fighting between government troops and Houthi fighters in Sirwah killed three soldiers"
            " and two Houthi fighters, a military source said.",
            {"event.fatalities.value": 5},
        ),
        Example(  # the middle count is no total, though the two others add up to it
            "On 3 May 2021, militants clashed with troops in Ajiri, killing 5 soldiers, 15 militiamen and 10"
            " residents.",
            {"event.fatalities.value": 30},
        ),
    ],
)
def total_with_its_parts(figs: list[Figure]) -> list[Figure] | None:
    """A sentence's first count, of people as such, that is the sum of the counts after it, each of whom ("killed
    five people, three soldiers and two fighters", "12 people were killed (11 militants and 1 soldier)"), is
    their total told with its parts: the total alone, not the total and the parts added up."""
    if len(figs) < 3:
        return None
    ordered = sorted(figs, key=lambda f: f.text.start)
    total, parts = ordered[0], ordered[1:]
    # the total comes first and counts people as such; its parts name who they were
    if _item(total) or any(_count(f) <= 0 or not _item(f) for f in parts):
        return None
    return [total] if _count(total) == sum(_count(f) for f in parts) else None


def _item(fig: Figure) -> str:
    """What a count counts, with the generic "people" and an unnamed item alike."""
    item = (fig.item or "").lower()
    return "" if item in _GENERIC_ITEMS else item


def _sentence_tolls(
    killed: list[tuple[int, Figure]], index: FigureIndex, claimant_enemy: set[tuple[int, int]]
) -> list[tuple[list[Figure], int, int]]:
    """Each sentence's toll (its figures, their total, their total with a belligerent's claim capped alone): parts
    named together ("six fighters and three militants") add up; rival counts and bodies found do not."""
    # a count of "fatalities" sums up the deaths told ("two people were killed ... 2 fatalities."): a rival
    # report of them, not a part
    per_sentence: dict[tuple[int, bool], list[Figure]] = {}
    for home, fig in killed:
        per_sentence.setdefault((home, _item(fig) in _SUMMARY_ITEMS), []).append(fig)
    tolls: list[tuple[list[Figure], int, int]] = []
    parts = [part for group in per_sentence.values() for part in rival_counts(group, index.claim_of) or [group]]
    for figs in (bodies_within_toll(part) or total_with_its_parts(part) or part for part in parts):
        enemy = [(f.text.start, f.text.end) in claimant_enemy for f in figs]
        # a sentence holding only the claim competes with other reports as it is (the lowest wins);
        # alone, or beside another source's toll of other dead, the claim counts at most 10
        cap = len(per_sentence) == 1 or not all(enemy)
        total = sum(
            belligerent_cap(_count(f)) if cap and is_enemy else _count(f)
            for f, is_enemy in zip(figs, enemy, strict=True)
        )
        alone = sum(belligerent_cap(_count(f)) if e else _count(f) for f, e in zip(figs, enemy, strict=True))
        tolls.append((figs, total, alone))
    return tolls




@rule(
    "events.fatalities.part_told_alone",
    decides="event.fatalities",
    positive=[
        Example(
            "Nine soldiers killed in convoy bombing\n\nNine soldiers were killed when a car bomb exploded beside their"
            " convoy near Bannu on Tuesday, the army said, and hospital officials said two passers-by also died.",
            {"event.fatalities.value": 11},
        )
    ],
    negative=[
        Example(
            "Nine soldiers killed in convoy bombing\n\nSeven soldiers were killed when a car bomb exploded beside"
            " their convoy near Bannu on Tuesday, the army said, and hospital officials said two passers-by also"
            " died.",
            {"event.fatalities.value": 9},
        )
    ],
)
def part_told_alone(tolls: list[tuple[list[Figure], int, int]]) -> list[tuple[list[Figure], int, int]] | None:
    """A sentence whose one count ("nine soldiers killed" in a headline) is, item and number, a part of another
    sentence's toll of several counts ("nine soldiers were killed ... two passers-by also died") tells that part
    alone, not a rival toll of all the dead: it is no candidate for the lowest toll."""
    parts = {(_item(f), _count(f)) for figs, _, _ in tolls if len(figs) > 1 for f in figs if _item(f)}
    if not parts:
        return None
    kept = [t for t in tolls if len(t[0]) > 1 or (_item(t[0][0]), _count(t[0][0])) not in parts]
    return kept if len(kept) < len(tolls) else None


@rule(
    "events.fatalities.updated_toll",
    decides="event.fatalities",
    positive=[
        Example(
            "Russian shelling of Kherson on Monday killed three people. Two more died in hospital on Tuesday, "
            "raising the death toll to five, the regional governor said.",
            {"event.fatalities.value": 5},
        ),
        Example(
            "Toll from Kherson shelling rises to nine as two wounded die\n\nTwo people wounded in Russian shelling "
            "of Kherson on Monday have died, regional officials said on Wednesday.",
            {"event.fatalities.value": 9},
        ),
    ],
    negative=[
        Example(
            "Russian shelling of Kherson on Monday killed three people and wounded 12, the regional governor said.",
            {"event.fatalities.value": 3},
        )
    ],
)
def updated_toll(killed: Sequence[Figure]) -> Figure | None:
    """A toll carried up to a new total ("two more died, raising the death toll to five") is the event's count of
    the dead: ACLED revises a toll when better information comes, and the lowest-figure rule is for sources that
    disagree, not for a total and its parts. The highest such total when a report updates it more than once."""
    updates = [f for f in killed if any(d.rule == toll_update.name for d in f.provenance) and f.value is not None]
    return max(updates, key=lambda f: f.value or 0) if updates else None


def event_fatalities(
    draft: Draft,
    sentences: list[tuple[int, int]],
    fine_place_sentences: set[int],
    claimant_enemy: set[tuple[int, int]],
    index: FigureIndex | None = None,
    kinds: Mapping[str, str] | None = None,
    grievances: Sequence[tuple[int, int]] = (),
) -> tuple[Figure | None, list[Figure]]:
    """The fatalities figure and the other figures of an event from its sentences (start, end offsets).

    ``fine_place_sentences`` holds the starts of sentences that report only a sub-place of the
    event; ``claimant_enemy`` holds the spans of figures that are a belligerent's count of enemy dead.
    ``index`` is the document's :class:`FigureIndex`, built once for all its events (else here);
    ``kinds`` maps actor ids to kinds, for counts of an actor's members; ``grievances`` the spans of deaths a crowd
    protests (:func:`~._build_rules.deaths_as_grievance`), which are no toll of its demonstration.
    """
    index = index if index is not None else FigureIndex(draft)
    killed, others = _killed_and_others(draft, index, sentences, fine_place_sentences, grievances)
    if not killed:
        return _no_count(draft, sentences, others), others
    update = updated_toll([f for _, f in killed])
    if update is not None:
        others.extend(f for _, f in killed if f is not update)
        decided = (*update.provenance, Decision.of("value", updated_toll.name))
        return update.model_copy(update={"provenance": decided}), others
    tolls = _sentence_tolls(killed, index, claimant_enemy)
    tolls = part_told_alone(tolls) or tolls
    # the lowest toll, the first of equals
    figs0, total, _ = min(tolls, key=lambda t: t[1])
    fig = figs0[0]
    both_sides = sides_add_up(tolls, kinds) if len(tolls) > 1 else None
    if both_sides is not None:
        total = both_sides
    value = fig.value if fig.value is not None else fig.low
    if value == total:
        chosen = fig
    else:
        provenance = fig.provenance
        if both_sides is not None:
            provenance = (*provenance, Decision.of("value", sides_add_up.name))
        chosen = fig.model_copy(
            update={"value": total, "low": None, "high": None, "approximate": fig.approximate, "provenance": provenance}
        )
    others.extend(f for _, f in killed if f is not fig)
    return chosen, others


@rule(
    "events.fatalities.conservative_value",
    decides="event.fatalities",
    positive=[
        Example(
            "Gunmen killed between 18 and 25 villagers in Mbau on Sunday, a civil society leader said.",
            {"event.fatalities.value": 18},
        )
    ],
    negative=[
        Example(
            "Gunmen killed 18 villagers in Mbau on Sunday, a civil society leader said.",
            {"event.fatalities.value": 18},
        )
    ],
)
def conservative_value(fig: Figure) -> Figure | None:
    """An event's toll is the figure an ACLED coder records (spec/SCHEMA.md, Event.fatalities): a count told only by
    its bounds ("between 18 and 25 villagers", "more than 40 people") records its lower bound as its value."""
    if fig.value is not None or fig.low is None:
        return None
    return fig.model_copy(update={"value": fig.low, "provenance": (*fig.provenance,
                                                                   Decision.of("value", conservative_value.name))})


# "killing three policemen and himself": the count's noun, then the bomber told as one more of the dead
_BOMBER_TOO: Final = re.compile(
    r"[\w\s,-]{0,40}?\b(?:and|as well as|along with|plus)\s+(?:himself|herself|the\s+(?:suicide\s+)?bomber)\b",
    re.IGNORECASE,
)


@rule(
    "events.fatalities.bomber_counted",
    decides="event.fatalities",
    positive=[
        Example(
            "A suicide bomber blew himself up at a checkpoint in Bannu on Monday, killing two policemen and himself.",
            {"event.fatalities.value": 3},
        )
    ],
    negative=[
        Example(
            "A suicide bomber blew himself up at a checkpoint in Bannu on Monday, killing three people including"
            " himself.",
            {"event.fatalities.value": 3},
        )
    ],
)
def bomber_counted(text: str, fig: Figure) -> Figure | None:
    """ACLED counts a suicide bomber among the dead (spec/ACLED.md, Suicide bomb): a toll told as "two policemen and
    himself" is one more than its number; "three people including himself" already counts him."""
    if fig.value is None or not _BOMBER_TOO.match(text, fig.text.end, fig.text.end + 90):
        return None
    return fig.model_copy(
        update={"value": fig.value + 1, "low": None, "high": None,
                "provenance": (*fig.provenance, Decision.of("value", bomber_counted.name))}
    )


# Event types whose tolls are the dead of an attack (a protest's or an agreement's are not).
_ATTACK_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def _taken(events: list[Event]) -> set[tuple[int, int]]:
    """The spans of the figures the events already hold (their own and their tolls)."""
    return {(f.text.start, f.text.end) for e in events for f in (*e.figures, *(() if e.fatalities is None
                                                                          else (e.fatalities,)))}


@rule(
    "events.fatalities.loose_updated_toll",
    decides="event.fatalities",
    positive=[
        Example(
            "Russian shelling of Kherson on Monday killed three people. Two more died in hospital on Tuesday, "
            "raising the death toll to five, the regional governor said.",
            {"event.fatalities.value": 5},
        )
    ],
    negative=[
        Example(
            "Russian shelling of Kherson on Monday killed three people. Two more died in hospital on Tuesday, "
            "the regional governor said.",
            {"event.fatalities.value": 3},
        )
    ],
)
def loose_updated_toll(draft: Draft, events: list[Event], index: FigureIndex) -> Figure | None:
    """A toll carried up to a new total in a sentence of no event ("two more died, raising the death toll to five")
    is the lead attack's count of the dead when it is higher than the count the attack has (:func:`updated_toll`).
    A total inside an aggregate claim, or in a claim tied to another event, is not loose."""
    if not events:
        return None
    lead = max(events, key=lambda e: e.confidence)  # the first of equals: the report's main story
    if lead.event_type not in _ATTACK_TYPES:
        return None
    taken = _taken(events)
    tied = {(f.text.start, f.text.end) for c in draft.claims if c.event_ids and lead.id not in c.event_ids
            for f in c.figures}
    loose = [f for f in index.figures() if f.category == "killed" and (f.text.start, f.text.end) not in taken | tied
             and not index.aggregated(f)]
    update = updated_toll(loose)
    own = lead.fatalities.value if lead.fatalities is not None else None
    if update is None or (own is not None and (update.value or 0) <= own):
        return None
    return update


@rule(
    "events.fatalities.lead_attack_toll",
    decides="event.fatalities",
    positive=[
        Example(
            "Jet bombs wedding in Kafin Hausa\n\nAn air force jet bombed a wedding in the village of Kafin Hausa on"
            " Sunday night.\n\nA resident recounted: \u201cWe were dancing when the bomb fell, claiming the lives of"
            " more than 20 people.\u201d",
            {"event.fatalities.value": 20},
        )
    ],
    negative=[
        Example(
            "Jet bombs wedding in Kafin Hausa\n\nAn air force jet bombed a wedding in the village of Kafin Hausa on"
            " Sunday night, killing 12 people.\n\nA resident recounted: \u201cWe were dancing when the bomb fell,"
            " claiming the lives of more than 20 people.\u201d",
            {"event.fatalities.value": 12},
        )
    ],
)
def lead_attack_toll(draft: Draft, events: list[Event], index: FigureIndex) -> Figure | None:
    """A count of the dead told apart from every event (a resident's quotation, "initial reports indicate a loss
    of 30 lives") is the toll of the attack the report leads with, when that attack has none of its own.

    ACLED codes a report's toll for the event it is about, whoever states it; the lowest of such
    counts is taken (its conservative rule). A count inside an aggregate claim (a tally over
    days or a war) or in a claim tied to an event is not loose. The claims stay as they are.
    """
    if not events:
        return None
    lead = max(events, key=lambda e: e.confidence)  # the first of equals: the report's main story
    if lead.fatalities is not None or lead.event_type not in _ATTACK_TYPES:
        return None
    taken = _taken(events)
    tied = {(f.text.start, f.text.end) for c in draft.claims if c.event_ids for f in c.figures}
    loose = [f for f in index.figures()
             if f.category == "killed" and (f.value is not None or f.low is not None)
             and (f.text.start, f.text.end) not in taken | tied and not index.aggregated(f)
             and not _vague(draft.text, f)]
    if not loose:
        return None
    return _lowest(loose, lead_attack_toll.name)


@rule(
    "events.fatalities.toll_of_a_told_part",
    decides="event.fatalities",
    positive=[
        Example(
            "On 4 March 2021, presumed JNIM militants attacked overnight the town of Sollé (Titao, Loroum)."
            " Two Koglweogo volunteer fighters (VDP) and six civilians were killed. Shops were set ablaze.",
            {"event.fatalities.value": 8},
        )
    ],
    negative=[
        Example(
            "On 4 March 2021, presumed JNIM militants attacked overnight the town of Sollé (Titao, Loroum)."
            " Shops were set ablaze.",
            {"event.fatalities": None},
        )
    ],
)
def toll_of_a_told_part(events: list[Event]) -> Figure | None:
    """The dead another violent event of the report counts, at the lead attack's place or at none, are the
    lead attack's toll when it has none of its own: a note tells one attack in several sentences ("attacked the
    town. Two guards and six civilians were killed."), and ACLED codes its toll for the attack; the lowest of such
    counts is taken."""
    lead = max(events, key=lambda e: e.confidence)
    if lead.fatalities is not None or lead.event_type not in _ATTACK_TYPES:
        return None
    place = lead.location.name if lead.location is not None else None
    told = [e.fatalities for e in events
            if e is not lead and e.fatalities is not None and e.fatalities.category == "killed"
            and e.event_type in _ATTACK_TYPES and (e.location is None or place is None or e.location.name == place)]
    if not told:
        return None
    return _lowest(told, toll_of_a_told_part.name)


@rule(
    "events.fatalities.toll_of_a_development",
    decides="event.fatalities",
    positive=[
        Example(
            "On 4 March 2021, soldiers clashed with ISWAP fighters near Marte (Marte LGA, Borno). At least six"
            " fighters were killed and two arrested.",
            {"event.sub_event_type": "Armed clash", "event.fatalities.value": 6},
        )
    ],
    negative=[
        Example(
            "On 4 March 2021, soldiers clashed with ISWAP fighters near Marte (Marte LGA, Borno). Two fighters"
            " were arrested.",
            {"event.sub_event_type": "Armed clash", "event.fatalities": None},
        )
    ],
)
def toll_of_a_development(events: list[Event]) -> Event | None:
    """A toll read into a strategic development of the report ("six fighters were killed and two arrested" typed
    as the arrests), at the lead violent event's place or at none, is the toll of that event when it has none of
    its own: arrests, seizures and interceptions kill no one (ACLED codes their fatalities 0). The development
    whose toll moves is returned."""
    lead = max(events, key=lambda e: e.confidence)
    if lead.fatalities is not None or lead.event_type not in _ATTACK_TYPES:
        return None
    place = lead.location.name if lead.location is not None else None
    told = [e for e in events
            if e is not lead and e.event_type == "Strategic developments" and e.fatalities is not None
            and e.fatalities.category == "killed" and (e.fatalities.value or 0) > 0
            and (e.location is None or place is None or e.location.name == place)]
    tolls = [(e.fatalities, e) for e in told if e.fatalities is not None]
    return min(tolls, key=lambda p: (_count(p[0]), p[0].text.start))[1] if tolls else None


def _lowest(figs: list[Figure], rule_name: str) -> Figure:
    """The lowest of several counts (ACLED's conservative toll), first told among equals, marked as the rule's."""
    fig = min(figs, key=lambda f: (_count(f), f.text.start))
    return fig.model_copy(update={"provenance": (*fig.provenance, Decision.of("value", rule_name))})


def _vague(text: str, fig: Figure) -> bool:
    """A count worded without a number ("several citizens", "dozens"): no toll to carry over."""
    return not any(ch.isdigit() for ch in text[fig.text.start : fig.text.end])


@rule(
    "events.fatalities.toll_of_the_violence",
    decides="event.fatalities",
    positive=[
        Example(
            "The Malian army said it had sent reinforcements to the area and killed five militants in an operation"
            " near Bankass on Tuesday.",
            {"event.sub_event_type": "Armed clash", "event.fatalities.value": 5},
        )
    ],
    negative=[
        Example(
            "The Malian army sent reinforcements to Bankass on Tuesday.",
            {"event.sub_event_type": "Change to group/activity"},
        )
    ],
)
def toll_of_the_violence(event: Event, events: list[Event]) -> bool | None:
    """A count of the dead that a violent event of the report holds is that event's toll, not also the toll of a
    strategic development told in the same sentence ("sent reinforcements and killed five militants")."""
    if event.event_type != "Strategic developments" or event.fatalities is None:
        return None
    own = (event.fatalities.text.start, event.fatalities.text.end)
    for other in events:
        fig = other.fatalities
        if other is not event and fig is not None and other.event_type != "Strategic developments" and (
            (fig.text.start, fig.text.end) == own
        ):
            return True
    return None


@rule(
    "events.fatalities.no_toll_of_a_calm_protest",
    decides="event.fatalities",
    positive=[
        Example(
            "Traders marched in Kano on Monday to mourn two colleagues killed in a police raid.",
            {"event.sub_event_type": "Peaceful protest", "event.fatalities": None},
        )
    ],
    negative=[
        Example(
            "Police shot dead two protesters in Kano on Monday.",
            {"event.sub_event_type": "Excessive force against protesters", "event.fatalities.value": 2},
        )
    ],
)
def no_toll_of_a_calm_protest(event: Event) -> bool | None:
    """A peaceful protest, or one the police broke up, killed nobody: ACLED codes a protest where people died as
    excessive force or a violent demonstration. The dead its report names ("protested after police killed a
    trader") died in the act the crowd protests; the figure stays among the event's figures."""
    calm = event.sub_event_type in ("Peaceful protest", "Protest with intervention")
    return True if calm and event.fatalities is not None else None


def _without_borrowed_tolls(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for e in events:
        if toll_of_the_violence(e, events):
            provenance = tuple(d for d in e.provenance if d.field != "fatalities")
            e = e.model_copy(update={"fatalities": None, "provenance": provenance})
        elif no_toll_of_a_calm_protest(e) and e.fatalities is not None:
            provenance = (*(d for d in e.provenance if d.field != "fatalities"),
                          Decision(field="fatalities", rule=no_toll_of_a_calm_protest.name))
            e = e.model_copy(update={"fatalities": None, "figures": (e.fatalities, *e.figures),
                                     "provenance": tuple(sorted(provenance, key=lambda d: d.field))})
        out.append(e)
    return out


def with_lead_attack_toll(draft: Draft, events: list[Event], index: FigureIndex | None = None) -> list[Event]:
    """The events, the lead attack given a higher total its toll is carried up to in a sentence of its own
    (:func:`loose_updated_toll`), else its loose toll (:func:`lead_attack_toll`) when it has none; a strategic
    development loses a toll a violent event of the report holds (:func:`toll_of_the_violence`).

    ``index``: the document's :class:`FigureIndex`, if one is made already."""
    if not events:
        return events
    events = _without_borrowed_tolls(events)
    index = index if index is not None else FigureIndex(draft)
    fig, rule_name = loose_updated_toll(draft, events, index), loose_updated_toll.name
    if fig is None:
        fig, rule_name = lead_attack_toll(draft, events, index), lead_attack_toll.name
    if fig is None:
        fig, rule_name = toll_of_a_told_part(events), toll_of_a_told_part.name
    if fig is None:
        development = toll_of_a_development(events)
        if development is None or development.fatalities is None:
            return events
        fig, rule_name = development.fatalities, toll_of_a_development.name
        provenance = tuple(d for d in development.provenance if d.field != "fatalities")
        moved = development.model_copy(update={"fatalities": None, "provenance": provenance})
        events = [moved if e is development else e for e in events]
    lead = max(events, key=lambda e: e.confidence)
    rest = tuple(f for f in lead.figures if (f.text.start, f.text.end) != (fig.text.start, fig.text.end))
    if lead.fatalities is not None and lead.fatalities.text != fig.text:
        rest = (*rest, lead.fatalities)  # the count an update supersedes stays among the event's figures
    provenance = (*(d for d in lead.provenance if d.field != "fatalities"),
                  Decision.of("fatalities", rule_name))
    updated = lead.model_copy(update={"fatalities": fig, "figures": rest,
                                      "provenance": tuple(sorted(provenance, key=lambda d: d.field))})
    return [updated if e is lead else e for e in events]
