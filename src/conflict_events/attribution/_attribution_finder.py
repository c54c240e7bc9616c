"""Finding reported assertions: the cue, the speaker phrase and the content, on the dependency parse.

Each candidate token goes through the cue rules (:mod:`._cue_rules`) in order; the first that
applies names the cue and its shape, whose source rules (:mod:`._source_rules`) and content rules
(:mod:`._content_rules`) find the speaker and what is said. Four shapes (``docs/claims.md``):

1. a reporting verb with a speaker subject and a content clause or object:
   "The ministry said its soldiers killed 340 ...", "Residents blamed the rebels",
   "X killed 15 civilians, a monitor said" (content fronted); a participle or conjunct
   inherits the speaker of the verb it hangs on ("..., adding that no guards were hurt");
2. a passive cue with an agent: "a claim denied by Islamabad";
3. "according to X" before or after its content;
4. a third-person reporting verb the model read as a noun ("The military claims that ...").

Direct quotations then take the speaker of the cue beside them (:mod:`._quote_rules`). Every
attribution names the rules that decided its cue, source and content.

>>> from conflict_events.nlp import load_language_model
>>> text = "Five gunmen were killed, according to police. The army said it repelled the attack."
>>> doc = load_language_model()(text)
>>> found = find_attributions(doc)
>>> [(a.cue, doc[a.speaker[0]:a.speaker[1]].text, doc.text[a.content[0]:a.content[1]]) for a in found]
[('according to', 'police', 'Five gunmen were killed'), ('say', 'army', 'it repelled the attack')]
>>> found[1].cue_rule, found[1].source_rule, found[1].content_rule
('claims.cue.reporting_verb', 'claims.source.subject', 'claims.content.clause')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from .._doccache import doc_text
from .._docindex import kids, lemmas, lowers, sentence_at, starts
from .._spanindex import SpanIndex
from .._textscan import dateline_end
from ..rules import Decided, Example, Rule, first, rule
from ._attribution_lexicon import AttributionLexicon, Frame
from ._attribution_record import Attribution
from ._content_rules import VERB_CONTENT
from ._cue_rules import (
    according_to,
    addressed_by,
    addressed_content,
    attitude_adjective,
    beside_quotation,
    colon_after_name,
    headline_source,
    headline_speaker,
    in_survey,
    is_question,
    linked_adjective,
    made_clear,
    made_clear_adjective,
    misread_verb,
    passive_report,
    passive_unattributed,
    reporting_noun,
    reporting_verb,
    seeming,
    survey_of,
)
from ._flag_rules import (
    appears_to,
    content_adverb,
    cue_adverb,
    denying_cue,
    distancing,
    hedged_by,
    hedging_cue,
    negated_by,
    negated_content,
)
from ._quote_rules import attach_quotations
from ._quotes import Quotation, find_quotations, quoted_chars
from ._source_rules import (
    after_quotation,
    agent,
    can_speak,
    document_speaker,
    inherited,
    inverted_after,
    named_in_apposition,
    nominal_subject,
    partitive,
    quoted_person,
    relative_clause_head,
    set_off_subject,
    speaker_in_apposition,
    speaker_of,
    speaker_range,
    subject,
    trailing_speaker,
)
from ._tree import trim, trim_chars

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Attribution", "find_attributions"]

_PLAIN: Final = Frame()
_CLAUSE_RULES: Final = frozenset({"claims.content.fronted", "claims.content.clause"})
# the speaker rules whose phrase may be any noun phrase ("the airline said", "a non-profit that advocates",
# "the campaign released a statement saying")
_NOMINAL: Final = frozenset(
    {"claims.source.subject", "claims.source.relative_clause_head", "claims.source.partitive", "claims.source.sender"}
)


def find_attributions(
    doc: Doc, quotations: list[Quotation] | None = None, lexicon: AttributionLexicon | None = None
) -> list[Attribution]:
    """Every reported assertion in a parsed document, in text order (``lexicon``: the packaged one by default)."""
    lex = lexicon or AttributionLexicon.load()
    text = doc_text(doc)
    quotes = find_quotations(text) if quotations is None else quotations
    out: list[Attribution] = []
    at = starts(doc)
    quoted = quoted_chars(len(text), quotes)
    for i in _cue_candidates(doc, lex):
        if quoted[at[i]]:
            continue  # reporting inside a quotation is the speaker's own narration, not a new claim
        t = doc[i]
        sent = sentence_at(doc, i)
        for cue_rule, build in _SHAPES:
            name = cue_rule(t, sent, lex)
            if name is not None:
                found = build(t, sent, lex, name)
                out.extend(_clip(text, replace(a, cue_rule=cue_rule.name)) for a in found)
                break
    out = [
        a
        for a in out
        if not inside_report(a, out, lex, doc) and not nobody_speaks(a, lex, doc) and not idiom(a, lex, doc)
    ]
    out = _said_stances(out, lex, doc)
    out = _ran_on_all(out, lex, text)
    out = attach_quotations(doc, out, quotes)
    out = [_relayed(a, out, doc) for a in out]
    return sorted(out, key=lambda a: (a.content[0], a.cue_token))


@rule(
    "claims.content.relayed",
    decides="claim.text",
    positive=[
        Example(
            "“The town has fallen. We are pulling back to the river,” the governor said, according to the BBC.",
            {
                "claim.cue": "according to",
                "claim.text.text": "The town has fallen. We are pulling back to the river,” the governor said",
            },
        )
    ],
    negative=[
        Example(
            "The town fell on Sunday, the governor said. Twelve people died, according to the BBC.",
            {"claim.cue": "according to", "claim.text.text": "Twelve people died"},
        )
    ],
)
def relayed(a: Attribution, found: list[Attribution], doc: Doc) -> tuple[int, int] | None:
    """ "“...,” X said, according to Y": Y relays X's whole statement, so Y's content is all X said and X's
    saying it (the "according to" phrase hangs on the verb of saying; its clause alone holds only the
    quotation's last sentence)."""
    if a.cue != "according to":
        return None
    verb = doc[a.cue_token].head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    said = [o for o in found if o is not a and o.cue_token == verb.i and o.cue != "according to"]
    if not said or (said[0].content[0] >= a.content[0] and said[0].content[1] <= a.content[1]):
        return None
    return (min(a.content[0], said[0].content[0]), max(a.content[1], said[0].content[1]))


def _relayed(a: Attribution, found: list[Attribution], doc: Doc) -> Attribution:
    content = relayed(a, found, doc)
    return a if content is None else replace(a, content=content, content_trim_rule=relayed.name)


@rule(
    "claims.cue.inside_report",
    decides="claim.cue",
    positive=[
        Example("The governor said the rebels want to retake the border post.", {"claims": 1, "claim.cue": "say"}),
        Example(
            "The governor declined to say whether the rebels had retaken the border post.",
            {"claims": 1, "claim.cue": "decline"},
        ),
    ],
    negative=[
        Example(
            "Ukraine's military said Russia claimed it had shot down 15 drones over Kharkiv.",
            {"claims": 2, "claim.cue": "claim"},
        )
    ],
)
def inside_report(a: Attribution, found: list[Attribution], lex: AttributionLexicon, doc: Doc) -> bool | None:
    """A cue of belief, intention or stance inside another claim's content is part of what is reported.

    "The governor said the rebels want to retake the post": the governor's claim, not the
    rebels' intention; a verb of saying there stays a claim of its own (nested attribution),
    unless it is the very act the other cue is about ("declined to say whether ...": one claim).
    """
    t = doc[a.cue_token]
    if t.dep_ == "xcomp" and any(o.cue_token == t.head.i and o.content != a.content for o in found):
        return True
    if (a.cue.split()[0] in lex.verbs or a.cue == "according to") and a.speaker is not None:
        return None
    cue = a.cue_span[0]
    inside = any(o is not a and o.cue_span != a.cue_span and o.content[0] <= cue < o.content[1] for o in found)
    return True if inside else None


def _said_stances(found: list[Attribution], lex: AttributionLexicon, doc: Doc) -> list[Attribution]:
    """Drop each stance a parenthetical cue of saying reports; that claim's content opens with the stance."""
    if not any(o.content_rule == "claims.content.parenthetical" for o in found):
        return found  # the usual case: nothing to look at, and no pass over the pairs
    said = [a for a in found if said_stance(a, found, lex, doc)]
    out = []
    for a in found:
        if any(a is b for b in said):
            continue
        stances = [b for b in said if _reports(a, b, lex)]
        if stances and a.speaker is not None:
            start = min(doc[b.speaker[0]].left_edge.idx if b.speaker else b.cue_span[0] for b in stances)
            a = replace(a, content=(min(start, a.content[0]), a.content[1]), content_trim_rule=said_stance.name)
        out.append(a)
    return out


def _reports(o: Attribution, a: Attribution, lex: AttributionLexicon) -> bool:
    """Whether ``o`` is a parenthetical cue of saying set inside stance ``a``'s content, in its sentence."""
    return (
        o.content_rule == "claims.content.parenthetical"
        and lex.attitude(o.cue.split()[0]) == "statement"
        and o.sentence == a.sentence
        and a.content[0] <= o.cue_span[0] < a.content[1]
    )


@rule(
    "claims.cue.said_stance",
    decides="claim.cue",
    positive=[
        Example(
            "The governor hoped, he said, that the curfew would end before the rains.",
            {
                "claims": 1,
                "claim.cue": "say",
                "claim.text.text": "The governor hoped, he said, that the curfew would end before the rains",
            },
        )
    ],
    negative=[
        Example(
            "The governor hoped that the curfew would end before the rains.",
            {"claims": 1, "claim.cue": "hope"},
        )
    ],
)
def said_stance(a: Attribution, found: list[Attribution], lex: AttributionLexicon, doc: Doc) -> bool | None:
    """A stance whose content holds a parenthetical cue of saying is what that cue reports.

    "He hoped, he said, that the paper would ...": he said he hoped so (PolNeAR's cue is "said",
    its content the sentence around it); the parser hangs "he said" inside the hoping's clause.
    """
    if lex.attitude(a.cue.split()[0]) == "statement":
        return None
    return True if any(o is not a and _reports(o, a, lex) for o in found) else None


# how far a stance cue may stand after the end of another claim's content to be what that content goes on to
_RUN_ON: Final = 80


def _ran_on_all(found: list[Attribution], lex: AttributionLexicon, text: str) -> list[Attribution]:
    """:func:`runs_on_stance` of each claim, asked of the claims whose cue starts within its reach only
    (in the list's order, as the rule reads them): a sentence of thousands of cues made each claim a
    scan of all the others."""
    cues = SpanIndex((a.cue_span[0], a.cue_span[1], a) for a in found)
    return [_ran_on(a, cues.starting_in(a.content[1], a.content[1] + _RUN_ON + 1), lex, text) for a in found]


def _ran_on(a: Attribution, found: list[Attribution], lex: AttributionLexicon, text: str) -> Attribution:
    end = runs_on_stance(a, found, lex, text)
    if end is None:
        return a
    return replace(a, content=(a.content[0], end), content_trim_rule=runs_on_stance.name)


@rule(
    "claims.content.runs_on_stance",
    decides="claim.text",
    positive=[
        Example(
            "The governor said that the curfew had worked well and wanted it extended to the border towns.",
            {
                "claim.cue": "say",
                "claim.text.text": "the curfew had worked well and wanted it extended to the border towns",
            },
        )
    ],
    negative=[
        Example(
            "The governor said that the curfew had worked well. The mayor wanted it extended to the border towns.",
            {"claim.cue": "say", "claim.text.text": "the curfew had worked well"},
        ),
        Example(
            "The governor insists the town must be rebuilt, and has pledged new funds for the market.",
            {"claim.cue": "insist", "claim.text.text": "the town must be rebuilt"},
        ),
    ],
)
def runs_on_stance(a: Attribution, found: list[Attribution], lex: AttributionLexicon, text: str) -> int | None:
    """A content the parser cut before a stance of the same sentence runs on over it (the new end).

    "She said she was tired of the old guard and wanted a candidate who ...": the parser hangs
    "wanted" on "said", so the content stops at "old guard"; what she said goes on over the
    wanting, which stays a claim of its own (PolNeAR pairs the content with the outer cue). Set off
    by a comma (", and has pledged funds") the stance is the speaker's next act, not the content's.
    """
    if a.quote or a.content[1] <= a.content[0] or a.cue_span[1] > a.content[0]:
        return None
    if a.source_rule == relative_clause_head.name and a.content_rule == adjective_complement.name:
        return None  # "voters who are wary of X may stay home": the clause ends where the sentence's own verb begins
    for b in found:
        if b is a or b.quote or b.sentence != a.sentence or lex.attitude(b.cue.split()[0]) == "statement":
            continue
        if a.content[1] <= b.cue_span[0] <= a.content[1] + _RUN_ON and b.content[0] >= b.cue_span[0]:
            gap = text[a.content[1] : b.cue_span[0]]
            return None if "," in gap or ";" in gap else max(a.content[1], b.content[1])
    return None


@rule(
    "claims.cue.nobody_speaks",
    decides="claim.cue",
    positive=[
        Example("No group has claimed responsibility for the ambush near Gao.", {"claims": 0}),
        Example("No armed group claimed the bombing of the market in Kidal.", {"claims": 0}),
        Example("No one has admitted to the killings in the camp.", {"claims": 0}),
        Example("The ambush near Gao has not been claimed by any group.", {"claims": 0}),
        Example("There was no immediate comment from the army on the raid near Gao.", {"claims": 0}),
    ],
    negative=[
        Example(
            "A local group has claimed responsibility for the ambush near Gao.",
            {"claims": 1, "claim.cue": "claim"},
        ),
        Example("The army said no soldiers were hurt in the ambush.", {"claims": 1, "claim.cue": "say"}),
        Example("No fewer than 30 witnesses said the soldiers fired first.", {"claims": 1, "claim.cue": "say"}),
    ],
)
def nobody_speaks(a: Attribution, lex: AttributionLexicon, doc: Doc) -> bool | None:
    """A cue whose subject is a negative quantifier ("no group", "nobody", "no one", a negated cue's "any
    group"), or a cue noun with one ("no comment from the army"), is no claim.

    "No group has claimed the attack" says that nobody claimed it: the publication's own
    statement, not an assertion of the group. Dropped rather than kept with no claimant and
    ``negated``: a user filtering claims by claimant would otherwise get a claimant "No group",
    and a claimant-less claim reads as an unnamed source asserting the content.
    """
    cue = doc[a.cue_token]
    negative = lex.negative_quantifiers
    if cue.pos_ == "NOUN" and any(_negative_determiner(c, negative) for c in kids(cue)):
        return True  # "There was no immediate comment from the army"
    if a.speaker_head is None:
        return None
    head = doc[a.speaker_head]
    if head.lower_ in negative or any(_negative_determiner(c, negative) for c in kids(head)):
        return True
    negated = a.negated or any(c.dep_ == "neg" for c in kids(cue))
    if negated and any(c.dep_ == "det" and c.lower_ == "any" for c in kids(head)):
        return True  # "The attack has not been claimed by any group"
    return None


@rule(
    "claims.cue.idiom",
    decides="claim.cue",
    positive=[
        Example("The fighting in Darfur has claimed more than 2,000 lives since April.", {"claims": 0}),
        Example(
            "A doctor who spoke on condition of anonymity said 14 bodies had reached the hospital.",
            {"claims": 1, "claim.cue": "say"},
        ),
        Example(
            "Two people were killed as gunmen opened fire in the market, with frightened traders calling radio "
            "stations since dawn pleading for help.",
            {"claims": 0},
        ),
        Example(
            "A resident who did not wish to be named said the gunmen came at dawn.",
            {"claims": 1, "claim.cue": "say"},
        ),
        Example("The governor's party accepted millions of dollars from foreign donors.", {"claims": 0}),
    ],
    negative=[
        Example("The rebels claimed the capture of two villages near Goma.", {"claims": 1, "claim.cue": "claim"}),
        Example(
            "The rebels will not accept a ceasefire drawn up in Addis Ababa.", {"claims": 1, "claim.cue": "accept"}
        ),
        Example(
            "The governor responded to the accusations of neglect on Monday.", {"claims": 1, "claim.cue": "respond"}
        ),
    ],
)
def idiom(a: Attribution, lex: AttributionLexicon, doc: Doc) -> bool | None:
    """A cue verb in an idiom that says nothing: "the war has claimed 2,000 lives", "spoke on condition of
    anonymity", "calling radio stations", "who did not wish to be named" (its object,
    its preposition's object or its infinitive one of the verb's words in ``reporting.idioms``)."""
    v = doc[a.cue_token]
    words = lex.idioms.get(v.lemma_.lower())
    if not words:
        return None
    for c in kids(v):
        heads = [k for k in kids(c) if k.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        if c.dep_ in ("dobj", "prep", "xcomp") and any(h.lemma_.lower() in words or h.lower_ in words for h in heads):
            return True
    return None


def _negative_determiner(c: Token, negative: frozenset[str]) -> bool:
    """ "no group", "no one": a negative determiner; "no fewer than 30 witnesses" is a number, not one."""
    if c.dep_ not in ("det", "neg") or c.lower_ not in negative:
        return False
    after = c.nbor() if c.i + 1 < len(c.doc) else None
    return after is None or after.tag_ not in ("JJR", "RBR")


def _cue_candidates(doc: Doc, lex: AttributionLexicon) -> list[int]:
    """Tokens that may be a cue, in text order: "according", a reporting lemma, or a verb misread as a noun.

    Read off the Doc's word lists, so that no Token is made for the other words.
    """
    cue_lemmas, misread, fixed = lex.candidate_lemmas, lex.misread_forms, lex.lemma_forms
    adjectives, surveys = lex.attitude_adjectives, lex.survey_nouns
    lows, lems = lowers(doc), lemmas(doc)
    return [
        i
        for i, (low, lemma) in enumerate(zip(lows, lems, strict=True))
        if lemma in cue_lemmas
        or low in ("according", ":", "\u2013", "\u2014")
        or (low == "-" and i < 40)  # a headline's " - Source": only near the start
        or low in misread
        or low in fixed
        or low in adjectives
        or (low == "in" and any(w.lower() in surveys for w in lems[i + 1 : i + 12]))
    ]


def _clip(text: str, a: Attribution) -> Attribution:
    """Keep content and sentence inside the cue's paragraph (the parser can run over a line break)."""
    cue = a.cue_span[0]
    start = text.rfind("\n", 0, cue) + 1
    end = text.find("\n", cue)
    end = len(text) if end < 0 else end
    c0, c1 = max(a.content[0], start), min(a.content[1], end)
    if c1 < c0:
        c0 = c1 = cue
    elif (c0, c1) != a.content:
        c0, c1 = trim_chars(text, c0, c1)
    dated = after_dateline(text, c0, min(c1, cue))
    c0 = c0 if dated is None else dated
    s0, s1 = max(a.sentence[0], start), min(a.sentence[1], end)
    if (c0, c1) == a.content and (s0, s1) == a.sentence:
        return a  # inside its paragraph already (the usual case): no new record
    trimmed = after_dateline.name if dated is not None else a.content_trim_rule
    return replace(a, content=(c0, c1), sentence=(s0, s1), content_trim_rule=trimmed)


@rule(
    "claims.content.after_dateline",
    decides="claim.text",
    positive=[
        Example(
            "GAO, May 2 (Reuters) - Gunmen burned a clinic near Gao on Tuesday, a local official said.",
            {"claim.text.text": "Gunmen burned a clinic near Gao on Tuesday"},
        ),
        Example(
            "KHARKIV, Ukraine (AP) — Russian drones hit a power plant overnight, the regional governor said.",
            {"claim.text.text": "Russian drones hit a power plant overnight"},
        ),
    ],
    negative=[
        Example(
            "Gunmen burned a clinic near Gao on Tuesday, a local official said.",
            {"claim.text.text": "Gunmen burned a clinic near Gao on Tuesday"},
        ),
    ],
)
def after_dateline(text: str, start: int, limit: int) -> int | None:
    """A content that opens a line with a wire dateline starts after it: where the report was filed is not said.

    "BAMAKO, May 2 (Reuters) - Gunmen burned ..., an official said": the official said "Gunmen
    burned ...". The dateline is the places step's own (:data:`~conflict_events._textscan.DATELINE`).
    """
    # from the line's start: the parse may begin the content inside a dateline of two words ("ADDIS ABABA (Reuters)")
    end = dateline_end(text, start)
    return None if end <= start or end >= limit else end


def _name(found: Decided[bool] | None) -> str | None:
    return found.rule if found is not None else None


@dataclass(frozen=True)
class _Speaker:
    head: Token
    role: Token
    rule: str
    trailing: bool


def _verb_speaker(v: Token, sent: Span, lex: AttributionLexicon) -> _Speaker | None:
    """The speaker of an active verb cue: found, then refined (partitive, quoted person, trailing, apposition)."""
    found = speaker_of(v, lex)
    head, rule_name = (found.value, found.rule) if found is not None else (None, "")
    if head is not None:
        part = partitive(head, lex)
        head, rule_name = (part, partitive.name) if part is not None else (head, rule_name)
        quoted = quoted_person(head, v, lex)
        head, rule_name = (quoted, quoted_person.name) if quoted is not None else (head, rule_name)
    if head is None:
        inverted = after_quotation(v, lex)  # "“...?” asked the boy"
        head, rule_name = (inverted, after_quotation.name) if inverted is not None else (head, rule_name)
    trailing = head is not None and head.dep_ == "appos" and speaker_in_apposition(head.head, v) is head
    late = _late_speaker(v, sent, lex, head, rule_name)
    if late is not None:
        head, rule_name, trailing = late
    head, rule_name = _opener(v, sent, lex, head, rule_name)
    if head is None:
        return None
    named = named_in_apposition(head, lex)
    if not (
        can_speak(head, lex)
        or (named is not None and can_speak(named, lex))
        or (not trailing and _nominal_speaker(head, v, rule_name, lex))
    ):
        return None  # "A Congolese cleric in Goma, Fepaco Malamu, said": the named apposition can speak
    role = document_speaker(head, lex)
    if role is not None:
        rule_name = document_speaker.name
    role = role or head
    named = named_in_apposition(role, lex)
    if named is not None:
        rule_name = named_in_apposition.name
    return _Speaker(named or role, role, rule_name, trailing)


def _late_speaker(
    v: Token, sent: Span, lex: AttributionLexicon, head: Token | None, rule_name: str
) -> tuple[Token | None, str, bool] | None:
    """A speaker after the content, where the cue's own is missing or mute: ``(head, rule, trailing)``.

    "..., police said", "..., reported CNN"; "..., as a result, there are dead, Head of the administration
    X has said": a conjunct the parser hung on the content takes the set-off phrase before it, not the
    subject of the verb it hangs on.
    """
    late_conjunct = rule_name == inherited.name and v.dep_ == "conj" and not _joined(v)
    if not ((head is None or not can_speak(head, lex) or late_conjunct) and v.dep_ in ("ROOT", "conj")):
        return None
    late = trailing_speaker(v, sent, lex)
    if late is not None:
        # "..., police said": the content is before the speaker; "On Monday, X, a spokesman, said, ...": after
        return late, trailing_speaker.name, v.doc[v.i - 1].text != "," or not _says_after(v, lex)
    if late_conjunct or head is None:
        named = inverted_after(v, sent, lex)  # "..., reported CNN"
        if named is not None:
            return named, inverted_after.name, True
    return head, rule_name, False


def _says_after(v: Token, lex: AttributionLexicon) -> bool:
    """Whether cue ``v`` has a content after it: a clause or an object ("called him a master"), not the one
    told ("told Radio Okapi")."""
    return any(
        c.i > v.i
        and (
            c.dep_ in ("ccomp", "xcomp", "parataxis", "oprd")
            or (c.dep_ == "dobj" and v.lemma_.lower() not in lex.addressee_verbs)
        )
        for c in kids(v)
    )


def _joined(v: Token) -> bool:
    """A conjunction right before cue ``v`` (adverbs and its auxiliaries aside): "... and almost immediately
    disclosed" goes on from the subject of the verb before, no phrase set off before it speaks."""
    j = v.i - 1
    while j > 0 and (v.doc[j].pos_ in ("ADV", "AUX") or v.doc[j].dep_ in ("aux", "neg")):
        j -= 1
    return v.doc[j].pos_ == "CCONJ"


def _opener(
    v: Token, sent: Span, lex: AttributionLexicon, head: Token | None, rule_name: str
) -> tuple[Token | None, str]:
    """With no speaker found: "X, meanwhile, who ..., said", the name the parser hung elsewhere."""
    if head is not None:
        return head, rule_name
    opener = set_off_subject(v, sent, lex)
    return (opener, set_off_subject.name) if opener is not None else (None, rule_name)


def _nominal_speaker(head: Token, v: Token, rule_name: str, lex: AttributionLexicon) -> bool:
    """Whether a noun phrase no speaker list knows speaks: as the cue's own subject, as the subject of
    the cue it shares ("The campaign denied any wrongdoing and pointed out that ..."), or of the act a
    participle with a clause goes on from ("The union sued the ministry, claiming that ...")."""
    if rule_name == inherited.name:
        shared = head.head.lemma_.lower() in lex.cue_verbs
        participle = v.tag_ == "VBG" and any(c.dep_ == "ccomp" for c in kids(v))
        # "The campaign launched an ad and announced it would ...": a finite conjunct with a clause
        # goes on from its subject's act
        conjunct = v.dep_ == "conj" and v.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "ccomp" for c in kids(v))
        if not (shared or participle or conjunct):
            return False
    elif rule_name not in _NOMINAL:
        return False
    return nominal_subject(head, lex) is not None


def _predicate_start(v: Token) -> int:
    """Where the predicate of cue ``v`` starts: at the head of the infinitive chain it ends, as long as each
    link shares its subject (no subject or object of its own between: not "urged them to say")."""
    t = v
    for _ in range(2):
        up = t.head
        if t.dep_ != "xcomp" or up.i >= t.i or up.pos_ not in ("VERB", "AUX", "ADJ"):
            break
        if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and up.i < c.i < t.i for c in kids(up)):
            break
        t = up
    return t.i


