"""`newsline sql` is read-only: each forbidden action, tried through the CLI, fails with DuckDB's error.

Both ways the command reads: the database itself, and (while another process holds the database) the
temporary copy of the last Parquet export.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from flows.cli import main
from tests import small_warehouse

READ_ONLY = "attached in read-only mode"
NO_FILES = "file system operations are disabled by configuration"
LOCKED = "the configuration has been locked"


def attempts(warehouse: Path, outside: Path) -> list[tuple[str, str, str]]:
    """(what is tried, the SQL, a piece of the error it must give)."""
    return [
        ("insert", "insert into runs (run_id, seeds_path, started_at, status, extractor_version) "
                   "values ('x', 's', now(), 'running', 'v')", READ_ONLY),
        ("update", "update documents set headline = 'changed'", READ_ONLY),
        ("delete", "delete from event_mentions", READ_ONLY),
        ("create table", "create table notes (x integer)", READ_ONLY),
        ("drop table", "drop table documents", READ_ONLY),
        ("a second statement that writes", "select 1; drop table events", READ_ONLY),
        ("write a file outside", f"copy documents to '{outside / 'stolen.csv'}'", NO_FILES),
        ("write a file inside the warehouse", f"copy documents to '{warehouse / 'parquet' / 'x.parquet'}'", NO_FILES),
        ("export the database", f"export database '{outside / 'dump'}'", NO_FILES),
        ("attach another database", f"attach '{outside / 'other.duckdb'}' as other", NO_FILES),
        ("read a file outside", "select * from read_csv('/etc/passwd')", NO_FILES),
        ("read a text file outside", f"select * from read_text('{outside / 'secret.txt'}')", NO_FILES),
        ("glob the file system", "select * from glob('/etc/*')", NO_FILES),
        ("install an extension", "install httpfs", NO_FILES),
        ("load an extension", "load httpfs", "Loading external extensions is disabled"),
        ("turn file access back on", "set enable_external_access = true", LOCKED),
        ("move the spill folder", f"set temp_directory = '{outside}'", LOCKED),
        ("unlock the configuration", "set lock_configuration = false", LOCKED),
    ]


def fingerprint(folder: Path) -> dict[str, str]:
    """sha256 of every file below folder (symlinks by target), to show nothing was written."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readonly") / "warehouse"
    small_warehouse.build(folder, parquet=True)
    return folder


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.txt").write_text("not for newsline sql", encoding="utf-8")
    return folder


@contextmanager
def held_by_another_process(warehouse: Path) -> Iterator[int]:
    """Another process holds the database read-write, as a run does: its PID."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('held', flush=True);"
                               " time.sleep(120)", str(warehouse / "newsline.duckdb")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder.pid
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def locked(warehouse: Path) -> Iterator[int]:
    with held_by_another_process(warehouse) as pid:
        yield pid


def sql(warehouse: Path, query: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["sql", "--warehouse", str(warehouse), "--format", "csv", query])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("mode", ["database", "parquet while locked"])
def test_every_forbidden_action_fails(mode: str, warehouse: Path, outside: Path, capsys: pytest.CaptureFixture[str],
                                      request: pytest.FixtureRequest) -> None:
    if mode != "database":
        request.getfixturevalue("locked")
    before, outside_before = fingerprint(warehouse), fingerprint(outside)
    failures = {}
    for what, query, expected in attempts(warehouse, outside):
        code, out, err = sql(warehouse, query, capsys)
        assert code == 1, f"{what} was allowed: {query}\n{out}"
        assert expected in err, f"{what}: {err}"
        failures[what] = err.strip().splitlines()[-1]
    assert fingerprint(warehouse) == before
    assert fingerprint(outside) == outside_before
    # the errors a user sees, e.g. for the database:
    if mode == "database":
        assert failures["insert"].startswith("newsline sql: Invalid Input Error: Cannot execute statement of type "
                                             "\"INSERT\" on database \"newsline\" which is attached in read-only mode")
        assert failures["write a file outside"].startswith(
            f"newsline sql: Permission Error: Cannot access file \"{outside / 'stolen.csv'}\" - file system "
            f"operations are disabled by configuration")
        assert failures["install an extension"].startswith("newsline sql: Permission Error: Cannot access directory")


def test_reading_works_on_the_database(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = sql(warehouse, "select count(*) as n from documents", capsys)
    assert (code, out.split(), err) == (0, ["n", "4"], "")


def test_reading_works_while_another_process_holds_the_database(
        warehouse: Path, locked: int, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = sql(warehouse, "select count(*) as n from documents", capsys)
    assert (code, out.split()) == (0, ["n", "4"])
    assert f"in use by process {locked}, not a newsline run" in err
    assert "reading the last complete export (Parquet published" in err
    code, out, _ = sql(warehouse, "select event_type, count(*) as n from timeline group by all order by 1", capsys)
    assert (code, out.split()) == (0, ["event_type,n", "demarche,2", "pledge,5", "visit,3"])


def test_locked_without_any_export_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bare = tmp_path / "warehouse"
    small_warehouse.build(bare, parquet=False)
    with held_by_another_process(bare), pytest.raises(SystemExit, match="has no Parquet export yet; retry when it"):
        main(["sql", "--warehouse", str(bare), "select 1"])
