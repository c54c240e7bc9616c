"""Finding place mentions in a parsed document, with the words around them that a coder reads.

A mention is a place name (from the model's GPE/LOC/FAC entities or from a phrase such as
"the village of X" / "X region") plus what the text says about it (see
:class:`~conflict_events.gazetteer._mention_rules.PlaceMention`). The mention-detection rules
(``places.mention.*`` in :mod:`._mention_rules`) run in this order: phrases with a kind noun,
the model's entities, "the X capital", names the model mislabels or leaves untagged, wire
datelines; overlapping finds are merged, the more informative kept.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Troops advanced near the Ukrainian city of Pokrovsk in the Donetsk region.")
>>> [(m.name, m.kind, m.near, m.country) for m in find_mentions(doc) if not m.modifier]
[('Pokrovsk', 'settlement', True, 'UA'), ('Donetsk', 'region', False, None)]
>>> [m.rule for m in find_mentions(doc)]  # "the Ukrainian city": a people's adjective, a modifier mention
['places.mention.demonym_modifier', 'places.mention.kind_of_phrase', 'places.mention.name_kind_phrase']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from .._docindex import EntityRow
from .._textscan import DATELINE
from ..lexicons._countries import country_from_demonym
from ..rules import Decided, first
from ._mention_rules import (
    BRACKET_LIST,
    CAPITAL,
    LIST_JOIN,
    Candidate,
    MentionScan,
    PlaceMention,
    admin_abbreviation,
    bracketed_area,
    calendar_word,
    capital_phrase,
    country_of_name,
    cued_unknown,
    dateline,
    dateline_outlet,
    demonym_modifier,
    embedded_in_name,
    entity,
    entity_area,
    home_town,
    kind_before_name,
    kind_of_phrase,
    large_namesake,
    mislabelled_candidates,
    mislabelled_cued,
    name_kind_phrase,
    name_village,
    named_feature,
    part_of_whole,
    place_modifier,
    plural_kind_list,
    road_between,
    same_name_elsewhere,
    street_by_cue,
    street_list,
    street_name,
    untagged_country,
)
from ._mention_rules import strip_direction as _strip_direction
from ._place_scan import Scouted
from ._place_words import PlaceWords, default_place_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PlaceMention", "find_mentions", "has_place_cue", "strip_direction"]

_LIST_ITEM: Final = re.compile(r"(?:[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))+$")
# "... of Russia" / ", Ukraine" right after a mention
_OF_COUNTRY: Final = re.compile(
    r"^(?:\s+(?:region|province|oblast|state|area))?(?:\s+(?:of|in)\s+|,\s+)(?P<c>(?:the\s+)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)"
)


# a dateline after a headline or a byline on the same line: "... budget. COLUMBUS, Ohio (AP) — The governor",
# "March 24, 2009 MANSFIELD -- The mayor", "... crops . BEIRUT: Israel", "... vote.\" SALEM, Ore. The board";
# a dash after a space, a long dash (also as the old code page's 0x97) or a colon ends it, or a capitalised word
# after a region's abbreviation
INLINE_DATELINE: Final = re.compile(
    r"(?:(?<=[.!?] )|(?<=[.!?]  )|(?<=[.!?][\"”’] )|(?<=\d{4} )|(?<=% ))"
    r"(?P<name>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2})"
    r"(?P<abbr>, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?(?: \([^)\n]{1,30}\))?"
    r"(?:(?: (?:-{2,3}|[-\u2013\u2014\u0097])|[\u2013\u2014\u0097]|:) ?(?=[A-Z\"“])"
    r"|(?(abbr)(?<=\.) (?=[A-Z][a-z])|(?!)))"
)
# Its name starts a run of capitals, full stops, hyphens and apostrophes after a space: it is tried only
# where such a run of three begins (the engine tries the look-behinds first at every character).
_INLINE_SCAN: Final = Scouted(INLINE_DATELINE, re.compile(r"[A-Z][A-Z'’.-]{2,}"))


# a wire's dateline anywhere, after a byline on the same line: "... Associated Press WASHINGTON (AP) — China vowed"
_WIRES: Final = ("AP", "Reuters", "AFP", "UPI", "APP", "PTI", "IANS", "Xinhua", "dpa", "CNN")
_WIRE_TAGS: Final = tuple(f"({w})" for w in _WIRES)
WIRE_DATELINE: Final = re.compile(
    r"(?<![\w,(])(?P<name>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2})(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
    rf" \((?:{'|'.join(_WIRES)})\)"
)


# a dateline that opens a line with no wire's tag: "SAN ANTONIO The coach", "PLEASANTON, Calif.--", "CAMP MURRAY,
# Wash. -", "WASHINGTON—President"; a capitalised word, a comma, a dash, a colon or a bracket follows the name
LEAD_DATELINE: Final = re.compile(
    r"(?m)^[(\s]*(?P<name>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2})"
    r"(?=,|\)|\s*(?:--|[-\u2013\u2014\u0097”:&(])|\s+[A-Z][a-z])"
)


def _named(decided: Decided[PlaceMention] | None) -> PlaceMention | None:
    return replace(decided.value, rule=decided.rule) if decided is not None else None


def find_mentions(
    doc: Doc, known: Callable[[str], int] | None = None, words: PlaceWords | None = None
) -> list[PlaceMention]:
    """Place mentions in text order; overlapping finds are merged, the more informative kept.

    ``known(name)`` tells how well a gazetteer knows a name (-1 not at all, else the
    population of its largest namesake, admin regions counting as a million). With
    it, entities the model mislabels (PERSON "Chasiv Yar", ORG "Kharkiv") are taken
    as places when the gazetteer knows the name exactly and the words before it are
    locative ("towards", "in", "shelled"), or, for a non-person, when the place is large.
    ``words`` are the compiled place words (the packaged lexicon by default).
    """
    scan = MentionScan(doc, words or default_place_words(), known)
    found = _abbreviations(scan) + _phrase_mentions(scan) + _entity_mentions(scan)
    if known is not None:
        lines = _datelines(scan)
        found.extend(_mislabelled_places(scan, found, lines))
        found.extend(lines)
        found.extend(_home_towns(scan))
    found = [
        m for m in found if not calendar_word(m) and not street_name(scan, m) and not dateline_outlet(scan.text, m)
    ]
    if known is not None:
        found = _streets_by_cue(scan, found)
    if known is not None:
        found.extend(_features(scan, found))
    roads = _roads(scan, found) if known is not None else []
    if roads:  # "the Abuja-Kaduna highway": its two towns, not the model's entity of the joined name
        found = [m for m in found if not any(m.start < r.end and r.start < m.end for r in roads)] + roads
    merged = _link_containers(scan, _distribute_plural_kind(scan, _merge(found)))
    return [_with_context(scan, m) for m in merged]


def _link_containers(scan: MentionScan, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "Bosaso (Bari)", "Dossi (Boni, Tuy)": names in brackets right after a place name the areas it lies
    in; "Paris, Tenn.": an abbreviation after a place puts it in that region."""
    out = list(mentions)
    text = scan.text
    for i, m in enumerate(out):
        between = text[out[i - 1].end : m.start].strip() if i else ""
        if i and m.label == "ABBREVIATION" and between in (",", "("):
            out[i - 1] = replace(out[i - 1], within=(m.country or "", m.name))
        if BRACKET_LIST.search(text[max(0, m.start - 60) : m.start]):
            out[i] = replace(m, container=True)
    return out


