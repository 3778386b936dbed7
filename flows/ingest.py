"""Ingest stage: seed files -> normalised, identified, language-tagged documents (and rejected files).

Bad input never stops a run and never vanishes: every file ends up either as a document
(possibly with warnings) or as a row of the rejected frame with its reason.
"""

from __future__ import annotations

import codecs
import fnmatch
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import polars as pl
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from flows.lexicon import supported_event_languages
from flows.settings import LEXICON_DIR

# The languages the detector may answer: data (flows/lexicons/languages.json, see LANGUAGES.md).
DETECTABLE_LANGUAGES_FILE = LEXICON_DIR / "languages.json"

# below U+0020 but for tab, line feed, form feed and carriage return (a generator over 8 KiB cost a third of ingest)
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])
# In UTF-8 those characters are these single bytes, and 8,192 characters (after a BOM) lie in the first 32,771 bytes
CONTROL_SCAN_BYTES = 4 * 8192 + 3
NUL = b"\x00"
# A run this long without a sentence end or line break is not prose (a pasted table, a one-line dump): it is
# cut into lines at white space, because extraction cost grows faster than linearly with a sentence's length.
LONGEST_RUN = 2000
SENTENCE_END = re.compile(r"[.!?…\n]")
BLANK = re.compile(r"[ \t\u00a0]")
HEADER_PATTERN = r"^[ \t]*date[ \t]+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ \t]+([^\n]*))?"

SOURCE_SCHEMA = {
    "source_path": pl.String,
    "source_name": pl.String,
    "size_bytes": pl.Int64,
    "modified_ns": pl.Int64,
    "raw": pl.Binary,
    "read_error": pl.String,
    "read_detail": pl.String,
}

REJECTED_SCHEMA = {
    "source_path": pl.String,
    "source_name": pl.String,
    "reason": pl.String,
    "detail": pl.String,
    "size_bytes": pl.Int64,
    "bytes_sha256": pl.String,
}

DOCUMENT_COLUMNS = (
    "doc_id", "source_name", "source_path", "headline", "headline_start", "pub_date",
    "pub_precision", "lang", "lang_confidence", "text", "n_chars", "warnings", "ingested_at",
)


PathLike = TypeVar("PathLike", Path, str)


def discover_file_names(seeds_dir: Path) -> list[str]:
    """Every *.txt below the seeds folder, recursively, as path strings in the order of their Paths (fifos and
    other non-files too: they are rejected with a reason rather than skipped).

    Strings, not Paths: a million Path objects hold about 350 MB, their strings a third of that.
    """
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds folder not found: {seeds_dir}")
    # Path.rglob's walk without its two stat calls a file: the folder listing's file types answer "is it a
    # folder" for all but links. Like rglob it does not descend into linked folders and skips unlistable ones.
    # Each folder's entries are visited by name, a subfolder where its name falls: that is the order of the
    # Paths' parts ("a/b.txt" before "a-c.txt"), with no sort of all the names at the end.
    found: list[str] = []
    pending: list[Iterator[tuple[str, str, bool]]] = [_listing(str(seeds_dir))]
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
            continue
        name, path, is_folder = entry
        if is_folder:
            pending.append(_listing(path))
        elif fnmatch.fnmatchcase(name, "*.txt"):
            found.append(path)
    return found


