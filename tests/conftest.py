"""Shared fixtures: small seed folders written for the test, and the library versions in the report header."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_FILE = PROJECT_ROOT / "seeds" / "000_b373e813eec3824c.txt"


def pytest_report_header() -> list[str]:
    names = ("duckdb", "polars", "prefect", "pyarrow", "lingua-language-detector", "babel")
    return ["newsline libraries: " + ", ".join(f"{n} {version(n)}" for n in names)]


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


@pytest.fixture
def seed_text() -> str:
    return SEED_FILE.read_text(encoding="utf-8")
