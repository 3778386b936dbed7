"""Romanian phenomena of the extract stage: visits, summonses and protest notes, aid pledges, and the
guards against plans, public criticism and cumulative totals; both spellings of ș/ş and ț/ţ.

Texts are written for the test; helpers come from test_extract.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_extract import Event, dates, events, extract

# names no entity and holds no trigger, so it adds nothing of its own
HEADLINE = "Știri din lume"


# A sentence that yields one event of its type: a guard is checked next to it, so that the guard case fails
# where nothing is extracted at all (no lexicon) as well as where the guard lets its sentence through.
CONTROL: dict[str, tuple[str, tuple[str, str]]] = {
    "visit": ("Cancelarul german Olaf Scholz a sosit joi la Kiev.", ("DEU", "UKR")),
    "demarche": ("Ministerul de Externe al Ucrainei a înmânat ambasadorului ungar o notă de protest.", ("UKR", "HUN")),
    "pledge": ("Japonia a anunțat un ajutor de 7 milioane de dolari pentru Ucraina.", ("JPN", "UKR")),
}


def extract_ro(tmp_path: Path, body: str, header: str = "2023-02") -> list[dict[str, Any]]:
    return extract(tmp_path, "ro", body, header=header, headline=HEADLINE)


def parties_beside_control(tmp_path: Path, body: str, event_type: str) -> list[tuple[str | None, str | None]]:
    """Actor and target of every event of the type in the guard text followed by the type's control sentence."""
    rows = extract_ro(tmp_path, f"{body} {CONTROL[event_type][0]}")
    return [(e[1], e[2]) for e in events(rows) if e[0] == event_type]


@pytest.mark.parametrize(
    ("body", "actor", "target"),
    [
        pytest.param("Președintele francez Emmanuel Macron a vizitat Kievul, unde a discutat despre securitate.",
                     "FRA", "UKR", id="vizitat-object"),
        pytest.param("Președintele Klaus Iohannis a efectuat o vizită oficială la Chișinău pentru consultări.",
                     "ROU", "MDA", id="efectuat-o-vizita-la"),
        pytest.param("Cancelarul german Olaf Scholz a sosit marți la Kiev pentru discuții cu oficialii ucraineni.",
                     "DEU", "UKR", id="sosit-la"),
        pytest.param("Președintele Maia Sandu s-a întâlnit cu cancelarul Olaf Scholz la Berlin.",
                     "MDA", "DEU", id="intalnit-cu-la"),
        pytest.param("Premierul Dorin Recean se află într-o vizită de lucru la Varșovia.",
                     "MDA", "POL", id="se-afla-in-vizita"),
        pytest.param("Președintele Zelenski a vizitat Bucureștiul marți.", "UKR", "ROU", id="bucurestiul"),
        pytest.param("Premierul Nicolae Ciucă a efectuat o vizită la Kiev.", "ROU", "UKR", id="prime-minister-by-name"),
        pytest.param("Ministrul Kuleba a efectuat o vizită la București.", "UKR", "ROU", id="kuleba-by-name"),
        pytest.param("Premierul Ciolacu a avut luni la Kiev convorbiri cu președintele Zelenski.",
                     "ROU", "UKR", id="avut-place-between-convorbiri"),
        pytest.param("Președintele Iohannis a purtat la Berlin discuții cu cancelarul Olaf Scholz.",
                     "ROU", "DEU", id="purtat-place-between-discutii"),
        pytest.param("Președintele Klaus Iohannis l-a primit, marți, la Palatul Cotroceni, pe președintele Finlandei.",
                     "FIN", "ROU", id="primit-venue-before-guest"),
        pytest.param("Președintele Maia Sandu a primit-o, luni, pe premierul Poloniei.",
                     "POL", "MDA", id="primit-o-day-before-guest"),
    ],
)
def test_romanian_visits(tmp_path: Path, body: str, actor: str, target: str) -> None:
    assert [(e[1], e[2]) for e in events(extract_ro(tmp_path, body)) if e[0] == "visit"] == [(actor, target)]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Președintele Maia Sandu va vizita Bruxelles-ul săptămâna viitoare.", id="va-vizita"),
        pytest.param("Premierul Dorin Recean urmează să efectueze o vizită la Kiev.", id="urmeaza-sa"),
        pytest.param("Ministrul de externe Mihai Popșoi intenționează să viziteze Washingtonul.", id="intentioneaza"),
        pytest.param("Ministrul de externe Mihai Popşoi intenţionează să efectueze o vizită la Washington.",
                     id="intentioneaza-cedilla"),
        pytest.param("Președintele Klaus Iohannis nu a vizitat Chișinăul în acest an.", id="negated"),
        pytest.param("Președintele Klaus Iohannis sosește mâine la Chișinău.", id="arrives-tomorrow"),
        pytest.param("Președintele Klaus Iohannis l-a primit ieri pe ambasadorul Franței.",
                     id="received-an-ambassador"),
    ],
)
def test_planned_or_negated_visit_is_no_visit(tmp_path: Path, body: str) -> None:
    assert parties_beside_control(tmp_path, body, "visit") == [CONTROL["visit"][1]]


