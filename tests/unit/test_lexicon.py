"""Event lexicons: every shipped file loads, and broken files are refused with file and entry named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.lexicon import (
    compile_pattern,
    event_lexicon,
    load_cues,
    load_grammar,
    load_triggers,
    lookbehind_guarded,
    organisation_seats,
    supported_event_languages,
    teaser_pattern,
)
from flows.settings import LEXICON_DIR


def test_shipped_languages_load() -> None:
    assert {"nl", "en", "ru"} <= set(supported_event_languages())
    for lang in supported_event_languages():
        lexicon = event_lexicon(lang)
        assert lexicon is not None
        assert {t.event_type for t in lexicon.triggers} == {"visit", "demarche", "pledge"}


def test_language_without_lexicon_is_none() -> None:
    assert event_lexicon("xx") is None


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"rule": "a", "type": "party", "roles": "subject_goal", "pattern": "x"}, "type must be one of"),
        ({"rule": "a", "type": "visit", "roles": "nobody", "pattern": "x"}, "roles must be one of"),
        ({"rule": "a", "type": "visit", "roles": "subject_goal", "pattern": "(unclosed"}, "invalid pattern"),
        ({"rule": "a", "type": "visit", "roles": "subject_goal", "pattern": "x", "extra": 1}, "unknown keys"),
    ],
)
def test_invalid_trigger_is_refused(tmp_path: Path, entry: dict[str, object], message: str) -> None:
    path = tmp_path / "triggers.json"
    path.write_text(json.dumps({"language": "nl", "triggers": [entry]}), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        load_triggers(path, "nl")
    assert "trigger 1" in str(error.value)
    assert str(path) in str(error.value)


def test_cues_must_be_complete(tmp_path: Path) -> None:
    path = tmp_path / "cues.json"
    path.write_text(json.dumps({"language": "nl", "future": ["zal"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="missing cue kinds"):
        load_cues(path, "nl")


def test_trigger_patterns_compile_in_polars() -> None:
    """The candidate filter runs the same patterns on Rust's regex engine: they must be valid there too."""
    import polars as pl

    for lang in supported_event_languages():
        lexicon = event_lexicon(lang)
        assert lexicon is not None
        pl.DataFrame({"s": ["x"]}).select(pl.col("s").str.contains(lexicon.candidate_pattern))
        for group in lexicon.candidate_group_patterns:
            pl.DataFrame({"s": ["x"]}).select(pl.col("s").str.contains(group))


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_candidate_groups_select_what_the_whole_union_selects() -> None:
    """The groups OR-ed together are the union: on every line of the corpus they pick the same lines."""
    import polars as pl

    lines = pl.Series("s", [line for path in sorted(CORPUS.glob("*.txt"))
                            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
    for lang in supported_event_languages():
        lexicon = event_lexicon(lang)
        assert lexicon is not None
        assert len(lexicon.candidate_group_patterns) > 1  # else this test compares a pattern with itself
        union = pl.select(lines.str.contains(lexicon.candidate_pattern)).to_series()
        groups = pl.select(pl.any_horizontal([lines.str.contains(g) for g in lexicon.candidate_group_patterns]))
        assert union.sum() > 0
        assert union.equals(groups.to_series().alias(union.name))


def test_broken_teaser_marker_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.json"
    path.write_text(json.dumps({"teaser_markers": ["read more", "lees (ook"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="teaser marker 2"):
        teaser_pattern(path)
    path.write_text(json.dumps({"teaser_markers": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="non-empty list"):
        teaser_pattern(path)


def test_organisation_seats_are_country_codes(tmp_path: Path) -> None:
    assert "BEL" in organisation_seats()["EU"]
    path = tmp_path / "org_seats.json"
    path.write_text(json.dumps({"seats": {"EU": ["Brussels"]}}), encoding="utf-8")
    with pytest.raises(ValueError, match="EU: seats must be ISO 3166-1 alpha-3 codes"):
        organisation_seats(path)


def test_an_empty_cue_list_matches_nothing(tmp_path: Path) -> None:
    shipped = json.loads((Path(__file__).parents[2] / "flows/lexicons/en/cues.json").read_text(encoding="utf-8"))
    shipped["remote"] = []
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(shipped), encoding="utf-8")
    cues, _ = load_cues(path, "en")
    assert cues["remote"].search("met by video link in Kyiv") is None


# the language words the extractor once held in Python constants, now cue kinds of every language
LANGUAGE_WORD_KINDS = ("list_joiners", "place_nouns", "coordinators", "visit_manner_prepositions",
                       "departure_prepositions", "modifier_words", "modifier_forms", "contrast_words")


@pytest.mark.parametrize("kind", LANGUAGE_WORD_KINDS)
def test_cues_missing_a_language_word_kind_are_refused(tmp_path: Path, kind: str) -> None:
    shipped = json.loads((Path(__file__).parents[2] / "flows/lexicons/nl/cues.json").read_text(encoding="utf-8"))
    del shipped[kind]
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(shipped), encoding="utf-8")
    with pytest.raises(ValueError, match=f"missing cue kinds \\['{kind}'\\]"):
        load_cues(path, "nl")


def test_language_word_kinds_load_as_words_or_patterns(tmp_path: Path) -> None:
    cues, words = load_cues(Path(__file__).parents[2] / "flows/lexicons/nl/cues.json", "nl")
    assert {"coordinators", "visit_manner_prepositions", "departure_prepositions", "modifier_words"} <= set(words)
    assert "vanuit" in words["departure_prepositions"]
    assert cues["place_nouns"].match("hoofdstad") is not None
    assert cues["modifier_forms"].search("recente") is None  # Dutch has no adjective endings listed: matches nothing
    shipped = json.loads((Path(__file__).parents[2] / "flows/lexicons/nl/cues.json").read_text(encoding="utf-8"))
    shipped["list_joiners"] = ["(en"]
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(shipped), encoding="utf-8")
    with pytest.raises(ValueError, match="list_joiners: invalid pattern"):
        load_cues(path, "nl")


def shipped_grammar(lang: str) -> dict[str, object]:
    path = Path(__file__).parents[2] / f"flows/lexicons/{lang}/grammar.json"
    loaded: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def test_every_shipped_language_has_a_grammar() -> None:
    for lang in supported_event_languages():
        lexicon = event_lexicon(lang)
        assert lexicon is not None
        assert lexicon.grammar == load_grammar(LEXICON_DIR / lang / "grammar.json", lang)
    nl, ru = event_lexicon("nl"), event_lexicon("ru")
    assert nl is not None and ru is not None
    assert nl.grammar.host_prepositions == ("bij",) and nl.grammar.recipient_before_trigger
    assert ru.grammar.genitive_agent_by_case and ru.grammar.dative_recipient_by_case
    assert nl.grammar.possessive.match("'s minister") is not None


def test_entity_morphology_comes_from_the_grammar() -> None:
    morphology = {lang: (g.entity_inflection, g.borrows_english_names, g.ampersand_words)
                  for lang in ("en", "nl", "ro", "ru")
                  for g in [load_grammar(LEXICON_DIR / lang / "grammar.json", lang)]}
    assert morphology == {
        "en": ("suffixes_only", False, ("and",)),
        "nl": ("dutch_genitive", True, ()),
        "ro": ("romanian_articles", True, ()),
        "ru": ("russian_cases", False, ()),
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"genitive_agent_by_case": None}, "missing properties \\['genitive_agent_by_case'\\]"),
        ({"word_order": "SOV"}, "unknown properties \\['word_order'\\]"),
        ({"recipient_before_trigger": "yes"}, "recipient_before_trigger must be true or false"),
        ({"possessive_suffixes": "'s"}, "possessive_suffixes must be a list of non-empty strings"),
        ({"host_prepositions": [""]}, "host_prepositions must be a list of non-empty strings"),
        ({"inverted_subject_kinds": ["person", "animal"]}, "inverted_subject_kinds: unknown entity kinds"),
        ({"language": "en"}, "language must be 'nl'"),
        ({"entity_inflection": "german_cases"}, "entity_inflection must be one of .*not 'german_cases'"),
        ({"entity_inflection": ["dutch_genitive"]}, "entity_inflection must be one of"),
        ({"borrows_english_names": "yes"}, "borrows_english_names must be true or false"),
        ({"ampersand_words": "and"}, "ampersand_words must be a list of non-empty strings"),
    ],
)
def test_invalid_grammar_is_refused(tmp_path: Path, change: dict[str, object], message: str) -> None:
    grammar = shipped_grammar("nl")
    for key, value in change.items():
        if value is None:
            del grammar[key]
        else:
            grammar[key] = value
    path = tmp_path / "grammar.json"
    path.write_text(json.dumps(grammar), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        load_grammar(path, "nl")
    assert str(path) in str(error.value)


def test_a_grammar_without_possessive_suffixes_matches_none(tmp_path: Path) -> None:
    grammar = shipped_grammar("ro") | {"possessive_suffixes": []}
    path = tmp_path / "grammar.json"
    path.write_text(json.dumps(grammar), encoding="utf-8")
    assert load_grammar(path, "ro").possessive.match("'s minister") is None


def test_abbreviations_run_in_polars_and_keep_a_sentence_whole() -> None:
    """Segmentation runs every language's abbreviations on Rust's regex engine: they must be valid there."""
    import polars as pl

    from flows.segment import no_break_after

    pieces = pl.Series(["Dhr. ", "vs. ", "т.е. ", "Nr. ", "said. "])
    assert pieces.str.contains(no_break_after()).to_list() == [True, True, True, True, False]


def test_a_broken_abbreviation_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "grammar.json"
    path.write_text(json.dumps(shipped_grammar("nl") | {"abbreviations": ["dhr", "(bijv"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="abbreviations 2: invalid pattern") as error:
        load_grammar(path, "nl")
    assert str(path) in str(error.value)


def test_a_cue_opening_on_a_look_behind_matches_as_written() -> None:
    entry = r"(?<!\bсегодня\b(?:(?!\bчто\b)[^.]){0,60})\bприед(?:ет|ут)\b"
    assert lookbehind_guarded(entry) == rf"(?=\bприед(?:ет|ут)\b){entry}"
    assert lookbehind_guarded(r"(?<!a)(b)") == r"(?<!a)(b)"  # a look-ahead would add a group
    assert lookbehind_guarded(r"(?<!x") == r"(?<!x"  # broken: left for the compiler to name
    for text in ("Президент приедет в Киев.", "Сегодня стало известно, что президент приедет.",
                 "Сегодня президент приедет."):
        assert (compile_pattern(lookbehind_guarded(entry), "test").search(text) is None) == (
            compile_pattern(entry, "test").search(text) is None)
