"""The Prefect flow: discover -> ingest -> segment/extract/resolve -> load -> check -> export.

Tasks are coarse (a batch of documents each) because Prefect costs 10-80 ms per task run;
only the I/O tasks retry. The flow composes stage functions and holds no logic of its own.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, fields
from importlib.metadata import version
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

import flows.prefect_env  # noqa: F401  (sets Prefect's environment before prefect is imported)
from flows import EXTRACTOR_VERSION
from flows.events import newest_events_markdown, rebuild_events
from flows.ingest import discover_files, file_stats, ingest, paths_to_read
from flows.load import (
    PARQUET_TABLES,
    CheckResult,
    apply_schema,
    check_results,
    connect,
    count_rows,
    crash_point,
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

LIBRARIES = ("duckdb", "polars", "prefect", "pyarrow", "lingua-language-detector", "babel", "currencyconverter")


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


def library_versions() -> str:
    """Versions of the libraries that shape the output, recorded with each run."""
    return json.dumps({name: version(name) for name in LIBRARIES} | {"extractor": EXTRACTOR_VERSION})


@task(retries=2, retry_delay_seconds=1)
def discover_task(seeds_dir: Path) -> list[Path]:
    """List the seed files."""
    return discover_files(seeds_dir)


@task
def unchanged_task(settings: Settings, paths: list[Path]) -> tuple[list[Path], int]:
    """(files to read, documents skipped): files whose size and mtime say their extracted content is unchanged
    are not read again."""
    stats = file_stats(paths)
    with connect(settings.database_path) as con:
        skipped = unchanged_sources(con, stats, EXTRACTOR_VERSION)
    return paths_to_read(paths, stats, set(skipped["source_path"].to_list())), skipped["doc_id"].n_unique()


@task
def ingest_task(paths: list[Path], settings: Settings) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Read, decode, normalise and identify a batch of files."""
    # the language is detected later, only for the documents that are not already extracted
    return ingest(paths, settings.seeds_dir, settings.max_file_bytes, settings.language_sample_chars,
                  detect_language=False)


@task
def extract_task(documents: pl.DataFrame, settings: Settings) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Language, sentences, raw mentions, dates and de-duplication for the batch's documents to extract."""
    return extract_batch(documents, settings.language_sample_chars, worker_count(settings.workers))


@task(retries=2, retry_delay_seconds=2)
def load_task(settings: Settings, documents: pl.DataFrame, sources: pl.DataFrame, mentions: pl.DataFrame,
              rejected: pl.DataFrame) -> None:
    """Write a batch to DuckDB in one transaction."""
    with connect(settings.database_path) as con:
        load_batch(con, documents, sources, mentions, rejected)


@task
def events_task(settings: Settings, rebuild: bool = True) -> int:
    """Rebuild the canonical events from every mention in the warehouse (one transaction); how many there are."""
    with connect(settings.database_path) as con:
        return rebuild_events(con) if rebuild else count_rows(con, "events")


@task
def check_task(settings: Settings) -> list[CheckResult]:
    """Run the data checks; any offending row fails the run."""
    with connect(settings.database_path) as con:
        return check_results(con)


@task(retries=2, retry_delay_seconds=2)
def export_task(settings: Settings, run_id: str, counts: dict[str, int], unchanged: frozenset[str]) -> None:
    """Close the run as completed and replace the Parquet export, in one transaction."""
    with connect(settings.database_path) as con:
        publish_run(con, settings.parquet_dir, run_id, counts, unchanged)


def split_known(documents: pl.DataFrame, known: dict[str, str]) -> tuple[pl.DataFrame, int, int, int]:
    """(documents to extract, new, re-extracted, unchanged): unchanged ones were extracted by this version."""
    state = documents["doc_id"].replace_strict(known, default=None, return_dtype=pl.String)
    new = int(state.is_null().sum())
    unchanged = int((state == EXTRACTOR_VERSION).sum())
    todo = documents.filter((state != EXTRACTOR_VERSION).fill_null(True))
    return todo, new, todo.height - new, unchanged