@pytest.mark.parametrize(
    ("body", "actor", "target"),
    [
        pytest.param("Ministerul Afacerilor Externe al României l-a convocat marți pe ambasadorul Federației Ruse "
                     "la București.", "ROU", "RUS", id="convocat-ambasadorul"),
        pytest.param("Ambasadorul ucrainean la Budapesta, convocat ieri la Ministerul de Externe, a refuzat să "
                     "comenteze.", "HUN", "UKR", id="passive-convocat-host-capital"),
        pytest.param("Ministerul de Externe al Ucrainei a înmânat ambasadorului ungar o notă de protest.",
                     "UKR", "HUN", id="inmanat-nota-de-protest"),
        pytest.param("Guvernul Poloniei a transmis un protest ferm ambasadorului rus la Varşovia.",
                     "POL", "RUS", id="protest-ferm-cedilla"),
        pytest.param("Pe 3 februarie, însărcinatului cu afaceri al Belarusului la Kiev i-a fost exprimat "
                     "protestul autorităților.", "UKR", "BLR", id="exprimat-protestul-charge"),
        pytest.param("Ministerul de Externe de la Moscova l-a convocat luni pe ambasadorul României.",
                     "RUS", "ROU", id="de-la-is-from-not-to"),
        pytest.param("Ministrul de Externe Bogdan Aurescu i-a înmânat ambasadorului rus o notă de protest.",
                     "ROU", "RUS", id="foreign-minister-by-name"),
        pytest.param("Ambasadorul rus la Chișinău a fost chemat la MAEIE pentru explicații.",
                     "MDA", "RUS", id="chemat-la-maeie"),
    ],
)
def test_romanian_demarches(tmp_path: Path, body: str, actor: str, target: str) -> None:
    found = {(e[1], e[2]) for e in events(extract_ro(tmp_path, body)) if e[0] == "demarche"}
    assert found == {(actor, target)}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Ambasadorul Rusiei la Chișinău va fi convocat la Ministerul de Externe pentru explicații.",
                     id="will-be-summoned"),
        pytest.param("Premierul Ucrainei a criticat dur declarațiile ambasadorului rus la Kiev.",
                     id="public-criticism"),
        pytest.param("Opoziția de la București a cerut convocarea ambasadorului rus la Ministerul de Externe.",
                     id="summons-requested"),
        pytest.param("Guvernul Republicii Moldova a convocat o ședință a Consiliului Suprem de Securitate.",
                     id="convened-meeting-no-diplomat"),
    ],
)
def test_not_a_romanian_demarche(tmp_path: Path, body: str) -> None:
    assert parties_beside_control(tmp_path, body, "demarche") == [CONTROL["demarche"][1]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Uniunea Europeană va acorda Republicii Moldova un sprijin financiar de 50 de milioane de euro.",
                     ("pledge", "EU", "MDA", 50_000_000.0, "EUR"), id="va-acorda-sprijin-financiar"),
        pytest.param("Germania a anunțat un ajutor de 20 de milioane de euro pentru Ucraina.",
                     ("pledge", "DEU", "UKR", 20_000_000.0, "EUR"), id="anuntat-un-ajutor"),
        pytest.param("Comisia Europeană a anunţat o tranşă de 100 de milioane de euro pentru Ucraina.",
                     ("pledge", "EU", "UKR", 100_000_000.0, "EUR"), id="transa-cedilla"),
        pytest.param("Guvernul României a alocat Republicii Moldova 100 de milioane de lei.",
                     ("pledge", "ROU", "MDA", 100_000_000.0, "RON"), id="alocat-lei-of-romania"),
        pytest.param("Ucraina va primi 500 de milioane de dolari de la Banca Mondială.",
                     ("pledge", "WB", "UKR", 500_000_000.0, "USD"), id="va-primi-de-la"),
        pytest.param("Suedia a promis tancuri și obuze pentru Ucraina.",
                     ("pledge", "SWE", "UKR", None, None), id="named-items"),
        pytest.param("Germania a anunțat un ajutor de 100 de milioane de euro pentru armata ucraineană.",
                     ("pledge", "DEU", "UKR", 100_000_000.0, "EUR"), id="demonym-after-its-army"),
        pytest.param("Germania a anunțat un ajutor de 100 de milioane de euro pentru forțele armate ucrainene.",
                     ("pledge", "DEU", "UKR", 100_000_000.0, "EUR"), id="demonym-after-armed-forces"),
        pytest.param("Banca Mondială a aprobat un credit de 100 de milioane de dolari pentru Ucraina.",
                     ("pledge", "WB", "UKR", 100_000_000.0, "USD"), id="aprobat-un-credit"),
        pytest.param("Marea Britanie va trimite Ucrainei tancuri Challenger 2.",
                     ("pledge", "GBR", "UKR", None, None), id="va-trimite-named-items"),
        pytest.param("Banca Europeană de Investiții va acorda Ucrainei un împrumut de 50 de milioane de euro.",
                     ("pledge", "EIB", "UKR", 50_000_000.0, "EUR"), id="eib-full-name"),
        pytest.param("Banca Europeană pentru Reconstrucție și Dezvoltare va acorda Moldovei un credit de 20 de "
                     "milioane de euro.", ("pledge", "EBRD", "MDA", 20_000_000.0, "EUR"), id="ebrd-full-name"),
    ],
)
def test_romanian_pledges(tmp_path: Path, body: str, expected: Event) -> None:
    assert events(extract_ro(tmp_path, body)) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("În total, SUA au acordat Ucrainei 40 de miliarde de dolari.", id="in-total"),
        pytest.param("Până în prezent, Uniunea Europeană a oferit Moldovei un sprijin de 1 miliard de euro.",
                     id="pana-in-prezent"),
        pytest.param("Germania a acordat Ucrainei 10 miliarde de euro de la începutul războiului.",
                     id="de-la-inceputul"),
        pytest.param("Guvernul Ucrainei a solicitat Uniunii Europene un ajutor de 1 miliard de euro.",
                     id="request"),
        pytest.param("Franța va sprijini Ucraina atât cât va fi nevoie.", id="vague-support"),
        pytest.param("Marea Britanie a trimis Ucrainei tancurile promise.", id="sent-is-a-delivery"),
    ],
)
def test_not_a_romanian_pledge(tmp_path: Path, body: str) -> None:
    assert parties_beside_control(tmp_path, body, "pledge") == [CONTROL["pledge"][1]]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        pytest.param("Cancelarul german Olaf Scholz a sosit marţi la Kiev.", date(2023, 2, 14), id="marti-cedilla"),
        pytest.param("Ministerul Afacerilor Externe al României l-a convocat ieri pe ambasadorul rus.",
                     date(2023, 2, 16), id="ieri"),
        pytest.param("Pe 9 februarie, Germania a anunțat un ajutor de 5 milioane de euro pentru Moldova.",
                     date(2023, 2, 9), id="explicit-date"),
    ],
)
def test_romanian_dates(tmp_path: Path, body: str, day: date) -> None:
    # "astăzi, 17 februarie" pins the publication day, so relative days and weekdays resolve exactly
    rows = extract_ro(tmp_path, f"Astăzi, 17 februarie, au fost publicate știrile. {body}")
    assert [dates(r)[1] for r in rows] == [day]