def _phrase_mentions(scan: MentionScan) -> list[PlaceMention]:
    """Mentions from phrases with a kind noun: "the town of X", "X region", "X village"."""
    w, stretches = scan.words, scan.stretches
    assert stretches is not None
    out: list[PlaceMention] = []
    for m in stretches.finditer(w.kind_of_phrase, w.kind_of_anchor):
        found = _named(first([part_of_whole, kind_of_phrase], scan, m))
        if found is not None:
            out.append(found)
    for m in stretches.finditer(w.name_kind_phrase, w.name_kind_anchor):
        found = _named(first([name_kind_phrase], scan, m))
        if found is not None:
            out.append(found)
    prefixed = any(word in scan.text for word in w.prefix_kind_words)
    for m in w.kind_name_phrase.finditer(scan.text) if prefixed else ():
        found = _named(first([kind_before_name], scan, m))
        if found is not None:
            out.append(found)
    for m in stretches.finditer(w.name_village, w.name_village_anchor):
        found = _named(first([name_village], scan, m))
        if found is not None:
            out.append(found)
    text = scan.text
    for m in w.plural_list.finditer(text) if any(p in text for p in w.plural_words) else ():
        items = first([plural_kind_list], scan, m)
        if items is not None:
            out.extend(replace(x, rule=items.rule) for x in items.value)
    return out


