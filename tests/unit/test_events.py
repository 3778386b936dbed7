"""Events across documents: which mentions make one event, its id, date, counts and confidence."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from flows import EXTRACTOR_VERSION
from flows.events import EVENT_SCHEMA, build_events, event_links, rebuild_events, replace_events
from flows.ingest import discover_files, ingest
from flows.load import apply_schema, load_batch, one_row_per_mention, run_checks, stamp_batch
from flows.parallel import extract_documents
from tests import small_warehouse

DOCUMENTS = pl.DataFrame({
    "doc_id": ["a", "b", "c"],
    "source_name": ["doc_a", "doc_b", "doc_c"],
    "ingested_at": [small_warehouse.INGESTED + timedelta(hours=h) for h in (2, 1, 3)],
    "ref_date": [date(2023, 2, 21), date(2023, 2, 22), date(2023, 3, 1)],
})


def mention(mention_id: str, doc: str, lo: date | None, hi: date | None = None, kind: str = "visit",
            actor: str | None = "USA", target: str | None = "UKR", amount: float | None = None,
            currency: str | None = None, confidence: float = 0.8) -> dict[str, object]:
    hi = hi or lo
    return {
        "mention_id": mention_id, "doc_id": doc, "event_type": kind, "actor_country": actor,
        "target_country": target, "location": None, "event_date": lo + (hi - lo) / 2 if lo and hi else None,
        "date_min": lo, "date_max": hi, "date_precision": "unknown" if lo is None else "day" if lo == hi else "days",
        "date_basis": "test", "amount": amount, "currency": currency,
        "amount_usd": amount if currency == "USD" else None, "confidence": confidence,
        "evidence": f"evidence of {mention_id}",
    }


def events_of(*mentions: dict[str, object]) -> pl.DataFrame:
    return build_events(pl.DataFrame(list(mentions), schema_overrides={"amount": pl.Float64,
                                                                      "amount_usd": pl.Float64}), DOCUMENTS)


def groups(events: pl.DataFrame) -> list[list[str]]:
    return sorted(events["mention_ids"].to_list())


def test_overlapping_intervals_across_documents_are_one_event() -> None:
    events = events_of(mention("m1", "a", date(2023, 2, 20)),
                       mention("m2", "b", date(2023, 2, 1), date(2023, 2, 28), confidence=0.7))
    assert events.height == 1
    event = events.row(0, named=True)
    assert (event["num_mentions"], event["num_documents"]) == (2, 2)
    # the tightest interval gives the date; the earliest ingestion and publication are kept
    assert (event["event_date"], event["date_min"], event["date_max"]) == (date(2023, 2, 20),) * 3
    assert event["first_ingested_at"] == small_warehouse.INGESTED + timedelta(hours=1)
    assert event["first_reported"] == date(2023, 2, 21)
    assert event["confidence"] == pytest.approx(1 - 0.2 * 0.3)
    assert event["best_mention_id"] == "m1"
    assert (event["source_name"], event["evidence"]) == ("doc_a", "evidence of m1")


def test_disjoint_intervals_are_two_events_and_chains_are_one() -> None:
    apart = events_of(mention("m1", "a", date(2023, 2, 20)), mention("m2", "b", date(2023, 2, 22)))
    assert groups(apart) == [["m1"], ["m2"]]
    # m2 overlaps m1 and m3, m1 and m3 do not overlap: single linkage makes one event of the chain
    chained = events_of(mention("m1", "a", date(2023, 2, 1), date(2023, 2, 10)),
                        mention("m2", "b", date(2023, 2, 8), date(2023, 2, 15)),
                        mention("m3", "c", date(2023, 2, 14), date(2023, 2, 20)))
    assert groups(chained) == [["m1", "m2", "m3"]]


def test_type_actor_and_target_keep_events_apart() -> None:
    day = date(2023, 2, 20)
    events = events_of(mention("m1", "a", day), mention("m2", "b", day, kind="demarche"),
                       mention("m3", "b", day, actor="POL"), mention("m4", "c", day, target="MDA"))
    assert events.height == 4


@pytest.mark.parametrize(("second", "currency", "merged"), [
    (505e6, "USD", True),    # 1% apart
    (510e6, "USD", True),    # 2% of the larger amount: still within
    (520e6, "USD", False),   # 4% apart
    (500e6, "EUR", False),   # same figure, another currency
])
def test_pledge_amounts_agree_within_two_percent(second: float, currency: str, merged: bool) -> None:
    day = date(2023, 2, 20)
    events = events_of(mention("m1", "a", day, kind="pledge", amount=500e6, currency="USD"),
                       mention("m2", "b", day, kind="pledge", amount=second, currency=currency))
    assert events.height == (1 if merged else 2)


def test_pledge_event_takes_the_amount_of_its_most_confident_mention() -> None:
    day = date(2023, 2, 20)
    events = events_of(mention("m1", "a", day, kind="pledge", amount=500e6, currency="USD", confidence=0.6),
                       mention("m2", "b", day, kind="pledge", amount=505e6, currency="USD", confidence=0.9))
    assert events.select("amount", "currency", "amount_usd").row(0) == (505e6, "USD", 505e6)


def test_undated_mention_joins_the_only_dated_event_of_its_key() -> None:
    events = events_of(mention("m1", "a", date(2023, 2, 20)), mention("m2", "b", None))
    assert groups(events) == [["m1", "m2"]]
    assert events["event_date"].to_list() == [date(2023, 2, 20)]


def test_undated_mention_stays_apart_when_the_key_has_several_dated_events() -> None:
    events = events_of(mention("m1", "a", date(2023, 2, 20)), mention("m2", "b", date(2023, 5, 20)),
                       mention("m3", "c", None), mention("m4", "a", None))
    assert groups(events) == [["m1"], ["m2"], ["m3", "m4"]]
    undated = events.filter(pl.col("event_date").is_null()).row(0, named=True)
    assert undated["date_precision"] == "unknown"


def test_confidence_counts_each_document_once_and_is_capped() -> None:
    day = date(2023, 2, 20)
    same_document = events_of(mention("m1", "a", day, confidence=0.8), mention("m2", "a", day, confidence=0.5))
    assert same_document["confidence"].to_list() == [0.8]
    many = events_of(*[mention(f"m{n}", doc, day, confidence=0.9) for n, doc in enumerate("abc")])
    assert many["confidence"].to_list() == [0.99]


def test_event_id_is_sha256_of_the_key_and_the_smallest_mention_id() -> None:
    events = events_of(mention("m2", "b", date(2023, 2, 20)), mention("m1", "a", date(2023, 2, 20)))
    assert events["event_id"].to_list() == [hashlib.sha256(b"visit|USA|UKR|m1").hexdigest()]


MANY = [
    mention("m01", "a", date(2023, 2, 20)),
    mention("m02", "b", date(2023, 2, 1), date(2023, 2, 28)),
    mention("m03", "c", date(2023, 3, 5)),
    mention("m04", "c", None),
    mention("m05", "a", date(2023, 2, 20), kind="pledge", amount=500e6, currency="USD"),
    mention("m06", "b", date(2023, 2, 1), date(2023, 2, 28), kind="pledge", amount=505e6, currency="USD"),
    mention("m07", "b", date(2023, 2, 1), date(2023, 2, 28), kind="pledge", amount=2e9, currency="USD"),
    mention("m08", "c", None, kind="pledge", amount=2e9, currency="USD"),
    mention("m09", "a", date(2023, 2, 21), kind="demarche", actor="RUS", target="USA"),
    mention("m10", "c", date(2023, 2, 21), kind="demarche", actor="RUS", target=None),
]


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(MANY))), st.permutations(range(len(DOCUMENTS))))
def test_events_do_not_depend_on_row_order(mention_order: list[int], document_order: list[int]) -> None:
    expected = events_of(*MANY)
    shuffled = build_events(pl.DataFrame([MANY[i] for i in mention_order]), DOCUMENTS[document_order])
    assert_frame_equal(shuffled, expected)


def test_no_mentions_no_events() -> None:
    _, mentions = small_warehouse.frames()
    events = build_events(mentions.head(0), DOCUMENTS)
    assert events.schema == pl.Schema(EVENT_SCHEMA)
    assert events.is_empty()


def test_links_list_every_mention_once() -> None:
    events = events_of(*MANY)
    links = event_links(events)
    assert sorted(links["mention_id"].to_list()) == sorted(str(m["mention_id"]) for m in MANY)
    assert links.columns == ["event_id", "mention_id"]


def warehouse_events(path: Path, batches: list[tuple[str, ...]]) -> pl.DataFrame:
    """Load the small warehouse's documents batch by batch, rebuilding the events after each, as reruns do."""
    with duckdb.connect(str(path)) as con:
        apply_schema(con)
        for names in batches:
            documents, mentions = small_warehouse.frames(names)
            empty = pl.DataFrame(schema={"source_path": pl.String})
            load_batch(con, documents, empty, mentions, empty)
            rebuild_events(con)
        assert not any(run_checks(con).values())
        return con.sql("select * from events order by event_id").pl()


