"""A small rule-based coreference resolver for speakers: "he", "it", "they", "the ministry", "the group".

It keeps a discourse history, in text order, of who could be referred to:
every resolved speaker (most salient) and every sentence subject that names a
person, an organisation or a group outside quotations. A reference resolves to
the most recent fitting entry before it:

* "he"/"she": the last person; a person named only inside another phrase ("the
  head of President Zelenskyy's office") is not a subject and is skipped;
* "it": the last singular organisation (ministry, agency, group, state);
* "they": the last plural group ("rebels", "officials"), else the last organisation;
* "the <noun>" ("the ministry", "the agency", "the monitor", "the group"): the last
  organisation whose name holds the noun (or a synonym: a monitor is an
  observatory); "the group" is the last armed group or organisation.

Entries carry an actor once one is known; otherwise the caller builds one from
the entry's head token. See ``docs/claims.md``.

>>> from conflict_events.nlp import load_language_model
>>> text = "Andriy Yermak, the head of President Volodymyr Zelenskyy's office, spoke. He said so."
>>> doc = load_language_model()(text)
>>> coref = Coreference(doc, quotes=[])
>>> coref.resolve(doc[-4]).head == 1  # "He" is Yermak, not Zelenskyy
True
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal

from .._doccache import doc_text, entities
from .._docindex import kids, starts
from ..schema import Actor
from ._attribution_lexicon import AttributionLexicon
from ._quotes import Quotation, quoted_chars
from ._tree import subjects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Coreference", "Entry", "EntryKind", "coordinated"]

EntryKind = Literal["person", "org", "group"]

_ARMED_KINDS: Final = frozenset({"rebel_group", "political_militia", "identity_militia", "state_forces"})


@dataclass
class Entry:
    """Someone who can be referred to: where, what sort, and the actor once known."""

    at: int
    head: int
    kind: EntryKind
    plural: bool
    known: Actor | None = None
    speaker: bool = False
    gender: str | None = None  # "f" or "m" when a title or a role word says so ("Mrs.", "the actress")
    main: bool = False  # the subject of its sentence's main verb, not of a clause inside it
    # the latest version of each actor (by id) in the document, shared by all entries: an actor that gains
    # a mention is updated there once, not in every entry that names it
    latest: dict[str, Actor] | None = field(default=None, repr=False, compare=False)

    @property
    def actor(self) -> Actor | None:
        """The actor once known, in its latest version."""
        if self.known is None or self.latest is None:
            return self.known
        return self.latest.get(self.known.id, self.known)

    @actor.setter
    def actor(self, actor: Actor | None) -> None:
        self.known = actor


# first-person speakers, resolved only to the name that opens their line ("SMITH: I think ...")
_FIRST_PERSON: Final = frozenset({"i", "we"})
# how far back a reference is looked for: longer than any news article, and it keeps a
# book-length text from comparing each pronoun with every name before it
_REACH: Final = 20_000
# how close a main subject must stand before an embedded one to be preferred to it (a sentence or two)
_NEAR: Final = 300


class Coreference:
    """The discourse history of one document and the rules that resolve references against it."""

    def __init__(self, doc: Doc, quotes: list[Quotation], lexicon: AttributionLexicon | None = None) -> None:
        self.doc = doc
        self.lex = lex = lexicon or AttributionLexicon.load()
        pronouns = lex.person_pronouns | lex.organisation_pronouns | lex.group_pronouns
        self.entries: list[Entry] = []  # in the order they were found
        self._positions: list[int] = []  # the entries' offsets, sorted, and the entries in that order
        self._by_position: list[Entry] = []
        self.latest: dict[str, Actor] = {}  # the latest version of each actor that gained a mention
        self._words: dict[str, tuple[Actor, frozenset[str]]] = {}  # an actor's distinct words, per version
        self._phrases: dict[int, str] = {}  # an entry's phrase by its head (see _name)
        at = starts(doc)
        quoted = quoted_chars(len(doc_text(doc)), quotes)
        # the names of people: a surname alone the small model took for a place or a body is still a person
        ents = entities(doc)  # doc.ents makes every entity Span anew on each read
        self._people = people = {e.root.lower_ for e in ents if e.label_ == "PERSON"} | _given_named(ents, lex)
        for i in subjects(doc):  # only subjects can enter, so no Token is made for the other words
            if quoted[at[i]]:
                continue
            t = doc[i]
            if t.lower_ in pronouns or t.pos_ == "PRON":
                continue
            main = t.head.dep_ == "ROOT" or (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT")
            kind = "person" if _named(t) and t.lower_ in people else _kind_of(t, lex)
            if kind is not None:
                t = _name_beside(t, people)
            # a person whose words or deeds are the subject ("Podliska's lawsuit demands ... He also seeks")
            # is as present as a subject, and named closer than the last one
            owner = [c for c in kids(t) if c.dep_ == "poss" and _named(c) and c.lower_ in people]
            if owner and kind != "person":
                self._add(Entry(owner[0].idx, owner[0].i, "person", False, main=main))
            if kind == "person" and coordinated(t):
                # "Mike Crapo and Jim Risch endorsed ...": two people, a group "they" refers to
                self._add(Entry(t.idx, t.i, "group", True, main=main))
            elif kind is not None:
                self._add(Entry(t.idx, t.i, kind, t.tag_ in ("NNS", "NNPS"), main=main))
        # people named outside subjects ("a rally for Ibrahim Musa"): the last resort of "he"/"she"
        self._named = [
            Entry(e.root.idx, e.root.i, "person", False)
            for e in ents
            if e.label_ == "PERSON" and not quoted[e.root.idx]
        ]
        # the genders of these entries are read only when a "he" or "she" asks (_settle_genders)
        self._ungendered: list[Entry] | None = [*self._named, *self.entries]
        self._genders: dict[str, str] = {}

    def _settle_genders(self) -> None:
        """The genders of the subjects and names, once: a name's gender holds for its every mention
        ("Mrs. Clinton" makes the later "Clinton" a "she")."""
        if self._ungendered is None:
            return
        seen: dict[str, set[str]] = {}
        for e in self._ungendered:
            e.gender = _gender(self.doc[e.head], self.lex)
            if e.gender is not None:
                seen.setdefault(self.doc[e.head].lower_, set()).add(e.gender)
        # a surname a man and a woman share ("Donald Trump", "Melania Trump") gives its bare mentions no gender
        self._genders = {name: next(iter(gs)) for name, gs in seen.items() if len(gs) == 1}
        self._ungendered = None

    def note(self, token: Token, actor: Actor, *, kind: EntryKind | None = None) -> None:
        """Record a resolved speaker at ``token`` (most salient for later references)."""
        person = actor.kind == "person" or (_named(token) and token.lower_ in self._people)
        # a surname the small model took for a body here ("Carson said") is the person it names elsewhere
        k = kind or ("person" if person else None) or _kind_of(token, self.lex) or "org"
        gender = _gender(token, self.lex)
        # the author of a noun of saying ("the governor's plan to ...") speaks from inside another phrase: less
        # central than a subject for the next "he" (see _main_before)
        main = token.dep_ != "poss"
        self._add(Entry(token.idx, token.i, k, token.tag_ in ("NNS", "NNPS"), actor, True, gender, main))

    def _add(self, entry: Entry) -> None:
        entry.latest = self.latest
        self.entries.append(entry)
        at = bisect_right(self._positions, entry.at)  # after equal positions: the order sorted() kept
        self._positions.insert(at, entry.at)
        self._by_position.insert(at, entry)

    def _before(self, token: Token) -> list[Entry]:
        """The entries in the ``_REACH`` characters before ``token``, by position (not ``token`` itself)."""
        lo = bisect_left(self._positions, token.idx - _REACH)
        hi = bisect_left(self._positions, token.idx)
        # an entry sits at its head's offset, so none before ``token.idx`` is ``token`` itself: a slice, not a
        # walk over every entry in reach for each reference
        return self._by_position[lo:hi]

    def resolve(self, token: Token, skip: frozenset[int] = frozenset()) -> Entry | None:
        """The entry a pronoun or a definite description at ``token`` refers to, if any (none whose head is
        in ``skip``: a referent the caller found the wrong gender once named in full)."""
        word, lex = token.lower_, self.lex
        before = self._before(token)
        if skip:
            before = [e for e in before if e.head not in skip]
        if word in _FIRST_PERSON:
            return self._turn_speaker(token)
        if word in lex.person_pronouns:
            return self._person(word, before, token.idx)
        if word in lex.organisation_pronouns:
            return _last(before, lambda e: e.kind == "org" and not e.plural)
        if word in lex.group_pronouns:
            return _last(before, lambda e: e.kind == "group" or e.plural) or _last(before, lambda e: e.kind == "org")
        if is_document(token, lex):
            # "the statement said": the body whose statement it is, the last speaker
            return _last(before, lambda e: e.speaker and e.kind != "person")
        if is_definite(token, lex):
            noun = token.lemma_.lower()
            if noun in lex.spokespersons:
                # "the spokesperson added": the spokesperson who spoke last, for the body resolved then
                return _last(before, lambda e: e.speaker and noun in self._name(e).split())
            words = lex.synonyms.get(noun, (noun,))
            modifiers = _modifiers(token)
            if modifiers:
                return self._described(before, words, modifiers)
            hit = _last(before, lambda e: e.kind != "person" and self._names_any(e, words))
            if hit is None and noun == "group":
                hit = _last(before, lambda e: e.actor is not None and e.actor.kind in _ARMED_KINDS)
            return hit
        return None

    def _described(self, before: list[Entry], words: tuple[str, ...], modifiers: list[str]) -> Entry | None:
        """ "the resistance committee": the speaking body whose name holds the noun and its every modifier;
        "the aid group", "the medical organisation": the last civilian body that spoke."""
        hit = _last(
            before,
            lambda e: (
                e.speaker and e.kind != "person" and self._names_any(e, words) and self._names_any_all(e, modifiers)
            ),
        )
        if hit is None and all(m in self.lex.civil_descriptors for m in modifiers):
            hit = _last(
                before,
                lambda e: (
                    e.speaker
                    and e.kind != "person"
                    and e.actor is not None
                    and e.actor.kind in ("organization", "media")
                ),
            )
        return hit

    def _names_any_all(self, e: Entry, words: list[str]) -> bool:
        return all(self._names_any(e, (w,)) for w in words)

    def _person(self, word: str, before: list[Entry], at: int) -> Entry | None:
        """The last person whose gender, when a title or role word gives one, fits the pronoun."""
        lex = self.lex
        want = "f" if word in lex.female_words else "m" if word in lex.male_words else None
        fits = [e for e in before if e.kind == "person" and self._gender_of(e) in (None, want)]
        if not fits:
            named = [e for e in self._named if e.at < at and self._gender_of(e) in (None, want)]
            return named[-1] if named and at - named[-1].at < _REACH else None
        # a subject inside a reported clause ("he said Musa would ...") is less likely the next "he"
        # than the speaker or main subject just before it
        return self._main_before(fits)

    def _main_before(self, fits: list[Entry]) -> Entry:
        """The last entry, or the main subject before it when the last is the subject of a clause that
        main subject's verb governs ("Musa said Sani would lose. He added": Musa)."""
        last = fits[-1]
        if last.main or len(fits) < 2 or not fits[-2].main or last.at - fits[-2].at >= _NEAR:
            return last
        verb = self.doc[fits[-2].head].head
        up = self.doc[last.head].head
        for _ in range(6):
            if up.i == verb.i:
                return fits[-2]
            if up.head.i == up.i:
                break
            up = up.head
        return last

    def role_holder(self, token: Token, fits: Callable[[Token], bool]) -> Entry | None:
        """The person a role description with no holder named refers to ("the candidate said"): the last
        person named before it (a name, not another description) whose name ``fits`` the role."""
        lex = self.lex
        word = token.lower_
        want = "f" if word in lex.female_words else "m" if word in lex.male_words else None
        named = [
            e
            for e in self._before(token)
            if e.kind == "person"
            and self.doc[e.head].pos_ == "PROPN"
            and (want is None or self._gender_of(e) in (None, want))
        ]
        named = [e for e in named if fits(self.doc[e.head])]
        if not named:
            return None
        return self._main_before(named)

    def _turn_speaker(self, token: Token) -> Entry | None:
        """ "I"/"we" in a line a name and a colon open ("SMITH: I think ...", "Okafor: We Will Not Yield"):
        that name, the line's speaker (a transcript's turn, a headline's quoted speaker)."""
        doc = self.doc
        text = doc_text(doc)
        line = text.rfind("\n", 0, token.idx) + 1
        first = bisect_left(starts(doc), line)
        name: Token | None = None
        for t in doc[first : min(token.i, first + 8)]:
            if t.text == ":":
                break
            name = t if t.pos_ == "PROPN" or t.is_upper else None
        else:
            return None
        if name is None or name.i + 1 >= len(doc) or doc[name.i + 1].text != ":":
            return None
        if len(name.text) < 2 or name.lower_ in self.lex.colon_labels:
            return None  # "Q:"/"A:" of an interview, "Update:": a label, not a speaker
        return Entry(name.idx, name.i, "person", False)

    def pronoun_gender(self, token: Token) -> str | None:
        """ "f" for "she", "her"; "m" for "he", "him", "his"; else None."""
        word = token.lower_
        return "f" if word in self.lex.female_words else "m" if word in self.lex.male_words else None

    def _gender_of(self, e: Entry) -> str | None:
        self._settle_genders()
        found = e.gender or self._genders.get(self.doc[e.head].lower_)
        if found is None and e.actor is not None and e.actor.kind == "person":
            # a surname alone resolved to the person named in full: the full name's given name
            given = e.actor.name.split(maxsplit=1)[0].lower()
            found = "f" if given in self.lex.female_names else "m" if given in self.lex.male_names else None
        return found

    def resolve_group(self, token: Token) -> Entry | None:
        """ "Another said": the last group of speakers ("security sources") before ``token``."""
        before = self._before(token)
        return _last(before, lambda e: e.speaker and e.plural)

    def _names_any(self, e: Entry, words: tuple[str, ...]) -> bool:
        """Whether one of ``words`` is in one of the entry's names (its actor's mentions and name).

        An actor's distinct names are kept once per version of the actor, instead of joining all its
        mentions again for each reference (quadratic on a long text naming one body again and again).
        """
        if e.actor is None:
            return any(w in self._name(e) for w in words)
        names = self._names_of(e.actor)
        return any(w in n for w in words for n in names)

    def _names_of(self, actor: Actor) -> frozenset[str]:
        hit = self._words.get(actor.id)
        if hit is not None and hit[0] is actor:
            return hit[1]
        names = frozenset({*(m.text.lower() for m in actor.mentions), actor.name.lower()})
        self._words[actor.id] = (actor, names)
        return names

    def renamed(self, old: Actor, new: Actor, mention: str) -> None:
        """``new`` is ``old`` with one more mention: every entry of it reads ``new`` from now on."""
        hit = self._words.get(old.id)
        if hit is not None and hit[0] is old:
            self._words[new.id] = (new, hit[1] | {mention.lower()})
        self.latest[new.id] = new

    def _name(self, e: Entry) -> str:
        """The entry's phrase, lower case, read once per head (every "the group" asks it again)."""
        found = self._phrases.get(e.head)
        if found is None:
            t = self.doc[e.head]
            found = self._phrases[e.head] = self.doc[t.left_edge.i : t.right_edge.i + 1].text.lower()
        return found