def _roads(scan: MentionScan, others: list[PlaceMention]) -> list[PlaceMention]:
    """The towns at the ends of a road named after them, where the sentence names no other place ("along the
    Kaduna-Kachia road (Kajuru LGA, Kaduna)" says where: the LGA); searched only in a text with a road word."""
    text = scan.text
    if not any(w in text for w in scan.words.road_words):
        return []
    out: list[PlaceMention] = []
    for m in scan.words.road_between.finditer(text):
        start, end = text.rfind(". ", 0, m.start()), text.find(". ", m.end())
        end = len(text) if end < 0 else end
        beside = any(
            start < o.start < end
            and not (m.start() <= o.start < m.end())
            and not o.modifier
            and o.label not in ("DEMONYM", "FEATURE")
            for o in others
        )
        found = first([road_between], scan, m) if not beside else None
        if found is not None:
            out.extend(replace(x, rule=found.rule) for x in found.value)
    return out


def _features(scan: MentionScan, found: list[PlaceMention]) -> list[PlaceMention]:
    """Streets, works and natural features by their words ("Elm Street", "Lake Wappel", "Elm and Oak streets");
    searched only in a text that holds one of the words."""
    words, text = scan.words, scan.text
    listed = any(w in text for w in words.street_plurals)
    if not listed and not any(w in text for w in words.feature_gate):
        return []
    # every mention found keeps its reading, but a FAC or LOC entity no gazetteer knows (dropped as a river or a
    # range, "places.drop.unknown_feature"): the feature's word says what it is
    known = tuple((m.start, m.end) for m in found if m.label not in ("FAC", "LOC") or scan.size(m.name) >= 0)
    spans = [(m.start(), m.end(), True) for m in words.feature_prefix.finditer(text)]
    for m in words.feature_after.finditer(text):
        before = words.feature_before.search(text, max(0, m.start() - 60), m.start())
        if before is not None:
            spans.append((before.start(), m.end(), False))
    out: list[PlaceMention] = []
    for start, end, prefixed in spans:
        feature = _named(first([named_feature], scan, start, end, prefixed, known))
        if feature is not None:
            out.append(feature)
    for m in words.street_list.finditer(text) if listed else ():
        items = first([street_list], scan, m)
        if items is not None:
            out.extend(replace(x, rule=items.rule) for x in items.value)
    return out


def _streets_by_cue(scan: MentionScan, found: list[PlaceMention]) -> list[PlaceMention]:
    """Towns' names that a street's cue makes streets (``places.mention.street_by_cue``); searched only in a text
    with a street's word or cue."""
    text = scan.text
    named = any(w in text for w in scan.words.street_gate)
    if not named and "block of" not in text and "lanes of" not in text:
        return found
    streets = {m.group("name"): m.group("word") for m in scan.words.street_named.finditer(text)} if named else {}
    out: list[PlaceMention] = []
    for m in found:
        street = _named(first([street_by_cue], scan, m, streets))
        out.append(street or m)
    return out


