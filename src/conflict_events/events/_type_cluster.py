"""The typing rules of one event: from the typed mentions of a cluster to its ACLED type and sub-type.

A demonstration is typed by what the crowd did (violence by demonstrators: Riots) and what was
done to it (lethal force: Excessive force; dispersal or arrests: Protest with intervention).
Any other event takes the highest type of its mentions in ACLED's hierarchy (Battles > Protests >
Riots > Explosions/Remote violence > Violence against civilians > Strategic developments, and each
type's sub-types in order), after :func:`unarmed_victims` has made assaults on people who cannot
fight back attacks on civilians. :func:`type_cluster` returns the labels with the rule to cite.

>>> battle = hierarchy_rank("Battles", "Armed clash")
>>> battle < hierarchy_rank("Explosions/Remote violence", "Air/drone strike")
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ..lexicons import lexicon
from ..rules import Example, first, rule
from ..schema import Decision
from ..schema._taxonomy import EVENT_TYPES, SUB_EVENT_TYPES
from ._event_mentions import lemma
from ._merge import GENERIC_ATTACK, Cluster, same_side
from ._tokens import doc_words, kids

if TYPE_CHECKING:
    from ..schema import Claim
    from ._event_mentions import EventMention

__all__ = ["CLUSTER_RULES", "ClusterTyping", "hierarchy_rank", "type_cluster"]


def hierarchy_rank(event_type: str, sub_event_type: str) -> tuple[int, int]:
    """Smaller is higher in ACLED's hierarchy."""
    return EVENT_TYPES.index(event_type), SUB_EVENT_TYPES[event_type].index(sub_event_type)


@dataclass(frozen=True)
class ClusterQuery:
    """One event to type: its cluster of mentions and the document's claims."""

    cluster: Cluster
    claims: Sequence[Claim]

    @property
    def mentions(self) -> list[EventMention]:
        return self.cluster.mentions

    @property
    def demo(self) -> bool:
        return self.cluster.family == "demo"

    def any_class(self, *names: str) -> bool:
        return any(m.cls.name in names for m in self.cluster.mentions)


@dataclass(frozen=True)
class ClusterTyping:
    """An event's ACLED labels and the rule that decided them (a mention's rule when it typed the event)."""

    event_type: str
    sub_event_type: str
    rule: str = ""

    @property
    def provenance(self) -> tuple[Decision, ...]:
        return (Decision.of("sub_event_type", self.rule),) if self.rule else ()


# -- demonstrations ------------------------------------------------------------------------------


def _crowd_violent(q: ClusterQuery) -> bool:
    return any(m.crowd_violence for m in q.mentions) or q.any_class("mob")


@rule(
    "events.type.violent_demonstration",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Protesters in Lagos set fire to a police post on Monday.",
            {"event.sub_event_type": "Violent demonstration"},
        ),
        Example(  # the barricades fold into "demonstrated" and keep their violence
            "On 10 May 2021, students demonstrated against the reforms and barricaded the road to Pissila.",
            {"event.sub_event_type": "Violent demonstration"},
        ),
        Example(
            "On 5 April 2021, residents demonstrated in Parakou. The demonstrators pillaged a radio station.",
            {"lead.sub_event_type": "Violent demonstration"},
        ),
    ],
    negative=[
        Example(
            "Protesters in Lagos marched to the governor's office on Monday.",
            {"event.sub_event_type": "Peaceful protest"},
        )
    ],
)
def violent_demonstration(q: ClusterQuery) -> ClusterTyping | None:
    """Demonstrators who use violence (fight, burn, loot) make a violent demonstration (Riots)."""
    if q.demo and _crowd_violent(q) and q.any_class("protest"):
        return ClusterTyping("Riots", "Violent demonstration")
    return None


_DEMONSTRATIONS: Final = frozenset({"protest", "demonstration", "rally", "march", "sit-in", "vigil", "procession"})


@rule(
    "events.type.violence_during_a_demonstration",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Supporters of the two parties fought with sticks and stones during an opposition rally in Sylhet on"
            " Monday, police said.",
            {"event.sub_event_type": "Violent demonstration"},
        )
    ],
    negative=[
        Example(
            "Supporters of the two parties fought with sticks and stones at a bus station in Sylhet on Monday,"
            " police said.",
            {"event.sub_event_type": "Mob violence"},
        )
    ],
)
def violence_during_a_demonstration(q: ClusterQuery) -> ClusterTyping | None:
    """Crowd violence told as happening during or at a demonstration ("fought with sticks during an opposition
    rally") is that demonstration turned violent, however the parser hung the rally (a time frame, not a mention of
    its own)."""
    if not (q.demo and _crowd_violent(q)):
        return None
    for m in q.mentions:
        for prep in kids(m.trigger.head):
            if prep.dep_ == "prep" and prep.lower_ in ("during", "at") and any(
                o.dep_ == "pobj" and lemma(o) in _DEMONSTRATIONS for o in kids(prep)
            ):
                return ClusterTyping("Riots", "Violent demonstration")
    return None