def is_document(token: Token, lex: AttributionLexicon) -> bool:
    """ "the statement", "this report": a document whose author is the last speaking body; not a capitalised
    name inside a sentence ("according to the Post": the newspaper)."""
    if token.text[:1].isupper() and not token.is_sent_start:
        return False
    return token.lemma_.lower() in lex.documents and any(c.lower_ in ("the", "this") for c in token.children)


def is_definite(token: Token, lex: AttributionLexicon, *, described: bool = True) -> bool:
    """ "the ministry", "the group", "the resistance committee", "the spokesperson": a common noun after
    "the", with no name of its own (a body's noun may have lower-case modifiers, unless not ``described``)."""
    lemma = token.lemma_.lower()
    org = lemma in lex.organisation_nouns
    if token.pos_ != "NOUN" or not (org or lemma in lex.anonymous_nouns or lemma in lex.spokespersons):
        return False
    kids = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
        return False
    if any(c.dep_ in ("poss", "prep", "nmod") for c in kids):
        return False
    modified = [c for c in kids if c.dep_ in ("compound", "amod")]
    if len(modified) != len(_modifiers(token)):
        return False  # "the Saudi government" names its body
    return not modified or (org and described)


def _modifiers(token: Token) -> list[str]:
    """The lower-case words before a noun that describe it ("the *resistance* committee", "the *aid* group")."""
    return [c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i and c.is_lower]


