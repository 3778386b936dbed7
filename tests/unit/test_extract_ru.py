"""Russian phenomena of the extract stage found on unannotated news: glued words, reports of aid
requested from a parliament or received by a country, hypothetical aid, embassies that are no guests.

Texts are written for the test; helpers come from test_extract.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.extract import governed_by
from flows.gazetteer import find_entities
from flows.lexicon import event_lexicon
from tests.unit.test_extract import Event, events, extract


def test_name_glued_to_a_number_is_still_found() -> None:
    # web copy loses the space before a linked figure: "Украине18 млрд"
    found = [(e.text, e.code) for e in find_entities("ЕС выделил Украине18 млрд евро", "ru")]
    assert found == [("ЕС", "EU"), ("Украине", "UKR")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Германия выделила Украине20 млн евро на восстановление.",
                     ("pledge", "DEU", "UKR", 20_000_000.0, "EUR"), id="recipient-glued-to-amount"),
        pytest.param("Франция передаст Украине 50 электрогенераторов.",
                     ("pledge", "FRA", "UKR", None, None), id="generators-are-named-items"),
        pytest.param("Президент США запросил у Конгресса 20 млрд долларов для помощи Израилю.",
                     ("pledge", "USA", "ISR", 20_000_000_000.0, "USD"), id="request-to-own-parliament"),
        pytest.param("Армения получит от Всемирного банка кредит в размере 30 млн долларов.",
                     ("pledge", "WB", "ARM", 30_000_000.0, "USD"), id="recipient-receives-from-donor"),
        pytest.param("Банк реконструкции и развития выделит Армении 4 млн евро.",
                     ("pledge", "EBRD", "ARM", 4_000_000.0, "EUR"), id="ebrd-without-european"),
        pytest.param("Европейский инвестиционный банк предоставит Армении кредит в размере 50 млн евро.",
                     ("pledge", "EIB", "ARM", 50_000_000.0, "EUR"), id="investment-bank-is-no-investment"),
        pytest.param("Евросоюз выделит 200 млн евро на помощь, из которых 20 млн евро пойдут беженцам в Грузии.",
                     ("pledge", "EU", "GEO", 20_000_000.0, "EUR"), id="share-of-a-total-goes-to-its-recipient"),
        pytest.param("Франция объявила о пакете помощи Грузии на общую сумму 40 млн евро.",
                     ("pledge", "FRA", "GEO", 40_000_000.0, "EUR"), id="package-of-a-total-sum"),
        pytest.param("Германия выделит Грузии 100 млн евро, в том числе 20 млн евро на энергетику.",
                     ("pledge", "DEU", "GEO", 100_000_000.0, "EUR"), id="recipient-before-the-share-takes-the-total"),
        pytest.param("Норвегия выделит Украине 7,5 миллиарда крон.",
                     ("pledge", "NOR", "UKR", 7_500_000_000.0, "NOK"), id="bare-crowns-of-a-norwegian-donor"),
        pytest.param("Швеция объявила о новом пакете военной помощи Украине на сумму 6,5 млрд крон.",
                     ("pledge", "SWE", "UKR", 6_500_000_000.0, "SEK"), id="bare-crowns-of-a-swedish-donor"),
        pytest.param("Чехия выделила Украине 300 млн крон.",
                     ("pledge", "CZE", "UKR", 300_000_000.0, "CZK"), id="bare-crowns-of-a-czech-donor"),
        pytest.param("Канада направит Украине 50 бронемашин.",
                     ("pledge", "CAN", "UKR", None, None), id="armoured-vehicles-are-named-items"),
        pytest.param("Германия передаст Украине зенитные установки Gepard.",
                     ("pledge", "DEU", "UKR", None, None), id="anti-aircraft-guns-are-named-items"),
        pytest.param("США передадут Украине боевые машины Bradley.",
                     ("pledge", "USA", "UKR", None, None), id="fighting-vehicles-are-named-items"),
    ],
)
def test_russian_pledges(tmp_path: Path, body: str, expected: Event) -> None:
    assert events(extract(tmp_path, "ru", body)) == [expected]


@pytest.mark.parametrize(
    ("body", "actor", "target"),
    [
        pytest.param("МИД Литвы вызвалопосла Беларуси.", "LTU", "BLR", id="glued-to-the-diplomat"),
        pytest.param("Вчера посол Венгрии былвызванв МИД Румынии.", "ROU", "HUN", id="glued-both-sides"),
    ],
)
def test_summons_glued_to_its_neighbours(tmp_path: Path, body: str, actor: str, target: str) -> None:
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body)) if e[0] == "demarche"] == [(actor, target)]


def test_organisation_named_before_summons_nobody(tmp_path: Path) -> None:
    # the summoning ministry's country is glued to the verb and lost; the UN before is no stand-in
    body = "Генассамблея ООН приняла резолюцию о Газе. Позднее МИД Израилявызвалпосла Армении."
    assert [e for e in events(extract(tmp_path, "ru", body)) if e[0] == "demarche"] == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("ЕС может выделить Грузии до 100 млн евро.", id="may-allocate"),
        pytest.param("По данным источников, Япония могла бы предоставить Молдове 20 млн долларов.",
                     id="could-provide"),
        pytest.param("Украина запросила у США дополнительные 5 млрд долларов.", id="request-to-a-donor"),
        pytest.param("Молдова получила от ЕС очередной транш в размере 50 млн евро.", id="tranche-received"),
        pytest.param("США инвестируют в Армению 50 млн долларов.", id="investment"),
        pytest.param("Франция выделила Грузии помощь на общую сумму 40 млн евро.", id="aid-of-a-total-sum"),
        pytest.param("Премьер Словакии согласился одобрить выделение Грузии 30 млн евро.", id="agreed-to-approve"),
        pytest.param("Ранее ЕС предоставил Молдове более 1 млрд евро помощи.", id="earlier-more-than"),
    ],
)
def test_russian_non_pledges(tmp_path: Path, body: str) -> None:
    assert [e for e in events(extract(tmp_path, "ru", body)) if e[0] == "pledge"] == []


def test_aid_that_may_be_used_is_still_pledged(tmp_path: Path) -> None:
    body = "США выделят Украине 100 млн долларов, которые могут быть использованы для закупки снарядов."
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "USA", "UKR", 100_000_000.0, "USD")]


def test_embassy_staff_are_no_guests(tmp_path: Path) -> None:
    # "посольство" is no office title: "принял меры против сотрудников посольства X" receives nobody
    body = "МИД Польши принял ответные меры против сотрудников посольства Беларуси в Варшаве."
    assert events(extract(tmp_path, "ru", body)) == []


def test_minister_for_eu_affairs_is_no_eu_visitor(tmp_path: Path) -> None:
    # "министр ЕС" is a national minister for EU affairs: the EU sends nobody here
    body = "Об этом сообщил Ханс Ольсен, государственный секретарь министра ЕС, находящийся с визитом в Грузии."
    assert [e for e in events(extract(tmp_path, "ru", body)) if e[1] == "EU"] == []


def test_unnamed_ministry_summons_for_the_headline_capital(tmp_path: Path) -> None:
    # "В МИД вызвали...": the ministry's country is the one the headline names, not the diplomat's
    body = "В Министерство иностранных дел сегодня вызвали временного поверенного в делах Грузии."
    rows = extract(tmp_path, "ru", body, headline="Москва высылает грузинского дипломата")
    assert [(e[1], e[2]) for e in events(rows) if e[0] == "demarche"] == [("RUS", "GEO")]


def test_unnamed_ministry_with_only_the_diplomats_country_summons_nobody(tmp_path: Path) -> None:
    body = "В Министерство иностранных дел сегодня вызвали временного поверенного в делах Грузии."
    assert [e for e in events(extract(tmp_path, "ru", body)) if e[0] == "demarche"] == []


def test_headline_object_summons_nobody(tmp_path: Path) -> None:
    # the headline's first name is the diplomat's country; the object after the verb is no stand-in
    body = "В Министерство иностранных дел сегодня вызвали временного поверенного в делах Грузии."
    rows = extract(tmp_path, "ru", body, headline="Грузия признала независимость Палестины")
    assert [e for e in events(rows) if e[0] == "demarche"] == []


def test_visit_named_after_this_points_back(tmp_path: Path) -> None:
    # "Это первый визит": a copula about the visit already announced (here only planned), no new visit
    body = "Президент Италии приедет в Кишинев 17 июня. Это первый официальный визит президента Италии в Молдову."
    assert [e for e in events(extract(tmp_path, "ru", body)) if e[0] == "visit"] == []


def test_visit_noun_opening_a_sentence_is_still_a_visit(tmp_path: Path) -> None:
    body = "Официальный визит президента Италии в Молдову состоялся в понедельник."
    assert [e[:3] for e in events(extract(tmp_path, "ru", body))] == [("visit", "ITA", "MDA")]


def test_this_before_a_package_word_is_no_anaphora(tmp_path: Path) -> None:
    # "Это сверх пакета": "this comes on top of the package", a new sum beside an earlier package
    body = ("Госсекретарь США Энтони Блинкен выступил в Киеве. "
            "Это сверх пакета вооружения на сумму 600 млн долларов для Украины.")
    assert [e[:3] for e in events(extract(tmp_path, "ru", body))] == [("pledge", "USA", "UKR")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Сегодня, 2 июля, премьер-министр Грузии отправится с рабочим визитом в Армению.",
                     [("visit", "GEO", "ARM")], id="leaves-today"),
        pytest.param("Сегодня стало известно, что премьер-министр Грузии отправится с визитом в Армению.",
                     [], id="announced-today-for-later"),
        pytest.param("Премьер-министр Грузии отправится с визитом в Армению.", [], id="plain-future"),
    ],
)
def test_trip_that_starts_today_is_a_visit(tmp_path: Path, body: str, expected: list[tuple[str, str, str]]) -> None:
    # GUIDE.md: a visit that starts on the publication day counts, one that starts later does not
    assert [e[:3] for e in events(extract(tmp_path, "ru", body, header="2024-07"))] == expected



def test_summons_of_listed_ambassadors_is_one_per_country(tmp_path: Path) -> None:
    body = "МИД Турции вызвал послов Франции, Италии и Греции."
    assert [e[:3] for e in events(extract(tmp_path, "ru", body))] == [
        ("demarche", "TUR", "FRA"), ("demarche", "TUR", "GRC"), ("demarche", "TUR", "ITA")]

def test_ambassadors_invited_to_the_ministry_are_summoned(tmp_path: Path) -> None:
    # "были приглашены послы X, Y и Z": the diplomatic euphemism for a summons, one per listed country
    body = "Власти Турции потребовали разъяснений, поэтому были приглашены послы Франции, Италии и Греции."
    assert [e[:3] for e in events(extract(tmp_path, "ru", body))] == [
        ("demarche", "TUR", "FRA"), ("demarche", "TUR", "GRC"), ("demarche", "TUR", "ITA")]


@pytest.mark.parametrize("body", [
    "Временный поверенный в делах Великобритании был приглашён в МИД России.",
    "Посол Великобритании был приглашен в МИД России.",
])
def test_diplomat_invited_to_the_ministry_is_summoned(tmp_path: Path, body: str) -> None:
    # "был приглашён в МИД": the passive euphemism for a summons, the diplomat before the verb
    assert [e[:3] for e in events(extract(tmp_path, "ru", body))] == [("demarche", "RUS", "GBR")]


def test_ambassador_invited_to_a_reception_is_no_summons(tmp_path: Path) -> None:
    body = "Президент Турции пригласил посла Франции на приём по случаю праздника."
    assert events(extract(tmp_path, "ru", body)) == []


@pytest.mark.parametrize(
    ("lang", "headline", "body", "expected"),
    [
        pytest.param("ru", "Визит Макрона в Польшу начнется с встречи с военными",
                     "Сегодня президент Франции Эмманюэль Макрон отправится с визитом в Польшу.",
                     [("visit", "FRA", "POL", None, None)], id="ru-today"),
        pytest.param("nl", "Macron gaat na de top door naar Polen",
                     "Vandaag brengt de Franse president Emmanuel Macron een bezoek aan Polen.",
                     [("visit", "FRA", "POL", None, None)], id="nl-today"),
    ],
)
def test_a_lead_putting_a_planned_headline_trip_on_the_publication_day_is_a_visit(
        tmp_path: Path, lang: str, headline: str, body: str, expected: list[Event]) -> None:
    # the headline's future tells of the trip's later parts; the lead says it starts today, which counts
    assert events(extract(tmp_path, lang, body, headline=headline)) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("В понедельник в Грузию прилетят президенты Алар Карис и Эдгарс Ринкевичс. "
                     "Визит балтийских лидеров в Тбилиси подтверждает поддержку Грузии.", id="fly-in-ahead"),
        pytest.param("В понедельник в Грузию прибудут президенты Алар Карис и Эдгарс Ринкевичс. "
                     "Визит балтийских лидеров в Тбилиси подтверждает поддержку Грузии.", id="arrive-ahead"),
    ],
)
def test_visit_noun_after_a_planned_arrival_is_still_ahead(tmp_path: Path, body: str) -> None:
    # "прилетят/прибудут" (will fly in, will arrive) plan the trip that the next sentence's "Визит" retells
    assert [e for e in events(extract(tmp_path, "ru", body)) if e[0] == "visit"] == []


def test_a_trip_named_again_far_after_its_plan_is_still_the_plan(tmp_path: Path) -> None:
    # "Визит Шольца" with its own traveller, sentences after "посетит с визитом": the same planned trip, not a visit
    body = ("Канцлер Германии Олаф Шольц во вторник посетит с рабочим визитом Москву. Премьер-министр "
            "Великобритании Борис Джонсон хочет переговоров с Россией. Цены на нефть выросли. Курс рубля упал. "
            "Визит Шольца в Москву вызывает споры в Берлине.")
    assert events(extract(tmp_path, "ru", body)) == []


def test_a_past_trip_that_took_place_after_a_planned_one_is_a_visit(tmp_path: Path) -> None:
    # "состоялся" says that trip happened (here glued to the number, as scraped copy has it)
    body = ("Канцлер Германии Олаф Шольц 21 августа посетит с рабочим визитом Молдову. Последний визит канцлера "
            "Германии в Молдову состоялся12 лет назад.")
    assert events(extract(tmp_path, "ru", body)) == [("visit", "DEU", "MDA", None, None)]


def test_access_to_a_tranche_is_no_new_pledge(tmp_path: Path) -> None:
    # "доступ к траншу": a tranche of a loan pledged before is paid out; the loan itself still counts
    body = ("Всемирный банк предоставит Армении кредит в размере 90 миллионов долларов. "
            "Затем совет банка предоставил Еревану доступ к траншу в 30 миллионов долларов.")
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "WB", "ARM", 90_000_000.0, "USD")]


def test_package_implemented_by_a_country_is_no_pledge_to_it(tmp_path: Path) -> None:
    # "реализовала Польша": Poland carried out (delivered) a package, it neither pledged nor received one
    body = ("Евросоюз выделил Грузии 20 миллионов евро. "
            "Пакет гуманитарной помощи стоимостью 5 миллионов евро реализовала Польша.")
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "EU", "GEO", 20_000_000.0, "EUR")]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Премьер-министр Ульф Кристерссон находится с визитом в Грузии.", id="swedish-prime-minister"),
        pytest.param("Об этом сообщил Кристиан Даниэльссон, статс-секретарь при министре Джессике Росволл, "
                     "который находится с визитом в Грузии.", id="swedish-state-secretary"),
    ],
)
def test_swedish_officials_are_visitors(tmp_path: Path, body: str) -> None:
    assert events(extract(tmp_path, "ru", body)) == [("visit", "SWE", "GEO", None, None)]


def test_parliament_noun_stands_between_preposition_and_country() -> None:
    # "в парламенте Грузии": the country is governed by "в" as in "в столице Грузии"
    sentence = "Премьер выступил в парламенте Грузии."
    lexicon = event_lexicon("ru")
    assert lexicon is not None
    assert governed_by(lexicon, sentence, sentence.index("Грузии"), frozenset({"в"}))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Президент Армении Пашинян выступил в парламенте Грузии.",
                     [("visit", "ARM", "GEO", None, None)], id="address-to-a-foreign-parliament"),
        pytest.param("Президент Армении Пашинян выступил в парламенте Армении.", [], id="own-parliament-is-no-visit"),
        pytest.param("Президент Армении Пашинян выступил в парламенте Грузии по видеосвязи.", [],
                     id="video-address-is-no-visit"),
    ],
)
def test_speech_in_a_parliament(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body)) == expected


@pytest.mark.parametrize(
    ("body", "actor", "target"),
    [
        pytest.param("МИД Грузии вызвал посла Дария.", "GEO", "MDA", id="ambassador-named-after-the-title"),
        pytest.param("МИД Грузии вручил послу Олегу Озерову ноту протеста.", "GEO", "RUS",
                     id="named-ambassador-is-the-target-not-the-actor"),
    ],
)
def test_named_ambassador_gives_the_target(tmp_path: Path, body: str, actor: str, target: str) -> None:
    assert events(extract(tmp_path, "ru", body)) == [("demarche", actor, target, None, None)]


@pytest.mark.parametrize(("body", "actor", "target"), [
    ("В МИД России вызвали посла Молдовы.", "RUS", "MDA"),
    ("В МИД Молдовы уточнили, что вызвали посла России.", "MDA", "RUS"),
    ("В Кремле заявили, что вызвали посла Молдовы.", "RUS", "MDA"),
])
def test_a_sentence_opening_at_a_government_names_who_summoned(tmp_path: Path, body: str, actor: str,
                                                              target: str) -> None:
    assert events(extract(tmp_path, "ru", body)) == [("demarche", actor, target, None, None)]


def test_a_place_that_is_a_goal_names_no_summoner(tmp_path: Path) -> None:
    assert events(extract(tmp_path, "ru", "После визита делегации в Тайвань вызвали посла США.")) == []


@pytest.mark.parametrize(("body", "visit"), [
    ("Майя Санду провела переговоры с Владимиром Зеленским в Киеве.", True),
    ("Майя Санду провела переговоры с Владимиром Зеленским в Киеве по телефону.", False),
    ("Майя Санду выступила в парламенте Румынии по видеосвязи.", False),
])
def test_talks_by_phone_or_video_are_no_visit(tmp_path: Path, body: str, visit: bool) -> None:
    assert bool(events(extract(tmp_path, "ru", body))) is visit


AGREEMENT_HEADLINE = "Молдова подписала пять соглашений с партнёрами"


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Молдова и Япония подписали соглашение о льготном кредите на сумму 40 млн евро.",
                 [("pledge", "JPN", "MDA", 40_000_000.0, "EUR")], id="other-signing-party-gives"),
    pytest.param("Наши власти также подписали соглашение с Польшей на 3,5 млн евро для поддержки школ.",
                 [("pledge", "POL", "MDA", 3_500_000.0, "EUR")], id="partner-after-with-gives-to-headline-country"),
    pytest.param("Минфин подписал с японскими властями соглашение на сумму 6 млн евро.",
                 [("pledge", "JPN", "MDA", 6_000_000.0, "EUR")], id="partner-before-the-agreement-noun"),
])
def test_signed_financing_agreement_is_a_pledge(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body, header="2024-09", headline=AGREEMENT_HEADLINE)) == expected



def test_an_unexpected_visit_is_no_expected_one(tmp_path: Path) -> None:
    # "неожиданным" (surprise) holds "ожида" (expected), the future cue
    body = "Премьер-министр Японии Фумио Кисида прибыл в Киев с неожиданным визитом."
    assert events(extract(tmp_path, "ru", body)) == [("visit", "JPN", "UKR", None, None)]


def test_an_expected_visit_is_still_a_plan(tmp_path: Path) -> None:
    assert events(extract(tmp_path, "ru", "Кисида, как ожидается, прибудет в Киев.")) == []


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Москва заявила протест Вашингтону.", [("demarche", "RUS", "USA", None, None)],
                 id="dative-government"),
    pytest.param("Оппозиция заявила протест против результатов выборов в Грузии.", [], id="no-government-before"),
])
def test_a_protest_without_a_diplomat_needs_both_governments(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body)) == expected


@pytest.mark.parametrize(("headline", "expected"), [
    (AGREEMENT_HEADLINE, [("pledge", "FRA", "MDA", 25_000_000.0, "EUR")]),
    # nothing says which of two signing countries gives: no guess
    (None, []),
])
def test_the_signer_the_headline_opens_on_receives_whatever_the_word_order(
        tmp_path: Path, headline: str | None, expected: list[Event]) -> None:
    body = "Франция подписала с Молдовой соглашение о финансировании на сумму 25 млн евро."
    assert events(extract(tmp_path, "ru", body, headline=headline)) == expected


def test_a_first_name_that_is_a_trigger_word_is_no_trigger(tmp_path: Path) -> None:
    # "Грант" (Grant Shapps) is also the pledge noun "грант"
    body = "Министр обороны Великобритании Грант Шаппс посетил Одессу. Там он встретился с командованием ВМС Украины."
    assert events(extract(tmp_path, "ru", body, header="2024-03")) == [("visit", "GBR", "UKR", None, None)]


@pytest.mark.parametrize("body", [
    pytest.param("Госсекретарь США Энтони Блинкен отложил свой визит в Китай.", id="postponed-active"),
    pytest.param("В феврале должен был состояться визит Блинкена в Китай.", id="was-due-to"),
    pytest.param("Блинкен должен был совершить визит в Китай.", id="was-due-to-make"),
    pytest.param("Президент Франции Эммануэль Макрон перенес визит в Киев.", id="put-off"),
])
def test_a_postponed_or_due_visit_is_no_visit(tmp_path: Path, body: str) -> None:
    assert events(extract(tmp_path, "ru", body)) == []


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Президент Вьетнама был принят в Кремле. Переговоры продлились три часа.",
                 [("visit", "VNM", "RUS", None, None)], id="kremlin"),
    pytest.param("Премьер-министр Индии Нарендра Моди был принят в Белом доме.",
                 [("visit", "IND", "USA", None, None)], id="white-house"),
    pytest.param("Законопроект Путина был принят в Госдуме.", [], id="a-bill-adopted-in-the-duma"),
])
def test_received_in_a_residence_is_a_visit_of_the_guest(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body)) == expected


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Канцлер Германии прибыл в Варшаву. Затем он посетил Киев.",
                 [("visit", "DEU", "POL", None, None), ("visit", "DEU", "UKR", None, None)],
                 id="he-after-a-titled-country"),
    pytest.param("Глава МИД Нидерландов прибыл в Киев. Министр объявил о выделении Украине 50 млн евро.",
                 [("pledge", "NLD", "UKR", 50_000_000.0, "EUR"), ("visit", "NLD", "UKR", None, None)],
                 id="bare-title-pledges-for-the-titled-country-just-before"),
])
def test_an_unnamed_office_holder_carries_his_country(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert sorted(events(extract(tmp_path, "ru", body, header="2024-03", headline="Визит"))) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Визит Макрона в Киев отменён.", id="otmenen"),
        pytest.param("Поездка Блинкена в Китай отложена.", id="otlozhena"),
        pytest.param("Визит Шольца в Пекин перенесён на осень.", id="perenesen"),
        pytest.param("Поездка Блинкена в Китай должна была состояться на прошлой неделе.",
                     id="dolzhna-byla-sostoyatsya-past-the-future-window"),
        pytest.param("Визит Макрона в Киев не состоится.", id="ne-sostoitsya"),
    ],
)
def test_visit_called_off_after_the_noun_is_no_visit(tmp_path: Path, body: str) -> None:
    assert [e for e in events(extract(tmp_path, "ru", body)) if e[0] == "visit"] == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Визит Макрона в Киев, который был отложен в мае, состоялся во вторник.", id="relative-aside"),
        pytest.param("Ранее отложенный визит Макрона в Киев состоялся во вторник.", id="participle-before-the-noun"),
        pytest.param("Визит Макрона в Киев состоялся во вторник вопреки слухам о том что он отменён.",
                     id="held-before-the-called-off-word"),
    ],
)
def test_visit_put_off_and_then_held_is_a_visit(tmp_path: Path, body: str) -> None:
    assert [e[:3] for e in events(extract(tmp_path, "ru", body)) if e[0] == "visit"] == [("visit", "FRA", "UKR")]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Блинкен прибыл в Киев. Он объявил о новом пакете помощи на сумму 2 млрд долларов.",
                 [("pledge", "USA", "UKR", 2e9, "USD"), ("visit", "USA", "UKR", None, None)], id="he"),
    pytest.param("Блинкен прибыл в Киев. Он напомнил, что США уже выделили 40 млрд долларов.",
                 [("visit", "USA", "UKR", None, None)], id="a-total-stays-no-pledge"),
    pytest.param("Блинкен прибыл в Киев. Он объявил о выделении 2 млрд долларов на собственную армию.",
                 [("visit", "USA", "UKR", None, None)], id="own-army-stays-no-pledge"),
])
def test_a_pledge_naming_neither_party_takes_both_from_the_visit_before(
        tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert sorted(events(extract(tmp_path, "ru", body, header="2024-03", headline="Визит"))) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the office names whom the person acts for now; the person entry (a former premier) may not
        pytest.param("Генсек НАТО Марк Рютте прибыл в Вашингтон для переговоров.", ("NATO", "USA"),
                     id="office-before-organisation"),
        pytest.param("Генеральный секретарь НАТО Марк Рютте посетил Киев.", ("NATO", "UKR"), id="office-in-full"),
        pytest.param("Премьер-министр Нидерландов Марк Рютте прибыл в Киев.", ("NLD", "UKR"), id="national-office"),
        # a stopover on the way elsewhere is a visit of the stop
        pytest.param("Канцлер Германии Олаф Шольц по пути в Киев сделал остановку в Варшаве.", ("DEU", "POL"),
                     id="stopover"),
    ],
)
def test_visits_of_office_holders_and_stopovers(tmp_path: Path, body: str, expected: tuple[str, str]) -> None:
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body)) if e[0] == "visit"] == [expected]


def test_office_in_the_lead_holds_for_the_bare_name_in_the_headline(tmp_path: Path) -> None:
    rows = extract(tmp_path, "ru", "Генсек НАТО Марк Рютте прибыл в Вашингтон. Он встретится с президентом США.",
                   header="2024-03", headline="Рютте прибыл в Вашингтон")
    assert {(e[1], e[2]) for e in events(rows) if e[0] == "visit"} == {("NATO", "USA")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("МИД Польши вызвал консула Белоруссии.", ("POL", "BLR"), id="consul"),
        pytest.param("МИД Литвы вызвал заместителя главы миссии России.", ("LTU", "RUS"), id="deputy-head-of-mission"),
    ],
)
def test_other_diplomats_summoned(tmp_path: Path, body: str, expected: tuple[str, str]) -> None:
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body)) if e[0] == "demarche"] == [expected]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Германия рассматривает возможность выделения Украине 500 млн евро.", id="considers"),
        pytest.param("Правительство Японии изучает возможность предоставления Молдавии 20 млн долларов.",
                     id="studies"),
        pytest.param("Страны G7 обсуждают выделение Украине 50 млрд долларов.", id="discuss"),
    ],
)
def test_considered_aid_is_no_pledge(tmp_path: Path, body: str) -> None:
    assert [e for e in events(extract(tmp_path, "ru", body)) if e[0] == "pledge"] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # members of parliament and royals represent their state like ministers do
        pytest.param("Группа депутатов Госдумы посетила Сирию.", ("RUS", "SYR"), id="deputies"),
        pytest.param("Сенаторы США посетили Киев.", ("USA", "UKR"), id="senators"),
        pytest.param("Наследный принц Саудовской Аравии Мухаммед бен Сальман прибыл в Париж.", ("SAU", "FRA"),
                     id="crown-prince"),
        pytest.param("Генеральный прокурор России Игорь Краснов прибыл в Минск с официальным визитом.", ("RUS", "BLR"),
                     id="prosecutor-general"),
    ],
)
def test_parliamentarians_and_princes_visit_for_their_state(tmp_path: Path, body: str,
                                                           expected: tuple[str, str]) -> None:
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body)) if e[0] == "visit"] == [expected]


def test_aid_to_be_rendered_is_pledged(tmp_path: Path) -> None:
    body = "Япония окажет Украине помощь в виде грантов на сумму 4,5 млрд долларов."
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "JPN", "UKR", 4_500_000_000.0, "USD")]


def test_every_participant_from_elsewhere_visits_the_meeting_place(tmp_path: Path) -> None:
    body = "Рубио и Лавров провели переговоры в Эр-Рияде во вторник."
    assert events(extract(tmp_path, "ru", body)) == [("visit", "RUS", "SAU", None, None),
                                                     ("visit", "USA", "SAU", None, None)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # recipients listed after the verb with по before the amount: each receives the whole amount
        pytest.param("ОСЛО, 25 января. /ТАСС/. Правительство Норвегии выделит Молдавии и Грузии по 100 млн крон "
                     "на поддержку реформ. Об этом сообщил министр иностранных дел.",
                     [("pledge", "NOR", "GEO", 100_000_000.0, "NOK"), ("pledge", "NOR", "MDA", 100_000_000.0, "NOK")],
                     id="each-after-the-recipients"),
        # without по the listed recipients share one joint total: one record
        pytest.param("Правительство Норвегии выделит Молдавии и Грузии 100 млн крон на поддержку реформ.",
                     [("pledge", "NOR", "MDA", 100_000_000.0, "NOK")], id="joint-total"),
    ],
)
def test_recipients_listed_after_the_verb_with_each(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body, header="2024-01")) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "на следующий день" tells past events in order, unlike "на следующей неделе"
        pytest.param("Посол Польши был вызван в МИД России. Варшава в ответ на следующий день вызвала российского "
                     "посла Сергея Андреева в МИД Польши.",
                     [("demarche", "POL", "RUS", None, None), ("demarche", "RUS", "POL", None, None)], id="next-day"),
        pytest.param("Канцлер Германии на следующий день прибыл в Варшаву.", [("visit", "DEU", "POL", None, None)],
                     id="next-day-visit"),
        pytest.param("Канцлер Германии прибудет в Варшаву на следующей неделе.", [], id="next-week"),
    ],
)
def test_the_next_day_is_no_future(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body)) == expected


def test_the_minister_with_no_name_carries_the_traveller(tmp_path: Path) -> None:
    # a whole article goes on with "министр" after naming him once, as it goes on with "он"
    body = ("Министр иностранных дел России Сергей Лавров в понедельник прибыл в Берлин, где провел переговоры с "
            "главой МИД ФРГ. Во вторник министр посетил Париж.")
    assert events(extract(tmp_path, "ru", body)) == [("visit", "RUS", "DEU", None, None),
                                                     ("visit", "RUS", "FRA", None, None)]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Канцлер Германии Олаф Шольц прибыл в Варшаву. Затем канцлер посетил Киев.",
                 [("visit", "DEU", "POL", None, None), ("visit", "DEU", "UKR", None, None)], id="then-the-chancellor"),
    pytest.param("Канцлер Германии Олаф Шольц прибыл в Варшаву. Во вторник, по данным СМИ, канцлер посетил "
                 "Киев.", [("visit", "DEU", "POL", None, None), ("visit", "DEU", "UKR", None, None)],
                 id="after-an-aside"),
])
def test_a_bare_title_opening_the_sentence_carries_the_traveller(tmp_path: Path, body: str,
                                                                   expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body)) == expected


def test_his_second_visit_points_back(tmp_path: Path) -> None:
    # "Это его второй визит ... в ноябре" speaks of the visit just told (and of the office since November)
    body = ("Министр иностранных дел Великобритании Дэвид Кэмерон в четверг прибыл в Киев. Это его второй визит в "
            "Украину после назначения на пост министра в ноябре.")
    assert events(extract(tmp_path, "ru", body, header="2024-01")) == [("visit", "GBR", "UKR", None, None)]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Днем ранее в Израиле побывал канцлер Германии Олаф Шольц.", [("visit", "DEU", "ISR", None, None)],
                 id="place-first-verb"),
    pytest.param("Вчера в Киев прибыл канцлер Германии.", [("visit", "DEU", "UKR", None, None)],
                 id="place-first-arrival-titled-country"),
    pytest.param("В понедельник в Москву с визитом прибыл министр иностранных дел Турции Хакан Фидан.",
                 [("visit", "TUR", "RUS", None, None)], id="place-first-on-a-visit"),
    pytest.param("В Киев прибыл российский президент.", [("visit", "RUS", "UKR", None, None)], id="titled-demonym"),
    # no official after the verb: no traveller
    pytest.param("В Москву прибыли туристы из Германии.", [], id="tourists-from"),
])
def test_traveller_after_the_verb_when_the_place_comes_first(tmp_path: Path, body: str,
                                                              expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body)) == expected


def test_a_country_after_the_full_name_of_an_office_carries_the_traveller(tmp_path: Path) -> None:
    # "Министр иностранных дел КНР": the office's lowercase words stand between the title and the country, so
    # "министр" in the next sentence goes on with China, not with the German minister met
    body = ("Министр иностранных дел КНР Цинь Ган в понедельник прибыл в Берлин, где провел переговоры с главой МИД "
            "ФРГ Анналеной Бербок. Во вторник министр посетил Париж.")
    assert events(extract(tmp_path, "ru", body)) == [("visit", "CHN", "DEU", None, None),
                                                     ("visit", "CHN", "FRA", None, None)]


@pytest.mark.parametrize(("body", "expected"), [
    # an existing yearly programme told in the present, as background
    pytest.param("Ежегодно США предоставляют Израилю военную помощь в размере 3,8 млрд долларов.", [],
                 id="yearly-programme"),
    # a new recurring commitment stays a pledge (GUIDE.md)
    pytest.param("Великобритания будет ежегодно выделять Украине 3 млрд фунтов.",
                 [("pledge", "GBR", "UKR", 3_000_000_000.0, "GBP")], id="new-recurring-commitment"),
])
def test_a_yearly_programme_in_the_present_is_no_pledge(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body)) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # ЮАР / Южная Африка are not CLDR's name ("Южно-Африканская Республика")
    pytest.param("Президент ЮАР Сирил Рамафоса в среду провел переговоры с председателем КНР Си Цзиньпином, который "
                 "находится в Южной Африке с государственным визитом. Премьер-министр Индии Нарендра Моди также "
                 "прибыл в Йоханнесбург.",
                 [("visit", "CHN", "ZAF", None, None), ("visit", "IND", "ZAF", None, None)], id="south-africa"),
    # a leader named by the short name only, far from any title
    pytest.param("Лула провел переговоры с Мадуро. Во вторник Лула прибыл в Каракас.",
                 [("visit", "BRA", "VEN", None, None)], id="lula-bare"),
    pytest.param("Джайшанкар в понедельник посетил Эр-Рияд.", [("visit", "IND", "SAU", None, None)],
                 id="jaishankar"),
])
def test_leaders_and_places_outside_europe(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body, header="2023-08")) == expected


def test_boats_and_radars_are_named_items(tmp_path: Path) -> None:
    body = ("Правительство Японии предоставит Филиппинам пять патрульных катеров и радиолокационные системы для "
            "береговой охраны, объявил в пятницу премьер-министр Фумио Кисида.")
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "JPN", "PHL", None, None)]


def test_an_amount_in_a_later_clause_belongs_to_the_later_trigger(tmp_path: Path) -> None:
    # "направит в Турцию спасателей": no amount of its own; the 3.5 million goes with "выделила Сирии"
    body = ("Европейский союз направит в Турцию спасательные команды, а Еврокомиссия выделила Сирии 3,5 млн евро "
            "гуманитарной помощи.")
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "EU", "SYR", 3_500_000.0, "EUR")]


@pytest.mark.parametrize(("body", "expected"), [
    # a donor conference: the verb told once, each further donor in the nominative, a dash, its share
    pytest.param("Франция выделит Судану 110 млн евро, Германия - 244 млн евро, а Европейский союз - 350 млн евро.",
                 [("pledge", "DEU", "SDN", 244_000_000.0, "EUR"), ("pledge", "EU", "SDN", 350_000_000.0, "EUR"),
                  ("pledge", "FRA", "SDN", 110_000_000.0, "EUR")], id="gapped-donors"),
    # further recipients in the dative
    pytest.param("ЕС выделит Молдове 10 млн евро, Грузии - 5 млн евро.",
                 [("pledge", "EU", "GEO", 5_000_000.0, "EUR"), ("pledge", "EU", "MDA", 10_000_000.0, "EUR")],
                 id="gapped-recipients"),
])
def test_gapped_clauses_give_each_share(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert sorted(events(extract(tmp_path, "ru", body))) == expected


def test_high_commissioner_is_a_diplomat(tmp_path: Path) -> None:
    # Commonwealth states exchange high commissioners, not ambassadors
    body = "МИД Индии вызвал Верховного комиссара Пакистана в Нью-Дели и выразил решительный протест."
    assert events(extract(tmp_path, "ru", body)) == [("demarche", "IND", "PAK", None, None)]


def test_co_donor_before_is_no_recipient(tmp_path: Path) -> None:
    # Japan gives with South Korea in the sentence before: the pledge with no recipient of its own does not borrow it
    body = "Япония и Южная Корея также объявили о новой помощи. Южная Корея выделит 10 миллионов долларов."
    assert events(extract(tmp_path, "ru", body)) == []


@pytest.mark.parametrize("body", [
    # a business delegation is no official one
    pytest.param("Делегация бизнесменов из Китая прибыла в Санкт-Петербург для участия в выставке.", id="business"),
    # "stays on after the summit for a state visit": still ahead
    pytest.param("Председатель КНР Си Цзиньпин после саммита останется в ЮАР с государственным визитом.",
                 id="stays-on"),
])
def test_no_visit_in_whole_article_near_misses(tmp_path: Path, body: str) -> None:
    assert events(extract(tmp_path, "ru", body)) == []


def test_place_of_a_donor_conference_is_no_recipient(tmp_path: Path) -> None:
    body = ("Германия пообещала 5 млн евро на конференции в Женеве. "
            "Франция выделила 10 млн евро Сирии на конференции в Брюсселе.")
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "FRA", "SYR", 10_000_000.0, "EUR")]


def test_unnamed_donors_borrow_no_donor(tmp_path: Path) -> None:
    # "Donor countries pledged": the givers are unnamed; Lavrov, named in the sentence before, gives nothing
    body = "Лавров прибыл в Анкару в понедельник. Страны-доноры пообещали Сирии 1,5 миллиарда долларов."
    assert events(extract(tmp_path, "ru", body)) == [("visit", "RUS", "TUR", None, None)]


def test_non_state_delegation_borrows_no_official(tmp_path: Path) -> None:
    body = ("Госсекретарь США Энтони Блинкен провел переговоры в Вашингтоне. "
            "Делегация ХАМАС посетила Москву в четверг.")
    assert events(extract(tmp_path, "ru", body)) == []


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("МИД Молдовы вызвал посла России. Посольство России в Кишиневе направило в МИД Молдовы ноту "
                 "протеста.", [("MDA", "RUS"), ("RUS", "MDA")], id="embassy-sends-a-note"),
    pytest.param("Посольство России получило ноту протеста от МИД Молдовы.", [("MDA", "RUS")],
                 id="embassy-receives-a-note"),
])
def test_embassy_as_the_protester(tmp_path: Path, body: str, expected: list[tuple[str, str]]) -> None:
    # an embassy in the nominative before the note, with an active verb, is the protesting country's own
    rows = events(extract(tmp_path, "ru", body))
    assert sorted((e[1], e[2]) for e in rows if e[0] == "demarche") == expected


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Нидерланды перечислят 10 млн евро в целевой фонд ООН для Молдовы.",
                 [("pledge", "NLD", "MDA", 10_000_000.0, "EUR")], id="transfer-into-a-fund"),
    pytest.param("Нидерланды внесут 10 млн евро в фонд поддержки Украины.",
                 [("pledge", "NLD", "UKR", 10_000_000.0, "EUR")], id="contribution-to-a-fund"),
    pytest.param("ЕС перечислил Молдове транш в размере 50 млн евро.", [], id="payout-is-no-pledge"),
])
def test_pledge_to_a_fund_for_a_country(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body)) == expected


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Министр Попшой прибыл в Вильнюс, а в среду - в Варшаву.", ["LTU", "POL"], id="gapped-stop"),
    pytest.param("Шольц посетил Варшаву, а во вторник - Прагу, а в среду — Вену.", ["AUT", "CZE", "POL"],
                 id="two-gapped-stops"),
    pytest.param("Шольц посетил Варшаву, а в Праге - протесты.", ["POL"], id="no-dash-before-the-place"),
])
def test_gapped_clauses_name_further_stops(tmp_path: Path, body: str, expected: list[str]) -> None:
    # Russian marks the left-out verb with a dash: each place after one is a further stop of the same traveller
    assert sorted(str(e[2]) for e in events(extract(tmp_path, "ru", body)) if e[0] == "visit") == expected


def test_host_of_a_donor_conference_in_an_aside_is_the_donor(tmp_path: Path) -> None:
    # the countries inside the aside before the verb are not its subject
    body = ("Великобритания, принимающая конференцию по восстановлению Украины в Лондоне, пообещала Украине "
            "кредитные гарантии на 3 млрд долларов.")
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "GBR", "UKR", 3_000_000_000.0, "USD")]


def test_bare_title_carries_the_subject_not_a_name_in_a_where_clause(tmp_path: Path) -> None:
    # "где встретился с верховным представителем ЕС": the EU is met in the relative clause; "министр" goes on
    # with the one who travelled (here carried by "он" from the first sentence)
    body = ("Министр иностранных дел Молдовы Михай Попшой провел насыщенную неделю. В понедельник он находился с "
            "рабочим визитом в Брюсселе, где встретился с верховным представителем ЕС Жозепом Боррелем. "
            "Во вторник министр прибыл в Вильнюс.")
    trips = [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body)) if e[0] == "visit"]
    assert trips == [("MDA", "BEL"), ("MDA", "LTU")]


def test_offered_sum_is_a_pledge_but_an_offered_deal_is_none(tmp_path: Path) -> None:
    # "предложил Украине 50 млрд евро" offers aid (as Romanian "a oferit"); a deal or a purchase offered is no aid
    body = "Евросоюз предложил Украине 50 млрд евро на 2024-2027 годы."
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "EU", "UKR", 50_000_000_000.0, "EUR")]
    body = ("США предложили Украине сделку по редкоземельным металлам на 500 млрд долларов. "
            "Зеленский предложил США купить оружие на 100 млрд долларов.")
    assert events(extract(tmp_path, "ru", body)) == []


def test_protest_voiced_by_an_embassy_without_addressee_is_a_statement(tmp_path: Path) -> None:
    # GUIDE.md: public criticism without a summons or note is no demarche; a note, or an addressee after the
    # voiced protest, is one
    body = "Посольство России в Польше выразило протест в связи с осквернением памятника."
    assert events(extract(tmp_path, "ru", body)) == []
    body = "Посольство России в Латвии выразило протест МИД Латвии в связи с осквернением памятника."
    assert events(extract(tmp_path, "ru", body)) == [("demarche", "RUS", "LVA", None, None)]
    body = "Посольство России в Польше направило ноту протеста в связи с осквернением памятника."
    assert events(extract(tmp_path, "ru", body)) == [("demarche", "RUS", "POL", None, None)]


def test_offer_planned_or_of_a_cut_is_no_pledge(tmp_path: Path) -> None:
    body = ("Евросоюз собирается предложить Молдове финансовую помощь в размере 1,8 млрд евро. "
            "Депутат Раду Мариан предложил урезать дотации Гагаузии на полмиллиарда лей.")
    assert events(extract(tmp_path, "ru", body)) == []


def test_first_person_trip_in_a_quote_is_the_speakers(tmp_path: Path) -> None:
    # the quote names no traveller: the official named after it says he came
    body = "«Я только что прибыл в Киев», - написал в Twitter президент Финляндии Саули Ниинистё."
    assert events(extract(tmp_path, "ru", body)) == [("visit", "FIN", "UKR", None, None)]
    # a traveller named inside the quote is the traveller, not the speaker
    body = "«Канцлер Германии Олаф Шольц прибыл в Киев», - заявил президент Польши Анджей Дуда."
    assert events(extract(tmp_path, "ru", body)) == [("visit", "DEU", "UKR", None, None)]


@pytest.mark.parametrize(("body", "expected"), [
    ("Киев посетил канцлер Германии Олаф Шольц.", ("visit", "DEU", "UKR", None, None)),
    ("Молдову посетил премьер-министр Румынии.", ("visit", "ROU", "MDA", None, None)),
    ("На прошлой неделе Киев посетила делегация Всемирного банка.", ("visit", "WB", "UKR", None, None)),
])
def test_object_first_visit_takes_its_subject_after_the_verb(tmp_path: Path, body: str, expected: Event) -> None:
    # object-verb-subject order: the bare place before the verb is visited, the official after it travels
    assert events(extract(tmp_path, "ru", body)) == [expected]


def test_reception_in_a_where_clause_is_the_visits_own(tmp_path: Path) -> None:
    # "где его принял президент Клаус Йоханнис": the host after the verb is no guest; one visit, Moldova to Romania
    body = "Глава МИД Молдовы Нику Попеску совершил визит в Бухарест, где его принял президент Клаус Йоханнис."
    assert events(extract(tmp_path, "ru", body)) == [("visit", "MDA", "ROU", None, None)]


def test_rifles_are_named_items(tmp_path: Path) -> None:
    body = "Канада предоставит Украине 21 тысячу автоматов."
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "CAN", "UKR", None, None)]


def test_object_first_reception_takes_the_host_from_its_place(tmp_path: Path) -> None:
    # "Министра ... Венгрии ... принял в Минске Александр Лукашенко": the one from Minsk hosts
    body = "Министра иностранных дел Венгрии Петера Сийярто принял в Минске Александр Лукашенко."
    assert events(extract(tmp_path, "ru", body)) == [("visit", "HUN", "BLR", None, None)]
    body = "Александр Лукашенко принял в Минске министра иностранных дел Венгрии Петера Сийярто."
    assert events(extract(tmp_path, "ru", body)) == [("visit", "HUN", "BLR", None, None)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Германия передаст ВСУ 20 танков Leopard.", ("pledge", "DEU", "UKR", None, None),
                     id="abbreviated-armed-forces"),
        pytest.param("Норвегия направит украинской армии 10 гаубиц.", ("pledge", "NOR", "UKR", None, None),
                     id="nationality-before-its-army"),
        pytest.param("Нидерланды выделят украинскому правительству 10 млн евро.",
                     ("pledge", "NLD", "UKR", 10_000_000.0, "EUR"), id="nationality-before-its-government"),
    ],
)
def test_army_or_government_named_without_the_country(tmp_path: Path, body: str, expected: Event) -> None:
    # a bare dative recipient may be the country's army or government, named by its nationality or an abbreviation
    assert events(extract(tmp_path, "ru", body)) == [expected]


def test_visit_verb_opening_a_sentence_carries_the_traveller(tmp_path: Path) -> None:
    # "Посетил также Киев": no subject of its own, the traveller of the sentence before goes on
    body = "Премьер Японии Фумио Кисида прибыл в Варшаву. Посетил также Киев."
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body))] == [("JPN", "POL"), ("JPN", "UKR")]


def test_nationality_heading_its_own_noun_is_no_diplomats(tmp_path: Path) -> None:
    # "Литовская сторона вручила дипломату ноту": the Lithuanian side protests, the diplomat is the one told before
    # (before, a headline naming Budapest made Hungary protest to Lithuania)
    body = ("МИД Литвы вызвал временного поверенного в делах Белоруссии. "
            "Литовская сторона вручила дипломату ноту протеста.")
    rows = extract(tmp_path, "ru", body, headline="Брифы ТАСС: Будапешт, Вильнюс")
    assert [(e[1], e[2]) for e in events(rows)] == [("LTU", "BLR")]
    body = "МИД Латвии вызвал российского временного поверенного в делах."
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body))] == [("LVA", "RUS")]


def test_background_visit_to_a_town(tmp_path: Path) -> None:
    # Shusha (Erdogan's visit of June 2021), Кахул beside Кагул (Cahul) in Moldovan Russian
    body = "Ранее, в 2021 году, турецкий президент побывал в Шуше. Премьер Румынии посетил Кахул."
    assert sorted((e[1], e[2]) for e in events(extract(tmp_path, "ru", body))) == [("ROU", "MDA"), ("TUR", "AZE")]


def test_visit_noun_stays_in_its_clause(tmp_path: Path) -> None:
    # "с государственным визитом, а в апреле глава МИД КНР ... совершит ответный визит в Минск": neither the
    # official nor the place after the contrast belongs to the first visit; the return visit is still ahead
    body = ("Ранее, в феврале, Лукашенко посетил Пекин с государственным визитом, а в апреле глава МИД КНР Ван И "
            "совершит ответный визит в Минск.")
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body))] == [("BLR", "CHN")]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Лавров встретился в Москве с китайским коллегой.", [("CHN", "RUS")], id="met-with-the-counterpart"),
    pytest.param("Глава МИД России Сергей Лавров принял в Москве китайского коллегу.", [("CHN", "RUS")],
                 id="received-the-counterpart"),
    pytest.param("Коллеги из Германии посетили Киев.", [], id="plural-colleagues-are-anyone"),
])
def test_counterpart_is_an_official(tmp_path: Path, body: str, expected: list[tuple[str, str]]) -> None:
    # "с китайским коллегой": a minister's counterpart, named only by nationality, is the other side's minister
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body))] == expected


def test_meeting_of_an_office_named_by_its_country(tmp_path: Path) -> None:
    # "Премьер Украины провел переговоры в Кишиневе": the country after the title stands for the office-holder
    body = "Премьер Украины провел переговоры в Кишиневе с Майей Санду. Посольство Украины провело встречу в Кишиневе."
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body))] == [("UKR", "MDA")]


def test_a_wire_dateline_is_the_seat_of_the_summoning_ministry(tmp_path: Path) -> None:
    # "МОСКВА, 22 мая. /ТАСС/.": the segmenter cuts the dateline off; it still opens the first sentence after it
    rows = extract(tmp_path, "ru", "МОСКВА, 22 мая. /ТАСС/. МИД вызвал посла Нидерландов.")
    assert [(e[1], e[2]) for e in events(rows)] == [("RUS", "NLD")]
    assert rows[0]["actor_basis"].startswith("dateline")


def test_office_in_an_apposition_after_the_name(tmp_path: Path) -> None:
    # "Марк Рютте, генсек НАТО, прибыл": the office after the name acts for the organisation, as before it (before,
    # the Dutch entry of the name added a second visit, and the headline's bare name was the Netherlands)
    body = "Марк Рютте, генсек НАТО, в четверг прибыл в Киев. Он встретился с Зеленским."
    rows = extract(tmp_path, "ru", body, header="2024-03", headline="Рютте прибыл в Киев")
    assert {(e[1], e[2]) for e in events(rows) if e[0] == "visit"} == {("NATO", "UKR")}


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Немецкий коллега Лаврова посетил Киев. Он встретился с Зеленским.", [("DEU", "UKR")],
                 id="counterpart-of-a-named-minister"),
    pytest.param("Французский коллега Лаврова прибыл в Москву.", [("FRA", "RUS")], id="counterpart-visits-his-country"),
    pytest.param("Румынский омолог Попеску посетил Кишинэу.", [("ROU", "MDA")], id="moldovan-omolog"),
    pytest.param("Американский госсекретарь Блинкен прибыл в Киев.", [("USA", "UKR")], id="own-official-stays"),
])
def test_nationality_of_a_counterpart_names_the_traveller(tmp_path: Path, body: str,
                                                          expected: list[tuple[str, str]]) -> None:
    # "Немецкий коллега Лаврова": the genitive name only says whose counterpart travels
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body))] == expected


@pytest.mark.parametrize("body", [
    pytest.param("Мелони пообещала украинскому президенту, что Рим выделит 100 млн евро.", id="nationality-and-title"),
    pytest.param("Мелони пообещала президенту Зеленскому, что Рим выделит 100 млн евро.", id="title-and-name"),
])
def test_addressee_of_a_promise_receives_what_the_clause_after_gives(tmp_path: Path, body: str) -> None:
    # "пообещала украинскому президенту, что Рим выделит ...": the addressee is the recipient the clause does not name
    body = "Мелони в среду встретилась с Зеленским в Риме. " + body
    assert [e for e in events(extract(tmp_path, "ru", body)) if e[0] == "pledge"] == [
        ("pledge", "ITA", "UKR", 100_000_000.0, "EUR")]


def test_passive_note_goes_on_with_the_summoning_ministry(tmp_path: Path) -> None:
    # "МИД Эстонии вызвал ... Российскому дипломату вручена нота": the note is Estonia's, not that of the person
    # named a sentence earlier in another item of a digest (before: a second demarche POL -> RUS)
    body = ("Кисида проведет переговоры с польским коллегой Дональдом Туском. МИД Эстонии вызвал временного "
            "поверенного в делах России в связи с нарушением воздушного пространства. Российскому дипломату "
            "вручена нота протеста.")
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body)) if e[0] == "demarche"] == [("EST", "RUS")]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Анналена Бербок провела переговоры с Михаем Попшоем. Встреча прошла в Кишинёве.", [("DEU", "MDA")],
                 id="guest-named-by-name-only"),
    pytest.param("Санду провела переговоры с Бербок. Встреча прошла в Кишинёве.", [("DEU", "MDA")],
                 id="guest-after-the-host"),
    pytest.param("Санду провела переговоры с Речаном. Встреча прошла в Кишинёве.", [], id="both-at-home"),
    pytest.param("Путин заявил о новых угрозах. Санду провела переговоры с Речаном. Встреча прошла в Кишинёве.", [],
                 id="only-the-talks-just-before"),
])
def test_meeting_placed_in_the_next_sentence(tmp_path: Path, body: str, expected: list[tuple[str, str]]) -> None:
    # "Встреча прошла в Кишинёве": the talks told just before happened there; whoever came from elsewhere visits
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body))] == expected


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Румыния выделит беженцам из Украины 10 млн евро на жильё.", ("ROU", "UKR"), id="refugees-from"),
    pytest.param("Румыния выделит фермерам из Молдовы 10 млн евро на системы орошения.", ("ROU", "MDA"),
                 id="farmers-from"),
])
def test_people_of_a_country_as_a_dative(tmp_path: Path, body: str, expected: tuple[str, str]) -> None:
    # "выделит беженцам из Украины": the stem of a recipient noun in the dative, the country of its people after "из"
    body = "Министр посетил Кишинёв. " + body
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ru", body)) if e[0] == "pledge"] == [expected]


def test_an_approval_of_a_request_for_aid_is_no_promise_told_later(tmp_path: Path) -> None:
    # "одобрила запрос Молдовы о выделении": no "что" opens a clause of its own, so the approval is the pledge
    body = ("Европейская комиссия 4 января одобрила запрос Молдовы о выделении 150 млн евро в виде макрофинансовой "
            "помощи для преодоления экономического кризиса в стране.")
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "EU", "MDA", 150_000_000.0, "EUR")]


@pytest.mark.parametrize(("body", "expected"), [
    ("Литва в понедельник вызвала посла России из-за инцидента с дроном. В МИД заявили, что дрон нарушил воздушное "
     "пространство. Латвия и Эстония последовали её примеру.",
     [("demarche", "EST", "RUS", None, None), ("demarche", "LTU", "RUS", None, None),
      ("demarche", "LVA", "RUS", None, None)]),
    ("Литва в понедельник вызвала посла России. Так же поступила и Эстония.",
     [("demarche", "EST", "RUS", None, None), ("demarche", "LTU", "RUS", None, None)]),
    ("Литва вызвала посла России. Так же поступили Латвия и Эстония.",
     [("demarche", "EST", "RUS", None, None), ("demarche", "LTU", "RUS", None, None),
      ("demarche", "LVA", "RUS", None, None)]),
    # a reply by the target, or the same step after a visit, is no such demarche
    ("Литва вызвала посла России. Россия сделала то же самое.", [("demarche", "LTU", "RUS", None, None)]),
    ("Шольц посетил Киев в понедельник. Макрон сделал то же самое.", [("visit", "DEU", "UKR", None, None)]),
])
def test_the_same_step_after_a_russian_demarche(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ru", body)) == expected


def test_named_items_after_a_pledge_go_to_its_recipient(tmp_path: Path) -> None:
    # the second donor names no recipient: the one of the pledge just before (GUIDE.md: named items are a pledge)
    body = "Германия выделит Украине 50 млн евро. Кроме того, Франция передаст 20 генераторов."
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "DEU", "UKR", 50_000_000.0, "EUR"),
                                                     ("pledge", "FRA", "UKR", None, None)]


def test_an_ambassador_meeting_in_his_host_country_visits_nobody(tmp_path: Path) -> None:
    # an ambassador's tour of the regions of the country he is posted to is travel inside it (GUIDE.md)
    body = ("Посол США в Молдове Кент Логсдон в понедельник встретился в Бельцах с мэром города. "
            "Глава МИД Литвы встретился в Кишиневе с Майей Санду.")
    assert events(extract(tmp_path, "ru", body)) == [("visit", "LTU", "MDA", None, None)]


@pytest.mark.parametrize(("lang", "body"), [
    ("ru", "В годовщину начала войны в Киев прибыли премьер-министр Италии Джорджа Мелони, премьер Канады Джастин "
           "Трюдо и премьер Бельгии Александр де Кроо."),
    ("ro", "La Kiev au sosit sâmbătă premierul Italiei, Giorgia Meloni, premierul Canadei, Justin Trudeau, și "
           "premierul Belgiei, Alexander De Croo."),
])
def test_a_list_of_travellers_after_the_arrival_verb(tmp_path: Path, lang: str, body: str) -> None:
    # the subject inverted after the verb: each listed leader's country visits
    assert events(extract(tmp_path, lang, body)) == [("visit", "BEL", "UKR", None, None),
                                                     ("visit", "CAN", "UKR", None, None),
                                                     ("visit", "ITA", "UKR", None, None)]
