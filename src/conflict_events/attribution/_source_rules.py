"""Who speaks: the rules that find a cue's speaker phrase on the parse (``docs/claims.md``).

A cue's speaker is found at the cue itself, or, for a participle, a conjunct or "appeared
to ...", at the verb it hangs on (:data:`SPEAKER_AT`, the first rule that applies at one
level decides); the phrase found may then be refined (:data:`REFINE`: "one of the sources"
is the sources, "a statement from the army" the army).

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.attribution import AttributionLexicon
>>> lex = AttributionLexicon.load()
>>> doc = load_language_model()("The army said it repelled the attack, adding that two soldiers died.")
>>> found = speaker_of(doc[8], lex)
>>> found.value.text, found.rule
('army', 'claims.source.inherited')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._doccache import doc_text
from .._docindex import doc_index, kids, lowers
from .._textscan import dateline_end
from ..quantities._quantity_lexicon import PERSON_NOUNS
from ..rules import Decided, Example, first, rule
from ._attribution_lexicon import AttributionLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "REFINE",
    "SPEAKER_AT",
    "after_quotation",
    "can_speak",
    "document_speaker",
    "inverted_after",
    "inverted_speaker",
    "named_in_apposition",
    "nominal_subject",
    "sender",
    "set_off_at",
    "set_off_subject",
    "speaker_of",
    "speaker_range",
    "speakers_participle",
    "subject",
    "trailing_speaker",
]

_RELATIVE: Final = frozenset({"which", "who", "that"})
_INHERITING: Final = frozenset({"xcomp", "advcl", "conj", "ccomp", "pcomp", "dep"})


def inverted_speaker(t: Token) -> tuple[Token, Token] | None:
    """The name and the content clause of an inverted cue the parser read as a plain one.

    "Any reading of his acts, said Amina Bello, an expert, would see a retreat": the parser makes
    "reading" the cue's subject and "Bello" the subject of the clause after it; the cue right after
    a comma and a name right after the cue, set off by a comma, say otherwise. ``(name, clause)``.
    """
    doc = t.doc
    if t.i == 0 or doc[t.i - 1].text != "," or not any(c.dep_ == "nsubj" and c.i < t.i for c in kids(t)):
        return None
    for c in kids(t):
        if c.dep_ != "ccomp" or c.i < t.i:
            continue
        name = next((k for k in kids(c) if k.dep_ == "nsubj"), None)
        if (
            name is not None
            and name.pos_ == "PROPN"
            and name.left_edge.i == t.i + 1
            and name.i + 1 < len(doc)
            and doc[name.i + 1].text == ","
        ):
            return name, c
    return None


def has_said(t: Token) -> bool:
    """ "He's said his men will hold": the "'s" is "has" before a participle with a clause of its own, though the
    parser reads it as a passive auxiliary (a passive "is said" takes "to": "he is said to be ill")."""
    return (
        t.tag_ in ("VBN", "VBD")
        and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s") for c in kids(t))
        and not any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in kids(t))  # "it's said that ...": a passive
        and any(c.dep_ == "ccomp" and any(k.dep_ in _CLAUSE_SUBJECTS for k in kids(c)) for c in kids(t))
    )


_CLAUSE_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass", "expl"})


def _subject(t: Token) -> Token | None:
    """The subject nearest before the verb (a misparse can hang a second one on it); in an inverted
    cue right after a comma, the name after it ("The offensive, said Colonel Diallo, will resume")."""
    subj = [c for c in kids(t) if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and has_said(t))]
    if not subj:
        return _number_subject(t)
    before = [c for c in subj if c.i < t.i]
    # the name right after the cue ("said Colonel Diallo"), not one further on ("said on “Fox and Friends”")
    after = [c for c in subj if c.i > t.i and c.pos_ == "PROPN" and c.left_edge.i == t.i + 1]
    if before and after and _after_comma_or_quote(t):
        return after[0]
    return before[-1] if before else subj[0]


def _number_subject(t: Token) -> Token | None:
    """ "About 4 in 10 say ...": a number the parser hung on the verb itself, before it, is its subject."""
    if t.pos_ != "VERB":
        return None
    return next((c for c in kids(t) if c.dep_ == "nummod" and c.i < t.i and c.like_num), None)


def _after_comma_or_quote(t: Token) -> bool:
    """Whether ``t`` comes right after a comma, or after a closing quotation mark ("“...,” said X")."""
    doc = t.doc
    if t.i == 0:
        return False
    prev = doc[t.i - 1]
    return prev.text == "," or (prev.tag_ == "''" and t.i > 1 and doc[t.i - 2].is_punct)


@rule(
    "claims.source.relative_clause_head",
    decides="claim.claimant",
    positive=[
        Example(
            "The governor, who said the curfew would hold, toured the market in Kaduna on Friday.", {"claim.cue": "say"}
        ),
        Example("Traders in Kaduna are among those who say the curfew has failed.", {"claim.claimant.name": "those"}),
        Example(
            "The opposition party released an advertisement that accuses the governor of lying.",
            {"claim.cue": "accuse", "claim.claimant.name": "opposition party"},
        ),
        Example(
            "Musa Danjuma, a lawmaker who accused the army of negligence, toured the camp.",
            {"claim.cue": "accuse", "claim.claimant.name": "Musa Danjuma"},
        ),
        Example(
            "Ali Umar, a Republican who has refused to back the bill, said the vote was rushed.",
            {"claim.cue": "refuse", "claim.claimant.name": "Ali Umar", "!claim.claimant.name": "Republican"},
        ),
        Example(
            "Police recovered a video that shows the gunmen entering the church.",
            {"claim.cue": "show", "claim.claimant.name": "video"},
        ),
        Example(
            "The governor released his medical records in July, which showed he was fit to serve.",
            {"claim.cue": "show", "claim.claimant.name": "his medical records"},
        ),
    ],
    negative=[Example("The governor said the curfew would hold in Kaduna.", {"claim.cue": "say"})],
)
def relative_clause_head(t: Token, lex: AttributionLexicon) -> Token | None:
    """ "The governor, who said ...": the noun the relative clause describes speaks.

    What a speaker puts out speaks for it ("released a video that shows ...": who released it, as
    with a participle, :func:`sender`), and a common noun set beside a name speaks as that name
    ("Musa Danjuma, a lawmaker who accused ...": the lawmaker is Danjuma).
    """
    s = _subject(t)
    if s is None or s.ent_type_ in ("DATE", "TIME") or s.lower_ not in _RELATIVE or t.dep_ != "relcl":
        return None
    head = t.head
    if head.dep_ == "appos" and _description(head) and head.head.pos_ == "PROPN" and head.head.i < head.i:
        return head.head
    head = _object_before(head) or head
    if lex.lemma_of(head) in lex.message_nouns:
        act = _sending_act(head, lex)
        found = speaker_of(act, lex) if act is not None else None
        if found is not None:
            return found.value
    return head


_SETTING_PREPOSITIONS: Final = frozenset({"in", "on", "at", "during", "via", "through"})


def _object_before(head: Token) -> Token | None:
    """The object a relative clause is about where the parser hung the clause on the time or the named
    setting after it: "released his records in July, which showed ...", "posted a message on Twitter that
    showed ...": the records, the message (whose sender then speaks)."""
    if head.ent_type_ in ("DATE", "TIME") and head.dep_ == "npadvmod":
        verb = head.head
    elif head.dep_ == "pobj" and head.head.lower_ in _SETTING_PREPOSITIONS and (
        head.ent_type_ in ("DATE", "TIME") or (head.pos_ == "PROPN" and head.ent_type_ != "PERSON")
    ):
        verb = head.head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in kids(verb) if c.dep_ == "dobj" and c.i < head.i and c.pos_ in ("NOUN", "PROPN")), None)