def _kind_of(t: Token, lex: AttributionLexicon) -> EntryKind | None:
    if t.ent_type_ == "PERSON" or (t.tag_ == "NN" and t.lemma_.lower() in lex.person_roles):
        return "person"
    # a name the small model took for an organisation ("Carly Fiorina" as ORG): a given name makes it a person
    if t.tag_ == "NNP" and _given_gender([c for c in kids(t) if c.dep_ == "compound" and c.i < t.i], lex):
        return "person"
    if t.ent_type_ in ("ORG", "GPE") or t.lemma_.lower() in lex.organisation_nouns:
        return "group" if t.tag_ in ("NNS", "NNPS") else "org"
    if t.tag_ in ("NNS", "NNPS") and (t.pos_ == "PROPN" or _people(t, lex)):
        return "group"
    return None


def _name_beside(t: Token, people: set[str]) -> Token:
    """The person named beside a role noun ("The French envoy, Jean Dupont, spoke ... He said": Dupont), else ``t``."""
    if t.pos_ != "NOUN":
        return t
    return next((c for c in kids(t) if c.dep_ == "appos" and _named(c) and c.lower_ in people), t)


def coordinated(t: Token) -> bool:
    """Whether name ``t`` opens a coordination of names ("Mike Crapo and Jim Risch")."""
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in kids(t)) and any(
        c.dep_ == "cc" and c.lower_ == "and" for c in kids(t)
    )


