"""The Prefect flow: discover -> ingest -> segment/extract/resolve -> load -> check -> export.

Tasks are coarse (a batch of documents each) because Prefect costs 10-80 ms per task run;
only the I/O tasks retry. The flow composes stage functions and holds no logic of its own.

Batches are extracted on this machine (task_runner "local": over one worker process per core, the next batch
read while the last is extracted), or on a Dask cluster (task_runner "dask"): there each batch is a task on a
worker that writes its frames to a shard (flows/shards.py) and the flow, the only writer of the warehouse, loads
the shards in batch order.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass, field, fields
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any, overload

import duckdb
import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner

import flows.prefect_env  # noqa: F401  (sets Prefect's environment before prefect is imported)
from flows import EXTRACTOR_VERSION
from flows.events import newest_events_markdown, rebuild_events
from flows.ingest import discover_file_names, file_stats, ingest, paths_to_read
from flows.load import (
    PARQUET_TABLES,
    CheckResult,
    apply_schema,
    check_results,
    connect,
    count_rows,
    crash_point,
    documents_extracted_by,
    extracted_versions,
    finish_run,
    hold_warehouse,
    load_batch,
    mark_interrupted_runs,
    previous_run_completed,
    publish_run,
    stamp_batch,
    start_run,
    touched_tables,
    unchanged_sources,
)
from flows.parallel import extract_batch, shutdown_pool, worker_count
from flows.progress import TerminalProgress
from flows.settings import Settings, load_settings
from flows.shards import (
    Shard,
    ShardReceipt,
    batch_location,
    extract_shard,
    of_documents,
    read_known,
    read_shard,
    receipt,
    remove_location,
    resolve_shard_root,
    run_location,
    write_known,
    write_shard,
)

LIBRARIES = ("duckdb", "polars", "prefect", "pyarrow", "lingua-language-detector", "babel", "currencyconverter")
TASK_RUNNERS = ("local", "dask")


class CheckFailed(RuntimeError):
    """A data check in sql/checks returned rows after a load."""


@dataclass(slots=True)
class RunCounts:
    files_seen: int = 0
    documents_new: int = 0
    documents_reextracted: int = 0
    documents_unchanged: int = 0
    rejected: int = 0
    mentions_written: int = 0
    events: int = 0
    checks: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.type == "int"}


@dataclass(frozen=True, slots=True)
class ExtractedBatch:
    """A batch ready to load: its documents to (re-)extract with their mentions and references, every file that
    held a document, the rejected files, and counts."""

    files: int
    documents_seen: int
    new: int
    reextracted: int
    unchanged: int
    documents: pl.DataFrame
    sources: pl.DataFrame
    mentions: pl.DataFrame
    references: pl.DataFrame
    rejected: pl.DataFrame


def library_versions() -> str:
    """Versions of the libraries that shape the output, recorded with each run."""
    return json.dumps({name: version(name) for name in LIBRARIES} | {"extractor": EXTRACTOR_VERSION})


class FileList(Sequence[Path]):
    """Files handed from task to task as one opaque value, kept as path strings.

    Prefect visits every item of a list, tuple or dict that a task takes or returns (to find futures and link
    states): for 100,000 paths that cost ~4.5 s per run, half of a rerun over an unchanged corpus. It does not
    look inside other objects. The strings take a third of the memory of Path objects (350 MB for a million).
    """

    __slots__ = ("_names",)

    def __init__(self, paths: Iterable[Path | str]) -> None:
        self._names = tuple(map(str, paths))

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> FileList: ...

    def __getitem__(self, index: int | slice) -> Path | FileList:
        if isinstance(index, slice):
            return FileList(self._names[index])
        return Path(self._names[index])

    def __iter__(self) -> Iterator[Path]:
        return map(Path, self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"FileList({len(self._names)} files)"

    @property
    def names(self) -> tuple[str, ...]:
        """The paths as strings."""
        return self._names


# No task caches its result (each reads or writes the warehouse or the files), and hashing the inputs for a key
# costs seconds when they are 100,000 paths or a batch of frames.
@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover_task(seeds_dir: Path) -> FileList:
    """List the seed files."""
    return FileList(discover_file_names(seeds_dir))


@task(cache_policy=NO_CACHE)
def unchanged_task(settings: Settings, paths: FileList) -> tuple[FileList, int]:
    """(files to read, documents skipped): files whose size and mtime say their extracted content is unchanged
    are not read again."""
    stats = file_stats(paths.names)
    with connect(settings.database_path) as con:
        skipped = unchanged_sources(con, stats, EXTRACTOR_VERSION)
    to_read = paths_to_read(paths.names, stats, set(skipped["source_path"].to_list()))
    return FileList(to_read), skipped["doc_id"].n_unique()


@task(cache_policy=NO_CACHE)
def ingest_task(paths: FileList, settings: Settings) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Read, decode, normalise and identify a batch of files."""
    # the language is detected later, only for the documents that are not already extracted
    return ingest(list(paths), settings.seeds_dir, settings.max_file_bytes, settings.language_sample_chars,
                  detect_language=False)


