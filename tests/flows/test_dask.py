"""The Dask path: batches extracted on a real two-process LocalCluster hold exactly the rows of a local run.

Runs over one seeds folder (about 60 articles in three languages, an empty file, a binary one, and the seed article
again under a second name in a later batch), compared by the content hashes of test_reliability: a local and a Dask
run from nothing; a local and a Dask run over a warehouse that a local run filled with two thirds of the files; a
Dask rerun over files with new mtimes that must add nothing; and a `newsline run` on Dask killed while loading,
then run again.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from flows.load import KILL_AT_VARIABLE
from flows.pipeline import newsline_etl
from tests.flows.test_reliability import (
    CORPUS,
    DATA_TABLES,
    RUN_SECONDS,
    SEED,
    State,
    data_columns,
    database_state,
    differences,
    parquet_state,
    query,
    row_hashes,
)

PER_LANGUAGE = 20
BATCH_SIZE = 16

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


def write_seeds(folder: Path) -> list[Path]:
    """The test's files: the first articles of each language, the Romanian ones, two bad files, the seed article
    and a copy of it."""
    folder.mkdir()
    for language in ("en", "nl", "ru"):
        for path in sorted(CORPUS.glob(f"{language}_*.txt"))[:PER_LANGUAGE]:
            shutil.copy(path, folder / path.name)
    for path in sorted(CORPUS.glob("ro_*.txt")):
        shutil.copy(path, folder / path.name)
    (folder / "000_empty.txt").write_bytes(b"")
    (folder / "nl_5000_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    # an article with four events in the first batch and again in the last: the last must not load it twice
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED, folder / "ru_9999_same_article.txt")
    return sorted(folder.glob("*.txt"))


@dataclass
class DaskRuns:
    seeds: Path
    local: State
    local_counts: dict[str, int]
    from_nothing: State
    from_nothing_parquet: State | None
    from_nothing_counts: dict[str, int]
    incremental_local: State  # a local run over the warehouse of the first two thirds
    incremental: State  # the same on Dask
    incremental_statuses: list[str]
    killed: list[int]  # return codes: a `newsline run` killed while loading its second shard, then its rerun
    after_kill: State
    after_kill_statuses: list[str]
    rerun_counts: dict[str, int]
    rerun: State  # the warehouse run from nothing on Dask, after a Dask rerun (without the files' mtimes)
    local_without_mtimes: State
    shard_root: Path
    executed: dict[str, int]  # tasks each worker process ran


def cli_run(seeds: Path, warehouse: Path, options: dict[str, object], kill_at: str | None
            ) -> subprocess.CompletedProcess[str]:
    """`newsline run` in a subprocess against the test harness's Prefect server (killed at kill_at, if any)."""
    from prefect.settings import get_current_settings

    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLINE_")}
    env["PREFECT_API_URL"] = str(get_current_settings().api.url)
    if kill_at:
        env[KILL_AT_VARIABLE] = kill_at
    command = [sys.executable, "-m", "flows.cli", "run", str(seeds), "--warehouse", str(warehouse), "--quiet"]
    for name, value in options.items():
        command += [f"--{name.replace('_', '-')}", str(value)]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=RUN_SECONDS, check=False)


def state_without(warehouse: Path, ignored: set[str]) -> State:
    """database_state without some columns."""
    with duckdb.connect(str(warehouse / "newsline.duckdb"), read_only=True) as con:
        return {t: row_hashes(con, t, [c for c in data_columns(con, t) if c not in ignored]) for t in DATA_TABLES}


def statuses(warehouse: Path) -> list[str]:
    return [r[0] for r in query(warehouse, "select status from runs order by started_at")]