def _named(t: Token) -> bool:
    """A name, or a capitalised word the tagger took for a common noun ("Trump at the time said")."""
    return t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper() and t.text.isalpha())


def _given_named(ents: Iterable[Span], lex: AttributionLexicon) -> set[str]:
    """Surnames a given name opens once though the small model took the name for a place or a body
    ("Ben Carson" with "Carson" alone a GPE): the people they name, whatever their other mentions' labels."""
    found = set()
    for e in ents:
        if e.label_ in ("GPE", "ORG", "LOC", "NORP", "FAC") and e.start > 0:
            first = e.doc[e.start - 1] if len(e) == 1 else e[0]
            if first.pos_ == "PROPN" and first.lower_ in lex.given_names and first.head.i == e.root.i:
                found.add(e.root.lower_)
    return found


def _people(t: Token, lex: AttributionLexicon) -> bool:
    """Whether a plural common noun names people "they" can refer to ("voters", "analysts"), not things
    ("the odds", "confirmations"): a speaker noun, or a word with an ending of people."""
    lemma = t.lemma_.lower()
    if (
        lemma in lex.speaker_nouns
        or lemma in lex.anonymous
        or lemma in lex.person_roles
        or t.lower_ in lex.speaker_nouns
    ):
        return True
    return lex.names_people(lemma)


