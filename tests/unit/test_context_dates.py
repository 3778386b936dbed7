"""Context dates: an undated mention borrows the day of the scene told in the sentence before it."""

from __future__ import annotations

from datetime import date
from typing import Any

from flows.resolve import inherit_context_dates


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
