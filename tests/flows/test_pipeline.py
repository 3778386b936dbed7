"""Whole flow runs: the seed's events against a golden file, reruns, bad input, and the Parquet export."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows import EXTRACTOR_VERSION
from flows.pipeline import newsline_etl

GOLDEN = Path(__file__).parent / "golden" / "seed_events.jsonl"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b373e813eec3824c.txt"


def run(seeds: Path, warehouse: Path) -> dict[str, int]:
    return newsline_etl(seeds=str(seeds), warehouse=str(warehouse))


def query(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse / "newsline.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def seed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def test_seed_events_match_golden(seed_folder: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse"
    counts = run(seed_folder, warehouse)
    assert counts["documents_new"] == 1
    rows = query(warehouse, "select event_type, actor_country, target_country, date_min, date_max, amount, "
                            "currency, evidence, char_start, char_end from event_mentions")
    text = query(warehouse, "select text from documents")[0][0]
    expected = [json.loads(line) for line in GOLDEN.read_text().splitlines()]
    found = []
    for kind, actor, target, lo, hi, amount, currency, evidence, start, end in rows:
        assert text[start:end] == evidence
        found.append((kind, actor, target, amount, currency, lo, hi))
    for want in expected:
        day = date.fromisoformat(want["day"])
        hits = [f for f in found if f[:5] == (want["event_type"], want["actor_country"], want["target_country"],
                                               want["amount"], want["currency"]) and f[5] <= day <= f[6]]
        assert hits, f"missing {want}; found {found}"
    # the $30 billion total since the war began is not a pledge
    assert not [f for f in found if f[3] and f[3] >= 25e9]
    assert len(found) == len(expected)


def test_rerun_adds_nothing_and_new_version_reextracts(seed_folder: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    warehouse = tmp_path / "warehouse"
    run(seed_folder, warehouse)
    before = query(warehouse, "select mention_id from event_mentions order by 1")
    again = run(seed_folder, warehouse)
    assert again["documents_unchanged"] == 1
    assert again["documents_new"] == 0
    assert again["mentions_written"] == 0
    assert query(warehouse, "select mention_id from event_mentions order by 1") == before
    assert query(warehouse, "select count(*) from documents") == [(1,)]
    import flows.pipeline
    import flows.resolve

    monkeypatch.setattr(flows.pipeline, "EXTRACTOR_VERSION", "test-next")
    monkeypatch.setattr(flows.resolve, "EXTRACTOR_VERSION", "test-next")
    bumped = run(seed_folder, warehouse)
    assert bumped["documents_reextracted"] == 1
    assert query(warehouse, "select distinct extractor_version from event_mentions") == [("test-next",)]
    assert query(warehouse, "select mention_id from event_mentions order by 1") == before
    statuses = query(warehouse, "select status, extractor_version from runs order by started_at")
    assert statuses == [("completed", EXTRACTOR_VERSION)] * 2 + [("completed", "test-next")]


def test_a_text_in_two_consecutive_batches_is_extracted_and_loaded_once(seed_folder: Path, tmp_path: Path) -> None:
    # one file a batch: the second batch is looked up while the first is still being extracted, not yet loaded
    (seed_folder / "zz_copy.txt").write_bytes(SEED.read_bytes())
    (seed_folder / "zz_other.txt").write_text(SEED.read_text(encoding="utf-8") + "\nNog een alinea.\n",
                                              encoding="utf-8")
    warehouse = tmp_path / "warehouse"
    counts = newsline_etl(seeds=str(seed_folder), warehouse=str(warehouse), batch_size=1)
    assert (counts["documents_new"], counts["documents_unchanged"], counts["documents_reextracted"]) == (2, 1, 0)
    assert query(warehouse, "select count(*) from documents") == [(2,)]
    assert query(warehouse, "select count(*) from document_sources") == [(3,)]
    runs = query(warehouse, "select documents_new, documents_unchanged, mentions_written from runs")
    one = newsline_etl(seeds=str(seed_folder), warehouse=str(tmp_path / "one_batch"))
    assert one["mentions_written"] == counts["mentions_written"] == runs[0][2]
    assert query(warehouse, "select mention_id from event_mentions order by 1") == query(
        tmp_path / "one_batch", "select mention_id from event_mentions order by 1")


def test_bad_files_are_recorded_and_the_run_goes_on(seed_folder: Path, tmp_path: Path) -> None:
    (seed_folder / "empty.txt").write_bytes(b"")
    (seed_folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (seed_folder / "latin1.txt").write_bytes("date 2023-02 caf\u00e9".encode("latin-1"))
    (seed_folder / "copy.txt").write_bytes(SEED.read_bytes())
    warehouse = tmp_path / "warehouse"
    counts = run(seed_folder, warehouse)
    assert counts["rejected"] == 3
    reasons = dict(query(warehouse, "select source_name, reason from rejected_documents"))
    assert reasons == {"empty": "empty", "binary": "binary", "latin1": "not_utf8"}
    assert query(warehouse, "select count(*) from documents") == [(1,)]
    assert query(warehouse, "select count(*) from document_sources") == [(2,)]


def test_parquet_holds_the_same_rows(seed_folder: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse"
    run(seed_folder, warehouse)
    mentions = pl.read_parquet(warehouse / "parquet" / "event_mentions" / "**" / "*.parquet", hive_partitioning=True)
    in_db = query(warehouse, "select mention_id from event_mentions order by 1")
    assert sorted(mentions["mention_id"].to_list()) == [r[0] for r in in_db]
    assert set(mentions["event_type"].to_list()) == {"visit", "demarche", "pledge"}
    assert (warehouse / "parquet" / "event_mentions").is_symlink()
    docs = pl.read_parquet(warehouse / "parquet" / "documents" / "*.parquet")
    assert docs.height == 1


def parquet_inodes(warehouse: Path, table: str) -> set[int]:
    return {f.stat().st_ino for f in (warehouse / "parquet" / table).resolve().rglob("*.parquet")}


def exported_ids(warehouse: Path, table: str, column: str) -> list[str]:
    files = [str(f) for f in (warehouse / "parquet" / table).rglob("*.parquet")]
    return sorted(pl.read_parquet(files, hive_partitioning=True)[column].to_list())


def test_a_run_over_new_files_appends_their_rows_to_the_export(seed_folder: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    warehouse = tmp_path / "warehouse"
    run(seed_folder, warehouse)
    first = {table: parquet_inodes(warehouse, table) for table in ("documents", "event_mentions")}
    text = SEED.read_text(encoding="utf-8")
    (seed_folder / "second.txt").write_text(text + "\nEen tweede versie.\n", encoding="utf-8")
    assert run(seed_folder, warehouse)["documents_new"] == 1

    # the first export's files are linked, not rewritten; the new rows are one more part beside them
    for table in ("documents", "event_mentions"):
        now = parquet_inodes(warehouse, table)
        assert first[table] < now, table
    assert len(list((warehouse / "parquet" / "documents").glob("*.parquet"))) == 2
    for table, column in (("documents", "doc_id"), ("event_mentions", "mention_id"),
                          ("document_sources", "source_path")):
        assert exported_ids(warehouse, table, column) == [r[0] for r in query(
            warehouse, f"select {column} from {table} order by 1")], table

    # past the limit of parts a table is written whole again, one file a partition
    monkeypatch.setattr("flows.load.MAX_PARTS_PER_FOLDER", 2)
    (seed_folder / "third.txt").write_text(text + "\nEen derde versie.\n", encoding="utf-8")
    assert run(seed_folder, warehouse)["documents_new"] == 1
    assert [f.name for f in (warehouse / "parquet" / "documents").glob("*.parquet")] == ["data.parquet"]
    assert exported_ids(warehouse, "documents", "doc_id") == [r[0] for r in query(
        warehouse, "select doc_id from documents order by 1")]


def test_rerun_reads_only_files_whose_size_or_mtime_changed(seed_folder: Path, tmp_path: Path) -> None:
    other = seed_folder / "other.txt"
    other.write_text(SEED.read_text(encoding="utf-8") + "\nEen extra alinea.\n", encoding="utf-8")
    warehouse = tmp_path / "warehouse"
    assert run(seed_folder, warehouse)["documents_new"] == 2
    exported = {table: parquet_inodes(warehouse, table) for table in ("documents", "event_mentions", "runs")}

    # nothing changed: no file is read, and the Parquet tables but runs are the previous files, linked
    again = run(seed_folder, warehouse)
    assert (again["documents_new"], again["documents_unchanged"], again["mentions_written"]) == (0, 2, 0)
    assert parquet_inodes(warehouse, "documents") == exported["documents"]
    assert parquet_inodes(warehouse, "event_mentions") == exported["event_mentions"]
    assert parquet_inodes(warehouse, "runs") != exported["runs"]
    runs = pl.read_parquet(warehouse / "parquet" / "runs" / "*.parquet")
    assert runs["status"].to_list() == ["completed", "completed"]

    # new content with a new mtime is read; the same content with a new mtime is read and found unchanged
    stat = other.stat()
    other.write_text(SEED.read_text(encoding="utf-8") + "\nEen andere alinea.\n", encoding="utf-8")
    os.utime(SEED_COPY := seed_folder / SEED.name, ns=(stat.st_atime_ns, SEED_COPY.stat().st_mtime_ns + 10**9))
    changed = run(seed_folder, warehouse)
    assert (changed["documents_new"], changed["documents_unchanged"]) == (1, 1)
    assert query(warehouse, "select count(*) from documents") == [(3,)]
    assert parquet_inodes(warehouse, "documents") != exported["documents"]
    docs = pl.read_parquet(warehouse / "parquet" / "documents" / "*.parquet")
    assert docs.height == 3

    # the known limit, as in rsync's quick check: content changed under the same size and mtime goes unseen
    before = other.stat()
    other.write_text(other.read_text(encoding="utf-8").replace("andere", "eigene"), encoding="utf-8")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert run(seed_folder, warehouse)["documents_new"] == 0
