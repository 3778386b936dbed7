"""Gazetteer: find countries, nationalities, places, institutions, office holders and organisations.

Country names come from CLDR (via babel); everything else from the hand-written
``flows/lexicons/<lang>/entities.tsv``. Inflected forms are generated here (Russian declension,
suffix rules, Romanian articles, Dutch genitives: which one a language uses is the entity_inflection of
its grammar.json), all surfaces of a language go into one trie-shaped regular
expression, and ``find_entities`` runs a single ``finditer`` per call. See lexicons/ENTITIES.md.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import babel
import pycountry

from flows.settings import LEXICON_DIR, languages_with

if TYPE_CHECKING:
    from flows.lexicon import Grammar

KINDS = ("country", "demonym", "place", "metonym", "person", "org")
ORG_CODES = frozenset({"EU", "NATO", "UN", "IMF", "WB", "EBRD", "EIB", "G7", "OSCE"})
# Kosovo has no ISO 3166-1 code; XKX is the user-assigned code used by the EU, IMF and World Bank.
EXTRA_COUNTRY_CODES = frozenset({"XKX"})
BLOCK_KIND = "block"  # TSV-only kind: a surface that claims its span but yields no mention
BLOCK_CODE = "-"
TSV_HEADER = ("kind", "code", "surface", "infl")
# How a language inflects entity names: the entity_inflection property of its grammar.json (see ENTITIES.md).
#   russian_cases: Russian declension of every name (infl "-", "auto" or one class per word)
#   romanian_articles: suffix rules, and infl "auto" adds the definite/genitive article forms
#   dutch_genitive: suffix rules, and countries, places and persons also take a genitive -s
#   suffixes_only: suffix rules only
ENTITY_INFLECTIONS = ("russian_cases", "romanian_articles", "dutch_genitive", "suffixes_only")
# The inflections that define infl "auto" (forms inferred from the name); CLDR country names get "auto" under them.
AUTO_INFLECTIONS = frozenset({"russian_cases", "romanian_articles"})


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int  # character offsets into the text passed in (Python str indices)
    end: int
    text: str  # text[start:end]
    code: str  # ISO 3166-1 alpha-3 (or XKX) or one of ORG_CODES
    kind: str  # one of KINDS


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    kind: str  # one of KINDS, or BLOCK_KIND
    code: str  # BLOCK_CODE for blocked surfaces
    surface: str  # nominative / base form as written in the source
    infl: str  # inflection spec, see ENTITIES.md ("-" = none)
    origin: str  # "path:line" or "cldr:<alpha-2>", for error messages and debugging


def supported_languages(lexicon_dir: Path | None = None) -> tuple[str, ...]:
    """Languages whose lexicon folder holds an entities.tsv (its grammar.json says how names inflect)."""
    return languages_with("entities.tsv", lexicon_dir or LEXICON_DIR)


@cache
def _grammar(lang: str, lexicon_dir: Path) -> Grammar:
    from flows.lexicon import load_grammar  # here: flows.lexicon imports this module

    return load_grammar(lexicon_dir / lang / "grammar.json", lang)


def entity_grammar(lang: str, lexicon_dir: Path | None = None) -> Grammar:
    """The language's grammar.json, whose entity_inflection, borrows_english_names and ampersand_words drive
    the gazetteer."""
    return _grammar(lang, lexicon_dir or LEXICON_DIR)


# ---------------------------------------------------------------------------------------------
# Folding: one-to-one character substitutions applied to lexicon surfaces and to the text, so
# that offsets stay valid while ё/е, curly/straight apostrophes and cedilla/comma-below letters
# match each other.
_FOLD = str.maketrans(
    {
        "ё": "е",
        "Ё": "Е",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ş": "ș",
        "Ş": "Ș",
        "ţ": "ț",
        "Ţ": "Ț",
        "\u00a0": " ",
        "\u2010": "-",
        "\u2011": "-",
    }
)


# one str.replace per foldable character scans in C, 4-6x faster than str.translate's dict lookup per character;
# the same result, since no replacement is itself folded
_FOLD_PAIRS = tuple((chr(char), folded) for char, folded in _FOLD.items())


def fold(text: str) -> str:
    for char, folded in _FOLD_PAIRS:
        text = text.replace(char, folded)
    return text


def valid_code(code: str) -> bool:
    if code in ORG_CODES or code in EXTRA_COUNTRY_CODES:
        return True
    return len(code) == 3 and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


# ---------------------------------------------------------------------------------------------
# Loading and validating the hand-written TSV.


def load_entities(path: Path | str, lang: str, inflection: str | None = None) -> list[LexiconEntry]:
    """Parse and validate one entities.tsv; raise ValueError("file:line: reason") on bad data.

    `inflection` is one of ENTITY_INFLECTIONS; by default the entity_inflection of the shipped `lang`."""
    path = Path(path)
    if inflection is None:
        inflection = entity_grammar(lang).entity_inflection
    entries: list[LexiconEntry] = []
    seen: dict[str, tuple[str, str, int]] = {}  # folded surface -> (code, kind, line)
    header_seen = False
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path}:{lineno}"
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            if tuple(fields) != TSV_HEADER:
                raise ValueError(f"{where}: header must be {'<TAB>'.join(TSV_HEADER)}, got {line!r}")
            header_seen = True
            continue
        if len(fields) not in (3, 4):
            raise ValueError(f"{where}: expected 3 or 4 tab-separated fields, got {len(fields)}")
        kind, code, surface = fields[0], fields[1], fields[2]
        infl = fields[3] if len(fields) == 4 and fields[3] else "-"
        if kind not in KINDS and kind != BLOCK_KIND:
            raise ValueError(f"{where}: unknown kind {kind!r} (expected one of {(*KINDS, BLOCK_KIND)})")
        if kind == BLOCK_KIND:
            if code != BLOCK_CODE:
                raise ValueError(f"{where}: a {BLOCK_KIND} row must have code {BLOCK_CODE!r}, got {code!r}")
        elif not valid_code(code):
            raise ValueError(f"{where}: unknown code {code!r} (not ISO 3166-1 alpha-3, XKX or an org code)")
        if not surface:
            raise ValueError(f"{where}: empty surface")
        problem = _infl_problem(surface, infl, lang, inflection)
        if problem:
            raise ValueError(f"{where}: {problem}")
        key = fold(surface)
        if key in seen and seen[key][:2] != (code, kind):
            prev_code, prev_kind, prev_line = seen[key]
            raise ValueError(
                f"{where}: surface {surface!r} listed twice with different codes/kinds "
                f"({code}/{kind} here, {prev_code}/{prev_kind} on line {prev_line})"
            )
        seen[key] = (code, kind, lineno)
        entries.append(LexiconEntry(kind, code, surface, infl, where))
    if not header_seen:
        raise ValueError(f"{path}:1: missing header {'<TAB>'.join(TSV_HEADER)}")
    return entries


# Region codes and other CLDR pseudo-territories that are not countries.
_CLDR_SKIP = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})


def cldr_country_entries(lang: str, lexicon_dir: Path | None = None) -> list[LexiconEntry]:
    """Country names from CLDR, keyed alpha-2 -> alpha-3; parenthesised qualifiers are dropped.

    They inflect ("auto") when the language's entity_inflection defines "auto", and a name with "&" is also
    listed with each of the language's ampersand_words ("Trinidad and Tobago")."""
    grammar = entity_grammar(lang, lexicon_dir)
    auto = grammar.entity_inflection in AUTO_INFLECTIONS
    entries: list[LexiconEntry] = []
    for alpha2, name in babel.Locale.parse(lang).territories.items():
        if len(alpha2) != 2 or not alpha2.isalpha() or alpha2 in _CLDR_SKIP:
            continue
        if alpha2 == "XK":
            code = "XKX"
        else:
            country = pycountry.countries.get(alpha_2=alpha2)
            if country is None:
                continue
            code = country.alpha_3
        # "Myanmar (Burma)", "Гонконг (САР)": the qualifier is not part of how texts name it
        base = re.sub(r"\s*\([^)]*\)", "", name).strip()
        infl = "auto" if auto else "-"
        entries.append(LexiconEntry("country", code, base, infl, f"cldr:{alpha2}"))
        if "&" in base:
            for word in grammar.ampersand_words:
                entries.append(LexiconEntry("country", code, base.replace("&", word), "-", f"cldr:{alpha2}"))
    # dropping the qualifier can merge two territories ("Виргинские о-ва (США)" / "(Великобритания)")
    codes_by_surface: dict[str, set[str]] = {}
    for entry in entries:
        codes_by_surface.setdefault(entry.surface, set()).add(entry.code)
    return [e for e in entries if len(codes_by_surface[e.surface]) == 1]


