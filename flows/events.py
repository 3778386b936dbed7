"""Events across documents: event mentions (one row per event per document) -> canonical events.

Mentions of the same type, actor and target whose date intervals overlap (and, for pledges, whose
amounts agree within 2% in the same currency) are one event. Clustering is single-linkage on sorted
columns, so it is O(mentions log mentions) in Polars with no pairwise comparison; the result depends
only on the set of mentions, never on their order or on the order in which files arrived.
"""

from __future__ import annotations

import hashlib

import duckdb
import polars as pl

from flows.load import registered

AMOUNT_TOLERANCE = 0.02
MAX_CONFIDENCE = 0.99
KEY = ("event_type", "actor_country", "target_country")

EVENT_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "event_id": pl.String, "event_type": pl.String, "actor_country": pl.String, "target_country": pl.String,
    "location": pl.String, "event_date": pl.Date, "date_min": pl.Date, "date_max": pl.Date,
    "date_precision": pl.String, "date_basis": pl.String, "amount": pl.Float64, "currency": pl.String,
    "amount_usd": pl.Float64, "num_mentions": pl.Int32, "num_documents": pl.Int32,
    "first_ingested_at": pl.Datetime("us"), "first_reported": pl.Date, "confidence": pl.Float64,
    "best_mention_id": pl.String, "source_name": pl.String, "evidence": pl.String,
    "mention_ids": pl.List(pl.String),
}

# no evidence: the clustering never reads it, and for a million mentions it is 150 MB (see with_evidence)
EVENT_INPUTS_SQL = """
select m.mention_id, m.doc_id, m.event_type, m.actor_country, m.target_country, m.location, m.event_date,
       m.date_min, m.date_max, m.date_precision, m.date_basis, m.amount, m.currency, m.amount_usd, m.confidence
from event_mentions as m
"""
DOCUMENT_INPUTS_SQL = "select doc_id, source_name, ingested_at, ref_date from documents"
# The keys whose events a run may have changed: those of the mentions of the documents it wrote, and those of the
# events that linked a mention it rewrote or removed (a mention can change key or vanish when its document is
# re-extracted). Events are clustered per key, so every other key's events are the same as before the run.
TOUCHED_KEYS_SQL = """
with written as (
    select m.mention_id, m.event_type, m.actor_country, m.target_country
    from event_mentions as m
    semi join documents as d on d.doc_id = m.doc_id and d.run_id = $run_id
),

stale_links as (
    select l.event_id
    from event_links as l
    where l.mention_id in (select mention_id from written)
       or l.mention_id not in (select mention_id from event_mentions)
),

final as (
    select event_type, actor_country, target_country from written
    union
    select e.event_type, e.actor_country, e.target_country
    from events as e
    semi join stale_links as s using (event_id)
)

select * from final
"""
# a key's columns may be null (an actor not found): compared with "is not distinct from" so that null keys match
SAME_KEY = " and ".join(f"{{row}}.{c} is not distinct from k.{c}" for c in KEY)


def event_id(event_type: str, actor: str | None, target: str | None, first_mention_id: str) -> str:
    """sha256 of the event's key and its smallest mention_id: the same set of mentions, the same id."""
    key = "|".join((event_type, actor or "", target or "", first_mention_id))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def amount_groups(mentions: pl.DataFrame) -> pl.DataFrame:
    """Add `amount_group`: pledges of one key whose sorted amounts chain within 2% (same currency) share one.

    Visits and demarches, and pledges without an amount, form one group per key.
    """
    pledge = pl.col("event_type") == "pledge"
    grouping = [*KEY, "group_currency", "group_amount"]
    ordered = (
        mentions
        .with_columns(
            pl.when(pledge).then(pl.col("currency")).alias("group_currency"),
            pl.when(pledge).then(pl.col("amount")).alias("group_amount"),
        )
        .sort([*grouping, "mention_id"], nulls_last=False)
    )
    same_key = pl.all_horizontal(pl.col(c).eq_missing(pl.col(c).shift(1)) for c in (*KEY, "group_currency"))
    previous = pl.col("group_amount").shift(1)
    amount_break = (
        ~same_key
        | (pl.col("group_amount").is_null() != previous.is_null())
        | (pl.col("group_amount") - previous > AMOUNT_TOLERANCE * pl.col("group_amount")).fill_null(False)
    )
    return (
        ordered
        .with_columns(amount_break.alias("amount_break"))
        .with_columns(pl.col("amount_break").cum_sum().alias("amount_group"))
        .drop("group_currency", "group_amount", "amount_break")
    )


def chain_dates(dated: pl.DataFrame) -> pl.DataFrame:
    """Add `cluster`: within an amount group, sorted intervals that overlap the chain so far share one."""
    ordered = dated.sort("amount_group", "date_min", "date_max", "mention_id")
    reach = pl.col("date_max").cum_max().over("amount_group")
    return (
        ordered
        .with_columns(reach.shift(1).over("amount_group").alias("previous_reach"))
        .with_columns(
            (pl.col("previous_reach").is_null() | (pl.col("date_min") > pl.col("previous_reach"))).alias("new_event"))
        .with_columns(pl.col("new_event").cum_sum().cast(pl.Int64).alias("cluster"))
        .drop("previous_reach", "new_event")
    )