def _abbreviations(scan: MentionScan) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    text = scan.text
    found_in = scan.words.abbreviation_scan.finditer(text) if ("," in text or "(" in text or "-" in text) else ()
    alone = scan.words.initials.finditer(text) if scan.words.initials_hint.search(text) else iter(())
    # a dotted abbreviation the model tagged a place on its own ("a Ga. pastor", "Mass. legislators")
    dotted = scan.words.dotted_alone
    tagged = [(dotted.match(text, e.start), e.end) for e in scan.rows if e.label == "GPE" and "." in e.text]
    alone_tagged = [m for m, end in tagged if m is not None and m.end() == end]
    codes = scan.words.codes_scan.finditer(text) if scan.words.codes_scan is not None else ()
    for m in (*found_in, *alone, *alone_tagged, *codes):
        found = _named(first([admin_abbreviation], scan, m))
        if found is not None:
            out.append(found)
    return out


def _home_towns(scan: MentionScan) -> list[PlaceMention]:
    """A person's home town: after a party's initial ("R-Fergus Falls", searched only in a text with such a
    hyphen) or after "of" right behind a person the model tagged ("Mary Stone, 41, of Southlake")."""
    words, text = scan.words, scan.text
    matches = list(words.party_home.finditer(text)) if "-" in text else []
    for ent in scan.rows:
        found = words.resident_of.match(text, ent.end) if ent.label == "PERSON" and not ent.ent_id else None
        if found is not None:
            matches.append(found)
    out: list[PlaceMention] = []
    for m in matches:
        mention = _named(first([home_town], scan, m))
        if mention is not None:
            out.append(mention)
    return out


def _entity_mentions(scan: MentionScan) -> list[PlaceMention]:
    """Mentions from the model's place entities and from "the X capital"."""
    out: list[PlaceMention] = []
    for ent in scan.rows:
        found = _named(first([entity, demonym_modifier, embedded_in_name], scan, ent))
        if found is not None:
            out.append(found)
        area = _named(first([entity_area], scan, ent)) if ", " in ent.text else None
        if area is not None:
            out.append(area)
    if scan.words.people_adjectives:
        out.extend(_untagged_demonyms(scan, out))
        out.extend(_untagged_countries(scan, out))
    for m in CAPITAL.finditer(scan.text) if "capital" in scan.text else ():  # each match holds "capital"
        found = _named(first([capital_phrase], scan, m))
        if found is not None:
            out.append(found)
    return out


def _untagged_demonyms(scan: MentionScan, found: list[PlaceMention]) -> list[PlaceMention]:
    """People's adjectives the model tagged as nothing or as part of another entity ("Azerbaijani soldiers",
    "anti-Russian", "Russian-American art"), read by ``places.mention.demonym_modifier`` as if tagged a people."""
    taken = [(m.start, m.end) for m in found]
    # an actor the actor lexicon named ("Nigerian Army") is a side, never a place
    # (a people entity of several ("Russian-American", "anti-Russian", "Austro-Hungarian") holds adjectives to read)
    taken += [(e.start, e.end) for e in scan.rows if e.label in ("GPE", "LOC") or e.ent_id]
    taken.sort()
    starts = [a for a, _ in taken]
    out: list[PlaceMention] = []
    for m in _CAPITALISED_SCAN.finditer(scan.text):
        word = m.group()
        if country_from_demonym(word) is None or country_from_demonym(word[:-1]) is not None:
            continue  # not a people's adjective, or a people ("Russians")
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and taken[i][1] > m.start():
            continue  # already read
        before = scan.text[max(0, m.start() - 12) : m.start()].split(" ")
        if len(before) > 1 and (
            before[-2] in scan.words.continent_demonyms or f"{before[-2]} {word}" in scan.words.continent_demonyms
        ):
            continue  # "African American": a people of the country; "Central American": a part of a continent
        row = EntityRow(m.start(), m.end(), "NORP", word, "")
        mention = _named(first([demonym_modifier], scan, row))
        if mention is not None:
            out.append(mention)
    return out


