"""Which actor a role noun stands for in its document: "the rebels" after "M23", "its fighters", "Al-Shabaab militants".

A role noun ("the rebels", "its soldiers", "five assailants") often stands for an actor
the document names elsewhere. The rules here read a :class:`RoleNoun` (the noun, its
qualifiers, the mentions found so far) and return the actor it stands for, :data:`NOBODY`
when it names no actor at all, or None when they do not apply; :data:`CONTEXT_RULES`
are tried in order. When none applies, the role rules (:mod:`._role_rules`) name the
noun from its own words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Generic, TypeVar

from .._docindex import kids
from ..rules import Example, rule
from ._actor_ref import ActorRef, country_in_words, singular
from ._role_rules import identity_word

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ._pass_state import ActorMention, FinderBase

__all__ = ["CONTEXT_RULES", "NOBODY", "RoleNoun"]

T = TypeVar("T")


class _once(Generic[T]):  # lower case: used as a decorator, like ``property``
    """A fact of a :class:`RoleNoun` worked out on first use and kept in the instance's ``__dict__``:
    ``functools.cached_property`` without its lock (Python 3.11 takes one on every first use), which
    costs more than most of these facts."""

    def __init__(self, fn: Callable[[RoleNoun], T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj: RoleNoun, owner: type | None = None) -> T:
        value = obj.__dict__[self.name] = self.fn(obj)  # found there, not here, from then on
        return value


NOBODY: Final = ActorRef(name="", kind="unknown")
"""A decision that the noun names no actor (a title beside a person, "the group" with no group)."""


@dataclass(frozen=True)
class RoleNoun:
    """A role noun in its document, with what the rules read about it.

    Its facts (``noun``, ``armed``, ``plain``...) are worked out once, on first use: the rules are tried in
    order on every role noun and several of them ask the same ones.
    """

    finder: FinderBase
    tok: Token
    head_word: str  # the head as the phrase reads it ("forces", "the group", "armed men")
    lemma: str
    words: tuple[str, ...]  # the qualifiers before it (and a country named after "from"/"of")
    start: int
    inner: ActorMention | None  # a named actor inside the phrase or after "from"/"of"
    speaker: bool

    @_once
    def noun(self) -> str:
        return singular(self.head_word)

    @_once
    def children(self) -> list[Token]:
        """The noun's children, made once per document (several rules read them)."""
        return kids(self.tok)

    @_once
    def armed(self) -> bool:
        r = self.finder.roles
        return (
            self.lemma in r.rebel
            or self.noun in r.rebel
            or self.lemma in r.armed_unknown
            or self.noun in r.armed_unknown
        )

    @_once
    def plain(self) -> bool:
        """No word that keeps the noun from standing for a named group ("unknown", "local", "allied"), and no name
        of its own ("the Tubarao militia" is not the gang named before)."""
        words = self.words
        return not any(w.lower() in self.finder.roles.unnamed_qualifiers for w in words) and (
            self.lemma not in self.finder.roles.militia or identity_word(words, self.finder.roles) is None
        )

    @_once
    def possessive(self) -> Token | None:
        """ "its", "their" before the noun."""
        return next(
            (c for c in self.tok.lefts if c.dep_ == "poss" and c.lower_ in self.finder.roles.possessive_pronouns), None
        )

    @_once
    def lone(self) -> bool:
        """One unnamed attacker ("a Palestinian gunman", "the attacker"; not "a militant", whom a group's
        country calls its own): a lone attacker is no group's unless named."""
        r = self.finder.roles
        attacker = self.noun in r.armed_unknown and self.noun not in r.rebel
        return attacker and self.tok.tag_ == "NN" and self.head_word.lower() == self.noun

    @_once
    def definite(self) -> bool:
        return any(c.dep_ == "det" and c.lower_ in self.finder.roles.definite for c in self.tok.lefts)


# -- the rules, in the order they are tried ----------------------------------------------------