@task(cache_policy=NO_CACHE)
def extract_task(documents: pl.DataFrame, settings: Settings) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Language, sentences, raw mentions, dates and de-duplication for the batch's documents to extract."""
    return extract_batch(documents, settings.language_sample_chars, worker_count(settings.workers))


# The output is a shard in storage, not the returned receipt: a cached receipt could name a deleted shard.
@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def extract_shard_task(paths: FileList, settings: Settings, batch: int, location: str,
                       known: str | None) -> ShardReceipt:
    """On a Dask worker: ingest and extract a batch, write its frames to a shard; only the counts travel back."""
    if not settings.seeds_dir.is_dir():
        raise FileNotFoundError(f"the seeds folder {settings.seeds_dir} is not visible on this Dask worker "
                                f"({os.uname().nodename}): every worker must see it at the same path")
    known_ids = read_known(known) if known else pl.Series("doc_id", [], dtype=pl.String)
    shard = extract_shard(list(paths), settings, known_ids)
    write_shard(location, shard)
    return receipt(batch, location, len(paths), shard)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def write_known_task(settings: Settings, location: str) -> str | None:
    """Write the doc_ids this extractor version has extracted next to the run's shards (None: there are none)."""
    with connect(settings.database_path) as con:
        known = documents_extracted_by(con, EXTRACTOR_VERSION)
    if known.is_empty():
        return None
    write_known(location, known)
    return location


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def read_shard_task(location: str) -> Shard:
    """Read a batch's frames that a worker wrote."""
    return read_shard(location)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load_task(settings: Settings, documents: pl.DataFrame, sources: pl.DataFrame, mentions: pl.DataFrame,
              rejected: pl.DataFrame) -> None:
    """Write a batch to DuckDB in one transaction."""
    with connect(settings.database_path) as con:
        load_batch(con, documents, sources, mentions, rejected)


@task(cache_policy=NO_CACHE)
def events_task(settings: Settings, rebuild: bool = True, run_id: str | None = None) -> int:
    """Rebuild the canonical events (one transaction): every one, or with run_id those of the keys that run
    touched; how many there are."""
    with connect(settings.database_path) as con:
        return rebuild_events(con, run_id) if rebuild else count_rows(con, "events")


@task(cache_policy=NO_CACHE)
def check_task(settings: Settings) -> list[CheckResult]:
    """Run the data checks; any offending row fails the run."""
    with connect(settings.database_path) as con:
        return check_results(con)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def export_task(settings: Settings, run_id: str, counts: dict[str, int], unchanged: frozenset[str],
                incremental: bool) -> None:
    """Close the run as completed and replace the Parquet export, in one transaction."""
    with connect(settings.database_path) as con:
        publish_run(con, settings.parquet_dir, run_id, counts, unchanged, incremental)


def split_known(documents: pl.DataFrame, known: dict[str, str]) -> tuple[pl.DataFrame, int, int, int]:
    """(documents to extract, new, re-extracted, unchanged): unchanged ones were extracted by this version."""
    state = documents["doc_id"].replace_strict(known, default=None, return_dtype=pl.String)
    new = int(state.is_null().sum())
    unchanged = int((state == EXTRACTOR_VERSION).sum())
    todo = documents.filter((state != EXTRACTOR_VERSION).fill_null(True))
    return todo, new, todo.height - new, unchanged


def extract_locally(lock: duckdb.DuckDBPyConnection, paths: FileList,
                    settings: Settings) -> Generator[ExtractedBatch, None, None]:
    """Each batch read and extracted on this machine, skipping documents already extracted by this version.

    A batch is read and handed to the workers while the one before it is still extracted, and that one is then
    loaded while this one is: the worker processes never wait for the reading or the loading. Its known
    documents are those in the warehouse and those of the batch still being extracted, so a text in two batches
    is extracted once.
    """
    pending: Callable[[], ExtractedBatch] | None = None
    in_flight: dict[str, str] = {}
    for offset in range(0, len(paths), settings.batch_size):
        batch_paths = paths[offset:offset + settings.batch_size]
        documents, sources, rejected = ingest_task(batch_paths, settings)
        crash_point("ingest")
        todo, new, reextracted, unchanged = split_known(
            documents, extracted_versions(lock, documents["doc_id"].to_list()) | in_flight)
        extracting = extract_task.submit(todo, settings)
        if pending is not None:
            yield pending()
        pending = partial(extracted_batch, extracting, len(batch_paths), documents.height, new, reextracted,
                          unchanged, sources, rejected)
        in_flight = dict.fromkeys(todo["doc_id"].to_list(), EXTRACTOR_VERSION)
    if pending is not None:
        yield pending()


