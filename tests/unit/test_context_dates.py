"""Context dates: an undated mention borrows the day of the scene told in the sentence before it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from flows.resolve import inherit_context_dates
from tests.unit.test_extract import extract


def mention(sentence: int, event_type: str, target: str, day: date | None) -> dict[str, Any]:
    dated = day is not None
    return {
        "doc_id": "d", "sentence_idx": sentence, "char_start": sentence * 100, "event_type": event_type,
        "actor_country": "USA", "target_country": target,
        "event_date": day or date(2024, 4, 15), "date_min": day or date(2024, 3, 25),
        "date_max": day or date(2024, 4, 30), "date_precision": "day" if dated else "month",
        "date_basis": 'weekday "on Monday"' if dated else "publication",
    }


def test_a_pledge_after_a_dated_visit_shares_its_day() -> None:
    visit = mention(3, "visit", "UKR", date(2024, 4, 8))
    pledge = mention(4, "pledge", "UKR", None)
    inherit_context_dates([visit, pledge])
    assert pledge["event_date"] == date(2024, 4, 8) and pledge["date_basis"].startswith("context")


def test_a_visit_elsewhere_does_not_lend_its_day() -> None:
    """'Obama, who last month visited Cuba ...' then 'Obama's visit to Hiroshima': two trips, two dates."""
    cuba = mention(3, "visit", "CUB", date(2024, 3, 20))
    japan = mention(4, "visit", "JPN", None)
    inherit_context_dates([cuba, japan])
    assert japan["date_basis"] == "publication" and japan["event_date"] == date(2024, 4, 15)


ANAPHORIC_DAYS = [
    # the day of a dated mention before, shifted by the phrase's offset
    ("en", "2024-05-09", "Russia summoned the British ambassador on Monday over the drone attacks. "
     "The next day Germany pledged 50 million euros in aid to Ukraine.", "pledge", date(2024, 5, 7)),
    ("nl", "2023-05-10", "Minister Hoekstra bezocht maandag Kiev. "
     "Daags daarna zegde Nederland 100 miljoen euro toe aan Oekraïne.", "pledge", date(2023, 5, 9)),
    ("ro", "2023-05-10", "Ministrul de externe Aurescu a vizitat luni Chișinăul. "
     "A doua zi, România a promis Moldovei 10 milioane de euro.", "pledge", date(2023, 5, 9)),
    # two sentences back, through a mention that is itself dated by its context
    ("ru", "2022-09-09", "Госсекретарь США Энтони Блинкен посетил Киев в четверг. Он заявил, что США предоставит "
     "финансирование в размере 2,2 миллиарда долларов Украине. Это сверх пакета вооружений на сумму 675 миллионов "
     "долларов для Украины, объявленного ранее в тот же день Остином.", "pledge", date(2022, 9, 8)),
    # no mention before: the day the sentence before names
    ("en", "2024-05-09", "On Monday Russian missiles hit Odesa, killing five. "
     "The same day Germany pledged 50 million euros in aid to Ukraine.", "pledge", date(2024, 5, 6)),
]


@pytest.mark.parametrize(("lang", "header", "body", "event_type", "day"), ANAPHORIC_DAYS)
def test_the_same_day_is_the_day_told_before(tmp_path: Path, lang: str, header: str, body: str, event_type: str,
                                             day: date) -> None:
    rows = [r for r in extract(tmp_path, lang, body, header=header) if r["event_type"] == event_type]
    assert rows and all(r["event_date"] == day == r["date_min"] == r["date_max"] for r in rows), rows
    assert any("context: " in r["date_basis"] for r in rows)


def test_the_next_day_after_publication_is_no_day_of_the_event(tmp_path: Path) -> None:
    """A day named by "the next day" after the publication day would be a plan: the row keeps the honest week."""
    rows = extract(tmp_path, "en", "Russia summoned the British ambassador on Thursday over the drone attacks. "
                   "The next day Germany pledged 50 million euros in aid to Ukraine.", header="2024-05-09")
    pledge = next(r for r in rows if r["event_type"] == "pledge")
    assert pledge["date_basis"].startswith("publication") and pledge["date_max"] == date(2024, 5, 9)
