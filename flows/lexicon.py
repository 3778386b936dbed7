"""Event lexicons (triggers and cue words per language), loaded from JSON and validated on load."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regex

from flows.gazetteer import ENTITY_INFLECTIONS, KINDS
from flows.settings import LEXICON_DIR, languages_with

EVENT_TYPES = ("visit", "demarche", "pledge")
ROLE_SCHEMES = (
    "subject_goal", "host_guest", "guest_host", "meeting_place", "summon", "donor_recipient", "recipient_donor",
)
CUE_KINDS = (
    "future", "negation", "cumulative", "not_pledge", "diplomat", "package", "items",
    "goal_prepositions", "agent_prepositions", "recipient_prepositions", "officials",
    "donor_prepositions", "recipient_nouns", "other_prepositions", "cumulative_after", "anaphora", "pronouns",
    "ambassador", "passive", "relative", "former", "venue", "followers", "followers_of", "remote",
    "partner_prepositions", "definite_articles", "during_words", "locative_prepositions", "government_bodies",
    "source_prepositions", "called_off", "took_place", "list_joiners", "place_nouns", "coordinators",
    "visit_manner_prepositions", "departure_prepositions", "modifier_words", "modifier_forms", "contrast_words",
    "aid_nouns", "perfect_auxiliaries", "each_share", "subordinators", "unnamed_donors", "embassies", "repeated",
    "corrections",
)
# Triggers per alternation of the candidate filter (see EventLexicon.candidate_group_patterns).
CANDIDATE_GROUP_SIZE = 5
# Cue kinds that hold plain words (matched as whole words), the others hold regular expressions.
WORD_CUES = (
    "goal_prepositions", "agent_prepositions", "recipient_prepositions", "donor_prepositions", "other_prepositions",
    "partner_prepositions", "definite_articles", "during_words", "locative_prepositions", "source_prepositions",
    "coordinators", "visit_manner_prepositions", "departure_prepositions", "modifier_words", "subordinators",
)

# grammar.json: each property of a language that the shared rules read, with its expected type
GRAMMAR_PROPERTIES: dict[str, type] = {
    "genitive_agent_by_case": bool, "dative_recipient_by_case": bool, "recipient_before_trigger": bool,
    "possessive_suffixes": list, "host_prepositions": list, "inverted_subject_kinds": list,
    "non_subject_place_endings": list, "abbreviations": list,
    "entity_inflection": str, "borrows_english_names": bool, "ampersand_words": list,
}


@dataclass(frozen=True, slots=True)
class Grammar:
    """How a language marks the roles the rules look for (grammar.json; see a lexicon folder's README)."""
    genitive_agent_by_case: bool  # a visit noun's agent is a bare genitive after it ("визит президента")
    dative_recipient_by_case: bool  # a pledge's recipient is a bare dative after the verb ("выделит Украине")
    recipient_before_trigger: bool  # a recipient may stand before the pledge verb (verb-second/final order)
    possessive_suffixes: tuple[str, ...]  # what joins an owner to the word it owns ("Germany's")
    host_prepositions: tuple[str, ...]  # a visit trigger ending on one names its host after it ("op bezoek bij")
    inverted_subject_kinds: frozenset[str]  # entity kinds that may be a subject right after its verb
    non_subject_place_endings: tuple[str, ...]  # lower-case endings of a place name in an oblique case
    abbreviations: tuple[str, ...]  # patterns of a word whose full stop ends no sentence ("dhr.", "т.е.")
    entity_inflection: str  # how entity names inflect: one of gazetteer.ENTITY_INFLECTIONS
    borrows_english_names: bool  # the English CLDR country names are found too ("Sudan" in Dutch text)
    ampersand_words: tuple[str, ...]  # "&" of a CLDR country name also written as ("Trinidad and Tobago")

    @property
    def possessive(self) -> regex.Pattern[str]:
        """A possessive suffix and the spaces after it, before the word owned; matches nothing without suffixes."""
        return possessive_pattern(self.possessive_suffixes)


@cache
def possessive_pattern(suffixes: tuple[str, ...]) -> regex.Pattern[str]:
    # keyed by the suffixes themselves: the extractor asks for it once a sentence, and escaping them is not free
    alternation = "|".join(regex.escape(s) for s in suffixes) or "(?!)"
    return regex.compile(rf"(?:{alternation})\s+")


@dataclass(frozen=True, slots=True)
class Trigger:
    rule: str
    event_type: str
    roles: str
    pattern: str
    compiled: regex.Pattern[str]


@dataclass(frozen=True, slots=True)
class EventLexicon:
    language: str
    triggers: tuple[Trigger, ...]
    cues: dict[str, regex.Pattern[str]]
    words: dict[str, frozenset[str]]
    grammar: Grammar

    @property
    def candidate_pattern(self) -> str:
        """One alternation of every trigger, for the vectorised candidate filter.

        Rust's Unicode word boundary sends a case-insensitive alternation down a slow path (7-12 MB/s);
        the ASCII one is 10-30x faster and can only add candidates (a non-ASCII letter counts as a
        boundary), never lose one, and the Python rules confirm every candidate with the exact pattern.
        """
        return rust_alternation([t.pattern for t in self.triggers])

    @property
    def candidate_group_patterns(self) -> tuple[str, ...]:
        """The same union cut into alternations of CANDIDATE_GROUP_SIZE triggers, to be OR-ed together.

        One alternation of a language's many-worded triggers ("zegde (?:\\S+ ){0,10}toe") can outgrow the lazy
        DFA's cache of the regex crate, which then thrashes: on 20,000 Dutch sentences the whole union takes
        0.24 s, its four groups 0.03 s together; English and Russian stay as fast either way.
        """
        patterns = [t.pattern for t in self.triggers]
        return tuple(rust_alternation(patterns[i:i + CANDIDATE_GROUP_SIZE])
                     for i in range(0, len(patterns), CANDIDATE_GROUP_SIZE))

    @property
    def trigger_candidate_patterns(self) -> tuple[str, ...]:
        """Each trigger alone, in the same Rust form as candidate_pattern (a superset of its matches)."""
        return tuple("(?i)" + t.pattern.replace("\\b", "(?-u:\\b)") for t in self.triggers)


def rust_alternation(patterns: Sequence[str]) -> str:
    """Trigger patterns as one case-insensitive alternation for Polars, with ASCII word boundaries (see
    EventLexicon.candidate_pattern)."""
    return "(?i)" + "|".join(f"(?:{p})" for p in patterns).replace("\\b", "(?-u:\\b)")


def compile_pattern(pattern: str, where: str) -> regex.Pattern[str]:
    """Compile case-insensitively, naming the file and entry when the pattern is broken."""
    try:
        return regex.compile(pattern, regex.IGNORECASE | regex.V0)
    except regex.error as exc:
        raise ValueError(f"{where}: invalid pattern {pattern!r}: {exc}") from exc


def load_triggers(path: Path, language: str) -> tuple[Trigger, ...]:
    """Triggers from a triggers.json file; every entry checked for type, role scheme and pattern."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("language") != language:
        raise ValueError(f"{path}: language is {data.get('language')!r}, expected {language!r}")
    triggers: list[Trigger] = []
    seen: set[str] = set()
    for n, entry in enumerate(data.get("triggers", []), 1):
        where = f"{path}: trigger {n}"
        unknown = set(entry) - {"rule", "type", "roles", "pattern"}
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        if entry.get("type") not in EVENT_TYPES:
            raise ValueError(f"{where}: type must be one of {EVENT_TYPES}, not {entry.get('type')!r}")
        if entry.get("roles") not in ROLE_SCHEMES:
            raise ValueError(f"{where}: roles must be one of {ROLE_SCHEMES}, not {entry.get('roles')!r}")
        rule = entry.get("rule")
        if not isinstance(rule, str) or not rule or rule in seen:
            raise ValueError(f"{where}: rule must be a unique non-empty name, not {rule!r}")
        seen.add(rule)
        pattern = entry.get("pattern")
        if not isinstance(pattern, str) or not pattern:
            raise ValueError(f"{where}: pattern must be a non-empty string")
        triggers.append(Trigger(rule, entry["type"], entry["roles"], pattern, compile_pattern(pattern, where)))
    if not triggers:
        raise ValueError(f"{path}: no triggers")
    return tuple(triggers)


def keyed_file(path: Path, language: str, keys: Iterable[str], what: str) -> dict[str, Any]:
    """A JSON object of one language holding exactly `keys` (besides "language"), without its "language"."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.pop("language", None) != language:
        raise ValueError(f"{path}: language must be {language!r}")
    unknown = set(data) - set(keys)
    if unknown:
        raise ValueError(f"{path}: unknown {what} {sorted(unknown)}")
    missing = set(keys) - set(data)
    if missing:
        raise ValueError(f"{path}: missing {what} {sorted(missing)}")
    return dict(data)


def load_cues(path: Path, language: str) -> tuple[dict[str, regex.Pattern[str]], dict[str, frozenset[str]]]:
    """Cue patterns (future, negation, cumulative...) and cue word sets (prepositions) from cues.json."""
    data = keyed_file(path, language, CUE_KINDS, "cue kinds")
    cues: dict[str, regex.Pattern[str]] = {}
    words: dict[str, frozenset[str]] = {}
    for kind, values in data.items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise ValueError(f"{path}: {kind} must be a list of non-empty strings")
        if kind in WORD_CUES:
            words[kind] = frozenset(v.lower() for v in values)
        else:
            # an empty list would join to "", which matches everywhere: a language without such words matches none
            pattern = "|".join(f"(?:{lookbehind_guarded(v)})" for v in values) if values else "(?!)"
            cues[kind] = compile_pattern(pattern, f"{path}: {kind}")
    return cues, words


def lookbehind_guarded(entry: str) -> str:
    """The same pattern, with the rest of an entry that opens on look-behinds also tried first as a look-ahead:
    the regex module runs an opening look-behind at every position of the text (60 characters back for
    "(?<!\\bсегодня\\b(?:...){0,60})приедет"), and the whole cue with it; the look-ahead lets nearly every
    position fail at once. The matches are the same: a look-ahead only filters positions. An entry with a
    capturing group is left as it is (the look-ahead would add groups)."""
    rest = entry
    while rest.startswith(("(?<!", "(?<=")):
        close = closing_paren(rest)
        if close < 0:
            return entry  # broken: compiled as written, so that the error names it
        rest = rest[close + 1:]
    if rest == entry or not rest or capturing_groups(rest) != 0:
        return entry
    return f"(?={rest}){entry}"


def capturing_groups(pattern: str) -> int:
    """How many groups a pattern captures (-1 when it does not compile)."""
    try:
        return regex.compile(pattern, regex.V0).groups
    except regex.error:
        return -1


def closing_paren(pattern: str) -> int:
    """Where the group that opens pattern closes (-1 when it does not), skipping escapes and character classes."""
    depth, n, in_class = 0, 0, False
    while n < len(pattern):
        ch = pattern[n]
        if ch == "\\":
            n += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[n + 1:n + 2] == "^":
                n += 1
            if pattern[n + 1:n + 2] == "]":
                n += 1  # a "]" first in a class is a member
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return n
        n += 1
    return -1


def load_grammar(path: Path, language: str) -> Grammar:
    """A language's grammar.json: every property of GRAMMAR_PROPERTIES present, of its type, and no other."""
    data = keyed_file(path, language, GRAMMAR_PROPERTIES, "properties")
    for key, kind in GRAMMAR_PROPERTIES.items():
        value = data[key]
        if kind is bool and not isinstance(value, bool):
            raise ValueError(f"{path}: {key} must be true or false, not {value!r}")
        if kind is list and (not isinstance(value, list) or not all(isinstance(v, str) and v for v in value)):
            raise ValueError(f"{path}: {key} must be a list of non-empty strings, not {value!r}")
        if kind is str and value not in ENTITY_INFLECTIONS:  # entity_inflection, the only string property
            raise ValueError(f"{path}: {key} must be one of {ENTITY_INFLECTIONS}, not {value!r}")
    bad_kinds = set(data["inverted_subject_kinds"]) - set(KINDS)
    if bad_kinds:
        raise ValueError(f"{path}: inverted_subject_kinds: unknown entity kinds {sorted(bad_kinds)} "
                         f"(expected some of {KINDS})")
    for n, abbreviation in enumerate(data["abbreviations"], 1):
        compile_pattern(abbreviation, f"{path}: abbreviations {n}")
    return Grammar(
        data["genitive_agent_by_case"], data["dative_recipient_by_case"], data["recipient_before_trigger"],
        tuple(data["possessive_suffixes"]), tuple(w.lower() for w in data["host_prepositions"]),
        frozenset(data["inverted_subject_kinds"]), tuple(e.lower() for e in data["non_subject_place_endings"]),
        tuple(data["abbreviations"]), data["entity_inflection"], data["borrows_english_names"],
        tuple(data["ampersand_words"]))


@cache
def event_lexicon(language: str, lexicon_dir: Path = LEXICON_DIR) -> EventLexicon | None:
    """The language's event lexicon, or None when newsline has none for it (the document is kept, unextracted)."""
    folder = lexicon_dir / language
    if not (folder / "triggers.json").exists():
        return None
    cues, words = load_cues(folder / "cues.json", language)
    return EventLexicon(language, load_triggers(folder / "triggers.json", language), cues, words,
                        load_grammar(folder / "grammar.json", language))


@cache
def abbreviation_pattern(lexicon_dir: Path = LEXICON_DIR) -> str:
    """Every language's abbreviations in one alternation: sentences are split before extraction by language, and
    a name quoted from another language keeps its abbreviation ("Mr." in a Dutch text)."""
    abbreviations: list[str] = []
    for path in sorted(lexicon_dir.glob("*/grammar.json")):
        abbreviations += [a for a in load_grammar(path, path.parent.name).abbreviations if a not in abbreviations]
    return "|".join(abbreviations) or r"[^\s\S]"  # none: a class that matches nothing, in Rust's syntax too


def supported_event_languages(lexicon_dir: Path = LEXICON_DIR) -> tuple[str, ...]:
    """Languages that have a triggers.json."""
    return languages_with("triggers.json", lexicon_dir)


@cache
def teaser_pattern(path: Path = LEXICON_DIR / "boilerplate.json") -> str:
    """One Rust regex for a sentence that opens on a link teaser ("Read more:", "Lees ook", "Читайте также"): web
    copy keeps other articles' headlines and ledes in the body, and their events are not this article's."""
    data = json.loads(path.read_text(encoding="utf-8"))
    markers = data.get("teaser_markers")
    if not isinstance(markers, list) or not markers or not all(isinstance(m, str) and m for m in markers):
        raise ValueError(f"{path}: teaser_markers must be a non-empty list of non-empty strings")
    for n, marker in enumerate(markers, 1):
        compile_pattern(marker, f"{path}: teaser marker {n}")
    return r"(?i)^[\s\W]*(?:" + "|".join(f"(?:{m})" for m in markers) + ")"


@cache
def organisation_seats(path: Path = LEXICON_DIR / "org_seats.json") -> dict[str, frozenset[str]]:
    """The countries where each organisation sits (its officials there are at home, not on a visit)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    seats = data.get("seats")
    if not isinstance(seats, dict):
        raise ValueError(f"{path}: 'seats' must map organisation codes to lists of country codes")
    checked: dict[str, frozenset[str]] = {}
    for org, countries in seats.items():
        if not isinstance(countries, list) or not all(
                isinstance(c, str) and len(c) == 3 and c.isupper() and c.isalpha() for c in countries):
            raise ValueError(f"{path}: {org}: seats must be ISO 3166-1 alpha-3 codes, got {countries!r}")
        checked[org] = frozenset(countries)
    return checked
