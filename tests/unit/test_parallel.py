"""Extraction split over worker processes gives the rows of one process."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from flows.ingest import discover_files, ingest
from flows.parallel import extract_batch, shutdown_pool, split_by_text, worker_count

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def corpus_documents(limit: int) -> pl.DataFrame:
    paths = discover_files(CORPUS)[:limit]
    documents, _, rejected = ingest(paths, CORPUS, 20 * 1024 * 1024, 500, detect_language=False)
    assert rejected.is_empty()
    return documents


def test_split_by_text_keeps_order_and_balances_text() -> None:
    texts = ["a" * 100] * 6 + ["b" * 600]
    documents = pl.DataFrame({"doc_id": [str(n) for n in range(7)], "text": texts})
    parts = split_by_text(documents, 2)
    assert pl.concat(parts).equals(documents)
    assert [p["doc_id"].to_list() for p in parts] == [["0", "1", "2", "3", "4", "5"], ["6"]]
    assert split_by_text(documents.head(1), 3)[0].equals(documents.head(1))


def test_worker_count_defaults_to_the_cores() -> None:
    assert worker_count(3) == 3
    assert 1 <= worker_count(0) <= (__import__("os").cpu_count() or 1)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_two_worker_processes_give_the_rows_of_one() -> None:
    documents = corpus_documents(400)
    alone = extract_batch(documents, 500, workers=1)
    try:
        split = extract_batch(documents, 500, workers=2, min_bytes=1)
    finally:
        shutdown_pool()
    assert split[1].height > 50  # the corpus holds events: the comparison is not of two empty frames
    assert {"nl", "en", "ru"} <= set(split[0]["lang"].to_list())
    for one, two in zip(alone, split, strict=True):
        assert one.sort(pl.all()).equals(two.sort(pl.all()))
