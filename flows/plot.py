"""The timeline picture: one lane per event type, pledges sized by USD, the evidence on hover.

One Vega-Lite spec (Altair) gives both files: an interactive HTML page with the JavaScript inlined
(it opens offline) and a PNG rendered by vl-convert (no browser needed).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import altair as alt
import duckdb
import polars as pl
import vl_convert

EVENT_TYPES = ("visit", "demarche", "pledge")
COLORS = {"visit": "#1f77b4", "demarche": "#d62728", "pledge": "#2ca02c"}
MARK_OPACITY = 0.8
POINT_SIZE = 70
PLEDGE_SIZES = (40, 1600)  # area of the smallest and the largest pledge, in square pixels
EVIDENCE_CHARS = 240
LANE_HEIGHT = 70
WIDTH = 900

# January ticks show the year, other ticks the month: the axis reads well over weeks and over decades
YEAR_OR_MONTH = "utcmonth(datum.value) == 0 ? utcFormat(datum.value, '%Y') : utcFormat(datum.value, '%b')"

EVENTS_SQL = """
select event_id, event_type, actor_country, target_country, event_date, date_min, date_max, date_precision,
       amount, currency, amount_usd, num_mentions, num_documents, confidence, source_name, evidence
from events
where ($type is null or event_type = $type)
  and ($since is null or event_date >= $since)
  and ($until is null or event_date <= $until)
order by event_date nulls last, event_type, event_id
"""


def read_events(con: duckdb.DuckDBPyConnection, event_type: str | None = None, since: date | None = None,
                until: date | None = None) -> pl.DataFrame:
    """The events to draw, filtered by type and dates."""
    return con.sql(EVENTS_SQL, params={"type": event_type, "since": since, "until": until}).pl()


def chart_rows(events: pl.DataFrame) -> pl.DataFrame:
    """Dated events with the text shown on hover (dates as ISO strings: Vega reads them as UTC days)."""
    money = (
        pl.when(pl.col("amount").is_not_null())
        .then(pl.format("{} {} (≈ {} USD)", pl.col("amount").round(0).cast(pl.Int64), pl.col("currency"),
                        pl.col("amount_usd").round(0).cast(pl.Int64)))
        .otherwise(pl.lit(""))
    )
    return (
        events.filter(pl.col("event_date").is_not_null())
        .with_columns(
            pl.col("event_date").dt.to_string("%Y-%m-%d").alias("day"),
            pl.format("{} → {}", pl.col("actor_country").fill_null("?"), pl.col("target_country").fill_null("?"))
            .alias("parties"),
            pl.format("{} .. {} ({})", pl.col("date_min"), pl.col("date_max"), pl.col("date_precision"))
            .alias("when"),
            money.alias("money"),
            pl.col("amount_usd").fill_null(0.0).alias("size_usd"),
            pl.format("{} mention(s) in {} document(s)", pl.col("num_mentions"), pl.col("num_documents"))
            .alias("reports"),
            pl.col("evidence").str.slice(0, EVIDENCE_CHARS).alias("evidence"),
        )
        .select("event_id", "event_type", "day", "parties", "when", "money", "size_usd", "amount_usd", "reports",
                "confidence", "source_name", "evidence")
    )


def timeline_chart(events: pl.DataFrame, title: str = "newsline timeline") -> alt.LayerChart | alt.FacetChart:
    """Events on a time axis, one lane per type present; pledges' area proportional to their USD value."""
    rows = chart_rows(events)
    present = [t for t in EVENT_TYPES if t in set(rows["event_type"].to_list())]
    undated = events.height - rows.height
    subtitle = f"{rows.height} events" + (f"; {undated} without a date not shown" if undated else "")
    tooltip = [
        alt.Tooltip("day:N", title="date"), alt.Tooltip("when:N", title="interval"),
        alt.Tooltip("event_type:N", title="type"), alt.Tooltip("parties:N", title="actor → target"),
        alt.Tooltip("money:N", title="amount"), alt.Tooltip("reports:N", title="reported"),
        alt.Tooltip("confidence:Q", format=".2f"), alt.Tooltip("source_name:N", title="source"),
        alt.Tooltip("evidence:N"),
    ]
    base = alt.Chart(alt.Data(values=rows.to_dicts())).encode(
        x=alt.X("day:T", title=None, scale=alt.Scale(type="utc"), axis=alt.Axis(labelAngle=0, labelExpr=YEAR_OR_MONTH)),
        y=alt.Y("event_type:N", title=None, sort=present, scale=alt.Scale(domain=present)),
        color=alt.Color("event_type:N", title="type",
                        scale=alt.Scale(domain=present, range=[COLORS[t] for t in present])),
        tooltip=tooltip,
    )
    others = base.transform_filter(alt.datum.event_type != "pledge").mark_circle(
        size=POINT_SIZE, opacity=MARK_OPACITY)
    pledges = base.transform_filter(alt.datum.event_type == "pledge").mark_circle(opacity=MARK_OPACITY).encode(
        size=alt.Size("size_usd:Q", title="pledged USD", scale=alt.Scale(type="sqrt", range=list(PLEDGE_SIZES)),
                      legend=alt.Legend(tickCount=3, labelExpr="replace(format(datum.value, '$.2s'), 'G', 'B')")))
    return (
        alt.layer(others, pledges)
        .properties(title=alt.TitleParams(title, subtitle=subtitle, anchor="start"), width=WIDTH,
                    height=LANE_HEIGHT * max(1, len(present)))
        .interactive(bind_y=False)
    )


def write_timeline(events: pl.DataFrame, out_dir: Path, name: str = "timeline",
                   title: str = "newsline timeline") -> tuple[Path, Path]:
    """(HTML page, PNG) of the timeline in out_dir; the page works offline."""
    out_dir.mkdir(parents=True, exist_ok=True)
    spec = timeline_chart(events, title).to_dict()
    html_path, png_path = out_dir / f"{name}.html", out_dir / f"{name}.png"
    html_path.write_text(vl_convert.vegalite_to_html(spec, bundle=True), encoding="utf-8")
    png_path.write_bytes(vl_convert.vegalite_to_png(spec, scale=2))
    return html_path, png_path
