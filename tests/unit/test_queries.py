"""The SQL library: every sql/queries file runs through `newsline sql --file` and answers the small warehouse right."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from flows.cli import main
from flows.settings import SQL_DIR
from tests import small_warehouse

QUERIES = sorted((SQL_DIR / "queries").glob("*.sql"))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("warehouse")
    small_warehouse.build(folder)
    return folder


def answer(warehouse: Path, name: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    """Rows of `newsline sql --file sql/queries/NAME.sql --format csv`."""
    code = main(["sql", "--file", str(SQL_DIR / "queries" / f"{name}.sql"), "--warehouse", str(warehouse),
                 "--format", "csv"])
    assert code == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_every_query_runs_and_follows_the_house_style(path: Path, warehouse: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("-- "), "a one-line comment says which question the file answers"
    assert "final as (" in text and re.search(r"select \* from final", text)
    assert all(line == line.lower() for line in text.splitlines() if not line.startswith("--")), "lowercase SQL"
    answer(warehouse, path.stem, capsys)


def test_timeline_lists_each_event_once_in_date_order(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = answer(warehouse, "timeline", capsys)
    assert [(r["event_date"], r["event_type"], r["actor_country"], r["mentions"]) for r in rows] == [
        ("2023-02-15", "pledge", "USA", "1"),
        ("2023-02-20", "pledge", "USA", "2"),
        ("2023-02-20", "visit", "USA", "2"),
        ("2023-02-21", "demarche", "RUS", "1"),
        ("2023-03-01", "visit", "POL", "1"),
        ("2023-03-03", "pledge", "GBR", "1"),
        ("2023-03-04", "demarche", "RUS", "1"),
        ("2023-03-10", "pledge", "USA", "1"),
    ]


def test_pledges_by_donor_and_month_in_usd(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = answer(warehouse, "pledges_by_donor_month", capsys)
    # the $500 million reported by two documents is counted once
    assert [(r["donor"], r["month"], r["pledges"], float(r["pledged_usd"])) for r in rows] == [
        ("USA", "2023-02-01", "2", 2.5e9),
        ("USA", "2023-03-01", "1", 3e8),
        ("GBR", "2023-03-01", "1", 1.2e8),
    ]


def test_cumulative_pledges_per_donor(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = answer(warehouse, "cumulative_pledges", capsys)
    assert [(r["donor"], r["event_date"], float(r["cumulative_usd"])) for r in rows] == [
        ("GBR", "2023-03-03", 1.2e8),
        ("USA", "2023-02-15", 2e9),
        ("USA", "2023-02-20", 2.5e9),
        ("USA", "2023-03-10", 2.8e9),
    ]


def test_visit_network_edges(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = answer(warehouse, "visit_network", capsys)
    assert [(r["visitor"], r["host"], r["visits"], r["mentions"]) for r in rows] == [
        ("USA", "UKR", "1", "2"),
        ("POL", "UKR", "1", "1"),
    ]


def test_demarches_by_pair(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = answer(warehouse, "demarches_by_pair", capsys)
    assert [(r["protesting"], r["receiving"], r["demarches"], r["first"], r["latest"]) for r in rows] == [
        ("RUS", "USA", "2", "2023-02-21", "2023-03-04"),
    ]


def test_most_reported_events_come_first(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = answer(warehouse, "most_reported_events", capsys)
    assert len(rows) == 8
    assert [(r["mentions"], r["event_type"], r["sources"]) for r in rows[:3]] == [
        ("2", "pledge", "d1, d2"),
        ("2", "visit", "d1, d2"),
        ("1", "pledge", "d2"),
    ]
