"""Gazetteer: entity mentions in nl/en/ru/ro news sentences, and the lexicon loader's validation."""

from __future__ import annotations

import json
import re
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.gazetteer import (
    KINDS,
    LEFT_GUARD,
    LEXICON_DIR,
    RIGHT_GUARD,
    build_gazetteer,
    cldr_country_entries,
    find_entities,
    fold,
    load_entities,
    ru_forms,
    supported_languages,
    valid_code,
)


def triples(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.code, m.kind) for m in find_entities(text, lang)]


# --- the brief's phenomena, one test each -------------------------------------------------


def test_nl_capital_summons_ambassador_named_by_nationality() -> None:
    assert triples("Moskou ontbood de Amerikaanse ambassadeur", "nl") == [
        ("Moskou", "RUS", "place"),
        ("Amerikaanse", "USA", "demonym"),
    ]


def test_nl_surprise_visit_by_president_to_capital() -> None:
    found = triples("het verrassingsbezoek van president Joe Biden aan Kiev", "nl")
    assert found == [("Joe Biden", "USA", "person"), ("Kiev", "UKR", "place")]


def test_en_demonym_person_and_metonym() -> None:
    found = triples("Canadian Prime Minister Justin Trudeau at the White House", "en")
    assert found == [
        ("Canadian", "CAN", "demonym"),
        ("Justin Trudeau", "CAN", "person"),
        ("White House", "USA", "metonym"),
    ]


def test_en_acronym_us_is_case_sensitive() -> None:
    assert triples("The US told us to wait", "en") == [("US", "USA", "country")]
    assert triples("Tell us more about it", "en") == []
    assert triples("U.S. officials said", "en") == [("U.S.", "USA", "country")]


def test_en_capitalised_country_only_matches_capitalised() -> None:
    assert triples("Turkey said it would roast a turkey", "en") == [("Turkey", "TUR", "country")]


def test_ru_genitive_and_prepositional_country_names() -> None:
    assert triples("вызвал посла России в Молдове", "ru") == [
        ("России", "RUS", "country"),
        ("Молдове", "MDA", "country"),
    ]


def test_ru_ministry_acronym_two_word_country_and_capital_with_yo() -> None:
    found = triples("МИДЕИ вызвало посла Российской Федерации в Кишинёве", "ru")
    assert found == [
        ("МИДЕИ", "MDA", "metonym"),
        ("Российской Федерации", "RUS", "country"),
        ("Кишинёве", "MDA", "place"),
    ]


def test_ru_united_states_declined_and_acronym() -> None:
    found = triples("Соединённым Штатам и США", "ru")
    assert found == [("Соединённым Штатам", "USA", "country"), ("США", "USA", "country")]
    assert triples("в Соединенных Штатах", "ru") == [("Соединенных Штатах", "USA", "country")]


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("российского", "RUS"),
        ("российскому", "RUS"),
        ("российским", "RUS"),
        ("российскую", "RUS"),
        ("российские", "RUS"),
        ("российскими", "RUS"),
        ("Российский", "RUS"),
        ("американскому", "USA"),
        ("американских", "USA"),
        ("украинской", "UKR"),
        ("молдавского", "MDA"),
    ],
)
def test_ru_demonym_adjective_in_every_case_gender_number(form: str, code: str) -> None:
    assert triples(f"позиция {form} стороны", "ru")[0] == (form, code, "demonym")


def test_ru_nationality_nouns_singular_and_plural() -> None:
    assert [c for _, c, _ in triples("россиянин и россияне, украинцы и американцам", "ru")] == [
        "RUS",
        "RUS",
        "UKR",
        "USA",
    ]


def test_ru_persons_decline() -> None:
    found = triples("встреча Путина с Зеленским и Марией Захаровой у Майи Санду", "ru")
    assert found == [
        ("Путина", "RUS", "person"),
        ("Зеленским", "UKR", "person"),
        ("Марией Захаровой", "RUS", "person"),
        ("Майи Санду", "MDA", "person"),
    ]


def test_ru_two_word_name_declines_only_its_head() -> None:
    assert triples("в Республике Молдова", "ru") == [("Республике Молдова", "MDA", "country")]
    assert "Республики Молдовы" not in ru_forms("Республика Молдова", "f =", "country")


# --- overlaps -------------------------------------------------------------------------------


