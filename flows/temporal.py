"""Temporal stage: a document's publication reference and the date of an event in a sentence.

Month and weekday names come from babel (CLDR); what CLDR lacks (Russian accusative and
prepositional forms, Dutch compounds, relative words, durations) comes from
`flows/lexicons/<lang>/time.json`. The rules are described in `flows/lexicons/TIME.md`.
"""

from __future__ import annotations

import calendar
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, NoReturn

from babel.dates import get_day_names, get_month_names

from flows.settings import LEXICON_DIR, languages_with

# the shipped languages with a time lexicon (has_time_lexicon decides per call, from the folder)
LANGUAGES: tuple[str, ...] = languages_with("time.json", LEXICON_DIR)

KINDS: tuple[str, ...] = (
    "explicit_date", "explicit_range", "weekday", "relative_day", "relative_week",
    "relative_month", "month_name", "year", "duration", "weekend",
)
PRECISION_BY_KIND: dict[str, str] = {
    "explicit_date": "day", "explicit_range": "days", "weekday": "day", "relative_day": "day",
    "relative_week": "week", "relative_month": "month", "month_name": "month", "year": "year",
    "duration": "days", "weekend": "days",
}
# Lower rank wins when several expressions are equally close to the trigger.
KIND_RANK: dict[str, int] = {
    "explicit_date": 0, "explicit_range": 0, "weekday": 1, "relative_day": 2, "relative_week": 3,
    "relative_month": 4, "month_name": 4, "year": 5, "weekend": 2,
}
_DAY_PRECISE = frozenset({"explicit_date", "weekday", "relative_day"})
# a day or a run of named days: what may date an event from another clause, or a place in a list
_DAYS_NAMED = _DAY_PRECISE | {"explicit_range"}
_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_EN = ("", "January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
_NO_HEADER_WINDOW = timedelta(days=30)  # no header: publication assumed within a month of the latest date


@dataclass(frozen=True, slots=True)
class DocumentReference:
    """What is known of the publication day."""

    pub_min: date  # earliest possible publication day
    pub_max: date  # latest possible
    pub_best: date  # best single guess
    basis: str  # e.g. "header_day", "header_month+weekdays", "header_month+explicit_date", "none"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression found in a text, resolved against a publication reference."""

    start: int
    end: int
    text: str  # offsets into the text passed in
    kind: str  # one of KINDS
    date_min: date
    date_max: date
    event_date: date
    basis: str  # human-readable rule, e.g. 'weekday "dinsdag" -> most recent Tuesday on or before ...'
    future: bool  # only what the expression itself says ("next Monday", "tomorrow")


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """The date of one event, with the interval that honestly contains it."""

    event_date: date | None
    date_min: date | None
    date_max: date | None
    precision: str  # day | days | week | month | year | unknown
    basis: str  # which expression (quoted) and which rule, or "publication"


# --------------------------------------------------------------------------------------------
# Lexicon: loading and validation
# --------------------------------------------------------------------------------------------

_WEEKDAY_ROLES = frozenset(
    {"on", "past", "future", "until", "since", "late", "early", "prev_week", "next_week"}
)
_PERIOD_PARTS = frozenset({"early", "mid", "late", "before", "after"})
_MONTH_ROLES = frozenset({"in", "past", "future"})

# key -> (kind, argument): the whole schema of a time.json file; only "language" is required.
_SCHEMA: dict[str, tuple[str, Any]] = {
    "language": ("str", None),
    "weekdays": ("int_map", (0, 6)),
    "exclude_forms": ("str_list", None),
    "weekdays_need_prefix": ("str_list", None),
    "weekday_compounds": ("str_list", None),
    "months": ("int_map", (1, 12)),
    "month_adjectives": ("int_map", (1, 12)),
    "parts_of_day": ("str_list", None),
    "weekday_prefixes": ("role_map", _WEEKDAY_ROLES),
    "weekday_suffixes": ("role_map", _WEEKDAY_ROLES),
    "weekends": ("role_map", frozenset({"on", "past"})),
    "relative_days": ("int_map", (-7, 7)),
    "relative_day_blockers": ("str_list", None),
    "anaphoric_days": ("int_map", (-1, 1)),
    "eve_words": ("str_list", None),
    "eve_object_endings": ("str_list", None),
    "eve_verb_endings": ("str_list", None),
    "relative_weeks": ("offset_map", None),
    "relative_months": ("offset_map", None),
    "relative_years": ("offset_map", None),
    "period_parts": ("role_map", _PERIOD_PARTS),
    "month_prefixes": ("role_map", _MONTH_ROLES),
    "year_prefixes": ("str_list", None),
    "year_suffixes": ("str_list", None),
    "range_prefixes": ("str_list", None),
    "range_connectors": ("str_list", None),
    "day_suffixes": ("str_list", None),
    "durations": ("int_map", (0, 31)),
    "start_words": ("str_list", None),
    "end_words": ("str_list", None),
    "future_words": ("str_list", None),
    "clause_words": ("str_list", None),
    "report_words": ("str_list", None),
    "complement_words": ("str_list", None),
    "ongoing_words": ("str_list", None),
    "clock_suffixes": ("str_list", None),
    "local_time_zones": ("str_list", None),
    "numeric_dates": ("bool", None),
    "month_first_dates": ("bool", None),
    "capitalized_names": ("bool", None),
}


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """A validated time.json: keys as in _SCHEMA, phrases lower-cased."""

    language: str
    weekdays: dict[str, int]
    exclude_forms: tuple[str, ...]
    weekdays_need_prefix: tuple[str, ...]
    weekday_compounds: tuple[str, ...]
    months: dict[str, int]
    month_adjectives: dict[str, int]  # stems of adjectives naming a month ("майск": "майского визита")
    parts_of_day: tuple[str, ...]
    weekday_prefixes: dict[str, str]
    weekday_suffixes: dict[str, str]  # after the weekday: ro "marțea trecută", nl "dinsdag jongstleden"
    weekends: dict[str, str]  # "over the weekend" (on), "last weekend" (past)
    relative_days: dict[str, int]
    relative_day_blockers: tuple[str, ...]
    anaphoric_days: dict[str, int]  # "the same day" (0), "the next day" (1): the day the text told last, not today
    eve_words: tuple[str, ...]
    eve_object_endings: tuple[str, ...]
    eve_verb_endings: tuple[str, ...]
    relative_weeks: dict[str, tuple[int, str | None]]
    relative_months: dict[str, tuple[int, str | None]]
    relative_years: dict[str, tuple[int, str | None]]
    period_parts: dict[str, str]
    month_prefixes: dict[str, str]
    year_prefixes: tuple[str, ...]
    year_suffixes: tuple[str, ...]
    range_prefixes: tuple[str, ...]
    range_connectors: tuple[str, ...]
    day_suffixes: tuple[str, ...]
    durations: dict[str, int]
    start_words: tuple[str, ...]
    end_words: tuple[str, ...]
    future_words: tuple[str, ...]
    clause_words: tuple[str, ...]
    report_words: tuple[str, ...]  # "announced", "объявлено": its time is the time of what it reports
    complement_words: tuple[str, ...]  # "that", "что": opens what a reporting verb reports
    ongoing_words: tuple[str, ...]  # "is visiting", "совершает": a visit under way, told in the present
    clock_suffixes: tuple[str, ...]  # "p.m.", "uur", "ч": after the hour of a clock time
    local_time_zones: tuple[str, ...]  # "мск": time zones the language writes in its own words
    numeric_dates: bool
    month_first_dates: bool
    capitalized_names: bool


def _norm(phrase: str) -> str:
    """Lookup key of a phrase: lower case, single spaces, ё as е."""
    return " ".join(phrase.lower().split()).replace("ё", "е")


def _fail(path: Path, reason: str) -> NoReturn:
    raise ValueError(f"{path}: {reason}")


def _phrase(path: Path, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(path, f"'{key}' must hold non-empty strings, got {value!r}")
    return _norm(value)


def _check(path: Path, key: str, value: object) -> object:
    """Validate one top-level value against _SCHEMA and return it normalised."""
    kind, arg = _SCHEMA[key]
    if kind == "str":
        return _phrase(path, key, value)
    if kind == "bool":
        if not isinstance(value, bool):
            _fail(path, f"'{key}' must be true or false, got {value!r}")
        return value
    if kind == "str_list":
        if not isinstance(value, list):
            _fail(path, f"'{key}' must be a list of strings")
        return tuple(_phrase(path, key, item) for item in value)
    if not isinstance(value, dict):
        _fail(path, f"'{key}' must be an object")
    out: dict[str, Any] = {}
    for raw_key, item in value.items():
        name = _phrase(path, key, raw_key)
        if kind == "int_map":
            low, high = arg
            if isinstance(item, bool) or not isinstance(item, int) or not low <= item <= high:
                _fail(path, f"'{key}.{raw_key}' must be an integer in {low}..{high}, got {item!r}")
            out[name] = item
        elif kind == "role_map":
            if item not in arg:
                _fail(path, f"'{key}.{raw_key}' must be one of {sorted(arg)}, got {item!r}")
            out[name] = item
        else:  # offset_map: an integer offset, or [offset, part]
            if isinstance(item, int) and not isinstance(item, bool) and -5 <= item <= 5:
                out[name] = (item, None)
            elif (isinstance(item, list) and len(item) == 2 and isinstance(item[0], int)
                  and not isinstance(item[0], bool) and -5 <= item[0] <= 5 and item[1] in _PERIOD_PARTS):
                out[name] = (item[0], item[1])
            else:
                _fail(path, f"'{key}.{raw_key}' must be an offset -5..5 or [offset, part], got {item!r}")
    return out


def load_time_lexicon(path: Path | str) -> TimeLexicon:
    """Read and validate one time.json; raises ValueError("<file>: <reason>")."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        _fail(path, f"cannot read JSON ({exc})")
    if not isinstance(data, dict):
        _fail(path, "top level must be an object")
    unknown = sorted(set(data) - set(_SCHEMA))
    if unknown:
        _fail(path, f"unknown key(s) {unknown}")
    if "language" not in data:
        _fail(path, "missing key 'language'")
    values: dict[str, Any] = {}
    for key, (kind, _) in _SCHEMA.items():
        if key in data:
            values[key] = _check(path, key, data[key])
        else:
            values[key] = {"bool": False, "str_list": ()}.get(kind, {})
    return TimeLexicon(**values)


# one look at the folder per language, not a pathlib join and a stat per mention (6,000 of them on 3,000 documents)
@lru_cache(maxsize=256)
def has_time_lexicon(lang: str) -> bool:
    """Whether newsline can read time expressions of a language (others fall back to the header)."""
    return (LEXICON_DIR / lang / "time.json").is_file()


@cache
def time_lexicon(lang: str) -> TimeLexicon:
    """The validated time lexicon of a language, read once."""
    path = LEXICON_DIR / lang / "time.json"
    if not path.is_file():
        raise ValueError(f"{path}: no time lexicon for language {lang!r}")
    lexicon = load_time_lexicon(path)
    if lexicon.language != lang:
        raise ValueError(f"{path}: 'language' is {lexicon.language!r}, expected {lang!r}")
    return lexicon


# --------------------------------------------------------------------------------------------
# Grammar: regexes compiled once per language
# --------------------------------------------------------------------------------------------

_L = r"[^\W\d_]"  # one letter in any script
_NOT_AFTER_WORD = r"(?<![^\W_])"  # not glued to a letter or digit before
_NOT_BEFORE_LETTER = rf"(?!{_L})"
_YEAR = r"(?:1[89]|20)\d{2}(?!\d)"
# (?<![\d.])[0-3]?\d, the same strings in the same order, written to open with the digit: a pattern whose first
# step is a character class lets re skip, in C, every position that holds no digit, where a pattern opening
# with a lookbehind is tried at each position
_DAY_NUMBER = r"\d(?<![\d.]\d)(?:(?<=[0-3])\d)?"


def _alt(phrases: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, any whitespace between words."""
    unique = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    if not unique:
        return r"(?!x)x"
    # lexicon keys are stored with е for ё (see _norm); texts write either
    def escaped(part: str) -> str:
        return re.escape(part).replace(r"\ ", r"\s+").replace("е", "[её]")

    by_head: dict[str, list[str]] = {}
    for p in unique:
        by_head.setdefault(p[0], []).append(p[1:])
    # first letters that case folding joins (i, ı) might both match one letter of a text: the plain order then
    if len({h.casefold() for h in by_head}) < len(by_head) or len({h.upper() for h in by_head}) < len(by_head):
        return "|".join(escaped(p) for p in unique)
    # one branch per first letter, the phrases in their order within it: re tries each alternative at each
    # position of a scan and most fail on their first letter; only one first letter can match, so the same phrase
    # wins as in the plain alternation (the gate scans a sixth faster)
    return "|".join(escaped(head) + (f"(?:{'|'.join(escaped(rest) for rest in rests)})" if rests != [""] else "")
                    for head, rests in by_head.items())


def _names(width: Literal["wide", "abbreviated"], locale: str, months: bool) -> dict[str, int]:
    """Month (1..12) or weekday (0=Monday) names of a locale, both contexts, lower case."""
    out: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        table = get_month_names(width, context, locale) if months else get_day_names(width, context, locale)
        for number, name in table.items():
            out[_norm(str(name)).rstrip(".")] = int(number)
    return out


@dataclass(frozen=True, slots=True)
class _Grammar:
    lang: str
    lex: TimeLexicon
    months: dict[str, int]
    weekdays: dict[str, int]
    prefix_roles: dict[str, str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (form, regex), in priority order
    # the same without IGNORECASE, for lower-cased text: case folding at every position costs a quarter of a scan
    lowered_patterns: tuple[re.Pattern[str], ...]
    gate: re.Pattern[str]  # one scan telling which pattern families can match at all
    reference_gate: re.Pattern[str]  # the same for the families the publication reference reads
    # the two gates' keys after one non-letter (see _gate_hits)
    gate_after_non_letter: re.Pattern[str]
    reference_gate_after_non_letter: re.Pattern[str]
    prefix_word_re: re.Pattern[str]
    clause_re: re.Pattern[str]
    report_re: re.Pattern[str]
    complement_re: re.Pattern[str]
    future_re: re.Pattern[str]
    start_re: re.Pattern[str]
    end_re: re.Pattern[str]
    blocker_re: re.Pattern[str]
    ongoing_re: re.Pattern[str]
    clock_re: re.Pattern[str]  # a clock time: "2 a.m.", "19.30 uur", "13:00"
    zone_re: re.Pattern[str]  # a time zone: "ET", "GMT", "мск"
    # range_dm without its optional prefix word, on lowered text, and that prefix word ending where the text
    # given ends (see _range_dm_matches); None when a prefix word holds a digit
    range_dm_bare: re.Pattern[str] | None
    range_prefix_end: re.Pattern[str]


def _phrases_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """Any of the phrases as whole words, case-insensitive; None without phrases."""
    words = list(words)
    return re.compile(rf"(?<!{_L})(?:{_alt(words)}){_NOT_BEFORE_LETTER}", re.IGNORECASE) if words else None


@cache
def same_day_words(lang: str) -> re.Pattern[str] | None:
    """The words of a language that name the publication day itself ("today", "vandaag", "сегодня")."""
    if not has_time_lexicon(lang):
        return None
    return _phrases_pattern(word for word, offset in time_lexicon(lang).relative_days.items() if offset == 0)


@cache
def anaphoric_day_words(lang: str) -> re.Pattern[str] | None:
    """The phrases of a language that name a day by the day the text told before ("the same day", "на следующий
    день"); time_lexicon(lang).anaphoric_days gives the offset in days of each."""
    if not has_time_lexicon(lang):
        return None
    return _phrases_pattern(time_lexicon(lang).anaphoric_days)


def anaphoric_day(text: str, lang: str) -> tuple[str, int] | None:
    """The first phrase of text naming a day by the day told before, and its offset in days from that day."""
    pattern = anaphoric_day_words(lang)
    found = pattern.search(text) if pattern is not None else None
    if found is None:
        return None
    return found.group(), time_lexicon(lang).anaphoric_days[_norm(found.group())]


@cache
def _grammar(lang: str) -> _Grammar:
    """Compile every pattern of a language once; no babel calls happen at match time."""
    lex = time_lexicon(lang)
    excluded = set(lex.exclude_forms)
    wide_months = {k: v for k, v in _names("wide", lang, True).items() if k not in excluded}
    wide_months.update({_norm(k): v for k, v in lex.months.items()})
    abbr_months = {k: v for k, v in _names("abbreviated", lang, True).items() if k not in excluded}
    all_months = {**abbr_months, **wide_months}
    weekdays = {k: v for k, v in _names("wide", lang, False).items() if k not in excluded}
    weekdays.update(lex.weekdays)

    flags = re.IGNORECASE
    short_months = set(abbr_months) - set(wide_months)
    month_any = rf"(?:{_alt(wide_months)}|(?:{_alt(short_months)})\.?){_NOT_BEFORE_LETTER}"
    month_wide = rf"(?:{_alt(wide_months)}){_NOT_BEFORE_LETTER}"
    suffixes = rf"(?:{_alt(lex.day_suffixes)})?" if lex.day_suffixes else ""

    def day(name: str) -> str:
        return rf"(?P<{name}>{_DAY_NUMBER}){suffixes}(?!\d)"

    year_suffix = rf"(?:\s*(?:{_alt(lex.year_suffixes)}){_NOT_BEFORE_LETTER})?" if lex.year_suffixes else ""
    year = rf"(?P<y>{_YEAR}){year_suffix}"
    rel_year = rf"(?P<ry>{_alt(lex.relative_years)}){_NOT_BEFORE_LETTER}"
    tail = rf"(?:\s*,?\s*{year}|\s+{rel_year})?"
    symbols = [c for c in lex.range_connectors if not re.search(_L, c)]
    words = [c for c in lex.range_connectors if re.search(_L, c)]
    connector = rf"(?:\s*(?:{_alt(symbols)})\s*|\s+(?:{_alt(words)})\s+)"
    range_prefix = rf"(?:{_NOT_AFTER_WORD}(?P<rp>{_alt(lex.range_prefixes)})\s+)?"
    range_dm_bare = rf"{day('d1')}(?:\s+(?P<m1>{month_any}))?{connector}{day('d2')}\s+(?P<m2>{month_any}){tail}"
    parts = rf"(?:(?P<part>{_alt(lex.period_parts)})(?:\s+|\s*-\s*))?"
    prefix_roles = {**{p: "on" for p in lex.parts_of_day}, **lex.weekday_prefixes}
    prefix_word = _alt(prefix_roles)
    prefixes = rf"(?:(?P<pre>(?:{prefix_word})(?:\s+(?:{prefix_word})){{0,2}})\s+)?"
    pod = rf"(?:\s+(?P<pod>{_alt(lex.parts_of_day)}){_NOT_BEFORE_LETTER})?"

    forms: list[tuple[str, str]] = [
        ("range_dm", rf"{range_prefix}{range_dm_bare}"),
    ]
    if lex.month_first_dates:
        forms.append(("range_md", rf"{range_prefix}(?P<m1>{month_any})\s+{day('d1')}{connector}"
                                  rf"(?:(?P<m2>{month_any})\s+)?{day('d2')}(?:\s*,?\s*{year})?"))
    forms.append(("date_dm", rf"{day('d')}\s+(?P<m>{month_any}){tail}"))
    if lex.month_first_dates:
        forms.append(("date_md", rf"(?P<m>{month_any})\s+{day('d')}(?:\s*,?\s*{year})?"))
    forms.append(("date_iso", rf"(?<![\d-])(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"))
    if lex.numeric_dates:
        forms.append(("date_num", rf"(?P<d>{_DAY_NUMBER})\.(?P<m>[01]?\d)\.(?P<y>{_YEAR})"))
    forms += [
        ("month", rf"(?:(?P<pre>{_alt(lex.month_prefixes)})\s+)?{parts}(?P<m>{month_wide}){tail}"),
        ("month_adj", rf"(?P<madj>{_alt(lex.month_adjectives)}){_L}+{tail}"),
        ("year", rf"(?:(?P<pre>{_alt(lex.year_prefixes)})\s+)?{parts}{year}"),
        ("rel_year", rf"{parts}(?P<rel>{_alt(lex.relative_years)}){_NOT_BEFORE_LETTER}"),
        ("rel_month", rf"{parts}(?P<rel>{_alt(lex.relative_months)}){_NOT_BEFORE_LETTER}"),
        ("rel_week", rf"{parts}(?P<rel>{_alt(lex.relative_weeks)}){_NOT_BEFORE_LETTER}"),
        ("rel_day", rf"{prefixes}(?P<rel>{_alt(lex.relative_days)}){_NOT_BEFORE_LETTER}{pod}"),
        ("weekday", rf"{prefixes}(?P<wd>{_alt(weekdays)})(?P<comp>{_alt(lex.weekday_compounds)})?"
                    rf"{_NOT_BEFORE_LETTER}{pod}"
                    rf"(?:\s+(?P<post>{_alt(lex.weekday_suffixes)}){_NOT_BEFORE_LETTER})?"),
        ("weekend", rf"(?P<we>{_alt(lex.weekends)}){_NOT_BEFORE_LETTER}"),
        ("duration", rf"(?P<dur>{_alt(lex.durations)}){_L}*"),
    ]
    # numbers may be glued to a preceding word in scraped text ("в среду22 февраля")
    bodies = [body if form in _DIGIT_LED else _NOT_AFTER_WORD + body for form, body in forms]
    patterns = tuple((form, re.compile(body, flags)) for (form, _), body in zip(forms, bodies, strict=True))
    lowered_patterns = tuple(re.compile(body) for body in bodies)
    keys = {
        "month": _alt([*all_months, *lex.month_adjectives]), "weekday": _alt(weekdays), "digits": r"\d{4}",
        # whole words, as their patterns want them: else "afgelopen maand|ag" hides the weekday behind it
        "rel_year": f"(?:{_alt(lex.relative_years)}){_NOT_BEFORE_LETTER}",
        "rel_month": f"(?:{_alt(lex.relative_months)}){_NOT_BEFORE_LETTER}",
        "rel_week": f"(?:{_alt(lex.relative_weeks)}){_NOT_BEFORE_LETTER}",
        "rel_day": f"(?:{_alt(lex.relative_days)}){_NOT_BEFORE_LETTER}",
        "duration": _alt(lex.durations),
        "weekend": _alt(lex.weekends),
    }
    # the reference scan reads no week, month or year words and no lengths: a gate without their many keys is
    # tried faster at every word start
    reference_keys = {family: key for family, key in keys.items() if family in _REFERENCE_FAMILIES}

    def words_re(phrases: Iterable[str], stems: bool = False) -> re.Pattern[str]:
        """Whole words, or word beginnings for stems and for entries written with a final "*"."""
        listed = list(phrases)
        whole = [p for p in listed if not stems and not p.endswith("*")]
        starts = [p.rstrip("*") for p in listed if stems or p.endswith("*")]
        return re.compile(rf"(?<!{_L})(?:(?:{_alt(whole)}){_NOT_BEFORE_LETTER}|{_alt(starts)})", flags)

    clause = rf"[;:()\[\]]|,|\s[–—-]\s|(?<!{_L})(?:{_alt(lex.clause_words)}){_NOT_BEFORE_LETTER}"
    return _Grammar(
        lang=lang,
        lex=lex,
        months=all_months,
        weekdays=weekdays,
        prefix_roles={_norm(k): v for k, v in prefix_roles.items()},
        patterns=patterns,
        lowered_patterns=lowered_patterns,
        gate=re.compile(_NOT_AFTER_LETTER + _gate_keys(keys)),
        reference_gate=re.compile(_NOT_AFTER_LETTER + _gate_keys(reference_keys)),
        gate_after_non_letter=re.compile(_NON_LETTER + _gate_keys(keys)),
        reference_gate_after_non_letter=re.compile(_NON_LETTER + _gate_keys(reference_keys)),
        prefix_word_re=re.compile(rf"(?<!{_L})(?:{prefix_word}){_NOT_BEFORE_LETTER}", flags),
        clause_re=re.compile(clause, flags),
        report_re=words_re(lex.report_words),
        complement_re=re.compile(
            rf",?\s*(?<!{_L})(?:{_alt(lex.complement_words)}){_NOT_BEFORE_LETTER}", flags),
        future_re=words_re(lex.future_words),
        start_re=words_re(lex.start_words, stems=True),
        end_re=words_re(lex.end_words, stems=True),
        blocker_re=re.compile(rf"(?<!{_L})(?:{_alt(lex.relative_day_blockers)})\s+$", flags),
        ongoing_re=words_re(lex.ongoing_words),
        clock_re=re.compile(rf"(?<!\d)[0-2]?\d(?:[.:][0-5]\d)?\s*(?:{_alt(lex.clock_suffixes)})(?!{_L})"
                            r"|(?<!\d)[0-2]?\d[.:][0-5]\d(?!\d)", re.IGNORECASE),
        zone_re=re.compile(rf"(?<!{_L})(?:{_TIME_ZONES}|{_alt(lex.local_time_zones)})(?!{_L})"),
        range_dm_bare=(None if any(re.search(r"\d", p) for p in lex.range_prefixes)
                       else re.compile(range_dm_bare)),
        range_prefix_end=re.compile(rf"{_NOT_AFTER_WORD}(?:{_alt(lex.range_prefixes)})\s+\Z"),
    )


# --------------------------------------------------------------------------------------------
# Date arithmetic
# --------------------------------------------------------------------------------------------

_ONE_DAY = timedelta(days=1)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _strictly_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def _middle(low: date, high: date) -> date:
    """Middle day of an interval; July 1 for a whole year, the 15th for a 30/31-day month."""
    return low + timedelta(days=max(0, (high - low).days - 1) // 2)


def _clamp(day: date, low: date, high: date) -> date:
    return max(low, min(day, high))


def _apply_part(low: date, high: date, part: str | None, pub: date) -> tuple[date, date]:
    """Narrow a period to its first/middle/last third, or to before/after the publication day."""
    if part is None:
        return low, high
    if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31) and part in ("early", "mid", "late"):
        first_month = {"early": 1, "mid": 5, "late": 9}[part]  # a year's thirds are whole months
        return date(low.year, first_month, 1), _month_end(low.year, first_month + 3)
    if part == "before":
        return low, max(low, min(high, pub - _ONE_DAY))
    if part == "after":
        return min(high, max(low, pub + _ONE_DAY)), high
    third = ((high - low).days + 1) // 3
    if part == "early":
        return low, low + timedelta(days=max(third - 1, 0))
    if part == "mid":
        return low + timedelta(days=third), high - timedelta(days=third)
    return high - timedelta(days=max(third - 1, 0)), high


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Found:
    """A TimeExpression plus what resolution needs and the public type does not carry."""

    expr: TimeExpression
    roles: frozenset[str]
    days: int = 0  # duration length; 0 for other kinds or an unknown length


# the gate family whose key words every match of a pattern contains (default: the form itself)
_FAMILY: dict[str, str] = {
    "range_dm": "month", "range_md": "month", "date_dm": "month", "date_md": "month", "month": "month",
    "month_adj": "month",
    "date_iso": "digits", "date_num": "digits", "year": "digits",
}
_DIGIT_LED = frozenset({"range_dm", "date_dm", "date_num"})  # patterns guarding their own left edge
# what every match of a pattern holds: a stretch without it is skipped by one fast search (most stretches
# around a month or a year hold no numeric date, and the patterns, which open with a lookbehind, try each position)
_REQUIRED: dict[str, re.Pattern[str]] = {
    **{form: re.compile(r"\d") for form in ("range_dm", "range_md", "date_dm", "date_md")},
    "date_iso": re.compile(r"\d{4}-\d\d-\d\d"),
    "date_num": re.compile(r"\d\.\d{1,2}\.\d{4}"),
}
_Interval = tuple[date, date, date]  # (low, high, best) for one publication day


def _spread(
    ref: DocumentReference, per_pub: Callable[[date], _Interval], future: bool
) -> tuple[_Interval, bool]:
    """Evaluate a rule for the earliest, best and latest publication day and join the results;
    a past reading is cut at the latest publication day, and one lying wholly after it is future."""
    lows, highs, bests = zip(*(per_pub(p) for p in (ref.pub_min, ref.pub_best, ref.pub_max)), strict=True)
    low, high, best = min(lows), max(highs), bests[1]
    future = future or low > ref.pub_max
    if not future:
        high = min(high, ref.pub_max)
    return (low, high, _clamp(best, low, high)), future


def _roles(g: _Grammar, prefix: str | None) -> frozenset[str]:
    if not prefix:
        return frozenset()
    return frozenset(g.prefix_roles.get(_norm(m.group(0)), "on") for m in g.prefix_word_re.finditer(prefix))


def _since_role(g: _Grammar, prefix: str | None) -> frozenset[str]:
    """{"since"} for a month or year after a "since" word ("the first visit since 2007"), else nothing."""
    return _roles(g, prefix) & {"since"}


def _group(m: re.Match[str], name: str) -> str | None:
    # groupdict() would build a dict of every group of the pattern for one of them
    return m.group(name) if name in m.re.groupindex else None


def _capitalised(g: _Grammar, token: str | None) -> bool:
    return not g.lex.capitalized_names or token is None or token[:1].isupper()


def _rel_year_offset(g: _Grammar, m: re.Match[str]) -> int | None:
    phrase = _group(m, "ry")
    return None if phrase is None else g.lex.relative_years[_norm(phrase)][0]


def _infer_year(day: int, month: int, ref: DocumentReference) -> int | None:
    """Year of a date stated without one: the reference year, or the year before if that is later."""
    year = ref.pub_best.year
    try:
        if date(year, month, day) > ref.pub_max:
            year -= 1
        date(year, month, day)
    except ValueError:
        return None
    return year


def _expr(m: re.Match[str], kind: str, interval: _Interval, basis: str, future: bool) -> TimeExpression:
    low, high, best = interval
    return TimeExpression(m.start(), m.end(), m.group(0), kind, low, high, best, basis, future)


def _build_date(g: _Grammar, m: re.Match[str], ref: DocumentReference | None) -> _Found | None:
    if not _capitalised(g, _group(m, "m")):
        return None
    raw_month = m.group("m")
    month = int(raw_month) if raw_month.isdigit() else g.months[_norm(raw_month).rstrip(".")]
    day_number = int(m.group("d"))
    stated, offset = _group(m, "y"), _rel_year_offset(g, m)
    if stated is not None:
        year, how = int(stated), "year stated"
    elif offset is not None and ref is not None:
        year, how = ref.pub_best.year + offset, "year relative to publication"
    elif ref is not None:
        inferred = _infer_year(day_number, month, ref)
        if inferred is None:
            return None
        year = inferred
        how = "year of publication" if year == ref.pub_best.year else "year before publication (later date)"
    else:
        return None
    try:
        day = date(year, month, day_number)
    except ValueError:
        return None
    future = ref is not None and day > ref.pub_max
    basis = f'explicit date "{m.group(0)}" -> {day.isoformat()} ({how})'
    return _Found(_expr(m, "explicit_date", (day, day, day), basis, future), frozenset())


def _build_range(g: _Grammar, m: re.Match[str], ref: DocumentReference | None) -> _Found | None:
    if not (_capitalised(g, _group(m, "m1")) and _capitalised(g, _group(m, "m2"))):
        return None
    month2 = g.months[_norm(m.group("m2") or m.group("m1")).rstrip(".")]
    month1 = g.months[_norm(m.group("m1")).rstrip(".")] if m.group("m1") else month2
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    stated, offset = _group(m, "y"), _rel_year_offset(g, m)
    if stated is not None:
        year2 = int(stated)
        year1 = year2 - 1 if month1 > month2 else year2
    elif ref is not None:
        inferred = ref.pub_best.year + offset if offset is not None else _infer_year(d1, month1, ref)
        if inferred is None:
            return None
        year1 = inferred
        year2 = year1 + 1 if month2 < month1 else year1
    else:
        return None
    try:
        first, last = date(year1, month1, d1), date(year2, month2, d2)
    except ValueError:
        return None
    if last < first or (last - first).days > 62:
        return None
    future = ref is not None and first > ref.pub_max
    basis = f'explicit range "{m.group(0)}" -> {first.isoformat()}..{last.isoformat()}'
    return _Found(_expr(m, "explicit_range", (first, last, first), basis, future), frozenset())


_OPENERS = frozenset({"", ".", "!", "?", "«", '"', "„", "“", "(", "-", "–", "—"})


def _build_month(g: _Grammar, m: re.Match[str], ref: DocumentReference | None) -> _Found | None:
    prefix, part_word = _group(m, "pre"), _group(m, "part")
    stated, offset = _group(m, "y"), _rel_year_offset(g, m)
    adjective = _group(m, "madj")  # "майского визита": the adjective says the month on its own
    if adjective is None and prefix is None and part_word is None and stated is None and offset is None:
        return None  # a bare month name is too often something else ("May", "Mars")
    if adjective is None and not _capitalised(g, m.group("m")):
        return None
    if adjective is not None and adjective[:1].isupper() and m.string[:m.start()].rstrip()[-1:] not in _OPENERS:
        return None  # capitalised inside a sentence: a name ("Октябрьский район", "посёлок Майский")
    month = g.lex.month_adjectives[_norm(adjective)] if adjective is not None else g.months[_norm(m.group("m"))]
    role = g.lex.month_prefixes.get(_norm(prefix)) if prefix else "in"
    part = g.lex.period_parts[_norm(part_word)] if part_word else None
    if stated is None and ref is None:
        return None

    def per_pub(pub: date) -> _Interval:
        if stated is not None:
            year = int(stated)
        elif offset is not None:
            year = pub.year + offset
        elif role == "past":
            year = pub.year if month < pub.month else pub.year - 1
        elif role == "future":
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        low, high = _apply_part(date(year, month, 1), _month_end(year, month), part, pub)
        return low, high, _middle(low, min(high, pub) if low <= pub else high)

    if ref is None:
        low, high, best = per_pub(date(int(str(stated)), 12, 31))  # a stated year needs no reference
        return _Found(_expr(m, "month_name", (low, high, best), f'month "{m.group(0)}"', False),
                      _since_role(g, prefix))
    future = role == "future" or (offset or 0) > 0 or per_pub(ref.pub_max)[0] > ref.pub_max
    (low, high, best), future = _spread(ref, per_pub, future)
    basis = f'month "{m.group(0)}" -> {low.isoformat()}..{high.isoformat()}'
    if stated is None and offset is None:
        basis += f" (latest {_MONTH_EN[month]} {'before' if role == 'past' else 'not after'} publication)"
    return _Found(_expr(m, "month_name", (low, high, best), basis, future), _since_role(g, prefix))


def _build_year(g: _Grammar, m: re.Match[str], ref: DocumentReference | None) -> _Found | None:
    if _group(m, "pre") is None and _group(m, "part") is None and m.end() == m.end("y"):
        return None  # a bare number may be an amount
    year = int(m.group("y"))
    part_word = _group(m, "part")
    part = g.lex.period_parts[_norm(part_word)] if part_word else None
    pub = ref.pub_best if ref is not None else date(year, 12, 31)
    low, high = _apply_part(date(year, 1, 1), date(year, 12, 31), part, pub)
    future = ref is not None and low > ref.pub_max
    if ref is not None and not future:
        high = max(low, min(high, ref.pub_max))
    best = _middle(low, high)
    basis = f'year "{m.group(0)}" -> {low.isoformat()}..{high.isoformat()}'
    return _Found(_expr(m, "year", (low, high, best), basis, future), _since_role(g, _group(m, "pre")))


def _names_a_month_next(g: _Grammar, text: str, position: int) -> bool:
    """Whether the next word after position is a month's name ("... van de maand januari", "в конце месяца мая")."""
    following = re.match(r"\s+(\w+)", text[position:position + 30])
    return following is not None and _norm(following.group(1)) in g.months


def _build_relative_period(
    g: _Grammar, m: re.Match[str], ref: DocumentReference | None, kind: str
) -> _Found | None:
    if ref is None:
        return None
    table = {"relative_week": g.lex.relative_weeks, "relative_month": g.lex.relative_months,
             "year": g.lex.relative_years}[kind]
    if kind == "relative_month" and _names_a_month_next(g, m.string, m.end()):
        return None  # "eind van de maand januari": the month is named, this is no month of the publication
    whole = _norm(m.group(0))
    if whole in table:  # the lexicon's own reading of the whole phrase wins over part + phrase
        offset, part = table[whole]
    else:
        offset, part = table[_norm(m.group("rel"))]
        part_word = _group(m, "part")
        if part_word:
            part = g.lex.period_parts[_norm(part_word)]

    def per_pub(pub: date) -> _Interval:
        if kind == "relative_week":
            low = _monday(pub) + timedelta(weeks=offset)
            high = low + timedelta(days=6)
        elif kind == "relative_month":
            year, month = _add_months(pub.year, pub.month, offset)
            low, high = date(year, month, 1), _month_end(year, month)
        else:
            low, high = date(pub.year + offset, 1, 1), date(pub.year + offset, 12, 31)
        low, high = _apply_part(low, high, part, pub)
        return low, high, _middle(low, min(high, pub) if low <= pub else high)

    future = offset > 0 or part == "after"
    interval, future = _spread(ref, per_pub, future)
    basis = f'{kind.replace("_", " ")} "{m.group(0)}" (offset {offset:+d}) -> ' \
            f"{interval[0].isoformat()}..{interval[1].isoformat()}"
    return _Found(_expr(m, kind, interval, basis, future), frozenset())


def _build_relative_day(
    g: _Grammar, m: re.Match[str], ref: DocumentReference | None, text: str
) -> _Found | None:
    if ref is None:
        return None
    rel = _norm(m.group("rel"))
    whole = _norm(m.group(0))
    if whole in g.lex.relative_days:  # "deze morgen" is this morning, not "deze" + tomorrow
        rel = whole
    if g.blocker_re.search(text, max(0, m.start() - 20), m.start()) and not m.group("pre"):
        return None  # "in de morgen" is a time of day, not tomorrow
    if rel in g.lex.eve_words and _is_eve_of_something(g, text, m.end()):
        return None  # "накануне визита" is the eve of an event, not the day before publication
    offset = g.lex.relative_days[rel]
    low, high = ref.pub_min + timedelta(days=offset), ref.pub_max + timedelta(days=offset)
    best = ref.pub_best + timedelta(days=offset)
    basis = f'relative day "{m.group(0)}" ({offset:+d}) -> {best.isoformat()}'
    return _Found(_expr(m, "relative_day", (low, high, best), basis, offset > 0), _roles(g, _group(m, "pre")))


def _is_eve_of_something(g: _Grammar, text: str, end: int) -> bool:
    following = re.match(r"\s+([^\W\d_]+)", text[end:end + 40])
    if following is None:
        return False
    word = following.group(1)
    if not word.islower():
        return False
    lowered = word.lower()
    if any(lowered.endswith(e) for e in g.lex.eve_verb_endings):
        return False
    return any(lowered.endswith(e) for e in g.lex.eve_object_endings)


def _weekday_rule(roles: frozenset[str], weekday: int) -> tuple[Callable[[date], date], str]:
    """Map a publication day to the day a weekday mention means, with a description of the rule."""
    name = _WEEKDAY_EN[weekday]
    if "future" in roles:
        return (lambda pub: _strictly_after(pub, weekday)), f"first {name} after"
    if "prev_week" in roles:
        return (lambda pub: _monday(pub) - timedelta(days=7 - weekday)), f"{name} of the week before"
    if "next_week" in roles:
        return (lambda pub: _monday(pub) + timedelta(days=7 + weekday)), f"{name} of the week after"
    if "past" in roles:
        return (lambda pub: _on_or_before(pub - _ONE_DAY, weekday)), f"most recent {name} before"
    return (lambda pub: _on_or_before(pub, weekday)), f"most recent {name} on or before"


def _build_weekday(g: _Grammar, m: re.Match[str], ref: DocumentReference | None) -> _Found | None:
    if ref is None or not _capitalised(g, m.group("wd")):
        return None
    token = _norm(m.group("wd"))
    post = _group(m, "post")
    if token in g.lex.weekdays_need_prefix and not _group(m, "pre") and not post:
        return None  # "окружающую среду" is the environment, "в среду" is Wednesday
    weekday = g.weekdays[token]
    roles = _roles(g, _group(m, "pre"))
    if post:
        roles |= {g.lex.weekday_suffixes[_norm(post)]}
    rule, description = _weekday_rule(roles, weekday)
    future = bool(roles & {"future", "next_week"})

    def on_its_day(pub: date) -> _Interval:
        day = rule(pub)  # one weekday is its own interval: the rule once, not three times
        return day, day, day

    interval, future = _spread(ref, on_its_day, future)
    basis = f'weekday "{m.group(0)}" -> {description} {ref.pub_best.isoformat()}'
    if ref.pub_min != ref.pub_max:
        basis += f" (publication {ref.pub_min.isoformat()}..{ref.pub_max.isoformat()})"
    return _Found(_expr(m, "weekday", interval, basis, future), roles)


def _build_weekend(g: _Grammar, m: re.Match[str], ref: DocumentReference | None) -> _Found | None:
    """The Saturday and Sunday of the latest weekend at or before publication, cut at publication ("over
    the weekend"); for a past word ("last weekend") the latest weekend wholly before publication."""
    if ref is None:
        return None
    past = g.lex.weekends[_norm(m.group("we"))] == "past"

    def per_pub(pub: date) -> _Interval:
        saturday = _on_or_before(pub - timedelta(days=2) if past else pub, 5)
        return saturday, min(saturday + _ONE_DAY, pub), saturday

    interval, future = _spread(ref, per_pub, False)
    basis = f'weekend "{m.group(0)}" -> {interval[0].isoformat()}..{interval[1].isoformat()}'
    return _Found(_expr(m, "weekend", interval, basis, future), frozenset())


def _build_duration(g: _Grammar, m: re.Match[str], ref: DocumentReference | None) -> _Found:
    days = g.lex.durations[_norm(m.group("dur"))]
    anchor = ref.pub_best if ref is not None else date.min
    interval = (anchor, anchor + timedelta(days=max(days - 1, 0)), anchor)
    length = f"{days} days" if days else "several days (length unknown)"
    basis = f'duration "{m.group(0)}" -> {length}; dates are placeholders from the publication day'
    return _Found(_expr(m, "duration", interval, basis, False), frozenset(), days)


def _build(
    form: str, g: _Grammar, m: re.Match[str], text: str, ref: DocumentReference | None
) -> _Found | None:
    if form in ("date_dm", "date_md", "date_iso", "date_num"):
        return _build_date(g, m, ref)
    if form in ("range_dm", "range_md"):
        return _build_range(g, m, ref)
    if form in ("month", "month_adj"):
        return _build_month(g, m, ref)
    if form == "year":
        return _build_year(g, m, ref)
    if form == "rel_year":
        return _build_relative_period(g, m, ref, "year")
    if form == "rel_month":
        return _build_relative_period(g, m, ref, "relative_month")
    if form == "rel_week":
        return _build_relative_period(g, m, ref, "relative_week")
    if form == "rel_day":
        return _build_relative_day(g, m, ref, text)
    if form == "weekday":
        return _build_weekday(g, m, ref)
    if form == "weekend":
        return _build_weekend(g, m, ref)
    return _build_duration(g, m, ref)


# Every time expression holds a word of its family's gate; none is longer than this on either side of it.
_WINDOW_REACH = 120
_WINDOW_MIN_TEXT = 2000


def _windows(positions: list[int], length: int) -> list[tuple[int, int]]:
    """Merged stretches of the text around the gate's hits, each reaching _WINDOW_REACH either way."""
    merged: list[tuple[int, int]] = []
    for pos in sorted(positions):
        low, high = max(0, pos - _WINDOW_REACH), min(length, pos + _WINDOW_REACH)
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


# What the publication reference reads: stated dates, "today", weekdays (not months, years, weeks, lengths).
_REFERENCE_FORMS = frozenset({"range_dm", "range_md", "date_dm", "date_md", "date_iso", "date_num", "rel_day",
                              "weekday"})
_REFERENCE_FAMILIES = frozenset(_FAMILY.get(form, form) for form in _REFERENCE_FORMS)


# a gate's key is tried only where no letter precedes (a digit may: "в среду22 февраля"), a third of the cost
_NOT_AFTER_LETTER = rf"(?<!{_L})"
_NON_LETTER = r"[\W\d_]"


def _gate_keys(keys: dict[str, str]) -> str:
    """One alternation of the families' key words, each in a group named by its family."""
    # case-sensitive on lower-cased text: IGNORECASE defeats the first-character prefilter of re
    return "(?:" + "|".join(f"(?P<{family}>{key})" for family, key in keys.items()) + ")"


def _gate_hits(g: _Grammar, lowered: str, reference: bool) -> dict[str, list[int]]:
    """Where the key words of each family start in a lowered text, as the (reference) gate finds them.

    The gate opens on a lookbehind, so re tries it at every position; its keys after one consumed non-letter
    open on a character class, which re skips to in C. A match there is the gate's match one position on; one
    non-letter may end the match before it, hence each search from the last position of the one before."""
    gate, after_non_letter = ((g.reference_gate, g.reference_gate_after_non_letter) if reference
                              else (g.gate, g.gate_after_non_letter))
    hits: dict[str, list[int]] = {}
    end = 0
    if (first := gate.match(lowered)) is not None:  # a key opening the text follows no character
        hits[str(first.lastgroup)] = [first.start()]
        end = first.end()
    while (m := after_non_letter.search(lowered, max(end - 1, 0))) is not None:
        hits.setdefault(str(m.lastgroup), []).append(m.start() + 1)
        end = m.end()
    return hits


def _range_dm_matches(bare: re.Pattern[str], prefix_end: re.Pattern[str], lowered_pattern: re.Pattern[str],
                      lowered: str, low: int, high: int) -> Iterator[re.Match[str]]:
    """lowered_pattern.finditer(lowered, low, high) for range_dm, found from its matches without the prefix word.

    The pattern's optional prefix word at its head leaves re to try it at every position; most stretches hold
    no range, which the prefix-free form, opening with a digit, tells in C. A prefix word and the spaces after it
    hold no digit, so a match starting before the first prefix-free match ends its prefix just there."""
    pos = low
    while (first := bare.search(lowered, pos, high)) is not None:
        prefix = prefix_end.search(lowered, pos, first.start())
        found = lowered_pattern.match(lowered, first.start() if prefix is None else prefix.start(), high)
        if found is None:  # cannot happen by the argument above; the plain scan decides if it ever did
            yield from lowered_pattern.finditer(lowered, pos, high)
            return
        yield found
        pos = found.end()


def _matches(pattern: re.Pattern[str], lowered_pattern: re.Pattern[str], text: str, lowered: str, low: int,
             high: int, same_positions: bool, range_dm: tuple[re.Pattern[str], re.Pattern[str]] | None = None
             ) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, low, high), found on the lowered text when it has the text's positions (for
    range_dm, given its prefix-free form and prefix end, from the matches of that form)."""
    if not same_positions:
        yield from pattern.finditer(text, low, high)
        return
    resume = low
    lowered_found = (lowered_pattern.finditer(lowered, low, high) if range_dm is None
                     else _range_dm_matches(*range_dm, lowered_pattern, lowered, low, high))
    for found in lowered_found:
        again = pattern.match(text, found.start(), high)
        if again is None or again.end() != found.end():
            break  # a letter whose case folding differs from lower(): from here the scan of the text decides
        yield again
        resume = again.end()
    else:
        return
    yield from pattern.finditer(text, resume, high)


def _scan(text: str, lang: str, ref: DocumentReference | None,
          forms: frozenset[str] | None = None) -> list[_Found]:
    """All time expressions of a text (of the given forms only, when given); overlaps go to the longest, then
    the first pattern, then leftmost."""
    g = _grammar(lang)
    lowered = text.lower()
    hits = _gate_hits(g, lowered, forms is not None and forms <= _REFERENCE_FORMS)
    # a long text is scanned only around its time words; lower() may change the length (İ), then all of it
    windowed = len(text) > _WINDOW_MIN_TEXT and len(lowered) == len(text)
    candidates: list[tuple[int, int, int, _Found]] = []
    # where lower() kept every position, the lowered text is searched case-sensitively and each match is taken
    # again from the text itself (its words, in their case, go into the row's date basis)
    same_positions = len(lowered) == len(text)
    range_dm = None if g.range_dm_bare is None else (g.range_dm_bare, g.range_prefix_end)
    for priority, (form, pattern) in enumerate(g.patterns):
        family = _FAMILY.get(form, form)
        if family not in hits or (forms is not None and form not in forms):
            continue  # most sentences hold no time word at all: skip the expensive patterns
        spans = _windows(hits[family], len(text)) if windowed else [(0, len(text))]
        required = _REQUIRED.get(form)
        for low, high in spans:
            if required is not None and required.search(text, low, high) is None:
                continue
            for m in _matches(pattern, g.lowered_patterns[priority], text, lowered, low, high, same_positions,
                              range_dm if form == "range_dm" else None):
                found = _build(form, g, m, text, ref)
                if found is not None:
                    candidates.append((m.start(), m.end(), priority, found))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[_Found] = []
    for start, end, _, found in candidates:
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            chosen.append(found)
    chosen.sort(key=lambda f: f.expr.start)
    return chosen


def find_time_expressions(text: str, lang: str, ref: DocumentReference) -> list[TimeExpression]:
    """Every time expression of a text, resolved against the publication reference, in text order.

    A language without a time lexicon has none.
    """
    if not has_time_lexicon(lang):
        return []
    return [found.expr for found in _scan(text, lang, ref)]


# --------------------------------------------------------------------------------------------
# Publication reference
# --------------------------------------------------------------------------------------------

_HEADER_RE = re.compile(r"^\s*date\s+(\S+)", re.IGNORECASE)


def parse_header_date(value: str) -> tuple[date | None, str]:
    """Parse a header date ("2023-02", "2023-02-24") or a text whose first line is `date ...`.

    Returns (date, precision) with precision "day", "month", "year", "invalid" or "missing";
    a month gives its first day.
    """
    stripped = value.strip()
    header = _HEADER_RE.match(value)
    if header is not None:
        token = header.group(1)
    elif re.match(r"^\d{4}(?:-|$)", stripped):
        token = stripped.split()[0]
    else:
        return None, "missing"
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
            return date.fromisoformat(token), "day"
        if re.fullmatch(r"\d{4}-\d{2}", token):
            return date(int(token[:4]), int(token[5:]), 1), "month"
        if re.fullmatch(r"\d{4}", token):
            return date(int(token), 1, 1), "year"
    except ValueError:
        return None, "invalid"
    return None, "invalid"


def _in_future_context(g: _Grammar, text: str, start: int) -> bool:
    """A future word earlier in the same clause ("will travel on Monday") makes a weekday unusable."""
    clause_start = max(text.rfind(c, 0, start) for c in ".!?;\n,")
    return g.future_re.search(text, clause_start + 1, start) is not None


def _stated_in_past(g: _Grammar, text: str, expr: TimeExpression) -> bool:
    """Whether a stated date may bound publication from below: no future word in its sentence
    (announcements name later days of the same month) and no "until" word right before it."""
    sentence_start = max(text.rfind(c, 0, expr.start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, expr.end) for c in ".!?\n") if i >= 0]
    if g.future_re.search(text, sentence_start, min(ends, default=len(text))):
        return False
    before = re.search(r"(\S+(?:\s+\S+)?)\s*$", text[max(0, expr.start - 30):expr.start])
    if before is None:
        return True
    words = _norm(before.group(1)).split()
    return not any(g.prefix_roles.get(w) == "until" for w in [*words[-1:], " ".join(words)])


def _best_publication_day(
    candidates: list[date], mentions: list[Callable[[date], date]], anchor: date | None = None
) -> date:
    """The publication day that makes all weekday mentions the most compact run ending on it.

    Ties go to the day on which the first mentioned weekday (news leads with the newest fact)
    falls closest before; weekdays repeat every week, so remaining ties (the same weekday in
    different weeks) go to the day nearest the anchor (the latest date the text states, since news
    is published soon after it; else the middle of the window), then the earliest. The mentions are
    rules of _weekday_rule.
    """
    middle = anchor or candidates[0] + (candidates[-1] - candidates[0]) / 2
    # a weekday rule puts its day at a lag from publication that only the publication's weekday sets: the
    # mentions are mapped for one candidate of each weekday, not for each of up to 366 candidates
    lags: dict[int, tuple[int, int]] = {}
    for pub in candidates:
        if pub.weekday() not in lags:
            mapped = [rule(pub) for rule in mentions]
            lags[pub.weekday()] = (pub - min(mapped)).days, (pub - mapped[0]).days
            if len(lags) == 7:
                break
    # the lags decide first, so only the days of the best weekdays compete on nearness: one comparison of
    # two fields per day instead of a key of four
    best_lags = min(lags.values())
    best_weekdays = {weekday for weekday, lag in lags.items() if lag == best_lags}
    return min((pub for pub in candidates if pub.weekday() in best_weekdays),
               key=lambda pub: (abs((pub - middle).days), pub))


def infer_reference(
    text: str, lang: str, header_date: date | None, header_precision: str
) -> DocumentReference | None:
    """What the header and the text say about the publication day; None when nothing does.

    header_precision is "day", "month" or "year" (anything else means no usable header).
    """
    if header_date is not None and header_precision == "day":
        return DocumentReference(header_date, header_date, header_date, "header_day")
    if header_date is not None and header_precision in ("month", "year"):
        low = header_date.replace(day=1) if header_precision == "month" else date(header_date.year, 1, 1)
        high = (_month_end(low.year, low.month) if header_precision == "month"
                else date(low.year, 12, 31))
        if not has_time_lexicon(lang):
            return DocumentReference(low, high, _middle(low, high), f"header_{header_precision}")
        return _narrow_reference(text, _grammar(lang), low, high, f"header_{header_precision}")
    if not has_time_lexicon(lang):
        return None
    return _reference_from_text(text, lang)


def _narrow_reference(text: str, g: _Grammar, low: date, high: date, basis: str) -> DocumentReference:
    """Narrow a header period with the explicit dates, "today, <date>" and the weekday mentions."""
    found = _scan(text, g.lang, DocumentReference(low, high, high, basis), _REFERENCE_FORMS)
    usable = [f for f in found if not f.expr.future and "until" not in f.roles
              and not _in_future_context(g, text, f.expr.start)]
    pub_min, pub_max = low, high
    stated = [f.expr.date_min for f in found
              if f.expr.kind in ("explicit_date", "explicit_range") and low <= f.expr.date_min <= high
              and _stated_in_past(g, text, f.expr)]
    if stated:
        pub_min = max(stated)
        basis += "+explicit_date"
    dateline = _dateline_day(text, found, pub_min, pub_max)
    if dateline is not None:
        return DocumentReference(dateline, dateline, dateline, basis.replace("+explicit_date", "") + "+dateline")
    today_weekday: int | None = None
    for here, after in itertools.pairwise(found):
        if here.expr.kind != "relative_day" or here.expr.event_date != high:
            continue  # only a same-day word ("today", "сегодня") can pin the day
        if not re.fullmatch(r"[\s,(–—-]*", text[here.expr.end:after.expr.start]):
            continue
        if after.expr.kind == "explicit_date" and pub_min <= after.expr.event_date <= pub_max:
            day = after.expr.event_date
            return DocumentReference(day, day, day, basis.replace("+explicit_date", "") + "+today_date")
        if after.expr.kind == "weekday":
            today_weekday = after.expr.event_date.weekday()
    step = 1  # the candidate publication days run from pub_min to pub_max by this many days
    if today_weekday is not None:
        first = pub_min + timedelta(days=(today_weekday - pub_min.weekday()) % 7)
        if first <= pub_max:
            pub_min, pub_max, step = first, first + timedelta(days=(pub_max - first).days // 7 * 7), 7
            basis += "+today_weekday"
    # a weekday naming a stated date ("во вторник, 13 августа") says nothing about recency
    labels = {id(here) for here, after in itertools.pairwise(found)
              if here.expr.kind == "weekday" and after.expr.kind in ("explicit_date", "explicit_range")
              and re.fullmatch(r"[\s,]*", text[here.expr.end:after.expr.start])}
    # every resolved weekday mention falls on its weekday, so the weekday number comes from its date
    rules = [_weekday_rule(f.roles, f.expr.event_date.weekday())[0]
             for f in usable if f.expr.kind == "weekday" and id(f) not in labels]
    if rules:
        # the candidate days are made only here: most documents name no weekday
        candidates = [pub_min + timedelta(days=i) for i in range(0, (pub_max - pub_min).days + 1, step)]
        best = _best_publication_day(candidates, rules, pub_min if stated else None)
        return DocumentReference(pub_min, pub_max, best, basis + "+weekdays")
    best = pub_min if stated or today_weekday is not None else _middle(pub_min, pub_max)
    return DocumentReference(pub_min, pub_max, best, basis)


# A wire dateline opens the body with the place in capitals and the day of the dispatch ("KYIV, Feb 20 (Reuters) -",
# "МОСКВА, 22 мая. /ТАСС/.", "DEN HAAG, 3 juni (ANP) -"): that day is the publication day. It stands near the top.
_DATELINE_REACH = 600
_DATELINE_PLACE_CHARS = 40


def _dateline_day(text: str, found: list[_Found], low: date, high: date) -> date | None:
    """The day of a dateline: an explicit date right after a line's opening place in capitals and a comma."""
    for f in found:
        if f.expr.start > _DATELINE_REACH:
            break
        if f.expr.kind != "explicit_date" or not low <= f.expr.event_date <= high:
            continue
        line_start = text.rfind("\n", 0, f.expr.start) + 1
        place = text[line_start:f.expr.start].strip()
        if place.endswith(",") and 2 < len(place) <= _DATELINE_PLACE_CHARS and place[:-1].isupper():
            return f.expr.event_date
    return None


def _reference_from_text(text: str, lang: str) -> DocumentReference | None:
    """No usable header: the latest explicit date with a year, assumed published within a month."""
    g = _grammar(lang)
    dated = [f.expr.date_min for f in _scan(text, lang, None, _REFERENCE_FORMS)
             if f.expr.kind in ("explicit_date", "explicit_range") and _stated_in_past(g, text, f.expr)]
    if not dated:
        return None
    latest = max(dated)
    return DocumentReference(latest, latest + _NO_HEADER_WINDOW, latest, "explicit_date")


# --------------------------------------------------------------------------------------------
# Resolution of one event
# --------------------------------------------------------------------------------------------

def _clause_breaks(sentence: str, g: _Grammar) -> list[tuple[int, bool]]:
    """Positions of clause boundaries; True marks punctuation (which a bare adverbial may ignore)."""
    return [(m.start(), not m.group(0)[:1].isalpha()) for m in g.clause_re.finditer(sentence)]


def _reported_from(
    sentence: str, g: _Grammar, breaks: list[tuple[int, bool]], expr: TimeExpression, t_start: int
) -> int | None:
    """Where the complement of a reporting verb starts ("In May it was announced that ...", "В мае было
    объявлено, что ...") when the expression stands in the reporting clause and the trigger after it: what
    is announced is dated by the announcement, so the boundaries up to there do not count."""
    if not g.lex.report_words or not g.lex.complement_words or expr.end > t_start:
        return None
    clause_start = max((p for p, _ in breaks if p < expr.start), default=0)
    for position, _ in breaks:
        if expr.end <= position < t_start:
            opening = g.complement_re.match(sentence, position)
            if opening is not None and g.report_re.search(sentence, clause_start, position):
                return opening.end()
    return None


def _breaks_between(
    sentence: str, g: _Grammar, breaks: list[tuple[int, bool]], expr: TimeExpression, t_start: int, t_end: int
) -> int:
    """Clause boundaries between an expression and the trigger, ignoring the commas around a bare
    adverbial ("On Friday, ...", ", 19 апреля,") which belongs to the clause it stands in, and those before
    the complement of a reporting verb the expression dates."""
    before = [p for p, punct in breaks if punct and p < expr.start]
    after = [p for p, punct in breaks if punct and p >= expr.end]
    left = before[-1] if before else -1
    right = after[0] if after else len(sentence)
    around = sentence[left + 1:expr.start] + " " + sentence[expr.end:right]
    bare = len(re.findall(r"\w+", around)) <= 1
    low, high = (expr.end, t_start) if expr.end <= t_start else (t_end, expr.start)
    reported = _reported_from(sentence, g, breaks, expr, t_start)
    if reported is not None:
        low = reported
    count = 0
    for position, punct in breaks:
        if low <= position < high and not (bare and punct and position in (left, right)):
            # "Last year, when Scholz visited Ankara": the clause a fronted adverbial opens with its subordinator
            # happened in the adverbial's time too
            if bare and not punct and expr.end <= right < position and not sentence[right + 1:position].strip():
                continue
            count += 1
    return count


def _distance(expr: TimeExpression, t_start: int, t_end: int) -> int:
    return max(0, expr.start - t_end, t_start - expr.end)


_REPORTING_LAG = timedelta(days=7)


def publication_date(ref: DocumentReference) -> ResolvedDate:
    """No day in the sentence: news reports the last days before publication, which may lie in the
    month before the header's, so the interval starts a week before the earliest publication day.

    When the publication day is known (a dated header, a dateline, "today, 5 March") that week is the interval;
    a day only inferred from weekdays may be wrong, so the interval then reaches back to the month's start.
    """
    if ref.pub_min == ref.pub_max and "weekday" not in ref.basis:
        return ResolvedDate(ref.pub_best, ref.pub_min - _REPORTING_LAG, ref.pub_max, "week", "publication")
    low = (ref.pub_min - _NO_HEADER_WINDOW if ref.basis.startswith("explicit_date")
           else ref.pub_min.replace(day=1) - _REPORTING_LAG)
    return ResolvedDate(ref.pub_best, low, ref.pub_max, "month", "publication")


def _resolved(event: date, low: date, high: date, precision: str, basis: str) -> ResolvedDate:
    low, high = min(low, event, high), max(high, event, low)
    return ResolvedDate(event, low, high, precision, basis)


def _with_duration(
    sentence: str, g: _Grammar, anchor: _Found | None, duration: _Found, ref: DocumentReference | None
) -> ResolvedDate | None:
    """A span of n days from (or, with an ending verb, up to) an anchor day, or around publication
    when the sentence has no day; event_date is the first day, or publication while under way."""
    n = duration.days
    span = timedelta(days=n - 1)
    d = duration.expr
    ends = g.end_re.search(sentence) is not None  # "rounds off", "завершила": the span ends on the day
    if anchor is not None:
        a = anchor.expr
        if ends:
            first = a.event_date - span
            return _resolved(first, a.date_min - span, a.date_max, "days",
                             f"{a.basis}; {d.basis}; the visit ends on that day")
        late = "late" in anchor.roles
        extra = timedelta(days=1) if late else timedelta()
        how = "arrival late on that day, the visit days follow" if late else "the visit starts on that day"
        return _resolved(a.event_date, a.date_min, a.date_max + span + extra, "days",
                         f"{a.basis}; {d.basis}; {how}")
    if ref is None:
        return None
    if ends:
        return _resolved(ref.pub_best - span, ref.pub_min - span, ref.pub_max, "days",
                         f"{d.basis}; ends on the publication day")
    if g.start_re.search(sentence):
        return _resolved(ref.pub_best, ref.pub_min, ref.pub_max + span, "days",
                         f"{d.basis}; starts on the publication day")
    return _resolved(ref.pub_best, ref.pub_min - span, ref.pub_max + span, "days",
                     f"{d.basis}; under way on the publication day")


# between a place and the day it is given: blanks, a comma, one short preposition ("in Moscow on July 5")
_PLACE_TO_DAY = re.compile(r"[\s,]*(?:[^\W\d_]{1,3}\s+)?")


def _merge_labels(sentence: str, found: list[_Found]) -> list[_Found]:
    """A weekday naming the stated date right after it ("on Monday, Feb. 20", "op maandag 20 februari",
    "в понедельник, 20 февраля") is one expression: the date, written from the weekday on."""
    merged: list[_Found] = []
    skip: set[int] = set()
    for i, f in enumerate(found):
        if i in skip:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (f.expr.kind == "weekday" and nxt is not None
                and nxt.expr.kind in ("explicit_date", "explicit_range")
                and not f.roles & {"since", "until", "prev_week", "next_week"}
                and re.fullmatch(r"[\s,]*", sentence[f.expr.end:nxt.expr.start])):
            expr = replace(nxt.expr, start=f.expr.start, text=sentence[f.expr.start:nxt.expr.end])
            merged.append(replace(nxt, expr=expr))
            skip.add(i + 1)
        else:
            merged.append(f)
    return merged


def _placed_anchor(sentence: str, anchors: list[_Found], place: str | None) -> _Found | None:
    """In a list of places with a day each ("meeting Putin in Moscow on July 5 and Xi in Beijing on
    July 8"), the event at one place takes the day written right after that place."""
    days = [f for f in anchors if f.expr.kind in _DAYS_NAMED]
    if not place or len({f.expr.start for f in days}) < 2:
        return None
    for m in re.finditer(re.escape(place), sentence):
        for f in days:
            if f.expr.start >= m.end() and _PLACE_TO_DAY.fullmatch(sentence, m.end(), f.expr.start):
                return f
    return None


# an aside converting a clock time to another time zone: "at 2 a.m. (1.00 p.m. ET on Wednesday)"
_ASIDE = re.compile(r"\([^()]*\)")
# the international abbreviations of time zones; a language's own ("мск") are in its time.json
_TIME_ZONES = "GMT|UTC|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|JST"


def _in_clock_conversion(g: _Grammar, sentence: str, expr: TimeExpression) -> bool:
    """A day inside parentheses holding a clock time and a time zone is the same moment told in another
    zone ("summoned the ambassador at 2 a.m. (1.00 p.m. ET on Wednesday)"), not the event's own day."""
    for aside in _ASIDE.finditer(sentence):
        if aside.start() < expr.start and expr.end <= aside.end():
            inside = aside.group(0)
            return g.zone_re.search(inside) is not None and g.clock_re.search(inside) is not None
    return False


# how far into the next sentence its opening date is looked for
_OPENING_REACH = 60


def days_of_next_sentence(sentence: str, lang: str, ref: DocumentReference | None,
                          following: str) -> ResolvedDate | None:
    """A visit under way, told in the present with no day of its own ("Sandu is on a working visit to
    Brussels."), takes the day or days the next sentence opens with ("On 10-11 December she meets ...")."""
    if ref is None or not has_time_lexicon(lang):
        return None
    g = _grammar(lang)
    if g.ongoing_re.search(sentence) is None:
        return None
    head = following.lstrip(" \t\n\r\"'«„“")
    found = _scan(head[:_OPENING_REACH], lang, ref)
    if not found or found[0].expr.start != 0 or found[0].expr.kind not in ("explicit_date", "explicit_range"):
        return None
    a = found[0].expr
    return _resolved(a.event_date, a.date_min, a.date_max, PRECISION_BY_KIND[a.kind],
                     f"{a.basis}, opening the next sentence: the days of the visit under way")


# the mentions of one sentence are dated one after the other against one reference: the sentence is read once
@lru_cache(maxsize=64)
def _sentence_expressions(sentence: str, lang: str, ref: DocumentReference | None) -> tuple[_Found, ...]:
    """The time expressions of a sentence (_scan), kept for the next mention of the same sentence."""
    return tuple(_scan(sentence, lang, ref))


def resolve_event_date(
    sentence: str, lang: str, ref: DocumentReference | None, trigger_start: int, trigger_end: int,
    place: str | None = None,
) -> ResolvedDate:
    """The date of the event whose trigger is sentence[trigger_start:trigger_end] (and whose place,
    when given, is named in the sentence)."""
    if not has_time_lexicon(lang):
        if ref is None:
            return ResolvedDate(None, None, None, "unknown", f"no time lexicon for {lang!r}, no header")
        return publication_date(ref)
    g = _grammar(lang)
    t_start = max(0, min(trigger_start, len(sentence)))
    t_end = max(t_start, min(trigger_end, len(sentence)))
    found = _merge_labels(sentence, [f for f in _sentence_expressions(sentence, lang, ref)
                                     if not _in_clock_conversion(g, sentence, f.expr)])
    if not found:
        if ref is None:
            return ResolvedDate(None, None, None, "unknown", "no time expression and no publication date")
        return publication_date(ref)
    breaks = _clause_breaks(sentence, g)

    def closeness(f: _Found) -> tuple[int, int]:
        return _breaks_between(sentence, g, breaks, f.expr, t_start, t_end), _distance(f.expr, t_start, t_end)

    # a week, month or year in another clause is background ("since ... came to power in 1999")
    anchors = [f for f in found if f.expr.kind != "duration"
               and (f.expr.kind in _DAYS_NAMED or closeness(f)[0] == 0)
               # "the first visit since 2007": a year or month after "since" is a point of comparison
               and not ("since" in f.roles and f.expr.kind not in _DAY_PRECISE)]
    anchor = min(
        anchors,
        key=lambda f: (closeness(f)[0], KIND_RANK[f.expr.kind] + (0.5 if "until" in f.roles else 0),
                       closeness(f)[1]),
        default=None,
    )
    placed = _placed_anchor(sentence, anchors, place)
    # a day after the place and a comma opens the next clause when the trigger's clause has its own day before the
    # place ("в понедельник посетила Варшаву, а во вторник - Прагу", "bezocht dinsdag Chisinau, en woensdag
    # Boekarest"): Warsaw keeps Monday
    fronted = (anchor is not None and placed is not None and place is not None and closeness(anchor)[0] == 0
               and anchor.expr.end <= sentence.find(place) and "," in sentence[anchor.expr.end:placed.expr.start])
    if placed is not None and not fronted:
        anchor = placed
    durations = [f for f in found if f.expr.kind == "duration" and f.days > 0 and closeness(f)[0] == 0]
    duration = min(durations, key=lambda f: closeness(f)[1], default=None)

    if anchor is not None and anchor.expr.kind == "explicit_range":
        a = anchor.expr
        return _resolved(a.event_date, a.date_min, a.date_max, "days", a.basis)
    day_anchor = anchor if anchor is not None and anchor.expr.kind in _DAY_PRECISE else None
    if duration is not None and (anchor is None or day_anchor is not None):
        if day_anchor is None or closeness(day_anchor)[0] <= 1:
            spanned = _with_duration(sentence, g, day_anchor, duration, ref)
            if spanned is not None:
                return spanned
    if anchor is None:
        if ref is None:
            return ResolvedDate(None, None, None, "unknown", "no time expression and no publication date")
        return publication_date(ref)
    a = anchor.expr
    if "since" in anchor.roles and ref is not None and a.kind in _DAY_PRECISE:
        return _resolved(a.event_date, a.date_min, max(a.date_max, ref.pub_max), "days",
                         f"{a.basis}; since that day until publication")
    return _resolved(a.event_date, a.date_min, a.date_max, PRECISION_BY_KIND[a.kind], a.basis)