def _untagged_countries(scan: MentionScan, found: list[PlaceMention]) -> list[PlaceMention]:
    """Countries' names outside any place entity ("SME Zambia Limited", "US-based"): see
    ``places.mention.untagged_country``."""
    taken = sorted((m.start, m.end) for m in found)
    starts = [a for a, _ in taken]
    # an actor the actor lexicon named ("Islamic State Somalia Province") is a side, never a place
    rows = sorted((e.start, e.end, "PERSON" if e.ent_id else e.label) for e in scan.rows)
    row_starts = [r[0] for r in rows]
    out: list[PlaceMention] = []
    for m in _COUNTRY_NAME_SCAN.finditer(scan.text):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and taken[i][1] > m.start() and taken[i][1] >= m.end():
            continue  # already read
        j = bisect_right(row_starts, m.start()) - 1
        label = rows[j][2] if j >= 0 and rows[j][1] > m.start() else ""
        # "Trinidad | and Tobago": the model's place entity holds only a part of the country's name
        whole = bool(label) and rows[j][1] < m.end() and rows[j][0] >= m.start()
        if label == "ORG" and scan.text.startswith(("'s ", "’s "), m.end()):
            continue  # "Mali's Armed Forces": a national body, the actors step's
        mention = _named(first([untagged_country], scan, m, label, whole))
        if mention is not None:
            out.append(mention)
    return out


# a country's name: the longest of up to four capitalised words ("Trinidad and Tobago", "United States") that
# names one is tried by the rule; "US", "U.S.", "UK", "UAE" too
_COUNTRY_NAME: Final = re.compile(
    r"(?<![\w’'.-])(?:U\.S\.|U\.K\.|US|UK|UAE|DRC|(?:(?:United|South|North|New|Sri|Saudi|Costa|Sierra|El|"
    r"Burkina|Czech|Dominican|Central|Papua|Bosnia|Trinidad|Antigua|Saint|St\.?|Guinea|Equatorial|East|Ivory|"
    r"Cape|San|Marshall|Solomon|Cook|Faroe|Cayman|Virgin|Isle|Hong|Puerto|Western|Northern)"
    r"(?: (?:and|of|the) | )[A-Z][a-z]+(?: (?:and|of|the) [A-Z][a-z]+)?|[A-Z][a-z]{2,}))(?![\w’'](?!s\b))"
    r"(?![-–]\d)"  # "US-24", a road's number
)


_CAPITALISED: Final = re.compile(r"(?<![\w’'])[A-Z][a-z]{3,}\b")
# both start with a capital: tried only at one (the engine tries their look-behinds at every character)
_CAPITALISED_SCAN: Final = Scouted(_CAPITALISED, re.compile("[A-Z]"))
_COUNTRY_NAME_SCAN: Final = Scouted(_COUNTRY_NAME, re.compile("[A-Z]"))


