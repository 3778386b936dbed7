"""Temporal stage: publication reference, time expressions and event dates, one phenomenon a test."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.temporal import (
    LANGUAGES,
    DocumentReference,
    ResolvedDate,
    days_of_next_sentence,
    find_time_expressions,
    infer_reference,
    load_time_lexicon,
    parse_header_date,
    resolve_event_date,
    time_lexicon,
)


def day_ref(day: date) -> DocumentReference:
    """A reference whose publication day is known."""
    return DocumentReference(day, day, day, "header_day")


def resolve(sentence: str, lang: str, ref: DocumentReference | None, trigger: str) -> ResolvedDate:
    """Resolve with the trigger given as a word of the sentence."""
    start = sentence.index(trigger)
    return resolve_event_date(sentence, lang, ref, start, start + len(trigger))


def interval(resolved: ResolvedDate) -> tuple[date, date, date]:
    """(date_min, event_date, date_max) of a resolved date, checked to be known and ordered."""
    low, best, high = resolved.date_min, resolved.event_date, resolved.date_max
    assert low is not None and best is not None and high is not None
    assert low <= best <= high
    return low, best, high


def assert_ordered(resolved: ResolvedDate) -> None:
    interval(resolved)


# --- header -----------------------------------------------------------------------------------

def test_header_month() -> None:
    assert parse_header_date("2023-02") == (date(2023, 2, 1), "month")


def test_header_day() -> None:
    assert parse_header_date("2023-02-24") == (date(2023, 2, 24), "day")


def test_header_line_with_indent_and_headline() -> None:
    text = " date 2023-02 De VS beloofden meer wapens\n\nWashington geeft nog eens geld uit."
    assert parse_header_date(text) == (date(2023, 2, 1), "month")


def test_header_missing() -> None:
    assert parse_header_date("Washington geeft nog eens $ 2 miljard uit.") == (None, "missing")


@pytest.mark.parametrize("value", ["2023-13", "date 2023-02-30 Kop", "date 20x3-02 Kop"])
def test_header_invalid(value: str) -> None:
    assert parse_header_date(value) == (None, "invalid")


# --- publication reference --------------------------------------------------------------------

DUTCH_FEBRUARY = (
    "date 2023-02 De VS beloven meer wapens\n\n"
    "In een verklaring op vrijdag zei het Pentagon dat de steun blijft.\n\n"
    "Ondertussen ontbood het ministerie dinsdag de Amerikaanse ambassadeur.\n\n"
    "Dat gebeurde na het bezoek van de president aan Kiev op maandag.\n\n"
    "Volgens schattingen hebben de VS per 20 februari 30 miljard dollar uitgetrokken."
)


def test_reference_from_weekdays_and_explicit_date() -> None:
    ref = infer_reference(DUTCH_FEBRUARY, "nl", date(2023, 2, 1), "month")
    assert ref is not None
    assert ref.pub_best == date(2023, 2, 24)
    assert (ref.pub_min, ref.pub_max) == (date(2023, 2, 20), date(2023, 2, 28))
    assert "explicit_date" in ref.basis and "weekdays" in ref.basis


def test_weekdays_resolve_against_inferred_reference() -> None:
    ref = infer_reference(DUTCH_FEBRUARY, "nl", date(2023, 2, 1), "month")
    sentence = "Ondertussen ontbood het ministerie dinsdag de Amerikaanse ambassadeur."
    assert resolve(sentence, "nl", ref, "ontbood").event_date == date(2023, 2, 21)
    sentence = "Dat gebeurde na het bezoek van de president aan Kiev op maandag."
    assert resolve(sentence, "nl", ref, "bezoek").event_date == date(2023, 2, 20)


def test_day_header_fixes_the_reference() -> None:
    ref = infer_reference("Obama welcomed Trudeau on Thursday.", "en", date(2016, 3, 10), "day")
    assert ref == day_ref(date(2016, 3, 10))
    resolved = resolve("Obama welcomed Trudeau at the White House on Thursday.", "en", ref, "welcomed")
    assert (resolved.event_date, resolved.precision) == (date(2016, 3, 10), "day")


@pytest.mark.parametrize("basis", ["header_day", "header_month+dateline", "header_month+today_date"])
def test_an_undated_event_of_a_known_publication_day_lies_in_the_week_before(basis: str) -> None:
    day = date(2016, 3, 10)
    ref = DocumentReference(day, day, day, basis)
    resolved = resolve("Obama welcomed Trudeau at the White House.", "en", ref, "welcomed")
    assert interval(resolved) == (date(2016, 3, 3), day, day)
    assert (resolved.precision, resolved.basis) == ("week", "publication")


def test_an_undated_event_of_a_day_inferred_from_weekdays_keeps_the_month() -> None:
    day = date(2016, 3, 10)
    ref = DocumentReference(day, day, day, "header_month+weekdays")
    resolved = resolve("Obama welcomed Trudeau at the White House.", "en", ref, "welcomed")
    assert interval(resolved) == (date(2016, 2, 23), day, day)
    assert resolved.precision == "month"


@pytest.mark.parametrize(("sentence", "lang", "trigger", "low", "high"), [
    ("Last year, when Chancellor Scholz visited Ankara, the talks were tense.", "en", "visited",
     date(2023, 1, 1), date(2023, 12, 31)),
    ("In March, when Merkel visited Mali, she promised more help.", "en", "visited",
     date(2024, 3, 1), date(2024, 3, 31)),
    ("В прошлом году, когда Меркель посетила Мали, она обещала помощь.", "ru", "посетила",
     date(2023, 1, 1), date(2023, 12, 31)),
])
def test_a_fronted_adverbial_dates_the_clause_its_subordinator_opens(sentence: str, lang: str, trigger: str,
                                                                    low: date, high: date) -> None:
    resolved = resolve(sentence, lang, day_ref(date(2024, 5, 15)), trigger)
    assert (resolved.date_min, resolved.date_max) == (low, high)


def test_a_subordinate_clause_after_a_whole_main_clause_is_not_dated_by_it() -> None:
    resolved = resolve("The talks were tense last year, when Merkel visited Mali.", "en", day_ref(date(2024, 5, 15)),
                       "visited")
    assert resolved.date_max == date(2024, 5, 15)


def test_today_with_date_pins_publication() -> None:
    text = "date 2023-04 МИД вызвал посла\n\nСегодня, 25 апреля, российский МИД вызвал посла Молдовы."
    ref = infer_reference(text, "ru", date(2023, 4, 1), "month")
    assert ref is not None
    assert ref.pub_min == ref.pub_max == ref.pub_best == date(2023, 4, 25)


@pytest.mark.parametrize(("text", "lang", "header", "day"), [
    ("date 2023-02 Biden in Kyiv\nKYIV, Feb 20 (Reuters) - U.S. President Joe Biden visited Kyiv on Monday.", "en",
     date(2023, 2, 1), date(2023, 2, 20)),
    ("date 2024-05 Посол\n\nМОСКВА, 22 мая. /ТАСС/. МИД России вызвал посла Эстонии в понедельник.", "ru",
     date(2024, 5, 1), date(2024, 5, 22)),
    ("date 2019-06 Ambassadeur\n\nDEN HAAG, 3 juni (ANP) - Nederland heeft vrijdag de ambassadeur ontboden.", "nl",
     date(2019, 6, 1), date(2019, 6, 3)),
])
def test_a_dateline_gives_the_publication_day(text: str, lang: str, header: date, day: date) -> None:
    ref = infer_reference(text, lang, header, "month")
    assert ref is not None
    assert ref.pub_min == ref.pub_max == ref.pub_best == day and ref.basis.endswith("+dateline")


def test_a_date_after_a_place_in_running_text_is_no_dateline() -> None:
    text = "date 2019-06 Talks\n\nThe minister arrived in Paris, 3 June, and met his counterpart on Friday."
    ref = infer_reference(text, "en", date(2019, 6, 1), "month")
    assert ref is not None and "dateline" not in ref.basis and ref.pub_max == date(2019, 6, 30)


def test_today_with_weekday_keeps_only_that_weekday() -> None:
    text = "date 2023-02 Talks\n\nToday, Tuesday, the minister met his counterpart."
    ref = infer_reference(text, "en", date(2023, 2, 1), "month")
    assert ref is not None
    assert ref.pub_best.weekday() == ref.pub_min.weekday() == ref.pub_max.weekday() == 1


def test_future_dates_do_not_bound_publication() -> None:
    text = "date 2023-02 Summit\n\nThe leaders will meet in Brussels on 27 February."
    ref = infer_reference(text, "en", date(2023, 2, 1), "month")
    assert ref is not None and ref.pub_min == date(2023, 2, 1)


def test_no_header_uses_latest_stated_date() -> None:
    text = "Визит состоялся 4 мая 2022 года, а встреча 2 мая 2022 года."
    ref = infer_reference(text, "ru", None, "missing")
    assert ref is not None and (ref.pub_best, ref.basis) == (date(2022, 5, 4), "explicit_date")
    assert infer_reference("Geen datum hier.", "nl", None, "missing") is None


# --- weekdays ---------------------------------------------------------------------------------

def test_english_late_arrival_for_a_two_day_visit() -> None:
    sentence = "Biden arrived in Israel late on Tuesday for a two-day visit."
    resolved = resolve(sentence, "en", day_ref(date(2016, 3, 9)), "visit")
    low, best, high = interval(resolved)
    assert best == low == date(2016, 3, 8)
    assert resolved.precision == "days"
    assert date(2016, 3, 9) <= high <= date(2016, 3, 10)


def test_russian_tuesday() -> None:
    sentence = "Посол был вызван во вторник в министерство иностранных дел."
    assert resolve(sentence, "ru", day_ref(date(2024, 3, 12)), "вызван").event_date == date(2024, 3, 12)


def test_russian_friday_accusative() -> None:
    sentence = "Министерство в пятницу вызвало посла России."
    assert resolve(sentence, "ru", day_ref(date(2022, 7, 18)), "вызвало").event_date == date(2022, 7, 15)


def test_dutch_weekday_compound() -> None:
    sentence = "Dat zei de koning vrijdagmiddag in Crosshaven, aan het einde van zijn staatsbezoek."
    resolved = resolve(sentence, "nl", day_ref(date(2019, 6, 16)), "staatsbezoek")
    assert resolved.event_date == date(2019, 6, 14)


def test_next_weekday_is_future() -> None:
    [expr] = find_time_expressions("He will travel to Kyiv next Monday.", "en", day_ref(date(2023, 2, 24)))
    assert expr.future and expr.event_date == date(2023, 2, 27)


def test_weekday_on_publication_day_is_that_day() -> None:
    [expr] = find_time_expressions("Het Pentagon zei op vrijdag", "nl", day_ref(date(2023, 2, 24)))
    assert expr.event_date == date(2023, 2, 24)


def test_uncertain_reference_gives_every_compatible_day() -> None:
    text = "date 2023-02 Protest\n\nThe ministry summoned the ambassador on Tuesday."
    ref = infer_reference(text, "en", date(2023, 2, 1), "month")
    assert ref is not None and (ref.pub_min, ref.pub_max) == (date(2023, 2, 1), date(2023, 2, 28))
    resolved = resolve("The ministry summoned the ambassador on Tuesday.", "en", ref, "summoned")
    low, best, high = interval(resolved)
    assert best.weekday() == 1
    compatible = {ref.pub_min + timedelta(days=i) for i in range(28)}
    tuesdays = {p - timedelta(days=(p.weekday() - 1) % 7) for p in compatible}
    assert all(low <= t <= high for t in tuesdays)


# --- explicit dates, ranges, months, years ----------------------------------------------------

def test_russian_date_in_the_past_keeps_the_year() -> None:
    sentence = "МИД Молдовы 12 октября вручил ноту протеста послу."
    assert resolve(sentence, "ru", day_ref(date(2024, 11, 12)), "ноту").event_date == date(2024, 10, 12)


def test_russian_date_after_publication_rolls_back_a_year() -> None:
    sentence = "МИД Молдовы 12 октября вручил ноту протеста послу."
    assert resolve(sentence, "ru", day_ref(date(2024, 2, 12)), "ноту").event_date == date(2023, 10, 12)


def test_russian_day_range() -> None:
    sentence = "Председатель парламента 21-23 ноября находится с официальным визитом в Австрии."
    resolved = resolve(sentence, "ru", day_ref(date(2023, 11, 21)), "визитом")
    assert (resolved.date_min, resolved.date_max, resolved.precision) == (
        date(2023, 11, 21), date(2023, 11, 23), "days")


def test_dutch_range_with_tm() -> None:
    [expr] = find_time_expressions("van 14 t/m 16 mei", "nl", day_ref(date(2023, 6, 1)))
    assert expr.kind == "explicit_range"
    assert (expr.date_min, expr.date_max) == (date(2023, 5, 14), date(2023, 5, 16))


def test_english_month_first_date_with_year() -> None:
    [expr] = find_time_expressions("on May 14, 2022", "en", day_ref(date(2023, 2, 24)))
    assert (expr.kind, expr.event_date) == ("explicit_date", date(2022, 5, 14))


def test_russian_month_of_last_year() -> None:
    sentence = "В декабре прошлого года посла вызвали в МИД."
    resolved = resolve(sentence, "ru", day_ref(date(2023, 3, 14)), "вызвали")
    assert (resolved.date_min, resolved.date_max, resolved.precision) == (
        date(2022, 12, 1), date(2022, 12, 31), "month")


def test_dutch_month_name_is_the_latest_such_month() -> None:
    ref = day_ref(date(2019, 4, 11))
    resolved = resolve("Blok ging in oktober op bezoek in Ankara.", "nl", ref, "bezoek")
    assert (resolved.date_min, resolved.date_max) == (date(2018, 10, 1), date(2018, 10, 31))


def test_explicit_date_beats_today() -> None:
    sentence = "Сегодня, 25 апреля, российский МИД вызвал посла Молдовы."
    resolved = resolve(sentence, "ru", day_ref(date(2023, 4, 26)), "вызвал")
    assert resolved.event_date == date(2023, 4, 25) and "25 апреля" in resolved.basis


@pytest.mark.parametrize(("lang", "sentence", "trigger", "year"), [
    ("en", "Macri was in 2017 on a state visit to Spain.", "visit", 2017),
    ("ru", "В 2019 году мы в составе делегации ездили в Москву.", "ездили", 2019),
    ("nl", "Het staatsbezoek van Bush eind 2003 was anders.", "staatsbezoek", 2003),
])
def test_years(lang: str, sentence: str, trigger: str, year: int) -> None:
    resolved = resolve(sentence, lang, day_ref(date(2023, 2, 24)), trigger)
    assert resolved.precision == "year" and resolved.event_date is not None
    assert resolved.event_date.year == year
    assert_ordered(resolved)


# --- relative words ---------------------------------------------------------------------------

def test_russian_last_week() -> None:
    sentence = "На прошлой неделе глава МИД вручил ноту протеста послу."
    resolved = resolve(sentence, "ru", day_ref(date(2022, 12, 15)), "ноту")
    assert (resolved.date_min, resolved.date_max, resolved.precision) == (
        date(2022, 12, 5), date(2022, 12, 11), "week")


def test_dutch_last_week() -> None:
    ref = day_ref(date(2019, 6, 14))
    resolved = resolve("De minister was vorige week op bezoek in Kiev.", "nl", ref, "bezoek")
    assert (resolved.date_min, resolved.date_max) == (date(2019, 6, 3), date(2019, 6, 9))


def test_dutch_morning_is_not_tomorrow() -> None:
    assert find_time_expressions("Hij landde in de morgen.", "nl", day_ref(date(2019, 6, 3))) == []
    [expr] = find_time_expressions("Hij vertrekt morgen.", "nl", day_ref(date(2019, 6, 3)))
    assert expr.future and expr.event_date == date(2019, 6, 4)


def test_russian_eve_of_an_event_is_not_yesterday() -> None:
    ref = day_ref(date(2023, 2, 24))
    assert find_time_expressions("Накануне визита МИД вызвал посла.", "ru", ref) == []
    [expr] = find_time_expressions("Накануне МИД вызвал посла.", "ru", ref)
    assert expr.event_date == date(2023, 2, 23)


def test_russian_environment_is_not_wednesday() -> None:
    ref = day_ref(date(2023, 2, 24))
    assert find_time_expressions("охрана окружающей среды и безопасную среду", "ru", ref) == []
    [expr] = find_time_expressions("посла вызвали в среду", "ru", ref)
    assert expr.event_date == date(2023, 2, 22)


def test_date_glued_to_a_word_is_still_read() -> None:
    texts = [e.text for e in find_time_expressions("в среду22 февраля", "ru", day_ref(date(2023, 2, 24)))]
    assert texts == ["в среду", "22 февраля"]


# --- durations --------------------------------------------------------------------------------

def test_since_saturday_with_four_day_state_visit() -> None:
    sentence = "Trump is sinds zaterdag in Japan voor een vierdaags staatsbezoek."
    resolved = resolve(sentence, "nl", day_ref(date(2019, 5, 28)), "staatsbezoek")
    assert (resolved.event_date, resolved.date_min, resolved.date_max) == (
        date(2019, 5, 25), date(2019, 5, 25), date(2019, 5, 28))


def test_visit_that_ends_on_the_weekday() -> None:
    sentence = "Trump, die dinsdag zijn vierdaags staatsbezoek aan Japan afrondt, zei dat."
    resolved = resolve(sentence, "nl", day_ref(date(2019, 5, 28)), "staatsbezoek")
    assert (resolved.date_min, resolved.date_max) == (date(2019, 5, 25), date(2019, 5, 28))


def test_duration_starting_on_publication_day() -> None:
    sentence = "De koningin is begonnen aan een tweedaags bezoek aan Estland."
    resolved = resolve(sentence, "nl", day_ref(date(2019, 6, 15)), "bezoek")
    assert (resolved.date_min, resolved.date_max) == (date(2019, 6, 15), date(2019, 6, 16))


def test_russian_duration_in_any_case_and_spelling() -> None:
    ref = day_ref(date(2023, 2, 24))
    for word in ("двухдневный", "двухдневным", "трёхдневного", "трехдневной"):
        [expr] = find_time_expressions(f"с {word} визитом", "ru", ref)
        assert expr.kind == "duration"


# --- resolution rules -------------------------------------------------------------------------

def test_expression_in_the_triggers_clause_wins() -> None:
    sentence = "Biden, who visited Kyiv on Monday, pledged $500 million on Tuesday."
    resolved = resolve(sentence, "en", day_ref(date(2023, 2, 24)), "pledged")
    assert resolved.event_date == date(2023, 2, 21)


def test_fronted_adverbial_belongs_to_the_clause() -> None:
    ref = day_ref(date(2023, 2, 26))
    resolved = resolve("On Friday, the Pentagon announced a package.", "en", ref, "announced")
    assert resolved.event_date == date(2023, 2, 24)


def test_no_expression_falls_back_to_publication() -> None:
    """The header month, and the week before it: news reports the days before publication."""
    ref = DocumentReference(date(2023, 2, 20), date(2023, 2, 28), date(2023, 2, 24), "header_month+weekdays")
    resolved = resolve("Het Pentagon kondigde een nieuw pakket aan.", "nl", ref, "kondigde")
    expected = ResolvedDate(date(2023, 2, 24), date(2023, 1, 25), date(2023, 2, 28), "month", "publication")
    assert resolved == expected


def test_no_reference_and_no_expression_is_unknown() -> None:
    resolved = resolve("Het Pentagon kondigde een nieuw pakket aan.", "nl", None, "kondigde")
    assert (resolved.event_date, resolved.date_min, resolved.date_max, resolved.precision) == (
        None, None, None, "unknown")


def test_no_reference_still_reads_a_full_date() -> None:
    resolved = resolve("Визит состоялся 4 мая 2022 года.", "ru", None, "Визит")
    assert resolved.event_date == date(2022, 5, 4)


def test_language_without_time_lexicon_falls_back() -> None:
    ref = day_ref(date(2023, 2, 24))
    assert find_time_expressions("marți", "xx", ref) == []
    assert resolve("Ministrul a vizitat Kievul marți.", "xx", ref, "vizitat").basis == "publication"


# --- lexicons ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_shipped_lexicons_load(lang: str) -> None:
    assert time_lexicon(lang).language == lang


@pytest.mark.parametrize(("content", "reason"), [
    ({"language": "nl", "weekdayz": {}}, "unknown key"),
    ({"language": "nl", "relative_days": {"gisteren": "yesterday"}}, "relative_days.gisteren"),
    ({"language": "nl", "weekday_prefixes": {"op": "sometime"}}, "weekday_prefixes.op"),
    ({"language": "nl", "durations": ["tweedaags"]}, "durations"),
    ({"weekdays": {}}, "language"),
])
def test_invalid_lexicon_names_the_file(tmp_path: Path, content: dict[str, object], reason: str) -> None:
    path = tmp_path / "time.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match=reason) as failure:
        load_time_lexicon(path)
    assert str(failure.value).startswith(str(path))


def test_broken_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "time.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"time\.json"):
        load_time_lexicon(path)


# --- properties -------------------------------------------------------------------------------

TIME_WORDS = st.sampled_from([
    "dinsdag", "vorige week", "in oktober", "14 mei", "op vrijdag", "tweedaags", "gisteren", "eind 2003",
    "on Tuesday", "last week", "May 14, 2022", "two-day", "next Monday", "in 2017", "earlier this month",
    "во вторник", "21-23 ноября", "накануне", "в декабре прошлого года", "двухдневный", "сегодня",
    ",", ".", " ", "visit", "bezoek", "визит", "31", "2023", "-", "t/m",
])


@settings(max_examples=200, deadline=None)
@given(words=st.lists(TIME_WORDS, min_size=1, max_size=12), lang=st.sampled_from(LANGUAGES),
       offset=st.integers(0, 27), header_day=st.booleans())
def test_resolution_never_raises_and_stays_ordered(
    words: list[str], lang: str, offset: int, header_day: bool
) -> None:
    sentence = " ".join(words)
    pub = date(2023, 2, 1) + timedelta(days=offset)
    month = DocumentReference(date(2023, 2, 1), date(2023, 2, 28), pub, "header_month")
    ref = day_ref(pub) if header_day else month
    resolved = resolve_event_date(sentence, lang, ref, 0, min(3, len(sentence)))
    assert_ordered(resolved)
    for expr in find_time_expressions(sentence, lang, ref):
        assert expr.date_min <= expr.event_date <= expr.date_max
        assert sentence[expr.start:expr.end] == expr.text
        if not expr.future and expr.kind not in ("explicit_range", "duration"):
            assert expr.event_date <= ref.pub_max


@pytest.mark.parametrize(("lang", "sentence", "trigger"), [
    ("nl", "Het eerste staatsbezoek aan India sinds 2007 begon afgelopen maandag.", "staatsbezoek"),
    ("en", "The first state visit to India since 2007 began last Monday.", "state visit"),
    ("ru", "Первый государственный визит в Индию с 2007 года начался в прошлый понедельник.", "визит"),
])
def test_a_year_after_since_is_a_comparison_not_the_date(lang: str, sentence: str, trigger: str) -> None:
    resolved = resolve(sentence, lang, day_ref(date(2019, 10, 17)), trigger)
    assert interval(resolved) == (date(2019, 10, 14),) * 3


@pytest.mark.parametrize(("lang", "sentence"), [
    ("nl", "De minister arriveerde afgelopen maandag."),  # "afgelopen maand" is the start of it
    ("en", "The minister arrived last Monday."),
])
def test_a_relative_period_word_does_not_hide_the_weekday_it_begins(lang: str, sentence: str) -> None:
    resolved = resolve(sentence, lang, day_ref(date(2019, 10, 17)), sentence.split()[2])
    assert resolved.event_date == date(2019, 10, 14)
    assert "weekday" in resolved.basis


def test_russian_adjectival_month_dates_the_visit() -> None:
    """"во время июньского визита": the month adjective names the month without a preposition."""
    sentence = "Во время июньского визита в Кишинев министр объявил о новой помощи."
    resolved = resolve(sentence, "ru", day_ref(date(2023, 9, 20)), "визита")
    assert (resolved.date_min, resolved.date_max, resolved.precision) == (
        date(2023, 6, 1), date(2023, 6, 30), "month")
    resolved = resolve("Итоги ноябрьской поездки премьера обсудили в правительстве.", "ru",
                       day_ref(date(2024, 2, 5)), "поездки")
    assert (resolved.date_min, resolved.date_max) == (date(2023, 11, 1), date(2023, 11, 30))


def test_russian_capitalised_month_adjective_inside_a_sentence_is_a_name() -> None:
    found = find_time_expressions("Министр посетил Октябрьский район столицы.", "ru", day_ref(date(2024, 2, 5)))
    assert found == []


@pytest.mark.parametrize(("lang", "sentence", "trigger"), [
    ("ru", "В марте было объявлено, что фонд предоставит Молдове кредит.", "предоставит"),
    ("ru", "В марте правительство сообщило, что Япония выделит Молдове грант.", "выделит"),
    ("en", "In March the ministry announced that Japan will provide a grant.", "provide"),
    ("en", "In March, the ministry announced that Japan will provide a grant.", "provide"),
    ("nl", "In maart maakte het ministerie bekend dat Japan een schenking geeft.", "schenking"),
])
def test_announcement_time_dates_the_announced_event(lang: str, sentence: str, trigger: str) -> None:
    """The month of "announced that ..." dates what is announced (a pledge is made when announced)."""
    resolved = resolve(sentence, lang, day_ref(date(2024, 10, 15)), trigger)
    assert (resolved.date_min, resolved.date_max) == (date(2024, 3, 1), date(2024, 3, 31))


def test_month_before_a_relative_clause_stays_background() -> None:
    """Without a reporting verb a month in another clause still does not date the event."""
    sentence = "In March the plan failed, that the minister will visit Japan is news."
    resolved = resolve(sentence, "en", day_ref(date(2024, 10, 15)), "visit")
    assert resolved.basis == "publication"


def test_each_listed_place_takes_its_own_day() -> None:
    sentence = "The envoy toured the region, meeting Ruto in Nairobi on March 3 and Hassan in Dodoma on March 6."
    ref = day_ref(date(2025, 3, 10))
    start = sentence.index("meeting")
    first = resolve_event_date(sentence, "en", ref, start, start + 7, "Nairobi")
    second = resolve_event_date(sentence, "en", ref, start, start + 7, "Dodoma")
    assert (first.event_date, second.event_date) == (date(2025, 3, 3), date(2025, 3, 6))


def test_russian_listed_places_take_their_own_days() -> None:
    sentence = "Министр провёл переговоры в Вене 4 июня и в Праге 7 июня."
    ref = day_ref(date(2025, 6, 10))
    start = sentence.index("переговоры")
    assert resolve_event_date(sentence, "ru", ref, start, start + 10, "Праге").event_date == date(2025, 6, 7)
    assert resolve_event_date(sentence, "ru", ref, start, start + 10, "Вене").event_date == date(2025, 6, 4)


def test_visit_under_way_takes_the_days_the_next_sentence_opens_with() -> None:
    sentence = "Премьер-министр совершает официальный визит в Вене."
    following = " 14-15 марта он встретится с федеральным канцлером."
    resolved = days_of_next_sentence(sentence, "ru", day_ref(date(2025, 3, 14)), following)
    assert resolved is not None
    assert (resolved.date_min, resolved.date_max, resolved.precision) == (
        date(2025, 3, 14), date(2025, 3, 15), "days")


def test_finished_visit_or_a_later_date_does_not_take_the_next_sentence_days() -> None:
    ref = day_ref(date(2025, 3, 20))
    past = "Премьер-министр совершил официальный визит в Вене."
    assert days_of_next_sentence(past, "ru", ref, " 14-15 марта он встретился с канцлером.") is None
    ongoing = "The minister is on a visit to Vienna."
    assert days_of_next_sentence(ongoing, "en", ref, " Talks are planned for March 14.") is None
    assert days_of_next_sentence(ongoing, "en", ref, " March 14-15: talks with the chancellor.") is not None


def test_day_of_a_time_zone_conversion_in_parentheses_is_not_the_event_day() -> None:
    sentence = "The ministry summoned the envoy at 3 a.m. (8.00 p.m. ET on Thursday) to protest."
    resolved = resolve(sentence, "en", day_ref(date(2025, 5, 10)), "summoned")
    assert "Thursday" not in resolved.basis
    assert resolved.basis.startswith("publication")
    ru = "МИД вызвал посла в 2 часа ночи (19:00 GMT в среду)."
    assert resolve(ru, "ru", day_ref(date(2025, 5, 10)), "вызвал").basis.startswith("publication")



@pytest.mark.parametrize(("sentence", "lang", "trigger"), [
    ("Het ministerie ontbood de ambassadeur om 3 uur (21.00 uur EST op donderdag).", "nl", "ontbood"),
    ("МИД вызвал посла в 2 часа ночи (в 19 ч мск в среду).", "ru", "вызвал"),
])
def test_the_languages_own_clock_and_zone_words_mark_a_conversion(sentence: str, lang: str, trigger: str) -> None:
    assert resolve(sentence, lang, day_ref(date(2025, 5, 10)), trigger).basis.startswith("publication")

def test_day_in_other_parentheses_still_counts() -> None:
    sentence = "The ministry summoned the envoy (on Thursday) to protest."
    resolved = resolve(sentence, "en", day_ref(date(2025, 5, 10)), "summoned")
    assert resolved.event_date == date(2025, 5, 8)


MONTH_REF = DocumentReference(date(2023, 2, 1), date(2023, 2, 28), date(2023, 2, 14), "header_month")


@pytest.mark.parametrize(("sentence", "lang", "trigger", "place"), [
    ("President Biden visited Kyiv on Monday, Feb. 20.", "en", "visited", "Kyiv"),
    ("President Biden bezocht Kyiv op maandag 20 februari.", "nl", "bezocht", "Kyiv"),
    ("Президент Байден посетил Киев в понедельник, 20 февраля.", "ru", "посетил", "Киев"),
])
def test_weekday_naming_the_stated_date_gives_that_date_even_right_after_the_place(
        sentence: str, lang: str, trigger: str, place: str) -> None:
    start = sentence.index(trigger)
    resolved = resolve_event_date(sentence, lang, MONTH_REF, start, start + len(trigger), place=place)
    assert interval(resolved) == (date(2023, 2, 20),) * 3


@pytest.mark.parametrize(("sentence", "lang", "trigger", "weekday"), [
    ("Președintele a vizitat Ucraina marțea trecută.", "ro", "vizitat", 1),
    ("Președintele a vizitat Ucraina vinerea trecută.", "ro", "vizitat", 4),
    ("De president bezocht Oekraïne dinsdag jongstleden.", "nl", "bezocht", 1),
])
def test_weekday_with_a_past_word_after_it_is_a_weekday_strictly_before_publication(
        sentence: str, lang: str, trigger: str, weekday: int) -> None:
    low, best, high = interval(resolve(sentence, lang, MONTH_REF, trigger))
    assert low.weekday() == best.weekday() == high.weekday() == weekday
    # any such weekday of the month window, strictly before the latest publication day
    assert low < MONTH_REF.pub_min and MONTH_REF.pub_max - timedelta(days=7) <= high < MONTH_REF.pub_max


@pytest.mark.parametrize(("sentence", "lang", "trigger", "days"), [
    ("President Biden visited Kyiv two days ago.", "en", "visited", 2),
    ("De president bezocht Oekraïne drie dagen geleden.", "nl", "bezocht", 3),
    ("Президент посетил Украину два дня назад.", "ru", "посетил", 2),
    ("Președintele a vizitat Ucraina acum două zile.", "ro", "vizitat", 2),
])
def test_days_ago_counts_back_from_every_possible_publication_day(
        sentence: str, lang: str, trigger: str, days: int) -> None:
    resolved = resolve(sentence, lang, MONTH_REF, trigger)
    assert interval(resolved) == (MONTH_REF.pub_min - timedelta(days=days),
                                  MONTH_REF.pub_best - timedelta(days=days),
                                  MONTH_REF.pub_max - timedelta(days=days))
    assert resolved.precision == "day"


@pytest.mark.parametrize(("sentence", "lang", "trigger", "days"), [
    ("The president visited Kyiv at the beginning of the month.", "en", "visited", (1, 9)),
    ("De president bezocht Kyiv halverwege de maand.", "nl", "bezocht", (10, 19)),
    ("Президент посетил Киев в середине месяца.", "ru", "посетил", (10, 19)),
    ("Президент посетил Киев в конце месяца.", "ru", "посетил", (20, 28)),
    ("Președintele a vizitat Kievul la începutul lunii.", "ro", "vizitat", (1, 9)),
])
def test_part_of_the_month_without_its_name_is_that_part_of_the_publication_month(
        sentence: str, lang: str, trigger: str, days: tuple[int, int]) -> None:
    resolved = resolve(sentence, lang, MONTH_REF, trigger)
    low, _, high = interval(resolved)
    assert (low, high) == (date(2023, 2, days[0]), date(2023, 2, days[1]))
    assert resolved.precision == "month"


def test_part_of_the_month_before_a_month_name_is_not_the_publication_month() -> None:
    # "eind van de maand januari" names January: it is no part of the publication month (February)
    resolved = resolve("De president bezocht Kyiv eind van de maand januari.", "nl", MONTH_REF, "bezocht")
    low, _, high = interval(resolved)
    assert not (low >= date(2023, 2, 20) and high <= date(2023, 2, 28))


@pytest.mark.parametrize(("sentence", "lang", "trigger", "published", "weekend"), [
    ("Biden visited Kyiv over the weekend.", "en", "visited", 27, (25, 26)),
    ("Biden visited Kyiv over the weekend.", "en", "visited", 25, (25, 25)),
    ("Biden visited Kyiv last weekend.", "en", "visited", 26, (18, 19)),
    ("Biden bezocht Kyiv afgelopen weekend.", "nl", "bezocht", 28, (25, 26)),
    ("Байден посетил Киев на выходных.", "ru", "посетил", 27, (25, 26)),
    ("Biden a vizitat Kievul în weekend.", "ro", "vizitat", 27, (25, 26)),
])
def test_weekend_is_its_saturday_and_sunday_never_after_publication(
        sentence: str, lang: str, trigger: str, published: int, weekend: tuple[int, int]) -> None:
    """Days of February 2023, whose 25th is a Saturday."""
    resolved = resolve(sentence, lang, day_ref(date(2023, 2, published)), trigger)
    saturday, last = date(2023, 2, weekend[0]), date(2023, 2, weekend[1])
    assert interval(resolved) == (saturday, saturday, last)
    assert resolved.precision == "days"


def test_weekend_with_a_month_header_is_any_weekend_of_the_month_window() -> None:
    low, best, high = interval(resolve("Biden visited Kyiv over the weekend.", "en", MONTH_REF, "visited"))
    assert (low, high) == (date(2023, 1, 28), date(2023, 2, 26)) and best.weekday() == 5



@pytest.mark.parametrize(("lang", "sentence", "trigger", "place", "day"), [
    ("ru", "Министр в понедельник посетила Варшаву, а во вторник - Прагу.", "посетила", "Варшаву", date(2023, 7, 17)),
    ("nl", "Minister Hoekstra bezocht dinsdag Chisinau, en woensdag Boekarest.", "bezocht", "Chisinau",
     date(2023, 7, 18)),
    ("en", "Baerbock met Putin in Moscow on July 5 and Xi in Beijing on July 8.", "met", "Moscow", date(2023, 7, 5)),
    ("en", "Baerbock met Putin in Moscow on July 5 and Xi in Beijing on July 8.", "met", "Beijing", date(2023, 7, 8)),
])
def test_each_place_of_a_trip_takes_its_own_day(lang: str, sentence: str, trigger: str, place: str,
                                                day: date) -> None:
    """The day written after a place is that place's, unless the trigger's clause has its own day before the place
    and a comma opens the next clause with the next day."""
    start = sentence.index(trigger)
    resolved = resolve_event_date(sentence, lang, day_ref(date(2023, 7, 20)), start, start + len(trigger), place)
    assert resolved.event_date == day
