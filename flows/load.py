"""Load stage: frames -> DuckDB tables (one transaction per batch) and Parquet files (swapped atomically).

Also the run's hold on the warehouse: DuckDB lets one process open the file, so a run waits a bounded
time for another one and leaves a small lock-info file saying who holds it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from flows.settings import SQL_DIR, load_settings

# Parquet exports: each table and how it is partitioned for readers.
PARQUET_TABLES: dict[str, tuple[str, ...]] = {
    "documents": (),
    "document_sources": (),
    "event_mentions": ("event_type", "year"),
    "events": (),
    "event_links": (),
    "rejected_documents": (),
    "runs": (),
}
# The rows one run added to a table. When every row of the previous export is still in the table, these are all
# that changed, and the export links the previous files and writes them as one more part.
RUN_ROWS: dict[str, str] = {
    "documents": "select * from documents where run_id = $run_id",
    "document_sources": "select * from document_sources where run_id = $run_id",
    "event_mentions": "select m.* from event_mentions m semi join documents d "
                      "on d.doc_id = m.doc_id and d.run_id = $run_id",
}
# DuckDB holds a row group in memory while it writes it: 122,880 documents (its default) are 400 MB of text,
# and with the memory limit at 1 GB the export of a million documents failed; 20,000 rows write in 1.1 GB
PARQUET_OPTIONS = "format parquet, row_group_size 20000"
MAX_PARTS_PER_FOLDER = 24  # past this many appended parts in one folder, a table is written whole again
CURRENT_EXPORT = "current"  # parquet/current -> .versions/<stamp>; parquet/<table> -> current/<table>
LOCK_INFO_FILE = ".newsline-run.json"  # next to the database while a run holds it
KILL_AT_VARIABLE = "NEWSLINE_TEST_KILL_AT"  # tests only: "<stage>:<n>" kills the process there
CHECK_ROWS_SHOWN = 5

_stage_visits: dict[str, int] = {}


class WarehouseBusy(RuntimeError):
    """Another process held the warehouse for longer than the run was willing to wait."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One sql/checks query and the rows it returned (a passing check returns none)."""

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[object, ...]]

    def describe(self, shown: int = CHECK_ROWS_SHOWN) -> str:
        """'name: n rows: col=value, ...; ...' with the first few rows."""
        examples = "; ".join(
            ", ".join(f"{column}={value!r}" for column, value in zip(self.columns, row, strict=True))
            for row in self.rows[:shown]
        )
        more = f" (and {len(self.rows) - shown} more)" if len(self.rows) > shown else ""
        return f"{self.name}: {len(self.rows)} row{'s' if len(self.rows) != 1 else ''}: {examples}{more}"


def crash_point(stage: str) -> None:
    """Tests only: with NEWSLINE_TEST_KILL_AT=<stage>:<n>, SIGKILL this process the n-th time it reaches stage.

    Stages: ingest (after a batch is read), load (a batch written, not committed), events (rebuilt), export
    (a Parquet table written, not yet published), publish (export swapped in, run not yet committed).
    """
    wanted = os.environ.get(KILL_AT_VARIABLE)
    if not wanted:
        return
    name, _, count = wanted.partition(":")
    if name != stage:
        return
    _stage_visits[stage] = _stage_visits.get(stage, 0) + 1
    if _stage_visits[stage] == int(count or 1):
        os.kill(os.getpid(), signal.SIGKILL)


def now_utc() -> datetime:
    """Naive UTC timestamp, as DuckDB TIMESTAMP columns store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def connect(database_path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse database (created with its folder when missing)."""
    if not read_only:
        database_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database_path), read_only=read_only)
    # one database instance per process: the cap holds for every connection to it
    con.execute("set memory_limit = ?", [load_settings().duckdb_memory_limit])
    return con


def apply_schema(con: duckdb.DuckDBPyConnection, schema_file: Path = SQL_DIR / "schema.sql") -> None:
    """Create the tables and views if they are missing (idempotent)."""
    con.execute(schema_file.read_text(encoding="utf-8"))


def lock_info_path(database_path: Path) -> Path:
    """warehouse/.newsline-run.json: who holds the database (DuckDB's lock cannot be read from outside)."""
    return database_path.with_name(LOCK_INFO_FILE)


