"""Finding reported assertions: the cue, the speaker phrase and the content, on the dependency parse.

Four shapes are found (``docs/claims.md``):

1. a reporting verb with a speaker subject and a content clause or object:
   "The ministry said its soldiers killed 340 ...", "Residents blamed the rebels",
   "X killed 15 civilians, a monitor said" (content fronted);
2. a participle or conjunct that inherits the speaker of the verb it hangs on:
   "..., adding that no guards were hurt", "appeared to confirm the operation";
3. "according to X" before or after its content;
4. direct quotations, whose speaker stands after ("..., he wrote") or before
   ("X said: ...") the quotation; the content is then the quotation.

Conjoined content clauses ("claims Russia lost 430,000 soldiers, and that North
Korean soldiers have taken heavy casualties") are split into one assertion each.

>>> from conflict_events.nlp import load_language_model
>>> text = "Five gunmen were killed, according to police. The army said it repelled the attack."
>>> doc = load_language_model()(text)
>>> found = find_attributions(doc)
>>> [(a.cue, doc[a.speaker[0]:a.speaker[1]].text, doc.text[a.content[0]:a.content[1]]) for a in found]
[('according to', 'police', 'Five gunmen were killed'), ('say', 'army', 'it repelled the attack')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from .._doccache import CACHE_PREFIX, doc_text
from .._docindex import char_span, doc_index, ends, kids, lemmas, lowers, sentence_at, starts
from ..quantities._quantity_lexicon import PERSON_NOUNS
from ._cues import (
    DISTANCING,
    HEDGE_ADVERBS,
    HEDGE_GOVERNORS,
    REPORTING_NOUNS,
    REPORTING_VERBS,
    SPEAKER_NOUNS,
    TOLL_VERBS,
    WEAK_OBJECT_VERBS,
)
from ._quotes import Quotation, find_quotations, quoted_chars
from ._tree import descendants

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Attribution", "find_attributions"]

_SPEAKER_ENTS: Final = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PRONOUNS: Final = frozenset({"he", "she", "it", "they", "we", "i"})
_ADDRESSEE_VERBS: Final = frozenset({"tell", "inform", "brief"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
_MUTE: Final = frozenset({"body", "bodies", "other", "casualty", "victim", "hostage", "detainee", "captive"})
_CONCESSIVE: Final = frozenset({"though", "although", "while", "whereas", "despite"})
_REPORTING_KEY: Final = CACHE_PREFIX + "attribution.reporting"
_PUNCT_TRIM: Final = " ,;:.\u2014\u2013-\"'\u201c\u201d\u2018\u2019\n"


@dataclass(frozen=True)
class Attribution:
    """One reported assertion as found in the text, before its claimant is resolved.

    ``speaker`` is a document token range (None when the text names nobody),
    ``speaker_head`` its head token; ``content`` and ``sentence`` are character ranges.
    """

    cue: str
    cue_token: int
    speaker: tuple[int, int] | None
    speaker_head: int | None
    content: tuple[int, int]
    sentence: tuple[int, int]
    quote: bool = False
    hedged: bool = False
    negated: bool = False
    cue_span: tuple[int, int] = field(default=(0, 0))


def find_attributions(doc: Doc, quotations: list[Quotation] | None = None) -> list[Attribution]:
    """Every reported assertion in a parsed document, in text order."""
    text = doc_text(doc)
    quotes = find_quotations(text) if quotations is None else quotations
    out: list[Attribution] = []
    lower, at = lowers(doc), starts(doc)
    quoted = quoted_chars(len(text), quotes)
    for i in _cue_candidates(doc):
        if quoted[at[i]]:
            continue  # reporting inside a quotation is the speaker's own narration, not a new claim
        t = doc[i]
        sent = sentence_at(doc, i)
        if lower[i] == "according" and i + 1 < sent.end and lower[i + 1] == "to":
            found = _according(t, sent)
        elif t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING_VERBS:
            found = _verb(t, sent)
        elif _misparsed_verb(t, sent):
            found = _noun_verb(t, sent)
        else:
            continue
        out.extend(_clip(text, a) for a in found)
    out = _attach_quotations(doc, out, quotes)
    return sorted(out, key=lambda a: (a.content[0], a.cue_token))


def _cue_candidates(doc: Doc) -> list[int]:
    """Tokens that may be a cue, in text order: "according", a reporting lemma, or a verb misread as a noun.

    Read off the Doc's word lists, so that no Token is made for the other words.
    """
    return [
        i
        for i, (low, lemma) in enumerate(zip(lowers(doc), lemmas(doc), strict=True))
        if low == "according" or lemma in REPORTING_VERBS or low in _THIRD_PERSON
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
        c0, c1 = _trim_chars(text, c0, c1)
    s0, s1 = max(a.sentence[0], start), min(a.sentence[1], end)
    if (c0, c1) == a.content and (s0, s1) == a.sentence:
        return a  # inside its paragraph already (the usual case): no new record
    return Attribution(
        a.cue,
        a.cue_token,
        a.speaker,
        a.speaker_head,
        (c0, c1),
        (s0, s1),
        a.quote,
        a.hedged,
        a.negated,
        a.cue_span,
    )


def _verb(v: Token, sent: Span) -> list[Attribution]:
    lemma = v.lemma_.lower()
    cue = REPORTING_VERBS[lemma]
    passive = any(c.dep_ == "auxpass" for c in kids(v)) or (v.tag_ == "VBN" and v.dep_ == "acl")
    if passive and cue.content != "clause":
        return _passive(v, sent)
    if v.dep_ in ("amod", "compound") or passive:
        return []  # "the said attack", "casualties were reported": nobody is named as saying it
    head = _speaker_of(v)
    if head is not None:
        head = _partitive(head)
    if head is not None and lemma == "quote" and not passive:
        # "Xinhua quoted Wasiu Abiodun, a police spokesman, as saying ...": the quoted person speaks
        quoted = [c for c in kids(v) if c.dep_ == "dobj" and _can_speak(c)]
        head = quoted[0] if quoted else head
    # "..., India's defense minister said" read as the apposition of the content's last noun
    trailing = head is not None and head.dep_ == "appos" and _speaker_in_apposition(head.head, v) is head
    if (head is None or not _can_speak(head)) and v.dep_ in ("ROOT", "conj"):
        late = _trailing_speaker(v, sent)
        trailing = late is not None
        head = late or head
    if head is None or not (_can_speak(head) or _can_speak(_named_in_apposition(head))):
        return []  # "A Congolese cleric in Goma, Fepaco Malamu, said": the named apposition can speak
    if lemma == "describe" and any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in kids(v)):
        return []  # "what he described as a crime": a naming inside another claim, not an assertion
    role = _document_speaker(head)
    head = _named_in_apposition(role)
    speaker = _speaker_range(role)
    contents = _clause_contents(v, sent)
    if not contents and cue.content in ("clause", "either"):
        contents = _that_clause(v)
    if not contents and cue.content in ("object", "either"):
        obj = _object_content(v, lemma)
        if obj is not None and (lemma not in TOLL_VERBS or _is_toll(v)):
            contents = [obj]
    if trailing and speaker[0] > sent.start:
        # the parser hung the speaker inside the content: the content ends before it
        contents = [_trim(v.doc, sent.start, speaker[0] - 1)]
    if lemma in WEAK_OBJECT_VERBS and not any(c for c in _clause_contents(v, sent)):
        return []
    doc = v.doc
    hedged = cue.hedges or _hedged(v, sent) or any(_content_hedged(v.doc, c) for c in contents)
    negated = cue.negates or any(c.dep_ == "neg" for c in kids(v))
    sentence = (sent.start_char, sent.end_char)
    # "..., he said." with no clause: an empty content at the cue, which a quotation may fill later
    return [
        Attribution(
            _cue_name(v),
            v.i,
            speaker,
            head.i,
            c,
            sentence,
            False,
            hedged,
            negated or (bool(contents) and _content_negated(doc, c)),
            (v.idx, v.idx + len(v.text)),
        )
        for c in (contents or [(v.idx, v.idx)])
    ]


_THIRD_PERSON: Final = {
    f"{lemma}s": lemma
    for lemma in (
        "say",
        "claim",
        "report",
        "warn",
        "state",
        "add",
        "insist",
        "confirm",
        "allege",
        "accuse",
        "blame",
        "deny",
        "admit",
    )
}
_THIRD_PERSON["denies"] = "deny"


def _misparsed_verb(t: Token, sent: Span) -> bool:
    """ "The Russian military claims that ...": a small model may tag the verb as a plural noun."""
    if t.tag_ not in ("NNS", "NN") or t.lower_ not in _THIRD_PERSON or t.i == sent.start:
        return False
    if t.dep_ not in ("ROOT", "nsubj") and t.head.pos_ == "VERB":
        return False
    nxt = t.doc[t.i + 1] if t.i + 1 < sent.end else None
    prev = t.doc[t.i - 1]
    return (
        nxt is not None
        and (nxt.lower_ == "that" or nxt.pos_ in ("PROPN", "PRON", "DET", "NUM"))
        and prev.pos_ in ("NOUN", "PROPN", "ADJ")
    )


def _noun_verb(t: Token, sent: Span) -> list[Attribution]:
    """The assertion of a reporting verb misread as a noun: speaker on its left, content on its right."""
    doc = t.doc
    head = doc[t.i - 1]
    if not _can_speak(head):
        return []
    content = _trim(doc, t.i + 1, t.right_edge.i if t.right_edge.i > t.i else sent.end - 1)
    if content[1] <= content[0]:
        return []
    lemma = _THIRD_PERSON[t.lower_]
    cue = REPORTING_VERBS[lemma]
    speaker = (t.left_edge.i if t.left_edge.i < t.i else t.i - 1, t.i)
    while speaker[0] < t.i - 1 and lowers(doc)[speaker[0]] in ("the", "a", "an"):
        speaker = (speaker[0] + 1, speaker[1])
    return [
        Attribution(
            lemma,
            t.i,
            speaker,
            head.i,
            content,
            (sent.start_char, sent.end_char),
            False,
            cue.hedges,
            cue.negates or _content_negated(doc, content),
            (t.idx, t.idx + len(t.text)),
        )
    ]


def _passive(v: Token, sent: Span) -> list[Attribution]:
    """ "a claim denied by Islamabad", "the attack was confirmed by police": the agent speaks."""
    agent = [c for c in kids(v) if c.dep_ == "agent"]
    pobj = [c for c in kids(agent[0]) if c.dep_ == "pobj"] if agent else []
    if not pobj or not _can_speak(pobj[0]):
        return []
    doc = v.doc
    if v.dep_ == "acl":
        content = _trim(doc, v.head.left_edge.i, v.i - 1)
    else:
        subj = [c for c in kids(v) if c.dep_ == "nsubjpass"]
        if not subj:
            return []
        content = _trim(doc, subj[0].left_edge.i, subj[0].right_edge.i)
    if content[1] <= content[0]:
        return []
    cue = REPORTING_VERBS[v.lemma_.lower()]
    return [
        Attribution(
            _cue_name(v),
            v.i,
            _speaker_range(pobj[0]),
            pobj[0].i,
            content,
            (sent.start_char, sent.end_char),
            False,
            cue.hedges or _hedged(v, sent),
            cue.negates,
            (v.idx, v.idx + len(v.text)),
        )
    ]


def _cue_name(v: Token) -> str:
    lemma = v.lemma_.lower()
    if lemma in TOLL_VERBS:
        return f"{lemma} the toll at"
    return lemma


def _speaker_of(v: Token) -> Token | None:
    """The subject of a reporting verb, inherited through participles, conjuncts and "appeared to"."""
    t = v
    for _ in range(4):
        subj = [c for c in kids(t) if c.dep_ in ("nsubj",)]
        if subj:
            # the subject nearest before the verb: a misparse can hang a second one on it
            before = [c for c in subj if c.i < t.i]
            s = before[-1] if before else subj[0]
            if s.ent_type_ in ("DATE", "TIME"):
                # "Early Monday, M23 rebels, who ..., claimed": a fronted date misread as the subject
                named = [c for c in kids(s) if c.dep_ == "appos"]
                if not named:
                    return None
                s = named[0]
            if s.lower_ in ("which", "who", "that") and t.dep_ == "relcl":
                return t.head
            return _speaker_in_apposition(s, t) or s
        quoted = [c for c in kids(t) if c.dep_ == "nsubjpass"]
        if quoted and t.lemma_.lower() == "quote":
            return quoted[0]  # "X was quoted as saying ..."
        agent = [c for c in kids(t) if c.dep_ == "agent"]
        if agent:
            pobj = [c for c in kids(agent[0]) if c.dep_ == "pobj"]
            return pobj[0] if pobj else None
        if t.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp") and t.head.i != t.i:
            if t.dep_ == "ccomp" and t.tag_ != "VBG":
                return None
            t = t.head
            if t.dep_ == "prep" and t.lower_ == "as":
                t = t.head  # "quoted ... as saying"
            continue
        return None
    return None


def _speaker_in_apposition(subject: Token, verb: Token) -> Token | None:
    """ "An attack ... killed at least five soldiers, India's defense minister said": the parser
    makes the content's object the subject and the speaker its apposition; the speaker is the
    phrase between the comma and the verb, after content that comes first.
    """
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


def _trailing_speaker(v: Token, sent: Span) -> Token | None:
    """ "..., police and a spokesman for the group said.": a speaker the parser hung on the content.

    Only a final cue with no subject, right after a comma and a noun phrase with no verb in it.
    """
    doc = v.doc
    j = v.i - 1
    while j > sent.start and doc[j].text != ",":
        if (doc[j].pos_ in ("VERB", "AUX") and doc[j].dep_ != "amod") or (
            doc[j].is_punct and doc[j].text not in ("-", "\u2011", "'", "\u2019")
        ):
            return None  # "Russian-installed" is a modifier; any other verb or stop ends the phrase
        j -= 1
    if j <= sent.start or j == v.i - 1:
        return None
    # the phrase's own root: its head lies outside the phrase ("the city's governor": governor)
    roots = [t for t in doc[j + 1 : v.i] if t.pos_ in ("NOUN", "PROPN", "PRON") and not j < t.head.i < v.i]
    return next((t for t in roots if _can_speak(t)), None)


_PARTITIVES: Final = frozenset({"one", "another", "some", "two", "three", "both", "several", "many", "most"})


def _partitive(head: Token) -> Token:
    """ "one of the sources told AFP", "two of the witnesses said": the group the speaker is one of."""
    if head.lower_ not in _PARTITIVES:
        return head
    for c in kids(head):
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = [k for k in kids(c) if k.dep_ == "pobj"]
            if pobj and pobj[0].pos_ != "PRON":
                return pobj[0]
    return head


def _named_in_apposition(head: Token) -> Token:
    """ "Another resident, Umaru Bawa, confirmed": the person named beside a role noun speaks."""
    if head.pos_ == "NOUN":
        for c in kids(head):
            if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN"):
                return c
    return head


def _document_speaker(head: Token) -> Token:
    """ "A statement from the army said", "the ministry's statement said": the author speaks."""
    if head.lemma_.lower() not in REPORTING_NOUNS:
        return head
    for c in kids(head):
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE", "NORP")):
            return c
        if c.dep_ == "acl" and c.tag_ == "VBN":
            # "a statement issued by the RSF spokesman": the one who issued it
            agent = [k for k in kids(c) if k.dep_ == "agent"]
            pobj = [k for k in kids(agent[0]) if k.dep_ == "pobj"] if agent else []
            if pobj:
                return pobj[0]
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            pobj = [k for k in kids(c) if k.dep_ == "pobj"]
            if pobj:
                return pobj[0]
    return head


def _can_speak(head: Token) -> bool:
    if head.lower_ in _PRONOUNS:
        return True
    if head.lower_ == "another" and head.dep_ == "nsubj" and not list(kids(head)):
        return True  # "Another said ...": one more of the speakers just named
    if head.lemma_.lower() in PERSON_NOUNS and head.lemma_.lower() not in _MUTE:
        return True  # "eyewitnesses", "survivors", "relatives", "medics"
    if head.ent_type_ in _SPEAKER_ENTS or head.pos_ == "PROPN":
        return True
    return head.lemma_.lower() in SPEAKER_NOUNS or head.lower_ in SPEAKER_NOUNS


def _speaker_range(head: Token) -> tuple[int, int]:
    """The speaker phrase: the head with its modifiers, without relative clauses or trailing commas."""
    left = head.left_edge.i
    right = head.i
    for c in kids(head):
        if c.i > head.i and c.dep_ in ("prep", "appos", "compound", "flat", "cc", "conj"):
            right = max(right, c.right_edge.i)
    punct, lower = doc_index(head.doc).punct, lowers(head.doc)
    while right > head.i and punct[right]:
        right -= 1
    while left < head.i and (punct[left] or lower[left] in ("the", "a", "an")):
        left += 1
    return (left, right + 1)


def _clause_contents(v: Token, sent: Span) -> list[tuple[int, int]]:
    """Content clauses of a reporting verb, split at conjoined "and that" clauses."""
    clauses = [c for c in kids(v) if c.dep_ in ("ccomp", "parataxis")]
    if not clauses and v.lemma_.lower() not in _ADDRESSEE_VERBS:
        clauses = [c for c in kids(v) if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if not clauses and v.dep_ in ("relcl", "pcomp") and v.head.dep_ in ("attr",):
        return []
    fronted_conj = (
        not clauses
        and v.dep_ == "conj"
        and v.head.i < v.i
        and _after_comma(v)
        and not any(
            c.dep_ in ("dobj", "ccomp") and c.lemma_.lower() not in ("afp", "reuters") and c.pos_ != "PROPN"
            for c in kids(v)
        )
    )
    if (
        (not clauses and v.dep_ == "parataxis")
        or (not clauses and v.dep_ in ("ccomp",) and v.head.i < v.i)
        or fronted_conj
    ):
        # "X killed 15 civilians, a monitor said": the verb hangs on the clause it reports.
        h = v.head
        if h.pos_ in ("VERB", "AUX") and h.i < v.i:
            speaker = _speaker_of(v)
            end = (v.left_edge.i if speaker is None else speaker.left_edge.i) - 1
            return [_trim(v.doc, h.left_edge.i, end)]
    out: list[tuple[int, int]] = []
    for c in clauses:
        parts = [c]
        for k in kids(c):
            if k.dep_ == "conj" and k.pos_ in ("VERB", "AUX") and _own_clause(k):
                parts.append(k)
        first = _clause_start(v, c)
        last = _clause_end(c)
        if len(parts) == 1:
            out.append(_trim(v.doc, first, last))
            continue
        cut = [p.left_edge.i for p in parts[1:]]
        # the first clause runs up to the first conjoined clause, minus the joining "and"
        out.append(_trim(v.doc, first, cut[0] - 1))
        for p in parts[1:]:
            out.append(_trim(v.doc, p.left_edge.i, p.right_edge.i))
    return _merge_adjacent(doc_text(v.doc), [o for o in out if o[1] > o[0]])


def _after_comma(v: Token) -> bool:
    """ "..., an official told AFP": the speaker phrase right after a comma, the verb ending the sentence."""
    speaker = _speaker_of(v)
    if speaker is None or speaker.i > v.i:
        return False
    left = speaker.left_edge.i
    return left > 0 and lowers(v.doc)[left - 1] == ","


def _merge_adjacent(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin pieces with nothing but spaces between them: a misparse split one clause, not two."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(pieces):
        if merged and not text[merged[-1][1] : a].strip(" -\u2011"):  # "counter-attacked" split at its hyphen
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _clause_end(c: Token) -> int:
    """Where a content clause ends: before a "while"/"but" clause that has its own reporting speaker
    ("it struck targets, while Hezbollah said it fired rockets")."""
    doc = c.doc
    end = c.right_edge.i
    # only a token with a reporting lemma can cut the clause: look for those in the subtrees
    cues = _reporting_tokens(doc)
    for k in kids(c):
        if (
            k.i > c.i
            and k.dep_ in ("advcl", "conj")
            and any(
                t.pos_ == "VERB" and any(x.dep_ == "nsubj" for x in kids(t))
                for t in (doc[i] for i in descendants(doc, k.i, cues))
            )
        ):
            end = min(end, k.left_edge.i - 1)
    for t in (doc[i] for i in descendants(doc, c.i, cues)):
        # "..., a claim denied by Islamabad": a rival's passive denial in apposition is not content
        if (
            t.i > c.i
            and t.dep_ == "acl"
            and t.head.dep_ in ("appos", "npadvmod", "conj")
            and any(x.dep_ == "agent" for x in kids(t))
        ):
            end = min(end, t.head.left_edge.i - 1)
    return end


def _reporting_tokens(doc: Doc) -> list[int]:
    """The tokens whose lemma is a reporting verb's, found once per Doc."""
    found = doc.user_data.get(_REPORTING_KEY)
    if not isinstance(found, list):
        found = doc.user_data[_REPORTING_KEY] = [i for i, w in enumerate(lemmas(doc)) if w in REPORTING_VERBS]
    return found