def _description(t: Token) -> bool:
    """Whether ``t`` describes rather than names: a common noun, or a capitalised one with an article ("a
    Republican", "a Democrat" beside a person's name)."""
    if t.pos_ == "NOUN":
        return True
    return (
        t.pos_ == "PROPN"
        and t.ent_type_ != "PERSON"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids(t))
    )


@rule(
    "claims.source.apposition_after_content",
    decides="claim.claimant",
    positive=[
        Example(
            "A militant attack on an Indian Army convoy in the Himalayan territory of Jammu and Kashmir "
            "killed at least five soldiers, India's defense minister said on Tuesday, the latest in a spate "
            "of strikes that has roiled the region.",
            {"claim.claimant.name": "India's defense minister"},
        )
    ],
    negative=[
        Example(
            "Mali's defence minister said a roadside bomb killed at least four soldiers near Gao.", {"claim.cue": "say"}
        )
    ],
)
def apposition_after_content(t: Token, lex: AttributionLexicon) -> Token | None:
    """A speaker after fronted content, which the parser made the apposition of the content's last noun, speaks.

    "... killed at least five soldiers, India's defense minister said": the phrase between the comma
    and the verb speaks, not the noun the parser made the subject.
    """
    s = _subject(t)
    if s is None or s.ent_type_ in ("DATE", "TIME") or (s.lower_ in _RELATIVE and t.dep_ == "relcl"):
        return None
    return speaker_in_apposition(s, t)


def speaker_in_apposition(subject: Token, verb: Token) -> Token | None:
    """The apposition of ``subject`` between a comma and ``verb``, after a content that comes first."""
    if not any(c.dep_ == "ccomp" and c.i < subject.i for c in kids(verb)):
        return None
    for c in kids(subject):
        if (
            c.dep_ == "appos"
            and c.i > subject.i
            and c.right_edge.i + 1 == verb.i
            and c.left_edge.i > 0
            and c.doc[c.left_edge.i - 1].text == ","
        ):
            return c
    return None


@rule(
    "claims.source.subject",
    decides="claim.claimant",
    positive=[
        Example("Police in Kano said on Sunday that three suspects had been arrested.", {"claim.cue": "say"}),
        Example("Others say the truce will not survive the rainy season.", {"claim.claimant.name": "Others"}),
        Example(
            "By a wide margin, those surveyed said the curfew had failed.", {"claim.claimant.name": "those surveyed"}
        ),
        Example(
            "About 4 in 10 say the curfew should be lifted before the rainy season.",
            {"claim.cue": "say", "claim.claimant.name": "About 4 in 10"},
        ),
        Example(
            "“The roads are closed. All of them,” said Amina Bello, the governor of the province.",
            {"claim.claimant.name": "Amina Bello"},
        ),
        Example(
            "Talks stall in Mali\n\nBAMAKO (Reuters) - Rebel leaders and the army said on Sunday that the talks had"
            " stalled.",
            {"!claim.claimant.name": "BAMAKO"},
        ),
        Example(
            "The offensive, said Colonel Diallo, will resume next week.",
            {
                "claim.claimant.name": "Diallo",
                "claim.text.text": "The offensive, said Colonel Diallo, will resume next week",
            },
        ),
    ],
    negative=[Example("Three suspects were arrested in Kano, according to police.", {"claim.cue": "according to"})],
)
def subject(t: Token, lex: AttributionLexicon) -> Token | None:
    """The subject of the cue verb speaks.

    A fronted date the parser made the subject ("Early Monday, FLA rebels, who ..., claimed")
    gives way to the speaker in its apposition.
    """
    inverted = inverted_speaker(t)
    if inverted is not None:
        return inverted[0]
    s = _subject(t)
    if s is None or (s.lower_ in _RELATIVE and t.dep_ == "relcl"):
        return None
    if s.ent_type_ in ("DATE", "TIME"):
        named = [c for c in kids(s) if c.dep_ == "appos"]
        return (speaker_in_apposition(named[0], t) or named[0]) if named else None
    end = dateline_end(doc_text(s.doc), s.idx)
    if end > s.idx:
        # "BAMAKO (Reuters) - Rebel fighters ... said": the dateline's town, made the subject, gives way to the
        # speaker in its apposition after the dash
        named = [c for c in kids(s) if c.dep_ == "appos" and c.idx >= end]
        return named[0] if named else None
    return s


@rule(
    "claims.source.quoted_as_saying",
    decides="claim.claimant",
    positive=[
        Example(
            "General Musa toured the front. He was quoted by the agency as saying the army had lost 30 men.",
            {"claim.cue": "say"},
        )
    ],
    negative=[Example("General Musa told the agency the army had lost 30 men.", {"claim.cue": "tell"})],
)
def quoted_as_saying(t: Token, lex: AttributionLexicon) -> Token | None:
    """ "X was quoted as saying ...": the one quoted speaks."""
    if t.lemma_.lower() != "quote" or any(c.dep_ == "nsubj" for c in kids(t)):
        return None
    quoted = [c for c in kids(t) if c.dep_ == "nsubjpass"]
    return quoted[0] if quoted else None


