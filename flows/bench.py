"""Benchmark: N articles made from the shared corpus, through the real stages and the real flow; one JSON line out.

    python -m flows.bench --n 100000 [--out DIR] [--keep] [--no-flow]

1. corpus: N texts sampled (seeded) from ../shared/corpus, each lightly changed (a weekday swapped, a numbered
   closing line) so that every text is a distinct document; 1000 files a folder; cached under
   $NEWSLINE_BENCH_DIR/<N>/corpus (default /tmp/newsline-bench) and reused while N, seed and sources match.
2. stages: the stage functions the flow's tasks call, batch by batch as flows.pipeline does, each timed.
3. floor: reading the files plus Polars str.contains passes with the union of every language's triggers
   (one alternation per language, OR-ed: see union_trigger_patterns), and again in the grouped form the
   candidate filter uses (union_trigger_patterns(grouped=True)).
4. peer: dateparser.search.search_dates (NGEC's date library) on a sample of the documents.
5. flow: `newsline run` in a subprocess on an empty folder (Prefect's start), on the corpus, and again (rerun).

A table goes to stdout, then the JSON line, last; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import polars as pl

from flows import EXTRACTOR_VERSION
from flows.events import rebuild_events
from flows.extract import extract_mentions
from flows.ingest import discover_files, ingest, tag_languages
from flows.lexicon import event_lexicon, supported_event_languages
from flows.load import (
    apply_schema,
    check_results,
    connect,
    extracted_versions,
    hold_warehouse,
    load_batch,
    mark_interrupted_runs,
    publish_run,
    stamp_batch,
    start_run,
)
from flows.parallel import extract_batch, shutdown_pool, worker_count
from flows.pipeline import RunCounts, library_versions, split_known
from flows.resolve import resolve_mentions
from flows.segment import split_sentences
from flows.settings import DATABASE_FILE, PROJECT_ROOT, Settings, load_settings

# Bump when the generated texts change, so that cached corpora are rebuilt.
GENERATOR_VERSION = 1
DEFAULT_SOURCES = PROJECT_ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = Path(os.environ.get("NEWSLINE_BENCH_DIR", "/tmp/newsline-bench"))
FILES_PER_FOLDER = 1000
CORPUS_MANIFEST = "bench-corpus.json"
MB = 1_000_000
# Stages as the issue names them; extract is the flow's extract task (segment + mentions + resolve),
# load includes the warehouse look-up of already extracted documents, export closes the run and writes
# Parquet (publish_run), other is run bookkeeping.
STAGES = ("discover", "ingest", "extract", "load", "events", "check", "export", "other")
EXTRACT_PARTS = ("language", "segment", "mentions", "resolve")
# A closing line in the article's language: no trigger, no currency, and 7 digits are never read as a year.
SUFFIXES = {
    "en": "Archive copy {index:07d}.",
    "nl": "Archiefkopie {index:07d}.",
    "ru": "Архивная копия {index:07d}.",
    "ro": "Copie de arhivă {index:07d}.",
}
# Weekdays that may be swapped for one another without touching the grammar around them.
# Russian only in the accusative after "в" ("в среду"); вторник takes "во" and is left alone.
WEEKDAYS: dict[str, tuple[str, tuple[str, ...]]] = {
    "en": ("", ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")),
    "nl": ("", ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")),
    "ru": ("в ", ("понедельник", "среду", "четверг", "пятницу", "субботу", "воскресенье")),
    "ro": ("", ("luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică")),
}
WEEKDAY_PATTERNS = {
    lang: re.compile(rf"(?<!\w){prefix}({'|'.join(forms)})(?!\w)", re.IGNORECASE)
    for lang, (prefix, forms) in WEEKDAYS.items()
}
COUNTS_LINE = re.compile(r"documents unchanged: (\d+)")


def log(message: str) -> None:
    """Progress on stderr (stdout carries the table and the JSON line)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------- corpus


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """One real article of the shared corpus."""
    name: str
    lang: str
    text: str


def source_languages(sources_dir: Path) -> dict[str, str]:
    """file name -> language from the corpus's MANIFEST.csv (empty when there is none)."""
    manifest = sources_dir / "MANIFEST.csv"
    if not manifest.exists():
        return {}
    with open(manifest, encoding="utf-8", newline="") as handle:
        return {row["file"]: row["lang"] for row in csv.DictReader(handle) if row.get("file")}