def test_overlap_prefers_the_longer_name() -> None:
    assert triples("Wit-Rusland en Rusland", "nl") == [
        ("Wit-Rusland", "BLR", "country"),
        ("Rusland", "RUS", "country"),
    ]
    assert triples("Republica Moldova", "ro") == [("Republica Moldova", "MDA", "country")]
    assert triples("в Белом доме", "ru") == [("Белом доме", "USA", "metonym")]


def test_overlap_longest_wins_even_when_it_starts_later(tmp_path: Path) -> None:
    tsv = tmp_path / "entities.tsv"
    tsv.write_text(
        "kind\tcode\tsurface\tinfl\nplace\tUSA\tNew York\t-\norg\tUN\tYork City Council\t-\n",
        encoding="utf-8",
    )
    gaz = build_gazetteer("en", tsv)
    assert [(m.text, m.code) for m in gaz.find("New York City Council")] == [("York City Council", "UN")]


# --- boundaries, compounds, case ------------------------------------------------------------


def test_nl_hyphenated_compounds_match_but_closed_compounds_do_not() -> None:
    assert triples("de VS-ambassadeur op de Rusland-top", "nl") == [
        ("VS", "USA", "country"),
        ("Rusland", "RUS", "country"),
    ]
    assert triples("het Ruslandbeleid", "nl") == []
    assert triples("in Oost-Oekraïne", "nl") == [("Oekraïne", "UKR", "country")]


def test_pro_and_anti_prefixes_do_not_stand_for_the_country() -> None:
    assert triples("pro-Russian separatists and anti-American protests", "en") == []
    assert triples("pro-Russische separatisten", "nl") == []


def test_prefix_forms_of_compound_adjectives() -> None:
    assert triples("the Russo-Ukrainian war", "en") == [
        ("Russo", "RUS", "demonym"),
        ("Ukrainian", "UKR", "demonym"),
    ]
    assert triples("российско-украинских переговоров", "ru") == [
        ("российско", "RUS", "demonym"),
        ("украинских", "UKR", "demonym"),
    ]


def test_blocked_names_claim_their_span_without_a_mention() -> None:
    assert triples("Latin American leaders", "en") == []
    assert triples("the Washington Post reported", "en") == []
    assert triples("Латинская Америка и Америка", "ru") == [("Америка", "USA", "country")]


def test_folding_yo_and_apostrophes_keeps_offsets() -> None:
    text = "Кишинев и Кишинёв"
    found = find_entities(text, "ru")
    assert [(m.text, m.code) for m in found] == [("Кишинев", "MDA"), ("Кишинёв", "MDA")]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert triples("Côte d’Ivoire and Côte d'Ivoire", "en") == [
        ("Côte d’Ivoire", "CIV", "country"),
        ("Côte d'Ivoire", "CIV", "country"),
    ]


def test_nl_genitive_s_and_inflected_adjective() -> None:
    assert triples("Ruslands reactie op Poetins plan", "nl") == [
        ("Ruslands", "RUS", "country"),
        ("Poetins", "RUS", "person"),
    ]
    assert triples("de Chinese en de Indiase premier", "nl") == [
        ("Chinese", "CHN", "demonym"),
        ("Indiase", "IND", "demonym"),
    ]


def test_lowercase_surface_also_matches_sentence_initial_capital() -> None:
    assert triples("Paus Franciscus en de paus", "nl") == [
        ("Paus Franciscus", "VAT", "person"),
        ("paus", "VAT", "person"),
    ]


def test_ro_article_forms() -> None:
    found = triples("Ambasadorul Rusiei la Chișinău și decizia Chișinăului, teritoriul Federației Ruse", "ro")
    assert found == [
        ("Rusiei", "RUS", "country"),
        ("Chișinău", "MDA", "place"),
        ("Chișinăului", "MDA", "place"),
        ("Federației Ruse", "RUS", "country"),
    ]


# --- country names from CLDR ---------------------------------------------------------------


def test_babel_country_names_are_present() -> None:
    assert triples("Oekraïne", "nl") == [("Oekraïne", "UKR", "country")]
    assert triples("Ukraine", "en") == [("Ukraine", "UKR", "country")]
    assert triples("Украина", "ru") == [("Украина", "UKR", "country")]
    assert triples("в Украине", "ru") == [("Украине", "UKR", "country")]
    assert triples("Португалии", "ru") == [("Португалии", "PRT", "country")]
    assert triples("Kosovo", "en") == [("Kosovo", "XKX", "country")]