@rule(
    "actors.context.named_in_apposition",
    decides="actor.name",
    positive=[
        Example(
            "Government security forces (SNA) clashed with Al-Shabaab near Afgoye on Tuesday.",
            {"event.actor1.name": "Military Forces of Somalia (2022-)"},
        )
    ],
    negative=[
        Example(
            "Government security forces clashed with Al-Shabaab near Afgoye on Tuesday.",
            {"event.actor1.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def named_in_apposition(n: RoleNoun) -> ActorRef | None:
    """ "Government security forces (SNA)", "special police (Haramcad)": the name beside the noun is its actor."""
    conjuncts = [c.i for c in n.children if c.dep_ == "conj"]
    for c in n.children:
        if any(i < c.i for i in conjuncts):
            continue  # "international forces and government forces (Danab)": the name is the last noun's
        if c.dep_ == "appos" and c.ent_type_ in ("ORG", "NORP", "GPE", "PRODUCT", ""):
            named = n.finder.at(c.idx, c.idx + len(c))
            if named is not None and not named.ref.person and named.ref.kind not in ("media", "organization"):
                return named.ref
    return None


def _negated(name: Token) -> bool:
    """ "non-AUSSOM": a name after "non-" (one token or three) says what something is not."""
    doc = name.doc
    return name.lower_.startswith("non-") or (
        name.i >= 2 and doc[name.i - 1].text in ("-", "\u2010") and doc[name.i - 2].lower_ == "non"
    )


@rule(
    "actors.context.person_beside_role",
    decides="actor.name",
    positive=[
        Example(
            "Another resident, Usman Bello, said gunmen killed four people in Gusau on Sunday.",
            {"actor.name": "Usman Bello", "!actor.name": "Residents (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "A resident said gunmen killed four people in Gusau on Sunday.",
            {"actor.name": "Residents (Nigeria)"},
        ),
        Example(
            "On 9 May 2025, overnight, Al Shabaab fighters attacked Ethiopian security forces (non-AUSSOM) at a base"
            " near Garbaharey (Garbahaarey, Gedo). No casualties were reported.",
            {"event.actor2.name": "Military Forces of Ethiopia (2018-)"},
            date=dt.date(2025, 5, 12),
        ),
    ],
)
def person_beside_role(n: RoleNoun) -> ActorRef | None:
    """ "Magami resident Kasimu Bello", "another resident, Usman Bello": the person is the actor, the noun a title.

    A name negated in brackets ("Ethiopian security forces (non-AUSSOM)") says what the noun is not: no name."""
    tok = n.tok
    if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
        return NOBODY
    if any(c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG") and not _negated(c) for c in n.children):
        return NOBODY
    return NOBODY if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" else None


@rule(
    "actors.context.named_in_phrase",
    decides="actor.name",
    positive=[
        Example(
            "Fighters from Hayat Tahrir al-Sham attacked army positions near Idlib on Monday.",
            {"actor.name": "Hayat Tahrir al-Sham", "!actor.name": "Unidentified Armed Group (Syria)"},
        ),
        Example(
            "Gunmen suspected of belonging to the Jalisco New Generation Cartel killed six police officers in"
            " Michoacan, Mexico, on Thursday.",
            {"event.actor1.name": "CJNG: Jalisco New Generation Cartel"},
        ),
    ],
    negative=[
        Example(
            "Fighters attacked army positions near Idlib on Monday.",
            {"actor.name": "Unidentified Armed Group (Syria)"},
        ),
        Example(
            "Clashes erupted between Al Shabaab and clan militias near Baidoa on Monday.",
            {"event.actor2.name": "Unidentified Clan Militia (Somalia)"},
        ),
    ],
)
def named_in_phrase(n: RoleNoun) -> ActorRef | None:
    """ "Al-Shabaab militants", "fighters from HTS", "gunmen suspected of belonging to the CJNG": a named armed
    actor inside the phrase, or the group it says they belong to, is the actor."""
    inner = n.inner
    if inner is None or inner.ref.kind in ("person", "media", "organization") or n.lemma in n.finder.roles.civilian:
        return None
    if n.noun in n.finder.roles.speakers and inner.entry is None:
        return None  # "Somali officials": a country's officials speak, they are not its forces
    return inner.ref


@rule(
    "actors.context.from_a_peoples_area",
    decides="actor.name",
    positive=[
        Example(
            "On 3 May 2024, armed attackers from the Greater Pibor Administrative Area raided cattle camps in Jonglei"
            " state, killing six herders.",
            {"actor.name": "Murle Ethnic Militia (South Sudan)"},
        )
    ],
    negative=[
        Example(
            "On 3 May 2024, armed attackers raided cattle camps in the Greater Pibor Administrative Area, killing six"
            " herders.",
            {"!actor.name": "Murle Ethnic Militia (South Sudan)"},
        )
    ],
)
def from_a_peoples_area(n: RoleNoun) -> ActorRef | None:
    """Armed men "from" an area held by one people ("attackers from the Greater Pibor Administrative Area") are
    that people's militia (``[area_communities]`` of ``lexicons/communities.toml``), not unknown gunmen."""
    areas = n.finder.roles.area_communities
    if not n.armed or not areas:
        return None
    for prep in n.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        said = " ".join(t.lower_ for t in prep.subtree if t.i > prep.i and t.dep_ != "det")
        found = next((areas[a] for a in sorted(areas, key=len, reverse=True) if _has_words(said, a)), None)
        if found is not None:
            return n.finder.resolver.generic(f"{found[0]} Ethnic Militia", "identity_militia", found[1])
    return None


def _has_words(text: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``text`` as whole words (both lower case, words split by spaces)."""
    return f" {phrase} " in f" {text} "


@rule(
    "actors.context.named_group_assailants",
    decides="actor.name",
    positive=[
        Example(
            "Boko Haram fighters raided Gajiram on Sunday. Five assailants were killed by troops.",
            {"!actor.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Five assailants were killed by troops in Gajiram on Sunday.",
            {"actor.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
)
def named_group_assailants(n: RoleNoun) -> ActorRef | None:
    """ "Five assailants" right after a named group's attack are that group."""
    if n.noun not in n.finder.roles.assailants or n.words:
        return None
    kinds = n.finder.roles.group_kinds
    recent = [m for m in n.finder.named_entries() if m.entry and m.entry.kind in kinds and 0 <= n.tok.idx - m.end < 400]
    return max(recent, key=lambda m: m.start).ref if recent else None


@rule(
    "actors.context.the_group",
    decides="actor.name",
    positive=[
        Example(
            "JNIM claimed an attack on an army post near Djibo on Friday. The group said it killed ten soldiers.",
            {"actor.name": "JNIM: Group for Support of Islam and Muslims"},
        )
    ],
    negative=[
        Example(
            "A rebel group attacked an army post near Djibo on Friday, killing ten soldiers.",
            {"actor.name": "Unidentified Armed Group (Burkina Faso)"},
        )
    ],
)
def the_group(n: RoleNoun) -> ActorRef | None:
    """ "The group said", "its fighters": the armed group named last, a few sentences before at most."""
    if n.head_word != "the group" and not (n.possessive is not None and n.armed):
        return None
    group = n.finder.last_group(n.tok.idx)
    if group is None:
        return NOBODY if n.head_word == "the group" else None
    return group.ref


@rule(
    "actors.context.its_forces",
    decides="actor.name",
    positive=[
        Example(
            "Ukraine's General Staff said on Monday that its soldiers repelled an assault near Pokrovsk.",
            {"actor.name": "Military Forces of Ukraine (2019-)"},
        )
    ],
    negative=[
        Example(
            "Soldiers repelled an assault near Pokrovsk on Monday.",
            {"!actor.name": "Military Forces of Ukraine (2019-)", "event.event_type": "Battles"},
        )
    ],
)
def its_forces(n: RoleNoun) -> ActorRef | None:
    """ "Its soldiers" after a state body are that state's forces."""
    if n.possessive is None or not (n.lemma in n.finder.roles.military or n.head_word == "forces"):
        return None
    prior = n.finder.before(n.tok.idx, want=("government", "state_forces"))
    return n.finder.resolver.state(prior.ref.country) if prior and prior.ref.country else None


@rule(
    "actors.context.home_soldiers_hit",
    decides="actor.name",
    positive=[
        Example(
            "Two soldiers were killed when their patrol hit a roadside bomb near Gao on Monday.",
            {"actor.name": "Military Forces of Mali (2020-)"},
        ),
        Example(
            "Soldiers escorting a convoy were wounded in an ambush near Djibo on Friday.",
            {"actor.name": "Military Forces of Burkina Faso (2022-)"},
        ),
    ],
    negative=[
        Example(
            "Kenyan troops came under fire near Kismayo on Monday. Two soldiers were killed.",
            {"!actor.name": "Military Forces of Somalia (2022-)"},
        ),
        Example(
            "Soldiers repelled an assault near Pokrovsk on Monday.",
            {"!actor.name": "Military Forces of Ukraine (2019-)"},
        ),
    ],
)
def home_soldiers_hit(n: RoleNoun) -> ActorRef | None:
    """Bare "soldiers" acted upon (killed, captured, deployed: a passive's subject or an object) are the home
    state's forces when the report names no other country and no foreign force: a report of foreign troops
    names them. Acting soldiers stay anybody's ("soldiers repelled": whose is the other side's question)."""
    f = n.finder
    if n.noun not in ("soldier", "troop") or not f.home or not n.plain or n.possessive is not None:
        return None
    if country_in_words(n.words) is not None or n.tok.dep_ not in _UNDERGOING:
        return None
    if any(m.ref.kind == "external_forces" or (m.ref.country and m.ref.country != f.home) for m in f.mentions):
        return None
    if f.countries_named - {f.home}:
        return None
    return f.resolver.state(f.home)


_UNDERGOING: Final = frozenset({"nsubjpass", "dobj", "pobj"})


@rule(
    "actors.context.crowd_police",
    decides="actor.name",
    positive=[
        Example(
            "On 5 May 2024, students demonstrated in Kolda against the arrest of a teacher. They threw stones at the"
            " security forces, who fired tear gas to disperse them.",
            {"actor.name": "Police Forces of Senegal (2012-2024)"},
        )
    ],
    negative=[
        Example(
            "On 5 May 2024, security forces clashed with MFDC fighters near Bignona, Ziguinchor.",
            {"actor.name": "Military Forces of Senegal (2012-2024)"},
        )
    ],
)
def crowd_police(n: RoleNoun) -> ActorRef | None:
    """ "Security forces" that face a demonstration or a riot (their sentence or the one before tells of one) are
    the police, as ACLED codes crowd control unless the text names the army."""
    f = n.finder
    phrase = " ".join((*(w.lower() for w in n.words[-1:]), n.head_word))
    if phrase not in f.roles.crowd_control_forces and n.head_word not in f.roles.crowd_control_forces:
        return None
    country = country_in_words(n.words) or f.home
    bounds = f.sentence_bounds(n.tok.idx, n.tok.idx + len(n.tok))
    if country is None or bounds is None:
        return None
    before = f.sentence_bounds(bounds[0] - 2, bounds[0] - 1) if bounds[0] > 1 else None
    window = f.text[(before or bounds)[0] : bounds[1]].lower()
    if not any(cue in window for cue in f.roles.crowd_cues):
        return None
    return f.resolver.state(country, "Police")


@rule(
    "actors.context.local_militia",
    decides="actor.name",
    positive=[
        Example(
            "On 3 May 2024, bandits attacked Kutigi in Lavun LGA, Niger State, but were repelled by local militiamen.",
            {"actor.name": "Kutigi Communal Militia (Nigeria)", "!actor.name": "Local Communal Militia (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "On 3 May 2024, bandits attacked Kutigi in Lavun LGA, Niger State, but were repelled by vigilantes.",
            {"actor.name": "Vigilante Militia (Nigeria)", "!actor.name": "Kutigi Communal Militia (Nigeria)"},
        )
    ],
)
def local_militia(n: RoleNoun) -> ActorRef | None:
    """ "Local militiamen" in West Africa are the militia of the place where they fight, as ACLED names them
    ("Kutigi Communal Militia (Nigeria)"): the first town or district their sentence names in the country; never
    the unidentified group they fight (two sides, not one)."""
    f, r = n.finder, n.finder.roles
    if not {n.noun, n.lemma, n.head_word.lower()} & r.militia:
        return None
    if f.home not in r.local_militia_countries or not any(w.lower() in r.local_qualifiers for w in n.words):
        return None
    if n.definite:
        return None  # "the local militia": the one named before, not a new side
    bounds = f.sentence_bounds(n.tok.idx, n.tok.idx + len(n.tok))
    if bounds is None:
        return None
    # a town or village first, else the district: ACLED names the militia after the smallest place
    near = [(s, loc) for s, _, loc in f.loc_spans if loc.kind in ("settlement", "admin2") and loc.country == f.home]
    # the places of its sentence, else those the text named before it ("X was attacked. Local militiamen ...")
    within = [p for p in near if bounds[0] <= p[0] < bounds[1]] or [p for p in near if p[0] < bounds[0]]
    places = [(loc.kind != "settlement", s, loc.name, loc.admin1) for s, loc in within]
    if not places:
        return None
    _, _, name, region = min(places)
    named = f.table.entry(r.local_militias.get(region or "", ""))
    if named is not None:  # Borno's local militiamen are the Civilian JTF
        return f.resolver.entry(named)
    # "Mashegu LGA", "Makurdi Local Government Area": the district's own name is the militia's
    name = next((name[: -len(x)].strip() for x in r.district_suffixes if name.lower().endswith(f" {x}")), name)
    return f.resolver.generic(f"{name} Communal Militia", "identity_militia", f.home)


@rule(
    "actors.context.militia_named_before",
    decides="actor.name",
    positive=[
        Example(
            "On 3 May 2024, troops clashed with a Zamfara communal militia near Bungudu. Thirty militiamen were"
            " killed.",
            {"events": 1, "event.actor2.name": "Zamfara Communal Militia (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "On 3 May 2024, troops clashed with militiamen near Bungudu. Thirty militiamen were killed.",
            {"!actor.name": "Zamfara Communal Militia (Nigeria)"},
        )
    ],
)
def militia_named_before(n: RoleNoun) -> ActorRef | None:
    """ "Militiamen" with no community of their own, after "a Zamfara communal militia": that militia, named again
    (not unknown armed men, who would be another side)."""
    f, r = n.finder, n.finder.roles
    if not {n.noun, n.lemma, n.head_word.lower()} & r.militia:
        return None
    # only a count or an article before it: "government-allied militia", "Fulani militiamen" name their own
    if n.inner is not None or any(c.dep_ not in ("det", "nummod", "quantmod", "predet") for c in n.tok.lefts):
        return None
    pos = n.tok.idx
    kinds = ("identity_militia", "political_militia")  # a community's, or a named one (the Civilian JTF)
    militias = [m for m in f.mentions if m.ref.kind in kinds and not m.ref.name.startswith("Unidentified")]
    before = [m for m in militias if m.end <= pos and pos - m.end < 600]
    return max(before, key=lambda m: m.start).ref if before else None


@rule(
    "actors.context.document_group",
    decides="actor.name",
    positive=[
        Example(
            "M23 fighters seized a village near Goma on Tuesday. The rebels then attacked an army post nearby.",
            {
                "actor.name": "M23: March 23 Movement",
                "!actor.name": "Unidentified Armed Group (Democratic Republic of Congo)",
            },
        )
    ],
    negative=[
        Example(
            "Unidentified rebels attacked an army post near Goma on Tuesday.",
            {"actor.name": "Unidentified Armed Group (Democratic Republic of Congo)"},
        ),
        Example(
            "A Palestinian gunman opened fire on a bus near the village of Huwara in the occupied West Bank on"
            " Sunday, killing two Israelis, Israeli medics said.",
            {"event.actor1.name": "Unidentified Armed Group (Palestine)", "!actor.name": "Hamas Movement"},
        ),
    ],
)
def document_group(n: RoleNoun) -> ActorRef | None:
    """ "The rebels", "rebel fighters", "Palestinian militants": the group the document names with that word,
    or the one its country's role words mean by default (``default_in``); a lone attacker ("a gunman") only
    the named one (ACLED names no group for an unclaimed attack by one man)."""
    if not n.armed or not n.plain:
        return None
    f, qualifier = n.finder, country_in_words(n.words)
    nouns = [n.lemma, *(singular(w) for w in n.words if singular(w) in f.roles.rebel)]
    for word in nouns:
        entry = f.group_for(word, n.tok.idx, by_default=not n.lone)
        if entry is not None and qualifier in (None, entry.country):
            return f.resolver.entry(entry)
    return None


@rule(
    "actors.context.definite_armed",
    decides="actor.name",
    positive=[
        Example(
            "JNIM claimed a raid on a village near Mopti on Friday. The attackers burned the market.",
            {
                "!actor.name": "Unidentified Armed Group (Mali)",
                "event.actor1.name": "JNIM: Group for Support of Islam and Muslims",
            },
        )
    ],
    negative=[
        Example(
            "Attackers burned the market in a village near Mopti on Friday.",
            {"actor.name": "Unidentified Armed Group (Mali)"},
        )
    ],
)
def definite_armed(n: RoleNoun) -> ActorRef | None:
    """ "The jihadists", "the militant group": the armed group named just before."""
    if not (n.armed and n.plain and n.definite) or n.lemma in n.finder.roles.vigilante:
        return None
    if country_in_words(n.words) is not None:
        return None
    group = n.finder.last_group(n.tok.idx)
    return group.ref if group is not None else None


@rule(
    "actors.context.suspects",
    decides="actor.name",
    positive=[
        Example(
            "Police arrested three suspects in Kano on Friday after an ISWAP attack on a market.",
            {"actor.name": "Islamic State (West Africa)"},
        )
    ],
    negative=[
        Example(
            "Police arrested three men in Kano on Friday after an ISWAP attack on a market.",
            {"actor.name": "Police Forces of Nigeria (2023-)"},
        )
    ],
)
def suspects(n: RoleNoun) -> ActorRef | None:
    """Arrested suspects belong to the one armed group the article names; with none or several, to nobody.
    Suspects a gang word qualifies ("drug trafficking suspects") are a gang's (actors.role.gang)."""
    if n.head_word != "suspects" or any(w.lower() in n.finder.roles.gang_qualifiers for w in n.words):
        return None
    kinds = n.finder.roles.group_kinds
    groups = {m.ref.name: m.ref for m in n.finder.named_entries() if m.ref.kind in kinds}
    return next(iter(groups.values())) if len(groups) == 1 and not n.words else NOBODY


@rule(
    "actors.context.monitor",
    decides="actor.name",
    positive=[
        Example(
            "The Syrian Observatory for Human Rights reported clashes in Deir ez-Zor on Monday. The monitor "
            "said eight fighters died.",
            {"actor.name": "Syrian Observatory for Human Rights"},
        )
    ],
    negative=[
        Example(
            "Residents said eight fighters died in clashes in Deir ez-Zor on Monday.",
            {"actor.name": "Residents (Syria)", "event.event_type": "Battles"},
        )
    ],
)
def monitor(n: RoleNoun) -> ActorRef | None:
    """ "A monitor said": the monitoring body the article names."""
    if not n.speaker or n.noun not in n.finder.roles.monitors:
        return None
    entry = n.finder.group_for("monitor", n.tok.idx)
    return n.finder.resolver.entry(entry) if entry else None


@rule(
    "actors.context.both_sides",
    decides="actor.name",
    positive=[
        Example(
            "Government forces and Houthi fighters clashed near Harib on Sunday. At least nine fighters from both"
            " sides were killed.",
            {"!actor.name": "Unidentified Armed Group (Yemen)"},
        )
    ],
    negative=[
        Example(
            "At least nine fighters were killed near Harib on Sunday.",
            {"actor.name": "Unidentified Armed Group (Yemen)"},
        )
    ],
)
def both_sides(n: RoleNoun) -> ActorRef | None:
    """ "Fighters from both sides", "combatants on either side": a tally of the sides named elsewhere, no actor of
    its own."""
    for prep in n.tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "on", "of"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() == "side" and any(
                    c.lower_ in ("both", "either", "all") for c in obj.lefts
                ):
                    return NOBODY
    return None


CONTEXT_RULES: Final = (
    both_sides,
    named_in_apposition,
    person_beside_role,
    named_in_phrase,
    from_a_peoples_area,
    named_group_assailants,
    the_group,
    its_forces,
    home_soldiers_hit,
    crowd_police,
    local_militia,
    militia_named_before,
    document_group,
    definite_armed,
    suspects,
    monitor,
)