def place_undated(undated: pl.DataFrame, dated: pl.DataFrame) -> pl.DataFrame:
    """Add `cluster` to mentions without a date interval.

    They join the dated event of their key and amount group only when there is exactly one; otherwise
    they form one event of their own per key and amount group (negative ids keep them apart).
    """
    only_event = (
        dated.group_by("amount_group")
        .agg(pl.col("cluster").unique().alias("clusters"))
        .filter(pl.col("clusters").list.len() == 1)
        .select("amount_group", pl.col("clusters").list.first().alias("only_cluster"))
    )
    return (
        undated.join(only_event, on="amount_group", how="left")
        .with_columns(pl.coalesce("only_cluster", -pl.col("amount_group").cast(pl.Int64) - 1).alias("cluster"))
        .drop("only_cluster")
    )


def assign_clusters(mentions: pl.DataFrame) -> pl.DataFrame:
    """Each mention with the `cluster` (an arbitrary integer) of the event it belongs to."""
    grouped = amount_groups(mentions)
    has_interval = pl.col("date_min").is_not_null() & pl.col("date_max").is_not_null()
    dated = chain_dates(grouped.filter(has_interval))
    undated = place_undated(grouped.filter(~has_interval), dated)
    return pl.concat([dated, undated], how="vertical")