def _gender(t: Token, lex: AttributionLexicon) -> str | None:
    """ "f" or "m" when the phrase's titles or role words say so ("Mrs. Musa", "the spokesman"), else
    when its given name does ("Hillary Clinton"); else None."""
    doc = t.doc
    owner = {w.i for c in kids(t) if c.dep_ == "poss" for w in c.subtree}  # "his wife", "Sam Musa's wife": the wife
    phrase = [w for w in doc[t.left_edge.i : t.i + 1] if w.i not in owner]
    # a capitalised title counts before a name ("Mrs. Musa", "Lady Amina"), not opening a body's name
    # ("Lady Reading Hospital spokesperson Mohammad Asim")
    words = {w.lower_ for w in phrase if w.is_lower or w.i == t.i or doc[w.i + 1].ent_type_ == "PERSON"}
    female, male = bool(words & lex.female_words), bool(words & lex.male_words)
    if female != male:
        return "f" if female else "m"
    # the given name comes before the surname: "Mattie Thomas" and "Gilda Cobb-Hunter" are not men
    return None if female else _given_gender([w for w in phrase if w.i != t.i], lex)


def _given_gender(phrase: list[Token], lex: AttributionLexicon) -> str | None:
    """ "f" or "m" by the first given name of a name ("Hillary Clinton", "Sen. Bernie Sanders"), else None."""
    given = next((w.lower_ for w in phrase if w.pos_ == "PROPN" and w.lower_ in lex.given_names), None)
    return None if given is None else "f" if given in lex.female_names else "m"


def _last(entries: list[Entry], ok: object) -> Entry | None:
    assert callable(ok)
    for e in reversed(entries):
        if ok(e):
            return e
    return None