@rule(
    "claims.source.agent",
    decides="claim.claimant",
    positive=[
        Example("The Taliban said they had captured 14 soldiers, a claim denied by Islamabad.", {"claim.cue": "deny"})
    ],
    negative=[Example("Islamabad denied the claim that 14 soldiers had been captured.", {"claim.cue": "deny"})],
)
def agent(t: Token, lex: AttributionLexicon) -> Token | None:
    """ "a claim denied by Islamabad": the agent of a passive cue speaks."""
    if any(c.dep_ == "nsubj" for c in kids(t)) or (
        t.lemma_.lower() == "quote" and any(c.dep_ == "nsubjpass" for c in kids(t))
    ):
        return None
    found = [c for c in kids(t) if c.dep_ == "agent"]
    pobj = [c for c in kids(found[0]) if c.dep_ == "pobj"] if found else []
    return pobj[0] if pobj else None


SPEAKER_AT: Final = (
    relative_clause_head,
    apposition_after_content,
    subject,
    quoted_as_saying,
    agent,
)
"""The rules that find a speaker at one verb, in order: the first that applies decides."""


def _decides_here(t: Token) -> bool:
    """Whether the verb's own words settle its speaker (a subject, "was quoted", an agent), found or not."""
    return (
        _number_subject(t) is not None
        or any(c.dep_ in ("nsubj", "agent") or (c.dep_ == "nsubjpass" and t.lemma_.lower() == "quote") for c in kids(t))
        or has_said(t)
    )


def conjunct_of_cue(k: Token, c: Token, v: Token, lex: AttributionLexicon) -> bool:
    """Whether verb ``k``, which the parser joined to ``v``'s content clause ``c``, is ``v``'s conjunct.

    "telling CNN that Trump is a faker and questioning how ...": "questioning" has the form of the
    cue "telling", not of the clause's "is", and no subject of its own; coordination joins like forms.
    """
    return (
        k.pos_ == "VERB"
        and k.tag_ == v.tag_
        and k.tag_ != c.tag_
        and k.lemma_.lower() in lex.cue_verbs
        and v.lemma_.lower() in lex.cue_verbs
        and not any(x.dep_ in ("nsubj", "nsubjpass") for x in kids(k))
    )


def speakers_participle(t: Token, c: Token) -> bool:
    """A cue participle set off by a comma at the end of content clause ``c``, with no subject of its own
    ("said he would release them on Friday, calling them boring"): the speaker goes on, a claim of its own.
    The comma may close a quotation ("stressed that “the way out is talks,” suggesting ...")."""
    return (
        t.i > c.i
        and t.tag_ == "VBG"
        and t.dep_ in ("advcl", "xcomp", "conj")
        and t.left_edge.i == t.i
        and set_off_at(t) is not None
        and not any(x.dep_ in ("nsubj", "nsubjpass") for x in kids(t))
    )


def set_off_at(t: Token) -> int | None:
    """The comma that sets ``t`` off: right before it, or before the closing quotation mark right before it."""
    doc, i = t.doc, t.i
    if i >= 1 and doc[i - 1].text == ",":
        return i - 1
    if i >= 2 and doc[i - 1].is_quote and doc[i - 2].text == ",":
        return i - 2
    return None


# the links by which a content hangs under its cue ("said [the warning was [...]]", "denied the notion [that ...]")
_UNDER_CUE: Final = frozenset({"ccomp", "acl", "relcl", "advcl", "conj", "xcomp", "pcomp", "dobj", "pobj", "prep"})


def _cue_above(t: Token, lex: AttributionLexicon) -> Token | None:
    """The nearest cue verb with a subject whose content ``t`` lies in (up to five links up), if any."""
    up = t
    for _ in range(5):
        if up.dep_ not in _UNDER_CUE or up.head.i == up.i:
            return None
        up = up.head
        if up.pos_ == "VERB" and up.lemma_.lower() in lex.cue_verbs and any(c.dep_ == "nsubj" for c in kids(up)):
            return up
    return None


def _turn_of_speaker(t: Token, up: Token, lex: AttributionLexicon) -> Token | None:
    """The cue whose speaker goes on in ``t``, a cue the parser hung deep in that cue's content.

    "Bennett denied the notion that a shakeup is coming, explaining that ...": a participle set off
    by a comma; "X said the warning showed that Y did not know ..., and accused Z of ...": a finite
    conjunct after a comma and a coordinator, in the tense of the cue above.
    """
    if t.lemma_.lower() not in lex.cue_verbs:
        return None
    doc = t.doc
    participle = speakers_participle(t, up)
    if up.lemma_.lower() in lex.cue_verbs and (participle or up.tag_ == t.tag_):
        return None  # the participle or conjunct of the cue it hangs on, whose speaker it has
    turn = (
        t.dep_ == "conj"
        and t.tag_ in ("VBD", "VBZ", "VBP")
        and t.i >= 2
        and doc[t.i - 1].dep_ == "cc"
        and doc[t.i - 2].text == ","
        and not any(x.dep_ in ("nsubj", "nsubjpass") for x in kids(t))
    )
    if participle and up.lemma_.lower() != "be" and any(c.dep_ == "nsubj" and can_speak(c, lex) for c in kids(up)):
        return None  # "the union sued the city, saying ...": the act's own subject goes on
    if not (participle or turn):
        return None
    above = _cue_above(up, lex)
    return above if above is not None and (participle or above.tag_ == t.tag_) else None


def _climb(t: Token, lex: AttributionLexicon) -> Token | None:
    """The verb whose speaker ``t`` shares: a participle's, a conjunct's, "appeared to"'s."""
    if t.dep_ not in _INHERITING or t.head.i == t.i or (t.dep_ == "ccomp" and t.tag_ != "VBG"):
        return None
    up = t.head
    if t.dep_ in ("conj", "advcl") and up.dep_ == "ccomp" and conjunct_of_cue(t, up, up.head, lex):
        return up.head  # the cue's conjunct, hung on its content clause
    cue = up.head
    if up.dep_ == "ccomp" and cue.i < t.i and cue.lemma_.lower() in lex.cue_verbs and speakers_participle(t, up):
        # "said the curfew would end, calling it a relief": the speaker's participle; not a cue after it, in the
        # quotation it introduces ("..., telling reporters: “Many people said ...”")
        return cue
    turn = _turn_of_speaker(t, up, lex)
    if turn is not None:
        return turn  # the same, the parser having hung it deeper in the content
    if _time_clause_of_cue(t, up, lex):
        return cue  # "X said ... after Y won the vote, remarking that ...": X remarks, not Y
    if up.dep_ == "prep" and (up.lower_ == "as" or t.dep_ == "pcomp"):
        up = up.head  # "quoted ... as saying", "launched the campaign by talking about", "before insisting"
    if t.dep_ == "xcomp" and up.pos_ == "ADJ" and up.dep_ == "acomp":
        up = up.head  # "voters were more likely to say", "officials were quick to deny": the linking verb's subject
    return up