@pytest.mark.parametrize(
    ("body", "actor", "target"),
    [
        pytest.param("Vizita președintelui Zelenski la București a durat două zile.", "UKR", "ROU",
                     id="genitive-ending"),
        pytest.param("Maia Sandu a discutat despre vizita la Kiev a premierului polonez.", "POL", "UKR",
                     id="genitive-outranks-the-subject-before"),
    ],
)
def test_visit_noun_takes_its_agent_from_a_genitive_ending(tmp_path: Path, body: str, actor: str,
                                                             target: str) -> None:
    # Romanian, like Russian, has no possessive before the noun: "vizita președintelui X" is X's visit
    assert [(e[1], e[2]) for e in events(extract_ro(tmp_path, body)) if e[0] == "visit"] == [(actor, target)]


def test_named_items_to_a_bare_dative_recipient(tmp_path: Path) -> None:
    # "Ucrainei" is a dative without a preposition, as "Украине" in Russian
    body = "Marea Britanie a oferit Ucrainei tancuri Challenger."
    assert events(extract_ro(tmp_path, body)) == [("pledge", "GBR", "UKR", None, None)]


@pytest.mark.parametrize(("body", "visit"), [
    ("Președintele Maia Sandu s-a întâlnit cu cancelarul Olaf Scholz la Berlin.", True),
    ("Președintele Maia Sandu s-a întâlnit prin videoconferință cu cancelarul Olaf Scholz la Berlin.", False),
])
def test_a_meeting_by_videoconference_is_no_visit(tmp_path: Path, body: str, visit: bool) -> None:
    assert bool(events(extract_ro(tmp_path, body))) is visit


def test_signed_financing_agreement_with_a_partner_is_its_pledge(tmp_path: Path) -> None:
    # "the government signed an agreement with Poland": the partner after "cu" gives to the headline's country
    body = "Guvernul a semnat un acord cu Polonia de 3,5 milioane de euro pentru școli."
    headline = "Moldova a semnat cinci acorduri cu partenerii externi"
    assert events(extract(tmp_path, "ro", body, header="2024-09", headline=headline)) == [
        ("pledge", "POL", "MDA", 3_500_000.0, "EUR")]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Partea română a exprimat un protest ferm părții ruse.", [("demarche", "ROU", "RUS", None, None)],
                 id="protested-government-right-after"),
    # the country far after the protest is what it is about, not who receives it
    pytest.param("Partea română a exprimat un protest ferm față de atacurile asupra porturilor ucrainene.", [],
                 id="country-of-the-protested-attacks"),
])
def test_a_protest_without_a_diplomat_names_the_protested_government_next(
        tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ro", body)) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Vizita lui Macron la Kiev a fost amânată.", id="a-fost-amanata"),
        pytest.param("Vizita lui Macron la Kiev a fost anulată.", id="a-fost-anulata"),
        pytest.param("Vizita lui Macron la Kiev nu a mai avut loc.", id="nu-a-mai-avut-loc"),
    ],
)
def test_visit_called_off_after_the_noun_is_no_visit(tmp_path: Path, body: str) -> None:
    assert parties_beside_control(tmp_path, body, "visit") == [CONTROL["visit"][1]]


