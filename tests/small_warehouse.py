"""A small warehouse written for the tests: four documents, ten event mentions, eight events.

Built directly from frames (no flow run, no Prefect), so the SQL queries, the plot and the notebook
can be tested on answers worked out by hand:

| event | mentions (doc) | why |
|---|---|---|
| visit USA->UKR 2023-02-20 | d1 (day), d2 (February) | intervals overlap |
| pledge USA->UKR 500M USD 2023-02-20 | d1 500M, d2 505M | within 2% |
| pledge USA->UKR 2B USD February | d2 | 4x the other pledge |
| demarche RUS->USA 2023-02-21 | d1 | |
| demarche RUS->USA 2023-03-04 | d3 | no overlap with the February one |
| visit POL->UKR 2023-03-01 | d3 | |
| pledge GBR->UKR 100M GBP 2023-03-03 | d3 | |
| pledge USA->UKR 300M USD 2023-03-10 | d4 | |
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from flows.events import rebuild_events
from flows.load import apply_schema, export_parquet, insert_frame
from flows.resolve import MENTION_COLUMNS, MENTION_SCHEMA

INGESTED = datetime(2026, 1, 1, 12, 0, 0)
FEBRUARY = (date(2023, 2, 1), date(2023, 2, 28))

# (doc, type, actor, target, best day, interval, precision, amount, currency, usd, confidence, sentence)
MentionSpec = tuple[str, str, str, str, date, tuple[date, date], str, float | None, str | None, float | None, float,
                    str]
MENTIONS: list[MentionSpec] = [
    ("d1", "visit", "USA", "UKR", date(2023, 2, 20), (date(2023, 2, 20),) * 2, "day", None, None, None, 0.9,
     "President Biden visited Kyiv on Monday."),
    ("d1", "pledge", "USA", "UKR", date(2023, 2, 20), (date(2023, 2, 20),) * 2, "day", 500e6, "USD", 500e6, 0.9,
     "He pledged $500 million in aid."),
    ("d1", "demarche", "RUS", "USA", date(2023, 2, 21), (date(2023, 2, 21),) * 2, "day", None, None, None, 0.8,
     "Moscow summoned the US ambassador on Tuesday."),
    ("d2", "visit", "USA", "UKR", date(2023, 2, 15), FEBRUARY, "month", None, None, None, 0.7,
     "Biden's trip to Ukraine surprised many."),
    ("d2", "pledge", "USA", "UKR", date(2023, 2, 15), FEBRUARY, "month", 505e6, "USD", 505e6, 0.6,
     "Washington promised some $505 million."),
    ("d2", "pledge", "USA", "UKR", date(2023, 2, 15), FEBRUARY, "month", 2e9, "USD", 2e9, 0.7,
     "A $2 billion package was also announced."),
    ("d3", "visit", "POL", "UKR", date(2023, 3, 1), (date(2023, 3, 1),) * 2, "day", None, None, None, 0.8,
     "The Polish president arrived in Kyiv on 1 March."),
    ("d3", "demarche", "RUS", "USA", date(2023, 3, 4), (date(2023, 3, 4),) * 2, "day", None, None, None, 0.8,
     "Russia handed a protest note to the US envoy on 4 March."),
    ("d3", "pledge", "GBR", "UKR", date(2023, 3, 3), (date(2023, 3, 3),) * 2, "day", 100e6, "GBP", 120e6, 0.85,
     "Britain pledged 100 million pounds on 3 March."),
    ("d4", "pledge", "USA", "UKR", date(2023, 3, 10), (date(2023, 3, 10),) * 2, "day", 300e6, "USD", 300e6, 0.9,
     "The US pledged another $300 million on 10 March."),
]
PUBLISHED = {"d1": date(2023, 2, 21), "d2": date(2023, 2, 22), "d3": date(2023, 3, 5), "d4": date(2023, 3, 11)}


def doc_id(name: str) -> str:
    return f"{name}-" + "0" * 61


def frames(names: tuple[str, ...] = ("d1", "d2", "d3", "d4")) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents, event_mentions) of the named documents, with texts that hold each mention's evidence."""
    docs: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    for name in names:
        text, sentence_idx = "", 0
        for n, (doc, kind, actor, target, day, (lo, hi), precision, amount, currency, usd, confidence,
                sentence) in enumerate(MENTIONS):
            if doc != name:
                continue
            start = len(text)
            text += sentence + " "
            sentence_idx += 1
            mentions.append({
                "mention_id": f"m{n:02d}" + "0" * 61, "doc_id": doc_id(name), "event_type": kind,
                "actor_name": actor, "actor_country": actor, "actor_basis": "test", "target_name": target,
                "target_country": target, "target_basis": "test", "location": None, "event_date": day,
                "date_min": lo, "date_max": hi, "date_precision": precision, "date_basis": "test",
                "amount": amount, "currency": currency, "amount_qualifier": None, "amount_usd": usd,
                "usd_rate_date": day if usd else None, "trigger": kind, "rule": "test", "evidence": sentence,
                "char_start": start, "char_end": start + len(sentence), "sentence_idx": sentence_idx,
                "confidence": confidence, "extractor_version": "test",
            })
        published = PUBLISHED[name]
        docs.append({
            "doc_id": doc_id(name), "source_name": name, "source_path": f"{name}.txt", "headline": name,
            "pub_date": published, "pub_precision": "day", "ref_date": published, "ref_min": published,
            "ref_max": published, "ref_basis": "header_day", "lang": "en", "lang_confidence": 1.0,
            "text": text.rstrip(), "n_chars": len(text.rstrip()), "warnings": [], "ingested_at": INGESTED,
            "extractor_version": "test", "extracted_at": INGESTED, "run_id": "test",
        })
    mention_frame = pl.DataFrame(mentions, schema=MENTION_SCHEMA).select(MENTION_COLUMNS)
    return pl.DataFrame(docs), mention_frame


def build(warehouse: Path, parquet: bool = False) -> Path:
    """The small warehouse in warehouse/newsline.duckdb (and its Parquet when asked); the database path."""
    warehouse.mkdir(parents=True, exist_ok=True)
    database = warehouse / "newsline.duckdb"
    documents, mentions = frames()
    with duckdb.connect(str(database)) as con:
        apply_schema(con)
        insert_frame(con, "documents", documents)
        insert_frame(con, "event_mentions", mentions)
        rebuild_events(con)
        if parquet:
            export_parquet(con, warehouse / "parquet")
    return database
