"""Extract stage: one language phenomenon a test, run through ingest -> segment -> extract -> resolve.

Every text here is written for the test (typical news phrasing, no corpus article). A case the
extractor gets wrong today is marked xfail(strict=True) with what it returns instead, so that a
fix shows up as an unexpected pass.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from flows.extract import extract_mentions
from flows.ingest import ingest
from flows.resolve import resolve_mentions
from flows.segment import split_sentences

# (event_type, actor_country, target_country, amount, currency)
Event = tuple[str, str | None, str | None, float | None, str | None]
# A headline that names no entity and holds no trigger, so it adds nothing of its own.
NEUTRAL_HEADLINE = {"nl": "Nieuws uit de wereld", "en": "World news in brief", "ru": "Новости дня",
                     "ro": "Știri pe scurt"}


def extract(tmp_path: Path, lang: str, body: str, header: str = "2023-02", headline: str | None = None
            ) -> list[dict[str, Any]]:
    """The event rows of one document: the whole path on a file written to tmp_path.

    Checks what must hold for every row: a document in the expected language, evidence equal to
    the document text at [char_start, char_end), and date_min <= event_date <= date_max.
    """
    text = f"date {header} {headline or NEUTRAL_HEADLINE[lang]}\n\n{body}\n"
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    documents, _, rejected = ingest([path], tmp_path, 1_000_000, 500)
    assert rejected.is_empty()
    assert documents["lang"].to_list() == [lang], "the language detector must see the text's language"
    raw = extract_mentions(documents, split_sentences(documents))
    mentions, _ = resolve_mentions(raw, documents)
    stored = documents["text"][0]
    rows = mentions.to_dicts()
    for row in rows:
        assert row["evidence"] == stored[row["char_start"]:row["char_end"]]
        assert row["trigger"] in row["evidence"]
        assert row["date_min"] <= row["event_date"] <= row["date_max"]
    return rows


def events(rows: list[dict[str, Any]]) -> list[Event]:
    """The comparable part of each row, in a stable order."""
    return sorted((r["event_type"], r["actor_country"], r["target_country"], r["amount"], r["currency"])
                  for r in rows)


def dates(row: dict[str, Any]) -> tuple[date, date, date]:
    return row["date_min"], row["event_date"], row["date_max"]


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# --- visit: actor and target ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "body", "actor", "target"),
    [
        pytest.param("nl", "Biden bracht een verrassingsbezoek aan Kiev, waar hij Zelensky sprak.",
                     "USA", "UKR", id="nl-verrassingsbezoek-aan"),
        pytest.param("nl", "Het bezoek van president Macron aan Polen duurde twee dagen.",
                     "FRA", "POL", id="nl-bezoek-van-X-aan-Y"),
        pytest.param("nl", "Bondskanselier Scholz was vorige week op bezoek in Peking.",
                     "DEU", "CHN", id="nl-op-bezoek-in"),
        pytest.param("nl", "Koning Willem-Alexander en koningin Máxima brengen een staatsbezoek aan Zweden.",
                     "NLD", "SWE", id="nl-staatsbezoek-koningspaar"),
        pytest.param("en", "German Chancellor Olaf Scholz visited China, where he met the premier.",
                     "DEU", "CHN", id="en-X-visited-Y"),
        pytest.param("en", "Secretary of State Antony Blinken arrived in Beijing on Sunday for a two-day visit.",
                     "USA", "CHN", id="en-arrived-in-for-a-visit"),
        pytest.param("en", "European Council President Charles Michel met President Zelensky in Kyiv.",
                     "EU", "UKR", id="en-met-in-host-city"),
        pytest.param("nl", "Europees president Charles Michel ontmoette president Zelensky in Kiev.",
                     "EU", "UKR", id="nl-met-in-host-city"),
        pytest.param("ru", "Председатель Евросовета Шарль Мишель встретился с Зеленским в Киеве.",
                     "EU", "UKR", id="ru-met-in-host-city"),
        pytest.param("ru", "Президент Франции Эмманюэль Макрон находится с визитом в Китае.",
                     "FRA", "CHN", id="ru-nahoditsya-s-vizitom-v"),
        pytest.param("ru", "Визит Пелоси в Тайвань вызвал гнев Пекина.",
                     "USA", "TWN", id="ru-vizit-X-v-Y"),
        pytest.param("ru", "Председатель КНР Си Цзиньпин прибыл в Москву с государственным визитом.",
                     "CHN", "RUS", id="ru-pribyl-v"),
        pytest.param("ru", "Президент Польши Анджей Дуда посетил Киев.",
                     "POL", "UKR", id="ru-posetil"),
        pytest.param("nl", "Premier Rutte bezocht op 14 februari de Oekraïense hoofdstad Kiev.",
                     "NLD", "UKR", id="nl-object-after-a-date"),
    ],
)
def test_visit_roles(tmp_path: Path, lang: str, body: str, actor: str, target: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("visit", actor, target, None, None)]


@pytest.mark.parametrize(
    ("lang", "body", "guest", "host"),
    [
        pytest.param("en", "President Obama welcomed Canadian Prime Minister Justin Trudeau to Washington for talks.",
                     "CAN", "USA", id="en-welcomed"),
        pytest.param("nl", "Koning Willem-Alexander ontving de Duitse bondskanselier Scholz op Paleis Noordeinde.",
                     "DEU", "NLD", id="nl-ontving"),
        pytest.param("ru", "Владимир Путин принял в Кремле председателя КНР Си Цзиньпина.",
                     "CHN", "RUS", id="ru-prinyal"),
        pytest.param("en", "President Biden welcomed the Prime Minister of Canada at the White House.",
                     "CAN", "USA", id="en-guest-as-office-of-country"),
        pytest.param("nl", "President Biden ontving de premier van Canada in het Witte Huis.",
                     "CAN", "USA", id="nl-guest-as-office-of-country"),
        pytest.param("ru", "Президент Молдовы Майя Санду приняла в Кишиневе премьер-министра Румынии.",
                     "ROU", "MDA", id="ru-guest-as-office-of-country"),
    ],
)
def test_reception_is_a_visit_of_the_guest(tmp_path: Path, lang: str, body: str, guest: str, host: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("visit", guest, host, None, None)]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "Premier Rutte zal volgende week Washington bezoeken.", id="nl-planned"),
        pytest.param("en", "President Macron will visit India next month.", id="en-planned"),
        pytest.param("ru", "Президент Франции посетит Китай в апреле.", id="ru-planned"),
        pytest.param("nl", "De Amerikaanse acteur Sean Penn bezocht vorige week Kiev.", id="nl-private-person"),
        pytest.param("en", "The American actor Sean Penn visited Kyiv last week.", id="en-private-person"),
        pytest.param("ru", "Американский актёр Шон Пенн посетил Киев на прошлой неделе.", id="ru-private-person"),
        pytest.param("nl", "Premier Rutte bezocht dinsdag de haven van Rotterdam.", id="nl-own-country"),
        pytest.param("en", "President Biden visited Texas on Monday to see the border.", id="en-own-country"),
        pytest.param("ru", "Президент России Владимир Путин посетил Санкт-Петербург.", id="ru-own-country"),
        pytest.param("nl", "Bondskanselier Olaf Scholz sprak met families van gijzelaars die nog in Gaza worden "
                           "vastgehouden.",
                     id="nl-place-in-relative-clause"),
        pytest.param("en", "Chancellor Olaf Scholz met with the families of hostages who are still being held in Gaza.",
                     id="en-place-in-relative-clause"),
        pytest.param("ru", "Канцлер Германии Олаф Шольц встретился с семьями заложников, которые удерживаются в Газе.",
                     id="ru-place-in-relative-clause"),
        pytest.param("nl", "President Biden arriveerde dinsdag in Vilnius voor de NAVO-top.",
                     id="nl-venue-of-a-summit"),
        pytest.param("en", "President Biden arrived in Vilnius for the NATO summit.",
                     id="en-venue-of-a-summit"),
        pytest.param("en", "Foreign Minister Wang Yi arrived in Vienna, headquarters of the International Atomic "
                           "Energy Agency.", id="en-seat-of-an-organisation"),
        pytest.param("ru", "Президент США Джо Байден прибыл в Вильнюс на саммит НАТО.",
                     id="ru-venue-of-a-summit"),
    ],
)
def test_not_a_visit(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == []


# --- demarche ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "body", "actor", "target"),
    [
        pytest.param("nl", "Moskou ontbood de Amerikaanse ambassadeur.", "RUS", "USA", id="nl-ontbood"),
        pytest.param("nl", "Nederland heeft een protestnota overhandigd aan de Russische ambassadeur.",
                     "NLD", "RUS", id="nl-protestnota"),
        pytest.param("en", "Russia's Foreign Ministry summoned the British ambassador.", "RUS", "GBR",
                     id="en-summoned"),
        pytest.param("en", "Poland handed a protest note to the Russian ambassador.", "POL", "RUS",
                     id="en-protest-note"),
        pytest.param("ru", "МИД Молдовы вызвал посла России.", "MDA", "RUS", id="ru-vyzval"),
        pytest.param("ru", "Посла России вызвали в МИД Молдовы для объяснений.", "MDA", "RUS",
                     id="ru-passive-vyzvali-v-MID"),
        pytest.param("ru", "МИД Украины вручил ноту протеста послу РФ.", "UKR", "RUS", id="ru-nota-protesta"),
    ],
)
def test_demarche_roles(tmp_path: Path, lang: str, body: str, actor: str, target: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("demarche", actor, target, None, None)]


def test_summoning_ministry_is_not_the_diplomats_country(tmp_path: Path) -> None:
    rows = extract(tmp_path, "ru", "Во вторник МИД России вызвал посла США.", header="2023-02-22",
                   headline="Байден в Киеве, МИД России вызвал посла")
    assert events(rows) == [("demarche", "RUS", "USA", None, None)]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "Minister Hoekstra noemde de uitspraken van de Russische ambassadeur onacceptabel.",
                     id="nl-criticism"),
        pytest.param("nl", "Minister Hoekstra zei dat de Russische ambassadeur zal worden ontboden.",
                     id="nl-will-be-summoned"),
        pytest.param("en", "Foreign Secretary James Cleverly accused the Russian ambassador of spreading lies.",
                     id="en-criticism"),
        pytest.param("en", "The Foreign Office said the Russian ambassador will be summoned.",
                     id="en-will-be-summoned"),
        pytest.param("ru", "Захарова раскритиковала заявление посла США.", id="ru-criticism"),
        pytest.param("ru", "Премьер Молдовы осудил высказывания посла России и назвал их недопустимыми.",
                     id="ru-condemned"),
        pytest.param("ru", "Заявление посла США вызвало возмущение в МИД России.", id="ru-vyzvalo-vozmushchenie"),
    ],
)
def test_not_a_demarche(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == []


# --- pledge -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        pytest.param("nl", "De Verenigde Staten beloofden Oekraïne $ 2 miljard aan militaire steun.",
                     ("pledge", "USA", "UKR", 2e9, "USD"), id="nl-$-2-miljard"),
        pytest.param("nl", "Nederland trekt 500 miljoen euro uit voor Oekraïne.",
                     ("pledge", "NLD", "UKR", 5e8, "EUR"), id="nl-500-miljoen-euro"),
        pytest.param("nl", "Nederland trekt 500 miljoen euro uit voor de wederopbouw van Oekraïne.",
                     ("pledge", "NLD", "UKR", 5e8, "EUR"), id="nl-recipient-after-a-noun"),
        pytest.param("nl", "De Europese Commissie kondigde een steunpakket van €1,5 mld aan voor Moldavië.",
                     ("pledge", "EU", "MDA", 1.5e9, "EUR"), id="nl-€1,5-mld"),
        pytest.param("nl", "Vrijdag beloofde Biden Oekraïne een nieuw wapenpakket van 500 miljoen dollar.",
                     ("pledge", "USA", "UKR", 5e8, "USD"), id="nl-inverted-subject"),
        pytest.param("en", "Britain pledged $1.7bn in military aid to Ukraine.",
                     ("pledge", "GBR", "UKR", 1.7e9, "USD"), id="en-$1.7bn"),
        pytest.param("en", "Germany announced 500 million dollars in humanitarian aid for Ukraine.",
                     ("pledge", "DEU", "UKR", 5e8, "USD"), id="en-500-million-dollars"),
        pytest.param("ru", "США выделят Украине 100 млн долларов военной помощи.",
                     ("pledge", "USA", "UKR", 1e8, "USD"), id="ru-100-mln-dollarov-dative"),
        pytest.param("ru", "Правительство Молдовы выделит Украине 5 млн леев гуманитарной помощи.",
                     ("pledge", "MDA", "UKR", 5e6, "MDL"), id="ru-5-mln-leev"),
        pytest.param("ru", "Япония выделит Украине 5,5 млрд долларов на восстановление.",
                     ("pledge", "JPN", "UKR", 5.5e9, "USD"), id="ru-5,5-mlrd-dollarov"),
    ],
)
def test_pledge_roles_and_amount(tmp_path: Path, lang: str, body: str, expected: Event) -> None:
    assert events(extract(tmp_path, lang, body)) == [expected]


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        pytest.param("en", "Australia pledged $33 million in humanitarian aid to Ukraine.",
                     ("pledge", "AUS", "UKR", 33e6, "AUD"), id="en-australian-$"),
        pytest.param("nl", "Australië trekt $ 33 miljoen uit voor Oekraïne.",
                     ("pledge", "AUS", "UKR", 33e6, "AUD"), id="nl-australian-$"),
        pytest.param("ru", "Австралия выделит Украине $33 млн.",
                     ("pledge", "AUS", "UKR", 33e6, "AUD"), id="ru-australian-$"),
        pytest.param("ru", "Румыния выделит Молдове 100 млн леев на энергетику.",
                     ("pledge", "ROU", "MDA", 1e8, "RON"), id="ru-romanian-lei"),
    ],
)
def test_pledge_currency_follows_the_donor(tmp_path: Path, lang: str, body: str, expected: Event) -> None:
    assert events(extract(tmp_path, lang, body)) == [expected]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "De Verenigde Staten hebben per 20 februari in totaal 30 miljard dollar aan Oekraïne "
                           "toegezegd.", id="nl-per-datum-in-totaal"),
        pytest.param("nl", "Sinds het begin van de oorlog heeft Duitsland 2 miljard euro aan Oekraïne gegeven.",
                     id="nl-sinds-het-begin"),
        pytest.param("en", "The United States has committed $30 billion to Ukraine since the war began.",
                     id="en-since-the-war-began"),
        pytest.param("ru", "В общей сложности США выделили Украине 30 млрд долларов.",
                     id="ru-v-obshchei-slozhnosti"),
        pytest.param("nl", "De Tweede Kamer stemde in met een steunpakket van 2 miljard euro voor Oekraïne.",
                     id="nl-parliament-vote"),
        pytest.param("en", "The House of Representatives passed a bill with $40 billion in aid for Ukraine.",
                     id="en-parliament-vote"),
        pytest.param("ru", "Конгресс США одобрил выделение Украине 40 млрд долларов.", id="ru-parliament-vote"),
        pytest.param("nl", "Premier Rutte beloofde Oekraïne steun zolang als nodig is.", id="nl-vague"),
        pytest.param("en", "Biden promised Ukraine billions in additional support.", id="en-vague"),
        pytest.param("ru", "Президент Франции пообещал Украине поддержку столько, сколько потребуется.",
                     id="ru-vague"),
        pytest.param("nl", "Duitsland stuurt wapens naar Oekraïne, zei kanselier Scholz.", id="nl-generic-weapons"),
        pytest.param("en", "The Canadian government said it would send weapons to Ukraine.", id="en-generic-weapons"),
        pytest.param("ru", "Правительство Германии передаст Украине оружие.", id="ru-generic-weapons"),
    ],
)
def test_not_a_pledge(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == []


def test_pledge_noun_beside_pledge_verb_adds_no_second_pledge(tmp_path: Path) -> None:
    rows = extract(tmp_path, "nl", "Biden beloofde Oekraïne een nieuw pakket van 500 miljoen dollar.",
                   headline="Rusland reageert woedend")
    assert events(rows) == [("pledge", "USA", "UKR", 5e8, "USD")]


def test_dutch_pronoun_subject_after_the_verb(tmp_path: Path) -> None:
    rows = extract(tmp_path, "nl", "President Biden bezocht maandag Kiev. Daar beloofde hij Oekraïne 500 miljoen "
                   "dollar aan militaire steun.", headline="Rusland reageert woedend")
    assert events(rows) == [("pledge", "USA", "UKR", 5e8, "USD"), ("visit", "USA", "UKR", None, None)]



# --- pledge: the amount each (GUIDE.md, joint pledges: "where the text gives each share, each share is its own
# record"; a distributive word with one amount gives every listed donor, or recipient, that amount) -------------

EACH_DONOR = [("pledge", "DEU", "MDA", 5e7, "EUR"), ("pledge", "FRA", "MDA", 5e7, "EUR")]
EACH_RECIPIENT = [("pledge", "EU", "GEO", 5e7, "EUR"), ("pledge", "EU", "MDA", 5e7, "EUR")]


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        pytest.param("en", "France and Germany each pledged €50 million to Moldova.", EACH_DONOR, id="en-each-verb"),
        pytest.param("en", "France and Germany will each provide €50 million to Moldova.", EACH_DONOR,
                     id="en-will-each-provide"),
        pytest.param("en", "France and Germany pledged €50 million apiece to Moldova.", EACH_DONOR, id="en-apiece"),
        pytest.param("nl", "Frankrijk en Duitsland zeggen Moldavië elk 50 miljoen euro toe.", EACH_DONOR,
                     id="nl-elk"),
        pytest.param("nl", "Frankrijk en Duitsland zeggen Moldavië ieder 50 miljoen euro toe.", EACH_DONOR,
                     id="nl-ieder"),
        pytest.param("nl", "Frankrijk en Duitsland beloven Moldavië afzonderlijk 50 miljoen euro.", EACH_DONOR,
                     id="nl-afzonderlijk"),
        pytest.param("ru", "Франция и Германия выделят Молдавии по 50 млн евро.", EACH_DONOR, id="ru-po"),
        pytest.param("ru", "Франция и Германия выделят Молдавии 50 млн евро каждая.", EACH_DONOR, id="ru-kazhdaya"),
        pytest.param("ro", "Franța și Germania vor acorda Moldovei câte 50 de milioane de euro.", EACH_DONOR,
                     id="ro-cate"),
        pytest.param("ro", "Franța și Germania vor acorda fiecare Moldovei 50 de milioane de euro.", EACH_DONOR,
                     id="ro-fiecare"),
        pytest.param("en", "Moldova and Georgia will each receive €50 million from the EU.", EACH_RECIPIENT,
                     id="en-recipients-each"),
        pytest.param("nl", "Moldavië en Georgië krijgen elk 50 miljoen euro van de EU.", EACH_RECIPIENT,
                     id="nl-recipients-elk"),
        pytest.param("ru", "Молдавия и Грузия получат от ЕС по 50 млн евро.", EACH_RECIPIENT, id="ru-recipients-po"),
        pytest.param("ro", "Moldova și Georgia vor primi câte 50 de milioane de euro de la UE.", EACH_RECIPIENT,
                     id="ro-recipients-cate"),
        pytest.param("en", "France, Germany and Italy each pledged €50 million to Moldova.",
                     [*EACH_DONOR, ("pledge", "ITA", "MDA", 5e7, "EUR")], id="en-three-donors"),
    ],
)
def test_the_amount_each_is_one_pledge_per_party(tmp_path: Path, lang: str, body: str,
                                                   expected: list[Event]) -> None:
    assert events(extract(tmp_path, lang, body, header="2024-03")) == expected


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        pytest.param("en", "France and Germany pledged €50 million to Moldova.", "DEU", id="en-joint-total"),
        pytest.param("en", "France and Germany pledged €50 million to Moldova for each of the packages.", "DEU",
                     id="en-each-of-elsewhere"),
        pytest.param("en", "France and Germany will provide €50 million each year to Moldova.", "DEU",
                     id="en-each-year"),
        pytest.param("nl", "Frankrijk en Duitsland zeggen Moldavië 50 miljoen euro toe.", "DEU", id="nl-joint-total"),
        pytest.param("nl", "Frankrijk en Duitsland beloven Moldavië elk jaar 50 miljoen euro.", "DEU",
                     id="nl-elk-jaar"),
        pytest.param("ru", "Франция и Германия выделят Молдавии 50 млн евро.", "DEU", id="ru-joint-total"),
        pytest.param("ru", "Франция и Германия выделят Молдавии по линии ЕС 50 млн евро.", "DEU", id="ru-po-liniyi"),
        pytest.param("ro", "Franța și Germania vor acorda Moldovei 50 de milioane de euro.", "DEU",
                     id="ro-joint-total"),
    ],
)
def test_a_joint_total_stays_one_pledge(tmp_path: Path, lang: str, body: str, expected: str) -> None:
    """Without a distributive word next to the amount or the verb, one record: the donor nearest the verb."""
    assert events(extract(tmp_path, lang, body, header="2024-03")) == [("pledge", expected, "MDA", 5e7, "EUR")]

# --- dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "body", "target"),
    [
        pytest.param("nl", "Premier Rutte bezocht maandag Kiev. De regering maakte op 25 april bekend dat de "
                           "steun doorgaat.", "UKR", id="nl"),
        pytest.param("en", "Prime Minister Sunak visited Kyiv on Monday. On April 25 he spoke in parliament.",
                     "UKR", id="en"),
        pytest.param("ru", "Премьер Великобритании Риши Сунак в понедельник посетил Киев. Правительство заявило "
                           "25 апреля, что поддержка продолжится.", "UKR", id="ru"),
    ],
)
def test_weekday_against_inferred_reference(tmp_path: Path, lang: str, body: str, target: str) -> None:
    """Header April 2023 and '25 April' in the text: published 25-30 April, so Monday is the 24th."""
    rows = extract(tmp_path, lang, body, header="2023-04")
    assert [r["target_country"] for r in rows] == [target]
    assert dates(rows[0]) == (date(2023, 4, 24),) * 3
    assert rows[0]["date_basis"].startswith("weekday")


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "Bondskanselier Scholz bezocht vorige week Peking.", id="nl-vorige-week"),
        pytest.param("en", "Chancellor Scholz visited Beijing last week.", id="en-last-week"),
        pytest.param("ru", "Канцлер Германии Олаф Шольц на прошлой неделе посетил Пекин.", id="ru-na-proshloi-nedele"),
    ],
)
def test_last_week(tmp_path: Path, lang: str, body: str) -> None:
    """Published Wednesday 22 February 2023: last week is Monday 13 to Sunday 19 February."""
    rows = extract(tmp_path, lang, body, header="2023-02-22")
    assert events(rows) == [("visit", "DEU", "CHN", None, None)]
    assert rows[0]["date_min"] == date(2023, 2, 13)
    assert rows[0]["date_max"] == date(2023, 2, 19)
    assert rows[0]["date_precision"] == "week"


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "Premier Rutte bezocht op 14 februari Kiev.", id="nl"),
        pytest.param("en", "Chancellor Scholz visited Kyiv on 14 February.", id="en"),
        pytest.param("ru", "Канцлер Германии Олаф Шольц посетил Киев 14 февраля.", id="ru"),
    ],
)
def test_explicit_date(tmp_path: Path, lang: str, body: str) -> None:
    rows = extract(tmp_path, lang, body)
    assert [(r["event_type"], r["target_country"]) for r in rows] == [("visit", "UKR")]
    assert dates(rows[0]) == (date(2023, 2, 14),) * 3


@pytest.mark.parametrize(
    ("lang", "header", "body", "first", "last"),
    [
        pytest.param("nl", "2023-04", "Koning Willem-Alexander begon op 12 april aan een driedaags staatsbezoek "
                                      "aan Duitsland.", date(2023, 4, 12), date(2023, 4, 14), id="nl-driedaags"),
        pytest.param("en", "2023-03", "Chinese President Xi Jinping arrived in Moscow on 20 March for a three-day "
                                      "state visit.", date(2023, 3, 20), date(2023, 3, 22), id="en-three-day"),
        pytest.param("ru", "2023-04", "Президент Франции Эмманюэль Макрон 5 апреля прибыл в Китай с трехдневным "
                                      "государственным визитом.", date(2023, 4, 5), date(2023, 4, 7),
                     id="ru-trekhdnevnyi"),
        pytest.param("ru", "2023-04", "Президент Казахстана Касым-Жомарт Токаев находился с визитом в Москве "
                                      "с 12 по 14 апреля.", date(2023, 4, 12), date(2023, 4, 14), id="ru-s-po"),
    ],
)
def test_several_day_visit_span(tmp_path: Path, lang: str, header: str, body: str, first: date, last: date) -> None:
    rows = extract(tmp_path, lang, body, header=header)
    assert [r["event_type"] for r in rows] == ["visit"]
    assert dates(rows[0]) == (first, first, last)
    assert rows[0]["date_precision"] == "days"


@pytest.mark.parametrize(
    ("lang", "headline", "body", "expected"),
    [
        pytest.param(
            "nl", "Biden in Kiev, Moskou ontbiedt ambassadeur",
            "President Biden bracht maandag een verrassingsbezoek aan Kiev. Biden beloofde Oekraïne daar 500 "
            "miljoen dollar aan militaire hulp.\n\nMoskou ontbood dinsdag de Amerikaanse ambassadeur.",
            [("demarche", "RUS", "USA", None, None), ("pledge", "USA", "UKR", 5e8, "USD"),
             ("visit", "USA", "UKR", None, None)],
            id="nl"),
        pytest.param(
            "en", "Biden in Kyiv as Moscow summons envoy",
            "US President Joe Biden visited Kyiv on Monday. He pledged $500 million in new military aid to "
            "Ukraine.\n\nOn Tuesday Russia's Foreign Ministry summoned the US ambassador.",
            [("demarche", "RUS", "USA", None, None), ("pledge", "USA", "UKR", 5e8, "USD"),
             ("visit", "USA", "UKR", None, None)],
            id="en"),
        pytest.param(
            "ru", "Байден в Киеве, Москва вызвала посла США",
            "Президент США Джо Байден в понедельник посетил Киев. США выделят Украине 500 млн долларов военной "
            "помощи.\n\nВо вторник МИД России вызвал посла США.",
            [("demarche", "RUS", "USA", None, None), ("pledge", "USA", "UKR", 5e8, "USD"),
             ("visit", "USA", "UKR", None, None)],
            id="ru"),
    ],
)
def test_mini_document_evidence_and_intervals(tmp_path: Path, lang: str, headline: str, body: str,
                                              expected: list[Event]) -> None:
    """A document with an event of each type: every row points at its sentence and has an ordered interval
    (both checked in extract), and the weekdays put the demarche one day after the visit."""
    rows = extract(tmp_path, lang, body, header="2023-02-22", headline=headline)
    assert events(rows) == expected
    by_type = {r["event_type"]: r for r in rows}
    assert dates(by_type["visit"]) == (date(2023, 2, 20),) * 3
    assert dates(by_type["demarche"]) == (date(2023, 2, 21),) * 3


# --- one row per event per document -----------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "headline", "body", "expected"),
    [
        pytest.param("nl", "Biden bezoekt Kiev", "President Biden bracht maandag een verrassingsbezoek aan Kiev. "
                     "Biden bezocht de Oekraïense hoofdstad voor het eerst sinds de inval.",
                     ("visit", "USA", "UKR", None, None), id="nl-visit"),
        pytest.param("en", "Britain pledges $1.7bn to Ukraine", "Britain pledged $1.7bn in military aid to Ukraine "
                     "on Monday, the defence ministry said.",
                     ("pledge", "GBR", "UKR", 1.7e9, "USD"), id="en-pledge"),
        pytest.param("ru", "МИД России вызвал посла США", "МИД России в понедельник вызвал посла США. Посла США "
                     "вызвали в МИД России в связи с заявлениями Вашингтона.",
                     ("demarche", "RUS", "USA", None, None), id="ru-demarche"),
    ],
)
def test_repeated_event_is_one_row(tmp_path: Path, lang: str, headline: str, body: str, expected: Event) -> None:
    """Headline and body (and a second body sentence) tell one event: one row, dated by the body's weekday."""
    rows = extract(tmp_path, lang, body, header="2023-02-22", headline=headline)
    assert events(rows) == [expected]
    assert dates(rows[0]) == (date(2023, 2, 20),) * 3


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("en", "US President Barack Obama landed in Madrid late on Saturday night. On Monday Obama met "
                     "King Felipe in Madrid.", id="en"),
        pytest.param("nl", "Koningin Margrethe van Denemarken kwam zaterdag aan in Buenos Aires voor een "
                     "staatsbezoek aan Argentinië. Maandag bezocht Margrethe Argentinië.", id="nl"),
        pytest.param("ru", "Президент Франции Эмманюэль Макрон в субботу прибыл в Пекин. В понедельник Макрон "
                     "посетил Китай.", id="ru"),
    ],
)
def test_the_days_of_one_visit_are_one_row(tmp_path: Path, lang: str, body: str) -> None:
    """Two sentences of one visit on days one or two apart: one visit from the first day to the last."""
    rows = extract(tmp_path, lang, body, header="2023-02-20")
    assert [r["event_type"] for r in rows] == ["visit"]
    assert dates(rows[0]) == (date(2023, 2, 18), date(2023, 2, 18), date(2023, 2, 20))
    assert rows[0]["date_precision"] == "days"


