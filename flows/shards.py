"""Shards: a batch's extracted frames as Parquet files, for runs whose batches are extracted on a Dask cluster.

A worker ingests and extracts one batch and writes its frames to <shard_root>/<run_id>/batch-<n>/<frame>.parquet,
on a local disk or at any fsspec URL (s3://... with s3fs installed); only the shard's location and a few counts
go back through the scheduler. The run's one writer reads the shards in batch order and loads them as it loads a
local batch. Everything here is a plain function of frames and locations; flows/pipeline.py holds the tasks.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import fsspec
import polars as pl

from flows.ingest import ingest
from flows.parallel import extract_documents
from flows.settings import Settings

DEFAULT_SHARD_FOLDER = "shards"  # below the warehouse when no shard root is given
KNOWN_FRAME = "known"  # <shard_root>/<run_id>/known.parquet: doc_ids this extractor version already extracted


@dataclass(frozen=True, slots=True)
class Shard:
    """One batch's frames as the writer loads them: every distinct document of the batch (those already
    extracted without language, mentions or reference), each file that held one, and the rejected files."""

    documents: pl.DataFrame
    sources: pl.DataFrame
    mentions: pl.DataFrame
    references: pl.DataFrame
    rejected: pl.DataFrame

    def frames(self) -> dict[str, pl.DataFrame]:
        """Frame name -> frame, in the order they are written."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class ShardReceipt:
    """What a worker sends back for a batch: where its shard is, and counts for the log."""

    batch: int
    location: str
    files: int
    documents: int
    extracted: int
    mentions: int
    rejected: int


def resolve_shard_root(shard_root: str | None, warehouse_dir: Path) -> str:
    """The shard root as every worker must name it: a URL as given, a local path made absolute (workers may run
    in another folder), WAREHOUSE/shards when none is given."""
    if shard_root and is_url(shard_root):
        return shard_root.rstrip("/")
    folder = Path(shard_root) if shard_root else warehouse_dir / DEFAULT_SHARD_FOLDER
    return os.path.abspath(folder)


def is_url(location: str) -> bool:
    """True for s3://bucket/x, file:///x and other fsspec URLs; False for a plain path."""
    return "://" in location


def run_location(shard_root: str, run_id: str) -> str:
    """<shard_root>/<run_id>: every shard of one run, deleted when the run ends."""
    return f"{shard_root.rstrip('/')}/{run_id}"


def batch_location(shard_root: str, run_id: str, batch: int) -> str:
    """<shard_root>/<run_id>/batch-<n>: one batch's frames (numbered so that a listing sorts in batch order)."""
    return f"{run_location(shard_root, run_id)}/batch-{batch:06d}"


def write_frames(location: str, frames: Mapping[str, pl.DataFrame]) -> None:
    """Each frame as <location>/<name>.parquet (a rewrite of the same batch replaces them)."""
    fs, folder = fsspec.core.url_to_fs(location)
    fs.makedirs(folder, exist_ok=True)
    for name, frame in frames.items():
        with fs.open(f"{folder}/{name}.parquet", "wb") as handle:
            frame.write_parquet(handle)


def read_frames(location: str, names: Sequence[str]) -> dict[str, pl.DataFrame]:
    """The named frames from <location>/<name>.parquet."""
    fs, folder = fsspec.core.url_to_fs(location)
    frames = {}
    for name in names:
        path = f"{folder}/{name}.parquet"
        try:
            with fs.open(path, "rb") as handle:
                frames[name] = pl.read_parquet(handle)
        except FileNotFoundError as exc:
            raise FileNotFoundError(
                f"no shard file {location}/{name}.parquet: the shard root must be storage that every Dask worker "
                f"and this process share (a shared folder at the same path, or an s3:// URL)") from exc
    return frames


def remove_location(location: str) -> None:
    """Delete a folder of shards with everything below it (nothing when it is not there)."""
    fs, folder = fsspec.core.url_to_fs(location)
    if fs.exists(folder):
        fs.rm(folder, recursive=True)


def write_shard(location: str, shard: Shard) -> None:
    """A batch's frames as Parquet files at location."""
    write_frames(location, shard.frames())


def read_shard(location: str) -> Shard:
    """The frames a worker wrote at location."""
    return Shard(**read_frames(location, [f.name for f in fields(Shard)]))


def write_known(location: str, doc_ids: pl.Series) -> None:
    """The doc_ids already extracted by this extractor version, for workers to skip."""
    write_frames(location, {KNOWN_FRAME: doc_ids.alias("doc_id").to_frame()})


@lru_cache(maxsize=2)
def read_known(location: str) -> pl.Series:
    """The run's known doc_ids (read once per worker process and run: the file never changes during a run)."""
    return read_frames(location, [KNOWN_FRAME])[KNOWN_FRAME]["doc_id"]


def extract_shard(paths: list[Path], settings: Settings, known: pl.Series) -> Shard:
    """Ingest a batch of files and extract the documents not in known, in this process (the ones this extractor
    version has already extracted keep null language columns and get no mentions: the writer skips them)."""
    documents, sources, rejected = ingest(paths, settings.seeds_dir, settings.max_file_bytes,
                                          settings.language_sample_chars, detect_language=False)
    is_known = pl.col("doc_id").is_in(known.implode())
    tagged, mentions, references = extract_documents(documents.filter(~is_known), settings.language_sample_chars)
    return Shard(pl.concat([tagged, documents.filter(is_known)]), sources, mentions, references, rejected)


def receipt(batch: int, location: str, files: int, shard: Shard) -> ShardReceipt:
    """The counts a worker reports for its shard."""
    extracted = int(shard.documents["lang"].is_not_null().sum())
    return ShardReceipt(batch, location, files, shard.documents.height, extracted, shard.mentions.height,
                        shard.rejected.height)


def of_documents(shard: Shard, todo: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mentions, references) of the documents to load; the others were extracted before (by an earlier run, or
    by an earlier batch of this run: the writer's look-up is the one that counts)."""
    if todo["lang"].null_count():
        missing = todo.filter(pl.col("lang").is_null())["doc_id"].head(3).to_list()
        raise RuntimeError(f"a shard holds documents to load that its worker did not extract: {missing}")
    wanted = pl.col("doc_id").is_in(todo["doc_id"].implode())
    return shard.mentions.filter(wanted), shard.references.filter(wanted)
