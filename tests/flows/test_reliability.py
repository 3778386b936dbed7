"""Reliability of whole runs: killed at any point, two at once, hostile input, and the checks after each load.

The kill and two-runs tests drive the real `newsline run` in subprocesses on a copy of ../shared/corpus
(plus three bad files), against the Prefect server of the session's test harness, two at a time. A run is
killed with SIGKILL at a deterministic point (NEWSLINE_TEST_KILL_AT=<stage>:<n>, see flows.load.crash_point),
then run again; the warehouse must then hold exactly the rows of an uninterrupted run.
"""

from __future__ import annotations

import builtins
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

from flows.load import LOCK_INFO_FILE, PARQUET_TABLES, check_results, current_export
from flows.pipeline import CheckFailed, newsline_etl
from flows.settings import PROJECT_ROOT, SQL_DIR
from tests import small_warehouse

CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
SEED = PROJECT_ROOT / "seeds" / "000_b373e813eec3824c.txt"
BATCH_SIZE = 40
RUN_SECONDS = 300
# Columns that say when or by which run a row was written, not what it holds.
BOOKKEEPING = {"run_id", "ingested_at", "extracted_at", "rejected_at", "first_ingested_at"}
DATA_TABLES = tuple(t for t in PARQUET_TABLES if t != "runs")

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")

State = dict[str, Counter[str]]


# ------------------------------------------------------------------------------------------------
# Content of a warehouse: per table, the multiset of row hashes (bookkeeping columns left out)


def data_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(f"describe {table}").fetchall() if r[0] not in BOOKKEEPING]


def row_hashes(con: duckdb.DuckDBPyConnection, relation: str, columns: list[str]) -> Counter[str]:
    quoted = ", ".join(f'"{c}"' for c in columns)
    return Counter(r[0] for r in con.execute(f"select md5(cast(row({quoted}) as varchar)) from {relation}").fetchall())


def database_state(warehouse: Path) -> State:
    with duckdb.connect(str(warehouse / "newsline.duckdb"), read_only=True) as con:
        return {t: row_hashes(con, t, data_columns(con, t)) for t in DATA_TABLES}


def parquet_state(warehouse: Path) -> State | None:
    """The published Parquet export's rows (read through parquet/<table>, as readers do); None before any."""
    parquet = warehouse / "parquet"
    if current_export(parquet) is None:
        return None
    with duckdb.connect(str(warehouse / "newsline.duckdb"), read_only=True) as db, duckdb.connect() as con:
        state = {}
        for table in DATA_TABLES:
            files = sorted(str(f) for f in (parquet / table).rglob("*.parquet"))
            relation = f"read_parquet({files!r}, hive_partitioning = true)" if files else None
            state[table] = row_hashes(con, relation, data_columns(db, table)) if relation else Counter()
        return state


def runs_in_parquet(warehouse: Path) -> list[str]:
    frame = pl.read_parquet(warehouse / "parquet" / "runs" / "*.parquet").sort("started_at")
    return frame["status"].to_list()


def differences(found: State | None, expected: State | None) -> str:
    """'' when equal, else per table how many rows are missing, extra or duplicated."""
    if found is None or expected is None:
        return "" if found is expected else f"an export: found {found is not None}, expected {expected is not None}"
    parts = []
    for table in expected:
        missing, extra = expected[table] - found[table], found[table] - expected[table]
        duplicated = sum(n - 1 for n in found[table].values() if n > 1)
        if missing or extra or duplicated:
            parts.append(f"{table}: {sum(missing.values())} missing, {sum(extra.values())} extra, "
                         f"{duplicated} duplicated (of {sum(expected[table].values())})")
    return "; ".join(parts)