@pytest.mark.parametrize("body", [
    "Vizita lui Macron la Kiev, care fusese amânată în mai, a avut loc marți.",
    "Vizita lui Macron la Kiev a avut loc marți în ciuda zvonurilor că ar fi fost anulată.",
])
def test_visit_put_off_and_then_held_is_a_visit(tmp_path: Path, body: str) -> None:
    assert [(e[1], e[2]) for e in events(extract_ro(tmp_path, body)) if e[0] == "visit"] == [("FRA", "UKR")]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Ministrul german al apărării, Boris Pistorius, a sosit la Chișinău. El a anunțat un ajutor de "
                 "50 de milioane de euro.",
                 [("pledge", "DEU", "MDA", 5e7, "EUR"), ("visit", "DEU", "MDA", None, None)], id="el"),
    pytest.param("Ministrul german al apărării, Boris Pistorius, a sosit la Chișinău. Ministrul a anunțat un "
                 "ajutor de 50 de milioane de euro.",
                 [("pledge", "DEU", "MDA", 5e7, "EUR"), ("visit", "DEU", "MDA", None, None)], id="ministrul"),
    pytest.param("Ministrul german al apărării, Boris Pistorius, a sosit la Chișinău. El a amintit că Germania a "
                 "oferit deja 100 de milioane de euro.", [("visit", "DEU", "MDA", None, None)],
                 id="a-total-stays-no-pledge"),
    pytest.param("Ministrul german al apărării, Boris Pistorius, a sosit la Chișinău. El a anunțat un ajutor de "
                 "50 de milioane de euro pentru armata proprie.", [("visit", "DEU", "MDA", None, None)],
                 id="own-army-stays-no-pledge"),
])
def test_a_pledge_naming_neither_party_takes_both_from_the_visit_before(
        tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert sorted(events(extract(tmp_path, "ro", body, header="2024-03", headline="Vizită"))) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the office names whom the person acts for now; the person entry (a former premier) may not
        pytest.param("Secretarul general al NATO, Mark Rutte, a sosit marți la Washington pentru discuții.",
                     ("NATO", "USA"), id="office-holder-of-an-organisation"),
        pytest.param("O delegație a Camerei Deputaților a efectuat o vizită în Republica Moldova.", ("ROU", "MDA"),
                     id="chamber-delegation"),
        pytest.param("Președintele Camerei Deputaților, Alfred Simonis, a efectuat o vizită oficială la Kiev.",
                     ("ROU", "UKR"), id="speaker-of-the-chamber"),
        pytest.param("Regele Charles al III-lea și regina Camilla au sosit la București, într-o vizită de stat.",
                     ("GBR", "ROU"), id="king-on-state-visit"),
        pytest.param("Un grup de deputați români a efectuat o vizită în Republica Moldova.", ("ROU", "MDA"),
                     id="deputies"),
        pytest.param("Senatori americani au efectuat o vizită la Kiev, unde s-au întâlnit cu președintele Zelenski.",
                     ("USA", "UKR"), id="senators"),
        pytest.param("Prințul moștenitor al Arabiei Saudite a sosit la Paris pentru discuții cu președintele francez.",
                     ("SAU", "FRA"), id="crown-prince-genitive-country"),
        pytest.param("O delegație a Parlamentului European s-a aflat într-o vizită la Chișinău.", ("EU", "MDA"),
                     id="european-parliament-genitive"),
    ],
)
def test_visits_of_organisations_parliaments_and_royals(tmp_path: Path, body: str, expected: tuple[str, str]) -> None:
    assert [(e[1], e[2]) for e in events(extract_ro(tmp_path, body)) if e[0] == "visit"] == [expected]


def test_stopover_is_a_visit(tmp_path: Path) -> None:
    body = "Cancelarul german Olaf Scholz a făcut o escală la Varșovia, în drum spre Kiev."
    assert [(e[1], e[2]) for e in events(extract_ro(tmp_path, body)) if e[0] == "visit"] == [("DEU", "POL")]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Guvernul german analizează posibilitatea de a acorda Ucrainei 500 de milioane de euro.",
                     id="analizeaza-posibilitatea"),
        pytest.param("Japonia ia în calcul să acorde Republicii Moldova un ajutor de 20 de milioane de dolari.",
                     id="ia-in-calcul"),
    ],
)
def test_pledge_under_consideration_is_none(tmp_path: Path, body: str) -> None:
    assert parties_beside_control(tmp_path, body, "pledge") == [CONTROL["pledge"][1]]


def test_office_in_the_lead_holds_for_the_bare_name_in_the_headline(tmp_path: Path) -> None:
    body = ("Secretarul general al NATO, Mark Rutte, a sosit marți la Washington, unde are întâlniri cu oficialii "
            "americani.")
    rows = extract(tmp_path, "ro", body, header="2024-03", headline="Rutte a sosit la Washington")
    assert {(e[1], e[2]) for e in events(rows) if e[0] == "visit"} == {("NATO", "USA")}