def load_sources(sources_dir: Path) -> list[SourceArticle]:
    """The corpus's *.txt articles in name order, each with its language (manifest, else the name's prefix)."""
    languages = source_languages(sources_dir)
    articles: list[SourceArticle] = []
    for path in sorted(sources_dir.glob("*.txt")):
        prefix = path.name.split("_", 1)[0]
        lang = languages.get(path.name) or (prefix if prefix in SUFFIXES else "en")
        articles.append(SourceArticle(path.stem, lang, path.read_text(encoding="utf-8")))
    if not articles:
        raise SystemExit(f"bench: no *.txt articles in {sources_dir}")
    return articles


def sources_digest(sources: Sequence[SourceArticle]) -> str:
    """sha256 over the articles' names, languages and texts: a changed corpus invalidates the cache."""
    digest = hashlib.sha256()
    for article in sources:
        digest.update(f"{article.name}\0{article.lang}\0{article.text}\0".encode())
    return digest.hexdigest()


def swap_weekday(text: str, lang: str, rng: random.Random) -> str:
    """The text with one of its weekday names replaced by another day (unchanged when it names none)."""
    pattern = WEEKDAY_PATTERNS.get(lang)
    matches = list(pattern.finditer(text)) if pattern else []
    if not matches:
        return text
    match = matches[rng.randrange(len(matches))]
    old = match.group(1)
    choices = [day for day in WEEKDAYS[lang][1] if day.lower() != old.lower()]
    new = rng.choice(choices)
    if old[:1].isupper():
        new = new[:1].upper() + new[1:]
    return text[:match.start(1)] + new + text[match.end(1):]


def vary_text(article: SourceArticle, index: int, rng: random.Random) -> str:
    """Copy number index of an article: half of them with a weekday swapped, all with a numbered closing line."""
    text = swap_weekday(article.text, article.lang, rng) if rng.random() < 0.5 else article.text
    suffix = SUFFIXES.get(article.lang, SUFFIXES["en"]).format(index=index)
    return f"{text.rstrip()}\n\n{suffix}\n"


def corpus_path(folder: Path, index: int, article: SourceArticle) -> Path:
    """Where copy number index goes: 1000 files a folder, names sorted as generated."""
    return folder / f"{index // FILES_PER_FOLDER:04d}" / f"{index:07d}_{article.name}.txt"


def corpus_key(n: int, seed: int, sources: Sequence[SourceArticle]) -> dict[str, Any]:
    """What a cached corpus must have been built from to be reused."""
    return {"n": n, "seed": seed, "generator": GENERATOR_VERSION, "sources": sources_digest(sources)}


def write_corpus(folder: Path, n: int, seed: int, sources: Sequence[SourceArticle], start: int = 0) -> int:
    """Write the n texts numbered from start into folder; their total size in bytes."""
    rng = random.Random(seed)
    total = 0
    digests: set[bytes] = set()
    for index in range(start, start + n):
        article = sources[rng.randrange(len(sources))]
        data = vary_text(article, index, rng).encode("utf-8")
        digests.add(hashlib.sha256(data).digest())
        path = corpus_path(folder, index, article)
        if index == start or index % FILES_PER_FOLDER == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
        total += len(data)
        if index and index % 100_000 == 0:
            log(f"  {index:,} files written")
    if len(digests) != n:
        raise RuntimeError(f"bench: {n - len(digests)} generated texts are not distinct")
    return total


def ensure_corpus(base: Path, n: int, seed: int, sources_dir: Path) -> tuple[Path, int, float, bool]:
    """(corpus folder, bytes, seconds spent, reused): the cached corpus when it matches, else a new one."""
    sources = load_sources(sources_dir)
    key = corpus_key(n, seed, sources)
    folder = base / "corpus"
    manifest = folder / CORPUS_MANIFEST
    if manifest.exists():
        cached = json.loads(manifest.read_text(encoding="utf-8"))
        if {k: cached.get(k) for k in key} == key:
            return folder, int(cached["bytes"]), 0.0, True
        log(f"cached corpus in {folder} was built from other inputs: rebuilding")
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    log(f"writing {n:,} articles from {len(sources)} sources into {folder}")
    building = base / f"corpus.building-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    size = write_corpus(building, n, seed, sources)
    # The manifest is written last and the folder renamed into place: a half-written corpus is never reused.
    (building / CORPUS_MANIFEST).write_text(json.dumps(key | {"bytes": size}, indent=2), encoding="utf-8")
    building.rename(folder)
    return folder, size, time.perf_counter() - started, False


