"""Ingest: header parsing, normalisation, identity, language, and every kind of bad input."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from flows.ingest import decode_bytes, discover_files, ingest

LIMIT = 1_000_000


def run_ingest(seeds: Path, limit: int = LIMIT) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    return ingest(discover_files(seeds), seeds, limit, 500)


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


DUTCH = "date 2023-02 Biden in Kiev\n\nPresident Biden bracht maandag een bezoek aan Kiev. Hij beloofde hulp."


def test_month_header_gives_month_precision(seeds_dir: Path) -> None:
    write(seeds_dir, "a.txt", DUTCH)
    docs, _, rejected = run_ingest(seeds_dir)
    row = docs.row(0, named=True)
    assert rejected.is_empty()
    assert row["pub_date"] == date(2023, 2, 1)
    assert row["pub_precision"] == "month"
    assert row["headline"] == "Biden in Kiev"
    assert row["text"][row["headline_start"]:].startswith("Biden in Kiev")
    assert row["source_name"] == "a"


def test_indented_day_header(seeds_dir: Path) -> None:
    write(seeds_dir, "b.txt", "   date 2016-03-10 Obama welcomes Trudeau\n\nWASHINGTON President Barack Obama met.")
    row = run_ingest(seeds_dir)[0].row(0, named=True)
    assert row["pub_date"] == date(2016, 3, 10)
    assert row["pub_precision"] == "day"
    assert row["headline"] == "Obama welcomes Trudeau"
    assert row["text"].startswith("date 2016-03-10")


def test_missing_header_is_kept_with_warning(seeds_dir: Path) -> None:
    write(seeds_dir, "c.txt", "Obama arrived in Havana on Sunday for a historic visit to Cuba.")
    row = run_ingest(seeds_dir)[0].row(0, named=True)
    assert row["pub_date"] is None
    assert row["pub_precision"] == "none"
    assert any(w.startswith("no_header") for w in row["warnings"])


def test_impossible_header_date_is_kept_with_warning(seeds_dir: Path) -> None:
    write(seeds_dir, "d.txt", "date 2023-13 Een kop\n\nDe minister bezocht Kiev.")
    row = run_ingest(seeds_dir)[0].row(0, named=True)
    assert row["pub_date"] is None
    assert any(w.startswith("bad_header_date") for w in row["warnings"])


def test_blank_line_runs_become_one_paragraph_break(seeds_dir: Path) -> None:
    write(seeds_dir, "e.txt", "date 2023-02 Kop\r\n\r\nEerste alinea.  \n\n\n\n \n\nTweede alinea.\n")
    row = run_ingest(seeds_dir)[0].row(0, named=True)
    assert row["text"] == "date 2023-02 Kop\n\nEerste alinea.\n\nTweede alinea."
    assert row["n_chars"] == len(row["text"])
    assert any(w.startswith("crlf") for w in row["warnings"])


def test_nfc_normalisation_makes_one_document(seeds_dir: Path) -> None:
    write(seeds_dir, "composed.txt", "date 2023-02 Oekra\u00efne\n\nTekst over Oekra\u00efne.")
    write(seeds_dir, "decomposed.txt", "date 2023-02 Oekrai\u0308ne\n\nTekst over Oekrai\u0308ne.")
    docs, sources, _ = run_ingest(seeds_dir)
    assert docs.height == 1
    assert sources.height == 2
    assert sources["doc_id"].n_unique() == 1
    assert docs["source_name"][0] == "composed"


def test_doc_id_is_sha256_of_normalised_text(seeds_dir: Path) -> None:
    import hashlib

    write(seeds_dir, "a.txt", DUTCH)
    row = run_ingest(seeds_dir)[0].row(0, named=True)
    assert row["doc_id"] == hashlib.sha256(row["text"].encode("utf-8")).hexdigest()


def test_languages_detected_with_confidence(seeds_dir: Path, seed_text: str) -> None:
    write(seeds_dir, "nl.txt", seed_text)
    write(seeds_dir, "en.txt", "date 2016-03 Obama in Cuba\n\nPresident Barack Obama arrives in Cuba on Sunday "
                               "for a historic visit, the first by a sitting US president in nearly 90 years.")
    write(seeds_dir, "ru.txt", "date 2022-07 Посол\n\nМинистерство иностранных дел Великобритании в пятницу "
                               "вызвало посла России Андрея Келина.")
    docs = run_ingest(seeds_dir)[0]
    langs = dict(zip(docs["source_name"], docs["lang"], strict=True))
    assert langs == {"nl": "nl", "en": "en", "ru": "ru"}
    assert docs["lang_confidence"].min() > 0.5


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_the_short_sample_names_the_language_the_long_one_does_on_the_corpus() -> None:
    from flows.ingest import detect_languages, discover_files, ingest, language_detector

    documents = ingest(discover_files(CORPUS), CORPUS, 20 * 1024 * 1024, 500, detect_language=False)[0]
    texts = documents["text"].to_list()
    long_only = [ranked[0].language.iso_code_639_1.name.lower()
                 for ranked in language_detector().compute_language_confidence_values_in_parallel(
                     [text[:500] for text in texts])]
    codes, _ = detect_languages(texts, 500)
    assert codes == long_only
    assert {"nl", "en", "ru", "ro"} <= set(codes)


@pytest.mark.parametrize(("text", "lang"), [
    # an English quote fills the short sample, the Russian report the long one: the scripts differ
    ("“We stand with Ukraine, and we will keep standing with Ukraine for as long as it takes,” the minister "
     "wrote on X on Tuesday evening, after the talks in the capital had ended late at night. "
     + "Министр иностранных дел заявил об этом после встречи с послом. " * 6, "ru"),
    # Polish-spelled names make a short English sample Polish, a language without lexicon (a web teaser repeats
    # the lede's first words)
    ("The first lady of Ukraine Ołen Zełanska and the Minister of Foreign Affairs of this country Dmytro Kułyba "
     "came to the...\n\nThe first lady of Ukraine Ołen Zełanska and the Minister of Foreign Affairs of this "
     "country Dmytro Kułyba came to Warsaw. "
     + "They met the president and the prime minister to discuss further support for the country. " * 5,
     "en"),
])
def test_the_long_sample_decides_where_the_short_one_is_unclear(text: str, lang: str) -> None:
    from flows.ingest import QUICK_SAMPLE_CHARS, detect_languages, language_detector

    quick = language_detector().compute_language_confidence_values(text[:QUICK_SAMPLE_CHARS])[0].language
    assert quick.iso_code_639_1.name.lower() != lang  # the short sample alone would be wrong
    assert detect_languages([text], 500)[0] == [lang]


def test_recursive_discovery(seeds_dir: Path) -> None:
    write(seeds_dir, "deep/er/x.txt", DUTCH)
    write(seeds_dir, "not-text.csv", "a,b")
    assert [p.name for p in discover_files(seeds_dir)] == ["x.txt"]


def test_discovery_lists_files_in_the_order_of_their_paths(seeds_dir: Path) -> None:
    # a folder's files sort among its subfolders by name, and "a/" before "a-c.txt" and "a.txt", as Paths do
    for name in ("a/b.txt", "a/z/y.txt", "a-c.txt", "a.txt", "B.txt", "a b.txt", "ä.txt", "a/a.txt",
                 "a.d/c.txt", ".hidden.txt", "a/skip.csv", "z.txt/in_folder_named_txt.txt"):
        write(seeds_dir, name, DUTCH)
    (seeds_dir / "linked").symlink_to(seeds_dir / "a", target_is_directory=True)  # not followed
    expected = sorted(p for p in seeds_dir.rglob("*.txt") if p.is_file() and "linked" not in p.parts)
    assert discover_files(seeds_dir) == expected
    assert len(expected) == 11


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("latin1.txt", "date 2023-02 Caf\u00e9\n\nDe minister bezocht Caf\u00e9 Kiev.".encode("latin-1"), "not_utf8"),
    ],
)
def test_bad_bytes_are_rejected_with_reason(seeds_dir: Path, name: str, data: bytes, reason: str) -> None:
    write(seeds_dir, name, data)
    write(seeds_dir, "good.txt", DUTCH)
    docs, _, rejected = run_ingest(seeds_dir)
    assert docs["source_name"].to_list() == ["good"]
    row = rejected.row(0, named=True)
    assert row["reason"] == reason
    assert row["source_name"] == name.removesuffix(".txt")
    assert row["detail"]
    assert row["size_bytes"] == len(data)
    assert len(row["bytes_sha256"]) == 64


def test_utf16_with_bom_is_decoded(seeds_dir: Path) -> None:
    write(seeds_dir, "utf16.txt", DUTCH.encode("utf-16"))
    docs, _, rejected = run_ingest(seeds_dir)
    assert rejected.is_empty()
    assert docs["headline"][0] == "Biden in Kiev"
    assert any(w.startswith("utf16_bom") for w in docs["warnings"][0])


def test_too_large_file_is_rejected(seeds_dir: Path) -> None:
    write(seeds_dir, "big.txt", DUTCH + " bla" * 1000)
    docs, _, rejected = run_ingest(seeds_dir, limit=1000)
    assert docs.is_empty()
    assert rejected["reason"].to_list() == ["too_large"]


def test_symlink_out_of_seeds_is_rejected(seeds_dir: Path, tmp_path: Path) -> None:
    outside = write(tmp_path, "secret.txt", DUTCH)
    (seeds_dir / "link.txt").symlink_to(outside)
    docs, _, rejected = run_ingest(seeds_dir)
    assert docs.is_empty()
    assert rejected["reason"].to_list() == ["outside_seeds"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_rejected(seeds_dir: Path) -> None:
    path = write(seeds_dir, "locked.txt", DUTCH)
    path.chmod(0)
    assert run_ingest(seeds_dir)[2]["reason"].to_list() == ["unreadable"]


def test_broken_symlink_is_rejected(seeds_dir: Path) -> None:
    (seeds_dir / "gone.txt").symlink_to(seeds_dir / "nowhere.txt")
    assert run_ingest(seeds_dir)[2]["reason"].to_list() == ["unreadable"]


def test_only_header_is_kept_with_warning(seeds_dir: Path) -> None:
    write(seeds_dir, "h.txt", "date 2023-02 Biden bezoekt Kiev\n")
    row = run_ingest(seeds_dir)[0].row(0, named=True)
    assert row["headline"] == "Biden bezoekt Kiev"
    assert any(w.startswith("no_body") for w in row["warnings"])


def test_decode_bytes_strips_utf8_bom() -> None:
    text, reason, _ = decode_bytes(b"\xef\xbb\xbfdate 2023-02 Kop")
    assert text == "date 2023-02 Kop"
    assert reason == ""


def test_detectable_languages_are_the_listed_ones_and_every_lexicon(tmp_path: Path) -> None:
    from flows.ingest import detectable_languages

    (tmp_path / "languages.json").write_text(json.dumps({"detect": ["de", "fr"]}), encoding="utf-8")
    lexicons = tmp_path / "lexicons"
    for code in ("nl", "pt"):  # a new language's folder is detected without a code change
        (lexicons / code).mkdir(parents=True)
        (lexicons / code / "triggers.json").write_text("{}", encoding="utf-8")
    names = {language.iso_code_639_1.name for language in detectable_languages(tmp_path / "languages.json", lexicons)}
    assert names == {"DE", "FR", "NL", "PT"}


@pytest.mark.parametrize(("content", "message"), [
    ({"detect": ["de", "xx"]}, "'xx' is no ISO 639-1 code"),
    ({"detect": []}, "non-empty list"),
    ({"languages": ["de"]}, "cannot read the `detect` list"),
])
def test_a_bad_list_of_detectable_languages_is_refused(tmp_path: Path, content: dict[str, object],
                                                         message: str) -> None:
    from flows.ingest import detectable_languages

    path = tmp_path / "languages.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        detectable_languages(path, tmp_path)


@pytest.mark.parametrize(("raw", "accepted"), [
    pytest.param(("Kyiv\x07 " * 50).encode(), False, id="bells-throughout"),
    pytest.param("Москва ".encode() * 2000 + b"\x1b" * 500, True, id="controls-past-the-first-8-KiB-characters"),
    pytest.param("Москва\x1b ".encode() * 10 + "Москва ".encode() * 1000, True, id="a-few-controls"),
    pytest.param(b"\xef\xbb\xbf" + ("\x1b" * 20 + "x" * 80).encode() * 5, False, id="after-a-bom"),
])
def test_control_characters_reject_a_file_only_in_its_first_8_kib(raw: bytes, accepted: bool) -> None:
    """Over 5% control characters (not tab, line feed, form feed, carriage return) in the first 8,192 characters
    is no text; in any other place they are kept."""
    text, reason, _ = decode_bytes(raw)
    assert (text is not None) == accepted
    assert reason == ("" if accepted else "binary")