_TIME_MARKS: Final = frozenset({"after", "before", "when", "while", "as", "once", "since", "until"})


def _time_clause_of_cue(t: Token, clause: Token, lex: AttributionLexicon) -> bool:
    """Whether ``t``, a participle after a comma, ends a clause of time (``clause``: "after Y won ...") that the
    parser hung it on and that itself hangs on a cue before it: the participle goes on with the cue's act, as
    the speaker's next words, not the act of the clause's subject."""
    cue = clause.head
    return (
        t.tag_ == "VBG"
        and t.dep_ == "advcl"
        and clause.dep_ == "advcl"
        and cue.i < clause.i < t.i
        and lex.lemma_of(cue) in lex.cue_verbs
        and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in kids(clause))
        and t.i > 0
        and t.doc[t.left_edge.i - 1].text == ","
    )


@rule(
    "claims.source.inherited",
    decides="claim.claimant",
    positive=[
        Example("The army said it repelled the attack, adding that two soldiers were wounded.", {"claim.cue": "add"}),
        Example(
            "The airline denied any fault and pointed out that the crew had been cleared to land.",
            {"claim.cue": "point", "claim.claimant.name": "airline"},
        ),
        Example(
            "Army officers were angered by the deal and predicted it would embolden the militia.",
            {"claim.cue": "predict", "claim.claimant.name": "Army officers"},
        ),
        Example(
            "The union sued the ministry on Friday, claiming the new rules would cost its members their jobs.",
            {"claim.cue": "claim", "claim.claimant.name": "union"},
        ),
        Example(
            "Republican activists clamoring to block the governor from the party nomination say they are "
            "suddenly gaining ground.",
            {"claim.cue": "say", "claim.claimant.name": "Republican activists"},
        ),
        Example(
            "The leak of the letters forced the party chairwoman, Ann Cole, to announce that she would resign.",
            {"claim.cue": "announce", "claim.claimant.name": "Ann Cole"},
        ),
        Example(
            "He will be interviewed about Bishop Kukah calling the amnesty plan a mistake.",
            {"claim.cue": "call", "claim.claimant.name": "Bishop Kukah"},
        ),
        Example(
            "The governor denied the claim that the army was leaving Gao, explaining that the troops were rotating.",
            {"claims": 2, "claim.cue": "explain", "claim.claimant.name": "governor"},
        ),
        Example(
            "Mr. Okafor said the report was proof that the minister did not know the facts, and accused the "
            "ministry of hiding the losses.",
            {"claim.cue": "accuse", "claim.claimant.name": "Okafor"},
        ),
        Example(
            "Mr. Okafor stressed that “the only way out is talks with the rebels,” suggesting that the curfew "
            "could end soon.",
            {"claim.cue": "suggest", "claim.claimant.name": "Okafor"},
        ),
        Example(
            "Older voters in Kano were more likely to say the curfew had failed.",
            {"claim.cue": "say", "claim.claimant.name": "Older voters in Kano"},
        ),
        Example(
            # the subject of the verb it hangs on cannot speak: the speaker of the cue that reports that clause
            "Okafor said the new curfew had calmed the city, before claiming that the rebels were losing support.",
            {"claim.cue": "claim", "!claim.claimant.name": "new curfew"},
        ),
        Example(
            # not the speaker of the quotation the participle introduces
            "Garba looked unconvinced by the ministry's figures on Friday, telling journalists: “Many residents said "
            "the water was unsafe.”",
            {"claim.cue": "tell", "claim.claimant.name": "Garba"},
        ),
        Example(
            # "with X V-ing": X's act, not the subject's of the verb it hangs on
            "The meeting ended with Okafor asking the minister whether the curfew would end.",
            {"claim.cue": "ask", "claim.claimant.name": "Okafor"},
        ),
        Example(
            # a clause of time the parser hung the participle on speaks not: the cue it hangs on does
            "Okafor said during a panel on Friday after the senator easily won his primary, remarking that the "
            "party was united.",
            {"claim.cue": "remark", "claim.claimant.name": "Okafor"},
        ),
        Example(
            # the subject of the verb the participle hangs on cannot speak: the clause's right before it
            "The rally was interrupted when protesters stormed the stage, claiming that the vote was rigged.",
            {"claim.cue": "claim", "claim.claimant.name": "Protesters"},
        ),
    ],
    negative=[
        Example("The army said it repelled the attack. It added that two soldiers were wounded.", {"claim.cue": "add"})
    ],
)
def inherited(v: Token, lex: AttributionLexicon) -> Token | None:
    """A participle, a conjunct or "appeared to" has the speaker of the verb it hangs on.

    "..., adding that ...", "condemned the attack and said ...", "appeared to confirm"; and a cue
    the parser left dangling ("activists clamoring to block X say ...": "say" hung on "clamoring").
    """
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.i < v.i:
        # "an interview about the Pope calling the plan a sham": the noun the participle describes; "the share
        # of voters saying ...": the people it is a share of (refined after, :func:`partitive`)
        group = partitive(v.head, lex)
        if can_speak(v.head, lex) or (group is not None and can_speak(group, lex)):
            return v.head
    absolute = _absolute_subject(v, lex)
    if absolute is not None:
        return absolute
    if v.dep_ == "xcomp":
        # "the leak led the chairwoman to announce ...": the object of the verb above does what it is led to
        controller = [c for c in kids(v.head) if c.dep_ == "dobj" and c.i < v.i]
        if controller and nominal_subject(controller[0], lex) is not None:
            return controller[0]
    t = v
    for _ in range(3):
        up = _climb(t, lex)
        if up is None:
            return None
        t = up
        passive = [c for c in kids(t) if c.dep_ == "nsubjpass"]
        if passive and t.lemma_.lower() not in lex.cue_verbs:
            # "Officers were angered by the deal and predicted ...", "A lawsuit was filed, alleging ...":
            # the subject of a passive act goes on to speak (its agent is no speaker)
            return passive[0] if can_speak(passive[0], lex) else _clause_before(v, t, lex) or passive[0]
        if _decides_here(t):
            found = first(SPEAKER_AT, t, lex)
            return _speaking(found.value, t, lex, v) if found is not None else None
    return None