def _clause_start(v: Token, c: Token) -> int:
    """ "said on Monday it had repelled": a phrase between the cue and the clause's subject is the cue's."""
    subj = [k for k in kids(c) if k.dep_ in _SUBJECTS]
    if c.left_edge.i == v.i + 1 and subj and subj[0].left_edge.i > v.i + 1:
        lead = [k for k in kids(c) if k.i < subj[0].i and k.dep_ in ("prep", "npadvmod", "advmod")]
        if lead and lead[0].left_edge.i == v.i + 1:
            return subj[0].left_edge.i if not any(k.dep_ == "mark" for k in kids(c)) else c.left_edge.i
    return c.left_edge.i


def _that_clause(v: Token) -> list[tuple[int, int]]:
    """ "claimed without evidence that ...": a "that" clause the parser hung on a modifier of the verb."""
    for t in v.subtree:
        if (
            t.i > v.i
            and t.dep_ in ("acl", "ccomp", "advcl", "relcl")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(t))
        ):
            return [_trim(v.doc, t.left_edge.i, t.right_edge.i)]
    return []


def _own_clause(k: Token) -> bool:
    """A conjoined verb with its own subject or its own "that": a separate assertion."""
    return any(c.dep_ in _SUBJECTS for c in kids(k)) or any(c.dep_ == "mark" for c in kids(k))


