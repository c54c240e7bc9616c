"""What is said: the rules that find a verb cue's content on the parse (``docs/claims.md``).

:data:`VERB_CONTENT` is tried in order, the first that applies deciding: the clause the verb
reports when it hangs on it ("X killed 15 civilians, a monitor said"), the verb's own clause
("said *that ...*", split at conjoined "and that" clauses), a "that" clause the parser hung on a
modifier, the verb's object ("confirmed *the attack*").

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.attribution import AttributionLexicon
>>> lex = AttributionLexicon.load()
>>> doc = load_language_model()("Residents blamed the rebels.")
>>> found = first(VERB_CONTENT, doc[1], doc[:], lex.frame("blame"), lex)
>>> [doc.text[a:b] for a, b in found.value], found.rule
(['the rebels'], 'claims.content.object')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._doccache import CACHE_PREFIX, doc_text
from .._docindex import kids, lemmas, lowers
from .._textscan import DATELINE
from ..rules import Example, first, rule
from ._attribution_lexicon import AttributionLexicon, Frame
from ._source_rules import conjunct_of_cue, inverted_speaker, set_off_at, speaker_of, speakers_participle
from ._tree import descendants, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["VERB_CONTENT", "clause_pieces", "cue_conjunct", "first", "object_content"]

_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
_REPORTING_KEY: Final = CACHE_PREFIX + "attribution.reporting"
_WIRES: Final = frozenset({"afp", "reuters"})

Contents = list[tuple[int, int]]


def _clauses(v: Token, lex: AttributionLexicon) -> list[Token]:
    """The verb's own content clauses: its clausal complements, else an open one ("vowed to fight")."""
    clauses = [
        c
        for c in kids(v)
        if c.dep_ in ("ccomp", "parataxis")
        and not _reduced_relative(c, v)
        and not _semicolon_before(c, v)
        and not _fronted_adverbial(c, v, lex)
    ]
    if not clauses and v.lemma_.lower() in lex.addressee_verbs:
        # "asked the envoy whether the truce would hold": the question the parser hung as an adverbial clause
        clauses = [
            c
            for c in kids(v)
            if c.dep_ == "advcl"
            and c.i > v.i
            and any(k.dep_ == "mark" and k.lower_ in ("if", "whether") for k in kids(c))
        ]
    if not clauses:
        clauses = [c for c in kids(v) if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    return clauses


def _semicolon_before(c: Token, v: Token) -> bool:
    """ "He proposes X; she backs Y": a clause a semicolon parts from the verb after it is a sentence of
    its own, not what that verb reports (a reported clause before its cue ends on a comma or a quote)."""
    return c.i < v.i and any(t.text == ";" for t in v.doc[c.right_edge.i + 1 : v.i])


def _fronted_adverbial(c: Token, v: Token, lex: AttributionLexicon) -> bool:
    """ "While she praises X, Bello points to Y", "While she embraces X, Bello rejects Y": a clause before the cue
    that a subordinator ("while", "because", "although") opens is said of the circumstances, not by the speaker, where
    the cue has an object, a clause or a preposition's object of its own after it (the parser may hang the clause on
    the cue as its complement). "If the talks fail, the war will resume, he told reporters" is content: the clause
    has its own subject after the "if" clause it holds."""
    opener = v.doc[c.left_edge.i]
    if c.i > v.i or opener.dep_ != "mark" or opener.lower_ in ("that", "whether"):
        return False
    # the subordinator is the clause's own (or hangs on a word of it that is no verb: a misparse), or the clause
    # has no subject of its own (a fragment the parser made a clause)
    marker = opener.head
    own = (
        marker.i == c.i
        or (marker.head.i == c.i and marker.pos_ not in ("VERB", "AUX"))
        or not any(k.dep_ in _SUBJECTS or k.dep_ == "expl" for k in kids(c))
    )
    return own and any(
        k.i > v.i
        and (
            k.dep_ in ("dobj", "ccomp", "xcomp")
            or (k.dep_ == "prep" and k.lower_ in lex.content_prepositions and not _of_time(k))
        )
        for k in kids(v)
    )


def _of_time(prep: Token) -> bool:
    """ "said on Monday": a preposition whose object is a date or a time, no content."""
    return any(o.ent_type_ in ("DATE", "TIME") for o in kids(prep) if o.dep_ == "pobj")


def _reduced_relative(c: Token, v: Token) -> bool:
    """ "said in an interview with the BBC aired Monday": a past participle the parser made the cue's
    clause, with no subject, no "that" and no object of the cue standing for its subject."""
    return (
        c.dep_ == "ccomp"
        and c.i > v.i
        and c.tag_ in ("VBD", "VBN")
        and not any(k.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "aux", "auxpass") for k in kids(c))
        and not any(k.dep_ == "dobj" and v.i < k.i < c.i for k in kids(v))
    )


def _fronted_conjunct(v: Token, lex: AttributionLexicon) -> bool:
    """ "..., an official told AFP" parsed as a conjunct of the content: no object or clause of its own, and no
    "that" or "if" making it part of the content ("said that X but that, if Y, he would ask for Z")."""
    return (
        v.dep_ == "conj"
        and v.head.i < v.i
        and _after_comma(v, lex)
        and not any(c.dep_ == "mark" for c in kids(v))
        and not any(
            c.dep_ in ("dobj", "ccomp") and c.lemma_.lower() not in _WIRES and c.pos_ != "PROPN" for c in kids(v)
        )
    )