def test_visits_a_week_apart_stay_two(tmp_path: Path) -> None:
    rows = extract(tmp_path, "en", "US President Joe Biden visited Kyiv on 13 February. Biden visited Kyiv again "
                   "on 20 February.", header="2023-02-20")
    assert sorted(dates(r) for r in rows) == [(date(2023, 2, 13),) * 3, (date(2023, 2, 20),) * 3]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("en", "Russia's Foreign Ministry summoned the Lithuanian ambassador on Wednesday. On Thursday "
                     "Russia's Foreign Ministry handed the Lithuanian ambassador a protest note.", id="en"),
        pytest.param("nl", "Rusland ontbood woensdag de Litouwse ambassadeur. Donderdag overhandigde het Russische "
                     "ministerie de Litouwse ambassadeur een protestnota.", id="nl"),
        pytest.param("ru", "Москва вызвала посла Литвы в среду. В четверг МИД России вручил послу Литвы ноту "
                     "протеста.", id="ru"),
    ],
)
def test_demarches_on_other_weekdays_are_two(tmp_path: Path, lang: str, body: str) -> None:
    """Under a month header each weekday's interval spans weeks, but the two days are a day apart: two acts."""
    rows = extract(tmp_path, lang, body)
    assert events(rows) == [("demarche", "RUS", "LTU", None, None)] * 2
    assert sorted(r["event_date"].weekday() for r in rows) == [2, 3]


