"""Attribution's word lists, read once from the lexicon store into one typed, frozen object.

The claims extractor builds it in its ``__init__`` from ``reporting.toml``, ``speakers.toml``
and ``claim_kinds.toml`` (extended by the step's ``lexicon_files``) and hands it to every
function of this package: no module here keeps a copy of a word list.

>>> lex = AttributionLexicon.load()
>>> lex.frame("say").content, lex.frame("deny").negates, lex.frame("suggest").hedges
('clause', True, True)
>>> "witnesses" in lex.speaker_nouns, lex.misread_forms["claims"]
(True, 'claim')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from ..errors import LexiconError
from ..lexicons import Lexicon, lexicon_with

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ATTITUDES", "Attitude", "AttributionLexicon", "Content", "Frame"]

Content = Literal["clause", "object", "either"]
_CONTENTS: tuple[Content, ...] = ("clause", "object", "either")
Attitude = Literal["denial", "demand", "intention", "belief", "statement"]
ATTITUDES: tuple[Attitude, ...] = ("denial", "demand", "intention", "belief", "statement")
"""The attitudes a cue gives its source, in the order a lemma in several lists takes the first."""


@dataclass(frozen=True)
class Frame:
    """How a cue verb behaves: what content it takes, and whether it hedges or negates."""

    content: Content = "clause"
    hedges: bool = False
    negates: bool = False


_PLAIN = Frame()


@dataclass(frozen=True)
class AttributionLexicon:
    """Every word list attribution reads, by role (see the TOML files for what each holds)."""

    verbs: frozenset[str]
    cue_verbs: frozenset[str]
    quotation_verbs: frozenset[str]
    candidate_lemmas: frozenset[str]  # the lemmas a cue may have, every list above in one set
    cue_nouns: frozenset[str]
    attitude_adjectives: frozenset[str]
    clarity_verbs: frozenset[str]
    clarity_adjectives: frozenset[str]
    survey_nouns: frozenset[str]
    linking_verbs: frozenset[str]
    attitudes: Mapping[str, Attitude]
    frames: Mapping[str, Frame]
    misread_forms: Mapping[str, str]
    lemma_forms: Mapping[str, str]  # word forms the model lemmatises wrongly ("hoped" -> "hop"), to their lemma
    reporting_nouns: frozenset[str]
    toll_verbs: frozenset[str]
    toll_nouns: frozenset[str]
    weak_object_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    idioms: Mapping[str, frozenset[str]]  # cue lemma -> objects that make it say nothing ("claimed 12 lives")
    said_objects: frozenset[str]
    need_verbs: frozenset[str]  # a plain noun phrase object states a need: "would require cash"
    summary_nouns: frozenset[str]
    content_prepositions: frozenset[str]
    colon_labels: frozenset[str]
    sourceless_passives: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_governors: frozenset[str]
    distancing: tuple[str, ...]
    threat_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    concessive: frozenset[str]
    # speakers.toml
    anonymous: frozenset[str]
    speaker_nouns: frozenset[str]
    mute: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    partitives: frozenset[str]
    quantifier_speakers: frozenset[str]
    negative_quantifiers: frozenset[str]
    speaker_entities: frozenset[str]
    international: frozenset[str]
    government_roles: frozenset[str]
    force_heads: frozenset[str]
    police_heads: frozenset[str]
    organisation_hints: frozenset[str]
    body_words: frozenset[str]
    roles: frozenset[str]
    spokespersons: frozenset[str]
    civil_descriptors: frozenset[str]
    offices: frozenset[str]
    person_pronouns: frozenset[str]
    organisation_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    organisation_nouns: frozenset[str]
    person_roles: frozenset[str]
    people_endings: tuple[str, ...]
    female_words: frozenset[str]
    male_words: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    given_names: frozenset[str]
    anonymous_nouns: frozenset[str]
    documents: frozenset[str]
    message_nouns: frozenset[str]
    receiving_verbs: frozenset[str]
    synonyms: Mapping[str, tuple[str, ...]]
    # claim_kinds.toml
    casualty_nouns: frozenset[str]
    casualty_words: frozenset[str]
    equipment_loss: frozenset[str]
    threat_words: frozenset[str]
    territory_verbs: frozenset[str]
    place_nouns: frozenset[str]
    event_words: frozenset[str]
    future: frozenset[str]
    aggregate: re.Pattern[str]

    def frame(self, lemma: str) -> Frame:
        """The frame of a cue verb (the plain clause frame when its table gives none)."""
        return self.frames.get(lemma, _PLAIN)

    def lemma_of(self, t: Token) -> str:
        """A cue token's lemma, lower-cased: the model's, unless ``[lemma_forms]`` corrects it ("hoped": hope)."""
        return self.lemma_forms.get(t.lower_) or t.lemma_.lower()

    def names_people(self, lemma: str) -> bool:
        """Whether a noun's ending is one of people ("voters", "analysts"), not of things ("comments")."""
        return lemma.endswith(self.people_endings) and not lemma.endswith(("ment", "tion", "ness"))

    def attitude(self, lemma: str) -> Attitude:
        """The attitude a cue verb gives its source to the content: a statement unless a list says otherwise."""
        return self.attitudes.get(lemma, "statement")

    @classmethod
    def load(cls, files: Iterable[str | Path] = ()) -> AttributionLexicon:
        """The packaged lexicons extended by the user's ``files`` (a step's ``lexicon_files``)."""
        key = tuple(str(f) for f in files)
        return _load(key)


