"""Bench corpus: deterministic, every text distinct, changes that keep the grammar, a cache that notices changes."""

from __future__ import annotations

import json
import random
from pathlib import Path

import polars as pl

from flows.bench import (
    CORPUS_MANIFEST,
    SourceArticle,
    ensure_corpus,
    matches_any,
    sample_paths,
    swap_weekday,
    union_trigger_patterns,
    vary_text,
    write_corpus,
)

SOURCES = [
    SourceArticle("en_1", "en", "date 2023-02 Biden visits Kyiv\n\nBiden arrived on Monday and left on Tuesday.\n"),
    SourceArticle("nl_1", "nl", "date 2023-02 Rutte in Kyiv\n\nRutte bezocht dinsdag Kyiv.\n"),
    SourceArticle("ru_1", "ru", "date 2023-02 Визит\n\nВо вторник и в среду он посетил Киев.\n"),
]


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


def test_corpus_is_deterministic_distinct_and_sharded(tmp_path: Path) -> None:
    size = write_corpus(tmp_path / "a", 2500, 7, SOURCES)
    write_corpus(tmp_path / "b", 2500, 7, SOURCES)
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first == second
    assert len(set(first.values())) == 2500
    assert size == sum(len(data) for data in first.values())
    assert sorted({name.split("/")[0] for name in first}) == ["0000", "0001", "0002"]
    assert sorted(first)[0] == "0000/0000000_" + sorted(first)[0].split("_", 1)[1]


def test_weekday_swap_keeps_case_and_grammar() -> None:
    rng = random.Random(1)
    swapped = swap_weekday("Biden arrived on Monday.", "en", rng)
    assert swapped != "Biden arrived on Monday." and swapped.split()[-1][0].isupper()
    # Russian: only "в <accusative>" is swapped; "во вторник" is left alone
    for seed in range(20):
        text = swap_weekday("Во вторник и в среду.", "ru", random.Random(seed))
        assert text.startswith("Во вторник и в ") and not text.endswith("в среду.")
    assert swap_weekday("No day here.", "en", rng) == "No day here."


def test_copy_ends_with_its_number() -> None:
    text = vary_text(SOURCES[1], 42, random.Random(0))
    assert text.endswith("\n\nArchiefkopie 0000042.\n")


def test_cached_corpus_is_reused_until_an_input_changes(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for article in SOURCES:
        (sources / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
    folder, size, _, cached = ensure_corpus(tmp_path / "out", 30, 0, sources)
    assert not cached and json.loads((folder / CORPUS_MANIFEST).read_text())["bytes"] == size
    assert ensure_corpus(tmp_path / "out", 30, 0, sources)[3]
    (sources / "en_1.txt").write_text(SOURCES[0].text + "More.\n", encoding="utf-8")
    assert not ensure_corpus(tmp_path / "out", 30, 0, sources)[3]


def test_sample_and_floor_pattern() -> None:
    paths = [Path(f"{i}.txt") for i in range(10)]
    assert sample_paths(paths, 5) == [Path(f"{i}.txt") for i in (0, 2, 4, 6, 8)]
    assert sample_paths(paths, 50) == paths
    patterns = union_trigger_patterns()
    assert len(patterns) == 4 and all(p.startswith("(?i)") for p in patterns)
    assert "(?-u:\\b)" in patterns[0]  # the fast form select_candidates uses
    texts = pl.Series(["Biden paid a surprise visit to Kyiv.", "Rutte bracht een bezoek aan Kiev.",
                       "Лавров посетил Пекин.", "Ministrul a vizitat Chișinăul.", "The weather was fine."])
    assert matches_any(texts, patterns).to_list() == [True, True, True, True, False]
    # the per-language passes say what the one alternation of all of them says
    assert matches_any(texts, patterns).to_list() == texts.str.contains("|".join(patterns)).to_list()
    # and so do the smaller alternations the candidate filter ORs
    grouped = union_trigger_patterns(grouped=True)
    assert len(grouped) > len(patterns)
    assert matches_any(texts, grouped).to_list() == [True, True, True, True, False]
