"""The place words of a lexicon compiled once into the patterns the mention finder and resolver read.

Built from ``lexicons/places.toml`` (extended by a user's ``lexicon_files``), so adding a kind
noun or a locative verb is a data change: the patterns follow.

>>> words = default_place_words()
>>> words.kind_of("villages"), words.kind_of("oblast"), words.kind_of("raion")
('settlement', 'region', 'district')
>>> bool(words.near.search("20 km south of ")), bool(words.near.search("in "))
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final, Literal

from ..lexicons import Lexicon, lexicon
from ._place_scan import Anchor, Scouted, first_chars

__all__ = ["KindHint", "PlaceWords", "default_place_words"]

KindHint = Literal["region", "district", "settlement", "feature"] | None

# A capitalised place name of up to four words, with an Arabic article or a particle between words, and a
# French article elided before a later word ("Saut-d'Eau", "Petite-Rivière-de-l'Artibonite").
NAME: Final = (
    r"(?:(?:al|el|ad|ar|as|ash|at|az)-)?[A-Z][\w'’]*"
    r"(?:(?:[-\s](?:al|el|de|del|do|dos|da|das|di|du|la|le))?[-\s](?:[dl]['’])?[A-Z][\w'’]*){0,3}"
)


# one word of a feature's name: a capitalised word or an ordinal ("West 16th Street", "St. Charles Avenue")
# (not a possessive: "Augusta's Highland Avenue" is a street of Augusta)
_FEATURE_WORD: Final = r"[A-Z][\w'’-]*(?<!['’]s)\.?|\d{1,3}(?:st|nd|rd|th)"


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "port city" is tried before "city")."""
    return "|".join(re.escape(w).replace("\\ ", " ") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _scout(fixed: str, words: Iterable[str], taken: str) -> re.Pattern[str]:
    """A scout for :class:`Scouted`: the ``fixed`` alternatives, then any first character of ``words``.

    A word starting with a character of ``taken`` (which ``fixed`` may run over) gets a scout of every
    character: slow, but it misses no place.
    """
    chars = first_chars(list(words))
    if any(w[:1] in taken for w in words if w):
        return re.compile(r"(?s).")
    return re.compile(fixed + chars)


def _plain_alt(words: Iterable[str]) -> str:
    """An alternation of the words as written, for an :class:`Anchor` (which finds them with ``str.find``)."""
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


class PlaceWords:
    """Compiled patterns of one places lexicon; build once (in a step's ``__init__``), read per document."""

    def __init__(self, lex: Lexicon, abbreviations: Lexicon | None = None, *, people_adjectives: bool = True) -> None:
        self.lexicon = lex
        # "Russian troops" as a mention of Russia, a modifier (see LocationExtractor.Settings)
        self.people_adjectives = people_adjectives
        w = lex.words
        self._abbreviations(abbreviations or lexicon("admin1_abbreviations"))
        self.settlement_words = w("settlement_words")
        self.region_words = w("region_words")
        self.district_words = w("district_words")
        self.generic_words = w("generic_words")
        self.listed_region_names = w("listed_region_names")
        # "the Abuja-Kaduna highway": two places joined by a dash before a road noun
        roads = w("road_words")
        self.road_words = roads
        self.road_between = re.compile(
            r"\b(?P<a>[A-Z][\w'’]+(?: [A-Z][\w'’]+)?)\s?[-–]\s?(?P<b>[A-Z][\w'’]+(?: [A-Z][\w'’]+)?)"
            rf"\s+(?:{_alt(roads)})\b"
        )
        # a lower-case particle inside a place name and the capitalised rest: "Deir ez Zor", "Ras al Ain"
        self.particle_tail = re.compile(rf"[ -](?:{_alt(w('name_particles'))})[ -][A-Z][\w'’-]*")
        # "US forces", "UK officials": a country's name before a side's noun names the side
        self.side_after = re.compile(rf"\s+(?:{_alt(w('side_nouns'))})\b", re.IGNORECASE)
        # "Augusta St.", "Clinton Street", "Illinois Route 159": a capitalised street word right after the name
        # ... or a junction's word in any case: "the Kuwait roundabout"
        self.street_after = re.compile(
            rf"\s+(?:{_alt(frozenset(x.capitalize() for x in w('street_words')))}"
            rf"|{_alt(w('landmark_words') | frozenset(x.capitalize() for x in w('landmark_words')))})\b\.?(?!\s+[A-Z])"
        )  # not "Florida Highway Patrol": an organisation's name
        # "Elm Street", "the Chestnut River", "Lake Wappel": a feature's word after or before capitalised words,
        # and not inside a longer name ("Main Street Bank", "Lake Street Elementary")
        self.feature_words = w("feature_words")
        # "Darby Street", "Decatur Boulevard": the names of the streets a story names whole
        named_words = frozenset(x.capitalize() for x in w("street_words") if len(x) > 3)
        self.street_gate: tuple[str, ...] = tuple(sorted(f" {x}" for x in named_words))
        self.street_named = re.compile(
            rf"(?<![\w'’])(?P<name>[A-Z][\w'’]+(?: [A-Z][\w'’]+)?) (?P<word>{_alt(named_words)})\b"
        )
        self.street_words = w("street_words")
        self.feature_after = re.compile(rf"(?<=[\w.’'] )(?:{_alt(self.feature_words)})(?![\w'’-])(?! [A-Z][a-z])")
        self.feature_gate: tuple[str, ...] = tuple(
            sorted({x.split()[0].rstrip(".") for x in self.feature_words | w("feature_prefixes")})
        )
        # "the corner of Elm and Oak streets", "between Maple and North Birch roads": a list of street names
        plural_streets = {x + "s": x.capitalize() for x in self.street_words if len(x) > 3}
        self.street_plurals = plural_streets
        street_item = r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}"
        self.street_list = re.compile(
            rf"(?P<items>{street_item}(?:\s*,\s*{street_item})*\s*,?\s+(?:and|&)\s+{street_item})"
            rf"\s+(?P<word>{_alt(plural_streets)})\b"
        )
        self.feature_before = re.compile(rf"(?<![\w.’'-])(?:(?:{_FEATURE_WORD})\s){{1,3}}$")
        self.feature_prefix = re.compile(
            rf"(?<![\w.’'-])(?:{_alt(w('feature_prefixes'))}) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?(?![\w'’-])"
        )
        # "Rep. Jane Roe, R-Elbow Lake": a lawmaker's party and home town; "Jane Roe, 41, of Grovetown": a person's
        self.party_home = re.compile(
            rf"(?<![\w.-])(?:{_alt(w('party_initials'))})-(?P<name>[A-Z][\w'’]+(?: [A-Z][\w'’]+){{0,2}})(?![\w'’.-])"
        )
        self.resident_of = re.compile(
            r"(?:,\s+\d{1,3})?,?\s+of\s+(?P<name>[A-Z][\w'’]+(?: [A-Z][\w'’]+){0,2})(?![\w'’-])"
        )
        self.first_name_countries = w("first_name_countries")
        self.not_region_heads = w("not_region_heads")
        self.trailing_words = w("trailing_words")
        self.clause_words = w("clause_words")
        self.institution_words = w("institution_words")
        self.facility_words = w("facility_words")
        self.local_nouns = w("local_nouns")
        self.title_words = w("title_words")
        self.common_word_places = w("common_word_places")
        self.function_words = w("function_words")
        self.english_qualifiers = w("english_qualifiers")
        self.native_admin_terms = w("native_admin_terms")
        self.not_locating_adjectives = w("not_locating_adjectives")
        self.continent_demonyms: dict[str, str] = dict(lex.table("continent_demonyms"))
        self.region_demonyms: dict[str, tuple[str, str]] = {
            word: (code, place) for word, (code, place) in lex.table("region_demonyms").items()
        }
        self.union_names: dict[str, str] = dict(lex.table("union_names"))
        self.ambiguous_demonyms: dict[str, tuple[str, ...]] = {
            word: tuple(codes) for word, codes in lex.table("ambiguous_demonyms").items()
        }
        settle, region, district = _alt(self.settlement_words), _alt(self.region_words), _alt(self.district_words)
        kinds = f"{settle}|{region}|{district}"
        all_kinds = self.settlement_words | self.region_words | self.district_words
        # "the (Russian-held) (frontline) town of Tsafe", "the province of Idlib"
        self.kind_of_phrase = re.compile(
            rf"\b(?:the\s+)?(?:(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)[-\s]+(?:(?:{_alt(w('control_words'))})\s+)?)?"
            rf"(?:(?:{_alt(w('kind_adjectives'))})\s+)*"
            rf"(?P<word>(?:{kinds})(?:e?s)?)\s+of\s+(?P<name>{NAME})"
        )
        self.kind_of_anchor = Anchor(_plain_alt(all_kinds), rf"(?<!\w)(?:{kinds})(?:e?s)?\s+of\s")
        # "Kursk region", "Idlib province", "Zamfara State", "Maradun district"
        self.name_kind_phrase = re.compile(rf"(?P<name>{NAME})\s+(?P<word>(?i:{region}|{district}))\b")
        self.name_kind_anchor = Anchor(
            _plain_alt(x.lower() for x in self.region_words | self.district_words),
            rf"(?<=\s)(?i:{region}|{district})\b",
            ignore_case=True,
        )
        self.kind_after = re.compile(rf"\s+(?P<word>{settle}|{district})\b")
        # "Jeju woreda": a unit's noun of one country only ties the name before it to that country
        self.kind_countries: dict[str, str] = {k.lower(): str(v) for k, v in lex.table("kind_word_countries").items()}
        self.kind_country_after = (
            re.compile(rf"\s+(?P<word>(?i:{_alt(self.kind_countries)}))\b") if self.kind_countries else None
        )
        # "Tehsil Mir Ali", "Barangay San Isidro": a unit's noun written before the name
        self.kind_name_phrase = re.compile(rf"\b(?P<word>{_alt(w('prefix_kind_words'))})\s+(?P<name>{NAME})")
        self.prefix_kind_words = tuple(w("prefix_kind_words"))  # a cheap test before the pattern runs
        village = _alt(w("village_words"))
        self.name_village = re.compile(rf"(?P<name>{NAME})\s+(?P<word>{village})\b")
        self.name_village_anchor = Anchor(_plain_alt(w("village_words")), rf"(?<=\s)(?:{village})\b")
        plurals = _alt(x[:-1] + "ies" if x.endswith("y") else x + "s" for x in w("plural_kind_words"))
        self.plural_kind = re.compile(rf"\s+(?P<word>{plurals})\b", re.IGNORECASE)
        # "Barrow, Jackson and Madison counties": a list of names before a plural kind noun
        item = r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?"
        self.plural_list = re.compile(
            rf"(?P<items>{item}(?:\s*,\s*{item})*\s*,?\s+(?:and|or)\s+{item})\s+(?P<word>(?i:{plurals}))\b"
        )
        self.plural_words = tuple(x[:-1] + "ies" if x.endswith("y") else x + "s" for x in w("plural_kind_words"))
        self.leading_words = re.compile(rf"^(?:(?:{_alt(w('clause_words'))})\s+)+")
        self.kind_tail = re.compile(rf"\s+(?P<word>(?i:{kinds}))$")
        compass = _alt(w("compass_words"))
        direction = _alt(w("direction_adjectives"))
        # words before a mention that put the event near, not in, the place
        self.near = re.compile(
            rf"(?:\b(?:{_alt(w('near_phrases'))})"
            rf"|\b(?:{compass})(?:ern)?\s+(?:outskirts\s+)?of"
            rf"|\b\d+(?:[.,]\d+)?\s*(?:{_alt(w('distance_units'))})\s+(?:\([^)]*\)\s+)?"
            rf"(?:(?:{compass})\s+)?(?:from|of|outside))"
            r"\s+(?:the\s+)?(?:[\w-]+\s+)?(?:(?:city|town|village|settlement|area|region)\s+of\s+)?$",
            re.IGNORECASE,
        )
        # every match of ``near`` holds one of these, whatever its case: the costly search runs only then
        self.near_words: tuple[str, ...] = tuple(
            sorted(
                {p.split()[0].lower()[:7] for p in w("near_phrases") | w("distance_units")}
                | {"north", "south", "east", "west"}
            )
        )
        prefixes = _alt(w("area_prefixes"))  # "Metro Vancouver", "downtown Cleveland": stripped like a direction
        self.direction = re.compile(rf"^(?:(?:{compass}|{direction}|{prefixes})\s+)", re.IGNORECASE)
        # a lower-case direction word right before a name ("northern Gaza"); a capitalised one is part of it
        self.direction_before = re.compile(rf"\b((?-i:{compass}|{direction}))\s+$")
        self.locative_prep = re.compile(
            rf"\b(?:{_alt(w('place_prepositions'))}"
            rf"|(?:{_alt(w('motion_words'))})\s+(?:back\s+|also\s+)?to"
            rf"|(?:and|or),?\s+to|{_alt(w('target_phrases'))})"
            rf"\s+(?:the\s+)?(?:(?:neighbouring|neighboring|nearby|{direction}|{prefixes})\s+)?"
            r"(?:(?:town|city|village|settlement)\s+of\s+)?$",
            re.IGNORECASE,
        )
        self.locative_verb = re.compile(rf"\b(?:{_alt(w('attack_verbs'))})\s+(?:the\s+)?$", re.IGNORECASE)
        self.beside = re.compile(rf"\b(?:{_alt(w('neighbour_words'))})\s+(?:the\s+)?$")
        # every match of ``beside`` holds one of these: the regex runs only then
        self.beside_words: tuple[str, ...] = tuple(sorted({p.split()[0][:6] for p in w("neighbour_words")}))
        self._settle_re = re.compile(settle)
        self._region_re = re.compile(region)
        self._kinds_re = re.compile(kinds)

    def _abbreviations(self, lex: Lexicon) -> None:
        """Region abbreviations after a place ("Paris, Tenn.", "Perth, WA") -> (country, region name)."""
        self.abbreviations: dict[str, tuple[str, str]] = {}
        for table in ("dotted", "postal"):
            for country, names in lex.table(table).items():
                for abbr, region in names.items():
                    self.abbreviations[abbr] = (country, region)
        dotted = _alt(a for a in self.abbreviations if "." in a)
        postal = _alt(a for a in self.abbreviations if "." not in a)
        # "Paris, Tenn." / "Sudbury (Ont.)" / a lawmaker's "D-S.C."; a postal code only right after "Town, "
        # ...and an initials form ("S.C.", "W.Va.") anywhere: no other word is spelled so ("the S.C. Highway
        # Patrol", "moved to N.C."), but a year's "B.C." and a road's number ("W.Va. 61")
        initials = _alt(a for a in self.abbreviations if re.fullmatch(r"(?:[A-Z][a-z]?\.){2,}", a))
        self.abbreviation = re.compile(
            rf"(?<=[\w.])(?:,\s+|\s+\()(?P<abbr>{dotted})(?![\w])|(?<=[a-z]),\s+(?P<postal>{postal})(?![\w'’-])"
            rf"|(?<=\b[DRI]-)(?P<party>{dotted})(?![\w])"
        )
        # the engine tries that pattern (a look-behind first) at every character: it is tried only at a comma,
        # at white space before a bracket and where a dotted abbreviation may begin
        dotted_words = [a for a in self.abbreviations if "." in a]
        self.abbreviation_scan = Scouted(self.abbreviation, _scout(r",|\s+\(|", dotted_words, ",(\t\n\r\f\v "))
        # searched apart, and only in a text with a capital, a full stop and a capital in a row
        self.initials = re.compile(rf"(?<![\w.’'-])(?<!\d )(?P<alone>{initials})(?![\w]| \d)")
        self.initials_hint = re.compile(r"[A-Z]\.[A-Z]")
        # the whole of a place entity of the model ("a Ga. pastor", "Mass. legislators"): the region alone
        # (a year's "300 B.C." is no place)
        self.dotted_alone = re.compile(rf"(?<!\d )(?P<alone>{dotted})(?![\w])")
        # codes a region's own news writes on their own ("FrontCounter BC", "the NSW government"); not a year's
        # "300 BC", nor a part of a longer code ("BC-3", "KP&T")
        alone: dict[str, tuple[str, str]] = {
            abbr: (country, region) for country, names in lex.table("alone").items() for abbr, region in names.items()
        }
        self.abbreviations.update(alone)
        # "Mississippi State's guard": a school named after its state, not the state (see places.toml)
        schools = {c.upper() for c in self.lexicon.words("state_institution_countries")}
        self.state_schools = frozenset(region for country, region in self.abbreviations.values() if country in schools)
        self.codes_alone = (
            re.compile(rf"(?<![\w.’'&/-])(?<!\d )(?P<alone>{_alt(alone)})(?![\w.’'&/-]| \d)") if alone else None
        )
        # ...tried only where one of the codes may begin
        self.codes_scan = Scouted(self.codes_alone, _scout("", alone, "")) if self.codes_alone is not None else None

    def _singular(self, word: str) -> str:
        """A kind noun's lower-case singular ("villages" -> "village", "cities" -> "city"); other words lower-cased."""
        word = word.lower()
        for plural in ("ies", "es", "s"):
            # "the villages of Aitaroun and Kfar Kila", "the cities of ..."
            single = word[: -len(plural)] + ("y" if plural == "ies" else "")
            if word.endswith(plural) and self._kinds_re.fullmatch(single):
                return single
        return word

    def is_kind_word(self, word: str) -> bool:
        """Whether a word is a kind noun of a place ("district", "territory", "villages"), singular or plural."""
        return bool(self._kinds_re.fullmatch(self._singular(word)))

    def kind_of(self, word: str) -> KindHint:
        """The kind a kind noun names, singular or plural ("villages" a settlement, "raion" a district)."""
        word = self._singular(word)
        if self._settle_re.fullmatch(word):
            return "settlement"
        if self._region_re.fullmatch(word):
            return "region"
        if word == "valley":
            return None  # "the Swat valley", "the Jordan Valley": named after a district, a region or a country
        return "district"

    def near_before(self, before: str) -> bool:
        """Whether the words before a name put the event near it, searched only when they may."""
        folds = not any(c in before for c in ("İ", "ı", "ſ"))  # else lower case may not show a near word
        if folds:
            low = before.lower()
            if not any(x in low for x in self.near_words):
                return False
        return bool(self.near.search(before))


@lru_cache(maxsize=1)
def default_place_words() -> PlaceWords:
    """The patterns of the packaged places lexicon, built once per process."""
    return PlaceWords(lexicon("places"), lexicon("admin1_abbreviations"))
