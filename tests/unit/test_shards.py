"""Shards: where a Dask worker's batch goes, that its frames come back unchanged, and what the writer keeps."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from flows.ingest import discover_files
from flows.settings import load_settings
from flows.shards import (
    Shard,
    batch_location,
    extract_shard,
    of_documents,
    read_known,
    read_shard,
    remove_location,
    resolve_shard_root,
    run_location,
    write_known,
    write_shard,
)
from tests.conftest import SEED_FILE

NOTHING_KNOWN = pl.Series("doc_id", [], dtype=pl.String)
ENGLISH = "date 2023-02-20 Biden in Kyiv\n\nPresident Joe Biden visited Kyiv on Monday and pledged $500 million.\n"


@pytest.fixture
def batch(seeds_dir: Path) -> tuple[list[Path], Path]:
    shutil.copy(SEED_FILE, seeds_dir / SEED_FILE.name)
    (seeds_dir / "biden.txt").write_text(ENGLISH, encoding="utf-8")
    (seeds_dir / "empty.txt").write_bytes(b"")
    return discover_files(seeds_dir), seeds_dir


def test_a_url_is_kept_and_a_path_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_shard_root("s3://bucket/shards/", Path("warehouse")) == "s3://bucket/shards"
    assert resolve_shard_root(None, Path("warehouse")) == str(tmp_path / "warehouse" / "shards")
    assert resolve_shard_root("../elsewhere", Path("warehouse")) == os.path.abspath(tmp_path.parent / "elsewhere")
    assert batch_location("s3://b/s", "r1", 12) == "s3://b/s/r1/batch-000012"
    assert batch_location("s3://b/s", "r1", 12).startswith(run_location("s3://b/s", "r1") + "/")


@pytest.mark.parametrize("kind", ["path", "file URL", "memory URL"])
def test_a_shard_comes_back_as_it_was_written(batch: tuple[list[Path], Path], tmp_path: Path, kind: str) -> None:
    """A local folder, a file:// URL and fsspec's in-memory store (a stand-in for s3:// and other object stores,
    reached through the same fsspec calls) all give the frames back."""
    import fsspec

    paths, seeds = batch
    shard = extract_shard(paths, load_settings().with_overrides(seeds_dir=seeds), NOTHING_KNOWN)
    assert shard.mentions.height >= 4 and shard.rejected.height == 1
    root = {"path": str(tmp_path / "shards"), "file URL": f"file://{tmp_path}/shards",
            "memory URL": f"memory://{tmp_path.name}/shards"}[kind]
    location = batch_location(root, "run", 0)
    write_shard(location, shard)
    back = read_shard(location)
    for name, frame in shard.frames().items():
        assert_frame_equal(getattr(back, name), frame)  # same rows, same types (lists, dates, timestamps)
    fs, folder = fsspec.core.url_to_fs(run_location(root, "run"))
    assert fs.exists(folder)
    remove_location(run_location(root, "run"))
    assert not fs.exists(folder)
    remove_location(run_location(root, "run"))  # nothing left: no error


def test_known_documents_are_not_extracted(batch: tuple[list[Path], Path], tmp_path: Path) -> None:
    paths, seeds = batch
    settings = load_settings().with_overrides(seeds_dir=seeds)
    everything = extract_shard(paths, settings, NOTHING_KNOWN)
    seed_id = everything.mentions.filter(pl.col("evidence").str.contains("Kiev"))["doc_id"][0]
    write_known(str(tmp_path / "run"), pl.Series([seed_id]))
    shard = extract_shard(paths, settings, read_known(str(tmp_path / "run")))
    assert shard.documents["doc_id"].sort().to_list() == everything.documents["doc_id"].sort().to_list()
    assert seed_id not in shard.mentions["doc_id"].to_list()
    assert shard.documents.filter(pl.col("doc_id") == seed_id)["lang"].to_list() == [None]
    assert_frame_equal(shard.mentions, everything.mentions.filter(pl.col("doc_id") != seed_id))


def test_the_writer_keeps_the_mentions_of_the_documents_it_loads(batch: tuple[list[Path], Path]) -> None:
    paths, seeds = batch
    shard = extract_shard(paths, load_settings().with_overrides(seeds_dir=seeds), NOTHING_KNOWN)
    todo = shard.documents.filter(pl.col("source_name") == "biden")
    mentions, references = of_documents(shard, todo)
    assert set(mentions["doc_id"]) == set(references["doc_id"]) == set(todo["doc_id"])
    assert mentions.height >= 1
    untagged = Shard(shard.documents.with_columns(pl.lit(None, pl.String).alias("lang")), shard.sources,
                     shard.mentions, shard.references, shard.rejected)
    with pytest.raises(RuntimeError, match="did not extract"):
        of_documents(untagged, untagged.documents)