def _verb(v: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """The assertions of an active verb cue: its speaker and its content pieces (or an empty one at the cue)."""
    lemma = lex.lemma_of(v)
    frame = lex.frame(lemma)
    who = _verb_speaker(v, sent, lex)
    if who is None:
        return []
    if lemma == "describe" and any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in kids(v)):
        return []  # "what he described as a crime": a naming inside another claim, not an assertion
    speaker = speaker_range(who.role)
    content = first(VERB_CONTENT, v, sent, frame, lex)
    if lemma in lex.weak_object_verbs and (content is None or content.rule not in _CLAUSE_RULES):
        return []  # "published a video": a weak verb is a cue only with a clause
    contents, content_rule = (content.value, content.rule) if content is not None else ([], "")
    after = bool(contents) and content_rule == "claims.content.clause" and contents[0][0] > v.idx
    if who.trailing and speaker[0] > sent.start and not after:
        # "..., police said": the content before the speaker, unless the cue has its clause after it
        # ("X, Y and many lawmakers claim it will ...")
        found = before_speaker(v, sent, (min(speaker[0], who.role.left_edge.i, v.i), speaker[1]))
        if found is not None:
            contents, content_rule = found, before_speaker.name
    if who.rule == set_off_subject.name:
        # the relative clause the parser made a content piece holds the speaker: it is no content
        at = v.doc[speaker[0]].idx
        contents = [c for c in contents if not c[0] <= at < c[1]]
    hedge = hedged_by(v, sent, frame, contents, lex)
    sentence = (sent.start_char, sent.end_char)
    # "appeared to confirm", "would like to see", "eager to show": the cue as written runs from the verb or
    # adjective whose subject the infinitive shares (PolNeAR's cue is the whole predicate before the content)
    cue_start = v.doc[_predicate_start(v)].idx
    out = []
    # "..., he said." with no clause: an empty content at the cue, which a quotation may fill later
    for c in contents or [(v.idx, v.idx)]:
        negation = negated_by(v, frame, c if contents else None)
        out.append(
            Attribution(
                name,
                v.i,
                speaker,
                who.head.i,
                c,
                sentence,
                hedged=hedge is not None,
                negated=negation is not None,
                cue_span=(cue_start, v.idx + len(v.text)),
                source_rule=who.rule,
                content_rule=content_rule,
                hedge_rule=_name(hedge),
                negation_rule=_name(negation),
            )
        )
    return out