def test_recipients_listed_after_the_verb_with_each(tmp_path: Path) -> None:
    body = "Statele Unite vor acorda Republicii Moldova și Georgiei câte 10 milioane de dolari pentru securitate."
    assert events(extract(tmp_path, "ro", body)) == [("pledge", "USA", "GEO", 10_000_000.0, "USD"),
                                                     ("pledge", "USA", "MDA", 10_000_000.0, "USD")]


def test_the_minister_with_no_name_carries_the_traveller(tmp_path: Path) -> None:
    body = ("Ministrul rus de Externe, Serghei Lavrov, a sosit luni la Berlin. Marți, ministrul a vizitat Parisul.")
    assert events(extract(tmp_path, "ro", body)) == [("visit", "RUS", "DEU", None, None),
                                                     ("visit", "RUS", "FRA", None, None)]


def test_traveller_after_the_verb_when_the_place_comes_first(tmp_path: Path) -> None:
    body = "Marți, la Chișinău a sosit ministrul german de Externe, Annalena Baerbock."
    assert events(extract(tmp_path, "ro", body)) == [("visit", "DEU", "MDA", None, None)]


def test_demarches_between_asian_states(tmp_path: Path) -> None:
    # "Filipinelor" (CLDR gives only "Filipine"); "filipinez" as the protesting side
    body = ("Ministerul chinez de Externe l-a convocat marți pe ambasadorul Filipinelor la Beijing. Departamentul "
            "filipinez al Afacerilor Externe a transmis o notă de protest Chinei.")
    assert events(extract(tmp_path, "ro", body, header="2023-11")) == [("demarche", "CHN", "PHL", None, None),
                                                                        ("demarche", "PHL", "CHN", None, None)]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Prim-ministrul Japoniei, Fumio Kishida, a sosit vineri la New Delhi.",
                 [("visit", "JPN", "IND", None, None)], id="new-delhi"),
    pytest.param("Premierul Narendra Modi a efectuat o vizită oficială la Riad.",
                 [("visit", "IND", "SAU", None, None)], id="modi-riyadh"),
    pytest.param("Japonia va dona Filipinelor un sistem radar de coastă.",
                 [("pledge", "JPN", "PHL", None, None)], id="radar-named-item"),
])
def test_leaders_and_places_outside_europe(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ro", body, header="2023-09")) == expected


@pytest.mark.parametrize("body", [
    "Qatarul a anunțat un ajutor de 50 de milioane de dolari pentru populația din Fâșia Gaza.",
    "Qatarul a anunțat un ajutor de 50 de milioane de dolari pentru victimele din Fâșia Gaza.",
])
def test_the_people_of_a_place_are_its_recipient(tmp_path: Path, body: str) -> None:
    # "din" (from/of) otherwise keeps a place out of the recipient's role
    assert events(extract(tmp_path, "ro", body)) == [("pledge", "QAT", "PSE", 50_000_000.0, "USD")]


def test_unnamed_donors_borrow_no_donor(tmp_path: Path) -> None:
    # "Donatorii au promis": the givers are unnamed; Lavrov, named in the sentence before, gives nothing
    body = "Lavrov a sosit luni la Ankara. Donatorii au promis Siriei 1,5 miliarde de dolari."
    assert events(extract(tmp_path, "ro", body)) == [("visit", "RUS", "TUR", None, None)]


def test_place_of_a_donor_conference_is_no_recipient(tmp_path: Path) -> None:
    body = "Germania a promis 5 milioane de euro la o conferință în Elveția."
    assert events(extract(tmp_path, "ro", body)) == []


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Ambasada Rusiei la Chișinău a transmis MAEIE o notă de protest.", ("RUS", "MDA"),
                 id="embassy-sends-a-note"),
    pytest.param("Ambasada Rusiei a primit o notă de protest de la MAEIE.", ("MDA", "RUS"),
                 id="embassy-receives-a-note"),
])
def test_embassy_as_the_protester(tmp_path: Path, body: str, expected: tuple[str, str]) -> None:
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body)) if e[0] == "demarche"] == [expected]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Olanda va vira 10 milioane de euro într-un fond fiduciar al ONU pentru Republica Moldova.",
                 ("pledge", "NLD", "MDA", 10_000_000.0, "EUR"), id="transfer-into-a-fund"),
    pytest.param("Germania va contribui cu 20 de milioane de euro la fondul NATO pentru Ucraina.",
                 ("pledge", "DEU", "UKR", 20_000_000.0, "EUR"), id="contribution-to-a-fund"),
])
def test_pledge_to_a_fund_for_a_country(tmp_path: Path, body: str, expected: Event) -> None:
    assert events(extract(tmp_path, "ro", body)) == [expected]


def test_arrived_at_a_place_is_a_visit_but_not_an_agreement_reached(tmp_path: Path) -> None:
    # "a ajuns la Vilnius" (arrived in) is a visit; "a ajuns la un acord cu Germania" (reached an agreement) is none
    body = ("Ministrul Afacerilor Externe, Mihai Popșoi, a ajuns marți la Vilnius. "
            "Președintele Maia Sandu a ajuns la un acord cu Germania.")
    trips = [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body)) if e[0] == "visit"]
    assert trips == [("MDA", "LTU")]