# --------------------------------------------------------------------------------------------- stages


@dataclass(slots=True)
class StageClock:
    """Seconds per stage, added up over the batches, and the stage during which the peak RSS last grew."""
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES + EXTRACT_PARTS, 0.0))
    peak_rss_mb: float = 0.0
    peak_stage: str = ""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start
            peak = peak_rss_mb()
            if peak > self.peak_rss_mb:
                self.peak_rss_mb, self.peak_stage = peak, name


@dataclass(frozen=True, slots=True)
class StageRun:
    """What the in-process run of the stages did and how long each stage took."""
    seconds: dict[str, float]
    total_s: float
    counts: RunCounts
    documents: int
    text_bytes: int
    peak_rss_mb: float
    peak_rss_stage: str


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB (Linux reports KiB), of this process or of its largest child."""
    return resource.getrusage(who).ru_maxrss * 1024 / MB


def run_stages(settings: Settings) -> StageRun:
    """The flow's work without Prefect: the same stage functions, batch by batch, in the same order."""
    clock = StageClock()
    counts = RunCounts()
    workers = worker_count(settings.workers)
    documents_total = 0
    text_bytes = 0
    run_id = uuid.uuid4().hex
    started = time.perf_counter()
    with hold_warehouse(settings.database_path, run_id, str(settings.seeds_dir), settings.lock_timeout) as lock:
        apply_schema(lock)
        mark_interrupted_runs(lock)
        start_run(lock, run_id, None, str(settings.seeds_dir), EXTRACTOR_VERSION, library_versions())
        with clock.stage("discover"):
            paths = discover_files(settings.seeds_dir)
        counts.files_seen = len(paths)
        for offset in range(0, len(paths), settings.batch_size):
            with clock.stage("ingest"):
                documents, sources, rejected = ingest(paths[offset:offset + settings.batch_size], settings.seeds_dir,
                                                      settings.max_file_bytes, settings.language_sample_chars,
                                                      detect_language=False)
            with clock.stage("load"):
                todo, new, reextracted, unchanged = split_known(
                    documents, extracted_versions(lock, documents["doc_id"].to_list()))
            with clock.stage("extract"):
                if workers > 1:  # the flow's path; the parts run in the workers, untimed
                    todo, mentions, references = extract_batch(todo, settings.language_sample_chars, workers)
                else:
                    with clock.stage("language"):
                        todo = tag_languages(todo, settings.language_sample_chars)
                    with clock.stage("segment"):
                        sentences = split_sentences(todo)
                    with clock.stage("mentions"):
                        raw = extract_mentions(todo, sentences)
                    with clock.stage("resolve"):
                        mentions, references = resolve_mentions(raw, todo)
            with clock.stage("load"):
                stamped, stamped_sources, stamped_rejected = stamp_batch(
                    todo, references, sources, rejected, run_id, EXTRACTOR_VERSION)
                with connect(settings.database_path) as con:
                    load_batch(con, stamped, stamped_sources, mentions, stamped_rejected)
            counts.documents_new += new
            counts.documents_reextracted += reextracted
            counts.documents_unchanged += unchanged
            counts.rejected += rejected.height
            counts.mentions_written += mentions.height
            documents_total += documents.height
            text_bytes += int(sources["size_bytes"].sum() or 0) + int(rejected["size_bytes"].sum() or 0)
            log(f"  stages: {offset + len(paths[offset:offset + settings.batch_size]):,}/{len(paths):,} files, "
                f"{time.perf_counter() - started:.1f} s")
        with clock.stage("events"), connect(settings.database_path) as con:
            counts.events = rebuild_events(con)
        with clock.stage("check"), connect(settings.database_path) as con:
            checks = check_results(con)
        counts.checks = {check.name: len(check.rows) for check in checks}
        failing = [check.describe() for check in checks if check.rows]
        if failing:
            raise RuntimeError("bench: data checks failed: " + " | ".join(failing))
        with clock.stage("export"), connect(settings.database_path) as con:
            publish_run(con, settings.parquet_dir, run_id, counts.as_dict())
    shutdown_pool()
    total = time.perf_counter() - started
    # other: run bookkeeping and the loop itself, so that the stages add up to the total
    clock.seconds["other"] = total - sum(clock.seconds[name] for name in STAGES if name != "other")
    return StageRun(dict(clock.seconds), total, counts, documents_total, text_bytes, peak_rss_mb(), clock.peak_stage)