@pytest.fixture(scope="module")
def dask_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaskRuns]:
    from distributed import Client, LocalCluster

    root = tmp_path_factory.mktemp("dask")
    seeds, shards = root / "seeds", root / "shards"
    files = write_seeds(seeds)
    held_back = files[::3]
    aside = root / "aside"
    aside.mkdir()
    for path in held_back:  # the incremental warehouses first see two thirds of the files, at the same paths
        shutil.move(path, aside / path.name)
    newsline_etl(seeds=str(seeds), warehouse=str(root / "incremental"), batch_size=BATCH_SIZE)
    for path in held_back:
        shutil.move(aside / path.name, path)
    shutil.copytree(root / "incremental", root / "incremental_local", symlinks=True)

    local_counts = newsline_etl(seeds=str(seeds), warehouse=str(root / "local"), batch_size=BATCH_SIZE)
    newsline_etl(seeds=str(seeds), warehouse=str(root / "incremental_local"), batch_size=BATCH_SIZE)
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        on_dask = {"batch_size": BATCH_SIZE, "task_runner": "dask", "dask_address": cluster.scheduler_address,
                   "shard_root": str(shards)}
        from_nothing_counts = newsline_etl(seeds=str(seeds), warehouse=str(root / "from_nothing"), **on_dask)
        from_nothing = database_state(root / "from_nothing"), parquet_state(root / "from_nothing")
        newsline_etl(seeds=str(seeds), warehouse=str(root / "incremental"), **on_dask)
        killed = [cli_run(seeds, root / "after_kill", on_dask, kill_at).returncode for kill_at in ("load:2", None)]
        for path in files:  # a new mtime: every file is read again, and its document found already extracted
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
        rerun_counts = newsline_etl(seeds=str(seeds), warehouse=str(root / "from_nothing"), **on_dask)
        with Client(cluster, set_as_default=False) as client:
            executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
    yield DaskRuns(seeds, database_state(root / "local"), local_counts, *from_nothing, from_nothing_counts,
                   database_state(root / "incremental_local"), database_state(root / "incremental"),
                   statuses(root / "incremental"), killed, database_state(root / "after_kill"),
                   statuses(root / "after_kill"), rerun_counts, state_without(root / "from_nothing", {"modified_ns"}),
                   state_without(root / "local", {"modified_ns"}), shards, executed)


@needs_corpus
def test_a_dask_run_holds_exactly_the_rows_of_a_local_run(dask_runs: DaskRuns) -> None:
    assert sum(dask_runs.local["documents"].values()) >= 3 * PER_LANGUAGE
    assert sum(dask_runs.local["rejected_documents"].values()) == 2
    assert sum(dask_runs.local["event_mentions"].values()) > 20
    assert dask_runs.from_nothing_counts == dask_runs.local_counts
    # every table, in DuckDB and in the published Parquet: same documents, sources, mentions, events, rejections
    assert differences(dask_runs.from_nothing, dask_runs.local) == ""
    assert differences(dask_runs.from_nothing_parquet, dask_runs.local) == ""


@needs_corpus
def test_the_batches_ran_on_both_worker_processes(dask_runs: DaskRuns) -> None:
    batches = -(-len(list(dask_runs.seeds.glob("*.txt"))) // BATCH_SIZE)
    assert len(dask_runs.executed) == 2
    assert all(count >= 1 for count in dask_runs.executed.values()), dask_runs.executed
    assert sum(dask_runs.executed.values()) >= 2 * batches  # the run from nothing and the rerun read all


@needs_corpus
def test_a_dask_run_over_an_earlier_local_load_completes_it_as_a_local_run_does(dask_runs: DaskRuns) -> None:
    # not the rows of a run from nothing: the seed article's document keeps the name it was first loaded under
    assert differences(dask_runs.incremental, dask_runs.incremental_local) == ""
    assert dask_runs.incremental_statuses == ["completed", "completed"]


@needs_corpus
def test_a_dask_run_killed_while_loading_is_completed_by_its_rerun(dask_runs: DaskRuns) -> None:
    assert dask_runs.killed == [-signal.SIGKILL, 0]
    assert differences(dask_runs.after_kill, dask_runs.local) == ""
    assert dask_runs.after_kill_statuses == ["interrupted", "completed"]


@needs_corpus
def test_a_dask_rerun_adds_nothing_and_the_shards_are_gone(dask_runs: DaskRuns) -> None:
    seen = dask_runs.local_counts["documents_new"] + dask_runs.local_counts["documents_unchanged"]
    assert dask_runs.rerun_counts["documents_new"] == dask_runs.rerun_counts["documents_reextracted"] == 0
    assert dask_runs.rerun_counts["documents_unchanged"] == seen  # the second name's batch counts its copy too
    assert dask_runs.rerun_counts["mentions_written"] == 0
    assert differences(dask_runs.rerun, dask_runs.local_without_mtimes) == ""  # the rerun stored the new mtimes
    assert list(dask_runs.shard_root.iterdir()) == []