def query(warehouse: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(warehouse / "newsline.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


# ------------------------------------------------------------------------------------------------
# The real CLI in a subprocess


@dataclass
class Cli:
    api_url: str
    prefect_home: Path

    def command(self) -> list[str]:
        script = Path(sys.executable).with_name("newsline")
        base = [str(script)] if script.exists() else [sys.executable, "-m", "flows.cli"]
        return [*base, "run", "seeds", "--warehouse", "warehouse", "--quiet"]

    def env(self, kill_at: str | None = None, lock_timeout: float | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLINE_")}
        env |= {"PREFECT_API_URL": self.api_url, "PREFECT_HOME": str(self.prefect_home),
                "PREFECT_LOGGING_LEVEL": "WARNING", "NEWSLINE_BATCH_SIZE": str(BATCH_SIZE)}
        if kill_at:
            env["NEWSLINE_TEST_KILL_AT"] = kill_at
        if lock_timeout is not None:
            env["NEWSLINE_LOCK_TIMEOUT"] = str(lock_timeout)
        return env

    def run(self, cwd: Path, kill_at: str | None = None, lock_timeout: float | None = None
            ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.command(), cwd=cwd, env=self.env(kill_at, lock_timeout), capture_output=True,
                              text=True, timeout=RUN_SECONDS, check=False)

    def start(self, cwd: Path, name: str, lock_timeout: float | None = None) -> subprocess.Popen[str]:
        """A run in the background; its output goes to cwd/<name>.out and .err."""
        return subprocess.Popen(self.command(), cwd=cwd, env=self.env(lock_timeout=lock_timeout), text=True,
                                stdout=(cwd / f"{name}.out").open("w"), stderr=(cwd / f"{name}.err").open("w"))


def workspace(root: Path, name: str, seeds: Path, warehouse_from: Path | None = None) -> Path:
    """root/name with `seeds` linking to a seeds folder (so stored paths are the same everywhere) and a warehouse."""
    folder = root / name
    folder.mkdir()
    (folder / "seeds").symlink_to(seeds, target_is_directory=True)
    if warehouse_from is not None:
        shutil.copytree(warehouse_from, folder / "warehouse", symlinks=True)
    return folder


# ------------------------------------------------------------------------------------------------
# Killed at any point


@dataclass(frozen=True)
class Scenario:
    name: str
    kills: tuple[str, ...]  # the kill point of each successive run, then one run to the end
    from_partial: bool  # start from a warehouse holding two thirds of the corpus (an incremental run)


ALL_TABLES_WRITTEN = f"export:{len(PARQUET_TABLES)}"
SCENARIOS = [
    Scenario("first run, in load 1 before commit", ("load:1",), False),
    Scenario("first run, in load 6 before commit", ("load:6",), False),
    Scenario("first run, between Parquet tables 2 and 3", ("export:2",), False),
    Scenario("incremental, after reading batch 4", ("ingest:4",), True),
    Scenario("incremental, in the last load before commit", ("load:10",), True),
    Scenario("incremental, after rebuilding events", ("events:1",), True),
    Scenario("incremental, after Parquet table 1", ("export:1",), True),
    Scenario("incremental, all Parquet tables written, not published", (ALL_TABLES_WRITTEN,), True),
    Scenario("incremental, export published, run not committed", ("publish:1",), True),
    Scenario("incremental, killed twice: in load 3, then in the rerun's export", ("load:3", "export:4"), True),
]


@dataclass
class Outcome:
    killed: list[int] = field(default_factory=list)  # return code of each killed run
    parquet_after_kill: list[State | None] = field(default_factory=list)
    final: subprocess.CompletedProcess[str] | None = None
    database: State = field(default_factory=dict)
    parquet: State | None = None
    statuses: list[tuple[str, str | None]] = field(default_factory=list)
    parquet_statuses: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    run_seconds: list[float] = field(default_factory=list)  # each run, the killed ones first


@dataclass(frozen=True)
class Bench:
    root: Path  # one workspace folder per run or scenario below it
    cli: Cli
    seeds: Path  # every file


@dataclass
class CorpusRuns:
    bench: Bench
    partial: Path  # a workspace whose warehouse holds the first run over two thirds of the files
    full: State  # an uninterrupted run over every file, from nothing
    full_parquet: State | None
    partial_parquet: State | None
    files: int
    outcomes: dict[str, Outcome]


def write_corpus(root: Path) -> tuple[Path, Path]:
    """(every file, two thirds of them): the corpus plus an empty file, a binary one and an article under a second
    name in another batch."""
    full, part = root / "corpus_full", root / "corpus_part"
    full.mkdir()
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copy(path, full / path.name)
    articles = sorted(full.glob("en_*.txt"))
    (full / "000_empty.txt").write_bytes(b"")
    (full / "nl_5000_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    shutil.copy(articles[0], full / "ru_9999_same_article.txt")
    part.mkdir()
    for i, path in enumerate(sorted(full.glob("*.txt"))):
        if i % 3:
            shutil.copy(path, part / path.name)
    return full, part


def play(scenario: Scenario, bench: Bench, partial: Path) -> Outcome:
    """Kill a run at each of the scenario's points, then run once more to the end; what the warehouse holds."""
    folder = workspace(bench.root, scenario.name.replace(" ", "_").replace(",", "").replace(":", ""), bench.seeds,
                       partial / "warehouse" if scenario.from_partial else None)
    outcome = Outcome()
    for point in scenario.kills:
        started = time.monotonic()
        killed = bench.cli.run(folder, kill_at=point)
        outcome.run_seconds.append(time.monotonic() - started)
        outcome.killed.append(killed.returncode)
        outcome.parquet_after_kill.append(parquet_state(folder / "warehouse"))
    started = time.monotonic()
    outcome.final = bench.cli.run(folder)
    outcome.run_seconds.append(time.monotonic() - started)
    if outcome.final.returncode == 0:
        warehouse = folder / "warehouse"
        outcome.database = database_state(warehouse)
        outcome.parquet = parquet_state(warehouse)
        outcome.statuses = query(warehouse, "select status, error from runs order by started_at")
        outcome.parquet_statuses = runs_in_parquet(warehouse)
        versions = list((warehouse / "parquet" / ".versions").iterdir())
        outcome.leftovers = [str(p) for p in [warehouse / LOCK_INFO_FILE, *warehouse.glob("parquet/.*.swap")]
                             if p.exists() or p.is_symlink()] + ([f"{len(versions)} versions"] if len(versions) > 2
                                                                 else [])
    return outcome


@pytest.fixture(scope="module")
def corpus_runs(tmp_path_factory: pytest.TempPathFactory) -> CorpusRuns:
    """Both uninterrupted runs and every scenario, two subprocesses at a time."""
    from prefect.settings import get_current_settings

    api_url = get_current_settings().api.url
    assert api_url, "the flow tests' Prefect harness is not running"
    root = tmp_path_factory.mktemp("killed")
    seeds, seeds_part = write_corpus(root)
    bench = Bench(root, Cli(api_url, tmp_path_factory.mktemp("prefect_home")), seeds)

    def uninterrupted(name: str, folder_seeds: Path) -> Path:
        folder = workspace(root, name, folder_seeds)
        done = bench.cli.run(folder)
        assert done.returncode == 0, done.stderr[-3000:]
        return folder

    with ThreadPoolExecutor(max_workers=2) as pool:
        partial_run = pool.submit(uninterrupted, "partial", seeds_part)
        full_run = pool.submit(uninterrupted, "full", seeds)
        # the partial run is submitted first, so a scenario waiting for it waits for a running job
        futures: dict[str, Future[Outcome]] = {
            s.name: pool.submit(lambda s: play(s, bench, partial_run.result()), s) for s in SCENARIOS}
        full = full_run.result() / "warehouse"
        partial = partial_run.result()
        outcomes = {name: future.result() for name, future in futures.items()}
    return CorpusRuns(bench, partial, database_state(full), parquet_state(full), parquet_state(partial / "warehouse"),
                      len(list(seeds.glob("*.txt"))), outcomes)


@needs_corpus
def test_an_uninterrupted_run_exports_what_it_loaded(corpus_runs: CorpusRuns) -> None:
    assert sum(corpus_runs.full["documents"].values()) == corpus_runs.files - 3  # empty, binary, a second name
    assert sum(corpus_runs.full["rejected_documents"].values()) == 2
    assert sum(corpus_runs.full["document_sources"].values()) == corpus_runs.files - 2
    assert sum(corpus_runs.full["event_mentions"].values()) > 200
    assert differences(corpus_runs.full_parquet, corpus_runs.full) == ""


@needs_corpus
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_a_killed_run_and_its_rerun_hold_exactly_an_uninterrupted_run(corpus_runs: CorpusRuns,
                                                                      scenario: Scenario) -> None:
    outcome = corpus_runs.outcomes[scenario.name]
    assert outcome.killed == [-signal.SIGKILL] * len(scenario.kills), "a kill point was not reached"
    # Right after each kill, readers of the Parquet files see the last complete export, never a mix.
    before = corpus_runs.partial_parquet if scenario.from_partial else None
    for point, seen in zip(scenario.kills, outcome.parquet_after_kill, strict=True):
        expected = corpus_runs.full if point.startswith("publish") else before
        assert differences(seen, expected) == "", f"Parquet after the kill at {point}"
    assert outcome.final is not None and outcome.final.returncode == 0, outcome.final and outcome.final.stderr[-3000:]
    # The rerun leaves exactly the rows of an uninterrupted run: none missing, none extra, none twice.
    assert differences(outcome.database, corpus_runs.full) == ""
    assert differences(outcome.parquet, corpus_runs.full) == ""
    # Each killed run is marked interrupted, in the database and in the export.
    expected_statuses = ["completed"] * scenario.from_partial + ["interrupted"] * len(scenario.kills) + ["completed"]
    assert [status for status, _ in outcome.statuses] == expected_statuses
    assert all("killed or crashed" in (error or "") for status, error in outcome.statuses if status == "interrupted")
    assert outcome.parquet_statuses == expected_statuses
    assert outcome.leftovers == []


@needs_corpus
def test_kill_points_and_timings(corpus_runs: CorpusRuns, capsys: pytest.CaptureFixture[str]) -> None:
    """At least ten kill points over ingest, load and export; the time each scenario took (shown with -s)."""
    points = [point for s in SCENARIOS for point in s.kills]
    assert len(points) >= 10
    assert {p.split(":")[0] for p in points} >= {"ingest", "load", "export", "publish"}
    with capsys.disabled():
        for name, outcome in corpus_runs.outcomes.items():
            print(f"\n  {' + '.join(f'{t:4.1f}' for t in outcome.run_seconds)} s  {name}", end="")


# ------------------------------------------------------------------------------------------------
# Two at once


def wait_for(condition: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


@needs_corpus
def test_a_second_run_waits_or_names_the_first_and_readers_see_the_last_export(
        corpus_runs: CorpusRuns, capsys: pytest.CaptureFixture[str]) -> None:
    from flows.cli import main

    bench = corpus_runs.bench
    folder = workspace(bench.root, "two_at_once", bench.seeds, corpus_runs.partial / "warehouse")
    warehouse = folder / "warehouse"
    info_file = warehouse / LOCK_INFO_FILE
    first = bench.cli.start(folder, "first")
    started = [first]
    try:
        wait_for(info_file.exists, RUN_SECONDS, "the first run to take the warehouse")
        first.send_signal(signal.SIGSTOP)  # the first run holds the warehouse for as long as the test needs
        holder = json.loads(info_file.read_text())
        assert holder["pid"] == first.pid

        # A second run with a short limit stops with a message naming the first.
        second = bench.cli.run(folder, lock_timeout=2)
        assert second.returncode == 1
        message = second.stderr.strip().splitlines()[-1]
        assert message.startswith(f"newsline run: the warehouse warehouse/newsline.duckdb is in use by newsline run "
                                  f"{holder['run_id']} (pid {first.pid}, started {holder['started_at']} UTC")
        assert message.endswith("gave up after waiting 2 s (NEWSLINE_LOCK_TIMEOUT)")

        # `newsline sql` and a notebook reading Parquet see the last complete state (the partial run's).
        assert corpus_runs.partial_parquet is not None
        partial_documents = sum(corpus_runs.partial_parquet["documents"].values())
        count = "select count(*) as n from documents"
        assert main(["sql", "--warehouse", str(warehouse), "--format", "csv", count]) == 0
        out, err = capsys.readouterr()
        assert out.split() == ["n", str(partial_documents)]
        assert f"in use by newsline run {holder['run_id']}" in err and "reading the last complete export" in err
        assert pl.read_parquet(warehouse / "parquet" / "documents" / "*.parquet").height == partial_documents

        # A third run with a long limit waits, then runs once the first is done.
        third = bench.cli.start(folder, "third", lock_timeout=RUN_SECONDS)
        started.append(third)
        wait_for(lambda: "waiting up to" in (folder / "third.err").read_text(), RUN_SECONDS, "the third run to wait")
        assert third.poll() is None
        first.send_signal(signal.SIGCONT)
        assert first.wait(RUN_SECONDS) == 0, (folder / "first.err").read_text()[-3000:]
        assert third.wait(RUN_SECONDS) == 0, (folder / "third.err").read_text()[-3000:]
    finally:
        for process in started:
            if process.poll() is None:
                process.send_signal(signal.SIGCONT)
                process.kill()
                process.wait()
    runs = query(warehouse, "select run_id, status, started_at, finished_at, documents_new, documents_unchanged "
                            "from runs order by started_at")
    assert [r[1] for r in runs] == ["completed"] * 3  # the partial run, the first and the third
    (_, _, _, first_finished, first_new, _), (_, _, third_started, _, third_new, third_unchanged) = runs[1:]
    assert third_started >= first_finished
    assert first_new > 0 and third_new == 0 and third_unchanged >= first_new
    assert differences(database_state(warehouse), corpus_runs.full) == ""
    assert differences(parquet_state(warehouse), corpus_runs.full) == ""
    assert not info_file.exists()


# ------------------------------------------------------------------------------------------------
# Hostile input: one run over a folder holding every kind of bad file


ARTICLE = ("date 2023-02-20 Biden in Kyiv\n\nPresident Biden visited Kyiv on Monday, his first trip to Ukraine "
           "since the war began. He pledged $500 million in military aid.")


@dataclass(frozen=True)
class Hostile:
    kind: str  # as in the README's table
    name: str  # the file name in the seeds folder
    outcome: str  # "document", or the reason it is rejected with
    warning: str = ""  # a warning the document carries


HOSTILE = [
    Hostile("empty file", "empty.txt", "empty"),
    Hostile("only white space", "blank.txt", "empty"),
    Hostile("only a header", "only_header.txt", "document", "no_body"),
    Hostile("binary (PNG)", "picture.txt", "binary"),
    Hostile("bad UTF-8 (Latin-1)", "latin1.txt", "not_utf8"),
    Hostile("UTF-16 with BOM", "utf16.txt", "document", "utf16_bom"),
    Hostile("UTF-16 without BOM", "utf16_no_bom.txt", "binary"),
    Hostile("UTF-8 with BOM", "utf8_bom.txt", "document"),
    Hostile("Windows line endings", "crlf.txt", "document", "crlf"),
    Hostile("a 50 MB file", "huge.txt", "too_large"),
    Hostile("a 1 MB line without a sentence end", "one_line.txt", "document", "long_line"),
    Hostile("header date 2023-13", "bad_month.txt", "document", "bad_header_date"),
    Hostile("no header", "no_header.txt", "document", "no_header"),
    Hostile("a symlink out of the seeds folder", "link_out.txt", "outside_seeds"),
    Hostile("a broken symlink", "broken_link.txt", "unreadable"),
    Hostile("a symlink loop", "loop.txt", "unreadable"),
    Hostile("an unreadable file", "locked.txt", "unreadable"),
    Hostile("a named pipe (fifo)", "pipe.txt", "unreadable"),
    Hostile("the same article under two names", "copy_b.txt", "document"),
    Hostile("a file name with quotes and SQL", "x'); drop table documents; --\".txt", "document"),
    Hostile("a file name that is not UTF-8", os.fsdecode(b"caf\xe9.txt"), "document"),
    Hostile("a NUL byte after the first 8 KiB", "late_nul.txt", "document"),
]


def write_hostile(seeds: Path, outside: Path) -> None:
    """Every kind of HOSTILE file, plus a plain article and copy_a.txt (the first name of copy_b.txt)."""
    (seeds / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "blank.txt").write_bytes(b" \n\t\n  \r\n")
    (seeds / "only_header.txt").write_text("date 2023-02 Biden bezoekt Kiev\n", encoding="utf-8")
    (seeds / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (seeds / "latin1.txt").write_bytes("date 2023-02 Caf\u00e9\n\nDe minister bezocht Kiev.".encode("latin-1"))
    (seeds / "utf16.txt").write_bytes(ARTICLE.replace("Kyiv\n", "Kyiv (UTF-16)\n").encode("utf-16"))
    (seeds / "utf16_no_bom.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (seeds / "utf8_bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("Kyiv\n", "Kyiv (BOM)\n").encode())
    (seeds / "crlf.txt").write_bytes(ARTICLE.replace("Kyiv\n", "Kyiv (CRLF)\n").replace("\n", "\r\n").encode())
    with (seeds / "huge.txt").open("wb") as handle:
        handle.write((ARTICLE.replace("\n", " ") + "\n").encode() * (50 * 2**20 // len(ARTICLE) + 1))
    filler = "and the talks went on without a pause in the old palace by the river "
    (seeds / "one_line.txt").write_text(
        "date 2023-02-20 One line\n\nPresident Biden visited Kyiv on Monday " + filler * (2**20 // len(filler)),
        encoding="utf-8")
    (seeds / "bad_month.txt").write_text("date 2023-13 Een kop\n\nDe minister bezocht Kiev.", encoding="utf-8")
    (seeds / "no_header.txt").write_text("Obama arrived in Havana on Sunday for a historic visit to Cuba.",
                                         encoding="utf-8")
    (outside / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "link_out.txt").symlink_to(outside / "secret.txt")
    (seeds / "broken_link.txt").symlink_to(seeds / "nowhere")
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    (seeds / "locked.txt").write_text(ARTICLE.replace("Kyiv\n", "Kyiv (locked)\n"), encoding="utf-8")
    (seeds / "locked.txt").chmod(0)
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "copy_a.txt").write_text(ARTICLE.replace("Kyiv\n", "Kyiv (twice)\n"), encoding="utf-8")
    (seeds / "copy_b.txt").write_bytes((seeds / "copy_a.txt").read_bytes().replace(b"\n", b"\r\n"))
    (seeds / "x'); drop table documents; --\".txt").write_text(ARTICLE.replace("Kyiv\n", "Kyiv (SQL)\n"),
                                                                encoding="utf-8")
    (seeds / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE.replace("Kyiv\n", "Kyiv (caf\u00e9)\n"), encoding="utf-8")
    (seeds / "late_nul.txt").write_bytes(ARTICLE.encode() + b" More words." * 800 + b" A stray \x00 byte. The end.")


@dataclass
class HostileRun:
    seeds: Path
    counts: dict[str, int]
    documents: dict[str, dict[str, Any]]  # by source_path
    rejected: dict[str, dict[str, Any]]  # by source_path
    mentions_by_doc: Counter[str]
    statuses: list[str]
    seconds: float


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileRun]:
    import flows.ingest

    root = tmp_path_factory.mktemp("hostile")
    seeds, outside = root / "seeds", root / "outside"
    seeds.mkdir()
    outside.mkdir()
    write_hostile(seeds, outside)
    locked = str(seeds / "locked.txt")

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:  # root reads a chmod 0 file: refuse as others do
        if str(file) == locked:
            raise PermissionError(13, "Permission denied", file)
        return builtins.open(file, *args, **kwargs)

    started = time.monotonic()
    with pytest.MonkeyPatch.context() as patch:
        if os.geteuid() == 0:
            patch.setattr(flows.ingest, "open", guarded_open, raising=False)
        counts = newsline_etl(seeds=str(seeds), warehouse=str(root / "warehouse"))
    seconds = time.monotonic() - started
    with duckdb.connect(str(root / "warehouse" / "newsline.duckdb"), read_only=True) as con:
        documents = {r["source_path"]: r for r in con.sql(
            "select s.source_path, d.* exclude (source_path) from document_sources s join documents d using (doc_id)"
        ).pl().to_dicts()}
        rejected = {r["source_path"]: r for r in con.sql("select * from rejected_documents").pl().to_dicts()}
        mentions = Counter(r[0] for r in con.execute("select doc_id from event_mentions").fetchall())
        statuses = [r[0] for r in con.execute("select status from runs").fetchall()]
    yield HostileRun(seeds, counts, documents, rejected, mentions, statuses, seconds)
    (seeds / "locked.txt").chmod(0o644)


def test_hostile_input_loses_nothing(hostile_run: HostileRun) -> None:
    """Every file is a document's source or rejected with its reason, never both, and the run completes."""
    files = {flows_path(p) for p in hostile_run.seeds.iterdir() if p.name.endswith(".txt")}
    assert len(HOSTILE) >= 12
    assert hostile_run.statuses == ["completed"]
    assert hostile_run.counts["files_seen"] == len(files) == len(HOSTILE) + 2  # + article.txt and copy_a.txt
    assert set(hostile_run.documents) | set(hostile_run.rejected) == files
    assert not set(hostile_run.documents) & set(hostile_run.rejected)
    assert all(row["reason"] and row["detail"] for row in hostile_run.rejected.values())
    assert hostile_run.seconds < 120


def flows_path(path: Path) -> str:
    """A path as newsline stores it (bytes of a name that are not UTF-8 escaped)."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


@pytest.mark.parametrize("hostile", HOSTILE, ids=[h.kind for h in HOSTILE])
def test_each_kind_of_hostile_input(hostile_run: HostileRun, hostile: Hostile) -> None:
    path = flows_path(hostile_run.seeds / hostile.name)
    if hostile.outcome != "document":
        assert path not in hostile_run.documents
        assert hostile_run.rejected[path]["reason"] == hostile.outcome, hostile_run.rejected[path]
        return
    document = hostile_run.documents[path]
    assert path not in hostile_run.rejected
    if hostile.warning:
        assert any(w.startswith(hostile.warning) for w in document["warnings"]), document["warnings"]
    assert "\r" not in document["text"]
    if hostile.kind == "the same article under two names":
        assert hostile_run.documents[flows_path(hostile_run.seeds / "copy_a.txt")]["doc_id"] == document["doc_id"]
        assert document["source_name"] == "copy_a"  # the document keeps its first name; both files are its sources
    elif hostile.kind == "a file name with quotes and SQL":
        assert document["source_name"] == "x'); drop table documents; --\""
        assert hostile_run.mentions_by_doc[document["doc_id"]] >= 1
    elif hostile.kind == "a file name that is not UTF-8":
        assert document["source_name"] == "caf\\xe9"
    elif hostile.kind == "a 1 MB line without a sentence end":
        assert document["n_chars"] > 2**20
        assert hostile_run.mentions_by_doc[document["doc_id"]] >= 1  # the visit at its start is found
    elif hostile.kind == "header date 2023-13":
        assert document["pub_date"] is None
    elif hostile.kind == "UTF-16 with BOM":
        assert document["headline"] == "Biden in Kyiv (UTF-16)"
    elif hostile.kind == "a NUL byte after the first 8 KiB":
        assert document["text"].endswith("A stray \x00 byte. The end.")


def test_rejections_say_why(hostile_run: HostileRun) -> None:
    detail = {Path(p).name: row["detail"] for p, row in hostile_run.rejected.items()}
    assert detail["huge.txt"].endswith(f"bytes > limit {20 * 2**20}")
    assert detail["pipe.txt"] == "not a regular file"
    assert detail["link_out.txt"].startswith("links to ")
    assert detail["latin1.txt"].startswith("invalid UTF-8 at byte")


# ------------------------------------------------------------------------------------------------
# Checks on every load


def test_a_failing_check_fails_the_run_with_its_name_and_rows(tmp_path: Path) -> None:
    seeds, warehouse = tmp_path / "seeds", tmp_path / "warehouse"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    newsline_etl(seeds=str(seeds), warehouse=str(warehouse))
    published = current_export(warehouse / "parquet")
    with duckdb.connect(str(warehouse / "newsline.duckdb")) as con:  # a mention whose document is gone
        con.execute("insert into event_mentions select * replace ('planted' as mention_id, 'no-such-doc' as doc_id) "
                    "from event_mentions limit 1")
    with pytest.raises(CheckFailed) as failure:
        newsline_etl(seeds=str(seeds), warehouse=str(warehouse))
    message = str(failure.value)
    assert "mentions_without_document: 1 row: mention_id='planted'" in message
    status, error = query(warehouse, "select status, error from runs order by started_at desc limit 1")[0]
    assert status == "failed"
    assert "mentions_without_document: 1 row: mention_id='planted'" in error
    assert current_export(warehouse / "parquet") == published  # nothing failing is exported


def test_rows_of_a_check_are_shown(tmp_path: Path) -> None:
    checks = tmp_path / "checks"
    checks.mkdir()
    (checks / "negative.sql").write_text("select * from (values (1, -5.0::double), (2, -1.0)) t(id, amount)")
    (checks / "fine.sql").write_text("select 1 where false")
    with duckdb.connect() as con:
        results = {r.name: r for r in check_results(con, checks)}
    assert results["fine"].rows == []
    assert results["negative"].describe() == "negative: 2 rows: id=1, amount=-5.0; id=2, amount=-1.0"


M_VISIT, M_PLEDGE = "m00" + "0" * 61, "m01" + "0" * 61  # d1's visit and its $500 million pledge
D1 = small_warehouse.doc_id("d1")
# check -> (SQL that breaks what it guards, an id its rows must name; None: any row)
PLANTED: dict[str, tuple[str, str | None]] = {
    "actor_is_target": (f"update event_mentions set target_country = actor_country where mention_id = '{M_VISIT}'",
                        M_VISIT),
    "duplicate_ids": (f"insert into documents select * from documents where doc_id = '{D1}'", D1),
    "duplicate_mention_ids": (f"insert into event_mentions select * from event_mentions where mention_id = '{M_VISIT}'",
                              M_VISIT),
    "event_links_consistent": (f"delete from event_links where mention_id = '{M_VISIT}'", None),
    "evidence_matches_text": (f"update event_mentions set char_end = 10 ** 6 where mention_id = '{M_VISIT}'", M_VISIT),
    "impossible_dates": (f"update event_mentions set date_min = event_date + 1 where mention_id = '{M_VISIT}'",
                         M_VISIT),
    "impossible_runs": ("insert into runs (run_id, seeds_path, started_at, finished_at, status, extractor_version) "
                        "values ('r-planted', 'seeds', '2026-01-02', '2026-01-01', 'completed', 'test')", "r-planted"),
    "mentions_without_document": (f"update event_mentions set doc_id = 'gone' where mention_id = '{M_VISIT}'",
                                  M_VISIT),
    "negative_amounts": (f"update event_mentions set amount = -amount where mention_id = '{M_PLEDGE}'", M_PLEDGE),
    "pledges_without_parties": (f"update event_mentions set target_country = null where mention_id = '{M_PLEDGE}'",
                                M_PLEDGE),
    "source_kept_and_rejected": (
        f"insert into document_sources values ('seeds/x.txt', '{D1}', 'x', 1, 'r', null); "
        "insert into rejected_documents (source_path, source_name, reason, run_id, rejected_at) "
        "values ('seeds/x.txt', 'x', 'binary', 'r', now())", "seeds/x.txt"),
    "sources_without_document": ("insert into document_sources values ('seeds/y.txt', 'gone', 'y', 1, 'r', null)",
                                 "seeds/y.txt"),
    "stale_mentions": (f"update event_mentions set extractor_version = 'older' where mention_id = '{M_VISIT}'",
                       M_VISIT),
    "unknown_codes": (f"update event_mentions set actor_country = 'Ukraine' where mention_id = '{M_VISIT}'", M_VISIT),
}


@pytest.fixture(scope="module")
def small_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_warehouse.build(tmp_path_factory.mktemp("checks") / "warehouse")


def test_every_check_has_a_planted_fault() -> None:
    assert set(PLANTED) == {p.stem for p in (SQL_DIR / "checks").glob("*.sql")}


@pytest.mark.parametrize("check", sorted(PLANTED))
def test_each_check_finds_its_fault(small_database: Path, check: str) -> None:
    """On a copy of the small warehouse without constraints (as if rebuilt from files), the check names the row."""
    with duckdb.connect() as con:
        con.execute(f"attach '{small_database}' as source (read_only)")
        tables = [r[0] for r in con.execute("select table_name from duckdb_tables() where database_name = 'source'"
                                            ).fetchall()]
        for table in tables:
            con.execute(f"create table {table} as select * from source.{table}")
        con.execute("detach source")
        assert not any(result.rows for result in check_results(con)), "the small warehouse itself fails a check"
        fault, planted_id = PLANTED[check]
        con.execute(fault)
        found = {result.name: result for result in check_results(con)}[check]
    assert found.rows, f"{check} did not see: {fault}"
    assert planted_id is None or any(planted_id in row for row in found.rows), found.describe()