@rule(
    "claims.content.before_trailing_speaker",
    decides="claim.text",
    positive=[
        Example(
            "Gunmen killed a district official in Baidoa on Friday and, in a separate attack, burnt a "
            "convoy outside the town, police and a spokesman for the group said.",
            {
                "claim.text.text": "Gunmen killed a district official in Baidoa on Friday and, in a separate "
                "attack, burnt a convoy outside the town"
            },
        )
    ],
    negative=[
        Example(
            "Police and a spokesman for the group said gunmen burnt a convoy outside Baidoa on Friday.",
            {"claim.text.text": "gunmen burnt a convoy outside Baidoa on Friday"},
        )
    ],
)
def before_speaker(v: Token, sent: Span, speaker: tuple[int, int]) -> list[tuple[int, int]] | None:
    """When the parser hung the speaker inside the content, the content is the sentence up to the speaker."""
    return [trim(v.doc, sent.start, speaker[0] - 1)]


@rule(
    "claims.content.passive_subject",
    decides="claim.text",
    positive=[
        Example(
            "The attack on the convoy was confirmed by police in Garissa.",
            {"claim.text.text": "The attack on the convoy"},
        )
    ],
    negative=[
        Example(
            "Police in Garissa confirmed the attack on the convoy.", {"claim.text.text": "the attack on the convoy"}
        )
    ],
)
def passive_subject(v: Token) -> tuple[int, int] | None:
    """A passive cue's content is its subject, or the noun its participle modifies ("a claim denied by X")."""
    doc = v.doc
    if v.dep_ == "acl":
        content = trim(doc, v.head.left_edge.i, v.i - 1)
    else:
        subj = [c for c in kids(v) if c.dep_ == "nsubjpass"]
        if not subj:
            return None
        content = trim(doc, subj[0].left_edge.i, subj[0].right_edge.i)
    return content if content[1] > content[0] else None