def _mislabelled_places(
    scan: MentionScan, places: list[PlaceMention], lines: list[PlaceMention] | None = None
) -> list[PlaceMention]:
    """Names the model mislabels or leaves untagged, taken as places by the rules on their cues; a list of
    places is read one item at a time, from either end, so each accepted item cues the next. A name written in a
    dateline (``lines``) is a place wherever else the document names it, as one the model tagged after "in"."""
    text = scan.text
    # an unknown name is only ever taken with a cue of its own or beside a list join: the others need no look
    candidates = [
        c
        for c in mislabelled_candidates(scan)
        if c.size >= 0 or c.tight or c.bracketed or c.area_after or _joined(text, c)
    ]
    starts = {m.start for m in places}
    ends = {m.end for m in places}
    named = _tagged_elsewhere(scan, places) | {m.name for m in lines or ()}
    accepted: list[tuple[Candidate, str]] = []
    taken: set[Candidate] = set()
    changed = True
    while changed:
        changed = False
        for c in candidates:
            if c in taken:
                continue
            listed = not c.subject and _listed(text, c, starts, ends)
            if c.size < 0:
                decided = first([cued_unknown], c, listed)
            else:
                decided = first([bracketed_area], c) or first([mislabelled_cued], c, listed)
                decided = decided or first([place_modifier], c) or first([large_namesake], c)
                decided = decided or first([same_name_elsewhere], c, named)
            if decided is not None:
                accepted.append((c, decided.rule))
                taken.add(c)
                starts.add(c.start)
                ends.add(c.end)
                changed = True
    out: list[PlaceMention] = []
    for c, rule_name in accepted:
        # "near Dumba village": the kind word after a mislabelled name makes it a place for sure
        tail = scan.words.kind_after.match(text, c.end)
        kind = scan.words.kind_of(tail.group("word")) if tail else None
        cued = rule_name != large_namesake.name
        strong = bool(tail) or rule_name == cued_unknown.name
        label = "CUED" if rule_name == cued_unknown.name else "GAZETTEER"
        modifier = rule_name == place_modifier.name
        out.append(
            PlaceMention(
                c.start, c.end, c.name, kind, label=label, cued=cued, strong=strong, rule=rule_name, modifier=modifier
            )
        )
    return out


def _tagged_elsewhere(scan: MentionScan, places: list[PlaceMention]) -> frozenset[str]:
    """The names the model tagged as places in the document after a preposition of place ("around
    Gainesville") or of several words ("Rock Hill"): a person's name the model once took for a place ("Chen")
    is neither."""
    prep, text = scan.words.locative_prep, scan.text
    return frozenset(
        m.name
        for m in places
        if m.label in ("GPE", "LOC")
        and not m.modifier
        and (" " in m.name or prep.search(text, max(0, m.start - 30), m.start))
    )


def _listed(text: str, c: Candidate, starts: set[int], ends: set[int]) -> bool:
    """Whether a list join ("Gwoza, Dikwa and Damboa") links the candidate to a place found so far (a join
    is at most a dozen characters: look only there)."""
    before = any(e in ends and LIST_JOIN.fullmatch(text[e : c.start]) for e in range(max(0, c.start - 12), c.start))
    return before or any(b in starts and LIST_JOIN.fullmatch(text[c.end : b]) for b in range(c.end + 1, c.end + 13))


def _joined(text: str, c: Candidate) -> bool:
    """Whether a list join stands right before or after the candidate."""
    return bool(_JOIN_BEFORE.search(text, max(0, c.start - 12), c.start) or LIST_JOIN.match(text, c.end))


_JOIN_BEFORE: Final = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)$")


def _datelines(scan: MentionScan) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    text = scan.text
    dashed = " -" in text or ": " in text or "\u2014" in text or "\u2013" in text or "\u0097" in text or ". " in text
    inline = _INLINE_SCAN.finditer(text) if dashed else ()
    wire = WIRE_DATELINE.finditer(text) if any(tag in text for tag in _WIRE_TAGS) else ()
    seen: set[int] = set()
    for m in (*DATELINE.finditer(text), *inline, *wire, *LEAD_DATELINE.finditer(text)):
        if m.start("name") in seen:
            continue
        seen.add(m.start("name"))
        found = _named(first([dateline], scan, m))
        if found is not None:
            out.append(found)
    return out


