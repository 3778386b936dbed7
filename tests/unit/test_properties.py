"""Properties (hypothesis): ingest and extraction never raise on any text, mentions point into their document,
and an amount written in each language's number format reads back as the number."""

from __future__ import annotations

import hashlib
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from flows.extract import extract_mentions
from flows.ingest import SENTENCE_END, cut_long_runs, discover_files, ingest
from flows.money import find_amounts, parse_number
from flows.resolve import resolve_mentions
from flows.segment import split_sentences

REASONS = {"empty", "binary", "not_utf8", "not_text", "too_large", "unreadable", "outside_seeds"}
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Sentences that hold events, in each extracted language, to mix with arbitrary text.
EVENT_SENTENCES = {
    "en": ["President Biden visited Kyiv on Monday", "Russia summoned the British ambassador on Friday",
           "The United States pledged $2.5 billion in military aid to Ukraine last week",
           "Chancellor Scholz met President Zelensky in Berlin on 14 May"],
    "nl": ["President Biden bracht maandag een bezoek aan Kiev", "Rusland ontbood dinsdag de Nederlandse ambassadeur",
           "Nederland belooft Oekraïne 1,5 miljard euro aan steun"],
    "ru": ["МИД России вызвал посла США в понедельник", "Байден посетил Киев 20 февраля",
           "США выделят Украине 2 миллиарда долларов"],
}
SEPARATORS = [". ", ", ", " ", "\n", "\n\n", "! ", "? ", "… ", "\r\n", "; "]


def ingest_text(data: bytes, name: str = "doc.txt") -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Ingest one file holding data, in a fresh seeds folder."""
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder)
        (seeds / name).write_bytes(data)
        return ingest(discover_files(seeds), seeds, 1_000_000, 500)


def extract(documents: pl.DataFrame) -> pl.DataFrame:
    """The flow's extraction stages on a batch of documents: event_mentions rows."""
    mentions, _ = resolve_mentions(extract_mentions(documents, split_sentences(documents)), documents)
    return mentions


def assert_mentions_point_into(documents: pl.DataFrame, mentions: pl.DataFrame) -> None:
    """Offsets inside the document, evidence equal to the text there, best day inside the interval."""
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    for m in mentions.iter_rows(named=True):
        text = texts[m["doc_id"]]
        assert 0 <= m["char_start"] < m["char_end"] <= len(text), m
        assert text[m["char_start"]:m["char_end"]] == m["evidence"], m
        if m["event_date"] is not None:
            assert m["date_min"] <= m["event_date"] <= m["date_max"], m
        else:
            assert m["date_min"] is None and m["date_max"] is None, m


def assert_one_outcome(data: bytes) -> None:
    """A file becomes exactly one document or one rejected row, and a document is stored normalised."""
    documents, sources, rejected = ingest_text(data)
    assert documents.height + rejected.height == 1
    if rejected.height:
        assert rejected["reason"][0] in REASONS
        assert rejected["detail"][0]
        return
    text = documents["text"][0]
    assert sources["doc_id"].to_list() == documents["doc_id"].to_list()
    assert documents["doc_id"][0] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert documents["n_chars"][0] == len(text)
    assert "\r" not in text
    assert unicodedata.is_normalized("NFC", text)
    assert documents["lang"][0]


@SLOW
@given(st.text())
def test_ingest_never_raises_on_any_text(text: str) -> None:
    assert_one_outcome(text.encode("utf-8"))


@SLOW
@given(st.binary(max_size=400))
def test_ingest_never_raises_on_any_bytes(data: bytes) -> None:
    assert_one_outcome(data)


@SLOW
@given(st.text(min_size=1))
def test_extraction_never_raises_on_any_text(text: str) -> None:
    documents, _, _ = ingest_text(text.encode("utf-8"))
    assert_mentions_point_into(documents, extract(documents))


@SLOW
@given(st.lists(st.one_of(st.sampled_from([" ", "\t", "\u00a0", ".", "\n"]), st.text("abcé€", min_size=1, max_size=40)),
                max_size=200),
       st.integers(5, 60))
def test_cutting_long_runs_keeps_every_offset(pieces: list[str], longest: int) -> None:
    """A blank becomes a line break and nothing else changes; no run is longer than the limit but for one token."""
    text = "".join(pieces)
    cut, cuts = cut_long_runs(text, longest)
    assert len(cut) == len(text)
    changed = [i for i, (a, b) in enumerate(zip(text, cut, strict=True)) if a != b]
    assert len(changed) == cuts
    assert all(text[i] in " \t\u00a0" and cut[i] == "\n" for i in changed)
    for run in SENTENCE_END.split(cut):
        assert len(run) <= longest or not any(ch in run[:longest + 1] for ch in " \t\u00a0"), run


