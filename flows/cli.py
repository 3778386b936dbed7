"""newsline command line: run or serve the flow, read and plot the timeline, query the warehouse, explain a document."""

from __future__ import annotations

import argparse
import atexit
import shutil
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

import flows.prefect_env  # noqa: F401  (Prefect reads its settings on import: the defaults must be set before)
from flows.load import WarehouseBusy, is_lock_error, lock_holder, snapshot_from_parquet
from flows.settings import DATABASE_FILE, load_settings

TIMELINE_SQL = """
select event_date, event_type, actor_country, target_country, amount, currency, confidence, source_name, evidence
from timeline
where ($type is null or event_type = $type)
  and ($actor is null or actor_country = $actor)
  and ($target is null or target_country = $target)
  and ($since is null or event_date >= $since)
  and ($until is null or event_date <= $until)
  and confidence >= $min_confidence
order by event_date nulls last, event_type, actor_country
limit $limit
"""


def warehouse_dir(args: argparse.Namespace) -> Path:
    """--warehouse, else NEWSLINE_WAREHOUSE, else warehouse/."""
    return Path(args.warehouse) if args.warehouse else load_settings().warehouse_dir


# Read the database file and nothing else: no writes, no other files, no extensions, no spill folder, and no
# setting can be changed back.
READ_ONLY_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "access_mode": "READ_ONLY",
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "temp_directory": "",
    "lock_configuration": True,
}