def _object_content(v: Token, lemma: str) -> tuple[int, int] | None:
    objs = [c for c in kids(v) if c.dep_ in ("dobj",)]
    if not objs or lemma in _ADDRESSEE_VERBS:
        return None
    obj = objs[0]
    end = obj.right_edge.i
    # "accusing Russian forces of directing fire", "placed the toll at 53": the verb's own complements.
    for c in kids(v):
        if c.i > obj.i and c.dep_ in ("prep", "advmod", "npadvmod") and c.lower_ not in ("in",):
            end = max(end, c.right_edge.i)
    return _trim(v.doc, obj.left_edge.i, end)


def _is_toll(v: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("toll", "number", "figure", "tally") for c in kids(v))


def _according(t: Token, sent: Span) -> list[Attribution]:
    doc = t.doc
    to = doc[t.i + 1]
    pobj = [c for c in kids(to) if c.dep_ == "pobj"] or [c for c in kids(t) if c.dep_ == "pobj"]
    if not pobj:
        return []
    head = _document_speaker(pobj[0])
    speaker = _speaker_range(head)
    # the content is the clause the phrase hangs on, on the larger side of the phrase
    clause = t.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    left_edge = clause.left_edge.i
    for c in kids(clause):
        # "Though X declared victory, fighting dragged on, according to ...": the concession is not asserted
        if c.dep_ == "advcl" and c.i < clause.i and any(k.dep_ == "mark" and k.lower_ in _CONCESSIVE for k in kids(c)):
            left_edge = max(left_edge, c.right_edge.i + 1)
    left = (left_edge, t.i - 1)
    phrase_end = max(t.right_edge.i, head.right_edge.i)
    right = (phrase_end + 1, clause.right_edge.i)
    content = _trim(doc, *left) if left[1] - left[0] >= right[1] - right[0] else _trim(doc, *right)
    if content[1] <= content[0]:
        return []
    hedged = _hedged(t, sent) or _content_hedged(doc, content)
    return [
        Attribution(
            "according to",
            t.i,
            speaker,
            head.i,
            content,
            (sent.start_char, sent.end_char),
            False,
            hedged,
            _content_negated(doc, content),
            (t.idx, to.idx + len(to.text)),
        )
    ]


