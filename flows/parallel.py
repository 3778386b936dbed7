"""Extraction of a batch, in this process or split over worker processes.

Everything from language detection to resolved mentions depends on one document at a time, so a batch
splits by documents and the parts' rows are the same as the whole's. The rules are Python and hold the
GIL: threads would not help, processes do (one per core). Workers are spawned, not forked, because the
flow's process runs Prefect's threads, and they live for the whole run so that each loads the lexicons,
the gazetteer and the ECB rates once.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat

import polars as pl

from flows.extract import extract_mentions
from flows.ingest import tag_languages
from flows.resolve import resolve_mentions
from flows.segment import split_sentences

# Below this much text a batch runs in the calling process: starting workers (imports, lexicons, gazetteers in
# each) and shipping the batch cost more than the second core saves. On two idle cores a rerun of 100,000 bench
# documents with 1,000 new ones (3.2 MB) took 4.7-5.5 s of work over two new workers and 5.4-6.8 s in process
# (four trials each); on cores shared with other work the process won (4.7-5.3 s against 6.2-10 s).
MIN_PARALLEL_BYTES = 1_000_000

_pool: ProcessPoolExecutor | None = None
_pool_workers = 0


def worker_count(setting: int) -> int:
    """Worker processes for a setting: 0 means one per core this process may use."""
    if setting > 0:
        return setting
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_documents(documents: pl.DataFrame, sample_chars: int) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(documents with their language, resolved mentions, publication references) of some documents."""
    tagged = tag_languages(documents, sample_chars)
    raw = extract_mentions(tagged, split_sentences(tagged))
    mentions, references = resolve_mentions(raw, tagged)
    return tagged, mentions, references


def split_by_text(documents: pl.DataFrame, parts: int) -> list[pl.DataFrame]:
    """Consecutive slices holding about the same amount of text each (work grows with text, not documents)."""
    cumulative = pl.col("text").str.len_bytes().cast(pl.Int64).cum_sum()
    share = (cumulative * parts // (cumulative.max() + 1)).clip(upper_bound=parts - 1).alias("share")
    shares = documents.select(share)["share"]
    return [documents.filter(shares == n) for n in range(parts) if (shares == n).any()]


def shutdown_pool() -> None:
    """Stop the worker processes (the next parallel batch starts new ones)."""
    global _pool, _pool_workers
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
    _pool, _pool_workers = None, 0


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """The run's pool of worker processes, started on first use."""
    global _pool, _pool_workers
    if _pool is None or _pool_workers != workers:
        shutdown_pool()
        _pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        _pool_workers = workers
        atexit.register(shutdown_pool)
    return _pool


def extract_batch(documents: pl.DataFrame, sample_chars: int, workers: int,
                  min_bytes: int = MIN_PARALLEL_BYTES) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """extract_documents over worker processes when there are several and the batch holds enough text (the work
    grows with the text, not with the number of documents)."""
    if workers <= 1 or documents["text"].str.len_bytes().sum() < min_bytes:
        return extract_documents(documents, sample_chars)
    parts = split_by_text(documents, workers)
    results = list(worker_pool(workers).map(extract_documents, parts, repeat(sample_chars)))
    return (pl.concat([r[0] for r in results]), pl.concat([r[1] for r in results]),
            pl.concat([r[2] for r in results]))
