"""Loading a batch: all or nothing, and a failure reported as itself."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows import EXTRACTOR_VERSION
from flows.ingest import ingest
from flows.load import apply_schema, connect, load_batch, stamp_batch
from flows.parallel import extract_documents

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_a_failed_batch_raises_its_own_error_leaves_nothing_and_the_connection_loads_again(tmp_path: Path) -> None:
    documents, sources, rejected = ingest(sorted(SEEDS.glob("*.txt")), SEEDS, 10**7, 500, detect_language=False)
    todo, mentions, references = extract_documents(documents, 500)
    stamped, stamped_sources, stamped_rejected = stamp_batch(todo, references, sources, rejected, "run-1",
                                                             EXTRACTOR_VERSION)
    assert mentions.height > 0
    with connect(tmp_path / "newsline.duckdb") as con:
        apply_schema(con)
        # the same document twice in one batch breaks the primary key half way through the transaction
        with pytest.raises(duckdb.ConstraintException, match="duplicate key"):
            load_batch(con, pl.concat([stamped, stamped]), stamped_sources, mentions, stamped_rejected)
        for table in ("documents", "event_mentions", "document_sources"):
            assert con.execute(f"select count(*) from {table}").fetchall() == [(0,)], table
        load_batch(con, stamped, stamped_sources, mentions, stamped_rejected)
        assert con.execute("select count(*) from documents").fetchall() == [(stamped.height,)]
        assert con.execute("select count(*) from event_mentions").fetchall() == [(mentions.height,)]