def _content_hedged(doc: Doc, content: tuple[int, int]) -> bool:
    """ "were reportedly captured", "allegedly bombed": the content itself keeps its distance."""
    return any(word in HEDGE_ADVERBS for word in doc_text(doc)[content[0] : content[1]].lower().split())


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range of tokens start..end (inclusive), without edge punctuation or a leading "that"."""
    punct, lower = doc_index(doc).punct, lowers(doc)
    while start <= end and (lower[start] in ("that", ",", "and") or punct[start]):
        start += 1
    while end >= start and (punct[end] or lower[end] in ("and", "but", "or")):
        end -= 1
    if end < start:
        return (
            starts(doc)[start] if start < len(doc) else len(doc_text(doc)),
            starts(doc)[start] if start < len(doc) else len(doc_text(doc)),
        )
    a, b = starts(doc)[start], ends(doc)[end]
    text = doc_text(doc)
    while b > a and text[b - 1] in _PUNCT_TRIM:
        b -= 1
    while a < b and text[a] in _PUNCT_TRIM:
        a += 1
    return (a, b)


def _hedged(v: Token, sent: Span) -> bool:
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in HEDGE_GOVERNORS:
        return True
    if any(c.lower_ in HEDGE_ADVERBS for c in kids(v)):
        return True
    after = doc_text(sent.doc)[v.idx : sent.end_char].lower()
    return any(p in after[:200] for p in DISTANCING)


def _content_negated(doc: Doc, content: tuple[int, int]) -> bool:
    span = char_span(doc, *content)
    if span is None or len(span) == 0:
        return False
    root = span.root
    if any(c.dep_ == "neg" for c in kids(root)):
        return True
    lower = lowers(doc)
    return any(
        c.dep_ == "det" and c.head.dep_ in _SUBJECTS and c.head.head == root
        for c in (doc[i] for i in range(span.start, span.end) if lower[i] == "no")
    )


def _attach_quotations(doc: Doc, found: list[Attribution], quotes: list[Quotation]) -> list[Attribution]:
    """Give each direct quotation the speaker of the cue beside it; the quotation becomes the content.

    A cue qualifies when it stands right after the quotation ("..., he said"), right
    before it ("X said: ...", "saying ..."), or when its parsed content lies inside
    the quotation; a cue whose content is already outside the quotation keeps it
    ("said that reinforcements would be deployed “to protect ...”" stays indirect).
    The nearest qualifying cue wins; its other content pieces are folded into the quotation.
    """
    out = list(found)
    text = doc_text(doc)
    last: tuple[Quotation, Attribution] | None = None
    for q in quotes:
        candidates: list[tuple[int, int]] = []
        for k, a in enumerate(out):
            cue_at = a.cue_span[0]
            empty = a.content[0] == a.content[1]
            inside = q.inner_start <= a.content[0] and a.content[1] <= q.inner_end + 1
            if not (empty or inside):
                continue
            if q.end <= cue_at and _only_speaker_between(doc, q, cue_at, a):
                candidates.append((cue_at - q.end, k))
            elif cue_at < q.start and _only_intro_between(doc, a.cue_span[1], q.start):
                candidates.append((q.start - a.cue_span[1], k))
            elif inside and not empty:
                candidates.append((abs(cue_at - q.end), k))
        if not candidates:
            follow = _continuation(doc, last, q)
            if follow is not None and last is not None and text[follow.content[0] : follow.content[0] + 1].islower():
                # "“This war will end,” he said, “and not before.”": one quotation split by its cue
                prev = last[1]
                joined = Attribution(
                    prev.cue,
                    prev.cue_token,
                    prev.speaker,
                    prev.speaker_head,
                    (prev.content[0], follow.content[1]),
                    (prev.sentence[0], follow.sentence[1]),
                    True,
                    prev.hedged,
                    prev.negated,
                    prev.cue_span,
                )
                out = [joined if b is prev else b for b in out]
                last = (q, joined)
            elif follow is not None:
                out.append(follow)
                last = (q, follow)
            continue
        a = out[min(candidates)[1]]
        sentence = (
            min(a.sentence[0], _sentence_start(doc, q.start)),
            max(a.sentence[1], _sentence_end(doc, q.end)),
        )
        inner = _trim_chars(text, q.inner_start, q.inner_end)
        merged = Attribution(
            a.cue,
            a.cue_token,
            a.speaker,
            a.speaker_head,
            inner,
            sentence,
            True,
            a.hedged,
            a.negated,
            a.cue_span,
        )
        out = [b for b in out if b.cue_token != a.cue_token or not _within(b.content, q)] + [merged]
        last = (q, merged)
    return [a for a in out if a.content[1] > a.content[0]]


def _continuation(doc: Doc, last: tuple[Quotation, Attribution] | None, q: Quotation) -> Attribution | None:
    """ "“A,” he said. “B.”": a quotation with no cue of its own, right after an attributed one, is the same
    speaker's; only the earlier quotation's cue (or nothing) may stand between them."""
    if last is None:
        return None
    prev, a = last
    gap = doc_text(doc)[prev.end : q.start]
    if len(gap) > 80 or gap.count("\n") > 2:
        return None
    rest = gap
    if prev.end <= a.cue_span[0] < q.start:
        rest = doc_text(doc)[a.cue_span[1] : q.start]
        if a.speaker is not None:
            rest = rest.replace(_token_text(doc, *a.speaker), "")
        cue_end = _sentence_end(doc, a.cue_span[1])
        if cue_end <= q.start and not doc_text(doc)[cue_end : q.start].strip():
            # "“A,” X told Reuters news agency on Saturday. “B.”": the cue's sentence ends, B opens
            rest = ""
    if len(rest.strip(" ,.;:\n").split()) > 4:
        return None
    sentence = (_sentence_start(doc, q.start), _sentence_end(doc, q.end))
    inner = _trim_chars(doc_text(doc), q.inner_start, q.inner_end)
    return Attribution(
        a.cue, a.cue_token, a.speaker, a.speaker_head, inner, sentence, True, a.hedged, a.negated, a.cue_span
    )


def _within(content: tuple[int, int], q: Quotation) -> bool:
    return content[0] == content[1] or (q.inner_start <= content[0] and content[1] <= q.inner_end + 1)


def _only_speaker_between(doc: Doc, q: Quotation, cue_at: int, a: Attribution) -> bool:
    """Between a closing quote and its cue stand only punctuation and the speaker ("...,” he said")."""
    text = doc_text(doc)
    gap = text[q.end : cue_at]
    if len(gap) > 120 or "\n" in gap:
        return False
    closing = text[q.inner_start : q.inner_end].rstrip()[-1:]
    if closing not in (",", "?", "!", "\u2014", "-") and not gap.lstrip().startswith(","):
        return False
    if a.speaker is None:
        return len(gap.strip(" ,")) == 0
    speaker_text = _token_text(doc, *a.speaker)
    rest = gap.replace(speaker_text, "").strip(' ,\u201d"')
    return len(rest.split()) <= 3


def _token_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the Doc's text."""
    return doc_text(doc)[starts(doc)[start] : ends(doc)[end - 1]] if end > start else ""


def _only_intro_between(doc: Doc, start: int, end: int) -> bool:
    """Between a cue and an opening quote: at most a short phrase and a colon or comma ("said:", "saying")."""
    gap = doc_text(doc)[start:end]
    return len(gap) <= 40 and "\n" not in gap and "." not in gap


def _sentence_start(doc: Doc, char: int) -> int:
    span = char_span(doc, char, min(char + 1, len(doc_text(doc))))
    return sentence_at(doc, span.start).start_char if span is not None and len(span) else char


def _sentence_end(doc: Doc, char: int) -> int:
    span = char_span(doc, max(char - 1, 0), char)
    return sentence_at(doc, span.end - 1).end_char if span is not None and len(span) else char


def _trim_chars(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and text[b - 1] in _PUNCT_TRIM:
        b -= 1
    while a < b and text[a] in _PUNCT_TRIM:
        a += 1
    return (a, b)