def test_event_ids_survive_reruns_and_the_order_files_arrive_in(tmp_path: Path) -> None:
    forward = warehouse_events(tmp_path / "forward.duckdb", [("d1",), ("d2",), ("d3", "d4")])
    backward = warehouse_events(tmp_path / "backward.duckdb", [("d4", "d3"), ("d2",), ("d1",), ("d1", "d2")])
    assert forward.height == 8
    assert_frame_equal(forward, backward)


def test_rebuild_replaces_events_and_links(tmp_path: Path) -> None:
    database = small_warehouse.build(tmp_path)
    with duckdb.connect(str(database)) as con:
        before = con.sql("select * from events order by event_id").pl()
        assert rebuild_events(con) == 8
        assert_frame_equal(con.sql("select * from events order by event_id").pl(), before)
        assert con.execute("select count(*) from event_links").fetchall() == [(10,)]
        # a document's mentions deleted: the rebuild forgets its events
        con.execute(f"delete from event_mentions where doc_id = '{small_warehouse.doc_id('d4')}'")
        assert rebuild_events(con) == 7
        assert run_checks(con)["event_links_consistent"] == 0


def test_replacing_events_leaves_exactly_the_new_ones_whatever_was_there(tmp_path: Path) -> None:
    """replace_events writes only the difference: a changed, a removed and a new event, and a moved link."""
    first = events_of(mention("m1", "a", date(2023, 2, 20)), mention("m2", "b", date(2023, 2, 20)),
                      mention("m3", "c", date(2023, 3, 1), kind="demarche", actor="RUS", target="USA"))
    # m2 leaves the USA->UKR visit for an event of its own (its day moves), m3's demarche goes, m4 is new
    second = events_of(mention("m1", "a", date(2023, 2, 20)), mention("m2", "b", date(2023, 2, 27)),
                       mention("m4", "c", date(2023, 3, 2), kind="pledge", actor="GBR", amount=1e8,
                               currency="GBP"))
    columns = [c for c in EVENT_SCHEMA if c != "mention_ids"]
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        apply_schema(con)
        for events in (first, second, second):
            replace_events(con, events)
            stored = con.sql(f"select {', '.join(columns)} from events").pl()
            assert_frame_equal(stored.sort("event_id"), events.select(columns).sort("event_id"),
                               check_dtypes=False)
            links = con.sql("select mention_id, event_id from event_links order by mention_id").pl()
            assert_frame_equal(links, event_links(events).select("mention_id", "event_id").sort("mention_id"))


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def loaded(con: duckdb.DuckDBPyConnection, documents: pl.DataFrame, references: pl.DataFrame,
           mentions: pl.DataFrame, run_id: str) -> None:
    """Load documents with their mentions as one run's batch."""
    stamped, _, _ = stamp_batch(documents, references, pl.DataFrame(schema={"source_path": pl.String}),
                                pl.DataFrame(schema={"source_path": pl.String}), run_id, EXTRACTOR_VERSION)
    empty = pl.DataFrame(schema={"source_path": pl.String})
    load_batch(con, stamped, empty, mentions.filter(pl.col("doc_id").is_in(documents["doc_id"].implode())), empty)