def _absolute_subject(v: Token, lex: AttributionLexicon) -> Token | None:
    """ "The meeting ended with Okafor asking the minister ...": a participle right after "with X" that hangs on
    the same verb is X's act (an absolute construction), not the verb's subject's."""
    if v.tag_ != "VBG" or v.dep_ != "advcl" or v.i == 0:
        return None
    before = v.doc[v.left_edge.i - 1]
    noun = before if before.dep_ == "pobj" else None
    while noun is None and before.head.i != before.i and before.head.i < v.i and before.dep_ in ("compound", "amod"):
        before = before.head  # the last word before the participle is inside the noun phrase
        noun = before if before.dep_ == "pobj" else None
    if noun is None or noun.right_edge.i != v.left_edge.i - 1:
        return None
    prep = noun.head
    if prep.lower_ != "with" or prep.head.i != v.head.i:
        return None
    return noun if can_speak(noun, lex) else None


def _clause_before(v: Token, t: Token, lex: AttributionLexicon) -> Token | None:
    """ "The rally was interrupted when protesters stormed the stage, shouting ...": where the verb the
    participle hangs on has a subject that cannot speak, the subject of the clause right before the participle
    (a clause of that verb ending at the participle's comma) that can."""
    if v.tag_ != "VBG":
        return None  # a finite conjunct ("..., and surveys showed") keeps its own reading
    for c in kids(t):
        if c.dep_ not in ("advcl", "conj") or c.i >= v.i:
            continue
        gap = v.doc[c.right_edge.i + 1 : v.left_edge.i]
        if len(gap) > 1 or any(not w.is_punct for w in gap):
            continue
        subject = next((k for k in kids(c) if k.dep_ == "nsubj"), None)
        if subject is not None and can_speak(subject, lex):
            return subject
    return None


def _speaking(found: Token, t: Token, lex: AttributionLexicon, v: Token) -> Token | None:
    """The inherited speaker ``found`` at verb ``t``, or, where it cannot speak and ``t`` is what a cue above
    reports, that cue's speaker: "X said the new curfew had calmed the city, before claiming ...": X claims,
    not the curfew."""
    if can_speak(found, lex) or lex.names_people(found.lemma_.lower()):
        return found  # "a top strategist", "the incumbent": people, whether or not a list holds the word
    if t.i == v.head.head.i and _time_clause_of_cue(v, v.head, lex):
        return found  # the speaker of the cue the clause of time hangs on, whatever the model made of its word
    above = _cue_above(t, lex)
    if above is None or above.i > t.i:
        # only the cue that reports the clause, before it (not a closing "I think"); else a clause right before
        return _clause_before(v, t, lex) or found
    speaker = first(SPEAKER_AT, above, lex)
    return speaker.value if speaker is not None and can_speak(speaker.value, lex) else found


def _sending_act(noun: Token, lex: AttributionLexicon) -> Token | None:
    """The act that sends ``noun`` or sends something to it: "released *a statement*", "emailed
    *supporters*", "a letter *to residents*"; None when ``noun`` is neither message nor recipient."""
    if noun.dep_ in ("dobj", "dative"):
        act = noun.head
        recipient = lex.lemma_of(act) in lex.cue_verbs or act.lemma_.lower() in lex.addressee_verbs
        if lex.lemma_of(noun) not in lex.message_nouns and not recipient:
            return None  # "met a man saying ...": the man speaks
        message = lex.lemma_of(noun) in lex.message_nouns
        if message and act.lemma_.lower() in lex.receiving_verbs:
            return None  # "police recovered a video showing ...": the police send nothing
        if message and act.pos_ in ("VERB", "AUX"):
            return act  # its speaker may be inherited: "changed course, putting out a statement saying ..."
    elif noun.dep_ == "pobj" and noun.head.lower_ == "to":
        act = noun.head.head
        sent = act.pos_ == "NOUN" and act.dep_ == "dobj" and lex.lemma_of(act) in lex.message_nouns
        if sent:
            act = act.head  # "wrote a letter to residents warning ...": the letter's sender
        elif lex.lemma_of(act) not in lex.cue_verbs and not any(
            c.dep_ == "dobj" and lex.lemma_of(c) in lex.message_nouns for c in kids(act)
        ):
            return None  # "gave $10 million to a group backing X": the group backs X
    else:
        return None
    return act if act.pos_ in ("VERB", "AUX") and _decides_here(act) else None


@rule(
    "claims.source.sender",
    decides="claim.claimant",
    positive=[
        Example(
            "The party released a statement saying the rally had been cancelled.",
            {"claim.cue": "say", "claim.claimant.name": "party"},
        ),
        Example(
            "The mayor wrote a letter to residents warning that the dam could fail.",
            {"claim.cue": "warn", "claim.claimant.name": "mayor"},
        ),
        Example(
            "The party changed course, putting out a statement rejecting the remarks of its leader.",
            {"claim.cue": "reject", "claim.claimant.name": "party"},
        ),
    ],
    negative=[
        Example(
            "He will be interviewed about Bishop Kukah calling the amnesty plan a mistake.",
            {"claim.cue": "call", "claim.claimant.name": "Bishop Kukah"},
        ),
        Example(
            "The businessman gave two million dollars to a group backing the governor.",
            {"claim.cue": "back", "claim.claimant.name": "group"},
        ),
    ],
)
def sender(v: Token, lex: AttributionLexicon) -> Token | None:
    """A participle the parser hung on what a speaker sends, or on whom it is sent to, is the sender's.

    "released a statement saying ...", "emailed supporters saying ...", "a letter to residents
    warning ...": the statement and the supporters do not speak; who released or emailed does.
    """
    if v.dep_ != "acl" or v.tag_ != "VBG" or v.head.i > v.i:
        return None
    act = _sending_act(v.head, lex)
    # the sending act may itself go on from another ("changed course, putting out a statement saying ..."):
    # its own speaker, found as any cue's
    found = speaker_of(act, lex) if act is not None else None
    return found.value if found is not None else None


def speaker_of(v: Token, lex: AttributionLexicon) -> Decided[Token] | None:
    """The speaker of cue ``v`` and the rule that found it: at the verb itself, else inherited."""
    if _decides_here(v):
        return first(SPEAKER_AT, v, lex)
    return first((sender, inherited), v, lex)