# ---------------------------------------------------------------------------------------------
# Inflection specs.
#
# russian_cases: infl is "-" (indeclinable), "auto" (classes inferred per word), or one class per
# space-separated word of the surface. The other entity_inflection values: "-", "auto" (only
# romanian_articles: the article rule), or comma-separated suffix rules "+s" (append) / "ees>ese"
# (replace the ending).

RU_WORD_CLASSES = frozenset({"=", "f", "m", "fs", "n", "pl", "adj", "sur", "ec", "anin"})
_SUFFIX_RULE = re.compile(r"^(?:\+(?P<add>\S+)|(?P<old>[^\s>+,]+)>(?P<new>[^\s>+,]*))$")


def _infl_problem(surface: str, infl: str, lang: str, inflection: str) -> str | None:
    if infl == "auto" and inflection not in AUTO_INFLECTIONS:
        return (f"infl 'auto' is only defined for entity_inflection {sorted(AUTO_INFLECTIONS)}, "
                f"not {inflection!r} of {lang!r}")
    if infl in ("-", "auto"):
        return None
    if inflection == "russian_cases":
        tokens = infl.split()
        words = surface.split(" ")
        if len(tokens) != len(words):
            return f"infl {infl!r} has {len(tokens)} classes for {len(words)} words of {surface!r}"
        for token in tokens:
            cls, _, stem = token.partition(":")
            if cls not in RU_WORD_CLASSES:
                return f"unknown Russian declension class {cls!r} (expected one of {sorted(RU_WORD_CLASSES)})"
            if stem and cls != "m":
                return f"an oblique stem ({token!r}) is only allowed with class 'm'"
        return None
    for rule in infl.split(","):
        match = _SUFFIX_RULE.match(rule.strip())
        if not match:
            return f"bad suffix rule {rule!r} (expected '+suffix' or 'old>new')"
        if match.group("old") and not surface.endswith(match.group("old")):
            return f"suffix rule {rule!r} does not apply: {surface!r} does not end in {match.group('old')!r}"
    return None