def read_only_connection(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A connection that can read the warehouse tables and nothing else: no writes, files or extensions.

    While a run holds the database (DuckDB admits one process), it reads the last published Parquet export.
    """
    database = warehouse / DATABASE_FILE
    if not database.exists():
        raise SystemExit(f"newsline: no warehouse at {database}; run `newsline run` first")
    try:
        return duckdb.connect(str(database), read_only=True, config=READ_ONLY_CONFIG)
    except duckdb.IOException as exc:
        if not is_lock_error(exc):
            raise
        return parquet_snapshot_connection(warehouse, lock_holder(database, str(exc)))


def parquet_snapshot_connection(warehouse: Path, holder: str) -> duckdb.DuckDBPyConnection:
    """The last published Parquet export copied into a temporary database, opened like the warehouse itself."""
    folder = Path(tempfile.mkdtemp(prefix="newsline-snapshot-"))
    atexit.register(shutil.rmtree, folder, True)
    snapshot = folder / DATABASE_FILE
    try:
        version = snapshot_from_parquet(warehouse / "parquet", snapshot)
    except FileNotFoundError as exc:
        raise SystemExit(f"newsline: the warehouse is in use by {holder} and has no Parquet export yet; "
                         f"retry when it ends") from exc
    published = datetime.fromtimestamp(int(version.name) / 1e9, UTC).strftime("%Y-%m-%d %H:%M:%S")
    print(f"newsline: the warehouse is in use by {holder}; reading the last complete export "
          f"(Parquet published {published} UTC)", file=sys.stderr)
    return duckdb.connect(str(snapshot), read_only=True, config=READ_ONLY_CONFIG)


def format_cell(value: object, width: int) -> str:
    """A value as table text, cut to width."""
    if value is None:
        text = ""
    elif isinstance(value, float):
        text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"
    else:
        text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 60) -> None:
    """A plain fixed-width table on stdout."""
    cells = [[format_cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def command_run(args: argparse.Namespace) -> int:
    """Run the ETL flow on a seeds folder and print a short timeline."""
    from flows.pipeline import newsline_etl  # Prefect is slow to import: only for this command

    warehouse = warehouse_dir(args)
    seeds = Path(args.seeds) if args.seeds else load_settings().seeds_dir
    show_progress = args.progress if args.progress is not None else (not args.quiet and sys.stderr.isatty())
    try:
        counts = newsline_etl(seeds=str(seeds), warehouse=str(warehouse), batch_size=args.batch_size,
                              show_progress=show_progress, workers=args.workers, task_runner=args.task_runner,
                              dask_address=args.dask_address, shard_root=args.shard_root)
    except WarehouseBusy as exc:
        raise SystemExit(f"newsline run: {exc}") from exc
    print(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in counts.items()))
    if not args.quiet:
        with read_only_connection(warehouse) as con:
            result = con.execute(TIMELINE_SQL, {"type": None, "actor": None, "target": None, "since": None,
                                                "until": None, "min_confidence": 0.0, "limit": 20})
            print_table([d[0] for d in result.description], result.fetchall(), max_width=50)
    return 0


def command_timeline(args: argparse.Namespace) -> int:
    """Print events as a table, filtered by type, actor, target and dates."""
    params = {
        "type": args.type, "actor": args.actor.upper() if args.actor else None,
        "target": args.target.upper() if args.target else None,
        "since": args.since, "until": args.until, "min_confidence": args.min_confidence, "limit": args.limit,
    }
    with read_only_connection(warehouse_dir(args)) as con:
        result = con.execute(TIMELINE_SQL, params)
        print_table([d[0] for d in result.description], result.fetchall(), max_width=args.width)
    return 0


def command_sql(args: argparse.Namespace) -> int:
    """Run one read-only query (text or --file) against the warehouse."""
    if args.file:
        query = Path(args.file).read_text(encoding="utf-8")
    elif args.query:
        query = args.query
    else:
        raise SystemExit("newsline sql: give a QUERY or --file FILE")
    with read_only_connection(warehouse_dir(args)) as con:
        try:
            result = con.execute(query)
        except duckdb.Error as exc:
            print(f"newsline sql: {exc}", file=sys.stderr)
            return 1
        if result.description is None:
            return 0
        columns = [d[0] for d in result.description]
        rows = result.fetchall()
    if args.format == "csv":
        import csv
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        print_table(columns, rows, max_width=args.width)
    return 0


def command_explain(args: argparse.Namespace) -> int:
    """For one document: each event, its evidence, the rule that fired and how each field was resolved."""
    with read_only_connection(warehouse_dir(args)) as con:
        doc = con.execute(
            "select doc_id, source_name, lang, lang_confidence, pub_date, pub_precision, ref_date, ref_min, ref_max, "
            "ref_basis, warnings, headline from documents "
            "where source_name = $d or doc_id = $d or doc_id like $d || '%' "
            "order by source_name limit 1", {"d": args.doc}).fetchone()
        if doc is None:
            raise SystemExit(f"newsline explain: no document {args.doc!r}")
        (doc_id, name, lang, lang_conf, pub, precision, ref_date, ref_min, ref_max, ref_basis, warnings,
         headline) = doc
        print(f"{name}  ({doc_id[:16]}…)  lang={lang} ({lang_conf:.2f})")
        print(f"  headline : {headline}")
        print(f"  header   : {pub} ({precision});  publication reference: {ref_date} in [{ref_min}, {ref_max}] "
              f"by {ref_basis}")
        if warnings:
            print(f"  warnings : {'; '.join(warnings)}")
        events = con.execute(
            "select event_type, actor_country, actor_name, actor_basis, target_country, target_name, target_basis, "
            "event_date, date_min, date_max, date_precision, date_basis, amount, currency, amount_qualifier, "
            "amount_usd, usd_rate_date, trigger, rule, confidence, char_start, char_end, evidence "
            "from event_mentions where doc_id = ? order by char_start", [doc_id]).fetchall()
    if not events:
        print("  no events")
    for n, e in enumerate(events, 1):
        (kind, actor, actor_name, actor_basis, target, target_name, target_basis, day, dmin, dmax, dprec, dbasis,
         amount, currency, qualifier, usd, rate_day, trigger, rule, confidence, start, end, evidence) = e
        print(f"\n[{n}] {kind}  {actor} -> {target}  {day}  confidence {confidence:.2f}")
        print(f"    evidence : «{evidence}»  (chars {start}-{end})")
        print(f"    rule     : {rule}, trigger «{trigger}»")
        print(f"    actor    : {actor} from «{actor_name}» ({actor_basis})")
        print(f"    target   : {target} from «{target_name}» ({target_basis})")
        print(f"    date     : {day} in [{dmin}, {dmax}], {dprec}; {dbasis}")
        if amount is not None:
            usd_text = f", {usd:,.0f} USD at the ECB rate of {rate_day}" if usd is not None else ""
            print(f"    amount   : {amount:,.0f} {currency} ({qualifier}){usd_text}")
    return 0


def command_plot(args: argparse.Namespace) -> int:
    """Write the timeline as an interactive HTML page and a PNG."""
    from flows.plot import read_events, write_timeline

    warehouse = warehouse_dir(args)
    with read_only_connection(warehouse) as con:
        events = read_events(con, args.type, args.since, args.until)
    html_path, png_path = write_timeline(events, Path(args.out) if args.out else warehouse / "plots")
    print(f"{events.height} events\n{html_path}\n{png_path}")
    return 0


def command_serve(args: argparse.Namespace) -> int:
    """Serve the flow as a deployment on a cron schedule until interrupted."""
    from flows.serve import api_url, serve_flow

    if api_url() is None:
        print("newsline serve: PREFECT_API_URL is not set; serving against a temporary server that ends with this "
              "process (start `prefect server start` and set PREFECT_API_URL to keep schedules and runs)",
              file=sys.stderr)
    seeds = Path(args.seeds) if args.seeds else load_settings().seeds_dir
    serve_flow(seeds, warehouse_dir(args), args.cron, args.name, args.batch_size)
    return 0


def iso_date(value: str) -> date:
    """argparse type for YYYY-MM-DD."""
    return date.fromisoformat(value)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command and its --help."""
    parser = argparse.ArgumentParser(prog="newsline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--warehouse", help="warehouse folder (default: $NEWSLINE_WAREHOUSE or warehouse/)")
        return sub

    run = add("run", "Run the ETL flow on a folder of texts and print the newest events.")
    run.add_argument("seeds", nargs="?", help="folder of *.txt files (default: $NEWSLINE_SEEDS or seeds/)")
    run.add_argument("--batch-size", type=int, help="documents per task batch")
    run.add_argument("--workers", type=int, help="extraction processes (default: $NEWSLINE_WORKERS, else one per "
                                                 "core; batches under 1000 documents stay in one process)")
    run.add_argument("--quiet", action="store_true", help="print only the counts")
    run.add_argument("--progress", action=argparse.BooleanOptionalAction,
                     help="a progress line on stderr (default: when stderr is a terminal and not --quiet)")
    run.add_argument("--task-runner", choices=("local", "dask"),
                     help="where batches are extracted: in this process, or on a Dask cluster "
                          "(default: $NEWSLINE_TASK_RUNNER or local)")
    run.add_argument("--dask-address", help="scheduler of a running Dask cluster, e.g. tcp://HOST:8786 (default: "
                                            "$NEWSLINE_DASK_ADDRESS, else a temporary cluster of one worker per core)")
    run.add_argument("--shard-root", help="where Dask workers write their batches: a folder they all see or an fsspec "
                                          "URL such as s3://bucket/newsline (default: $NEWSLINE_SHARD_ROOT or "
                                          "WAREHOUSE/shards)")
    run.set_defaults(handler=command_run)

    timeline = add("timeline", "Print the event timeline as a table.")
    timeline.add_argument("--type", choices=("visit", "demarche", "pledge"))
    timeline.add_argument("--actor", help="actor code, e.g. USA")
    timeline.add_argument("--target", help="target code, e.g. UKR")
    timeline.add_argument("--since", type=iso_date, help="first day, YYYY-MM-DD")
    timeline.add_argument("--until", type=iso_date, help="last day, YYYY-MM-DD")
    timeline.add_argument("--min-confidence", type=float, default=0.0)
    timeline.add_argument("--limit", type=int, default=100)
    timeline.add_argument("--width", type=int, default=60, help="widest column, in characters")
    timeline.set_defaults(handler=command_timeline)

    sql = add("sql", "Run one read-only SQL query against the warehouse.")
    sql.add_argument("query", nargs="?", help="the query")
    sql.add_argument("--file", help="read the query from this file, e.g. sql/queries/timeline.sql")
    sql.add_argument("--format", choices=("table", "csv"), default="table")
    sql.add_argument("--width", type=int, default=60)
    sql.set_defaults(handler=command_sql)

    plot = add("plot", "Write the timeline as an interactive HTML page and a PNG.")
    plot.add_argument("--out", help="output folder (default: WAREHOUSE/plots)")
    plot.add_argument("--type", choices=("visit", "demarche", "pledge"))
    plot.add_argument("--since", type=iso_date, help="first day, YYYY-MM-DD")
    plot.add_argument("--until", type=iso_date, help="last day, YYYY-MM-DD")
    plot.set_defaults(handler=command_plot)

    serve = add("serve", "Serve the ETL flow on a cron schedule against a Prefect server (PREFECT_API_URL).")
    serve.add_argument("seeds", nargs="?", help="folder of *.txt files (default: $NEWSLINE_SEEDS or seeds/)")
    serve.add_argument("--cron", required=True, help='schedule, e.g. "0 * * * *" for every hour')
    serve.add_argument("--name", default="newsline-scheduled", help="deployment name")
    serve.add_argument("--batch-size", type=int, help="documents per task batch")
    serve.set_defaults(handler=command_serve)

    explain = add("explain", "Show how each event of one document was found.")
    explain.add_argument("doc", help="source name (file stem) or doc_id prefix")
    explain.set_defaults(handler=command_explain)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the newsline command."""
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