@rule(
    "claims.content.inverted",
    decides="claim.text",
    positive=[
        Example(
            "Any fair reading of the minister's actions, said Amina Bello, an expert on the region, would see "
            "this as a retreat.",
            {
                "claim.claimant.name": "Amina Bello",
                "claim.text.text": "Any fair reading of the minister's actions, said Amina Bello, an expert on the "
                "region, would see this as a retreat",
            },
        )
    ],
    negative=[
        Example(
            "The minister said Amina Bello, an expert on the region, would lead the inquiry.",
            {"claim.text.text": "Amina Bello, an expert on the region, would lead the inquiry"},
        )
    ],
)
def inverted(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """An inverted cue inside its content ("X, said NAME, an expert, would ...") says the words around it:
    from the phrase before the cue to the end of the clause after the name (one span)."""
    found = inverted_speaker(v)
    if found is None:
        return None
    before = min(c.left_edge.i for c in kids(v) if c.dep_ == "nsubj" and c.i < v.i)
    return [trim(v.doc, before, found[1].right_edge.i)]


@rule(
    "claims.content.fronted",
    decides="claim.text",
    positive=[
        Example(
            "A roadside bomb near the town of Gao in northern Mali killed at least four soldiers, "
            "Mali's defence minister said on Monday.",
            {"claim.text.text": "A roadside bomb near the town of Gao in northern Mali killed at least four soldiers"},
        ),
        Example(
            "On Friday, rebels shelled a market in Goma, as a result, there are dead and injured, including "
            "children, Head of the provincial administration Jean Mbala has said.",
            {
                "claim.claimant.name": "Jean Mbala",
                "claim.text.text": "On Friday, rebels shelled a market in Goma, as a result, there are dead "
                "and injured, including children",
            },
        ),
        Example(
            "Things have changed in the camps over the years, she says, especially in the north.",
            {"claim.text.text": "Things have changed in the camps over the years, she says, especially in the north"},
        ),
    ],
    negative=[
        Example(
            "Residents said three civilians were killed in an air strike near Zabid.",
            {"claim.text.text": "three civilians were killed in an air strike near Zabid"},
        ),
        Example(
            "Two soldiers were wounded when a mine exploded near Kidal, Head of the regional council Moussa Ag "
            "Attaher has said.",
            {"claim.text.text": "Two soldiers were wounded when a mine exploded near Kidal"},
        ),
        Example(
            # a conjunct cue with its own "that" is part of the content, not a speaker after it; and a "but that"
            # clause goes on with what is said (``_reported_on``)
            "The envoy said that the ceasefire was fragile but that if the rebels withdrew, he would ask the donors "
            "for more aid.",
            {
                "claim.text.text": "the ceasefire was fragile but that if the rebels withdrew, he would ask the donors "
                "for more aid"
            },
        ),
    ],
)
def fronted(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """A cue that comes after its content reports the clause it hangs on, up to its speaker."""
    if _clauses(v, lex) or v.lemma_.lower() not in lex.verbs:
        return None  # only a verb of saying comes after its content ("..., he said"), not "..., who think"
    if not (v.dep_ == "parataxis" or (v.dep_ == "ccomp" and v.head.i < v.i) or _fronted_conjunct(v, lex)):
        return None
    h = v.head
    if h.pos_ not in ("VERB", "AUX") or h.i >= v.i:
        return None
    found = speaker_of(v, lex)
    speaker = found.value if found is not None else None
    if speaker is None:
        return None
    start = _speaker_start(speaker, v)
    if start is None:
        return None  # "X said the poll winner has predicted ...": a misparse, not "..., a monitor said"
    if _clause_goes_on(h, v):
        # "Things have changed, she says, especially in the north": the clause goes on after the cue, which
        # stands inside it as in ``parenthetical`` (one span, the cue and its speaker included)
        return [trim(v.doc, h.left_edge.i, h.right_edge.i)]
    return [trim(v.doc, h.left_edge.i, start - 1)]


def _clause_goes_on(h: Token, v: Token) -> bool:
    """Whether clause ``h`` has words of its own after the cue ``v`` it hangs on (a comma right after the cue's
    words, then a word of ``h``'s, not of another verb's clause: "..., she says, especially in the north")."""
    doc, end = h.doc, v.right_edge.i
    if end + 2 > h.right_edge.i or doc[end].text != ",":
        return False
    after = doc[end + 1]
    return (after.head.i == h.i and after.dep_ in ("advmod", "prep", "npadvmod", "dobj", "attr", "acomp")) or (
        after.head.head.i == h.i and after.head.i > end and after.head.dep_ in ("prep", "advmod", "dobj")
    )


@rule(
    "claims.content.dateline_subject",
    decides="claim.text",
    positive=[
        Example(
            "MOPTI, March 3 (Reuters) - Armed men killed at least seven herders near a well in central Mali "
            "on Sunday, two local officials said on Monday.",
            {
                "claim.cue": "say",
                "claim.text.text": "Armed men killed at least seven herders near a well in central Mali on Sunday",
            },
        )
    ],
    negative=[
        Example(
            "Armed men killed at least seven herders near a well in central Mali on Sunday, two local officials said.",
            {"claim.cue": "say"},
        )
    ],
)
def dateline_subject(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """A wire dateline the parser made the cue's first subject carries the fronted content with it.

    "MOPTI, March 3 (Reuters) - Armed men killed ..., officials said": the place became a subject
    of "said" and the clause an apposition of it; what is said runs from the line's start up to
    the speaker, and the dateline is cut off with every content's (``claims.content.after_dateline``).
    """
    if _clauses(v, lex) or v.lemma_.lower() not in lex.verbs:
        return None
    subjects = [c for c in kids(v) if c.dep_ == "nsubj" and c.i < v.i]
    if len(subjects) < 2:
        return None
    first_word, speaker = subjects[0].left_edge, subjects[-1]
    if DATELINE.match(doc_text(v.doc), first_word.idx) is None or not _set_off_before(speaker, v):
        return None
    return [trim(v.doc, first_word.i, speaker.left_edge.i - 1)]


def _set_off_before(speaker: Token, v: Token) -> bool:
    """ "..., the airline added": the speaker right before the cue, a comma (or a closing quotation
    mark) right before the speaker."""
    return _speaker_start(speaker, v) is not None


_TITLE_TAGS: Final = frozenset({"NOUN", "PROPN", "ADJ", "DET", "ADP", "PART", "PUNCT"})


def _speaker_start(speaker: Token, v: Token) -> int | None:
    """Where the speaker phrase before cue ``v`` starts, when a comma (or a closing quotation mark) sets it
    off: "..., the airline added", "..., the regional governor Ivan Petrenko has said" (the cue's own
    auxiliaries between), "..., Head of the regional administration Ivan Petrenko said" (a title the
    parser hung on the content: a short run of nouns and modifiers, no verb, opening with a capital)."""
    doc = v.doc
    between = doc[speaker.right_edge.i + 1 : v.i]
    if any(w.pos_ != "ADV" and not (w.head.i == v.i and w.dep_ in ("aux", "auxpass")) for w in between):
        return None
    start = speaker.left_edge.i
    if start == 0:
        return None
    if _comma_at(doc, start - 1):
        return start
    j = start - 1
    while j > start - 8 and j > 0 and _title_word(doc, j):
        j -= 1
    if j >= start - 1 or not _comma_at(doc, j) or not doc[j + 1].is_title or doc[j + 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return j + 1


def _before_late_speaker(c: Token, v: Token) -> int:
    """The last word of a content clause ``c`` before its cue's subject set off after it, with a title the
    parser hung on the clause ("..., Head of the regional council Moussa Ag Attaher has said")."""
    for s in kids(v):
        if s.dep_ in _SUBJECTS and s.i > c.i:
            start = _speaker_start(s, v)
            if start is not None:
                return start - 1
    return c.right_edge.i


def _title_word(doc: Doc, j: int) -> bool:
    """A word of a title before a name: a noun, modifier or preposition, or the participle of a hyphened
    modifier ("Hamas-run", "Kremlin-backed")."""
    w = doc[j]
    if w.pos_ == "VERB":
        return doc[j - 1].text in ("-", "\u2011") and not doc[j - 1].whitespace_
    return w.pos_ in _TITLE_TAGS and w.text not in (",", ";", ":")


def _comma_at(doc: Doc, i: int) -> bool:
    """A comma at ``i``, or a closing quotation mark right after one."""
    return doc[i].text == "," or (doc[i].is_quote and i > 0 and doc[i - 1].text == ",")


@rule(
    "claims.content.clause",
    decides="claim.text",
    positive=[
        Example(
            "Sudan's army said that it had repelled an attack on El Fasher.",
            {"claim.text.text": "it had repelled an attack on El Fasher"},
        ),
        Example(
            # a clause before the cue that holds an "if" clause of its own is content (not ``_fronted_adverbial``)
            "If the talks fail, the war will resume, Okafor told reporters.",
            {"claim.text.text": "If the talks fail, the war will resume"},
        ),
        Example(
            "The senator escalated her criticism on Tuesday, telling reporters that the governor is a fraud "
            "and questioning how he has survived the audit.",
            {"claims": 2, "claim.text.text": "the governor is a fraud", "claim.cue": "question"},
        ),
        Example(
            "“We will hold the bridge until dawn,” Musa said in an interview with the BBC aired on Monday.",
            {"claim.text.text": "We will hold the bridge until dawn"},
        ),
        Example(
            "The governor insists the town must be rebuilt, and has pledged new funds for the market.",
            {"claim.text.text": "the town must be rebuilt"},
        ),
        Example(
            "The mayor says he respects the council and calls its leader a capable woman.",
            {"claims": 2, "claim.text.text": "he respects the council", "claim.cue": "call"},
        ),
        Example(
            "The senator proposes breaking up the big banks; the governor backs tougher rules for them.",
            {"claims": 2, "claim.text.text": "breaking up the big banks", "claim.cue": "back"},
        ),
        Example(
            "The army said it killed 30 militants near Gao, a figure that could not be independently verified.",
            {"claim.text.text": "it killed 30 militants near Gao"},
        ),
        Example(
            "The governor said the curfew would end on Friday, calling it a relief for traders.",
            {"claims": 2, "claim.text.text": "the curfew would end on Friday", "claim.cue": "call"},
        ),
        Example(
            "Officials hoped the talks, delayed by the rains, would resume in Juba.",
            {"claim.cue": "hope", "claim.text.text": "the talks, delayed by the rains, would resume in Juba"},
        ),
        Example(
            "Dozens of villagers were killed in an air strike near the market, Interior Ministry spokesman Abdul "
            "Matin Qani has said in a press statement.",
            {"claim.text.text": "Dozens of villagers were killed in an air strike near the market"},
        ),
    ],
    negative=[
        Example(
            "Residents blamed the rebels for the attack on El Fasher.",
            {"claim.text.text": "the rebels for the attack on El Fasher"},
        ),
        # a need verb's gerund is what is needed (``need_verbs``), not what anyone is made to do
        Example("Rebuilding the bridge at Gao would require closing the road for a year.", {"claims": 0}),
    ],
)
def clause(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """The clause a cue verb governs is what is said; conjoined clauses with their own subject are each a claim."""
    if v.dep_ in ("relcl", "pcomp") and v.head.dep_ == "attr" and not _clauses(v, lex):
        return None
    if lex.lemma_of(v) in lex.need_verbs and _gerund_need(v):
        return None  # "would require paying the generators": a need, not a demand
    out = clause_pieces(v, lex)
    return out or None


def _gerund_need(v: Token) -> bool:
    """Whether the only clause of ``v`` is a gerund with no subject of its own ("would require disclosing his
    earnings"): what a need verb needs, not what anyone is made to do ("require delegates to vote")."""
    comps = [c for c in kids(v) if c.dep_ in ("xcomp", "ccomp") and c.i > v.i]
    return (
        len(comps) == 1
        and comps[0].tag_ == "VBG"
        and comps[0].i == v.i + 1
        and not any(k.dep_ in ("nsubj", "nsubjpass", "mark") for k in kids(comps[0]))
    )


def clause_pieces(v: Token, lex: AttributionLexicon) -> Contents:
    """Content clauses of a reporting verb, split at conjoined ", and that" clauses (a comma sets a
    second assertion off; "said X and that Y" is one)."""
    out: Contents = []
    for c in _clauses(v, lex):
        parts = [c]
        for k in kids(c):
            if k.dep_ == "conj" and k.pos_ in ("VERB", "AUX") and _own_clause(k) and _set_off(k):
                parts.append(k)
        first_token = _clause_start(v, c, lex)
        last = _clause_end(c, lex)
        shared = cue_conjunct(c, v, lex)
        if shared is not None:
            last = min(last, shared.left_edge.i - 1)
        if c.i < v.i:
            last = min(last, _before_late_speaker(c, v))
        if len(parts) == 1:
            out.append(trim(v.doc, first_token, last))
            continue
        cut = [p.left_edge.i for p in parts[1:]]
        # the first clause runs up to the first conjoined clause, minus the joining "and"
        out.append(trim(v.doc, first_token, cut[0] - 1))
        for p in parts[1:]:
            out.append(trim(v.doc, p.left_edge.i, p.right_edge.i))
    return _merge_adjacent(doc_text(v.doc), [o for o in out if o[1] > o[0]])


@rule(
    "claims.content.that_clause",
    decides="claim.text",
    positive=[
        Example(
            "Pushilin claimed without evidence that the attack was deliberate.",
            {"claim.text.text": "the attack was deliberate"},
        ),
        Example(
            "Amina Bello, the agency's director, said in a statement that at least 12 children were killed and 30 "
            "others were injured during the raids.",
            {"claim.text.text": "at least 12 children were killed and 30 others were injured during the raids"},
        ),
    ],
    negative=[
        Example("Pushilin claimed that the attack was deliberate.", {"claim.text.text": "the attack was deliberate"}),
        Example(
            "The militia denied any wrongdoing and pointed out that the convoy had crossed the line first.",
            {"claim.text.text": "any wrongdoing", "claims": 2},
        ),
    ],
)
def that_clause(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """A "that" clause the parser hung on a modifier of the cue ("claimed without evidence that ...") is its content."""
    if frame.content == "object":
        return None
    for t in v.subtree:
        if (
            t.i > v.i
            and t.dep_ in ("acl", "ccomp", "advcl", "relcl")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(t))
            and not _under_other_verb(t, v)
        ):
            return [trim(v.doc, t.left_edge.i, _and_clause_end(t, v, lex))]
    return None


def _and_clause_end(t: Token, v: Token, lex: AttributionLexicon) -> int:
    """Where a "that" clause ``t`` hung on a modifier ends: after a clause joined by a bare "and" that the parser
    hung on the cue itself, with its own subject and no cue ("said in a statement that 12 were killed and 30
    others were injured": both are said)."""
    end = t.right_edge.i
    doc = v.doc
    for k in kids(v):
        if (
            k.dep_ == "conj"
            and k.left_edge.i == end + 2
            and doc[end + 1].lower_ == "and"
            and k.lemma_.lower() not in lex.cue_verbs
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(k))
        ):
            return k.right_edge.i
    return end


def _under_other_verb(t: Token, v: Token) -> bool:
    """Whether another verb stands between ``t`` and the cue ``v`` it hangs under: the clause is that verb's.

    "denied any wrongdoing and pointed out that ...", "mentioned his campaign, joking that ...": the
    "that" clause belongs to the second verb, not to the cue.
    """
    up = t.head
    while up.i != v.i and up.head.i != up.i:
        if up.pos_ in ("VERB", "AUX"):
            return True
        up = up.head
    return False


@rule(
    "claims.content.object",
    decides="claim.text",
    positive=[
        Example("The rebels denied the accusations on Monday.", {"claim.text.text": "the accusations on Monday"}),
        Example(
            "The envoy described the attack as a grave breach of the truce.",
            {"claim.cue": "describe", "claim.text.text": "the attack as a grave breach of the truce"},
        ),
        Example(
            "Army figures suggest a sharp rise in attacks near Gao.",
            {"claim.text.text": "a sharp rise in attacks near Gao"},
        ),
        Example(
            # a clause a subordinator opens before the cue is no content of it (``_fronted_adverbial``)
            "While she embraces what she believes are their common goals, Amina Bello rejects the policy that rural "
            "voters find so harmful.",
            {
                "claim.text.text": "the policy that rural voters find so harmful",
                "!claim.text.text": "While she embraces what she believes are their common goals",
            },
        ),
    ],
    negative=[
        Example(
            "The rebels said they had not attacked the camp.", {"claim.text.text": "they had not attacked the camp"}
        )
    ],
)
def object_content(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """A cue that takes a noun phrase says its object, with the verb's own complements ("accused X of Y")."""
    lemma = v.lemma_.lower()
    if frame.content == "clause" or lemma in lex.addressee_verbs:
        return None
    objs = [c for c in kids(v) if c.dep_ == "dobj"]
    if not objs:
        return None
    if lemma in lex.toll_verbs and not any(o.lemma_.lower() in lex.toll_nouns for o in objs):
        return None  # "put" and "place" are cues only for a toll: "placed the death toll at 53"
    obj = objs[0]
    end = obj.right_edge.i
    # "accusing Russian forces of directing fire", "placed the toll at 53": the verb's own complements.
    for c in kids(v):
        if (
            c.i > obj.i
            and c.dep_ in ("prep", "advmod", "npadvmod", "oprd", "attr", "acomp")
            and c.lower_ not in ("in",)
        ):
            end = max(end, c.right_edge.i)
    return [trim(v.doc, obj.left_edge.i, end)]


@rule(
    "claims.content.parenthetical",
    decides="claim.text",
    positive=[
        Example(
            "The truce, officials said, could collapse within days.",
            {"claim.text.text": "The truce, officials said, could collapse within days"},
        ),
        Example(
            "The roads to Goma, officials said, were closed on Sunday.",
            {"claim.text.text": "The roads to Goma, officials said, were closed on Sunday"},
        ),
        Example(
            "Such talks, the rebels believe, will only delay the offensive on Gao.",
            {
                "claim.cue": "believe",
                "claim.text.text": "Such talks, the rebels believe, will only delay the offensive on Gao",
            },
        ),
    ],
    negative=[
        Example(
            "Officials said the truce could collapse within days.",
            {"claim.text.text": "the truce could collapse within days"},
        )
    ],
)
def parenthetical(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """A cue set between commas inside its content ("The truce, officials said, could collapse") says its clause.

    The content is that clause's whole extent, the cue and its speaker included (one span; the
    words around them are what is said).
    """
    if v.dep_ != "parataxis" or _clauses(v, lex) or v.lemma_.lower() not in lex.cue_verbs:
        return None  # a verb of saying or of belief ("Such talks, they believe, will fail")
    h = v.head
    if h.dep_ in ("aux", "auxpass") and h.head.i > h.i:
        h = h.head  # "The roads, officials said, were closed": the parser hung the cue on the auxiliary
    if h.i < v.i or h.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    # the clause must begin before the speaker ("Many days, former employees said, she stayed late"),
    # not with it ("Officials said, the truce ...")
    found = speaker_of(v, lex)
    start = found.value.left_edge.i if found is not None else v.left_edge.i
    if h.left_edge.i >= start:
        return None
    return [trim(v.doc, h.left_edge.i, h.right_edge.i)]


@rule(
    "claims.content.object_of_saying",
    decides="claim.text",
    positive=[
        Example(
            "Senator Musa says the movement sweeping the north feeds on anger.",
            {"claim.text.text": "the movement sweeping the north feeds on anger"},
        ),
        Example(
            "Asked whether the truce would hold, most of the elders said no.",
            {"claim.cue": "say", "claim.text.text": "no"},
        ),
        Example(
            "The governor announced his support for the truce on Thursday night.",
            {"claims": 1, "claim.cue": "announce", "claim.text.text": "his support for the truce"},
        ),
        Example(
            "The senator hailed the new jobs report, challenging his rivals to prove that the economy is weak.",
            {"claims": 2, "claim.text.text": "the new jobs report", "claim.cue": "challenge"},
        ),
    ],
    negative=[
        Example(
            "Senator Musa says that the movement feeds on anger.",
            {"claim.text.text": "the movement feeds on anger"},
        ),
        Example("Government forces announced a pause in their advance on Hodeidah.", {"claims": 0}),
        Example("Rebuilding the bridge at Gao would require more than two billion dollars.", {"claims": 0}),
    ],
)
def object_of_saying(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """A verb of saying whose object is a misparsed clause or quoted words says it, and what follows it.

    "says the movement sweeping the north feeds on anger": the parser made a clause the
    object; "said 'the Hispanics'": the words said. After a verb of saying a plain noun phrase
    ("announced a pause") is an act, not an assertion; after a verb of belief or stance it is
    what is held ("feels the pressure").
    """
    if frame.content != "clause" or v.lemma_.lower() in lex.addressee_verbs:
        return None
    objs = [c for c in kids(v) if c.dep_ == "dobj" and c.i > v.i and c.lower_ not in ("what", "which")]
    if not objs:
        # "43 percent said so", "most said yes": an answer word the parser did not make the object
        objs = [c for c in kids(v) if c.dep_ in ("advmod", "intj") and c.i > v.i and c.lower_ in lex.said_objects]
    if not objs:
        return None
    if _act_or_need(v, objs[0], lex):
        return None
    end = max(
        [objs[0].right_edge.i]
        + [c.right_edge.i for c in kids(v) if c.i > objs[0].i and c.dep_ != "punct" and not _goes_on(c, v, lex)]
    )
    if objs[0].lemma_.lower() in lex.cue_nouns:
        end = objs[0].right_edge.i  # "announced his support for X on Thursday": the stance, not the day
    return [trim(v.doc, objs[0].left_edge.i, end)]


def _act_or_need(v: Token, obj: Token, lex: AttributionLexicon) -> bool:
    """Whether a plain noun phrase ``obj`` (no clause, quotation or stance) makes ``v`` an act or a need: "announced
    a pause in the advance" (a verb of saying: an act, not words), "the plan would require cash" (a need verb: a
    need, not a demand)."""
    words = v.doc[obj.left_edge.i : obj.right_edge.i + 1]
    said = (
        words[0].is_quote
        or obj.lower_ in lex.said_objects  # "said the same", "said no"
        or any(w.pos_ in ("VERB", "AUX") and w.dep_ != "amod" for w in words)
        or obj.lemma_.lower() in lex.cue_nouns  # "announced his support for X": a stance made known
    )
    return not said and (v.lemma_.lower() in lex.verbs or lex.lemma_of(v) in lex.need_verbs)


@rule(
    "claims.content.as_clause",
    decides="claim.text",
    positive=[
        Example(
            "As the ministry observed, the heaviest losses fell on the militia.",
            {"claim.text.text": "the heaviest losses fell on the militia"},
        )
    ],
    negative=[
        Example(
            "The ministry observed that the heaviest losses fell on the militia.",
            {"claim.text.text": "the heaviest losses fell on the militia"},
        )
    ],
)
def as_clause(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """ "As X observed, ...": the clause the "as" clause hangs on is what X said."""
    if v.dep_ != "advcl" or _clauses(v, lex) or not any(c.dep_ == "mark" and c.lower_ == "as" for c in kids(v)):
        return None
    h = v.head
    if h.pos_ not in ("VERB", "AUX"):
        return None
    if v.i < h.i:
        return [trim(v.doc, v.right_edge.i + 1, h.right_edge.i)]
    return [trim(v.doc, h.left_edge.i, v.left_edge.i - 1)]


@rule(
    "claims.content.relative_head",
    decides="claim.text",
    positive=[
        Example(
            "He listed the crimes that the commander has admitted to.",
            {"claim.text.text": "the crimes"},
        )
    ],
    negative=[
        Example("The commander admitted the crimes in court.", {"claim.text.text": "the crimes in court"}),
    ],
)
def relative_head(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """A cue in a relative clause with no content of its own says the noun the clause describes.

    "the things the general has said about the rebels", "Gao, which he describes as his home".
    """
    h = _relative_antecedent(v, lex)
    return None if h is None else [trim(v.doc, h.left_edge.i, h.i)]


def _relative_antecedent(v: Token, lex: AttributionLexicon) -> Token | None:
    """The noun a relative-clause cue with no clause or object of its own describes, if it is one."""
    if v.dep_ != "relcl" or _clauses(v, lex) or any(c.dep_ == "dobj" and c.i > v.i for c in kids(v)):
        return None
    if any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in kids(v)):
        return None  # "the group, which says ...": the head speaks, it is not what is said
    h = v.head
    return h if h.pos_ in ("NOUN", "PROPN", "PRON") else None


@rule(
    "claims.content.relative_complement",
    decides="claim.text",
    positive=[
        Example(
            "The fighters raided hamlets they accuse of sheltering soldiers.",
            {"claim.cue": "accuse", "claim.text.text": "hamlets they accuse of sheltering soldiers"},
        ),
        Example(
            "Police detained two men they suspect of planting the bomb.",
            {"claim.cue": "suspect", "claim.text.text": "two men they suspect of planting the bomb"},
        ),
    ],
    negative=[
        Example(
            "He listed the crimes that the commander has admitted to.",
            {"claim.text.text": "the crimes"},
        ),
    ],
)
def relative_complement(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """A relative-clause cue with a prepositional complement says its antecedent and that complement.

    "villages they accuse of cooperating with the army": what is accused is that the villages
    cooperated. PolNeAR marks such a content as the antecedent and the complement, with the
    source and cue between; a claim's text is one span, so it runs from the antecedent to the
    end of the complement. The antecedent alone ("villages") says nothing.
    """
    h = _relative_antecedent(v, lex)
    if h is None:
        return None
    for c in kids(v):
        if c.dep_ != "prep" or c.i < v.i or c.lower_ not in lex.content_prepositions:
            continue
        # "the crimes that he admitted to": the object is the relative pronoun before, no complement
        objs = [k for k in kids(c) if k.dep_ in ("pobj", "pcomp") and k.i > c.i and k.ent_type_ not in ("DATE", "TIME")]
        if objs:
            return [trim(v.doc, h.left_edge.i, c.right_edge.i)]
    return None


@rule(
    "claims.content.for_clause",
    decides="claim.text",
    positive=[
        Example(
            "The governor called for the army to withdraw from Gao.",
            {"claim.cue": "call", "claim.text.text": "the army to withdraw from Gao"},
        ),
        Example(
            "The minister also called again for all parties to lay down their arms before the talks.",
            {"claim.text.text": "all parties to lay down their arms before the talks"},
        ),
    ],
    negative=[
        Example("The governor stayed in Gao for the army to withdraw.", {"claims": 0}),
    ],
)
def for_clause(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """ "called for the army to withdraw": a cue's "for ... to" clause (an adverbial clause with "for"
    as its mark, on the parse) says what is called for, its subject included."""
    if v.lemma_.lower() == "say":
        return None
    for c in kids(v):
        if c.dep_ != "advcl" or c.i < v.i:
            continue
        mark = next((k for k in kids(c) if k.dep_ == "mark"), None)
        if mark is not None and mark.lower_ == "for" and mark.i == v.i + 1 + _particles(v):
            return [trim(v.doc, mark.i + 1, c.right_edge.i)]
    return None


def _particles(v: Token) -> int:
    """How many particles and adverbs stand between a verb and its next word ("calling again for")."""
    n = 0
    while (
        v.i + 1 + n < len(v.doc) and v.doc[v.i + 1 + n].dep_ in ("prt", "advmod") and v.doc[v.i + 1 + n].head.i == v.i
    ):
        n += 1
    return n


@rule(
    "claims.content.prepositional",
    decides="claim.text",
    positive=[
        Example(
            "The envoy called for an immediate ceasefire in Tigray.",
            {"claim.text.text": "an immediate ceasefire in Tigray"},
        ),
        Example(
            "The colonel joked about moving his troops to the coast.",
            {"claim.text.text": "moving his troops to the coast"},
        ),
        Example(
            "Reporters asked the colonel about the convoy lost near Gao.",
            {"claim.cue": "ask", "claim.text.text": "the convoy lost near Gao"},
        ),
        Example(
            "The ministry would not comment on the report.",
            {"claim.cue": "comment", "claim.text.text": "the report"},
        ),
        Example(
            "The envoy warned against any intervention by outside powers in Sudan.",
            {"claim.cue": "warn", "claim.text.text": "any intervention by outside powers in Sudan"},
        ),
    ],
    negative=[
        Example("The envoy spoke to reporters in Mekelle on Monday.", {"claims": 0}),
    ],
)
def prepositional(v: Token, sent: Span, frame: Frame, lex: AttributionLexicon) -> Contents | None:
    """A stance verb with no object says the object of its preposition ("called for", "talked about", "pointed to").

    Not a person or a body ("spoke to reporters": the addressee), nor a date ("on Monday").
    """
    lemma = v.lemma_.lower()
    # "asked the senator about the deal": the one asked is no content, what he is asked about is
    skip = ("ccomp", "xcomp") if lemma in lex.addressee_verbs else ("dobj", "ccomp", "xcomp")
    if lemma == "say" or any(c.dep_ in skip for c in kids(v)):
        return None  # "said on Monday", "said in Kabul": a verb of plain saying says a clause or words
    allowed = ("about", "for") if lemma in lex.addressee_verbs else lex.content_prepositions
    for c in kids(v):
        if c.dep_ != "prep" or c.i < v.i or c.lower_ not in allowed:
            continue
        objs = [k for k in kids(c) if k.dep_ in ("pobj", "pcomp")]
        if not objs or objs[0].ent_type_ in ("DATE", "TIME"):
            continue
        o = objs[0]
        # "spoke to reporters", "met with the envoy": the one addressed; "talked about Musa", "commented
        # on the report": what is talked about, whoever it is
        addressed = c.lower_ in ("to", "with", "at", "for")
        if addressed and (
            o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or (o.dep_ == "pobj" and (o.lemma_.lower() in lex.speaker_nouns or o.pos_ in ("PRON", "PROPN")))
        ):
            continue
        return [trim(v.doc, c.i + 1, c.right_edge.i)]
    return None


VERB_CONTENT: Final = (
    inverted,
    fronted,
    dateline_subject,
    parenthetical,
    as_clause,
    clause,
    for_clause,
    that_clause,
    object_content,
    object_of_saying,
    relative_complement,
    relative_head,
    prepositional,
)
"""The content rules of a verb cue, in order: the first that applies decides."""


def _goes_on(c: Token, v: Token, lex: AttributionLexicon) -> bool:
    """A cue participle of ``v`` set off after its object ("hailed the report, challenging his rivals to
    ..."): the speaker's next claim, not more of this one's content."""
    return c.lemma_.lower() in lex.cue_verbs and speakers_participle(c, v)


def _after_comma(v: Token, lex: AttributionLexicon) -> bool:
    """ "..., an official told AFP": the speaker phrase right after a comma, the verb ending the sentence."""
    found = speaker_of(v, lex)
    if found is None or found.value.i > v.i:
        return False
    return _speaker_start(found.value, v) is not None


def cue_conjunct(c: Token, v: Token, lex: AttributionLexicon) -> Token | None:
    """A cue verb the parser hung on the content clause ``c`` of cue ``v`` though it is ``v``'s conjunct
    ("telling CNN that Trump is a faker and questioning how ..."): a claim of its own, not this one's."""
    return next(
        (k for k in kids(c) if k.dep_ in ("conj", "advcl") and k.i > c.i and conjunct_of_cue(k, c, v, lex)), None
    )


def _merge_adjacent(text: str, pieces: Contents) -> Contents:
    """Rejoin pieces with nothing but spaces between them: a misparse split one clause, not two."""
    merged: Contents = []
    for a, b in sorted(pieces):
        if merged and not text[merged[-1][1] : a].strip(" -\u2011"):  # "counter-attacked" split at its hyphen
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _clause_end(c: Token, lex: AttributionLexicon) -> int:
    """Where a content clause ends: before a "while"/"but" clause that has its own reporting speaker
    ("it struck targets, while Hezbollah said it fired rockets")."""
    doc = c.doc
    end = c.right_edge.i
    # only a token with a reporting lemma can cut the clause: look for those in the subtrees
    cues = reporting_tokens(doc, lex)
    for k in kids(c):
        if (
            k.i > c.i
            and k.dep_ in ("advcl", "conj")
            and not _reported_on(k)
            and any(
                t.pos_ == "VERB" and any(x.dep_ == "nsubj" for x in kids(t))
                for t in (doc[i] for i in descendants(doc, k.i, cues))
            )
        ):
            end = min(end, k.left_edge.i - 1)
    for k in kids(c):
        if _speakers_conjunct(k, c, lex):
            # "insists the party must be one of ideas, and has championed ...": the speaker's own act
            end = min(end, k.left_edge.i - 1)
    summary = _summary_after(c, end, lex)
    if summary is not None:
        end = min(end, summary)
    for t in (doc[i] for i in descendants(doc, c.i, cues)):
        if speakers_participle(t, c):
            # "he would release it on Friday, calling it boring": the speaker's own act
            end = min(end, (set_off_at(t) or t.i - 1) - 1)
        # "..., a claim denied by Islamabad": a rival's passive denial in apposition is not content
        if (
            t.i > c.i
            and t.dep_ == "acl"
            and t.head.dep_ in ("appos", "npadvmod", "conj")
            and any(x.dep_ == "agent" for x in kids(t))
        ):
            end = min(end, t.head.left_edge.i - 1)
    return end


def _reported_on(k: Token) -> bool:
    """Whether clause ``k`` goes on with the content it is joined to: "said that X but that Y" (its own "that"),
    not "X, while Hezbollah said Y"."""
    return any(x.dep_ == "mark" and x.lower_ == "that" for x in kids(k))


def _form(t: Token) -> str:
    """A verb's finite form: its first auxiliary's tag, else its own ("has championed": VBZ)."""
    aux = [a for a in kids(t) if a.dep_ in ("aux", "auxpass") and a.i < t.i]
    return aux[0].tag_ if aux else t.tag_


def _speakers_conjunct(k: Token, c: Token, lex: AttributionLexicon) -> bool:
    """A conjunct of content clause ``c`` with no subject whose finite form is the cue's, not the clause's:
    the cue's own second act ("says the town must be rebuilt, and has pledged funds").

    A cue verb in the cue's form is one though the clause has that form too, where the clause's subject
    is a pronoun ("says he respects the council and calls its leader a fraud": a claim of its own
    whether the cue's speaker or the clause's subject goes on) or a comma sets the conjunct off ("said
    the party was not in crisis, and urged calm"); not "said the rebels attacked the town and claimed
    the lives of 12", the rebels' act.
    """
    v = c.head
    if not (
        k.dep_ == "conj"
        and k.i > c.i
        and c.dep_ == "ccomp"
        and k.pos_ in ("VERB", "AUX")
        and not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in kids(k))
    ):
        return False
    if _form(k) == v.tag_ and _form(k) != _form(c):
        return True
    if not (k.pos_ == "VERB" and k.lemma_.lower() in lex.cue_verbs and _form(k) == _form(v)):
        return False
    return _set_off(k) or any(x.dep_ == "nsubj" and x.lower_ in lex.pronouns for x in kids(c))


def _summary_after(c: Token, end: int, lex: AttributionLexicon) -> int | None:
    """Where the reporter's own summary of the content starts: a noun phrase set off by a comma at the
    end of the clause ("..., an acknowledgment that ...", "..., a figure that could not be verified").

    Read backwards from the clause's end on the Doc's word lists, to its last comma only.
    """
    doc, low, lem = c.doc, lowers(c.doc), lemmas(c.doc)
    j = end
    while j > c.i + 1 and low[j] != ",":
        j -= 1
    if j <= c.i + 1 or j + 2 > end or low[j + 1] not in ("a", "an"):
        return None
    for k in range(j + 2, min(j + 6, end + 1)):
        if lem[k] in lex.summary_nouns and doc[k].left_edge.i == j + 1 and doc[k].right_edge.i == end:
            return j - 1
    return None


def reporting_tokens(doc: Doc, lex: AttributionLexicon) -> list[int]:
    """The tokens whose lemma is a reporting verb's, found once per Doc."""
    found = doc.user_data.get(_REPORTING_KEY)
    if not isinstance(found, list):
        found = doc.user_data[_REPORTING_KEY] = [i for i, w in enumerate(lemmas(doc)) if w in lex.cue_verbs]
    return found


def _clause_start(v: Token, c: Token, lex: AttributionLexicon) -> int:
    """ "said on Monday it had repelled": a phrase between the cue and the clause's subject is the cue's.

    "urged both sides to respect the truce": the one urged is part of what is asked.
    """
    subj = [k for k in kids(c) if k.dep_ in _SUBJECTS]
    lost_subject = c.dep_ == "ccomp" and not subj and not any(k.dep_ in ("expl", "mark") for k in kids(c))
    if c.dep_ == "xcomp" or (lost_subject and v.lemma_.lower() not in lex.addressee_verbs):
        # "hoped the meeting, requested by X, would be ...": the parser took the clause's subject for an object
        obj = [k for k in kids(v) if k.dep_ == "dobj" and v.i < k.i < c.i]
        if obj:
            return obj[0].left_edge.i
    if c.left_edge.i == v.i + 1 and subj and subj[0].left_edge.i > v.i + 1:
        lead = [k for k in kids(c) if k.i < subj[0].i and k.dep_ in ("prep", "npadvmod", "advmod")]
        if lead and lead[0].left_edge.i == v.i + 1:
            return subj[0].left_edge.i if not any(k.dep_ == "mark" for k in kids(c)) else c.left_edge.i
    return c.left_edge.i


def _set_off(k: Token) -> bool:
    """Whether a comma sets the conjoined clause ``k`` off: "claims X, and that Y" (two assertions)."""
    doc = k.doc
    i = k.left_edge.i - 1
    while i > 0 and doc[i].dep_ == "cc":
        i -= 1
    return doc[i].text == ","


def _own_clause(k: Token) -> bool:
    """A conjoined verb with its own subject or its own "that": a separate assertion."""
    return any(c.dep_ in _SUBJECTS for c in kids(k)) or any(c.dep_ == "mark" for c in kids(k))