@rule(
    "events.type.mob_violence",
    decides="event.sub_event_type",
    positive=[
        Example(
            "An angry mob beat a man accused of theft in Onitsha on Monday.",
            {"event.sub_event_type": "Mob violence"},
        )
    ],
    negative=[
        Example(
            "Protesters in Onitsha set fire to a police post on Monday.",
            {"event.sub_event_type": "Violent demonstration"},
        )
    ],
)
def mob_violence(q: ClusterQuery) -> ClusterTyping | None:
    """Crowd violence with no demonstration reported (a mob, a lynching) is Mob violence."""
    return ClusterTyping("Riots", "Mob violence") if q.demo and _crowd_violent(q) else None


@rule(
    "events.type.excessive_force",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Police shot dead two protesters during a demonstration in Kisumu on Tuesday.",
            {"event.sub_event_type": "Excessive force against protesters"},
        ),
        Example(  # a headline's passive without "was": the protester is the one shot, no rioter
            "Protester shot dead as police fire on march in Puno\n\nLIMA (Reuters) - Police opened fire on a march by"
            " farmers in Puno on Tuesday, killing one protester, the ombudsman said.",
            {"events": 1, "event.sub_event_type": "Excessive force against protesters"},
        ),
        Example(  # "other protesters" are more of the crowd, not another demonstration
            "Police fired tear gas and live rounds at a march by farmers in Puno on Tuesday, killing one protester,"
            " the ombudsman said. Two other protesters were wounded by gunfire, the ombudsman said.",
            {"events": 1, "event.sub_event_type": "Excessive force against protesters"},
        ),
    ],
    negative=[
        Example(
            "Police fired tear gas to disperse protesters in Kisumu on Tuesday.",
            {"event.sub_event_type": "Protest with intervention"},
        )
    ],
)
def excessive_force(q: ClusterQuery) -> ClusterTyping | None:
    """Lethal force on peaceful demonstrators is Excessive force against protesters."""
    if q.demo and any(m.force_on_crowd == "lethal" for m in q.mentions):
        return ClusterTyping("Protests", "Excessive force against protesters")
    return None


@rule(
    "events.type.protest_with_intervention",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Police fired tear gas to disperse protesters in Kisumu on Tuesday.",
            {"event.sub_event_type": "Protest with intervention"},
        )
    ],
    negative=[
        Example(
            "Hundreds of protesters marched through Kisumu on Tuesday.",
            {"event.sub_event_type": "Peaceful protest"},
        )
    ],
)
def protest_with_intervention(q: ClusterQuery) -> ClusterTyping | None:
    """A demonstration dispersed, tear-gassed or with arrests, but no one killed, is a Protest with intervention."""
    if q.demo and any(m.force_on_crowd == "intervention" for m in q.mentions):
        return ClusterTyping("Protests", "Protest with intervention")
    return None


@rule(
    "events.type.peaceful_protest",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Hundreds of teachers protested outside the ministry in Accra on Tuesday.",
            {"event.sub_event_type": "Peaceful protest"},
        )
    ],
    negative=[
        Example(
            "Police fired tear gas at teachers protesting outside the ministry in Accra on Tuesday.",
            {"event.sub_event_type": "Protest with intervention"},
        )
    ],
)
def peaceful_protest(q: ClusterQuery) -> ClusterTyping | None:
    """A demonstration with no violence by or against the crowd is a Peaceful protest."""
    return ClusterTyping("Protests", "Peaceful protest") if q.demo else None


# -- other events ---------------------------------------------------------------------------------


def _self_report(m: EventMention, q: ClusterQuery) -> bool:
    """Whether a mention is only told by one of the event's own attackers (a self-serving account)."""
    attackers = [x.actor1 for x in q.mentions if x.actor1 is not None and x is not m]
    for c in q.claims:
        if c.claimant is None or not (c.sentence.start <= m.trigger.start < c.sentence.end):
            continue
        if any(same_side(c.claimant, a) for a in attackers):
            return True
    return False