def _suffix_forms(surface: str, infl: str) -> set[str]:
    forms = {surface}
    if infl in ("-", "auto"):
        return forms
    for rule in infl.split(","):
        match = _SUFFIX_RULE.match(rule.strip())
        assert match is not None  # validated on load
        if match.group("add") is not None:
            forms.add(surface + match.group("add"))
        else:
            forms.add(surface[: len(surface) - len(match.group("old"))] + match.group("new"))
    return forms


_NL_GENITIVE_KINDS = frozenset({"country", "place", "person"})


def _nl_genitive(surface: str) -> str | None:
    """Dutch genitive without apostrophe: Ruslands, Oekraïnes, Poetins (Amerika's is left to the boundary)."""
    if " " in surface or not surface[:1].isupper() or surface.isupper():
        return None
    last = surface[-1]
    if last in "sxzSXZ" or not last.isalpha():
        return None
    if last in "aiouyáéíóúAIOUY":
        return None
    return surface + "s"


def _ro_article_forms(surface: str) -> set[str]:
    """Romanian definite/genitive forms of a one-word name: Rusia→Rusiei, Kremlin→Kremlinul(ui)."""
    if " " in surface or surface.isupper():
        return set()
    last = surface[-1]
    if last == "a":
        return {surface[:-1] + "ei"}
    if last == "u":
        return {surface + "l", surface + "lui"}
    if last.isalpha() and last.lower() not in "aeiouăâîy":
        return {surface + "ul", surface + "ului"}
    return set()