def timeline_markdown(counts: RunCounts, settings: Settings) -> str:
    """The run's summary and newest events, as a Prefect artifact."""
    lines = [f"# newsline run on `{settings.seeds_dir}`", "", "| count | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in counts.as_dict().items()]
    with connect(settings.database_path) as con:
        lines += ["", "## Newest events", "", *newest_events_markdown(con, limit=10)]
    return "\n".join(lines)


@flow(name="newsline-etl", log_prints=False)
def newsline_etl(seeds: str = "seeds", warehouse: str = "warehouse", batch_size: int | None = None,
                 show_progress: bool = False, lock_timeout: float | None = None,
                 workers: int | None = None) -> dict[str, int]:
    """Seed texts -> documents, event mentions and rejected files in DuckDB and Parquet."""
    settings = load_settings().with_overrides(seeds_dir=Path(seeds), warehouse_dir=Path(warehouse),
                                              batch_size=batch_size, lock_timeout=lock_timeout, workers=workers)
    logger = get_run_logger()
    run_id = uuid.uuid4().hex
    counts = RunCounts()
    # The connection held for the whole run is the warehouse lock: a second run waits, then names this one.
    with hold_warehouse(settings.database_path, run_id, str(settings.seeds_dir), settings.lock_timeout,
                        on_wait=logger.warning) as lock:
        apply_schema(lock)
        interrupted = mark_interrupted_runs(lock)
        if interrupted:
            logger.warning("marked %d earlier run(s) as interrupted", interrupted)
        start_run(lock, run_id, flow_run.get_id(), str(settings.seeds_dir), EXTRACTOR_VERSION, library_versions())
        # after a completed run the events and the Parquet export match the tables; else everything is redone
        touched = set() if previous_run_completed(lock, run_id) else set(PARQUET_TABLES)
        try:
            paths = discover_task(settings.seeds_dir)
            counts.files_seen = len(paths)
            progress = TerminalProgress(len(paths)) if show_progress else None
            paths, counts.documents_unchanged = unchanged_task(settings, paths)
            if progress is not None:
                progress.update(counts.files_seen - len(paths), counts.documents_unchanged, 0)
            for offset in range(0, len(paths), settings.batch_size):
                documents, sources, rejected = ingest_task(paths[offset:offset + settings.batch_size], settings)
                crash_point("ingest")
                todo, new, reextracted, unchanged = split_known(
                    documents, extracted_versions(lock, documents["doc_id"].to_list()))
                todo, mentions, references = extract_task(todo, settings)
                stamped, stamped_sources, stamped_rejected = stamp_batch(
                    todo, references, sources, rejected, run_id, EXTRACTOR_VERSION)
                load_task(settings, stamped, stamped_sources, mentions, stamped_rejected)
                touched |= touched_tables(stamped.height, stamped_sources.height, stamped_rejected.height)
                counts.documents_new += new
                counts.documents_reextracted += reextracted
                counts.documents_unchanged += unchanged
                counts.rejected += rejected.height
                counts.mentions_written += mentions.height
                logger.info("batch at %d: %d documents (%d to extract), %d mentions, %d rejected",
                            offset, documents.height, todo.height, mentions.height, rejected.height)
                if progress is not None:
                    progress.update(len(paths[offset:offset + settings.batch_size]), documents.height, mentions.height)
            counts.events = events_task(settings, rebuild="events" in touched)
            crash_point("events")
            if progress is not None:
                progress.finish(counts.events)
            # checked even when this run changed nothing: a hand-made change since the last run shows up here
            checks = check_task(settings)
            counts.checks = {check.name: len(check.rows) for check in checks}
            failing = [check.describe() for check in checks if check.rows]
            if failing:
                raise CheckFailed("data checks failed: " + " | ".join(failing))
            export_task(settings, run_id, counts.as_dict(), frozenset(PARQUET_TABLES) - touched)
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