def _distribute_plural_kind(scan: MentionScan, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "the Kharkiv and Dnipropetrovsk regions": a plural kind word applies to every item of the list."""
    out = list(mentions)
    for i, m in enumerate(out):
        plural = scan.words.plural_kind.match(scan.text, m.end)
        if not plural or m.label == "DEMONYM":
            continue  # "several Indian states": the country whose states they are, not regions called Indian
        kind = scan.words.kind_of(plural.group("word"))
        out[i] = replace(m, kind=kind, listed=True)
        j = i
        while j > 0 and LIST_JOIN.fullmatch(scan.text[out[j - 1].end : out[j].start]):
            out[j - 1] = replace(out[j - 1], kind=kind, listed=True)
            j -= 1
    return out


def has_place_cue(text: str, start: int, end: int, others: list[PlaceMention], words: PlaceWords | None = None) -> bool:
    """Whether the words before ``start`` read the name as a place ("in X", "near X", "shelled X"), or
    it stands in a list with another place mention ("Tohayta, Beit al-Faqiya and Zabid").

    >>> has_place_cue("Fighting in Berdin.", 12, 18, []), has_place_cue("He accused Hemedti.", 11, 18, [])
    (True, False)
    """
    w = words or default_place_words()
    before = text[max(0, start - 60) : start]
    # "shelled Fuaa and Kafraya": the cue before the list's first item counts for the next
    earlier = _LIST_ITEM.sub("", before)
    for b in (before, earlier) if earlier != before else (before,):
        if w.locative_prep.search(b) or w.near_before(b) or w.locative_verb.search(b):
            return True
    return any(
        (o.end <= start and LIST_JOIN.fullmatch(text[o.end : start]))
        or (end <= o.start and LIST_JOIN.fullmatch(text[end : o.start]))
        for o in others
    )


def strip_direction(name: str, words: PlaceWords | None = None) -> str:
    """A place name without a leading direction word ("northeast Nigeria" -> "Nigeria").

    >>> strip_direction("northeast Nigeria"), strip_direction("North Kivu"), strip_direction("eastern Congo")
    ('Nigeria', 'North Kivu', 'Congo')
    """
    return _strip_direction(name, words or default_place_words())


def _merge(found: list[PlaceMention]) -> list[PlaceMention]:
    """One mention per stretch of text: a pattern's kind and country are kept on the entity's span."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[PlaceMention] = []
    # starts only grow, so a kept mention that ends before one starts ends before every later one: the first
    # that overlaps is the first not yet passed (one pointer, not a scan of every kept mention)
    live = 0
    for m in found:
        while live < len(out) and out[live].end <= m.start:
            live += 1
        if live == len(out) or not out[live].start < m.end:
            out.append(m)
            continue
        i, clash = live, out[live]
        # a "Kursk region" phrase beats the bare entity "Kursk"; the entity's label is kept
        best = clash if (clash.kind or not m.kind) and clash.end - clash.start >= m.end - m.start else m
        other = m if best is clash else clash
        # a people's word inside a longer name ("Saudi" in "Datu Saudi Ampatuan") says nothing of its country
        inner_people = other.label == "DEMONYM" and best.start <= other.start and other.end <= best.end
        out[i] = replace(
            best,
            kind=best.kind or other.kind,
            country=best.country or (None if inner_people else other.country),
            strong=best.strong or other.strong,
            label=clash.label if clash.label != "PATTERN" else m.label,
        )
    return out


def _unit_country(scan: MentionScan, m: PlaceMention) -> str | None:
    """The one country whose unit's noun the mention ends with or is followed by ("Jeju woreda": Ethiopia)."""
    own = scan.text[m.start : m.end].rsplit(None, 1)[-1].lower()
    if own in scan.words.kind_countries and own != m.name.lower():
        return scan.words.kind_countries[own]
    unit = scan.words.kind_country_after
    tail = unit.match(scan.text, m.end) if unit is not None else None
    return scan.words.kind_countries.get(tail.group("word").lower()) if tail is not None else None


def _with_context(scan: MentionScan, m: PlaceMention) -> PlaceMention:
    text = scan.text
    near = scan.words.near_before(text[max(0, m.start - 80) : m.start])
    country = m.country
    if country is None:
        after = _OF_COUNTRY.match(text[m.end : m.end + 60])
        if after:
            country = country_of_name(after.group("c"))
    if country is None and scan.words.kind_countries:
        country = _unit_country(scan, m)
    if (near or m.near) == m.near and country == m.country:
        return m  # nothing to add: no copy
    return replace(m, near=near or m.near, country=country)
