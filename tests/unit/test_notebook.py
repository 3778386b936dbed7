"""The example notebook runs top to bottom (nbclient, a real kernel) on a small warehouse's Parquet files."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from flows.settings import PROJECT_ROOT
from tests import small_warehouse

NOTEBOOK = PROJECT_ROOT / "flows" / "examples" / "timeline.ipynb"


def outputs(cell: nbformat.NotebookNode) -> str:
    return json.dumps(cell.get("outputs", []))


def shown(cell: nbformat.NotebookNode) -> str:
    """The plain text a cell showed."""
    return "".join(out.get("data", {}).get("text/plain", "") + out.get("text", "") for out in cell.outputs)


def test_example_notebook_executes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small_warehouse.build(tmp_path / "warehouse", parquet=True)
    (tmp_path / "warehouse" / "newsline.duckdb").unlink()  # the notebook reads only the Parquet files
    monkeypatch.setenv("NEWSLINE_WAREHOUSE", str(tmp_path / "warehouse"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(outputs(cell) != "[]" for cell in notebook.cells if cell.cell_type == "code"), \
        "commit the notebook without outputs"
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert not [out for cell in code for out in cell.outputs if out.output_type == "error"]
    assert {"'events'", "'event_links'", "'event_mentions'"} <= set(shown(code[0]).replace(",", " ").split())
    assert "shape: (8," in shown(code[1])  # Polars: the small warehouse's eight events
    assert "shape: (2," in shown(code[2])  # two donors
    assert "shape: (8, 6)" in shown(code[3])  # DuckDB: every event joined to its mentions
    charts = [cell for cell in code if "vegaEmbed" in outputs(cell)]
    assert len(charts) == 2
    assert "He pledged $500 million in aid." in outputs(charts[-1])  # the timeline's hover text