# --------------------------------------------------------------------------------------------- floor and peer


def union_trigger_patterns(grouped: bool = False) -> list[str]:
    """The union of every trigger of every language, as one case-insensitive alternation per language in the fast
    form select_candidates uses (ASCII word boundaries: Rust's Unicode ones make the same pass ten times slower);
    grouped, as each language's alternations of a few triggers (see EventLexicon.candidate_group_patterns), the
    form the candidate filter now uses.

    One alternation of all four languages would say the same, but it outgrows the cache of the regex crate's lazy
    DFA: on 2,000 documents it takes 8.3 s against 0.7 s for the four OR-ed together, so it would time the
    cache, not the least an extractor must do.
    """
    patterns: list[str] = []
    for lang in supported_event_languages():
        lexicon = event_lexicon(lang)
        if lexicon is not None:
            patterns.extend(lexicon.candidate_group_patterns if grouped else [lexicon.candidate_pattern])
    return patterns


def matches_any(texts: pl.Series, patterns: Sequence[str]) -> pl.Series:
    """Whether each text holds a match of any pattern: the union, one str.contains pass per pattern."""
    return pl.select(pl.any_horizontal([texts.str.contains(p) for p in patterns])).to_series()


def measure_floor(paths: Sequence[Path], batch_size: int) -> tuple[float, float, float, int]:
    """(read seconds, match seconds, match seconds with the grouped union, documents matching): the least any
    trigger-based extractor must do, with the issue's one alternation per language and with the grouped form."""
    patterns = union_trigger_patterns()
    grouped = union_trigger_patterns(grouped=True)
    read_s = match_s = grouped_s = 0.0
    matching = 0
    for offset in range(0, len(paths), batch_size):
        started = time.perf_counter()
        raws: list[bytes] = []
        for path in paths[offset:offset + batch_size]:
            with open(path, "rb") as handle:
                raws.append(handle.read())
        texts = pl.Series("text", raws, dtype=pl.Binary).cast(pl.String)
        read = time.perf_counter()
        matching += int(matches_any(texts, patterns).sum())
        matched = time.perf_counter()
        matches_any(texts, grouped)
        read_s += read - started
        match_s += matched - read
        grouped_s += time.perf_counter() - matched
    return read_s, match_s, grouped_s, matching