@cache
def _load(files: tuple[str, ...]) -> AttributionLexicon:
    reporting = lexicon_with("reporting", files)
    speakers = lexicon_with("speakers", files)
    kinds = lexicon_with("claim_kinds", files)
    verbs = reporting.words("verbs")
    by_attitude = {a: reporting.words(f"{a}_cues") for a in ATTITUDES}
    cue_verbs = verbs.union(*by_attitude.values())
    attitudes: dict[str, Attitude] = {}
    for a in ATTITUDES:  # the first list that names a lemma decides ("warn": a demand, not a statement)
        for lemma in by_attitude[a]:
            attitudes.setdefault(lemma, a)
    nouns = _attitude_table(reporting, "cue_nouns")
    quotation_verbs = reporting.words("quotation_verbs") - cue_verbs
    for noun, a in nouns.items():
        attitudes.setdefault(noun, a)
    adjectives = _attitude_table(reporting, "attitude_adjectives")
    for adjective, a in adjectives.items():
        attitudes.setdefault(adjective, a)
    return AttributionLexicon(
        verbs=verbs,
        cue_verbs=cue_verbs,
        quotation_verbs=quotation_verbs,
        candidate_lemmas=cue_verbs.union(
            quotation_verbs,
            nouns,
            adjectives,
            reporting.words("clarity_verbs"),
            reporting.words("sourceless_passives"),
            reporting.words("hedge_governors"),
        ),
        cue_nouns=frozenset(nouns),
        attitude_adjectives=frozenset(adjectives),
        clarity_verbs=reporting.words("clarity_verbs"),
        clarity_adjectives=reporting.words("clarity_adjectives"),
        survey_nouns=reporting.words("survey_nouns"),
        linking_verbs=reporting.words("linking_verbs"),
        attitudes={k: v for k, v in attitudes.items() if v != "statement"},
        frames={lemma: _frame(reporting, lemma) for lemma in cue_verbs},
        misread_forms=_str_table(reporting, "misread_forms"),
        lemma_forms=_str_table(reporting, "lemma_forms"),
        reporting_nouns=reporting.words("report_nouns"),
        toll_verbs=reporting.words("toll_verbs"),
        toll_nouns=reporting.words("toll_nouns"),
        weak_object_verbs=reporting.words("weak_object_verbs"),
        addressee_verbs=reporting.words("addressee_verbs"),
        idioms={k: frozenset(v) for k, v in _str_lists(reporting, "idioms").items()},
        said_objects=reporting.words("said_objects"),
        need_verbs=reporting.words("need_verbs"),
        summary_nouns=reporting.words("summary_nouns"),
        content_prepositions=reporting.words("content_prepositions"),
        colon_labels=reporting.words("colon_labels"),
        sourceless_passives=reporting.words("sourceless_passives"),
        hedge_adverbs=reporting.words("hedge_adverbs"),
        hedge_governors=reporting.words("hedge_governors"),
        distancing=tuple(sorted(reporting.words("distancing"))),
        threat_verbs=reporting.words("threat_verbs"),
        intent_verbs=reporting.words("intent_verbs"),
        concessive=reporting.words("concessive"),
        anonymous=speakers.words("anonymous"),
        speaker_nouns=speakers.words("anonymous") | speakers.words("nouns"),
        mute=speakers.words("mute"),
        pronouns=speakers.words("pronouns"),
        object_pronouns=speakers.words("object_pronouns"),
        partitives=speakers.words("partitives"),
        quantifier_speakers=speakers.words("quantifier_speakers"),
        negative_quantifiers=speakers.words("negative_quantifiers"),
        speaker_entities=speakers.words("speaker_entities"),
        international=speakers.words("international"),
        government_roles=speakers.words("government_roles"),
        force_heads=speakers.words("force_heads"),
        police_heads=speakers.words("police_heads"),
        organisation_hints=speakers.words("organisation_hints"),
        body_words=speakers.words("force_heads")
        | speakers.words("police_heads")
        | speakers.words("organisation_hints")
        | speakers.words("bodies"),
        roles=speakers.words("roles"),
        spokespersons=speakers.words("spokespersons"),
        civil_descriptors=speakers.words("civil_descriptors"),
        offices=speakers.words("offices"),
        person_pronouns=speakers.words("person_pronouns"),
        organisation_pronouns=speakers.words("organisation_pronouns"),
        group_pronouns=speakers.words("group_pronouns"),
        organisation_nouns=speakers.words("organisation_nouns"),
        person_roles=speakers.words("person_roles"),
        people_endings=tuple(sorted(speakers.words("people_endings"))),
        female_words=speakers.words("female_words"),
        male_words=speakers.words("male_words"),
        female_names=speakers.words("female_names"),
        male_names=speakers.words("male_names"),
        given_names=speakers.words("female_names") | speakers.words("male_names"),
        anonymous_nouns=speakers.words("anonymous_nouns"),
        documents=speakers.words("documents"),
        message_nouns=speakers.words("message_nouns"),
        receiving_verbs=speakers.words("receiving_verbs"),
        synonyms={k: tuple(v) for k, v in _str_lists(speakers, "synonyms").items()},
        casualty_nouns=kinds.words("casualty_nouns"),
        casualty_words=kinds.words("casualty_words"),
        equipment_loss=kinds.words("equipment_loss"),
        threat_words=kinds.words("threat_words"),
        territory_verbs=kinds.words("territory_verbs"),
        place_nouns=kinds.words("place_nouns"),
        event_words=kinds.words("event_words"),
        future=kinds.words("future"),
        aggregate=_patterns(kinds, "aggregate_patterns"),
    )