@pytest.mark.parametrize(
    ("lang", "headline", "body"),
    [
        pytest.param("en", "Japan pledges $20 million to Ukraine", "Japan will provide Ukraine with 2.7 billion yen "
                     "(about $20 million) in humanitarian aid, the foreign ministry said.", id="en"),
        pytest.param("ru", "Япония выделит Украине $20 млн", "Япония выделит Украине 2,7 млрд иен (около 20 млн "
                     "долларов) на гуманитарную помощь, сообщил МИД.", id="ru"),
    ],
)
def test_a_headline_giving_the_body_sum_in_dollars_is_that_pledge(tmp_path: Path, lang: str, headline: str,
                                                                  body: str) -> None:
    rows = extract(tmp_path, lang, body, headline=headline)
    assert events(rows) == [("pledge", "JPN", "UKR", 2.7e9, "JPY")]


def test_repeated_event_keeps_the_body_weekday_under_a_month_header(tmp_path: Path) -> None:
    rows = extract(tmp_path, "nl", "Moskou ontbood maandag de Amerikaanse ambassadeur.",
                   headline="Moskou ontbiedt Amerikaanse ambassadeur")
    assert events(rows) == [("demarche", "RUS", "USA", None, None)]
    assert rows[0]["date_basis"].startswith("weekday")
    assert rows[0]["date_min"] == date(2023, 1, 30)