@rule(
    "claims.source.partitive",
    decides="claim.claimant",
    positive=[
        Example(
            "Gunmen on motorbikes attacked the village of Kwatas, one of the witnesses told AFP.", {"claim.cue": "tell"}
        ),
        Example("Most of the delegates said the vote in Bamako had been rigged.", {"claim.claimant.name": "delegates"}),
        Example(
            "Nearly two-thirds of the delegates said the vote in Bamako had been rigged.",
            {"claim.claimant.name": "delegates"},
        ),
        Example(
            "The share of delegates saying the vote in Bamako was rigged has doubled.",
            {"claim.cue": "say", "claim.claimant.name": "delegates"},
        ),
    ],
    negative=[
        Example("Gunmen on motorbikes attacked the village of Kwatas, a witness told AFP.", {"claim.cue": "tell"})
    ],
)
def partitive(head: Token, lex: AttributionLexicon) -> Token | None:
    """ "one of the sources told AFP", "two of the witnesses said": the group the speaker is one of."""
    if head.lower_ not in lex.partitives and not head.like_num:
        return None
    # "two-thirds of voters": the "of" may hang on the fraction's other half
    around = [head, *(k for k in kids(head) if k.dep_ in ("quantmod", "nummod", "compound"))]
    for c in (c for t in around for c in kids(t)):
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = [k for k in kids(c) if k.dep_ == "pobj"]
            if pobj and pobj[0].pos_ != "PRON":
                return pobj[0]
    return None


@rule(
    "claims.source.quoted_person",
    decides="claim.claimant",
    positive=[
        Example(
            "Xinhua quoted Wasiu Abiodun, a police spokesman, as saying four officers were killed.",
            {"claim.cue": "say"},
        )
    ],
    negative=[Example("Xinhua reported that four officers were killed in the raid.", {"claim.cue": "report"})],
)
def quoted_person(head: Token, v: Token, lex: AttributionLexicon) -> Token | None:
    """ "Xinhua quoted X as saying ...": the quoted person speaks, not the outlet."""
    if v.lemma_.lower() != "quote":
        return None
    quoted = [c for c in kids(v) if c.dep_ == "dobj" and can_speak(c, lex)]
    return quoted[0] if quoted else None


@rule(
    "claims.source.trailing",
    decides="claim.claimant",
    positive=[
        Example(
            "Gunmen killed a district official in Baidoa on Friday and, in a separate attack, burnt a "
            "convoy outside the town, police and a spokesman for the group said.",
            {"claim.cue": "say"},
        ),
        Example(
            "But in a call with journalists on Friday, Col. Aliyu Bello, an army spokesman in Maiduguri, said the "
            "road to Damboa was open again.",
            {"claim.cue": "say", "claim.claimant.name": "Aliyu Bello"},
        ),
        Example(
            "Scores were killed near Djibo on Sunday after gunmen opened fire on villagers, relatives of the "
            "victims and a source who spoke to survivors said.",
            {"claim.text.text": "Scores were killed near Djibo on Sunday after gunmen opened fire on villagers"},
        ),
        Example(
            "Corpses lay along the main road after many were shot at close range, a spokeswoman for the "
            "Committee for Peace, Justice and Dialogue in the North, told Radio Okapi.",
            {"claim.text.text": "Corpses lay along the main road after many were shot at close range"},
        ),
    ],
    negative=[
        Example(
            "Police and a spokesman for the group said gunmen burnt a convoy outside Baidoa.", {"claim.cue": "say"}
        ),
        Example(
            "Fighters who attacked the camp near Djibo on Sunday said they would return.",
            {"claim.text.text": "they would return"},
        ),
    ],
)
def trailing_speaker(v: Token, sent: Span, lex: AttributionLexicon) -> Token | None:
    """A final cue with no subject of its own is spoken by the noun phrase between it and the comma before.

    "..., police and a spokesman for the group said.": the parser hung the speaker on the content.
    Only a phrase with no verb in it. "On Monday, Colonel X, a spokesman, said": the name the parser
    made an apposition of the fronted date speaks.
    """
    doc = v.doc
    if v.i - 2 > sent.start and doc[v.i - 1].text == ",":
        fronted = _apposition_of_fronted(doc[v.i - 2], v, lex)
        # "..., a spokeswoman for the Committee for Peace, Justice and Dialogue, told Radio X": the phrase
        # set off on both sides, commas inside its names
        if fronted is not None or any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(v)):
            return fronted
        return _phrase_speaker(v, sent, v.i - 1, 3, lex)
    return _phrase_speaker(v, sent, v.i, 0, lex)


def _phrase_speaker(v: Token, sent: Span, end: int, commas: int, lex: AttributionLexicon) -> Token | None:
    """The speaker of the noun phrase that ends at ``end`` after a comma: its root that can speak.

    The phrase holds no verb but a relative clause or a clause on one of its nouns ("a source who spoke
    to survivors", "the Commission to Save the Valley") and at most ``commas`` commas inside (a name
    with commas in it); it starts after the comma before it, never at the sentence's start.
    """
    doc = v.doc
    relative = {
        w.i
        for r in doc[sent.start : end]
        if (r.dep_ == "relcl" or (r.dep_ == "acl" and r.head.pos_ in ("NOUN", "PROPN")))
        and r.head.i < r.i
        and not r.left_edge.i <= v.i <= r.right_edge.i
        for w in r.subtree
    }
    j, found = end - 1, None
    while j > sent.start:
        w = doc[j]
        if w.text == ",":
            # the farthest comma whose phrase can speak: "a spokeswoman for the Committee for Peace, Justice ..."
            found = _phrase_root(doc, j, end, lex) or found
            if commas == 0:
                break
            commas -= 1
        elif (
            j not in relative
            and not (w.head.i == v.i and w.dep_ in ("aux", "auxpass"))
            and (
                (w.pos_ in ("VERB", "AUX") and w.dep_ != "amod")
                or (w.is_punct and w.text not in ("-", "\u2011", "'", "\u2019"))
            )
        ):
            return found  # "Russian-installed" is a modifier; any other verb or stop ends the phrase
        j -= 1
    return found


def _phrase_root(doc: Doc, comma: int, end: int, lex: AttributionLexicon) -> Token | None:
    """The first root of the phrase between ``comma`` and ``end`` that can speak (its head outside it)."""
    if comma == end - 1:
        return None
    # the phrase's own root: its head lies outside the phrase ("the city's governor": governor)
    roots = [t for t in doc[comma + 1 : end] if t.pos_ in ("NOUN", "PROPN", "PRON") and not comma < t.head.i < end]
    return next((t for t in roots if can_speak(t, lex)), None)