@rule(
    "events.type.unarmed_victims",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Bandits attacked Dogo on Sunday. They killed 12 residents.",
            {"event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "Gunmen stormed an army post near Dogo on Sunday and killed 12 soldiers.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def unarmed_victims(q: ClusterQuery) -> list[EventMention] | None:
    """Civilian victims and no armed target make the event's assaults and killings attacks on civilians;
    an armed target told only by the event's own attacker ("the RSF said it attacked army bases") does not count."""
    ms = q.mentions
    civilians = any(m.victims_civilian or (m.actor2 is not None and m.actor2.kind == "civilians") for m in ms)
    if not civilians:
        return None
    armed_ms = [m for m in ms if m.target_armed or m.cls.name == "clash"]
    if armed_ms and not all(_self_report(m, q) for m in armed_ms):
        return None
    battles = [m for m in ms if m.cls.name in ("assault", "kill") and m.event_type == "Battles"]
    return battles or None


@rule(
    "events.type.armed_side_hit",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 20 May 2021, JNIM militants attacked the village of Dori. Two volunteer fighters were killed.",
            {"event.sub_event_type": "Armed clash"},
        ),
    ],
    negative=[
        Example(
            "On 20 May 2021, JNIM militants attacked the village of Dori. Two herders were killed.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(
            "On 20 May 2021, unknown gunmen shot and killed an off-duty army corporal at his home in Gao.",
            {"event.sub_event_type": "Attack"},
        ),
    ],
)
def armed_side_hit(q: ClusterQuery) -> ClusterTyping | None:
    """An assault typed as one on civilians that also killed, wounded or met an armed side (volunteer fighters,
    soldiers: a toll or a follow-up folded into it) is a battle, as ACLED codes an attack that armed men fought."""
    best = _best(q)
    if best.event_type != "Violence against civilians" or best.sub_event_type != "Attack":
        return None
    if best.cls.name not in ("assault", "kill") or best.actor1 is None or best.actor1.kind == "civilians":
        return None
    # another report of the event (a toll folded in, a second action) hit armed men and no civilians; the assault's
    # own victim may be both ("an off-duty corporal at his home": still an attack on someone who could not fight)
    # ("the attack" named again tells no new victims: "after the attack, soldiers were sent to Djibo")
    others = [x for m in q.mentions for x in (m, *m.absorbed)
              if x is not best and x.cls.name in _HIT_CLASSES and not x.anaphoric]
    if not any(x.target_armed and not x.victims_civilian and not _self_report(x, q) for x in others):
        return None
    return ClusterTyping("Battles", "Armed clash")


_RESIST: Final = lexicon("event_context")


@rule(
    "events.type.attack_resisted",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 5 June 2024, unknown gunmen attacked the village of Kouregou. Villagers responded to the attack and"
            " routed the assailants.",
            {"event.sub_event_type": "Armed clash"},
        ),
        Example(
            "On 5 June 2024, militants attacked the village of Koumaga. Donso hunters responded to the attack.",
            {"event.sub_event_type": "Armed clash"},
        ),
    ],
    negative=[
        Example(
            "On 5 June 2024, unknown gunmen attacked the village of Kouregou. Villagers fled to the next town.",
            {"event.sub_event_type": "Attack"},
        ),
    ],
)
def attack_resisted(q: ClusterQuery) -> ClusterTyping | None:
    """An assault on a place or on people that someone fought off ("villagers responded to the attack and routed
    the assailants", "hunters repelled the attack") met armed resistance: a battle, as ACLED codes it (§1.1), not
    one-sided violence."""
    best = _best(q)
    if best.event_type != "Violence against civilians" or best.sub_event_type != "Attack":
        return None
    if best.cls.name != "assault" or best.actor1 is None or best.actor1.kind == "civilians":
        return None
    verbs, objects = _RESIST.words("resistance_verbs"), _RESIST.words("resisted_nouns")
    doc = best.sentence.doc
    if verbs.isdisjoint(doc_words(doc)):
        return None  # no verb of resistance in the document: no word to read
    for t in doc[best.sentence.start :]:  # the assault's sentence and the rest of its paragraph
        if "\n" in t.text:
            break
        if lemma(t) not in verbs or t.pos_ != "VERB":
            continue
        targets = [c for c in kids(t) if c.dep_ in ("dobj", "obj")]
        targets += [p for c in kids(t) if c.dep_ == "prep" for p in kids(c) if p.dep_ == "pobj"]
        if any(lemma(o) in objects or o.lower_ in objects for o in targets) or any(
            c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in kids(t)
        ):
            return ClusterTyping("Battles", "Armed clash")
    return None


def _generic_attack(m: EventMention) -> bool:
    return m.family == "battle" and m.cls.name == "assault" and lemma(m.trigger.head) in GENERIC_ATTACK