def test_tsv_rows_are_not_needed_for_cldr_names() -> None:
    for lang, name in (("nl", "Oekraïne"), ("en", "Ukraine"), ("ru", "Украина")):
        surfaces = {e.surface for e in load_entities(LEXICON_DIR / lang / "entities.tsv", lang)}
        assert name not in surfaces


# --- Russian declension rules ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "infl", "kind", "expected"),
    [
        ("Россия", "auto", "country", {"России", "Россию", "Россией"}),
        ("Польша", "auto", "country", {"Польши", "Польше", "Польшу", "Польшей"}),
        ("Беларусь", "fs", "country", {"Беларуси", "Беларусью"}),
        ("Египет", "m:Египт", "country", {"Египта", "Египте", "Египтом"}),
        ("Брюссель", "m", "place", {"Брюсселя", "Брюсселе", "Брюсселем"}),
        ("Приднестровье", "n", "place", {"Приднестровья", "Приднестровьем"}),
        ("Нидерланды", "auto", "country", {"Нидерландов", "Нидерландах"}),
        ("Путин", "sur", "person", {"Путина", "Путину", "Путиным", "Путине"}),
        ("Захарова", "sur", "person", {"Захаровой", "Захарову"}),
        ("Зеленский", "adj", "person", {"Зеленского", "Зеленским", "Зеленском"}),
        ("украинец", "ec", "demonym", {"украинца", "украинцы", "украинцев"}),
        ("китаец", "ec", "demonym", {"китайца", "китайцы"}),
        ("россиянин", "anin", "demonym", {"россиянина", "россияне", "россиян"}),
        ("Южная Корея", "auto", "country", {"Южной Кореи", "Южную Корею"}),
        ("Соединённые Штаты", "adj pl", "country", {"Соединённых Штатов", "Соединёнными Штатами"}),
        ("Папа Римский", "f adj", "person", {"Папы Римского", "Папу Римского"}),
        ("Токио", "-", "place", {"Токио"}),
    ],
)
def test_ru_declension_rules(surface: str, infl: str, kind: str, expected: set[str]) -> None:
    assert expected <= ru_forms(surface, infl, kind)


# --- validation --------------------------------------------------------------------------------

_HEADER = "kind\tcode\tsurface\tinfl\n"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("city\tRUS\tMoskou\t-", "unknown kind"),
        ("country\tXYZ\tNowhere\t-", "unknown code"),
        ("country\tRUS\t\t-", "empty surface"),
        ("country\tRUS\tRusland\t-\ncountry\tBLR\tRusland\t-", "listed twice"),
        ("demonym\tRUS\tRussisch\t>>e", "bad suffix rule"),
        ("block\tRUS\tRusland\t-", "block"),
    ],
)
def test_bad_tsv_raises_with_file_and_line(tmp_path: Path, row: str, reason: str) -> None:
    tsv = tmp_path / "entities.tsv"
    tsv.write_text(_HEADER + "# a comment line\n" + row + "\n", encoding="utf-8")
    last_line = 2 + row.count("\n") + 1
    with pytest.raises(ValueError, match=reason) as error:
        load_entities(tsv, "nl")
    assert str(error.value).startswith(f"{tsv}:{last_line}: ")