headers = st.one_of(
    st.just(""),
    st.builds(lambda y, m, d, h: f"date {y}-{m:02d}{'' if d is None else f'-{d:02d}'} {h}\n\n",
              st.integers(1990, 2030), st.integers(0, 14), st.none() | st.integers(0, 32),
              st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=30)),
)
pieces = st.sampled_from(sorted(EVENT_SENTENCES)).flatmap(
    lambda lang: st.lists(st.one_of(st.sampled_from(EVENT_SENTENCES[lang]), st.text(max_size=25)),
                          min_size=1, max_size=10))


@SLOW
@given(header=headers, parts=pieces, separators=st.lists(st.sampled_from(SEPARATORS), min_size=10, max_size=10))
def test_event_texts_give_mentions_that_point_into_them(header: str, parts: list[str], separators: list[str]) -> None:
    body = "".join(part + separators[i] for i, part in enumerate(parts))
    documents, _, rejected = ingest_text((header + body).encode("utf-8"))
    if rejected.height:  # only blanks or control characters were drawn
        assert rejected["reason"][0] in {"empty", "binary"}
        return
    mentions = extract(documents)
    event("with mentions" if mentions.height else "without mentions")  # see --hypothesis-show-statistics
    assert_mentions_point_into(documents, mentions)


@pytest.mark.parametrize("lang", sorted(EVENT_SENTENCES))
def test_the_event_sentences_do_give_mentions(lang: str) -> None:
    """The property above is not vacuous: the sentences it mixes in are found as events of all three types."""
    text = "date 2023-02-24 News\n\n" + ". ".join(EVENT_SENTENCES[lang]) + "."
    documents, _, _ = ingest_text(text.encode("utf-8"))
    mentions = extract(documents)
    assert documents["lang"][0] == lang
    assert set(mentions["event_type"]) == {"visit", "demarche", "pledge"}
    assert_mentions_point_into(documents, mentions)


# How each language writes 1234567.25: (group separators, decimal separator).
NUMBER_FORMATS = {
    "en": ([","], "."),
    "nl": (["."], ","),
    "ro": (["."], ","),
    "ru": ([" ", "\u00a0", "\u202f"], ","),
}
# A sentence around the numeral, its scale and currency.
AMOUNT_SENTENCES = {
    "en": [("The United States pledged {} dollars", 1, "USD"), ("Britain promised {} million pounds", 10**6, "GBP"),
           ("The EU announced €{} billion", 10**9, "EUR")],
    "nl": [("Nederland belooft {} euro", 1, "EUR"), ("De VS geven {} miljard dollar", 10**9, "USD")],
    "ro": [("Guvernul a promis {} milioane de euro", 10**6, "EUR"), ("România oferă {} euro", 1, "EUR")],
    "ru": [("США выделят {} миллиона долларов", 10**6, "USD"), ("Германия передаст {} евро", 1, "EUR")],
}


def write_number(whole: int, fraction: str, lang: str, group: str | None) -> str:
    """whole.fraction in lang's convention, with thousands grouped by `group` (None: not grouped)."""
    digits = str(whole)
    if group is not None:
        digits = f"{whole:,}".replace(",", group)
    return digits + (NUMBER_FORMATS[lang][1] + fraction if fraction else "")


numbers = st.tuples(st.integers(0, 10**12), st.text("0123456789", max_size=3))


@settings(max_examples=400, deadline=None)
@given(lang=st.sampled_from(sorted(NUMBER_FORMATS)), number=numbers, grouped=st.booleans(), choice=st.integers(0, 2))
def test_a_number_written_in_each_language_reads_back(lang: str, number: tuple[int, str], grouped: bool,
                                                      choice: int) -> None:
    whole, fraction = number
    groups = NUMBER_FORMATS[lang][0]
    text = write_number(whole, fraction, lang, groups[choice % len(groups)] if grouped else None)
    assert parse_number(text, lang) == float(Decimal(f"{whole}.{fraction or 0}")), text


@settings(max_examples=300, deadline=None)
@given(lang=st.sampled_from(sorted(NUMBER_FORMATS)), number=numbers, grouped=st.booleans(), choice=st.integers(0, 2))
def test_an_amount_in_a_sentence_reads_back(lang: str, number: tuple[int, str], grouped: bool, choice: int) -> None:
    whole, fraction = number
    value = Decimal(f"{whole}.{fraction or 0}")
    if value == 0:
        return  # no one pledges nothing
    groups = NUMBER_FORMATS[lang][0]
    template, scale, currency = AMOUNT_SENTENCES[lang][choice % len(AMOUNT_SENTENCES[lang])]
    sentence = template.format(write_number(whole, fraction, lang, groups[choice % len(groups)] if grouped else None))
    found = find_amounts(sentence, lang)
    assert len(found) == 1, (sentence, found)
    assert found[0].amount == pytest.approx(float(value * scale), rel=1e-12), sentence
    assert found[0].currency == currency