@pytest.mark.parametrize(
    ("lang", "body", "guest", "host"),
    [
        pytest.param("nl", "President Trump werd maandag in Londen verwelkomd door de Britse koningin Elizabeth.",
                     "USA", "GBR", id="nl-verwelkomd-door"),
        pytest.param("en", "Canadian Prime Minister Justin Trudeau was welcomed by President Obama at the White House.",
                     "CAN", "USA", id="en-welcomed-by"),
    ],
)
def test_passive_reception_is_a_visit_of_the_guest(tmp_path: Path, lang: str, body: str, guest: str,
                                                   host: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("visit", guest, host, None, None)]


@pytest.mark.parametrize(
    ("lang", "body", "actor", "target"),
    [
        pytest.param("ru", "Президент Молдовы Майя Санду, находясь в Брюсселе с рабочим визитом, провела встречи.",
                     "MDA", "BEL", id="ru-v-gorode-s-vizitom"),
        pytest.param("en", "Fearful that a British exit could weaken the West, Obama arrived in London on Friday.",
                     "USA", "GBR", id="en-plan-in-another-comma-clause"),
        pytest.param("en", "Dutch Prime Minister Mark Rutte chose the last week before his party's annual congress in "
                           "the spring to visit his counterpart in Kyiv.",
                     "NLD", "UKR", id="en-chose-far-before-to-visit"),
    ],
)
def test_visit_place_before_the_noun_and_plans_in_other_clauses(tmp_path: Path, lang: str, body: str, actor: str,
                                                                 target: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("visit", actor, target, None, None)]