def test_gapped_stop_without_a_dash(tmp_path: Path) -> None:
    # ", iar miercuri la Varșovia": a further stop; ", iar miercuri la Varșovia au avut loc proteste" is no stop
    body = "Ministrul Afacerilor Externe, Mihai Popșoi, a ajuns marți la Vilnius, iar miercuri la Varșovia."
    trips = [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body)) if e[0] == "visit"]
    assert trips == [("MDA", "LTU"), ("MDA", "POL")]
    body = ("Ministrul Afacerilor Externe, Mihai Popșoi, a ajuns marți la Vilnius, "
            "iar miercuri la Varșovia au avut loc proteste.")
    trips = [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body)) if e[0] == "visit"]
    assert trips == [("MDA", "LTU")]


def test_named_weapon_systems_are_items(tmp_path: Path) -> None:
    # "trei sisteme IRIS-T" names what is given, with no sum or package
    body = "Germania va oferi Ucrainei încă trei sisteme IRIS-T, a declarat ministrul Boris Pistorius."
    assert events(extract(tmp_path, "ro", body)) == [("pledge", "DEU", "UKR", None, None)]


def test_first_person_trip_in_a_quote_and_came_to_power(tmp_path: Path) -> None:
    # "„Am venit la Kiev...”, a spus ministrul": the speaker came; "a venit la putere" names no place
    body = ("„Am venit la Kiev să arătăm că suntem alături de voi”, a spus ministrul român al Apărării, Angel Tîlvăr. "
            "Premierul Marcel Ciolacu a venit la putere în 2023.")
    assert events(extract(tmp_path, "ro", body)) == [("visit", "ROU", "UKR", None, None)]


def test_was_in_a_place_is_a_visit(tmp_path: Path) -> None:
    # "s-a aflat luni la Kiev", "se află la Bruxelles": presence abroad; "s-a aflat în centrul atenției" is none
    body = ("Ministrul de externe Bogdan Aurescu s-a aflat luni la Kiev. "
            "Premierul Dorin Recean s-a aflat în centrul atenției la Chișinău.")
    assert events(extract(tmp_path, "ro", body)) == [("visit", "ROU", "UKR", None, None)]


def test_subjectless_visit_carries_the_traveller(tmp_path: Path) -> None:
    # "A vizitat ieri Chișinăul": Romanian drops the subject, who is the traveller of the sentence before
    body = ("Ministrul de externe al României, Bogdan Aurescu, a sosit luni la Kiev. "
            "A vizitat ieri Chișinăul, unde a discutat cu Maia Sandu.")
    assert sorted((e[1], e[2]) for e in events(extract(tmp_path, "ro", body))) == [("ROU", "MDA"), ("ROU", "UKR")]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Kievul a fost vizitat de premierul Nicolae Ciucă.", [("ROU", "UKR")], id="place-visited-by"),
    pytest.param("Chișinăul a fost vizitat marți de ministrul de externe al Ucrainei, Dmitro Kuleba.",
                 [("UKR", "MDA")], id="with-a-weekday-between"),
    pytest.param("Muzeul a fost vizitat de mii de turiști.", [], id="tourists-are-no-officials"),
])
def test_passive_visit(tmp_path: Path, body: str, expected: list[tuple[str, str]]) -> None:
    # "X a fost vizitat de Y": the place before is visited, the official after "de" travels
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body)) if e[0] == "visit"] == expected


def test_headline_with_an_elided_predicate(tmp_path: Path) -> None:
    # "Vizita ... la Chișinău, amânată": the headline's comma stands for "a fost"; "..., în prim-plan" is no predicate
    rows = extract(tmp_path, "ro", "Președintele Germaniei urma să sosească marți.",
                   headline="Vizita președintelui Germaniei la Chișinău, amânată")
    assert events(rows) == []


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Ministrul de externe al României a vizitat Bucea și Irpinul.", ("ROU", "UKR"), id="kyiv-suburbs"),
    pytest.param("Premierul Ucrainei a ajuns la Suceava.", ("UKR", "ROU"), id="romanian-town"),
    pytest.param("Ministrul Apărării al Poloniei a vizitat Liovul.", ("POL", "UKR"), id="lviv"),
])
def test_towns_of_state_visits(tmp_path: Path, body: str, expected: tuple[str, str]) -> None:
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body))] == [expected]


def test_counterpart_is_an_official(tmp_path: Path) -> None:
    # "l-a primit pe omologul său georgian": the counterpart, named by the nationality after him, is the guest
    body = "La Chișinău, ministrul Afacerilor Externe, Nicu Popescu, l-a primit pe omologul său georgian."
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body))] == [("GEO", "MDA")]


def test_meeting_of_an_office_named_by_its_country(tmp_path: Path) -> None:
    # the office-holder's name is not in the gazetteer: the country after the title stands for him
    body = "Premierul Ucrainei, Denis Șmihal, a avut o întrevedere cu Maia Sandu la Chișinău."
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body))] == [("UKR", "MDA")]