def extracted_batch(extracting: PrefectFuture[tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]], files: int,
                    documents_seen: int, new: int, reextracted: int, unchanged: int, sources: pl.DataFrame,
                    rejected: pl.DataFrame) -> ExtractedBatch:
    """A batch once its extraction is done (an extraction's failure is raised here)."""
    todo, mentions, references = extracting.result()
    return ExtractedBatch(files, documents_seen, new, reextracted, unchanged, todo, sources, mentions, references,
                          rejected)


def extract_on_dask(lock: duckdb.DuckDBPyConnection, runner: TaskRunner[Any], paths: FileList, settings: Settings,
                    shard_root: str, run_id: str) -> Generator[ExtractedBatch, None, None]:
    """Every batch submitted at once to the cluster; each shard read as soon as it and those before it are done."""
    known = write_known_task(settings, run_location(shard_root, run_id))
    futures = [
        runner.submit(extract_shard_task, {"paths": paths[offset:offset + settings.batch_size], "settings": settings,
                                           "batch": n, "location": batch_location(shard_root, run_id, n),
                                           "known": known})
        for n, offset in enumerate(range(0, len(paths), settings.batch_size))
    ]
    try:
        for future in futures:
            done: ShardReceipt = future.result()
            shard = read_shard_task(done.location)
            crash_point("ingest")
            # Workers skip what was extracted when the run began; this look-up also sees this run's earlier batches.
            todo, new, reextracted, unchanged = split_known(
                shard.documents, extracted_versions(lock, shard.documents["doc_id"].to_list()))
            mentions, references = of_documents(shard, todo)
            yield ExtractedBatch(done.files, shard.documents.height, new, reextracted, unchanged, todo,
                                 shard.sources, mentions, references, shard.rejected)
    finally:
        for future in futures:  # batches not yet started are dropped when the run ends early
            future.wrapped_future.cancel()


@contextmanager
def dask_task_runner(address: str | None) -> Iterator[TaskRunner[Any]]:
    """prefect-dask's runner on the cluster at address, or on a temporary LocalCluster of one single-threaded
    worker process per core (imported here: a local run does not pay for importing dask)."""
    # dask logs every worker's start and stop at INFO; it reads this on import, here and in the workers it starts
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    from prefect_dask import DaskTaskRunner

    # the temporary cluster's web server on any free port: another cluster or run may hold dask's 8787
    runner = DaskTaskRunner(address=address) if address else DaskTaskRunner(
        cluster_kwargs={"n_workers": os.cpu_count() or 1, "threads_per_worker": 1, "processes": True,
                        "dashboard_address": ":0"})
    with workers_share_this_api(), runner:
        yield runner