@pytest.mark.parametrize(("lang", "headline", "shouted"), [
    ("en", "Aid for Kyiv", "THE US PLEDGED $500 MILLION IN NEW MILITARY AID ON MONDAY, OFFICIALS SAID."),
    ("nl", "Steun voor Kiev", "DE VS BELOOFDE MAANDAG 500 MILJOEN DOLLAR AAN MILITAIRE STEUN."),
])
def test_an_all_caps_sentence_yields_no_mention(tmp_path: Path, lang: str, headline: str, shouted: str) -> None:
    # In capitals "US" may be "us" and every word looks like a name: such a sentence is not read, though the
    # same words in normal case are a pledge.
    plain = shouted[0] + shouted[1:].lower().replace(" us ", " US ").replace(" vs ", " VS ")
    assert events(extract(tmp_path, lang, plain, headline=headline)) == [("pledge", "USA", "UKR", 5e8, "USD")]
    assert extract(tmp_path, lang, shouted, headline=headline) == []


@pytest.mark.parametrize(
    ("body", "actor", "target"),
    [
        pytest.param("Minister Hoekstra kwam dinsdagochtend per trein in Kiev aan.", "NLD", "UKR",
                     id="nl-kwam-in-X-aan"),
        pytest.param("De Turkse minister Kaya dook onaangekondigd in Rotterdam op.", "TUR", "NLD",
                     id="nl-dook-in-X-op"),
        pytest.param("Het was de eerste keer dat premier Rutte naar Kiev reisde sinds de oorlog begon.", "NLD", "UKR",
                     id="nl-verb-final-naar-X-reisde"),
    ],
)
def test_dutch_split_and_verb_final_arrival(tmp_path: Path, body: str, actor: str, target: str) -> None:
    assert events(extract(tmp_path, "nl", body)) == [("visit", actor, target, None, None)]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "De relatie verslechterde toen de Turkse minister campagne wilde voeren. "
                           "Zij dook onaangekondigd in Rotterdam op.", id="nl-de-Turkse-minister-zij"),
        pytest.param("en", "Relations soured when the Turkish minister held a rally in Germany. "
                           "She flew to Rotterdam despite a ban.", id="en-the-Turkish-minister-she"),
        pytest.param("ru", "Отношения ухудшились, когда турецкий министр выступил на митинге. "
                           "Она прилетела в Роттердам вопреки запрету.", id="ru-turetskii-ministr-ona"),
    ],
)
def test_pronoun_traveller_carried_from_a_nationality_with_an_office(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("visit", "TUR", "NLD", None, None)]