def _frame(lex: Lexicon, lemma: str) -> Frame:
    entry: Any = lex.table("frames").get(lemma, {})
    if not isinstance(entry, Mapping):
        raise LexiconError(f"frames.{lemma} must be a table", source=", ".join(lex.sources))
    content = entry.get("content", "clause")
    if content not in _CONTENTS:
        raise LexiconError(
            f"frames.{lemma}.content must be one of {_CONTENTS}, not {content!r}", source=", ".join(lex.sources)
        )
    return Frame(content, bool(entry.get("hedges", False)), bool(entry.get("negates", False)))


def _str_table(lex: Lexicon, name: str) -> dict[str, str]:
    table = lex.table(name)
    if not all(isinstance(v, str) for v in table.values()):
        raise LexiconError(f"[{name}] must map words to words", source=", ".join(lex.sources))
    return {str(k): str(v) for k, v in table.items()}


def _attitude_table(lex: Lexicon, name: str) -> dict[str, Attitude]:
    table = _str_table(lex, name)
    bad = sorted(k for k, v in table.items() if v not in ATTITUDES)
    if bad:
        raise LexiconError(
            f"[{name}] attitudes must be one of {ATTITUDES}: {', '.join(bad)}", source=", ".join(lex.sources)
        )
    return {k: cast(Attitude, v) for k, v in table.items()}


def _str_lists(lex: Lexicon, name: str) -> dict[str, list[str]]:
    table = lex.table(name)
    if not all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in table.values()):
        raise LexiconError(f"[{name}] must map words to lists of words", source=", ".join(lex.sources))
    return {str(k): list(v) for k, v in table.items()}


def _patterns(lex: Lexicon, name: str) -> re.Pattern[str]:
    words = sorted(lex.words(name))
    try:
        return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
    except re.error as err:
        raise LexiconError(f"{name}: not a regular expression: {err}", source=", ".join(lex.sources)) from err