@contextmanager
def workers_share_this_api() -> Iterator[None]:
    """Without PREFECT_API_URL this process runs a temporary Prefect server; name it in the settings that travel
    with each task, or every worker starts a server of its own (~20 s each) and the flow's UI misses its tasks.
    Workers on other machines cannot reach it: they need a server set in PREFECT_API_URL."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the one this process's client started (one per process)
    server.start()
    with temporary_settings({PREFECT_API_URL: server.api_url}):
        yield


def remove_shards(location: str, logger: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
    """Delete a run's shards; a failure to do so is logged, never raised over the run's own outcome."""
    try:
        remove_location(location)
    except Exception as exc:
        logger.warning("could not delete the shards at %s: %s", location, exc)


def timeline_markdown(counts: RunCounts, settings: Settings) -> str:
    """The run's summary and newest events, as a Prefect artifact."""
    lines = [f"# newsline run on `{settings.seeds_dir}`", "", "| count | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in counts.as_dict().items()]
    with connect(settings.database_path) as con:
        lines += ["", "## Newest events", "", *newest_events_markdown(con, limit=10)]
    return "\n".join(lines)


@flow(name="newsline-etl", log_prints=False)
def newsline_etl(seeds: str = "seeds", warehouse: str = "warehouse", batch_size: int | None = None,
                 show_progress: bool = False, lock_timeout: float | None = None, workers: int | None = None,
                 task_runner: str | None = None, dask_address: str | None = None,
                 shard_root: str | None = None) -> dict[str, int]:
    """Seed texts -> documents, event mentions and rejected files in DuckDB and Parquet.

    task_runner "local" (the default, or $NEWSLINE_TASK_RUNNER) extracts the batches in this process (over
    `workers` processes); "dask" extracts them on the Dask cluster at dask_address (a temporary LocalCluster when
    None), each worker writing its batch to a shard below shard_root (a path or fsspec URL; default
    WAREHOUSE/shards).
    """
    settings = load_settings().with_overrides(seeds_dir=Path(seeds), warehouse_dir=Path(warehouse),
                                              batch_size=batch_size, lock_timeout=lock_timeout, workers=workers,
                                              task_runner=task_runner, dask_address=dask_address,
                                              shard_root=shard_root)
    if settings.task_runner not in TASK_RUNNERS:
        raise ValueError(f"task_runner must be one of {', '.join(TASK_RUNNERS)}, not {settings.task_runner!r}")
    on_dask = settings.task_runner == "dask"
    if on_dask and settings.dask_address:
        # workers of a cluster elsewhere start in other folders: they need the seeds' absolute path
        settings = settings.with_overrides(seeds_dir=Path(os.path.abspath(settings.seeds_dir)))
    shards = resolve_shard_root(settings.shard_root, settings.warehouse_dir)
    logger = get_run_logger()
    run_id = uuid.uuid4().hex
    counts = RunCounts()
    # The connection held for the whole run is the warehouse lock: a second run waits, then names this one.
    with hold_warehouse(settings.database_path, run_id, str(settings.seeds_dir), settings.lock_timeout,
                        on_wait=logger.warning) as lock:
        apply_schema(lock)
        interrupted = mark_interrupted_runs(lock)
        if interrupted:
            logger.warning("marked %d earlier run(s) as interrupted", len(interrupted))
        start_run(lock, run_id, flow_run.get_id(), str(settings.seeds_dir), EXTRACTOR_VERSION, library_versions())
        # after a completed run the events and the Parquet export match the tables; else everything is redone
        incremental = previous_run_completed(lock, run_id)
        touched = set() if incremental else set(PARQUET_TABLES)
        try:
            paths = discover_task(settings.seeds_dir)
            counts.files_seen = len(paths)
            progress = TerminalProgress(len(paths)) if show_progress else None
            paths, counts.documents_unchanged = unchanged_task(settings, paths)
            if progress is not None:
                progress.update(counts.files_seen - len(paths), counts.documents_unchanged, 0)
            with ExitStack() as stack:
                # Shards go when their run ends, whatever the outcome; a killed run's go at the next run's end.
                for ended in [*interrupted, run_id] if on_dask else interrupted:
                    stack.callback(remove_shards, run_location(shards, ended), logger)
                if on_dask and paths:  # no cluster for a rerun that has nothing to read
                    runner = stack.enter_context(dask_task_runner(settings.dask_address))
                    batches = extract_on_dask(lock, runner, paths, settings, shards, run_id)
                else:
                    batches = extract_locally(lock, paths, settings)
                for batch in stack.enter_context(closing(batches)):
                    stamped, stamped_sources, stamped_rejected = stamp_batch(
                        batch.documents, batch.references, batch.sources, batch.rejected, run_id, EXTRACTOR_VERSION)
                    load_task(settings, stamped, stamped_sources, batch.mentions, stamped_rejected)
                    touched |= touched_tables(stamped.height, stamped_sources.height, stamped_rejected.height)
                    counts.documents_new += batch.new
                    counts.documents_reextracted += batch.reextracted
                    counts.documents_unchanged += batch.unchanged
                    counts.rejected += batch.rejected.height
                    counts.mentions_written += batch.mentions.height
                    logger.info("batch of %d files: %d documents (%d to extract), %d mentions, %d rejected",
                                batch.files, batch.documents_seen, batch.documents.height, batch.mentions.height,
                                batch.rejected.height)
                    if progress is not None:
                        progress.update(batch.files, batch.documents_seen, batch.mentions.height)
            # after a completed run the events matched the mentions: only the keys this run touched can change
            counts.events = events_task(settings, rebuild="events" in touched, run_id=run_id if incremental else None)
            crash_point("events")
            if progress is not None:
                progress.finish(counts.events)
            # checked even when this run changed nothing: a hand-made change since the last run shows up here
            checks = check_task(settings)
            counts.checks = {check.name: len(check.rows) for check in checks}
            failing = [check.describe() for check in checks if check.rows]
            if failing:
                raise CheckFailed("data checks failed: " + " | ".join(failing))
            export_task(settings, run_id, counts.as_dict(), frozenset(PARQUET_TABLES) - touched, incremental)
        except BaseException as exc:
            finish_run(lock, run_id, "failed", counts.as_dict(), f"{type(exc).__name__}: {exc}")
            raise
        finally:
            shutdown_pool()
        summary = timeline_markdown(counts, settings)  # while the warehouse is still this run's
    create_markdown_artifact(key="newsline-run", markdown=summary, description="newsline run summary")
    return counts.as_dict()


if __name__ == "__main__":
    print(newsline_etl())
