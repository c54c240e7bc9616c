"""Which words attribute: the cue rules, each deciding that a token is a cue and what it is called.

A cue rule returns the cue's name (a verb's lemma, or a phrase: "according to", "put the
toll at") or ``None``; the finder tries them in order and builds the attribution with the
source and content rules of the cue's shape (``docs/claims.md``).

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.attribution import AttributionLexicon
>>> lex = AttributionLexicon.load()
>>> doc = load_language_model()("Police placed the death toll at 53.")
>>> reporting_verb(doc[1], doc[:], lex)
'place the toll at'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._doccache import doc_text, entities
from .._docindex import kids
from ..lexicons._countries import country_from_name
from ..rules import Example, rule
from ._attribution_lexicon import AttributionLexicon
from ._source_rules import can_speak, has_said

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "HEADLINE_MARKS",
    "according_to",
    "addressed_by",
    "addressed_content",
    "attitude_adjective",
    "beside_quotation",
    "colon_after_name",
    "headline_source",
    "headline_speaker",
    "in_survey",
    "is_passive",
    "is_question",
    "linked_adjective",
    "made_clear",
    "made_clear_adjective",
    "misread_verb",
    "passive_report",
    "passive_unattributed",
    "reporting_noun",
    "reporting_verb",
    "seeming",
    "survey_of",
]


def is_passive(v: Token) -> bool:
    """A passive verb: with a passive auxiliary, a past participle modifying a noun ("a claim denied by"),
    or one opening its sentence ("Asked about the raid, the general said ...")."""
    if has_said(v):
        return False  # "he's said his men will hold": "has said"
    return any(c.dep_ == "auxpass" for c in kids(v)) or (v.tag_ == "VBN" and v.dep_ == "acl") or _opening(v)


def _opening(v: Token) -> bool:
    """ "Asked about the raid, ...": a past participle with no subject or auxiliary before the clause it opens."""
    return (
        v.tag_ == "VBN"
        and v.dep_ == "advcl"
        and v.i < v.head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in kids(v))
    )


def _verb_cue(t: Token, lex: AttributionLexicon) -> bool:
    return t.pos_ in ("VERB", "AUX") and lex.lemma_of(t) in lex.cue_verbs


def cue_name(v: Token, lex: AttributionLexicon) -> str:
    """A verb cue's name: its lemma, or "put the toll at" for a toll verb."""
    lemma = lex.lemma_of(v)
    return f"{lemma} the toll at" if lemma in lex.toll_verbs else lemma