def sample_paths(paths: Sequence[Path], size: int) -> list[Path]:
    """size paths spread evenly over the corpus (every language and source has its chance)."""
    size = min(size, len(paths))
    return [paths[i * len(paths) // size] for i in range(size)]


def measure_peer(paths: Sequence[Path], settings: Settings) -> tuple[int, float, int]:
    """(documents, seconds, documents with a date): dateparser's search_dates over each whole document.

    NGEC resolves dates with dateparser, relative to the publication day and preferring the past; the
    text, its language and that day come from our ingest (not timed).
    """
    from dateparser.search import search_dates  # the bench extra: pip install -e '.[bench]'

    documents, _, _ = ingest(list(paths), settings.seeds_dir, settings.max_file_bytes,
                             settings.language_sample_chars)
    rows = documents.select("text", "lang", "pub_date").rows()
    with_dates = 0
    started = time.perf_counter()
    for text, lang, pub_date in rows:
        day: date = pub_date or date.today()
        found = search_dates(
            text, languages=[lang] if lang in SUFFIXES else None,
            settings={"RELATIVE_BASE": datetime(day.year, day.month, day.day), "PREFER_DATES_FROM": "past"},
        )
        with_dates += bool(found)
    return len(rows), time.perf_counter() - started, with_dates


# --------------------------------------------------------------------------------------------- flow


def run_flow(seeds: Path, warehouse: Path, batch_size: int, workers: int,
             runner: Sequence[str] = ()) -> tuple[float, str]:
    """(seconds, last line printed) of `newsline run SEEDS --warehouse DIR --quiet [runner options]` in a new
    process."""
    command = [sys.executable, "-m", "flows.cli", "run", str(seeds), "--warehouse", str(warehouse),
               "--batch-size", str(batch_size), "--workers", str(workers), "--quiet", *runner]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=PROJECT_ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"bench: {' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    lines = done.stdout.strip().splitlines()
    return seconds, lines[-1] if lines else ""


def run_durations(warehouse: Path) -> tuple[float, ...]:
    """Seconds from start to finish of each completed run recorded in a warehouse, oldest first."""
    with connect(warehouse / DATABASE_FILE, read_only=True) as con:
        rows = con.execute("select epoch(finished_at) - epoch(started_at) from runs where status = 'completed' "
                           "order by started_at").fetchall()
    return tuple(float(seconds) for (seconds,) in rows)


# --------------------------------------------------------------------------------------------- report


def source_revision() -> tuple[str | None, bool | None]:
    """(commit, whether the work tree differs from it) of the code measured, when it is a git checkout."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                check=True, cwd=PROJECT_ROOT).stdout.strip()
        changes = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                                 text=True, check=True, cwd=PROJECT_ROOT).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None, None
    return commit, bool(changes)


def ratio(numerator: float | None, denominator: float | None, digits: int = 2) -> float | None:
    """numerator / denominator rounded, or None when either is missing or the denominator is 0."""
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, digits)


def format_table(result: dict[str, Any]) -> str:
    """The figures as a short table for people (the JSON line follows it)."""
    total = result["total_s"]
    lines = [
        f"newsline bench: {result['documents']:,} documents ({result['mentions']:,} mentions, "
        f"{result['events']:,} events), {result['mb']:.1f} MB, {result['cores']} cores, "
        f"batches of {result['batch_size']:,}",
        f"{'stage':<22}{'seconds':>10}{'share':>8}",
    ]
    for name in STAGES:
        seconds = result[f"{name}_s"]
        lines.append(f"{name:<22}{seconds:>10.2f}{seconds / total:>8.1%}")
        if name == "extract":
            for part in EXTRACT_PARTS:
                seconds = result[f"{part}_s"]
                lines.append(f"{'  ' + part:<22}{seconds:>10.2f}{seconds / total:>8.1%}")
    lines += [
        f"{'all stages':<22}{total:>10.2f}",
        f"throughput: {result['docs_per_s']:,.0f} documents/s, {result['mb_per_s']:.2f} MB/s, "
        f"peak RSS {result['peak_rss_mb']:,.0f} MB (reached in {result['peak_rss_stage']}), "
        f"{result['workers']} worker(s) at {result['worker_peak_rss_mb']:,.0f} MB each at most, "
        f"{result['peak_rss_all_mb']:,.0f} MB in all",
        f"floor (read + the union of the triggers): {result['floor_s']:.2f} s "
        f"(read {result['floor_read_s']:.2f} s, match {result['floor_match_s']:.2f} s); "
        f"extract_vs_floor {result['extract_vs_floor']}; with the grouped union "
        f"{result['floor_grouped_s']:.2f} s, extract_vs_floor_grouped {result['extract_vs_floor_grouped']}",
    ]
    if result.get("peer_s") is not None:
        lines.append(f"peer {result['peer']}: {result['peer_docs']:,} documents in {result['peer_s']:.2f} s = "
                     f"{result['peer_docs_per_s']:,.1f} documents/s; ours/peer {result['vs_peer']}x")
    if result.get("flow_total_s") is not None:
        lines.append(f"flow (subprocess, {result['flow_task_runner']} task runner): Prefect start "
                     f"{result['prefect_start_s']:.1f} s, total "
                     f"{result['flow_total_s']:.1f} s ({result['flow_docs_per_s']:,.0f} documents/s), peak RSS "
                     f"{result['flow_peak_rss_mb']:,.0f} MB")
        lines.append(f"rerun unchanged {result['rerun_s']:.1f} s = {result['rerun_fraction_without_start']:.1%} "
                     f"of the first run without Prefect's start; with 1% new files {result['rerun_new_1pct_s']:.1f} s "
                     f"= {result['rerun_new_1pct_fraction_without_start']:.1%}")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The bench's options."""
    parser = argparse.ArgumentParser(prog="python -m flows.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="articles to generate (default 100000)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="cache and scratch folder (default $NEWSLINE_BENCH_DIR or /tmp/newsline-bench)")
    parser.add_argument("--keep", action="store_true", help="keep the warehouses written (the corpus is always kept)")
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="real articles to sample")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sampling and the changes")
    parser.add_argument("--batch-size", type=int, help="documents per batch (default: the flow's, 5000)")
    parser.add_argument("--workers", type=int, help="extraction processes (default: the flow's, one per core)")
    parser.add_argument("--peer-docs", type=int, default=1000, help="documents for the dateparser peer (0: skip)")
    parser.add_argument("--no-flow", action="store_true", help="skip the four `newsline run` subprocesses")
    parser.add_argument("--task-runner", choices=("local", "dask"), default="local",
                        help="the task runner of the `newsline run` subprocesses (the stages run in process)")
    parser.add_argument("--dask-address", help="with --task-runner dask: a running cluster (default: a temporary one)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Build or reuse the corpus, time everything, print the table and the JSON line."""
    args = build_parser().parse_args(argv)
    if args.n < 1:
        raise SystemExit("bench: --n must be at least 1")
    base = args.out / str(args.n)
    corpus, corpus_bytes, generate_s, cached = ensure_corpus(base, args.n, args.seed, args.sources)
    log(f"corpus {'reused' if cached else f'written in {generate_s:.1f} s'}: {corpus} "
        f"({corpus_bytes / MB:.1f} MB)")
    settings = load_settings().with_overrides(seeds_dir=corpus, warehouse_dir=base / "warehouse-stages",
                                              batch_size=args.batch_size, workers=args.workers)
    warehouses = [settings.warehouse_dir, base / "warehouse-flow", base / "warehouse-empty", base / "empty-seeds"]
    for folder in warehouses:
        shutil.rmtree(folder, ignore_errors=True)

    log(f"stages, in process with {worker_count(settings.workers)} extraction worker(s)")
    stages = run_stages(settings)
    # the flow's subprocesses below count as children too: read the workers' peak before them
    worker_peak_mb = peak_rss_mb(resource.RUSAGE_CHILDREN)
    log(f"stages done in {stages.total_s:.1f} s")
    paths = discover_files(corpus)

    log("floor: read + str.contains with the union of the triggers, one alternation per language")
    floor_read_s, floor_match_s, floor_grouped_match_s, floor_matching = measure_floor(paths, settings.batch_size)

    peer: tuple[int, float, int] | None = None
    if args.peer_docs > 0:
        log(f"peer: dateparser.search.search_dates on {min(args.peer_docs, len(paths)):,} documents")
        try:
            peer = measure_peer(sample_paths(paths, args.peer_docs), settings)
        except ImportError:
            log("dateparser is missing (pip install -e '.[bench]'): no peer figures")

    flow: dict[str, float | int | None] = {}
    runner = ["--task-runner", args.task_runner, *(["--dask-address", args.dask_address] if args.dask_address else [])]
    if not args.no_flow:
        empty = base / "empty-seeds"
        empty.mkdir(parents=True)
        options = (settings.batch_size, settings.workers, runner)
        log("flow: Prefect start (newsline run on an empty folder)")
        prefect_start_s, _ = run_flow(empty, base / "warehouse-empty", *options)
        log("flow: newsline run on the corpus")
        flow_total_s, _ = run_flow(corpus, base / "warehouse-flow", *options)
        log("flow: rerun on the unchanged corpus")
        rerun_s, rerun_counts = run_flow(corpus, base / "warehouse-flow", *options)
        unchanged = COUNTS_LINE.search(rerun_counts)
        added = max(1, args.n // 100)
        log(f"flow: rerun with {added:,} new files (1%)")
        extra = corpus / f"extra-{os.getpid()}"
        try:
            write_corpus(extra, added, args.seed + 1, load_sources(args.sources), start=args.n)
            rerun_new_s, _ = run_flow(corpus, base / "warehouse-flow", *options)
        finally:
            shutil.rmtree(extra, ignore_errors=True)
        # Prefect's start varies by a second or more from one process to the next: the fractions without it compare
        # the runs' own durations, from the runs table (started when the flow holds the warehouse, finished at export)
        first_work_s, rerun_work_s, rerun_new_work_s = run_durations(base / "warehouse-flow")
        flow = {
            "prefect_start_s": round(prefect_start_s, 2), "flow_total_s": round(flow_total_s, 2),
            "flow_docs_per_s": ratio(stages.documents, flow_total_s, 1),
            "rerun_s": round(rerun_s, 2), "rerun_fraction": ratio(rerun_s, flow_total_s, 3),
            "flow_work_s": round(first_work_s, 2), "rerun_work_s": round(rerun_work_s, 2),
            "rerun_fraction_without_start": ratio(rerun_work_s, first_work_s, 3),
            "rerun_new_1pct_s": round(rerun_new_s, 2), "rerun_new_1pct_work_s": round(rerun_new_work_s, 2),
            "rerun_new_1pct_fraction_without_start": ratio(rerun_new_work_s, first_work_s, 3),
            "rerun_unchanged": int(unchanged.group(1)) if unchanged else None,
            "flow_peak_rss_mb": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1),
        }

    commit, dirty = source_revision()
    total = stages.total_s
    floor_s = floor_read_s + floor_match_s
    docs_per_s = stages.documents / total
    peer_docs_per_s = peer[0] / peer[1] if peer and peer[1] else None
    result: dict[str, Any] = {
        "bench": "newsline", "n": args.n, "files": stages.counts.files_seen, "documents": stages.documents,
        "rejected": stages.counts.rejected, "mentions": stages.counts.mentions_written,
        "events": stages.counts.events,
        "mb": round(stages.text_bytes / MB, 2), "cores": os.cpu_count(), "batch_size": settings.batch_size,
        "workers": worker_count(settings.workers),
        "corpus_cached": cached, "generate_s": round(generate_s, 2),
        **{f"{name}_s": round(stages.seconds[name], 3) for name in STAGES + EXTRACT_PARTS},
        "total_s": round(total, 2), "docs_per_s": round(docs_per_s, 1),
        "mb_per_s": round(stages.text_bytes / MB / total, 3), "peak_rss_mb": round(stages.peak_rss_mb, 1),
        "worker_peak_rss_mb": round(worker_peak_mb, 1),
        # what the machine must hold at worst: the main process and every worker at its peak at once
        "peak_rss_all_mb": round(stages.peak_rss_mb + worker_count(settings.workers) * worker_peak_mb, 1),
        "peak_rss_stage": stages.peak_rss_stage,
        "floor_s": round(floor_s, 3), "floor_read_s": round(floor_read_s, 3), "floor_match_s": round(floor_match_s, 3),
        "floor_matching_docs": floor_matching, "extract_vs_floor": ratio(stages.seconds["extract"], floor_s, 1),
        # the floor again with the grouped union the candidate filter uses (faster where one alternation thrashes)
        "floor_grouped_s": round(floor_read_s + floor_grouped_match_s, 3),
        "floor_grouped_match_s": round(floor_grouped_match_s, 3),
        "extract_vs_floor_grouped": ratio(stages.seconds["extract"], floor_read_s + floor_grouped_match_s, 1),
        "peer": "dateparser.search.search_dates", "peer_docs": peer[0] if peer else None,
        "peer_s": round(peer[1], 2) if peer else None, "peer_docs_with_dates": peer[2] if peer else None,
        "peer_docs_per_s": round(peer_docs_per_s, 1) if peer_docs_per_s else None,
        "vs_peer": ratio(docs_per_s, peer_docs_per_s, 2),
        "flow_task_runner": args.task_runner,
        "prefect_start_s": None, "flow_total_s": None, "flow_docs_per_s": None, "rerun_s": None,
        "rerun_fraction": None, "flow_work_s": None, "rerun_work_s": None, "rerun_fraction_without_start": None,
        "rerun_new_1pct_s": None, "rerun_new_1pct_work_s": None, "rerun_new_1pct_fraction_without_start": None,
        "rerun_unchanged": None, "flow_peak_rss_mb": None,
        **flow,
        "commit": commit, "dirty": dirty, "python": platform.python_version(),
        **{name: version(name) for name in ("polars", "duckdb", "prefect")},
    }
    if not args.keep:
        for folder in warehouses:
            shutil.rmtree(folder, ignore_errors=True)
    print(format_table(result))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