def build_events(mentions: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Canonical events (EVENT_SCHEMA, one row each, `mention_ids` listing their mentions) from event mentions.

    mentions: event_mentions rows; documents: doc_id, source_name, ingested_at, ref_date. Without an evidence
    column in mentions, the events' evidence is null (with_evidence fills it in).
    """
    if mentions.is_empty():
        return pl.DataFrame(schema=EVENT_SCHEMA)
    members = assign_clusters(
        mentions.join(documents.select("doc_id", "source_name", "ingested_at", "ref_date"), on="doc_id", how="inner")
    ).with_columns(
        (pl.col("date_max") - pl.col("date_min")).dt.total_days().fill_null(10**6).alias("interval_days"),
    )
    # independent evidence: the strongest mention of each document counts once
    per_document = (
        members.group_by("cluster", "doc_id")
        .agg(pl.col("confidence").max().alias("document_confidence"))
        .group_by("cluster")
        .agg((1 - (1 - pl.col("document_confidence")).product()).alias("confidence"))
    )
    best = ["confidence", "interval_days", "mention_id"]  # most confident, then best dated, then smallest id
    best_order = [True, False, False]
    tightest = ["interval_days", "confidence", "mention_id"]
    priced = pl.col("amount").is_not_null()
    events = (
        members.group_by("cluster")
        .agg(
            *[pl.col(c).first() for c in KEY],
            pl.col("location").sort_by([pl.col("location").is_null(), *best], descending=[False, *best_order]).first(),
            *[pl.col(c).sort_by(tightest, descending=[False, True, False]).first()
              for c in ("event_date", "date_min", "date_max", "date_precision", "date_basis")],
            *[pl.col(c).sort_by([~priced, *best], descending=[False, *best_order]).first()
              for c in ("amount", "currency", "amount_usd")],
            pl.len().cast(pl.Int32).alias("num_mentions"),
            pl.col("doc_id").n_unique().cast(pl.Int32).alias("num_documents"),
            pl.col("ingested_at").min().alias("first_ingested_at"),
            pl.col("ref_date").min().alias("first_reported"),
            *[pl.col(c).sort_by(best, descending=best_order).first().alias(name)
              for c, name in (("mention_id", "best_mention_id"), ("source_name", "source_name"),
                              ("evidence", "evidence")) if c in members.columns],
            pl.col("mention_id").sort().alias("mention_ids"),
        )
        .join(per_document, on="cluster")
        .with_columns(
            pl.col("confidence").clip(upper_bound=MAX_CONFIDENCE).round(3),
            pl.struct(*KEY, pl.col("mention_ids").list.first().alias("first_mention"))
            .map_elements(lambda k: event_id(k["event_type"], k["actor_country"], k["target_country"],
                                             k["first_mention"]), return_dtype=pl.String)
            .alias("event_id"),
        )
    )
    return (
        events.select([pl.col(name).cast(dtype) if name in events.columns else pl.lit(None, dtype).alias(name)
                       for name, dtype in EVENT_SCHEMA.items()])
        .sort("event_date", "event_type", "event_id", nulls_last=True)
    )


def event_links(events: pl.DataFrame) -> pl.DataFrame:
    """(event_id, mention_id): which event each mention belongs to."""
    return events.select("event_id", "mention_ids").explode("mention_ids").rename({"mention_ids": "mention_id"})


def read_event_inputs(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mentions, documents) as build_events needs them, in one read each."""
    return con.sql(EVENT_INPUTS_SQL).pl(), con.sql(DOCUMENT_INPUTS_SQL).pl()


def touched_keys(con: duckdb.DuckDBPyConnection, run_id: str) -> pl.DataFrame:
    """The (event_type, actor_country, target_country) keys whose events run_id's loads may have changed."""
    return con.sql(TOUCHED_KEYS_SQL, params={"run_id": run_id}).pl()


def read_key_inputs(con: duckdb.DuckDBPyConnection, keys: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mentions, documents) as build_events needs them, for the mentions of these keys only."""
    with registered(con, "wanted_keys", keys.select(KEY)):
        mentions = con.sql(f"{EVENT_INPUTS_SQL} semi join wanted_keys as k on {SAME_KEY.format(row='m')}").pl()
    with registered(con, "wanted_docs", mentions.select("doc_id").unique()):
        documents = con.sql(f"select * from ({DOCUMENT_INPUTS_SQL}) semi join wanted_docs using (doc_id)").pl()
    return mentions, documents


def replace_events(con: duckdb.DuckDBPyConnection, events: pl.DataFrame, keys: pl.DataFrame | None = None) -> None:
    """Make the events and event_links tables hold exactly these events, in one transaction; with keys, these
    are the events of those keys only, and the events of every other key stay as they are.

    Only the rows that differ are deleted and inserted: after a run over a few new files nearly every event and
    link is the same, and rewriting 70,000 links cost a second of index upkeep and WAL per run.
    """
    columns = [c for c in EVENT_SCHEMA if c != "mention_ids"]
    listed = ", ".join(columns)
    replaced = "events" if keys is None else f"(select * from events as e semi join wanted_keys as k on " \
                                             f"{SAME_KEY.format(row='e')})"
    key_frame = keys.select(KEY) if keys is not None else pl.DataFrame(schema={c: pl.String for c in KEY})
    con.execute("begin transaction")
    try:
        with registered(con, "incoming_events", events.select(columns)), \
                registered(con, "incoming_links", event_links(events)), registered(con, "wanted_keys", key_frame):
            # links first, while the events they point at still say their key; a link of another key's event
            # stays (a mention that left a key is rewritten or removed, and both touch its old key)
            con.execute(f"delete from event_links l where l.event_id in (select event_id from {replaced}) "
                        "and not exists (select 1 from incoming_links i "
                        "where i.mention_id = l.mention_id and i.event_id = l.event_id)")
            # a row equal in every column (nulls equal to nulls, as in EXCEPT) stays
            con.execute(f"delete from events where event_id in (select event_id from "
                        f"(select {listed} from {replaced} except select {listed} from incoming_events))")
            con.execute("insert into events by name select * from incoming_events i "
                        "where i.event_id not in (select event_id from events)")
            con.execute("insert into event_links by name select * from incoming_links i "
                        "where i.mention_id not in (select mention_id from event_links)")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def with_evidence(con: duckdb.DuckDBPyConnection, events: pl.DataFrame) -> pl.DataFrame:
    """The events with the evidence of their best mention, read from the warehouse for those mentions only."""
    with registered(con, "best_mentions", events.select(pl.col("best_mention_id").alias("mention_id"))):
        evidence = con.sql("select mention_id as best_mention_id, evidence from event_mentions "
                           "semi join best_mentions using (mention_id)").pl()
    return (events.drop("evidence").join(evidence, on="best_mention_id", how="left", maintain_order="left")
            .select(events.columns))


def rebuild_events(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> int:
    """Rebuild every event from every mention in the warehouse; the number of events.

    With run_id (the caller vouches that the events matched the mentions before that run's loads), only the
    events of the keys that run touched are rebuilt: the same events as a whole rebuild, for the cost of the
    run's share of the mentions.
    """
    if run_id is None:
        mentions, documents = read_event_inputs(con)
        events = with_evidence(con, build_events(mentions, documents))
        replace_events(con, events)
        return events.height
    keys = touched_keys(con, run_id)
    mentions, documents = read_key_inputs(con, keys)
    replace_events(con, with_evidence(con, build_events(mentions, documents)), keys)
    return int(con.execute("select count(*) from events").fetchall()[0][0])


def newest_events_markdown(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[str]:
    """A markdown table of the newest events, for the run's Prefect artifact."""
    rows = con.execute(
        "select event_date, event_type, actor_country, target_country, amount, currency, num_mentions, "
        "num_documents, confidence, source_name from events order by event_date desc nulls last, event_id "
        "limit ?", [limit]).fetchall()
    lines = ["| date | type | actor | target | amount | mentions | documents | confidence | source |",
             "|---|---|---|---|---|---|---|---|---|"]
    for day, kind, actor, target, amount, currency, mentions, documents, confidence, source in rows:
        money = f"{amount:,.0f} {currency}" if amount else ""
        lines.append(f"| {day} | {kind} | {actor} | {target} | {money} | {mentions} | {documents} | "
                     f"{confidence:.2f} | {source} |")
    return lines