# ---------------------------------------------------------------------------------------------
# Russian declension. A paradigm maps a slot (number, case) to the set of forms for that slot.

CASES = ("nom", "gen", "dat", "acc", "ins", "prep")
Slot = tuple[str, str]  # ("sg" | "pl", case)
Paradigm = dict[Slot, set[str]]

_RU_VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
_VELAR = frozenset("гкх")
_SIBILANT = frozenset("жшчщ")
_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")

# Adjective endings per gender/number: m, f, n and p (plural); acc of m/p comes from animacy.
_ADJ_HARD: dict[str, dict[str, tuple[str, ...]]] = {
    "m": {"nom": ("ый",), "gen": ("ого",), "dat": ("ому",), "ins": ("ым",), "prep": ("ом",)},
    "f": {
        "nom": ("ая",),
        "gen": ("ой",),
        "dat": ("ой",),
        "acc": ("ую",),
        "ins": ("ой", "ою"),
        "prep": ("ой",),
    },
    "n": {"nom": ("ое",), "gen": ("ого",), "dat": ("ому",), "acc": ("ое",), "ins": ("ым",), "prep": ("ом",)},
    "p": {"nom": ("ые",), "gen": ("ых",), "dat": ("ым",), "ins": ("ыми",), "prep": ("ых",)},
}
_ADJ_SOFT: dict[str, dict[str, tuple[str, ...]]] = {
    "m": {"nom": ("ий",), "gen": ("его",), "dat": ("ему",), "ins": ("им",), "prep": ("ем",)},
    "f": {"nom": ("яя",), "gen": ("ей",), "dat": ("ей",), "acc": ("юю",), "ins": ("ей",), "prep": ("ей",)},
    "n": {"nom": ("ее",), "gen": ("его",), "dat": ("ему",), "acc": ("ее",), "ins": ("им",), "prep": ("ем",)},
    "p": {"nom": ("ие",), "gen": ("их",), "dat": ("им",), "ins": ("ими",), "prep": ("их",)},
}