def test_a_wire_dateline_is_the_seat_of_the_summoning_ministry(tmp_path: Path) -> None:
    rows = extract(tmp_path, "ro", "CHIȘINĂU, 5 mai /Agerpres/ - MAE a convocat ambasadorul rus.")
    assert [(e[1], e[2]) for e in events(rows)] == [("MDA", "RUS")]
    assert rows[0]["actor_basis"].startswith("dateline")


def test_office_in_an_apposition_after_the_name(tmp_path: Path) -> None:
    # "Mark Rutte, secretarul general al NATO, a sosit": the office after the name acts for the organisation
    body = "Mark Rutte, secretarul general al NATO, a sosit joi la Kiev. El s-a întâlnit cu Zelenski."
    rows = extract(tmp_path, "ro", body, header="2024-03", headline="Rutte, vizită la Kiev")
    assert {(e[1], e[2]) for e in events(rows) if e[0] == "visit"} == {("NATO", "UKR")}


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Omologul german al lui Lavrov a vizitat Kievul luni. El s-a întâlnit cu Zelenski.", [("DEU", "UKR")],
                 id="counterpart-of-a-named-minister"),
    pytest.param("Omologul francez al lui Lavrov a sosit la Moscova.", [("FRA", "RUS")],
                 id="counterpart-visits-his-country"),
    pytest.param("Ministrul francez Jean-Noël Barrot a sosit la Moscova.", [("FRA", "RUS")], id="own-official-stays"),
])
def test_nationality_of_a_counterpart_names_the_traveller(tmp_path: Path, body: str,
                                                          expected: list[tuple[str, str]]) -> None:
    # "Omologul german al lui Lavrov": the name after "al lui" only says whose counterpart travels
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body))] == expected


@pytest.mark.parametrize("body", [
    pytest.param("Giorgia Meloni a promis președintelui ucrainean că Roma va acorda 100 de milioane de euro.",
                 id="title-and-nationality"),
    pytest.param("Meloni a promis președintelui Zelenski că Roma va acorda 100 de milioane de euro.",
                 id="title-and-name"),
])
def test_addressee_of_a_promise_receives_what_the_clause_after_gives(tmp_path: Path, body: str) -> None:
    # "a promis președintelui ucrainean că Roma va acorda ...": the addressee is the recipient the clause does not name
    body = "Premierul italian s-a întâlnit miercuri cu Zelenski la Roma. " + body
    assert [e for e in events(extract(tmp_path, "ro", body)) if e[0] == "pledge"] == [
        ("pledge", "ITA", "UKR", 100_000_000.0, "EUR")]


def test_farmers_of_a_country_receive_for_it(tmp_path: Path) -> None:
    # "va acorda fermierilor din Republica Moldova": the farmers of a place are its people, so the place receives
    body = ("Ministrul român al Agriculturii a vizitat marți Cahulul. Florin Barbu a anunțat că România va acorda "
            "fermierilor din Republica Moldova 10 milioane de euro pentru sisteme de irigare.")
    assert [e for e in events(extract(tmp_path, "ro", body)) if e[0] == "pledge"] == [
        ("pledge", "ROU", "MDA", 10_000_000.0, "EUR")]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Annalena Baerbock a avut convorbiri cu Mihai Popșoi. Întâlnirea a avut loc la Chișinău.",
                 [("DEU", "MDA")], id="guest-named-by-name-only"),
    pytest.param("Maia Sandu s-a întâlnit cu Dorin Recean. Întrevederea a avut loc la Chișinău.", [],
                 id="both-at-home"),
])
def test_meeting_placed_in_the_next_sentence(tmp_path: Path, body: str, expected: list[tuple[str, str]]) -> None:
    # "Întâlnirea a avut loc la Chișinău": the talks told just before happened there
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body))] == expected


def test_promise_told_by_the_later_clause(tmp_path: Path) -> None:
    # "Am promis colegului meu moldovean că Vilniusul va dona ...": the later verb has its own donor; the first verb
    # only promises (before, it took Vilniusul for its recipient and a person of the sentence before for its donor)
    body = ("„Luni am ajuns la Chișinău și am avut o întâlnire cu Mihai Popșoi”, a spus ministrul lituanian. "
            "„Am promis colegului meu moldovean că Vilniusul va dona Republicii Moldova 5 milioane de euro pentru "
            "apărare”, a adăugat Landsbergis.")
    assert sorted(events(extract(tmp_path, "ro", body))) == [
        ("pledge", "LTU", "MDA", 5_000_000.0, "EUR"), ("visit", "LTU", "MDA", None, None)]