@rule(
    "claims.source.inverted_after_content",
    decides="claim.claimant",
    positive=[
        Example(
            "Up to 300 people were killed in an attack on the town of Djibo in May, according to a new tally "
            "from aid groups, reported Reuters.",
            {"claim.cue": "report", "claim.claimant.name": "Reuters"},
        ),
    ],
    negative=[
        Example(
            "Gunmen attacked the town of Djibo in May and reported the raid to Reuters.",
            {"!claim.claimant.name": "Reuters"},
        ),
    ],
)
def inverted_after(v: Token, sent: Span, lex: AttributionLexicon) -> Token | None:
    """A verb of saying set off by a comma at the end of its sentence, with no subject, says the words
    before it in the voice of the name after it: "..., reported CNN", "..., said the ministry" (the parser
    made the speaker the verb's object)."""
    doc = v.doc
    if v.i == 0 or doc[v.i - 1].text != "," or v.lemma_.lower() not in lex.verbs:
        return None
    if v.lemma_.lower() in lex.addressee_verbs or any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(v)):
        return None
    last = sent.end - 1
    while last > v.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    obj = next((c for c in kids(v) if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None or obj.right_edge.i != last or obj.left_edge.i != v.i + 1 - _article(doc, v.i + 1):
        return None
    named = obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG")
    return obj if (named or obj.lower_ in lex.speaker_nouns) and can_speak(obj, lex) else None


def _article(doc: Doc, i: int) -> int:
    """0, or -1 when an article opens the phrase at ``i`` ("said *the* ministry")."""
    return -1 if doc[i].lower_ in ("the", "a", "an") else 0


@rule(
    "claims.source.set_off_subject",
    decides="claim.claimant",
    positive=[
        Example(
            "Colonel Diallo, meanwhile, who commands the garrison at Gao, said the road to Ansongo was open.",
            {"claim.cue": "say", "claim.claimant.name": "Diallo"},
        ),
    ],
    negative=[
        Example(
            "On Monday, as the convoy left Gao, said to carry fuel, the road to Ansongo was closed.",
            {"claims": 0},
        ),
    ],
)
def set_off_subject(v: Token, sent: Span, lex: AttributionLexicon) -> Token | None:
    """A main cue with no subject on the parse, right after a comma, is spoken by the name that opens
    its sentence before a comma: "X, meanwhile, who ..., said ...", the words between set off.

    The parser often hangs such a name on the verb of the relative clause in between. Only a short
    phrase of nouns and modifiers (no verb, no number) that can speak.
    """
    doc = v.doc
    if v.dep_ != "ROOT" or v.i - 3 <= sent.start or doc[v.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in kids(v)):
        return None
    comma = next((j for j in range(sent.start + 1, min(v.i - 1, sent.start + 7)) if doc[j].text == ","), None)
    if comma is None:
        return None
    phrase = doc[sent.start : comma]
    if any(t.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "PUNCT") or t.like_num for t in phrase):
        return None
    roots = [t for t in phrase if not sent.start <= t.head.i < comma or t.head.i == t.i]
    head = roots[-1] if roots else None
    if head is None or head.pos_ not in ("PROPN", "NOUN") or head.ent_type_ in ("DATE", "TIME", "GPE", "LOC"):
        return None
    return head if can_speak(head, lex) else None


def _apposition_of_fronted(t: Token, v: Token, lex: AttributionLexicon) -> Token | None:
    """The apposition or conjunct of a fronted date or phrase whose words end at ``t``, right before ``v``."""
    for _ in range(12):
        if t.head.i == t.i or not t.head.i < v.i:
            return None
        host = t.head
        if t.dep_ in ("appos", "conj") and (host.ent_type_ in ("DATE", "TIME") or host.dep_ == "pobj"):
            return t if can_speak(t, lex) else None
        t = host
    return None


@rule(
    "claims.source.after_quotation",
    decides="claim.claimant",
    positive=[
        Example(
            "“How long will the truce hold?” asked the colonel, pointing at the river.",
            {"claim.cue": "ask", "claim.claimant.name": "colonel"},
        )
    ],
    negative=[
        Example(
            "The envoy asked the colonel how long the truce would hold.",
            {"claim.cue": "ask", "claim.claimant.name": "envoy"},
        )
    ],
)
def after_quotation(v: Token, lex: AttributionLexicon) -> Token | None:
    """A cue right after a quotation, with no subject of its own, is spoken by the noun phrase after it:
    "“...?” asked the boy" (the parser made the speaker the object)."""
    doc = v.doc
    i = v.i - 1
    while i > 0 and doc[i].text in (",", "—"):
        i -= 1
    if i <= 0 or not doc[i].is_quote or doc[i].text in ("“", "‘", "``"):
        return None
    return next(
        (c for c in kids(v) if c.i > v.i and c.dep_ in ("dobj", "npadvmod", "attr", "dative") and can_speak(c, lex)),
        None,
    )


@rule(
    "claims.source.named_apposition",
    decides="claim.claimant",
    positive=[
        Example(
            "A Congolese nun in Bunia, Marie Kahindo, said some pupils were hit by stray bullets.",
            {"claim.claimant.name": "Marie Kahindo"},
        ),
        Example(
            "Gunmen burned two schools near Kalehe overnight, according to the head of the district council "
            "Jean-Paul Mulumba.",
            {"claim.claimant.name": "Jean-Paul Mulumba"},
        ),
        Example(
            "The Baker Group's CEO, Kimberley Fritts, said the two firms had worked together.",
            {"claim.claimant.name": "Kimberley Fritts"},
        ),
    ],
    negative=[
        Example(
            "Marie Kahindo, a nun in Bunia, said some pupils were hit by stray bullets.",
            {"claim.claimant.name": "Marie Kahindo"},
        ),
        Example(
            "A spokesman for President Bola Tinubu said the troops would stay in Kaduna.",
            {"!claim.claimant.name": "Bola Tinubu"},
        ),
    ],
)
def named_in_apposition(head: Token, lex: AttributionLexicon) -> Token | None:
    """ "Another resident, Umaru Bawa, confirmed": the person named beside a role noun speaks; so does the
    name that ends a title the parser ran into it ("the head of the district council Jean Mulumba", "the
    special envoy for Sudan Tom Perriello"), but not one a title opens ("a spokesman for President X")."""
    if head.pos_ == "NOUN":
        for c in kids(head):
            if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN"):
                return c
    elif head.pos_ == "PROPN" and head.ent_type_ != "PERSON":
        # "The Podesta Group's CEO, Kimberley Fritts, said": a title the tagger took for a name
        for c in kids(head):
            if c.dep_ == "appos" and c.ent_type_ == "PERSON":
                return c
    return _name_ending_title(head, lex)


def _name_ending_title(head: Token, lex: AttributionLexicon) -> Token | None:
    """The last word of a person's name (two or more capitalised words, no place or body) that ends the
    phrase of role noun ``head``, after a word of the title that is no title word itself ("council",
    "Sudan"): "a spokesman for President X" names whom he speaks for."""
    if (head.lower_ not in lex.roles and head.lower_ not in lex.offices) or head.ent_type_ == "PERSON":
        return None
    last = speaker_range(head)[1] - 1
    doc = head.doc
    first = last
    while first > head.i and _name_word(doc[first]) and doc[first].lower_ not in lex.organisation_nouns:
        first -= 1
    words = [t for t in doc[first + 1 : last + 1] if t.pos_ == "PROPN"]
    before = doc[first]
    if len(words) < 2 or first <= head.i or before.lower_ in lex.roles or before.lower_ in lex.offices:
        return None
    return doc[last] if before.pos_ in ("NOUN", "PROPN") else None


def _name_word(t: Token) -> bool:
    """A word of a person's name: a capitalised proper noun the model gives no place type, or a hyphen."""
    return (t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "") and t.is_title) or (
        t.text in ("-", "\u2011") and t.whitespace_ == ""
    )


