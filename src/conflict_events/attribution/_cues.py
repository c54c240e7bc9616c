"""The reporting-cue lexicon: verbs, nouns and phrases that attribute an assertion, and hedging words.

Each verb lemma says what content it takes: a clause ("said that ...", "claims
Russia lost ..."), a noun phrase ("confirmed the attack", "denied Russia's claim",
"blamed the rebels"), or either. Cognition verbs ("believe", "fear") are left out:
they report a state of mind, not an assertion someone made.

>>> REPORTING_VERBS["say"].content, REPORTING_VERBS["deny"].negates, REPORTING_VERBS["suggest"].hedges
('clause', True, True)
>>> "according to" in PHRASE_CUES
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "DISTANCING",
    "HEDGE_ADVERBS",
    "HEDGE_GOVERNORS",
    "INTENT_VERBS",
    "PHRASE_CUES",
    "REPORTING_NOUNS",
    "REPORTING_VERBS",
    "SPEAKER_NOUNS",
    "THREAT_VERBS",
    "TOLL_VERBS",
    "Cue",
]

Content = Literal["clause", "object", "either"]


@dataclass(frozen=True)
class Cue:
    """How a reporting verb behaves: what content it takes, and whether it hedges or negates."""

    content: Content = "clause"
    hedges: bool = False
    negates: bool = False


_C = Cue()
_E = Cue("either")
_O = Cue("object")

REPORTING_VERBS: Final[dict[str, Cue]] = {
    "say": _C,
    "tell": _C,
    "add": _C,
    "state": _C,
    "announce": _C,
    "report": _E,
    "claim": _E,
    "confirm": _E,
    "deny": Cue("either", negates=True),
    "insist": _C,
    "write": _C,
    "post": _C,
    "tweet": _C,
    "explain": _C,
    "note": _C,
    "warn": _C,
    "accuse": _O,
    "blame": _O,
    "allege": Cue("clause", hedges=True),
    "suggest": Cue("clause", hedges=True),
    "indicate": _C,
    "acknowledge": _E,
    "admit": _E,
    "assert": _C,
    "declare": _C,
    "estimate": _C,
    "echo": _O,
    "repeat": _C,
    "reiterate": _E,
    "vow": _E,
    "promise": _E,
    "pledge": _E,
    "threaten": _E,
    "argue": _C,
    "contend": _C,
    "maintain": _C,
    "stress": _C,
    "emphasise": _C,
    "emphasize": _C,
    "disclose": _C,
    "reveal": _C,
    "testify": _C,
    "recount": _C,
    "recall": _C,
    "publish": _O,
    "inform": _C,
    "brief": _C,
    "predict": _C,
    "dispute": Cue("object", negates=True),
    "respond": _C,
    "reply": _C,
    "complain": _C,
    "charge": _C,
    "speculate": Cue("clause", hedges=True),
    "concede": _C,
    "tell_reporter": _C,
    "quote": _C,
    "reject": Cue("object", negates=True),
    "refute": Cue("object", negates=True),
    "dismiss": Cue("object", negates=True),
    "describe": _O,
    "condemn": _O,
    "decry": _O,
    "imply": Cue("clause", hedges=True),
    "hint": Cue("clause", hedges=True),
    "observe": _C,
    "remark": _C,
    "mention": _C,
    "document": _O,
    "record": _O,
    "verify": _E,
    "put": _O,
    "place": _O,
}

# Verbs that only count as cues with a noun object when the object is itself a report or a toll.
TOLL_VERBS: Final = frozenset({"put", "place"})
# Verbs whose bare object is no assertion ("published a video"): they count only with a clause.
WEAK_OBJECT_VERBS: Final = frozenset({"describe", "publish", "document", "record", "post", "verify"})

# Nouns that carry an assertion: "in a statement", "the ministry's claim that ...".
REPORTING_NOUNS: Final = frozenset(
    {
        "statement",
        "claim",
        "report",
        "announcement",
        "assertion",
        "allegation",
        "accusation",
        "estimate",
        "tally",
        "count",
        "toll",
        "post",
        "tweet",
        "briefing",
        "communique",
        "comment",
        "remark",
    }
)

PHRASE_CUES: Final = ("according to", "citing", "quoted by", "in the words of", "cited by")

HEDGE_ADVERBS: Final = frozenset(
    {
        "reportedly",
        "allegedly",
        "apparently",
        "purportedly",
        "supposedly",
        "ostensibly",
        "seemingly",
    }
)
HEDGE_GOVERNORS: Final = frozenset({"appear", "seem"})
# The report distancing itself from the claimant.
DISTANCING: Final = (
    "without evidence",
    "without providing evidence",
    "without offering evidence",
    "without providing any evidence",
    "could not be independently verified",
    "could not independently verify",
    "could not be verified",
    "unverified",
    "unconfirmed",
    "without citing evidence",
    "without giving evidence",
    "provided no evidence",
    "offered no evidence",
    "gave no evidence",
    "did not provide evidence",
    "did not provide any evidence",
    "presented no evidence",
    "no evidence to support",
)

THREAT_VERBS: Final = frozenset({"threaten", "warn"})
INTENT_VERBS: Final = frozenset({"vow", "promise", "pledge"})

# Unnamed people who speak as sources ("witnesses said", "a local told AFP").
ANONYMOUS_SOURCES: Final = frozenset(
    {
        "source",
        "sources",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "local",
        "locals",
        "official",
        "officials",
        "villager",
        "villagers",
        "survivor",
        "survivors",
        "doctor",
        "doctors",
        "medic",
        "medics",
    }
)

# Common nouns that can speak: a subject headed by one of these is a claimant.
SPEAKER_NOUNS: Final = ANONYMOUS_SOURCES | frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "ministry",
        "president",
        "prime",
        "governor",
        "mayor",
        "commander",
        "general",
        "chief",
        "head",
        "leader",
        "police",
        "army",
        "military",
        "government",
        "authority",
        "authorities",
        "agency",
        "monitor",
        "observatory",
        "group",
        "rebels",
        "rebel",
        "militants",
        "insurgents",
        "jihadists",
        "movement",
        "organisation",
        "organization",
        "office",
        "council",
        "command",
        "staff",
        "service",
        "department",
        "administration",
        "committee",
        "coalition",
        "alliance",
        "force",
        "forces",
        "media",
        "channel",
        "outlet",
        "newspaper",
        "statement",
        "report",
        "diplomat",
        "diplomats",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "activist",
        "activists",
        "doctor",
        "doctors",
        "medic",
        "medics",
        "hospital",
        "ngo",
        "charity",
        "un",
        "spokesmen",
        "envoy",
        "ambassador",
        "lawmaker",
        "senator",
        "colonel",
        "officer",
        "officers",
        "kremlin",
        "pentagon",
        "presidency",
        "secretary",
        "director",
        "representative",
        "member",
        "members",
        "team",
        "mission",
        "regime",
        "junta",
        "militia",
        "fighters",
        "people",
        "man",
        "woman",
        "farmer",
        "father",
        "mother",
        "relative",
        "teacher",
        "student",
        "journalist",
        "reporter",
        "correspondent",
        "chairman",
        "party",
        "parliament",
        "tribune",
        "body",
        "bureau",
        "directorate",
        "headquarters",
    }
)