def _velarise(table: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """After г/к/х (and ж/ш/ч/щ) spelling turns ы into и: российский, российским, российские."""
    return {
        gender: {case: tuple(e.replace("ы", "и") for e in ends) for case, ends in cases.items()}
        for gender, cases in table.items()
    }


_ADJ_VELAR = _velarise(_ADJ_HARD)


def _adj_gender(word: str) -> str:
    ending = word[-2:]
    if ending in ("ая", "яя"):
        return "f"
    if ending in ("ое", "ее"):
        return "n"
    if ending in ("ые", "ие"):
        return "p"
    return "m"


def _adj_tables(stem: str, ending: str) -> list[dict[str, dict[str, tuple[str, ...]]]]:
    last = stem[-1:]
    if last in _VELAR:
        return [_ADJ_VELAR]
    if last in _SIBILANT:
        # stressed (большой) and unstressed (свежий) endings both occur after sibilants
        return [_ADJ_VELAR, _ADJ_SOFT]
    if ending in ("ий", "яя", "ее") or (ending == "ие" and last not in _VELAR):
        return [_ADJ_SOFT]
    return [_ADJ_HARD]


def _adj_paradigm(word: str, animate: bool, genders: Iterable[str] | None = None) -> Paradigm:
    stem, ending = word[:-2], word[-2:]
    own = _adj_gender(word)
    wanted = list(genders) if genders is not None else [own]
    paradigm: Paradigm = {}
    for table in _adj_tables(stem, ending):
        for gender in wanted:
            number = "pl" if gender == "p" else "sg"
            cases = table[gender]
            for case in CASES:
                if case == "acc" and gender in ("m", "p"):
                    ends = cases["gen"] if animate else cases["nom"]
                else:
                    ends = cases[case]
                forms = {stem + e for e in ends}
                if case == "nom" and gender == own:
                    forms = {word}
                if case == "acc" and gender == own and not animate and gender in ("m", "p"):
                    forms = {word}
                paradigm.setdefault((number, case), set()).update(forms)
    return paradigm


def _sg(
    nom: str,
    gen: Iterable[str],
    dat: Iterable[str],
    acc: Iterable[str],
    ins: Iterable[str],
    prep: Iterable[str],
) -> Paradigm:
    return {
        ("sg", "nom"): {nom},
        ("sg", "gen"): set(gen),
        ("sg", "dat"): set(dat),
        ("sg", "acc"): set(acc),
        ("sg", "ins"): set(ins),
        ("sg", "prep"): set(prep),
    }


def _noun_f(word: str) -> Paradigm:
    """Feminine (and masculine-like Обама, Кулеба) nouns in -а, -я, -ия."""
    if word.endswith("ия"):
        s = word[:-1]
        return _sg(word, [s + "и"], [s + "и"], [s + "ю"], [s + "ей"], [s + "и"])
    if word.endswith("я"):
        s = word[:-1]
        return _sg(word, [s + "и"], [s + "е"], [s + "ю"], [s + "ей"], [s + "е"])
    s = word[:-1]
    last = s[-1:]
    gen = s + ("и" if last in _VELAR or last in _SIBILANT else "ы")
    ins = [s + "ой"] + ([s + "ей"] if last in _SIBILANT or last == "ц" else [])
    return _sg(word, [gen], [s + "е"], [s + "у"], ins, [s + "е"])


def _noun_m(word: str, animate: bool, oblique: str | None = None, plural: bool = False) -> Paradigm:
    """Masculine nouns: hard consonant, -й, -ь; `oblique` overrides the stem (Египет → Египт-)."""
    if word.endswith("й"):
        s = word[:-1]
        prep = s + ("и" if s.endswith("и") else "е")
        gen = [s + "я"]
        paradigm = _sg(word, gen, [s + "ю"], gen if animate else [word], [s + "ем"], [prep])
    elif word.endswith("ь"):
        s = word[:-1]
        gen = [s + "я"]
        paradigm = _sg(word, gen, [s + "ю"], gen if animate else [word], [s + "ем", s + "ём"], [s + "е"])
    else:
        s = oblique or word
        last = s[-1:]
        gen = [s + "а"]
        ins = [s + "ом"] + ([s + "ем"] if last in _SIBILANT or last == "ц" else [])
        paradigm = _sg(word, gen, [s + "у"], gen if animate else [word], ins, [s + "е"])
        if plural:
            last_soft = last in _VELAR or last in _SIBILANT
            gen_pl = s + ("ей" if last in _SIBILANT else "ев" if last == "ц" else "ов")
            paradigm.update(_pl(s + ("и" if last_soft else "ы"), [gen_pl], s, animate))
    return paradigm


def _pl(nom: str, gen: Iterable[str], stem: str, animate: bool) -> Paradigm:
    gen_set = set(gen)
    return {
        ("pl", "nom"): {nom},
        ("pl", "gen"): gen_set,
        ("pl", "dat"): {stem + "ам"},
        ("pl", "acc"): gen_set if animate else {nom},
        ("pl", "ins"): {stem + "ами"},
        ("pl", "prep"): {stem + "ах"},
    }


def _noun_fs(word: str) -> Paradigm:
    """Feminine nouns in -ь: Беларусь, Русь."""
    s = word[:-1]
    return _sg(word, [s + "и"], [s + "и"], [word], [s + "ью"], [s + "и"])


def _noun_n(word: str) -> Paradigm:
    """Neuter nouns in -о, -е/-ье, -ие: Королевство, Приднестровье, Запорожье."""
    s = word[:-1]
    if word.endswith("о"):
        return _sg(word, [s + "а"], [s + "у"], [word], [s + "ом"], [s + "е"])
    prep = s + "и" if word.endswith("ие") else word
    return _sg(word, [s + "я"], [s + "ю"], [word], [s + "ем"], [prep])


def _noun_pl(word: str, animate: bool) -> Paradigm:
    """Plural-only names: Штаты, Нидерланды, Филиппины, Афины (gen both -ов and zero ending)."""
    s = word[:-1]
    return _pl(word, [s + "ов", s], s, animate)


def _surname(word: str) -> Paradigm:
    """Russian-type surnames: Путин/Путина/Путиным, Захарова/Захаровой (instr -ым, not -ом)."""
    if word.endswith("а"):
        s = word[:-1]
        return _sg(word, [s + "ой"], [s + "ой"], [s + "у"], [s + "ой", s + "ою"], [s + "ой"])
    return _sg(word, [word + "а"], [word + "у"], [word + "а"], [word + "ым"], [word + "е"])


def _noun_ec(word: str) -> Paradigm:
    """Nationality nouns in -ец with a fleeting е: украинец → украинца/украинцы, китаец → китайца."""
    s = word[:-2]
    obl = s + ("йц" if s[-1:] in _RU_VOWELS else "ц")
    paradigm = _sg(word, [obl + "а"], [obl + "у"], [obl + "а"], [obl + "ем"], [obl + "е"])
    paradigm.update(_pl(obl + "ы", [obl + "ев"], obl, animate=True))
    return paradigm


def _noun_anin(word: str) -> Paradigm:
    """Nationality nouns in -анин/-янин: россиянин → россиянина, pl. россияне/россиян."""
    s = word[:-2]
    paradigm = _sg(word, [s + "ина"], [s + "ину"], [s + "ина"], [s + "ином"], [s + "ине"])
    paradigm.update(_pl(s + "е", [s], s, animate=True))
    return paradigm


def _ru_auto_classes(surface: str) -> list[str]:
    """Infer a class per word: adjectives before the head noun agree with it, words after it stay
    fixed (Республика Молдова, Штаты Микронезии) unless a conjunction starts a new head (Босния и
    Герцеговина); the head's class comes from its ending."""
    words = surface.split(" ")
    if any(word in ("о-в", "о-ва") for word in words):
        # "Фарерские о-ва", "о-в Мэн": the abbreviation hides the case, so leave the name as written
        return ["="] * len(words)
    classes: list[str] = []
    head_done = False
    for i, word in enumerate(words):
        if word == "и":
            classes.append("=")
            head_done = False
            continue
        if head_done or word.isupper() or not all(ch.isalpha() or ch in "-'" for ch in word):
            classes.append("=")
            continue
        is_last = i == len(words) - 1
        if word.endswith(_ADJ_ENDINGS) and len(word) > 4 and (not is_last or len(words) == 1):
            classes.append("adj")
            continue
        classes.append(_ru_head_class(word))
        head_done = True
    return classes


def _ru_head_class(word: str) -> str:
    last = word[-1]
    if last == "а":
        return "=" if word[-2:-1] in _RU_VOWELS else "f"
    if last == "я":
        return "f"
    if last == "ы":
        return "pl"
    if last == "ь":
        return "m"
    if last in _RU_VOWELS:
        return "="
    return "m"


def _ru_word_paradigm(word: str, cls: str, animate: bool, plural: bool) -> Paradigm | None:
    """None for fixed words; otherwise the word's forms by slot."""
    name, _, oblique = cls.partition(":")
    if name == "=":
        return None
    if name == "f":
        return _noun_f(word)
    if name == "m":
        return _noun_m(word, animate, oblique or None, plural)
    if name == "fs":
        return _noun_fs(word)
    if name == "n":
        return _noun_n(word)
    if name == "pl":
        return _noun_pl(word, animate)
    if name == "sur":
        return _surname(word)
    if name == "ec":
        return _noun_ec(word)
    if name == "anin":
        return _noun_anin(word)
    if name == "adj":
        genders = ("m", "f", "n", "p") if plural else None
        return _adj_paradigm(word, animate, genders)
    raise ValueError(f"unknown Russian declension class {cls!r}")


def ru_forms(surface: str, infl: str, kind: str) -> set[str]:
    """All case forms of a Russian name; multiword names decline word by word in agreement."""
    if infl == "-":
        return {surface}
    words = surface.split(" ")
    classes = _ru_auto_classes(surface) if infl == "auto" else infl.split()
    animate = kind in ("person", "demonym")
    # demonyms are listed in one form (российский, украинец) but occur in every gender and number
    plural = kind == "demonym"
    paradigms = [_ru_word_paradigm(w, c, animate, plural) for w, c in zip(words, classes, strict=True)]
    declining = [p for p in paradigms if p is not None]
    forms = {surface}
    if not declining:
        return forms
    slots = set.intersection(*(set(p) for p in declining))
    for slot in slots:
        choices = [[w] if p is None else sorted(p[slot]) for w, p in zip(words, paradigms, strict=True)]
        forms.update(" ".join(combo) for combo in itertools.product(*choices))
    if kind == "demonym" and len(words) == 1 and classes[0] == "adj":
        forms.add(surface[:-2] + "о-")  # first part of compounds: российско-украинский
    return forms


# ---------------------------------------------------------------------------------------------
# Building the per-language table and pattern.


@dataclass(frozen=True, slots=True)
class _Target:
    code: str | None  # None for blocked surfaces
    kind: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    lang: str
    table: dict[str, _Target]  # folded surface -> target
    pattern: re.Pattern[str]
    conflicts: tuple[str, ...]  # generated surfaces claimed by two different codes (first kept)
    bases: frozenset[str]  # the names as listed (TSV and CLDR, the Russian nominative), folded, with case variants

    def find(self, text: str) -> list[EntityMention]:
        """Mentions sorted by start, non-overlapping; overlaps resolved longest first, then leftmost."""
        folded = fold(text)
        candidates = [(m.start(1), m.end(1)) for m in self.pattern.finditer(folded)]
        if not candidates:
            return []
        candidates.sort(key=lambda span: (span[0] - span[1], span[0]))
        taken: list[tuple[int, int]] = []
        mentions: list[EntityMention] = []
        for start, end in candidates:
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            target = self.table[folded[start:end]]
            if folded[end - 1] == "-":
                end -= 1  # prefix form: the hyphen belongs to the compound, not the mention
            if target.code is not None:
                mentions.append(EntityMention(start, end, text[start:end], target.code, target.kind))
        mentions.sort(key=lambda m: m.start)
        return mentions


def _with_case_variants(forms: Iterable[str]) -> Iterator[str]:
    """A lowercase surface also matches with a capital first letter (sentence-initial)."""
    for form in forms:
        yield form
        if form[:1].islower():
            yield form[:1].upper() + form[1:]


def expand_entry(entry: LexiconEntry, inflection: str) -> set[str]:
    """Every surface (folded, with case variants) that an entry stands for, the base form included;
    `inflection` is the language's entity_inflection (one of ENTITY_INFLECTIONS)."""
    if inflection == "russian_cases":
        forms = ru_forms(entry.surface, entry.infl, entry.kind)
    else:
        forms = _suffix_forms(entry.surface, entry.infl)
        if inflection == "romanian_articles" and entry.infl == "auto":
            forms |= _ro_article_forms(entry.surface)
        if inflection == "dutch_genitive" and entry.kind in _NL_GENITIVE_KINDS:
            forms |= {g for g in map(_nl_genitive, list(forms)) if g}
    return {fold(f) for f in _with_case_variants(forms)}


def build_gazetteer(lang: str, tsv_path: Path | None = None, lexicon_dir: Path | None = None) -> Gazetteer:
    """The gazetteer of a language of `lexicon_dir` (default: the shipped lexicons): its entities.tsv (or
    `tsv_path`), its CLDR country names, and, when its grammar.json borrows_english_names, the English ones."""
    lexicon_dir = lexicon_dir or LEXICON_DIR
    languages = supported_languages(lexicon_dir)
    if lang not in languages:
        raise ValueError(f"unsupported language {lang!r}; supported: {languages}")
    grammar = entity_grammar(lang, lexicon_dir)
    inflection = grammar.entity_inflection
    tsv = load_entities(tsv_path or lexicon_dir / lang / "entities.tsv", lang, inflection)
    tsv_bases = {fold(e.surface) for e in tsv}
    # a TSV row with the same surface overrides the CLDR name (other code, declension, or block)
    cldr = [e for e in cldr_country_entries(lang, lexicon_dir) if fold(e.surface) not in tsv_bases]
    table: dict[str, _Target] = {}
    conflicts: list[str] = []

    def claim(surfaces: Iterable[str], entry: LexiconEntry) -> None:
        code = None if entry.kind == BLOCK_KIND else entry.code
        for surface in sorted(surfaces):
            current = table.get(surface)
            if current is None:
                table[surface] = _Target(code, entry.kind)
            elif current.code != code:
                conflicts.append(f"{surface}: {current.code} kept, {code} from {entry.origin} dropped")

    # precedence: written base forms (TSV, then CLDR) before generated forms (TSV, then CLDR)
    bases: set[str] = set()
    for entry in itertools.chain(tsv, cldr):
        written = {fold(s) for s in _with_case_variants([entry.surface])}
        bases |= written
        claim(written, entry)
    for entry in itertools.chain(tsv, cldr):
        claim(expand_entry(entry, inflection), entry)
    if grammar.borrows_english_names:
        # Dutch and Romanian news often keep the English name ("Sudan", "Kenya"): last, so never overriding
        english = [e for e in cldr_country_entries("en", lexicon_dir) if fold(e.surface) not in tsv_bases]
        for entry in english:
            claim({fold(s) for s in _with_case_variants([entry.surface])}, entry)
    return Gazetteer(lang, table, _compile(table), tuple(conflicts), frozenset(bases))


# A surface ending in "-" is a prefix form (Russo-, американо-): it matches only before a hyphen,
# and the hyphen is not part of the mention. A digit may follow: web copy glues names to linked
# figures ("Украине18 млрд", "Kyiv500").
RIGHT_GUARD = "(?:(?<=-)|(?![^\\W\\d]))"

# Left context that rules a mention out: inside a word, or a "pro-"/"anti-" prefix (pro-Russian
# is not Russia). A plain hyphen is allowed on the left (Oost-Oekraïne, российско-американских)
# and on the right (Rusland-top, VS-ambassadeur); a letter on either side is not, nor a digit on the left.
LEFT_GUARD = "(?<![\\w])" + "".join(
    f"(?<!{p}-)" for p in ("pro", "Pro", "anti", "Anti", "про", "Про", "анти", "Анти")
)


def _compile(table: dict[str, _Target]) -> re.Pattern[str]:
    trie = _trie_regex(table)
    # lookahead so that every start position yields its longest candidate, overlapping ones
    # included; find_entities then resolves overlaps longest-first
    return re.compile(f"{LEFT_GUARD}(?=({trie}){RIGHT_GUARD})")


_Trie = dict[str, "_Trie"]  # char -> subtree; the key "" marks the end of a word


def _trie_regex(words: Iterable[str]) -> str:
    """A regex equivalent to the alternation of `words` but shaped as a prefix trie, so matching
    costs one walk down the trie instead of one attempt per word; optional tails are greedy, so
    the longest word that fits (and passes the right boundary) wins at each position."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return render(root)


@lru_cache(maxsize=8)
def gazetteer(lang: str) -> Gazetteer:
    """The compiled gazetteer for one language, built on first use."""
    return build_gazetteer(lang)


def find_entities(text: str, lang: str) -> list[EntityMention]:
    """Mentions sorted by start, non-overlapping; overlaps resolved longest first, then leftmost."""
    return gazetteer(lang).find(text)


@lru_cache(maxsize=32)
def kind_pattern(lang: str, kind: str) -> re.Pattern[str]:
    """The surfaces of one kind of a language's gazetteer (on folded text): a cheap test that a text may hold a
    mention of that kind; every mention find_entities gives of it matches here."""
    table = gazetteer(lang).table
    surfaces = [s for s, t in table.items() if t.kind == kind and t.code is not None]
    return re.compile(f"{LEFT_GUARD}(?:{_trie_regex(surfaces)}){RIGHT_GUARD}" if surfaces else r"(?!)")


def may_mention(text: str, lang: str, kind: str) -> bool:
    """Whether text may hold a mention of kind (a surface of it, whether or not a longer entity takes it)."""
    return kind_pattern(lang, kind).search(fold(text)) is not None
