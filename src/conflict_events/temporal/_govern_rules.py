"""The governing-time rules: which time dates an event trigger or a claim, in the order they are tried.

Each rule takes the :class:`~._govern_facts.Situation` of a span (its sentence's times
sorted into steps) and returns the candidates of its step, best first, or ``None`` when
it has none; the first rule with candidates decides (``rules.first``), and
``time.governs.anchor`` dates what nothing else does.
"""

from __future__ import annotations

from typing import Final, cast

from ..rules import Example, rule
from ._govern_facts import Candidate, Situation, Step

__all__ = ["GOVERNING_RULES", "STEP_OF"]


def _of(s: Situation, step: Step) -> list[Candidate] | None:
    found = s.found.get(step)
    return sorted(found) if found else None


@rule(
    "time.governs.inside",
    decides="event.date",
    positive=[
        Example(
            "Militants have killed more than 300 civilians since their offensive began in April.",
            {"event.date.start": "2023-04-01", "event.date.end": "2023-04-30"},
        )
    ],
    negative=[
        Example(
            "Militants killed more than 300 civilians in an offensive in April.", {"event.date.start": "2023-04-01"}
        )
    ],
)
def inside(s: Situation) -> list[Candidate] | None:
    """A span inside a range is dated by the range's bound nearest it ('since the *offensive* began in August')."""
    return _of(s, "inside")


@rule(
    "time.governs.clause",
    decides="event.date",
    positive=[
        Example(
            "Gunmen killed 12 villagers in Katsina on Thursday, police said on Friday.",
            {"event.date.start": "2024-03-14", "event.date.end": "2024-03-14"},
        )
    ],
    negative=[
        Example(
            "Police said on Thursday that gunmen had killed 12 villagers in Katsina.",
            {"event.date.start": "2024-03-14"},
        )
    ],
)
def clause(s: Situation) -> list[Candidate] | None:
    """A time inside the span or on the span's own clause dates it (nearest in the parse first)."""
    return _of(s, "clause")


@rule(
    "time.governs.relation",
    decides="event.date",
    positive=[
        Example(
            "Militia fighters burned a market on Sunday. The arson came two days after soldiers raided their camp.",
            {"event.date.start": "2024-03-08"},
        )
    ],
    negative=[
        Example(
            "Militia fighters burned a market on Sunday. Soldiers had raided their camp on Thursday.",
            {"event.date.start": "2024-03-14"},
        )
    ],
)
def relation(s: Situation) -> list[Candidate] | None:
    """'X came a day after Y': Y is the day before the reference, X the reference itself."""
    return _of(s, "relation")


@rule(
    "time.governs.governor",
    decides="event.date",
    positive=[
        Example(
            "The army launched an offensive on Saturday after rebels ambushed a convoy.",
            {"event.date.start": "2024-03-09"},
        )
    ],
    negative=[
        Example(
            "The army launched an offensive after rebels ambushed a convoy on Saturday.",
            {"event.date.start": "2024-03-09"},
        )
    ],
)
def governor(s: Situation) -> list[Candidate] | None:
    """A time of a clause that governs the span's clause dates it, the nearest clause first."""
    return _of(s, "governor")


@rule(
    "time.governs.reporting",
    decides="event.date",
    positive=[
        Example(
            "The army said on Saturday that rebels ambushed a convoy near Goma.", {"event.date.start": "2024-03-09"}
        )
    ],
    negative=[
        Example(
            "The army said on Saturday that rebels ambushed a convoy near Goma on Thursday.",
            {"event.date.start": "2024-03-14"},
        )
    ],
)
def reporting(s: Situation) -> list[Candidate] | None:
    """A governing reporting verb's time dates the saying: only a weak sign of when the reported event was."""
    return _of(s, "reporting")


@rule(
    "time.governs.sentence",
    decides="event.date",
    positive=[
        Example(
            "Troops clashed with rebels near the town after militants ambushed a patrol on March 9.",
            {"event.date.start": "2024-03-09"},
        )
    ],
    negative=[
        Example(
            "Troops clashed with rebels near the town on March 9 after militants ambushed a patrol.",
            {"event.date.start": "2024-03-09"},
        )
    ],
)
def sentence(s: Situation) -> list[Candidate] | None:
    """Another time of the sentence dates the span, unless a relative clause or another event noun owns it."""
    return _of(s, "sentence")


@rule(
    "time.governs.side",
    decides="event.date",
    positive=[
        Example(
            "Police detained 20 men suspected of ties to the militia in Baidoa on Tuesday.",
            {"event.date.start": "2024-03-12"},
        )
    ],
    negative=[Example("Police detained 20 men in Baidoa on Tuesday.", {"event.date.start": "2024-03-12"})],
)
def side(s: Situation) -> list[Candidate] | None:
    """The sentence's one exact day dates the span even when the parse hangs it on a side phrase."""
    return s.side or None


@rule(
    "time.governs.dateline",
    decides="event.date",
    positive=[
        Example(
            "MAIDUGURI, March 12: Gunmen killed nine people in a village, police said.",
            {"event.date.start": "2024-03-12"},
        )
    ],
    negative=[
        Example(
            "MAIDUGURI, March 12: Gunmen killed nine people in a village on Sunday.", {"event.date.start": "2024-03-10"}
        )
    ],
)
def dateline(s: Situation) -> list[Candidate] | None:
    """A dateline's date ('KANO, March 12:') dates the report: it yields to every time of the sentence itself."""
    return _of(s, "dateline")


@rule(
    "time.governs.context",
    decides="event.date",
    positive=[
        Example(
            "Rebels overran an army post on Saturday. They looted weapons and fuel, a local official said.",
            {"event.date.start": "2024-03-09"},
        )
    ],
    negative=[
        Example(
            "Rebels overran an army post on Saturday. They looted weapons and fuel on Sunday.",
            {"event.date.start": "2024-03-10"},
        )
    ],
)
def context(s: Situation) -> list[Candidate] | None:
    """An undated sentence continues the one before it, when that one dates its own event with a day or week."""
    return s.context_times or None


@rule(
    "time.governs.weak",
    decides="event.date",
    positive=[Example("Troops are now fighting rebels near the town.", {"event.date.start": "2024-03-15"})],
    negative=[Example("Troops fought rebels near the town on Monday.", {"event.date.start": "2024-03-11"})],
)
def weak(s: Situation) -> list[Candidate] | None:
    """Durations and 'now' say little about when: they date the span only when nothing else does."""
    return _of(s, "weak")


@rule(
    "time.governs.lead",
    decides="event.date",
    positive=[
        Example(
            "Bandits killed nine farmers in Katsina state on Tuesday, officials said.\n"
            "Families fled to the district headquarters. Traders closed their shops. Schools stayed shut.\n"
            "The bandits also looted hundreds of cattle.",
            {"event.date.start": "2024-03-12"},
        )
    ],
    negative=[
        Example(
            "Bandits killed nine farmers in Katsina state on Tuesday, officials said.\n"
            "Families fled to the district headquarters. Traders closed their shops. Schools stayed shut.\n"
            "The bandits also looted hundreds of cattle on Wednesday.",
            {"event.date.start": "2024-03-13"},
        )
    ],
)
def lead(s: Situation) -> list[Candidate] | None:
    """An article's first paragraph dates its main event: a later undated event takes that day or week."""
    return s.lead_times or None


GOVERNING_RULES: Final = (inside, clause, relation, governor, reporting, sentence, side, dateline, context, weak, lead)
STEP_OF: Final[dict[str, Step]] = {r.name: cast("Step", r.name.rsplit(".", 1)[1]) for r in GOVERNING_RULES}