def _best(q: ClusterQuery) -> EventMention:
    voters = [m for m in q.mentions if not m.anaphoric] or q.mentions  # "the attack" names the event, not its type
    # a platform guessed for "bombed" yields to a weapon the event's other mentions name
    voters = [m for m in voters if not m.guessed] or voters
    # a headline's loose "clashes" ("Ethnic clashes in Manipur kill 9") yields to the body's attack on civilians
    if any(m.family == "vac" and m.victims_civilian and not m.standfirst for m in voters):
        voters = [m for m in voters if not (m.standfirst and m.cls.name == "clash")] or voters
    # a bare killing tells the toll of the bomb or strike another mention names: "blew himself up ... it said it
    # had killed 27 soldiers" is a suicide bombing, not a clash
    # so does a generic "attack" or "targeted": the strike says how the attack was made
    if any(m.family == "remote" for m in voters):
        voters = [m for m in voters if m.cls.name != "kill" and not _generic_attack(m)] or voters
    return min(voters, key=lambda m: hierarchy_rank(m.event_type, m.sub_event_type))


@rule(
    "events.type.raid_for_weapons",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 3 March 2024, police raided a house in Kisumu and seized 40 rifles, 12 grenades and boxes of"
            " ammunition belonging to a gang.",
            {"events": 1, "event.sub_event_type": "Disrupted weapons use"},
        )
    ],
    negative=[
        Example(
            "On 3 March 2024, police raided a gang's hideout in Kisumu, killing two suspects, and seized 40 rifles.",
            {"!event.sub_event_type": "Disrupted weapons use"},
        )
    ],
)
def raid_for_weapons(q: ClusterQuery) -> ClusterTyping | None:
    """A raid whose only outcome told is weapons seized (no fight, no killing, no arrest) is the seizure: Disrupted
    weapons use, as ACLED codes a search that finds a cache."""
    seized = [m for m in q.mentions if m.sub_event_type == "Disrupted weapons use"]
    if q.demo or not seized:
        return None
    others = [m for m in q.mentions if m not in seized]
    # a weapon seized ("seized rifles and 30 grenades") is no grenade attack of its own
    others = [m for m in others if lemma(m.trigger.head) not in _WEAPONS_SEIZED]
    if len(seized) == len(q.mentions) or any(
        m.cls.name != "assault" or lemma(m.trigger.head) not in _RAIDS for m in others
    ):
        return None
    return ClusterTyping("Strategic developments", "Disrupted weapons use")


_RAIDS: Final = lexicon("events").words("search_raids")
_WEAPONS_SEIZED: Final = lexicon("events").words("seized_weapons")


@rule(
    "events.type.transfer_without_fighting",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Rebels took control of Nyanzale on Sunday after the army withdrew from the town.",
            {"event.sub_event_type": "Non-violent transfer of territory"},
        ),
        Example(  # the headline's capture and the body's unopposed taking: one transfer
            "Militia takes mining town in Ituri\n\nBUNIA (AFP) - Militia fighters took control of the mining town"
            " of Nizi in Ituri province on Saturday without a shot being fired, residents said.",
            {"events": 1, "event.sub_event_type": "Non-violent transfer of territory"},
        ),
    ],
    negative=[
        Example(
            "Rebels took control of Nyanzale on Sunday after clashes with the army.",
            {"!event.sub_event_type": "Non-violent transfer of territory"},
        )
    ],
)
def transfer_without_fighting(q: ClusterQuery) -> ClusterTyping | None:
    """A battle whose place changed hands because the other side withdrew, with no fight told, is a
    Non-violent transfer of territory ("retook the town after the rebels pulled out")."""
    # a taking told as unopposed ("took control of the town without a shot being fired") is a transfer too
    unopposed = any(m.sub_event_type == "Non-violent transfer of territory" for m in q.mentions)
    if q.demo or not (q.any_class("transfer") or unopposed) or q.any_class("clash", "assault", "kill"):
        return None
    if _best(q).event_type != "Battles":
        return None
    return ClusterTyping("Strategic developments", "Non-violent transfer of territory")