def test_time_between_a_promise_and_its_addressee(tmp_path: Path) -> None:
    # "a promis miercuri președintelui Ucrainei că Roma va acorda ...": the verb's time stands before the addressee
    body = ("Giorgia Meloni s-a întâlnit cu Zelenski la Roma. Premierul Italiei, Giorgia Meloni, a promis miercuri "
            "președintelui Ucrainei că Roma va acorda 100 de milioane de euro.")
    assert [e for e in events(extract(tmp_path, "ro", body)) if e[0] == "pledge"] == [
        ("pledge", "ITA", "UKR", 100_000_000.0, "EUR")]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Ministrul norvegian de Externe, Espen Barth Eide, s-a aflat marți la Chișinău.", ("NOR", "MDA"),
                 id="norwegian"),
    pytest.param("Ministrul lituanian de Externe a ajuns luni la Chișinău.", ("LTU", "MDA"), id="lithuanian"),
    pytest.param("Premierul olandez a sosit la Kiev, unde s-a întâlnit cu Zelenski.", ("NLD", "UKR"), id="dutch"),
])
def test_nationalities_of_european_ministers(tmp_path: Path, body: str, expected: tuple[str, str]) -> None:
    body += " Oficialul a discutat despre securitatea regiunii și despre integrarea europeană."
    assert [(e[1], e[2]) for e in events(extract(tmp_path, "ro", body))] == [expected]


@pytest.mark.parametrize(("body", "expected"), [
    ("Lituania l-a convocat luni pe ambasadorul Rusiei din cauza incidentului cu drona. Ministerul a spus că drona a "
     "încălcat spațiul aerian. Letonia și Estonia au procedat la fel.",
     [("demarche", "EST", "RUS", None, None), ("demarche", "LTU", "RUS", None, None),
      ("demarche", "LVA", "RUS", None, None)]),
    ("Lituania l-a convocat pe ambasadorul Rusiei. Letonia a urmat exemplul.",
     [("demarche", "LTU", "RUS", None, None), ("demarche", "LVA", "RUS", None, None)]),
    ("Lituania l-a convocat luni pe ambasadorul Rusiei. La fel a procedat și Estonia.",
     [("demarche", "EST", "RUS", None, None), ("demarche", "LTU", "RUS", None, None)]),
    ("Lituania l-a convocat pe ambasadorul Rusiei. La fel au procedat Letonia și Estonia.",
     [("demarche", "EST", "RUS", None, None), ("demarche", "LTU", "RUS", None, None),
      ("demarche", "LVA", "RUS", None, None)]),
    ("Lituania l-a convocat pe ambasadorul Rusiei. Rusia a făcut același lucru.",
     [("demarche", "LTU", "RUS", None, None)]),
])
def test_the_same_step_after_a_romanian_demarche(tmp_path: Path, body: str, expected: list[Event]) -> None:
    assert events(extract(tmp_path, "ro", body)) == expected


def test_named_items_after_a_pledge_go_to_its_recipient(tmp_path: Path) -> None:
    # the second donor names no recipient: the one of the pledge just before (GUIDE.md: named items are a pledge)
    body = "Germania va aloca Ucrainei 50 de milioane de euro. În plus, Franța va trimite 20 de generatoare."
    assert events(extract(tmp_path, "ro", body)) == [("pledge", "DEU", "UKR", 50_000_000.0, "EUR"),
                                                     ("pledge", "FRA", "UKR", None, None)]


@pytest.mark.parametrize("when", ["miercuri seara", "ieri seara", "joi dimineața"])
def test_a_weekday_and_a_time_of_day_between_a_promise_and_its_addressee(tmp_path: Path, when: str) -> None:
    body = (f"Președintele Lituaniei, Gitanas Nausėda, a promis {when} președintelui Ucrainei că Vilniusul va dona "
            "200 de milioane de euro.")
    assert events(extract(tmp_path, "ro", body)) == [("pledge", "LTU", "UKR", 200_000_000.0, "EUR")]


@pytest.mark.parametrize(("body", "expected"), [
    ("Ministrul turc de Externe Hakan Fidan a efectuat joi o vizită la Chișinău.", ("visit", "TUR", "MDA", None, None)),
    ("Pistorius a anunțat un nou pachet de ajutor militar pentru Ucraina în valoare de 500 de milioane de euro.",
     ("pledge", "DEU", "UKR", 500_000_000.0, "EUR")),
    ("Ionuț Moșteanu s-a aflat marți la Kiev.", ("visit", "ROU", "UKR", None, None)),
    ("Alexander Stubb a sosit luni la București.", ("visit", "FIN", "ROU", None, None)),
])
def test_romanian_leaders_and_ministers_by_name(tmp_path: Path, body: str, expected: Event) -> None:
    assert events(extract(tmp_path, "ro", body)) == [expected]


def test_an_ambassador_meeting_in_his_host_country_visits_nobody(tmp_path: Path) -> None:
    # an ambassador's tour of the regions of the country he is posted to is travel inside it (GUIDE.md)
    body = ("Ambasadorul Statelor Unite la Chișinău, Kent Logsdon, a vizitat luni Bălțiul, unde s-a întâlnit cu "
            "primarul orașului.")
    assert events(extract(tmp_path, "ro", body)) == []


def test_the_recipient_after_a_pledge_verb_is_no_donor_of_the_package(tmp_path: Path) -> None:
    # "va acorda Ucrainei un nou pachet": with the government unnamed, no pledge by Ukraine to Romania
    body = ("România a trimis deja ajutoare umanitare. Guvernul a anunțat marți că va acorda Ucrainei un nou pachet "
            "de ajutor umanitar de 10 milioane de euro.")
    assert events(extract(tmp_path, "ro", body)) == []
