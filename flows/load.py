"""Load stage: frames -> DuckDB tables (one transaction per batch) and Parquet files (swapped atomically)."""

from __future__ import annotations

import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from flows.settings import SQL_DIR

# Parquet exports: each table and how it is partitioned for readers.
PARQUET_TABLES: dict[str, tuple[str, ...]] = {
    "documents": (),
    "event_mentions": ("event_type", "year"),
    "rejected_documents": (),
    "runs": (),
}
KEPT_PARQUET_VERSIONS = 2


def now_utc() -> datetime:
    """Naive UTC timestamp, as DuckDB TIMESTAMP columns store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def connect(database_path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse database (created with its folder when missing)."""
    if not read_only:
        database_path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(database_path), read_only=read_only)


def apply_schema(con: duckdb.DuckDBPyConnection, schema_file: Path = SQL_DIR / "schema.sql") -> None:
    """Create the tables and views if they are missing (idempotent)."""
    con.execute(schema_file.read_text(encoding="utf-8"))


def mark_interrupted_runs(con: duckdb.DuckDBPyConnection) -> int:
    """Runs still 'running' when a new run holds the lock were killed: say so."""
    rows = con.execute(
        "update runs set status = 'interrupted', finished_at = coalesce(finished_at, ?) "
        "where status = 'running' returning run_id",
        [now_utc()],
    ).fetchall()
    return len(rows)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, flow_run_id: str | None, seeds_path: str,
              extractor_version: str, library_versions: str) -> None:
    """Record a run as running before it touches any table."""
    con.execute(
        "insert into runs (run_id, flow_run_id, seeds_path, started_at, status, extractor_version, library_versions) "
        "values (?, ?, ?, ?, 'running', ?, ?)",
        [run_id, flow_run_id, seeds_path, now_utc(), extractor_version, library_versions],
    )


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, counts: dict[str, int],
               error: str | None = None) -> None:
    """Close the run's row with its status and counts."""
    con.execute(
        "update runs set status = ?, finished_at = ?, files_seen = ?, documents_new = ?, "
        "documents_reextracted = ?, documents_unchanged = ?, rejected = ?, mentions_written = ?, error = ? "
        "where run_id = ?",
        [status, now_utc(), counts.get("files_seen", 0), counts.get("documents_new", 0),
         counts.get("documents_reextracted", 0), counts.get("documents_unchanged", 0),
         counts.get("rejected", 0), counts.get("mentions_written", 0), error, run_id],
    )


def extracted_versions(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, str]:
    """doc_id -> extractor_version for the given documents already in the warehouse."""
    if not doc_ids:
        return {}
    wanted = pl.DataFrame({"doc_id": doc_ids})
    con.register("wanted_docs", wanted)
    try:
        rows = con.execute(
            "select d.doc_id, d.extractor_version from documents d join wanted_docs w using (doc_id)"
        ).fetchall()
    finally:
        con.unregister("wanted_docs")
    return {doc_id: version for doc_id, version in rows}


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, replace: bool = False) -> None:
    """Insert a frame's columns by name (INSERT OR REPLACE on the primary key when asked)."""
    if frame.is_empty():
        return
    con.register("incoming", frame)
    try:
        verb = "insert or replace into" if replace else "insert into"
        con.execute(f"{verb} {table} by name select * from incoming")
    finally:
        con.unregister("incoming")


def load_batch(con: duckdb.DuckDBPyConnection, documents: pl.DataFrame, sources: pl.DataFrame,
               mentions: pl.DataFrame, rejected: pl.DataFrame) -> None:
    """Write one batch in one transaction: a crash leaves the batch wholly in or wholly out.

    The batch's documents lose their old mentions first, so a re-extraction replaces rather than adds.
    """
    con.execute("begin transaction")
    try:
        if not documents.is_empty():
            con.register("batch_docs", documents.select("doc_id"))
            con.execute("delete from event_mentions where doc_id in (select doc_id from batch_docs)")
            con.execute("delete from documents where doc_id in (select doc_id from batch_docs)")
            con.unregister("batch_docs")
        if not sources.is_empty():
            con.register("batch_sources", sources.select("source_path"))
            con.execute("delete from rejected_documents where source_path in (select source_path from batch_sources)")
            con.unregister("batch_sources")
        insert_frame(con, "documents", documents)
        insert_frame(con, "event_mentions", mentions.unique(subset="mention_id", keep="first"))
        insert_frame(con, "document_sources", sources, replace=True)
        if not rejected.is_empty():
            con.register("batch_rejected", rejected.select("source_path"))
            con.execute("delete from document_sources where source_path in (select source_path from batch_rejected)")
            con.unregister("batch_rejected")
        insert_frame(con, "rejected_documents", rejected, replace=True)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def run_checks(con: duckdb.DuckDBPyConnection, checks_dir: Path = SQL_DIR / "checks") -> dict[str, int]:
    """Run every sql/checks/*.sql (each must return no rows); name -> number of offending rows."""
    return {
        path.stem: len(con.execute(path.read_text(encoding="utf-8")).fetchall())
        for path in sorted(checks_dir.glob("*.sql"))
    }


def export_parquet(con: duckdb.DuckDBPyConnection, parquet_dir: Path) -> dict[str, Path]:
    """Write every table to a new folder, then swap the table's symlink to it in one rename.

    A reader of parquet/<table>/ sees the old complete files or the new complete files, never a mix.
    """
    versions_dir = parquet_dir / ".versions"
    versions_dir.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.time_ns()}"
    written: dict[str, Path] = {}
    for table, partitions in PARQUET_TABLES.items():
        target = versions_dir / f"{table}-{stamp}"
        source = f"select * from {table}"
        if "year" in partitions:
            source = f"select *, year(event_date) as year from {table}"
        if partitions:
            options = f"format parquet, partition_by ({', '.join(partitions)}), write_partition_columns false"
            con.execute(f"copy ({source}) to '{target}' ({options})")
            if not target.exists():  # an empty table writes no partition: leave an empty folder for readers
                target.mkdir()
        else:
            target.mkdir()
            con.execute(f"copy ({source}) to '{target / 'data.parquet'}' (format parquet)")
        swap_symlink(parquet_dir / table, target)
        prune_versions(versions_dir, table)
        written[table] = parquet_dir / table
    return written


def swap_symlink(link: Path, target: Path) -> None:
    """Point link at target atomically (a temporary link renamed over the old one)."""
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a real folder from an older layout; replaced once
    temporary = link.with_name(f".{link.name}.swap")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(os.path.relpath(target, link.parent), target_is_directory=True)
    os.replace(temporary, link)


def prune_versions(versions_dir: Path, table: str) -> None:
    """Keep the newest few versions of a table: a reader that opened an older one keeps its files a while."""
    versions = sorted(versions_dir.glob(f"{table}-*"), key=lambda p: int(p.name.rsplit("-", 1)[1]))
    for old in versions[:-KEPT_PARQUET_VERSIONS]:
        shutil.rmtree(old, ignore_errors=True)
