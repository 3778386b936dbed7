"""The timeline picture: one lane per type, one mark per dated event, a real PNG and an HTML page that works offline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
import vl_convert
from PIL import Image

from flows.cli import build_parser, main
from flows.plot import COLORS, MARK_OPACITY, read_events, timeline_chart, write_timeline
from tests import small_warehouse

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("warehouse")
    small_warehouse.build(folder)
    return folder


@pytest.fixture(scope="module")
def events(warehouse: Path) -> pl.DataFrame:
    with duckdb.connect(str(warehouse / "newsline.duckdb"), read_only=True) as con:
        return read_events(con)


def mark_items(node: Any) -> Iterator[dict[str, Any]]:
    """Every item of the data marks (role 'mark') in a Vega scenegraph."""
    if isinstance(node, dict):
        if node.get("role") == "mark" and node.get("marktype") == "symbol":
            yield from node.get("items", [])
            return
        for value in node.values():
            yield from mark_items(value)
    elif isinstance(node, list):
        for value in node:
            yield from mark_items(value)


def test_one_lane_per_type_and_one_mark_per_event(events: pl.DataFrame) -> None:
    scene = vl_convert.vegalite_to_scenegraph(timeline_chart(events).to_dict())
    items = list(mark_items(scene))
    assert len(items) == events.height == 8
    lanes = {item["fill"]: round(item["y"]) for item in items}
    assert set(lanes) == set(COLORS.values())
    assert len(set(lanes.values())) == 3, "each type on its own lane"
    # the USD value sets a pledge's area: $2 billion is drawn larger than $120 million
    pledges = sorted(item["size"] for item in items if item["fill"] == COLORS["pledge"])
    assert len(pledges) == 4 and pledges[0] < pledges[-1]


def test_only_the_types_present_get_a_lane(events: pl.DataFrame) -> None:
    spec = timeline_chart(events.filter(pl.col("event_type") != "demarche")).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["scale"]["domain"] == ["visit", "pledge"]
    items = list(mark_items(vl_convert.vegalite_to_scenegraph(spec)))
    assert len(items) == 6
    assert len({round(item["y"]) for item in items}) == 2


def test_undated_events_are_left_out_and_counted_in_the_subtitle(events: pl.DataFrame) -> None:
    undated = events.head(1).with_columns(pl.lit(None, dtype=pl.Date).alias("event_date"))
    spec = timeline_chart(pl.concat([events, undated])).to_dict()
    assert spec["title"]["subtitle"] == "8 events; 1 without a date not shown"
    assert len(list(mark_items(vl_convert.vegalite_to_scenegraph(spec)))) == 8


def test_hover_text_carries_the_evidence(events: pl.DataFrame) -> None:
    spec = timeline_chart(events).to_dict()
    fields = {t["field"] for t in spec["layer"][0]["encoding"]["tooltip"]}
    assert {"evidence", "source_name", "parties", "money", "reports", "confidence"} <= fields
    values = spec["data"]["values"] if "data" in spec else spec["datasets"][next(iter(spec["datasets"]))]
    assert "He pledged $500 million in aid." in {row["evidence"] for row in values}


def blended(color: str) -> tuple[int, int, int]:
    """A mark's colour drawn with MARK_OPACITY over the white background."""
    rgb = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return tuple(round(c * MARK_OPACITY + 255 * (1 - MARK_OPACITY)) for c in rgb)  # type: ignore[return-value]


def test_png_is_a_real_image_with_the_marks(events: pl.DataFrame, tmp_path: Path) -> None:
    html_path, png_path = write_timeline(events, tmp_path)
    data = png_path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    with Image.open(png_path) as image:
        image.verify()
    with Image.open(png_path) as image:
        width, height = image.size
        assert width > 900 and height > 200
        colors = image.convert("RGB").getcolors(maxcolors=width * height) or []
        counts = {pixel: n for n, pixel in colors if isinstance(pixel, tuple)}
    for kind, color in COLORS.items():
        target = blended(color)
        near = sum(n for pixel, n in counts.items() if max(abs(a - b) for a, b in zip(pixel, target, strict=True)) <= 3)
        assert near > 100, f"no {kind} marks drawn"
    page = html_path.read_text(encoding="utf-8")
    assert "He pledged $500 million in aid." in page
    assert "cdn.jsdelivr" not in page and "<script src=" not in page, "the page must open offline"


def test_newsline_plot_filters_and_writes_both_files(warehouse: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plots"
    assert main(["plot", "--warehouse", str(warehouse), "--out", str(out), "--type", "pledge",
                 "--since", "2023-02-16", "--until", "2023-03-31"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == ["3 events", str(out / "timeline.html"), str(out / "timeline.png")]
    assert (out / "timeline.png").read_bytes().startswith(PNG_SIGNATURE)


def test_read_events_filters(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse / "newsline.duckdb"), read_only=True) as con:
        assert read_events(con, "visit").height == 2
        assert read_events(con, since=date(2023, 3, 1)).height == 4


@pytest.mark.parametrize("command", ["plot", "serve"])
def test_new_commands_have_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, "--help"])
    assert exit_info.value.code == 0
    assert "--warehouse" in capsys.readouterr().out