@rule(
    "claims.content.addressed_by",
    decides="claim.text",
    positive=[
        Example(
            "Asked by a reporter whether the truce would hold, the colonel said his men were ready.",
            {"claim.text.text": "whether the truce would hold"},
        ),
        Example(
            "The colonel was asked by reporters about the curfew in Gao.",
            {"claim.text.text": "about the curfew in Gao"},
        ),
        Example(
            "When asked by a host about the curfew in Gao, the colonel said it would end soon.",
            {"claims": 2, "claim.text.text": "about the curfew in Gao", "claim.claimant.name": "host"},
        ),
    ],
    negative=[
        Example(
            "The attack on the convoy was confirmed by police in Garissa.",
            {"claim.text.text": "The attack on the convoy"},
        )
    ],
)
def addressed_by_content(v: Token) -> tuple[int, int] | None:
    """What the agent of "asked by", "told by" asks or tells: the clause, infinitive or "about" after it."""
    c = addressed_content(v)
    if c is None:
        return None
    lo = c.i if c.dep_ == "prep" else c.left_edge.i
    content = trim(v.doc, lo, c.right_edge.i)
    return content if content[1] > content[0] else None


def _passive(v: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """ "a claim denied by Islamabad", "the attack was confirmed by police": the agent speaks."""
    by = agent(v, lex)
    addressed = v.lemma_.lower() in lex.addressee_verbs
    # whoever asks or tells someone something speaks ("asked by a host whether"); a denial needs a speaker
    if by is None or not (addressed or can_speak(by, lex)):
        return []
    content, content_rule = passive_subject(v), passive_subject.name
    speaker = speaker_range(by)
    if addressed:
        content, content_rule = addressed_by_content(v), addressed_by_content.name
        asked = addressed_content(v)
        if asked is not None and speaker[0] < asked.i < speaker[1]:
            speaker = (speaker[0], asked.i)  # "asked by a host about X": the "about" the parser hung on the host
    if content is None:
        return []
    frame = lex.frame(v.lemma_.lower())
    hedge = first((hedging_cue, appears_to, cue_adverb, distancing), v, sent, frame, [], lex)
    negation = first((denying_cue,), v, frame, content)
    return [
        Attribution(
            name,
            v.i,
            speaker,
            by.i,
            content,
            (sent.start_char, sent.end_char),
            hedged=hedge is not None,
            negated=negation is not None,
            cue_span=(v.idx, v.idx + len(v.text)),
            source_rule=agent.name,
            content_rule=content_rule,
            hedge_rule=_name(hedge),
            negation_rule=_name(negation),
        )
    ]


@rule(
    "claims.source.according_to_object",
    decides="claim.claimant",
    positive=[
        Example("Most of the vehicles were destroyed, according to the ministry.", {"claim.cue": "according to"}),
        Example(
            "The governor insulted the council, according to show insiders.",
            {"claim.cue": "according to", "claim.claimant.name": "insiders"},
        ),
        Example(
            "Forty villagers fled the shelling near Laiza last week, according to the Kachin Women's Association "
            "(KWA).",
            {"claim.claimant.name": "Kachin Women's Association (KWA)"},
        ),
        Example(  # the medium's maker
            "The depot held 40 tonnes of fuel, according to a court document filed by the regional prosecutor.",
            {"claim.claimant.name": "regional prosecutor"},
        ),
        Example(  # a capitalised document word inside a sentence is a name, not "the post" of the last speaker
            "“The curfew will end on Friday,” the governor said, according to the Post.",
            {"claim.claimant.name": "Post"},
        ),
    ],
    negative=[Example("The ministry said most of the vehicles were destroyed.", {"claim.cue": "say"})],
)
def according_object(t: Token) -> Token | None:
    """The object of "according to" speaks (or the author of the document it names).

    A noun the tagger read as a verb ("according to show insiders": "show" a verb with the object
    "insiders") leaves the phrase with no object: the verb's object is the one.
    """
    to = t.doc[t.i + 1]
    pobj = [c for c in kids(to) if c.dep_ == "pobj"] or [c for c in kids(t) if c.dep_ == "pobj"]
    if not pobj:
        misread = [c for c in kids(to) if c.dep_ == "pcomp" and c.i == to.i + 1 and not c.tag_.startswith("VBG")]
        pobj = [c for m in misread for c in kids(m) if c.dep_ == "dobj" and c.i == m.i + 1]
    if not pobj:
        return None
    return _by_agent(pobj[0]) or pobj[0]


def _by_agent(noun: Token) -> Token | None:
    """Who made the thing "according to" names: "a court document filed by the state attorney", "calculations
    by an economist", "audio provided by the station" (PolNeAR's source; the thing is only the medium)."""
    if noun.pos_ != "NOUN":
        return None
    for c in kids(noun):
        preps = [c] if c.dep_ == "prep" else [k for k in kids(c) if k.dep_ == "agent"] if c.dep_ == "acl" else []
        for by in preps:
            agent = [k for k in kids(by) if k.dep_ == "pobj"] if by.lower_ == "by" else []
            if agent:
                return agent[0]
    return None


@rule(
    "claims.content.according_to_side",
    decides="claim.text",
    positive=[
        Example(
            "According to the United Nations, at least 500 people have died in Darfur.",
            {"claim.text.text": "at least 500 people have died in Darfur"},
        ),
        Example(
            "At least 12 people were wounded in the raid, according to the UN, as gunmen set fire to dozens of "
            "homes and shops.",
            {"claim.text.text": "At least 12 people were wounded in the raid"},
        ),
        Example(
            "Earlier in the day, a drone struck a bus near Kherson, killing at least six, according to the "
            "regional administration.",
            {"claim.text.text": "Earlier in the day, a drone struck a bus near Kherson, killing at least six"},
        ),
    ],
    negative=[
        Example(
            "The United Nations said at least 500 people have died in Darfur.",
            {"claim.text.text": "at least 500 people have died in Darfur"},
        )
    ],
)
def according_side(t: Token, head: Token, lex: AttributionLexicon) -> tuple[int, int] | None:
    """The content of "according to X" is the clause it hangs on, on the larger side of the phrase.

    A conceded clause before it ("Though X declared victory, ...") is not asserted.
    """
    doc = t.doc
    clause = t.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    clause = _asserting_clause(clause)
    left_edge = clause.left_edge.i
    for c in kids(clause):
        # "Though X declared victory, fighting dragged on, according to ...": the concession is not asserted
        if (
            c.dep_ == "advcl"
            and c.i < clause.i
            and any(k.dep_ == "mark" and k.lower_ in lex.concessive for k in kids(c))
        ):
            left_edge = max(left_edge, c.right_edge.i + 1)
    left = (left_edge, t.i - 1)
    phrase_end = max(t.right_edge.i, head.right_edge.i)
    right = (phrase_end + 1, clause.right_edge.i)
    # "16 were injured, according to the UN, as gangs set fire to homes": the side with the verb and its
    # subject is what is said, whatever the length of the clause hung after the phrase
    verb_before = clause.i < t.i and any(k.dep_ in _SUBJECT_DEPS and k.i < t.i for k in kids(clause))
    larger = left[1] - left[0] >= right[1] - right[0]
    content = trim(doc, *left) if verb_before or larger else trim(doc, *right)
    return content if content[1] > content[0] else None


_SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _asserting_clause(clause: Token) -> Token:
    """The clause a phrase hung on a participle or a later conjunct asserts: "bombed a truck, killing
    eight, according to X" (the bombing and its toll), "A are from X and the rest are from Y, according
    to Z" (both conjuncts)."""
    for _ in range(4):
        subject = any(k.dep_ in _SUBJECT_DEPS for k in kids(clause))
        participle = clause.dep_ in ("advcl", "xcomp") and clause.tag_ in ("VBG", "VBN") and not subject
        if not (participle or clause.dep_ == "conj") or clause.head.i >= clause.i:
            break
        clause = clause.head
    return clause


def _according(t: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """ "according to X": X's claim, the content on the larger side of the phrase."""
    obj = according_object(t)
    if obj is None:
        return []
    role = document_speaker(obj, lex)
    head = role or obj
    content = according_side(t, head, lex)
    if content is None:
        return []
    named = named_in_apposition(head, lex)  # "according to the envoy for Sudan, Tom X": the person
    source_rule = document_speaker.name if role is not None else according_object.name
    if named is not None:
        head, source_rule = named, named_in_apposition.name
    hedge = first((appears_to, cue_adverb, distancing, content_adverb), t, sent, _PLAIN, [content], lex)
    negation = first((negated_content,), t, _PLAIN, content)
    to = t.doc[t.i + 1]
    return [
        Attribution(
            name,
            t.i,
            speaker_range(head),
            head.i,
            content,
            (sent.start_char, sent.end_char),
            hedged=hedge is not None,
            negated=negation is not None,
            cue_span=(t.idx, to.idx + len(to.text)),
            source_rule=source_rule,
            content_rule=according_side.name,
            hedge_rule=_name(hedge),
            negation_rule=_name(negation),
        )
    ]


@rule(
    "claims.source.before_misread_verb",
    decides="claim.claimant",
    positive=[Example("Ukraine's military claims Russia lost 300 men near Kursk.", {"claim.cue": "claim"})],
    negative=[Example("Ukraine's military said Russia lost 300 men near Kursk.", {"claim.cue": "say"})],
)
def before_misread(t: Token, lex: AttributionLexicon) -> tuple[int, int] | None:
    """A reporting verb misread as a noun is spoken by the noun phrase before it."""
    doc = t.doc
    if not can_speak(doc[t.i - 1], lex):
        return None
    start = t.left_edge.i if t.left_edge.i < t.i else t.i - 1
    while start > t.sent.start and t.left_edge.i == t.i and doc[start - 1].pos_ == "PROPN":
        start -= 1  # "UN Envoy Warns ...": the headline's whole name
    speaker = (start, t.i)
    while speaker[0] < t.i - 1 and lowers(doc)[speaker[0]] in ("the", "a", "an"):
        speaker = (speaker[0] + 1, speaker[1])
    return speaker


@rule(
    "claims.content.after_misread_verb",
    decides="claim.text",
    positive=[
        Example(
            "Ukraine's military claims Russia lost 300 men near Kursk.",
            {"claim.text.text": "Russia lost 300 men near Kursk"},
        )
    ],
    negative=[
        Example(
            "Ukraine's military said Russia lost 300 men near Kursk.",
            {"claim.text.text": "Russia lost 300 men near Kursk"},
        )
    ],
)
def after_misread(t: Token, sent: Span) -> tuple[int, int] | None:
    """A reporting verb misread as a noun says what follows it."""
    content = trim(t.doc, t.i + 1, t.right_edge.i if t.right_edge.i > t.i else sent.end - 1)
    return content if content[1] > content[0] else None


def _misread(t: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """The assertion of a reporting verb misread as a noun: speaker on its left, content on its right."""
    speaker = before_misread(t, lex)
    if speaker is None:
        return []
    content = after_misread(t, sent)
    if content is None:
        return []
    frame = lex.frame(name)
    hedge = first((hedging_cue,), t, sent, frame, [content], lex)
    negation = first((denying_cue, negated_content), t, frame, content)
    return [
        Attribution(
            name,
            t.i,
            speaker,
            t.i - 1,
            content,
            (sent.start_char, sent.end_char),
            hedged=hedge is not None,
            negated=negation is not None,
            cue_span=(t.idx, t.idx + len(t.text)),
            source_rule=before_misread.name,
            content_rule=after_misread.name,
            hedge_rule=_name(hedge),
            negation_rule=_name(negation),
        )
    ]


@rule(
    "claims.source.noun_author",
    decides="claim.claimant",
    positive=[
        Example("Villagers doubted the army's claim that no civilians were hurt in Kidal.", {"claim.cue": "claim"}),
        Example("The call by the African Union for a truce in Sudan went unanswered.", {"claim.cue": "call"}),
    ],
    negative=[Example("The claim that no civilians were hurt in Kidal was doubted.", {"claims": 0})],
)
def noun_author(t: Token, lex: AttributionLexicon) -> Token | None:
    """The one whose claim, call or denial it is: the possessor ("the army's claim", "his call"),
    or the object of "by" or "from" ("a call by the AU")."""
    for c in kids(t):
        if c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN", "NOUN"):
            return c
    for c in kids(t):
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > t.i:
            pobj = [k for k in kids(c) if k.dep_ == "pobj"]
            if pobj and can_speak(pobj[0], lex):
                return pobj[0]
    return None


@rule(
    "claims.content.noun_complement",
    decides="claim.text",
    positive=[
        Example(
            "Villagers doubted the army's claim that no civilians were hurt in Kidal.",
            {"claim.text.text": "no civilians were hurt in Kidal"},
        ),
        Example(
            "Antonio Guterres flew to Port Sudan on Monday. His call for an immediate truce went unheeded.",
            {"claim.text.text": "an immediate truce", "claim.claimant.name": "Antonio Guterres"},
        ),
    ],
    negative=[Example("The army's statement was read on state television.", {"claims": 0})],
)
def noun_complement(t: Token, lex: AttributionLexicon) -> tuple[int, int] | None:
    """What a cue noun says: its "that" clause, its "to" infinitive, or the object of its preposition
    ("claim that ...", "pledge to withdraw", "call for a truce", "denial of the attack")."""
    doc = t.doc
    for c in kids(t):
        if c.i < t.i:
            continue
        if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
            if any(k.dep_ in ("nsubj", "dobj", "nsubjpass") and k.lower_ in ("that", "which", "who") for k in kids(c)):
                continue  # "the claim that he made": a relative clause, not the content
            return trim(doc, c.left_edge.i, c.right_edge.i)
        if c.dep_ == "prep" and c.lower_ in lex.content_prepositions and c.lower_ != "at":
            objs = [k for k in kids(c) if k.dep_ in ("pobj", "pcomp")]
            if objs and objs[0].ent_type_ not in ("DATE", "TIME"):
                return trim(doc, c.i + 1, c.right_edge.i)
    return None


@rule(
    "claims.cue.topic_noun",
    decides="claim.cue",
    positive=[
        Example("The envoy ended his bid for the chairmanship of the bloc.", {"claims": 0}),
        Example("The envoy abandoned his support for the deal with the rebels.", {"claims": 0}),
    ],
    negative=[
        Example("The envoy's bid for the chairmanship of the bloc failed.", {"claim.cue": "bid"}),
        Example("The mediator took up the rebels' claims about the raid on Lashio.", {"claim.cue": "claim"}),
        Example("The mediator took up the rebels' demand for talks in Lashio.", {"claim.cue": "demand"}),
        Example("The mediator took up the rebels' plan to hold talks in Lashio.", {"claim.cue": "plan"}),
    ],
)
def topic_noun(t: Token, lex: AttributionLexicon) -> bool | None:
    """A noun of intention or belief that is the object of another act, with a preposition's object
    for content, is what that act is about, not a claim of its author's.

    "ended his bid for the nomination", "defended his support for the deal": no proposition of the
    author's is reported; the outer act is (PolNeAR's cue there is the outer verb). Nouns of saying
    and demand ("his claims about", "their demand for talks") report what was said; a clause ("his
    plan to ...") or an "of" object ("their denial of the raid") still says something.
    """
    if t.dep_ not in ("dobj", "pobj", "conj") or lex.attitude(t.lemma_.lower()) not in ("belief", "intention"):
        return None
    after = [c for c in kids(t) if c.i > t.i]
    if any(c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") for c in after):
        return None
    preps = [c.lower_ for c in after if c.dep_ == "prep"]
    return True if preps and "of" not in preps else None


def _noun(t: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """ "the rebels' claim that ...", "his call for ...": the author's claim, the noun's complement its content."""
    author = noun_author(t, lex)
    if author is None or topic_noun(t, lex):
        return []
    content = noun_complement(t, lex)
    if content is None or content[1] <= content[0]:
        return []
    frame = lex.frame(name)
    negation = first((denying_cue, negated_content), t, frame, content)
    return [
        Attribution(
            name,
            t.i,
            speaker_range(author),
            author.i,
            content,
            (sent.start_char, sent.end_char),
            hedged=False,
            negated=negation is not None,
            cue_span=(t.idx, t.idx + len(t.text)),
            source_rule=noun_author.name,
            content_rule=noun_complement.name,
            hedge_rule=None,
            negation_rule=_name(negation),
        )
    ]


@rule(
    "claims.content.after_colon",
    decides="claim.text",
    positive=[
        Example(
            "Governor Zulum: the insurgents will not take Maiduguri.",
            {"claim.text.text": "the insurgents will not take Maiduguri"},
        )
    ],
    negative=[
        Example(
            "Governor Zulum said the insurgents will not take Maiduguri.",
            {"claim.text.text": "the insurgents will not take Maiduguri"},
        )
    ],
)
def after_colon(t: Token, sent: Span) -> tuple[int, int] | None:
    """What follows the colon to the end of its sentence is said (a quotation there takes its place).

    A colon that ends its sentence has an empty content at the colon, which the quotation after it fills.
    """
    if t.i + 1 >= sent.end:
        return (t.idx + 1, t.idx + 1)
    content = trim(t.doc, t.i + 1, sent.end - 1)
    return content if content[1] > content[0] else None


@rule(
    "claims.source.before_colon",
    decides="claim.claimant",
    positive=[Example("Governor Zulum: the insurgents will not take Maiduguri.", {"claim.cue": "colon"})],
    negative=[Example("Governor Zulum said the insurgents will not take Maiduguri.", {"claim.cue": "say"})],
)
def before_colon(t: Token, sent: Span) -> Token | None:
    """The root of the short name before the colon speaks."""
    phrase = t.doc[sent.start : t.i]
    return next((w for w in phrase if not sent.start <= w.head.i < t.i or w.head.i == w.i), None)


def _colon(t: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """ "Governor Zulum: ...": the name before the colon says what follows it."""
    root = before_colon(t, sent)
    content = after_colon(t, sent)
    if root is None or content is None:
        return []
    return [
        Attribution(
            name,
            t.i,
            speaker_range(root),
            root.i,
            content,
            (sent.start_char, sent.end_char),
            cue_span=(t.idx, t.idx + 1),
            source_rule=before_colon.name,
            content_rule=after_colon.name,
        )
    ]


@rule(
    "claims.content.headline",
    decides="claim.text",
    positive=[
        Example(
            "Nine killed, 20 wounded in shelling of Kherson market \u2013 Prokudin\n\nRussian shelling hit a market.",
            {"claim.text.text": "Nine killed, 20 wounded in shelling of Kherson market"},
        )
    ],
    negative=[
        Example(
            "Nine killed in shelling of Kherson market \u2013 Ukraine\n\nRussian shelling hit a market.",
            {"claims": 0},
        )
    ],
)
def headline_content(t: Token) -> tuple[int, int] | None:
    """A headline's source mark says the line before it."""
    content = trim(t.doc, 0, t.i - 1)
    return content if content[1] > content[0] else None


def _headline(t: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """ "Nine killed in Kherson \u2013 Prokudin": the name after the mark says the headline before it."""
    phrase = headline_speaker(t)
    content = headline_content(t)
    if phrase is None or content is None:
        return []
    root = next(w for w in reversed(phrase) if not phrase.start <= w.head.i < phrase.end or w.head.i == w.i)
    line = (t.doc[0].idx, phrase.end_char)
    return [
        Attribution(
            name,
            t.i,
            (phrase.start, phrase.end),
            root.i,
            content,
            line,
            cue_span=(t.idx, t.idx + len(t.text)),
            source_rule=headline_source.name,
            content_rule=headline_content.name,
        )
    ]


@rule(
    "claims.content.passive_clause",
    decides="claim.text",
    positive=[
        Example(
            "The junta is expected to extend the curfew in Mandalay.",
            {"claim.text.text": "The junta is expected to extend the curfew in Mandalay"},
        ),
        Example(
            "It was reported that the convoy had turned back near Gao.",
            {"claim.text.text": "the convoy had turned back near Gao"},
        ),
    ],
    negative=[
        Example(
            "The army said the convoy had turned back near Gao.",
            {"claim.text.text": "the convoy had turned back near Gao"},
        )
    ],
)
def passive_clause(t: Token) -> tuple[int, int] | None:
    """What an unattributed passive says: its "that" clause after an empty "it", else its subject
    with its complement ("The junta is expected to extend ...", one span)."""
    doc = t.doc
    subj = [c for c in kids(t) if c.dep_ in ("nsubjpass", "nsubj", "expl")]
    clause = [c for c in kids(t) if c.dep_ == "ccomp" and c.i > t.i]
    if clause and (not subj or subj[0].lower_ == "it"):
        return trim(doc, clause[0].left_edge.i, clause[0].right_edge.i)
    if not subj:
        return _asked(t)
    if subj[0].lower_ == "it":
        return None
    comp = [c for c in kids(t) if c.i > t.i and (c.dep_ in ("xcomp", "ccomp", "oprd", "acomp") or c.lower_ == "as")]
    if not comp:
        return None
    return trim(doc, subj[0].left_edge.i, comp[-1].right_edge.i)


def _asked(t: Token) -> tuple[int, int] | None:
    """What a participle with no subject asks: "Asked about the raid, ..." the raid; "Asked if he thought
    X, ..." the question."""
    doc = t.doc
    about = [c for c in kids(t) if c.dep_ == "prep" and c.lower_ == "about" and c.i > t.i]
    if about:
        return trim(doc, about[0].i + 1, about[0].right_edge.i)
    question = [c for c in kids(t) if is_question(c)]
    if question:
        return trim(doc, question[0].left_edge.i, question[0].right_edge.i)
    return None


@rule(
    "claims.content.addressed_passive",
    decides="claim.text",
    positive=[
        Example(
            "The governor was asked about the curfew during a radio interview.",
            {"claim.cue": "ask", "claim.text.text": "the curfew"},
        ),
        Example(
            "The envoy was asked whether the rebels would accept the offer.",
            {"claim.cue": "ask", "claim.text.text": "whether the rebels would accept the offer"},
        ),
    ],
    negative=[
        Example(
            "The envoy was asked to carry the offer to the rebels in Asmara.",
            {"claim.text.text": "The envoy was asked to carry the offer to the rebels in Asmara"},
        )
    ],
)
def addressed_passive(t: Token, lex: AttributionLexicon) -> tuple[int, int] | None:
    """ "X was asked about Y", "X was asked whether ...": the passive of a verb whose object is the one
    addressed has that one as its subject, so what is asked is the "about" phrase or the clause."""
    if lex.lemma_of(t) not in lex.addressee_verbs or not any(c.dep_ == "nsubjpass" for c in kids(t)):
        return None
    for c in kids(t):
        if c.i > t.i and c.dep_ == "ccomp":
            return trim(t.doc, c.left_edge.i, c.right_edge.i)
        if c.i > t.i and c.dep_ == "prep" and c.lower_ == "about" and c.right_edge.i > c.i:
            return trim(t.doc, c.i + 1, c.right_edge.i)
    return None


def _unattributed(t: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """ "X is expected to ...": a claim whose source the text does not name (no claimant)."""
    content = addressed_passive(t, lex)
    content_rule = addressed_passive.name if content is not None else passive_clause.name
    content = content or passive_clause(t)
    if content is None or content[1] <= content[0]:
        return []
    frame = lex.frame(name)
    hedge = first((hedging_cue,), t, sent, frame, [content], lex)
    negation = first((denying_cue, negated_content), t, frame, content)
    return [
        Attribution(
            name,
            t.i,
            None,
            None,
            content,
            (sent.start_char, sent.end_char),
            hedged=hedge is not None,
            negated=negation is not None,
            cue_span=(t.idx, t.idx + len(t.text)),
            content_rule=content_rule,
            hedge_rule=_name(hedge),
            negation_rule=_name(negation),
        )
    ]


@rule(
    "claims.content.adjective_complement",
    decides="claim.text",
    positive=[
        Example(
            "Officials are worried about the road to the north.",
            {"claim.cue": "worried", "claim.text.text": "the road to the north"},
        ),
        Example(
            "The minister was eager to resume the talks.",
            {"claim.cue": "eager", "claim.text.text": "to resume the talks"},
        ),
    ],
    negative=[Example("The rebels were happy.", {"claims": 0}), Example("The road is clear of mines.", {"claims": 0})],
)
def adjective_complement(t: Token, link: Token) -> tuple[int, int] | None:
    """What an attitude adjective is about: its clause ("confident that ..."), its infinitive ("eager to
    ..."), or its preposition's object ("skeptical of the offer"); a clause may hang on the linking verb."""
    doc = t.doc
    for c in (*kids(t), *(k for k in kids(link) if k.i > t.i and link.i != t.i)):
        if c.i < t.i:
            continue
        if c.dep_ in ("ccomp", "xcomp"):
            return trim(doc, c.left_edge.i, c.right_edge.i)
        if c.dep_ == "prep" and c.head.i == t.i and c.right_edge.i > c.i and c.lower_ not in ("in", "for", "by"):
            return trim(doc, c.i + 1, c.right_edge.i)
    return None


def _adjective(t: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """ "X is confident that ...": X's belief; X is the linking verb's subject and must be able to speak."""
    link = linked_adjective(t, lex)
    if link is None:
        return []
    subj = [c for c in kids(link) if c.dep_ in ("nsubj", "nsubjpass")]
    source_rule = subject.name
    if subj and subj[0].lower_ in ("who", "that") and link.dep_ == "relcl":
        # "supporters who are skeptical of X": the people the relative clause describes
        subj, source_rule = [link.head], relative_clause_head.name
    if not subj or subj[0].lower_ == "it" or not can_speak(subj[0], lex):
        return []  # "the road is clear of mines", "it is certain that ...": no source
    content = adjective_complement(t, link)
    if content is None or content[1] <= content[0]:
        return []
    negation = negated_by(link, _PLAIN, content)
    return [
        Attribution(
            name,
            t.i,
            speaker_range(subj[0]),
            subj[0].i,
            content,
            (sent.start_char, sent.end_char),
            negated=negation is not None,
            # "seemed hopeful", "is confident": the predicate from its linking verb, as PolNeAR marks the cue
            cue_span=(min(link.idx, t.idx), t.idx + len(t.text)),
            source_rule=source_rule,
            content_rule=adjective_complement.name,
            negation_rule=_name(negation),
        )
    ]


@rule(
    "claims.content.after_clarity",
    decides="claim.text",
    positive=[
        Example(
            "The general made clear his opposition to the truce.",
            {"claim.cue": "make clear", "claim.text.text": "his opposition to the truce"},
        )
    ],
    negative=[
        Example(
            "The general said he opposed the truce.",
            {"claim.cue": "say", "claim.text.text": "he opposed the truce"},
        )
    ],
)
def after_clarity(t: Token, adjective: Token) -> tuple[int, int] | None:
    """What "made (it) clear" says: the words after the adjective to the end of the verb's clause
    (the parser hangs the clause on the adjective, on the verb or on "it"), less a leading "that"."""
    start = adjective.i + 1
    if start < t.right_edge.i and t.doc[start].lower_ == "that":
        start += 1
    content = trim(t.doc, start, t.right_edge.i)
    return content if content[1] > content[0] else None


def _made_clear(t: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """ "X made it clear that ...": X's claim."""
    adjective = made_clear_adjective(t, lex)
    who = _verb_speaker(t, sent, lex)
    if adjective is None or who is None:
        return []
    content = after_clarity(t, adjective)
    if content is None:
        return []
    return [
        Attribution(
            name,
            t.i,
            speaker_range(who.role),
            who.head.i,
            content,
            (sent.start_char, sent.end_char),
            cue_span=(t.idx, adjective.idx + len(adjective.text)),
            source_rule=who.rule,
            content_rule=after_clarity.name,
        )
    ]


@rule(
    "claims.content.after_survey",
    decides="claim.text",
    positive=[
        Example(
            "In exit polls, voters in both regions were unhappy with the government.",
            {"claim.cue": "in", "claim.text.text": "voters in both regions were unhappy with the government"},
        )
    ],
    negative=[
        Example(
            "Voters in both regions were unhappy with the government, exit polls showed.",
            {"claim.cue": "show"},
        )
    ],
)
def after_survey(t: Token) -> tuple[int, int] | None:
    """What "In a poll ..." attributes to the poll: its clause after the phrase, or before it when the
    phrase comes after its verb ("X leads by nine points in the latest poll")."""
    if t.i > t.head.i:
        content = trim(t.doc, t.head.left_edge.i, t.i - 1)
    else:
        content = trim(t.doc, t.right_edge.i + 1, t.head.right_edge.i)
    return content if content[1] > content[0] else None


def _in_survey(t: Token, sent: Span, lex: AttributionLexicon, name: str) -> list[Attribution]:
    """ "In a poll released Monday, ...": the poll's claim."""
    poll = survey_of(t, lex)
    content = after_survey(t)
    if poll is None or content is None:
        return []
    return [
        Attribution(
            name,
            t.i,
            speaker_range(poll),
            poll.i,
            content,
            (sent.start_char, sent.end_char),
            cue_span=(t.idx, t.idx + len(t.text)),
            source_rule=in_survey.name,
            content_rule=after_survey.name,
        )
    ]


_Build = Callable[["Token", "Span", AttributionLexicon, str], list[Attribution]]
_SHAPES: Final[tuple[tuple[Rule[..., str], _Build], ...]] = (
    (according_to, _according),
    (in_survey, _in_survey),
    (passive_report, _passive),
    (addressed_by, _passive),
    (attitude_adjective, _adjective),
    (made_clear, _made_clear),
    (passive_unattributed, _unattributed),
    (seeming, _unattributed),
    (reporting_verb, _verb),
    (beside_quotation, _verb),
    (misread_verb, _misread),
    (reporting_noun, _noun),
    (colon_after_name, _colon),
    (headline_source, _headline),
)
"""The cue rules in order, each with the builder of its shape: the first cue rule that applies decides."""