def stored_events(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, pl.DataFrame]:
    return (con.sql("select * from events order by event_id").pl(),
            con.sql("select * from event_links order by mention_id").pl())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_rebuilding_the_keys_a_run_touched_gives_the_events_of_a_whole_rebuild(tmp_path: Path) -> None:
    paths = discover_files(CORPUS)[:300]
    documents, _, _ = ingest(paths, CORPUS, 20 * 1024 * 1024, 500, detect_language=False)
    documents, mentions, references = extract_documents(documents, 500)
    mentions = one_row_per_mention(mentions)
    first, added, rewritten = documents[:200], documents[200:], documents[:40]
    # the second run re-extracts 40 documents: half lose their mentions, half see their actors change
    ids = rewritten["doc_id"]
    changed = (
        mentions.filter(~pl.col("doc_id").is_in(ids[:20].implode()))
        .with_columns(pl.when(pl.col("doc_id").is_in(ids[20:].implode()) & (pl.col("event_type") != "pledge"))
                      .then(pl.lit("MDA")).otherwise(pl.col("actor_country")).alias("actor_country"))
    )
    assert mentions.height > 200 and changed.height < mentions.height
    with duckdb.connect(str(tmp_path / "incremental.duckdb")) as con:
        apply_schema(con)
        loaded(con, first, references, mentions, "run1")
        rebuild_events(con)
        loaded(con, pl.concat([added, rewritten]), references, changed, "run2")
        assert rebuild_events(con, "run2") == con.execute("select count(*) from events").fetchall()[0][0]
        assert not any(run_checks(con).values())
        incremental = stored_events(con)
    with duckdb.connect(str(tmp_path / "whole.duckdb")) as con:
        apply_schema(con)
        loaded(con, documents, references, changed, "run1")
        rebuild_events(con)
        whole = stored_events(con)
    assert incremental[0].height > 100
    assert_frame_equal(incremental[0], whole[0])
    assert_frame_equal(incremental[1], whole[1])