def _listing(folder: str) -> Iterator[tuple[str, str, bool]]:
    """(name, path, is a folder to enter) of a folder's entries, by name; nothing when it cannot be listed."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except PermissionError:
        return iter(())
    listed = []
    for entry in entries:
        try:
            is_folder = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_folder = False
        listed.append((entry.name, os.path.join(folder, entry.name), is_folder))
    return iter(listed)


def discover_files(seeds_dir: Path) -> list[Path]:
    """Every *.txt below the seeds folder as Paths, in a stable order (see discover_file_names)."""
    return [Path(name) for name in discover_file_names(seeds_dir)]


def file_stats(paths: Iterable[Path | str]) -> pl.DataFrame:
    """(source_path, size_bytes, modified_ns) of each file as read_sources would see it; nulls when stat fails."""
    shown: list[str] = []
    sizes: list[int | None] = []
    modified: list[int | None] = []
    for path in paths:
        shown.append(printable_path(path))
        try:
            status = os.stat(path)
            sizes.append(status.st_size)
            modified.append(status.st_mtime_ns)
        except (OSError, RuntimeError):
            sizes.append(None)
            modified.append(None)
    return pl.DataFrame({"source_path": shown, "size_bytes": sizes, "modified_ns": modified},
                        schema={"source_path": pl.String, "size_bytes": pl.Int64, "modified_ns": pl.Int64})


def paths_to_read(paths: Sequence[PathLike], stats: pl.DataFrame, unchanged_paths: set[str]) -> list[PathLike]:
    """The discovered files minus those whose unchanged content is already extracted (stats in paths' order)."""
    return [path for path, shown in zip(paths, stats["source_path"], strict=True) if shown not in unchanged_paths]


def printable_path(path: Path | str) -> str:
    """The path as text; bytes of a file name that are not UTF-8 become \\xNN escapes."""
    text = str(path)
    if text.isascii():  # nearly every name, and the same either way
        return text
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def read_sources(paths: list[Path], seeds_dir: Path, max_file_bytes: int) -> pl.DataFrame:
    """The raw bytes of each file, or why they could not be read; nothing is skipped silently."""
    root = seeds_dir.resolve()
    # a file that is no link lies where its folder really is, inside the seeds when its folder is: one lstat
    # instead of resolving every part of every path (a third of the reading), Paths only once a folder
    real_folders: dict[str, tuple[str, bool]] = {}
    rows: list[dict[str, object]] = []
    for path in paths:
        shown = printable_path(path)
        row: dict[str, object] = {
            "source_path": shown, "source_name": os.path.splitext(os.path.basename(shown))[0], "size_bytes": None,
            "modified_ns": None, "raw": None, "read_error": None, "read_detail": None,
        }
        try:
            status = os.lstat(path)
            if stat.S_ISLNK(status.st_mode):
                resolved = Path(path).resolve(strict=True)
                status = resolved.stat()
                real, inside = str(resolved), resolved.is_relative_to(root)
            else:
                folder, name = os.path.split(os.fspath(path))
                if folder not in real_folders:
                    real_folder = Path(folder or ".").resolve(strict=True)
                    real_folders[folder] = str(real_folder), real_folder.is_relative_to(root)
                real_folder_text, inside = real_folders[folder]
                real = os.path.join(real_folder_text, name)
            if not inside:
                row["read_error"], row["read_detail"] = "outside_seeds", f"links to {printable_path(real)}"
            else:
                size = status.st_size
                row["size_bytes"], row["modified_ns"] = size, status.st_mtime_ns
                if not stat.S_ISREG(status.st_mode):  # a fifo would block the run forever
                    row["read_error"], row["read_detail"] = "unreadable", "not a regular file"
                elif size > max_file_bytes:
                    row["read_error"] = "too_large"
                    row["read_detail"] = f"{size} bytes > limit {max_file_bytes}"
                else:
                    with open(real, "rb") as handle:
                        row["raw"] = handle.read()
        except FileNotFoundError as exc:
            row["read_error"], row["read_detail"] = "unreadable", f"broken link or vanished: {exc}"
        except OSError as exc:
            row["read_error"], row["read_detail"] = "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}"
        except RuntimeError as exc:  # a symlink loop
            row["read_error"], row["read_detail"] = "unreadable", str(exc)
        rows.append(row)
    return pl.DataFrame(rows, schema=SOURCE_SCHEMA)


def decode_bytes(raw: bytes) -> tuple[str | None, str, str]:
    """(text, reason, detail): text is None when the bytes are rejected; reason names a warning otherwise."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf16_bom", "decoded as UTF-16"
        except UnicodeDecodeError as exc:
            return None, "not_text", f"UTF-16 BOM but undecodable at byte {exc.start}"
    if not raw.strip():
        return None, "empty", "no bytes" if not raw else "only white space"
    if NUL in raw[:8192]:
        return None, "binary", f"NUL byte at offset {raw.index(NUL)}"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, "not_utf8", f"invalid UTF-8 at byte {exc.start}: {raw[exc.start:exc.start + 4]!r}"
    # nearly no text has one: bytes.translate rules them out in C before the regex counts them
    head = raw[:CONTROL_SCAN_BYTES]
    if len(head.translate(None, CONTROL_BYTES)) == len(head):
        return text, "", ""
    control = len(CONTROL_CHARACTER.findall(text, 0, 8192))
    if control > 0.05 * min(len(text), 8192):
        return None, "binary", f"{control} control characters in the first 8 KiB"
    return text, "", ""


def decode_sources(sources: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split read files into decoded texts (source columns + text, warnings) and rejected rows."""
    decoded: list[dict[str, object]] = []
    rejected: list[dict[str, object]] = []
    for row in sources.iter_rows(named=True):
        raw: bytes | None = row["raw"]
        digest = hashlib.sha256(raw).hexdigest() if raw is not None else None
        base = {"source_path": row["source_path"], "source_name": row["source_name"], "size_bytes": row["size_bytes"]}
        if row["read_error"]:
            rejected.append(base | {"reason": row["read_error"], "detail": row["read_detail"], "bytes_sha256": digest})
            continue
        assert raw is not None
        text, reason, detail = decode_bytes(raw)
        if text is None:
            rejected.append(base | {"reason": reason, "detail": detail, "bytes_sha256": digest})
            continue
        base["modified_ns"] = row["modified_ns"]
        warnings = [f"{reason}: {detail}"] if reason else []
        if "\r" in text:
            warnings.append("crlf: line endings normalised to LF")
        decoded.append(base | {"raw_text": text, "warnings": warnings})
    decoded_frame = pl.DataFrame(
        decoded,
        schema={"source_path": pl.String, "source_name": pl.String, "size_bytes": pl.Int64, "modified_ns": pl.Int64,
                "raw_text": pl.String, "warnings": pl.List(pl.String)},
    )
    return decoded_frame, pl.DataFrame(rejected, schema=REJECTED_SCHEMA)


def nfc_column(texts: pl.Series) -> pl.Series:
    """NFC of each string. CPython's quick check passes a text already in NFC (nearly all) at C speed, where
    Polars' str.normalize rebuilds every text: a tenth of the time, and ingest runs beside the extraction workers."""
    return pl.Series(texts.name, [None if t is None else unicodedata.normalize("NFC", t) for t in texts],
                     dtype=pl.String)


def normalise_text(raw_text: pl.Expr) -> pl.Expr:
    """NFC, LF line ends, no trailing blanks, any run of blank lines -> one paragraph break."""
    return (
        raw_text.map_batches(nfc_column, return_dtype=pl.String)
        .str.replace_all("\r\n?", "\n")
        .str.replace_all(r"[ \t\u00a0]+\n", "\n")
        .str.replace_all(r"\n{3,}", "\n\n")
        .str.strip_chars()
    )


def cut_long_runs(text: str, longest: int = LONGEST_RUN) -> tuple[str, int]:
    """(text, cuts): runs of more than `longest` characters without a sentence end are cut into lines at white
    space (a blank becomes a line break, so the length and every offset stay the same)."""
    chars: list[str] | None = None
    cuts = 0
    start = 0
    for end in [*(m.start() for m in SENTENCE_END.finditer(text)), len(text)]:
        while end - start > longest:
            window = text[start:start + longest + 1]
            blank = max(window.rfind(" "), window.rfind("\t"), window.rfind("\u00a0"))
            if blank >= 0:
                cut = start + blank
            else:  # one unbroken token longer than the limit: cut at the first blank after it
                after = BLANK.search(text, start + longest, end)
                if after is None:
                    break
                cut = after.start()
            chars = chars if chars is not None else list(text)
            chars[cut] = "\n"
            cuts += 1
            start = cut + 1
        start = end + 1
    return ("".join(chars) if chars is not None else text), cuts


def break_long_runs(frame: pl.DataFrame) -> pl.DataFrame:
    """Cut over-long runs without a sentence end (see LONGEST_RUN) in the texts that have them, with a warning."""
    # the runs between sentence ends, as the pieces of a split (a tenth of the time of extract_all)
    longest = (pl.col("text").str.replace_all(r"[.!?…]", "\n").str.split("\n")
               .list.eval(pl.element().str.len_chars()).list.max())
    flagged = frame.select((longest.fill_null(0) > LONGEST_RUN).alias("long")).to_series().arg_true().to_list()
    if not flagged:
        return frame
    texts = frame["text"].to_list()
    warnings = frame["warnings"].to_list()
    for i in flagged:
        texts[i], cuts = cut_long_runs(texts[i])
        warnings[i] = [*warnings[i], f"long_line: {cuts} line breaks put at white space in runs of over "
                                     f"{LONGEST_RUN} characters without a sentence end"]
    return frame.with_columns(pl.Series("text", texts, dtype=pl.String),
                              pl.Series("warnings", warnings, dtype=pl.List(pl.String)))


def valid_header_date(year: int | None, month: int | None, day: int | None) -> date | None:
    """The header's date when it exists on the calendar, else None."""
    if year is None or month is None:
        return None
    try:
        return date(year, month, day or 1)
    except ValueError:
        return None


def parse_documents(decoded: pl.DataFrame, ingested_at: datetime | None = None) -> pl.DataFrame:
    """Normalised documents with header fields, content-hash ids and a warning list (language not yet set)."""
    stamp = ingested_at or datetime.now(UTC).replace(tzinfo=None)
    frame = (
        break_long_runs(decoded.with_columns(normalise_text(pl.col("raw_text")).alias("text")))
        .with_columns(pl.col("text").str.extract_groups(HEADER_PATTERN).alias("header"))
        .with_columns(
            pl.col("header").struct.field("1").cast(pl.Int32).alias("header_year"),
            pl.col("header").struct.field("2").cast(pl.Int32).alias("header_month"),
            pl.col("header").struct.field("3").cast(pl.Int32).alias("header_day"),
            pl.col("header").struct.field("4").str.strip_chars().alias("headline"),
        )
    )
    pub_dates = [
        valid_header_date(y, m, d)
        for y, m, d in zip(frame["header_year"], frame["header_month"], frame["header_day"], strict=True)
    ]
    frame = frame.with_columns(pl.Series("pub_date", pub_dates, dtype=pl.Date))
    has_header = pl.col("header_year").is_not_null()
    bad_header = has_header & pl.col("pub_date").is_null()
    first_line_end = pl.col("text").str.find("\n").fill_null(pl.col("text").str.len_bytes())
    body_empty = has_header & (pl.col("text").str.len_chars() <= first_line_end + 1)
    warning_parts = [
        pl.when(~has_header).then(pl.lit("no_header: first line is not 'date YYYY-MM[-DD] headline'")),
        pl.when(bad_header).then(pl.format("bad_header_date: {}-{} is not a calendar date",
                                           pl.col("header_year"), pl.col("header_month"))),
        pl.when(body_empty).then(pl.lit("no_body: only a header line")),
    ]
    return (
        frame.with_columns(
            pl.col("warnings").list.concat(pl.concat_list(warning_parts).list.drop_nulls()).alias("warnings"),
            pl.when(pl.col("pub_date").is_null()).then(pl.lit("none"))
            .when(pl.col("header_day").is_not_null()).then(pl.lit("day"))
            .otherwise(pl.lit("month")).alias("pub_precision"),
            # str.find counts bytes; the header prefix before the headline is ASCII, so bytes == characters.
            pl.when(pl.col("headline").is_not_null())
            .then(pl.col("text").str.find(pl.col("headline"), literal=True))
            .alias("headline_start").cast(pl.Int64),
            pl.col("text").map_batches(sha256_column, return_dtype=pl.String).alias("doc_id"),
            pl.col("text").str.len_chars().cast(pl.Int64).alias("n_chars"),
            pl.lit(stamp).alias("ingested_at"),
        )
        .with_columns(pl.col("headline").fill_null(""))
    )


def sha256_column(texts: pl.Series) -> pl.Series:
    """sha256 hex digest of each UTF-8 string (deterministic, unlike Python's hash())."""
    return pl.Series([hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts], dtype=pl.String)


def detectable_languages(path: Path = DETECTABLE_LANGUAGES_FILE, lexicon_dir: Path = LEXICON_DIR) -> list[Language]:
    """The languages of languages.json's `detect` list and of every lexicon folder, as lingua names them."""
    try:
        listed = json.loads(path.read_text(encoding="utf-8"))["detect"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: cannot read the `detect` list of language codes: {exc}") from exc
    if not isinstance(listed, list) or not listed or not all(isinstance(code, str) for code in listed):
        raise ValueError(f"{path}: `detect` must be a non-empty list of ISO 639-1 codes")
    codes = sorted({*listed, *supported_event_languages(lexicon_dir)})
    languages = []
    for code in codes:
        try:
            languages.append(Language.from_iso_code_639_1(IsoCode639_1.from_str(code)))
        except ValueError:
            raise ValueError(f"{path}: {code!r} is no ISO 639-1 code that lingua knows") from None
    return languages


@lru_cache(maxsize=1)
def language_detector() -> LanguageDetector:
    """lingua restricted to the likely languages: ~10x faster and fewer confusions than all 75.

    Low-accuracy mode reads trigrams only. On a 500-character sample it labels 5,361 bench and corpus
    documents exactly as the full models do, and saves ~1.5 s of model loading per process and ~40% of
    the detection time; it is short texts (under ~120 characters) where the full models win.
    """
    return (LanguageDetectorBuilder.from_languages(*detectable_languages())
            .with_preloaded_language_models().with_low_accuracy_mode().build())


# lingua's time grows with the sample. A 200-character sample names the language of a text as the 500-character
# one does for all 20,361 bench and corpus documents; where it does not (3,233 windows cut anywhere in corpus text)
# the text changes script within the longer sample: an English tweet quoted in Russian copy. And lingua's
# unique-letter rule lets one Polish-spelled name make a short English sample Polish. So the short sample's answer
# stands only when it names a language with a lexicon, surely, and its letters are of the longer sample's script;
# else the longer sample decides (0.3% of the documents).
QUICK_SAMPLE_CHARS = 200
QUICK_CONFIDENCE = 0.9


def latin_script(samples: pl.Series) -> pl.Series:
    """Whether most letters of each text are Latin ones."""
    return samples.str.count_matches(r"\p{Latin}") * 2 > samples.str.count_matches(r"\p{L}")


@lru_cache(maxsize=1)
def event_language_names() -> frozenset[Language]:
    """The languages that have a lexicon, as lingua names them."""
    return frozenset(Language.from_iso_code_639_1(IsoCode639_1.from_str(code))
                     for code in supported_event_languages())


def detect_languages(texts: list[str], sample_chars: int) -> tuple[list[str], list[float]]:
    """ISO 639-1 code and confidence of each text, judged on its first QUICK_SAMPLE_CHARS characters when they
    are clear (see above), else on its first sample_chars characters."""
    detector = language_detector()
    series = pl.Series("text", texts, dtype=pl.String)
    samples = series.str.slice(0, sample_chars)
    if sample_chars > QUICK_SAMPLE_CHARS:
        quick = series.str.slice(0, QUICK_SAMPLE_CHARS)
        same_script = (latin_script(quick) == latin_script(samples)).to_list()
        known = event_language_names()
        results = detector.compute_language_confidence_values_in_parallel(quick.to_list())
        unclear = [i for i, (ranked, same) in enumerate(zip(results, same_script, strict=True))
                   if not (same and ranked and ranked[0].language in known and ranked[0].value >= QUICK_CONFIDENCE)]
        for i, ranked in zip(unclear, detector.compute_language_confidence_values_in_parallel(
                [samples[i] for i in unclear]), strict=True):
            results[i] = ranked
    else:
        results = detector.compute_language_confidence_values_in_parallel(samples.to_list())
    codes: list[str] = []
    confidences: list[float] = []
    for ranked in results:
        if not ranked or ranked[0].value <= 0.0:
            codes.append("und")
            confidences.append(0.0)
        else:
            codes.append(ranked[0].language.iso_code_639_1.name.lower())
            confidences.append(round(float(ranked[0].value), 4))
    return codes, confidences


def tag_languages(documents: pl.DataFrame, sample_chars: int) -> pl.DataFrame:
    """Add lang and lang_confidence, judged on the body (the header's 'date' word is not language)."""
    if documents.is_empty():
        return documents.with_columns(pl.lit(None, pl.String).alias("lang"),
                                      pl.lit(None, pl.Float64).alias("lang_confidence"))
    bodies = documents.select(
        pl.when(pl.col("headline_start").is_not_null())
        .then(pl.col("text").str.slice(pl.col("headline_start")))
        .otherwise(pl.col("text"))
    ).to_series().to_list()
    codes, confidences = detect_languages(bodies, sample_chars)
    return documents.with_columns(
        pl.Series("lang", codes, dtype=pl.String),
        pl.Series("lang_confidence", confidences, dtype=pl.Float64),
    )


def ingest(paths: list[Path], seeds_dir: Path, max_file_bytes: int, sample_chars: int,
           ingested_at: datetime | None = None,
           detect_language: bool = True) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(documents, document_sources, rejected) for a batch of files.

    documents holds one row per distinct normalised text; document_sources one row per file
    that produced it, so the same article under two names is one document with two sources.
    Without detect_language, lang and lang_confidence stay null for tag_languages to fill in
    later, for the documents that need it (a rerun skips the ones already extracted).
    """
    sources = read_sources(paths, seeds_dir, max_file_bytes)
    decoded, rejected = decode_sources(sources)
    parsed = parse_documents(decoded, ingested_at)
    document_sources = parsed.select("doc_id", "source_path", "source_name", "size_bytes", "modified_ns")
    distinct = parsed.sort("source_path").unique(subset="doc_id", keep="first", maintain_order=True)
    if detect_language:
        distinct = tag_languages(distinct, sample_chars)
    else:
        distinct = distinct.with_columns(pl.lit(None, pl.String).alias("lang"),
                                         pl.lit(None, pl.Float64).alias("lang_confidence"))
    documents = distinct.select(DOCUMENT_COLUMNS)
    return documents, document_sources, rejected