def test_bad_russian_declension_spec_is_rejected(tmp_path: Path) -> None:
    tsv = tmp_path / "entities.tsv"
    tsv.write_text(_HEADER + "country\tMDA\tРеспублика Молдова\tf\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"entities.tsv:2: .*1 classes for 2 words"):
        load_entities(tsv, "ru")


def test_missing_header_is_rejected(tmp_path: Path) -> None:
    tsv = tmp_path / "entities.tsv"
    tsv.write_text("country\tRUS\tRusland\t-\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"entities.tsv:1: header"):
        load_entities(tsv, "nl")


@pytest.mark.parametrize("lang", supported_languages())
def test_every_lexicon_loads_with_valid_codes_and_no_conflicts(lang: str) -> None:
    entries = load_entities(LEXICON_DIR / lang / "entities.tsv", lang)
    assert entries
    assert all(e.code == "-" or valid_code(e.code) for e in entries)
    gaz = build_gazetteer(lang)
    assert gaz.conflicts == ()
    targets = [t for t in gaz.table.values() if t.code is not None]
    assert {t.kind for t in targets} <= set(KINDS)
    assert all(valid_code(t.code) for t in targets if t.code is not None)


def test_unsupported_language_is_an_error() -> None:
    assert supported_languages() == ("en", "nl", "ro", "ru")
    with pytest.raises(ValueError, match="unsupported language"):
        find_entities("Paris", "de")


# --- invariants on arbitrary text ----------------------------------------------------------------

_PIECES = [
    "Verenigde Staten",
    "Staten",
    "Rusland",
    "Wit-Rusland",
    "VS-",
    "Kiev",
    "Amerikaanse",
    "de",
    "en",
    "-",
    " ",
    ",",
    "Poetin",
    "Latijns-Amerikaanse",
    "x",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_mentions_are_sorted_non_overlapping_slices(pieces: list[str]) -> None:
    text = " ".join(pieces)
    mentions = find_entities(text, "nl")
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in pairwise(mentions))
    assert all(m.kind in KINDS for m in mentions)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "De VS, Wit-Rusland en de Verenigde Staten; Poetins Rusland-top in Oost-Oekraïne."),
        ("ru", "Посол России в Республике Молдова, российско-американские переговоры в Белом доме."),
        ("en", "U.S. and UK officials met in Washington, D.C., pro-Russian groups in the Gaza Strip."),
    ],
)
def test_trie_pattern_finds_what_a_longest_first_alternation_finds(lang: str, text: str) -> None:
    gaz = build_gazetteer(lang)
    words = sorted(gaz.table, key=len, reverse=True)
    plain = re.compile(f"{LEFT_GUARD}(?=({'|'.join(map(re.escape, words))}){RIGHT_GUARD})")
    folded = fold(text)
    assert [m.span(1) for m in gaz.pattern.finditer(folded)] == [m.span(1) for m in plain.finditer(folded)]


def test_auto_is_refused_where_the_entity_inflection_has_no_auto_rule(tmp_path: Path) -> None:
    tsv = tmp_path / "entities.tsv"
    tsv.write_text(_HEADER + "country\tRUS\tRusland\tauto\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"entities.tsv:2: infl 'auto' .* not 'dutch_genitive' of 'nl'"):
        load_entities(tsv, "nl")
    assert load_entities(tsv, "nl", "romanian_articles")[0].infl == "auto"


def test_cldr_names_inflect_and_spell_out_ampersands_as_the_grammar_says() -> None:
    english = {e.surface: e.infl for e in cldr_country_entries("en")}
    assert english["Trinidad & Tobago"] == english["Trinidad and Tobago"] == "-"
    assert {e.infl for e in cldr_country_entries("ro")} == {"auto"}
    assert not any("&" in e.surface for e in cldr_country_entries("nl"))


def _copy_language(source: str, code: str, root: Path) -> None:
    """The data files of a shipped language under another code, each file's language field renamed."""
    folder = root / code
    shutil.copytree(LEXICON_DIR / source, folder)
    for path in folder.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("language") == source:
            path.write_text(json.dumps(data | {"language": code}, ensure_ascii=False), encoding="utf-8")


def test_a_new_language_folder_is_a_supported_language(tmp_path: Path) -> None:
    """German from Dutch data alone: the gazetteer takes its morphology from grammar.json, its names from CLDR."""
    _copy_language("en", "en", tmp_path)  # the English names that a borrowing language also finds
    _copy_language("nl", "de", tmp_path)
    assert supported_languages(tmp_path) == ("de", "en")
    german = build_gazetteer("de", lexicon_dir=tmp_path)
    assert german.table[fold("Russlands")].code == "RUS"  # German CLDR name, with the Dutch genitive rule
    assert german.table[fold("Petersburgs")].code == "RUS"  # the Dutch entities.tsv, with the genitive
    assert german.table[fold("Sudan")].code == "SDN"  # English names borrowed
    assert german.table == build_gazetteer("de", lexicon_dir=tmp_path).table
    with pytest.raises(ValueError, match="unsupported language 'nl'"):
        build_gazetteer("nl", lexicon_dir=tmp_path)


def test_a_new_language_folder_is_found_by_the_event_time_and_money_loaders(tmp_path: Path) -> None:
    from flows.lexicon import event_lexicon, supported_event_languages
    from flows.money import load_lexicon
    from flows.money import supported_languages as money_languages
    from flows.temporal import load_time_lexicon

    _copy_language("nl", "de", tmp_path)
    assert supported_event_languages(tmp_path) == ("de",)
    german = event_lexicon("de", tmp_path)
    assert german is not None and german.grammar.entity_inflection == "dutch_genitive"
    assert money_languages(tmp_path) == ("de",)
    assert load_lexicon("de", tmp_path / "de" / "money.json").language == "de"
    assert load_time_lexicon(tmp_path / "de" / "time.json").language == "de"