def read_lock_info(database_path: Path) -> dict[str, object]:
    """The lock-info file's fields, or {} when there is none (or it is half written)."""
    try:
        info = json.loads(lock_info_path(database_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def process_alive(pid: int) -> bool:
    """True when a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_holder(database_path: Path, lock_error: str) -> str:
    """Who holds the database: the newsline run named in the lock-info file, else the PID DuckDB reports."""
    found = re.search(r"\(PID (\d+)\)", lock_error)
    duckdb_pid = int(found.group(1)) if found else None
    info = read_lock_info(database_path)
    pid = info.get("pid")
    if isinstance(pid, int) and process_alive(pid) and duckdb_pid in (None, pid):
        return (f"newsline run {info.get('run_id')} (pid {pid}, started {info.get('started_at')} UTC, "
                f"seeds {info.get('seeds_path')})")
    who = f"process {duckdb_pid}" if duckdb_pid is not None else "another process"
    return f"{who}, not a newsline run (a `newsline sql`, a notebook or another DuckDB client)"


def is_lock_error(exc: duckdb.Error) -> bool:
    """DuckDB's error when another process holds the database file."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


@contextmanager
def hold_warehouse(database_path: Path, run_id: str, seeds_path: str, timeout: float,
                   on_wait: Callable[[str], None] | None = None,
                   poll_seconds: float = 0.25) -> Iterator[duckdb.DuckDBPyConnection]:
    """The run's read-write connection: the warehouse lock, waited for up to timeout seconds.

    While held, warehouse/.newsline-run.json names the run so that a second run (or reader) can say who it
    waits for; the file is removed on the way out (a killed run leaves it; the next holder overwrites it).
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            con = connect(database_path)
            break
        except duckdb.IOException as exc:
            if not is_lock_error(exc):
                raise
            holder = lock_holder(database_path, str(exc))
            left = deadline - time.monotonic()
            if left <= 0:
                raise WarehouseBusy(f"the warehouse {database_path} is in use by {holder}; gave up after waiting "
                                    f"{timeout:g} s (NEWSLINE_LOCK_TIMEOUT)") from exc
            if on_wait is not None:
                on_wait(f"the warehouse is in use by {holder}; waiting up to {left:.0f} s")
                on_wait = None  # say it once
            time.sleep(min(poll_seconds, left))
    info = {"run_id": run_id, "pid": os.getpid(), "started_at": now_utc().isoformat(timespec="seconds"),
            "seeds_path": seeds_path}
    info_path = lock_info_path(database_path)
    partial = info_path.with_name(f"{info_path.name}.{os.getpid()}")
    partial.write_text(json.dumps(info), encoding="utf-8")
    os.replace(partial, info_path)
    try:
        with con:
            yield con
    finally:
        if read_lock_info(database_path).get("run_id") == run_id:
            info_path.unlink(missing_ok=True)


def mark_interrupted_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Runs still 'running' when a new run holds the lock were killed: say so; their run_ids."""
    rows = con.execute(
        "update runs set status = 'interrupted', finished_at = coalesce(finished_at, ?), "
        "error = coalesce(error, 'the process ended without closing the run (killed or crashed)') "
        "where status = 'running' returning run_id",
        [now_utc()],
    ).fetchall()
    return [row[0] for row in rows]


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
    with registered(con, "wanted_docs", pl.DataFrame({"doc_id": doc_ids})):
        rows = con.execute(
            "select d.doc_id, d.extractor_version from documents d join wanted_docs w using (doc_id)"
        ).fetchall()
    return {doc_id: version for doc_id, version in rows}


def unchanged_sources(con: duckdb.DuckDBPyConnection, stats: pl.DataFrame, extractor_version: str) -> pl.DataFrame:
    """(source_path, doc_id) of the files whose size and mtime equal those stored when their document was read,
    and whose document this extractor version already extracted: a rerun need not read them again."""
    if stats.is_empty():
        return pl.DataFrame(schema={"source_path": pl.String, "doc_id": pl.String})
    with registered(con, "file_stats", stats.drop_nulls()):
        rows = con.execute(
            "select s.source_path, s.doc_id from document_sources s "
            "join file_stats f on f.source_path = s.source_path and f.size_bytes = s.size_bytes "
            "and f.modified_ns = s.modified_ns "
            "join documents d on d.doc_id = s.doc_id and d.extractor_version = ?", [extractor_version],
        ).fetchall()
    return pl.DataFrame(rows, schema={"source_path": pl.String, "doc_id": pl.String}, orient="row")


def previous_run_completed(con: duckdb.DuckDBPyConnection, run_id: str) -> bool:
    """Whether the run before this one completed: then its events and Parquet export match the tables, and a
    table this run leaves untouched need not be rebuilt or exported again."""
    rows = con.execute("select status from runs where run_id <> ? order by started_at desc limit 1",
                       [run_id]).fetchall()
    return rows == [("completed",)]


def count_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows in one of the warehouse tables."""
    if table not in PARQUET_TABLES:
        raise ValueError(f"not a warehouse table: {table}")
    return int(con.execute(f"select count(*) from {table}").fetchall()[0][0])


def touched_tables(documents: int, sources: int, rejected: int) -> set[str]:
    """The tables a load of so many documents, sources and rejected files changes (runs always changes).

    Mentions and events follow the documents; a source and a rejected row of one path exclude each other.
    """
    touched = {"runs"}
    if documents:
        touched |= {"documents", "event_mentions", "events", "event_links"}
    if sources or rejected:
        touched |= {"document_sources", "rejected_documents"}
    return touched


def documents_extracted_by(con: duckdb.DuckDBPyConnection, extractor_version: str) -> pl.Series:
    """doc_id of every document this extractor version has extracted."""
    return con.sql("select doc_id from documents where extractor_version = ? order by doc_id",
                   params=[extractor_version]).pl()["doc_id"]


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> Iterator[None]:
    """frame visible to SQL as the view `name` inside the block.

    After a failed statement DuckDB refuses every statement of the transaction until its rollback, unregister
    included: the view is then left to the rollback and the connection's end, so that the caller sees the
    statement's own error (a constraint violation), not "Current transaction is aborted".
    """
    con.register(name, frame)
    try:
        yield
    except BaseException:
        with suppress(duckdb.Error):
            con.unregister(name)
        raise
    con.unregister(name)


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, replace: bool = False) -> None:
    """Insert a frame's columns by name (INSERT OR REPLACE on the primary key when asked)."""
    if frame.is_empty():
        return
    verb = "insert or replace into" if replace else "insert into"
    with registered(con, "incoming", frame):
        con.execute(f"{verb} {table} by name select * from incoming")


def one_row_per_mention(mentions: pl.DataFrame) -> pl.DataFrame:
    """One row per mention_id, the same whatever else is in the batch.

    The resolver can give one evidence span two readings (two dates) under one id; keep the most confident, then
    the most tightly dated, then the least by every other column (unique() alone keeps an arbitrary one, and which
    depends on the documents around it, so an incremental run and a run from nothing would disagree).
    """
    if mentions.is_empty():
        return mentions
    rest = [c for c in mentions.columns if c not in ("mention_id", "confidence")]
    width = (pl.col("date_max") - pl.col("date_min")).alias("width")
    return (
        mentions.sort([pl.col("mention_id"), pl.col("confidence"), width, *rest],
                      descending=[False, True, False, *[False] * len(rest)], nulls_last=True)
        .unique(subset="mention_id", keep="first", maintain_order=True)
    )


def stamp_batch(documents: pl.DataFrame, references: pl.DataFrame, sources: pl.DataFrame,
                rejected: pl.DataFrame, run_id: str, extractor_version: str
                ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The batch's rows as the warehouse tables take them: documents with their publication reference,
    and every row with the run that wrote it."""
    stamp = now_utc()
    stamped_documents = (
        documents.drop("headline_start").join(references, on="doc_id", how="left")
        .with_columns(pl.lit(extractor_version).alias("extractor_version"),
                      pl.lit(stamp).alias("extracted_at"), pl.lit(run_id).alias("run_id"))
    )
    return (stamped_documents, sources.with_columns(pl.lit(run_id).alias("run_id")),
            rejected.with_columns(pl.lit(run_id).alias("run_id"), pl.lit(stamp).alias("rejected_at")))


def load_batch(con: duckdb.DuckDBPyConnection, documents: pl.DataFrame, sources: pl.DataFrame,
               mentions: pl.DataFrame, rejected: pl.DataFrame) -> None:
    """Write one batch in one transaction: a crash leaves the batch wholly in or wholly out.

    The batch's documents lose their old mentions first, so a re-extraction replaces rather than adds.
    """
    con.execute("begin transaction")
    try:
        if not documents.is_empty():
            with registered(con, "batch_docs", documents.select("doc_id")):
                con.execute("delete from event_mentions where doc_id in (select doc_id from batch_docs)")
                con.execute("delete from documents where doc_id in (select doc_id from batch_docs)")
        if not sources.is_empty():
            with registered(con, "batch_sources", sources.select("source_path")):
                con.execute("delete from rejected_documents where source_path in "
                            "(select source_path from batch_sources)")
        insert_frame(con, "documents", documents)
        insert_frame(con, "event_mentions", one_row_per_mention(mentions))
        insert_frame(con, "document_sources", sources, replace=True)
        if not rejected.is_empty():
            with registered(con, "batch_rejected", rejected.select("source_path")):
                con.execute("delete from document_sources where source_path in "
                            "(select source_path from batch_rejected)")
        insert_frame(con, "rejected_documents", rejected, replace=True)
        crash_point("load")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def check_results(con: duckdb.DuckDBPyConnection, checks_dir: Path = SQL_DIR / "checks") -> list[CheckResult]:
    """Run every sql/checks/*.sql (each must return no rows), with the rows each returned."""
    results = []
    for path in sorted(checks_dir.glob("*.sql")):
        cursor = con.execute(path.read_text(encoding="utf-8"))
        columns = tuple(d[0] for d in cursor.description or ())
        results.append(CheckResult(path.stem, columns, cursor.fetchall()))
    return results


def run_checks(con: duckdb.DuckDBPyConnection, checks_dir: Path = SQL_DIR / "checks") -> dict[str, int]:
    """Run every sql/checks/*.sql (each must return no rows); name -> number of offending rows."""
    return {result.name: len(result.rows) for result in check_results(con, checks_dir)}


def sql_string(path: Path) -> str:
    """A path as a SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"


def write_parquet_table(con: duckdb.DuckDBPyConnection, table: str, partitions: tuple[str, ...], folder: Path,
                        rows: str | None = None, params: dict[str, object] | None = None) -> None:
    """One table as Parquet files in folder (hive partitions when asked; an empty folder for no rows).

    With rows (a select over the table), only those rows are written, as new files next to the ones already in
    folder: a part named by a fresh uuid, so no file linked from an earlier export is ever overwritten.
    """
    query = rows or f"select * from {table}"
    source = f"select *, year(event_date) as year from ({query})" if "year" in partitions else query
    if partitions:
        options = f"{PARQUET_OPTIONS}, partition_by ({', '.join(partitions)}), write_partition_columns false"
        if rows is not None:
            options += ", append"
        con.execute(f"copy ({source}) to {sql_string(folder)} ({options})", params)
        folder.mkdir(exist_ok=True)  # an empty table writes no partition
    else:
        folder.mkdir(exist_ok=rows is not None)
        name = f"part_{uuid.uuid4().hex}.parquet" if rows is not None else "data.parquet"
        con.execute(f"copy ({source}) to {sql_string(folder / name)} ({PARQUET_OPTIONS})", params)


def parquet_files(folder: Path) -> list[Path]:
    """The Parquet files of one exported table, in every partition."""
    return sorted(folder.rglob("*.parquet"))


def rows_to_append(con: duckdb.DuckDBPyConnection, table: str, run_id: str, exported: Path) -> str | None:
    """The select of the rows run_id added to table, when they are the only change since the export in `exported`
    (every exported row is still in the table, none replaced); None when the table must be written whole.

    Rows are only ever deleted and inserted, never updated, so the rows the run did not write are the exported
    ones exactly when there are as many of them: the caller vouches that the export is the previous run's.
    """
    rows = RUN_ROWS.get(table)
    files = parquet_files(exported)
    if rows is None or not files:
        return None
    if max(Counter(f.parent for f in files).values()) >= MAX_PARTS_PER_FOLDER:
        return None  # compact: one file per partition again
    exported_rows = con.execute("select count(*) from read_parquet(?)", [[str(f) for f in files]]).fetchall()[0][0]
    added = con.execute(f"select count(*) from ({rows})", {"run_id": run_id}).fetchall()[0][0]
    return rows if count_rows(con, table) - added == exported_rows else None


def export_parquet(con: duckdb.DuckDBPyConnection, parquet_dir: Path,
                   unchanged: frozenset[str] = frozenset(), appending_run: str | None = None) -> dict[str, Path]:
    """Write every table into a new version folder, then publish it with one rename of parquet/current.

    parquet/<table> links to current/<table>, so a reader sees the previous complete export or the new one,
    never a mix of tables from two runs; a run killed half way leaves an unpublished folder that the next
    export deletes. A table named in unchanged is hard-linked from the previous export instead of written
    (the caller vouches that its rows are the same), which makes a rerun over an unchanged corpus cheap.
    With appending_run (the caller vouches that the previous export is the previous run's), a table to which
    that run only added rows gets the previous files linked plus one part of the new rows, so a run over a few
    new files does not rewrite the whole corpus.
    """
    versions_dir = parquet_dir / ".versions"
    versions_dir.mkdir(parents=True, exist_ok=True)
    version = versions_dir / f"{time.time_ns()}"
    version.mkdir()
    previous = current_export(parquet_dir)
    for table, partitions in PARQUET_TABLES.items():
        exported = previous / table if previous is not None else None
        if exported is None or not exported.is_dir():
            write_parquet_table(con, table, partitions, version / table)
        elif table in unchanged:
            shutil.copytree(exported, version / table, copy_function=os.link)
        elif appending_run is not None and (rows := rows_to_append(con, table, appending_run, exported)):
            shutil.copytree(exported, version / table, copy_function=os.link)
            write_parquet_table(con, table, partitions, version / table, rows, {"run_id": appending_run})
        else:
            write_parquet_table(con, table, partitions, version / table)
        crash_point("export")
    swap_symlink(parquet_dir / CURRENT_EXPORT, version)
    written: dict[str, Path] = {}
    for table in PARQUET_TABLES:
        link = parquet_dir / table
        if not link.is_symlink() or os.readlink(link) != os.path.join(CURRENT_EXPORT, table):
            swap_symlink(link, parquet_dir / CURRENT_EXPORT / table)
        written[table] = link
    prune_versions(versions_dir, keep={version, previous})
    return written


def current_export(parquet_dir: Path) -> Path | None:
    """The version folder of the last published export, or None before the first."""
    link = parquet_dir / CURRENT_EXPORT
    return link.resolve() if link.is_symlink() and link.exists() else None


def publish_run(con: duckdb.DuckDBPyConnection, parquet_dir: Path, run_id: str, counts: dict[str, int],
                unchanged: frozenset[str] = frozenset(), incremental: bool = False) -> None:
    """Mark the run completed and export the tables (those in unchanged linked from the last export, and with
    incremental, the rows this run added appended to it), in one transaction.

    The exported runs table shows the run completed, and a run killed before its export is published stays
    'running' in the database (the next run marks it interrupted).
    """
    con.execute("begin transaction")
    try:
        finish_run(con, run_id, "completed", counts)
        export_parquet(con, parquet_dir, unchanged - {"runs"}, run_id if incremental else None)
        crash_point("publish")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def snapshot_from_parquet(parquet_dir: Path, database_path: Path) -> Path:
    """A new DuckDB file with the schema and the rows of the last published export (for readers during a run)."""
    version = current_export(parquet_dir)
    if version is None:
        raise FileNotFoundError(f"no published Parquet export in {parquet_dir}")
    with connect(database_path) as con:
        apply_schema(con)
        for table in PARQUET_TABLES:
            files = [str(f) for f in sorted((version / table).rglob("*.parquet"))]
            if not files:
                continue
            exported = {r[0] for r in con.execute("describe select * from read_parquet(?, hive_partitioning = true)",
                                                  [files]).fetchall()}
            columns = ", ".join(r[0] for r in con.execute(f"describe {table}").fetchall() if r[0] in exported)
            con.execute(f"insert into {table} ({columns}) select {columns} "
                        f"from read_parquet(?, hive_partitioning = true)", [files])
    return version


def swap_symlink(link: Path, target: Path) -> None:
    """Point link at target atomically (a temporary link renamed over the old one)."""
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a real folder from an older layout; replaced once
    temporary = link.with_name(f".{link.name}.swap")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(os.path.relpath(target, link.parent), target_is_directory=True)
    os.replace(temporary, link)


def prune_versions(versions_dir: Path, keep: set[Path | None]) -> None:
    """Delete every version folder but the kept ones (the new export and the one a reader may still be reading),
    including unpublished folders of killed runs and the per-table folders of the older layout."""
    kept = {p.resolve() for p in keep if p is not None}
    for old in versions_dir.iterdir():
        if old.resolve() not in kept:
            shutil.rmtree(old, ignore_errors=True)