@rule(
    "events.type.highest_ranked_mention",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Militants ambushed an army convoy near Bara on Monday and then shelled the town.",
            {"event.sub_event_type": "Armed clash"},
        ),
        Example(
            "A suicide bomber blew himself up at a police academy in Mogadishu on Thursday. Al Shabaab said it had"
            " killed 27 soldiers in the attack.",
            {"events": 1, "event.sub_event_type": "Suicide bomb"},
        ),
        Example(
            "Gunmen attack police station in Marka\n\nMortar shells hit a police station in Marka on Sunday, police"
            " said.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"},
        ),
        Example(  # the headline's loose "clashes" do not type the body's attack on villagers
            "Ethnic clashes in Nigeria's Plateau kill at least 7\n\nJOS, Nigeria (Reuters) - At least seven people"
            " were killed when armed men opened fire on villagers in Bokkos late on Tuesday, police said.",
            {"events": 1, "event.sub_event_type": "Attack"},
        ),
    ],
    negative=[
        Example(
            "Hundreds of nurses marched through Bara on Monday.",
            {"event.sub_event_type": "Peaceful protest"},
        )
    ],
)
def highest_ranked_mention(q: ClusterQuery) -> ClusterTyping | None:
    """An event told by several mentions takes the highest type among them in ACLED's hierarchy
    (an anaphor such as "the attack" and a guessed platform do not vote when others do)."""
    if q.demo:
        return None
    best = _best(q)
    return ClusterTyping(best.event_type, best.sub_event_type, best.type_rule)


_HARM: Final = lexicon("event_context").words("harming_verbs")
_HIT_CLASSES: Final = frozenset({"assault", "kill", "clash", "casualty"})  # what hits people (not looting)


@rule(
    "events.type.abduction_with_harm",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Unknown gunmen abducted and killed a farmer near Titao on Monday.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(
            "JNIM militants abducted two people and wounded a third in Djika on Monday.",
            {"event.sub_event_type": "Attack"},
        ),
    ],
    negative=[
        Example(
            "JNIM militants abducted two people in Djika on Monday.",
            {"event.sub_event_type": "Abduction/forced disappearance"},
        )
    ],
)
def abduction_with_harm(q: ClusterQuery) -> ClusterTyping | None:
    """People abducted and killed or wounded in the same act: an Attack, which outranks Abduction in ACLED's
    order of violence against civilians."""
    if q.demo:
        return None
    best = _best(q)
    if (best.event_type, best.sub_event_type) != ("Violence against civilians", "Abduction/forced disappearance"):
        return None
    return ClusterTyping("Violence against civilians", "Attack") if harm_told(q.mentions) else None


def harm_told(mentions: Sequence[EventMention]) -> bool:
    """Whether the mentions of an event (and those they absorbed) tell someone killed or wounded, by a mention
    of its own or a verb joined to an action ("abducted two people and wounded a third")."""
    told = [*mentions, *(a for m in mentions for a in m.absorbed)]
    if any(lemma(m.trigger.head) in _HARM for m in told):
        return True
    return any(lemma(c) in _HARM for m in mentions for c in kids(m.trigger.head) if c.dep_ == "conj")


@rule(
    "events.type.labelled_note",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Interception: On 1 May 2024, militants fired rockets at Sderot, and two of them were intercepted over"
            " the town.",
            {"lead.sub_event_type": "Disrupted weapons use"},
        ),
    ],
    negative=[
        Example(
            "On 1 May 2024, militants fired rockets at Sderot, and two of them were intercepted over the town.",
            {"lead.sub_event_type": "Shelling/artillery/missile attack"},
        ),
    ],
)
def labelled_note(q: ClusterQuery) -> ClusterTyping | None:
    """An event holding a note's labelled mention (events.lead.note_label) is of the label's kind, whatever
    else its mentions tell: the note's author named it so."""
    label = next((m.label for m in q.mentions if m.label is not None), None)
    return None if label is None else ClusterTyping(label.event_type, label.sub_event_type)


CLUSTER_RULES: Final = (
    labelled_note,
    violent_demonstration,
    violence_during_a_demonstration,
    mob_violence,
    excessive_force,
    protest_with_intervention,
    peaceful_protest,
    raid_for_weapons,
    transfer_without_fighting,
    abduction_with_harm,
    armed_side_hit,
    attack_resisted,
    highest_ranked_mention,
)
"""The typing rules of an event in order: the first that applies decides."""


def type_cluster(cluster: Cluster, claims: Sequence[Claim]) -> ClusterTyping:
    """The event's ACLED labels, with the rule to cite in its provenance."""
    q = ClusterQuery(cluster, claims)
    if not q.demo:
        for m in unarmed_victims(q) or ():
            m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
            m.type_rule = unarmed_victims.name
    decided = first(CLUSTER_RULES, q)
    if decided is None:  # only with the catch-all rules switched off: the first mention's type
        m = cluster.mentions[0]
        return ClusterTyping(m.event_type, m.sub_event_type, m.type_rule)
    typed = decided.value
    return ClusterTyping(typed.event_type, typed.sub_event_type, typed.rule or decided.rule)
