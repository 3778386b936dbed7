"""The flow builds the events after its loads: in DuckDB and Parquet, stable across reruns, with progress and an
artifact."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.pipeline import newsline_etl

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b373e813eec3824c.txt"


def events(warehouse: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse / "newsline.duckdb"), read_only=True) as con:
        return con.execute("select event_id, event_type, num_mentions, num_documents, confidence from events "
                           "order by event_id").fetchall()


def test_flow_builds_events_and_keeps_their_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds, warehouse = tmp_path / "seeds", tmp_path / "warehouse"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    counts = newsline_etl(seeds=str(seeds), warehouse=str(warehouse), show_progress=True)
    first = events(warehouse)
    assert counts["events"] == len(first) == counts["mentions_written"] == 4
    progress = capsys.readouterr().err.splitlines()
    assert any(line.startswith("files 1/1 (100%) · documents 1 · event mentions 4 · events 4") for line in progress)
    # a second copy of the text under another name is the same document: same events, same ids
    shutil.copy(SEED, seeds / "copy.txt")
    newsline_etl(seeds=str(seeds), warehouse=str(warehouse))
    assert events(warehouse) == first
    exported = pl.read_parquet(warehouse / "parquet" / "events" / "*.parquet")
    assert sorted(exported["event_id"].to_list()) == [row[0] for row in first]
    links = pl.read_parquet(warehouse / "parquet" / "event_links" / "*.parquet")
    assert links.height == 4


def test_flow_run_leaves_a_markdown_artifact(tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    newsline_etl(seeds=str(seeds), warehouse=str(tmp_path / "warehouse"))
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["newsline-run"])),
                                          sort=ArtifactSort.CREATED_DESC, limit=1)
    markdown = str(artifacts[0].data)
    assert f"`{seeds}`" in markdown
    assert "| events | 4 |" in markdown
    assert "## Newest events" in markdown
    assert "| 2023-02-24 | pledge | USA | UKR | 2,000,000,000 USD | 1 | 1 |" in markdown