@pytest.mark.parametrize(
    ("lang", "body", "actor", "target"),
    [
        pytest.param("nl", "Premier Rutte had dinsdag een ontmoeting met president Zelensky in Kiev.", "NLD", "UKR",
                     id="nl-had-een-ontmoeting-met"),
        pytest.param("nl", "Minister Hoekstra voerde gesprekken met zijn Oekraïense ambtgenoot in Kiev.", "NLD", "UKR",
                     id="nl-voerde-gesprekken-met"),
        pytest.param("ru", "Президент Франции Эмманюэль Макрон провёл встречу с Владимиром Зеленским в Киеве.",
                     "FRA", "UKR", id="ru-provyol-vstrechu-yo"),
    ],
)
def test_meeting_as_a_noun_phrase(tmp_path: Path, lang: str, body: str, actor: str, target: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("visit", actor, target, None, None)]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "De voormalige Britse premier Boris Johnson bezocht dinsdag Kiev.",
                     id="nl-voormalige-premier"),
        pytest.param("en", "Former British Prime Minister Boris Johnson visited Kyiv on Tuesday.", id="en-former-pm"),
        pytest.param("ru", "Бывший премьер-министр Великобритании Борис Джонсон посетил Киев.", id="ru-byvshii-premer"),
    ],
)
def test_former_office_holder_represents_no_state(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "President Biden ontving de Poolse president Andrzej Duda en de voormalige Japanse premier "
                           "Taro Aso in het Witte Huis.", id="nl-voormalige-gast"),
        pytest.param("en", "President Biden hosted Polish President Andrzej Duda and former Japanese Prime Minister "
                           "Taro Aso at the White House.", id="en-former-guest"),
    ],
)
def test_former_office_holder_in_a_list_of_guests(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("visit", "POL", "USA", None, None)]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "De kanselier ontving de Italiaanse premier Giorgia Meloni in Berlijn en sprak met de "
                           "Poolse president Andrzej Duda in Berlijn.", id="nl-en-sprak-met"),
        pytest.param("en", "The chancellor hosted Italian Prime Minister Giorgia Meloni in Berlin, and dined with "
                           "Polish President Andrzej Duda at the Chancellery in Berlin.", id="en-and-dined-with"),
        pytest.param("ru", "Канцлер принял в Берлине премьер-министра Италии Джорджу Мелони и встретился с президентом "
                           "Польши Анджеем Дудой в Берлине.", id="ru-i-vstretilsya-s"),
    ],
)
def test_meeting_after_and_shares_the_earlier_subject(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("visit", "ITA", "DEU", None, None),
                                                     ("visit", "POL", "DEU", None, None)]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("en", "Several Trump allies traveled to Israel on Monday to meet the families of hostages.",
                     id="en-name-allies"),
        pytest.param("en", "A group of supporters of President Trump traveled to Israel on Monday for talks.",
                     id="en-supporters-of"),
        pytest.param("nl", "Een groep Trump-aanhangers reisde maandag naar Israël voor gesprekken met families.",
                     id="nl-naam-aanhangers"),
        pytest.param("nl", "Een groep aanhangers van Donald Trump reisde maandag naar Israël voor gesprekken.",
                     id="nl-aanhangers-van"),
        pytest.param("ru", "Группа сторонников Дональда Трампа прилетела в Израиль в понедельник для переговоров.",
                     id="ru-storonniki"),
    ],
)
def test_followers_of_an_office_holder_are_no_visitors(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("en", "Several donors — among them a man who once worked for the Trump administration — "
                           "traveled to Israel on Monday.", id="en-dash-aside"),
        pytest.param("nl", "Enkele donateurs – onder wie een man die ooit voor president Trump werkte – "
                           "reisden maandag naar Israël.", id="nl-dash-aside"),
    ],
)
def test_names_in_a_dash_aside_are_not_the_traveller(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        pytest.param("nl", "Koningin Máxima is deze week voor een VN-werkbezoek in Ethiopië.", id="nl-VN-werkbezoek"),
        pytest.param("en", "Queen Maxima arrived in Ethiopia on Monday for a UN-sponsored visit.",
                     id="en-UN-sponsored"),
    ],
)
def test_an_organisation_glued_to_the_visit_noun_is_not_the_traveller(tmp_path: Path, lang: str, body: str) -> None:
    assert events(extract(tmp_path, lang, body)) == [("visit", "NLD", "ETH", None, None)]


def test_support_of_an_amount_reported_as_adopted_is_a_pledge(tmp_path: Path) -> None:
    body = ("Еврокомиссия рассказала о планах в отношении Армении. "
            "Вместе с бюджетной поддержкой в размере 40 млн евро, принятой в конце прошлого года, Евросоюз "
            "увеличил помощь Армении. Макрофинансовую поддержку в размере 90 млн евро Армения уже получает.")
    assert events(extract(tmp_path, "ru", body)) == [("pledge", "EU", "ARM", 40_000_000.0, "EUR")]