@rule(
    "claims.source.document_author",
    decides="claim.claimant",
    positive=[
        Example(
            "A statement from the army said two soldiers were killed near Diffa.",
            {"claim.claimant.name": "Military Forces of Niger (2023-)"},
        )
    ],
    negative=[Example("The army said in a statement that two soldiers were killed near Diffa.", {"claim.cue": "say"})],
)
def document_speaker(head: Token, lex: AttributionLexicon) -> Token | None:
    """ "A statement from the army said", "the ministry's statement said": the author speaks."""
    if head.lemma_.lower() not in lex.reporting_nouns:
        return None
    for c in kids(head):
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE", "NORP")):
            return c
        if c.dep_ == "acl" and c.tag_ == "VBN":
            # "a statement issued by the RSF spokesman": the one who issued it
            by = [k for k in kids(c) if k.dep_ == "agent"]
            pobj = [k for k in kids(by[0]) if k.dep_ == "pobj"] if by else []
            if pobj:
                return pobj[0]
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            pobj = [k for k in kids(c) if k.dep_ == "pobj"]
            if pobj:
                return pobj[0]
    return None


@rule(
    "claims.source.nominal_subject",
    decides="claim.claimant",
    positive=[
        Example("The airline said the plane had been serviced a week before the crash.", {"claim.cue": "say"}),
        Example("The magazine says its readers have picked the winner five times.", {"claim.cue": "say"}),
    ],
    negative=[Example("The bodies were found near the road, police said.", {"claim.claimant.name": "police"})],
)
def nominal_subject(head: Token, lex: AttributionLexicon) -> Token | None:
    """Any noun phrase the cue verb has as its own subject speaks ("the actress said", "the ad says").

    Tried only when the speaker lists do not know the noun and no trailing speaker was found:
    the subject of a reporting verb is its speaker whatever the noun, except the mute ones
    ("the bodies") and times the parser made subjects.
    """
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("DATE", "TIME"):
        return None
    lemma = head.lemma_.lower()
    return None if lemma in lex.mute or head.lower_ in lex.mute else head


REFINE: Final = (partitive, named_in_apposition, document_speaker)
"""Rules that refine a found speaker phrase (in the order the finder applies them)."""


def can_speak(head: Token, lex: AttributionLexicon) -> bool:
    """Whether a phrase headed by ``head`` can be a speaker: a pronoun, a name, or a speaker noun."""
    lower = head.lower_
    if lower in lex.pronouns:
        return True
    if lower == "another" and head.dep_ == "nsubj" and not kids(head):
        return True  # "Another said ...": one more of the speakers just named
    # "those who said ...", "four in 10 who said ...": a "who" clause makes people of a quantity
    people = head.dep_ == "nsubj" or any(
        c.dep_ == "relcl" and any(k.dep_ == "nsubj" and k.lower_ == "who" for k in kids(c)) for c in kids(head)
    )
    if lower in lex.quantifier_speakers and people:
        return True  # "Others say ...", "most said ...": a group the text leaves open
    if head.like_num and (people or _number_subject(head.head) is head):
        return True  # "43 said the same", "nearly two-thirds of voters said", "4 in 10 say": a number of people
    lemma = head.lemma_.lower()
    if lemma in PERSON_NOUNS and lemma not in lex.mute:
        return True  # "eyewitnesses", "survivors", "relatives", "medics"
    if lemma in lex.person_roles or (head.tag_ == "NNS" and lex.names_people(lemma)):
        return True  # "the judge", "critics", "supporters": people
    if head.ent_type_ in lex.speaker_entities or head.pos_ == "PROPN":
        return True
    return lemma in lex.speaker_nouns or lower in lex.speaker_nouns


def _closes(lower: list[str], left: int, right: int) -> bool:
    """Whether the ")" at ``right`` closes a "(" of the phrase: "Political Prisoners (AAPP)" keeps it."""
    return lower[right] == ")" and "(" in lower[left:right]


def speaker_range(head: Token) -> tuple[int, int]:
    """The speaker phrase: the head with its modifiers, without relative clauses or trailing commas."""
    left = head.left_edge.i
    right = head.i
    for c in kids(head):
        if c.i > head.i and c.dep_ in ("prep", "appos", "compound", "flat", "cc", "conj"):
            right = max(right, c.right_edge.i)
        elif c.dep_ == "acl" and c.i == head.i + 1 and c.tag_ == "VBN" and c.right_edge.i == c.i:
            right = max(right, c.i)  # "those surveyed", "voters polled": who they are
    punct, lower = doc_index(head.doc).punct, lowers(head.doc)
    while right > head.i and punct[right] and not _closes(lower, left, right):
        right -= 1
    if right + 1 < len(lower) and _closes(lower, left, right + 1):
        right += 1  # the parser hangs the closing bracket elsewhere
    while left < head.i and (punct[left] or lower[left] in ("the", "a", "an")):
        left += 1
    return (left, right + 1)
