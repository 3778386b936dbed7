"""Russian phenomena of the extract stage found on unannotated news: glued words, reports of aid
requested from a parliament or received by a country, hypothetical aid, embassies that are no guests.

Texts are written for the test; helpers come from test_extract.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.gazetteer import find_entities
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