@rule(
    "claims.cue.according_to",
    decides="claim.cue",
    positive=[
        Example("Most of the vehicles were destroyed, according to the ministry.", {"claim.cue": "according to"})
    ],
    negative=[Example("The ministry said most of the vehicles were destroyed.", {"claim.cue": "say"})],
)
def according_to(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """ "according to X" attributes the clause it hangs on to X."""
    doc = t.doc
    if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
        return "according to"
    return None


@rule(
    "claims.cue.passive_report",
    decides="claim.cue",
    positive=[Example("The attack on the convoy was confirmed by police in Garissa.", {"claim.cue": "confirm"})],
    negative=[
        Example("Casualties were reported after the attack on the convoy, police said.", {"!claim.cue": "report"})
    ],
)
def passive_report(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """A passive cue that takes a noun phrase is its agent's claim about its subject ("was denied by Kyiv")."""
    lemma = t.lemma_.lower()
    if not _verb_cue(t, lex) or not is_passive(t) or lex.frame(lemma).content == "clause":
        return None
    if lemma not in lex.verbs:
        return None  # "forces backed by Russia": a stance verb in the passive is a description, not a report
    return cue_name(t, lex) if any(c.dep_ == "agent" for c in kids(t)) else None


@rule(
    "claims.cue.addressed_by",
    decides="claim.cue",
    positive=[
        Example(
            "Asked by a reporter whether the truce would hold, the colonel said his men were ready.",
            {"claims": 2, "claim.cue": "ask", "claim.claimant.name": "reporter"},
        ),
        Example(
            "The aid workers were told by the rebels to leave the town before dark.",
            {"claims": 1, "claim.cue": "tell", "claim.text.text": "to leave the town before dark"},
        ),
    ],
    negative=[Example("The envoy was asked whether the rebels would accept the offer.", {"!claim.cue": "ask by"})],
)
def addressed_by(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """A passive verb whose object is the one addressed ("asked by", "told by"), with an agent and what is
    asked or told: the agent's claim ("Asked by a reporter whether ...": the reporter's question)."""
    lemma = t.lemma_.lower()
    if t.pos_ not in ("VERB", "AUX") or lemma not in lex.addressee_verbs or not is_passive(t):
        return None
    if not any(c.dep_ == "agent" for c in kids(t)) or addressed_content(t) is None:
        return None
    return lemma


def addressed_content(t: Token) -> Token | None:
    """What an addressee verb asks or tells: its question, its clause, its infinitive or its "about" (also
    one the parser hung on the agent: "asked by a host *about the curfew*")."""
    by = [o for c in kids(t) if c.dep_ == "agent" for o in kids(c) if o.dep_ == "pobj"]
    hung = [c for o in by for c in kids(o) if c.dep_ == "prep" and c.lower_ == "about"]
    for c in [*kids(t), *hung]:
        if c.i < t.i:
            continue
        if is_question(c) or c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "about"):
            return c
        if c.dep_ == "xcomp" and any(k.dep_ == "aux" and k.lower_ == "to" for k in kids(c)):
            return c
    return None


@rule(
    "claims.cue.reporting_verb",
    decides="claim.cue",
    positive=[Example("The army said it had repelled an attack near Kidal.", {"claim.cue": "say"})],
    negative=[Example("The said attack on the base near Kidal left two soldiers dead.", {"claims": 0})],
)
def reporting_verb(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """An active reporting verb is a cue; a passive one with nobody named, or one modifying a noun, is not."""
    if not _verb_cue(t, lex) or is_passive(t) or t.dep_ in ("amod", "compound"):
        return None
    return cue_name(t, lex)


_CLOSING_MARKS: Final = ("\u201d", '"', "''")
_OPENING_MARKS: Final = ("\u201c", '"', "'")


@rule(
    "claims.cue.beside_quotation",
    decides="claim.cue",
    positive=[
        Example(
            "“We held the bridge until dawn,” the colonel said. “Then the shelling stopped,” he continued.",
            {"claims": 2, "claim.cue": "continue"},
        ),
        Example(
            "The colonel raised his hand and boomed: “We hold the bridge until dawn.”",
            {"claims": 1, "claim.cue": "boom"},
        ),
    ],
    negative=[Example("Fighting continued near the bridge until dawn on Sunday.", {"claims": 0})],
)
def beside_quotation(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """A verb that reports only a quotation ("continued", "cut in", "laughed") is a cue right after one:
    "“...,” he continued"; elsewhere ("fighting continued") it reports nothing."""
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or lemma not in lex.quotation_verbs or is_passive(t):
        return None
    text = doc_text(t.doc)
    after = text[t.idx + len(t.text) : t.idx + len(t.text) + 4].lstrip(" ")
    if after[:1] in (":", ",") and after[1:].lstrip(" ")[:1] in _OPENING_MARKS:
        return lemma  # "then boomed: “Let's win in November.”"
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > t.i for c in kids(t)):
        return None  # "continued to fight", "continued the attack": an act, not a report
    subj = [c for c in kids(t) if c.dep_ == "nsubj"]
    left = min([t.i] + [c.left_edge.i for c in subj])
    at = t.doc[left].idx
    before = text[max(0, at - 12) : at].rstrip(" ,")  # the few characters before: a closing mark
    if not before.endswith(_CLOSING_MARKS):
        return None
    mark = before.rstrip("\u201d\"'")
    return lemma if mark[-1:] in (",", "!", "?", "\u2014", "-") else None


@rule(
    "claims.cue.misread_verb",
    decides="claim.cue",
    positive=[
        Example("Ukraine's military claims Russia lost 300 men near Kursk.", {"claim.cue": "claim"}),
        Example(
            "UN Envoy Warns Truce Could Collapse Within Days\n\nThe envoy spoke in Khartoum.", {"claim.cue": "warn"}
        ),
    ],
    negative=[Example("The claims of the Russian military about Kursk could not be checked.", {"claims": 0})],
)
def misread_verb(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """A third-person reporting verb the model tagged as a noun, between a speaker and a clause, is the verb;
    in a headline's title case ("Envoy Warns Truce Could Collapse") a proper noun's tag is no better."""
    lemma = lex.misread_forms.get(t.lower_)
    if lemma is None or _verb_cue(t, lex) or t.i == sent.start:
        return None
    headline = t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper() and _title_case(sent)
    if t.tag_ not in ("NNS", "NN") and not headline:
        return None
    if not headline and t.dep_ not in ("ROOT", "nsubj") and t.head.pos_ == "VERB":
        return None
    nxt = t.doc[t.i + 1] if t.i + 1 < sent.end else None
    prev = t.doc[t.i - 1]
    if (
        nxt is not None
        and (nxt.lower_ == "that" or nxt.pos_ in ("PROPN", "PRON", "DET", "NUM"))
        and prev.pos_ in ("NOUN", "PROPN", "ADJ")
    ):
        return lemma
    return None


def _title_case(sent: Span) -> bool:
    """Whether a sentence is written in title case (a headline): its longer words capitalised."""
    words = [w.text for w in sent if w.is_alpha and len(w.text) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@rule(
    "claims.cue.reporting_noun",
    decides="claim.cue",
    positive=[
        Example(
            "The junta rejected the rebels' claim that they had shot down a helicopter near Lashio.",
            {"claim.cue": "claim"},
        )
    ],
    negative=[Example("A statement from the junta said a helicopter was shot down near Lashio.", {"claim.cue": "say"})],
)
def reporting_noun(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """A noun of saying or stance is a cue ("the rebels' claim that", "his call for a truce");
    its builder asks for an author and a content of its own."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.cue_nouns:
        return None
    if t.dep_ == "nsubj" and t.head.lemma_.lower() in lex.cue_verbs:
        return None  # "a statement from the army said": the verb's claim, spoken by the author
    return t.lemma_.lower()


HEADLINE_MARKS: Final = frozenset({":", "-", "\u2013", "\u2014"})
"""Marks that set a headline's source off after it ("Nine killed in Kherson – governor")."""


@rule(
    "claims.cue.headline_source",
    decides="claim.cue",
    positive=[
        Example(
            "Nine killed, 20 wounded in shelling of Kherson market \u2013 Prokudin\n\n"
            "Russian shelling hit a market in Kherson on Tuesday, the regional governor Oleksandr Prokudin said.",
            {"claim.cue": "dash", "claim.claimant.name": "Oleksandr Prokudin", "claim.kind": "casualties"},
        ),
        Example(
            "Up to 40 feared dead in Darfur market raid: rights monitor\n\nGunmen raided a market in Darfur.",
            {"claim.cue": "colon", "claim.text.text": "Up to 40 feared dead in Darfur market raid"},
        ),
    ],
    negative=[
        Example(
            "Nine killed in shelling of Kherson market \u2013 in pictures\n\nRussian shelling hit a market.",
            {"claims": 0},
        ),
        Example(
            "Gunmen kill nine in raid on market near Gao \u2013 Mali\n\nGunmen raided a market near Gao.",
            {"claims": 0},
        ),
    ],
)
def headline_source(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """A dash or a colon in a text's first line (its headline) followed by a short name to the line's end:
    the name says the headline ("Nine killed in Kherson \u2013 Prokudin", "Dozens dead: rights monitor")."""
    phrase = headline_speaker(t)
    if phrase is None:
        return None
    roots = [w for w in phrase if not phrase.start <= w.head.i < phrase.end or w.head.i == w.i]
    root = roots[-1] if roots else None
    if root is None or root.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "CARDINAL", "FAC") or root.like_num:
        return None
    if country_from_name(phrase.text) is not None or any(w.lower_ in lex.colon_labels for w in phrase):
        return None  # "\u2013 Mali", "\u2013 live", "\u2013 report"
    if root.ent_type_ in ("PERSON", "ORG", "NORP") or root.pos_ == "PROPN" or root.lemma_.lower() in lex.speaker_nouns:
        return "colon" if t.text == ":" else "dash"
    return None


def headline_speaker(t: Token) -> Span | None:
    """The words after mark ``t`` to the end of the text's first line, when there are one to four of them,
    with no verb or stop, and three words or more of the line stand before the mark."""
    # "Kherson - Prokudin", not "pro-Kremlin": a hyphen is a mark only with a space before it (none at the text's start)
    if t.text not in HEADLINE_MARKS or t.i == 0 or (t.text == "-" and not t.nbor(-1).whitespace_):
        return None
    doc = t.doc
    text = doc_text(doc)
    line_end = text.find("\n")
    if line_end < 0 or t.idx > line_end or t.i < 3:
        return None
    end = t.i + 1
    while end < len(doc) and doc[end].idx < line_end:
        end += 1
    while end > t.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    phrase = doc[t.i + 1 : end]
    if not 1 <= len(phrase) <= 4 or any(
        w.pos_ in ("VERB", "AUX") or (w.is_punct and w.text not in (".", "-", "'")) for w in phrase
    ):
        return None
    return phrase


@rule(
    "claims.cue.colon_after_name",
    decides="claim.cue",
    positive=[
        Example("Governor Zulum: the insurgents will not take Maiduguri.", {"claim.cue": "colon"}),
        Example(
            "Haftar: the truce will not hold in the south.\n\nKhalifa Haftar spoke to reporters in Benghazi on Monday.",
            {"claim.cue": "colon", "claim.text.text": "the truce will not hold in the south"},
        ),
    ],
    negative=[
        Example("Mali: jihadists attack an army camp near Gao.", {"claims": 0}),
        Example("Movement of forces: On 7 April 2024, soldiers were seen near Biibi village.", {"claims": 0}),
    ],
)
def colon_after_name(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """A colon right after a short name at the start of its sentence introduces what the named one says
    ("Governor Zulum: the insurgents will not ...", "Jones: “...”"); a place or a date before it is a label."""
    if t.text != ":" or t.i == sent.start or t.i - sent.start > 6:
        return None
    phrase = t.doc[sent.start : t.i]
    if any(w.pos_ in ("VERB", "AUX") or (w.is_punct and w.text not in (".", "-")) for w in phrase):
        return None
    roots = [w for w in phrase if not sent.start <= w.head.i < t.i or w.head.i == w.i]
    if len(roots) != 1:
        return None
    root = roots[0]
    if root.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "CARDINAL", "FAC") or root.like_num:
        return None
    if country_from_name(phrase.text) is not None:
        return None  # "Mali: ...", a dateline or a headline's place, whatever the tagger made of it
    if root.lower_ in lex.colon_labels or any(w.lower_ in lex.colon_labels for w in phrase):
        return None  # "Update:", "Editor's note:", "Watch:"
    if root.ent_type_ in ("PERSON", "ORG", "NORP") or root.pos_ == "PROPN" or root.lemma_.lower() in lex.speaker_nouns:
        return "colon"
    if root.text[:1].isupper() and any(e.label_ == "PERSON" and e.root.lower_ == root.lower_ for e in entities(t.doc)):
        return "colon"  # a headline's "Sanders:" the tagger misread: the person the text names elsewhere
    return None


@rule(
    "claims.cue.passive_unattributed",
    decides="claim.cue",
    positive=[
        Example("The junta is expected to extend the curfew in Mandalay.", {"claim.cue": "expect"}),
        Example("It was reported that the convoy had turned back near Gao.", {"claim.cue": "report"}),
        Example("The envoy was asked to carry the offer to the rebels in Asmara.", {"claim.cue": "ask"}),
        Example(
            "Asked about the raid on Kidal, the general said his troops had acted lawfully.",
            {"claims": 2, "claim.cue": "ask", "claim.text.text": "the raid on Kidal"},
        ),
        Example(
            "Asked if he thought the truce would hold, the colonel said his men were ready.",
            {"claims": 2, "claim.cue": "ask", "claim.text.text": "if he thought the truce would hold"},
        ),
    ],
    negative=[
        Example("The junta extended the curfew in Mandalay.", {"claims": 0}),
        # an obligation or a plan, not a belief (``sourceless_passives`` leaves "suppose" out)
        Example("The ceasefire talks in Juba are supposed to resume on Monday.", {"claims": 0}),
        Example(
            # "'s" is "has" before a participle with a clause of its own (``has_said``), no passive
            "The rebel commander has kept silent for weeks. He's said his men will hold the bridge until the rains.",
            {"claim.cue": "say", "claim.claimant.name": "rebel commander"},
        ),
    ],
)
def passive_unattributed(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """A passive of belief or report with nobody named ("is expected to", "it was reported that",
    "is seen as") attributes its content to an unnamed source: a claim with no claimant."""
    lemma = t.lemma_.lower()
    if t.pos_ not in ("VERB", "AUX") or lemma not in lex.sourceless_passives or has_said(t):
        return None
    if not (any(c.dep_ == "auxpass" for c in kids(t)) or _opening(t)) or any(c.dep_ == "agent" for c in kids(t)):
        return None
    if not any(
        c.dep_ in ("xcomp", "ccomp", "oprd") or (c.dep_ == "prep" and c.lower_ in ("as", "about")) or is_question(c)
        for c in kids(t)
    ):
        return None
    return lemma


def is_question(c: Token) -> bool:
    """An indirect yes-no question the parser hung as an adverbial clause ("Asked *if he thought* ...")."""
    return (
        c.dep_ == "advcl"
        and c.i > c.head.i
        and any(k.dep_ == "mark" and k.lower_ in ("if", "whether") for k in kids(c))
    )


def linked_adjective(t: Token, lex: AttributionLexicon) -> Token | None:
    """The verb whose subject an attitude adjective describes: "is" in "is confident", the participle
    itself in "was convinced"; None when ``t`` is no attitude adjective on a linking verb."""
    if t.lower_ not in lex.attitude_adjectives:
        return None
    if t.dep_ in ("acomp", "oprd") and t.head.lemma_.lower() in lex.linking_verbs:  # "seemed hopeful": oprd
        return t.head
    if t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in kids(t)):
        return t  # "He was not convinced the truce would last": a passive the tagger made of the adjective
    return None


@rule(
    "claims.cue.attitude_adjective",
    decides="claim.cue",
    positive=[
        Example("The governor is confident that the curfew will hold.", {"claim.cue": "confident"}),
        Example("The rebels remained skeptical of the offer.", {"claim.cue": "skeptical"}),
        Example(
            "Lawmakers who are skeptical of the offer may vote against it.",
            {"claim.cue": "skeptical", "claim.claimant.name": "Lawmakers", "claim.text.text": "the offer"},
        ),
    ],
    negative=[Example("A critical road was cut near the town on Monday.", {"claims": 0})],
)
def attitude_adjective(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """An adjective of belief, intention or stance on a linking verb ("is confident that", "remained
    skeptical of", "was eager to") makes the verb's subject a source; its complement is the content."""
    return t.lower_ if linked_adjective(t, lex) is not None else None


def made_clear_adjective(t: Token, lex: AttributionLexicon) -> Token | None:
    """The adjective of "made (it) clear" on verb ``t``, if it has one after it."""
    if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in lex.clarity_verbs:
        return None
    doc = t.doc
    # right after the verb or after "it" ("made clear", "made it clear"); "made their plans known to X"
    # puts what is made known before the adjective, not after it
    at = t.i + 2 if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "it" else t.i + 1
    found = [c for c in kids(t) if c.i == at and c.lower_ in lex.clarity_adjectives and c.i < t.right_edge.i]
    return found[0] if found else None


@rule(
    "claims.cue.made_clear",
    decides="claim.cue",
    positive=[
        Example("The envoy made it plain that the offer would not be repeated.", {"claim.cue": "make plain"}),
        Example(
            "Officials have made it clear they will not negotiate with the gunmen.",
            {"claim.cue": "make clear", "claim.text.text": "they will not negotiate with the gunmen"},
        ),
    ],
    negative=[Example("The engineers made the road safe again.", {"claims": 0})],
)
def made_clear(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """ "X made (it) clear that ...", "made plain his opposition": X says what follows the adjective."""
    adjective = made_clear_adjective(t, lex)
    return None if adjective is None else f"{t.lemma_.lower()} {adjective.lower_}"


def survey_of(t: Token, lex: AttributionLexicon) -> Token | None:
    """The poll or survey of "In a poll ..." on a clause's verb ("In a poll, X leads", "X leads in the
    latest poll"), if ``t`` opens one."""
    if t.lower_ != "in" or t.dep_ != "prep" or t.head.pos_ not in ("VERB", "AUX"):
        return None
    found = [c for c in kids(t) if c.dep_ == "pobj" and c.lemma_.lower() in lex.survey_nouns]
    return found[0] if found else None


@rule(
    "claims.cue.in_survey",
    decides="claim.cue",
    positive=[
        Example(
            "In a Reuters poll released Monday, 50 percent of respondents backed the truce.",
            {"claim.cue": "in", "claim.text.text": "50 percent of respondents backed the truce"},
        ),
        Example(
            "The governor leads his rival by nine points in the latest Reuters poll.",
            {"claim.cue": "in", "claim.text.text": "The governor leads his rival by nine points"},
        ),
    ],
    negative=[Example("In the town of Gao, gunmen burned the market on Monday.", {"claims": 0})],
)
def in_survey(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """ "In a poll released Monday, 50 percent backed X": the clause is what the poll says (PolNeAR's
    cue "In", the poll its source); a place, a time or a speech after "In" is no source."""
    return "in" if survey_of(t, lex) is not None else None


@rule(
    "claims.cue.seeming",
    decides="claim.cue",
    positive=[Example("The truce seems likely to collapse before the rains.", {"claim.cue": "seem"})],
    negative=[
        Example("The envoy appeared to confirm that the truce had collapsed.", {"claim.cue": "confirm"}),
        Example(
            "After the talks, Bello seemed hopeful that the camp could take in more families.",
            {"claim.cue": "hopeful", "claim.claimant.name": "Bello"},
        ),
    ],
)
def seeming(t: Token, sent: Span, lex: AttributionLexicon) -> str | None:
    """ "X seems to ...", "X appeared ...": an impression the text gives no source for, a claim with
    no claimant; over a cue of its own ("appeared to confirm") it only hedges that cue."""
    lemma = t.lemma_.lower()
    if t.pos_ not in ("VERB", "AUX") or lemma not in lex.hedge_governors:
        return None
    comps = [c for c in kids(t) if c.dep_ in ("xcomp", "acomp", "ccomp", "oprd") and c.i > t.i]
    if not comps or any(c.lemma_.lower() in lex.cue_verbs for c in comps):
        return None
    subjects = [c for c in kids(t) if c.dep_ in ("nsubj", "expl")]
    if not subjects:
        return None
    if _own_attitude(subjects[0], comps, lex):
        return None  # "seemed hopeful that", "appeared pleased with": the subject's own attitude
    return lemma


def _own_attitude(subject: Token, comps: list[Token], lex: AttributionLexicon) -> bool:
    """Whether a seeming verb's complement is an attitude adjective its subject holds about something: a subject
    that can speak (not "no candidate"), an adjective with a clause, an infinitive or an object of its own."""
    if not can_speak(subject, lex) or any(k.lower_ in lex.negative_quantifiers for k in kids(subject)):
        return False
    return any(
        linked_adjective(c, lex) is not None
        and any(
            k.i > c.i and (k.dep_ in ("ccomp", "xcomp") or (k.dep_ == "prep" and k.lower_ not in ("in", "for", "by")))
            for k in kids(c)
        )
        for c in comps
    )
