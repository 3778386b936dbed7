"""Sentence segmentation: offsets into the stored text, and full stops that do not end sentences."""

from __future__ import annotations

import polars as pl

from flows.segment import split_sentences


def sentences_of(text: str, headline_start: int | None = None) -> list[str]:
    docs = pl.DataFrame({"doc_id": ["d"], "text": [text], "headline_start": [headline_start]},
                        schema={"doc_id": pl.String, "text": pl.String, "headline_start": pl.Int64})
    frame = split_sentences(docs)
    for start, end, sentence in frame.select("sent_start", "sent_end", "sentence").iter_rows():
        assert text[start:end] == sentence
    return frame["sentence"].to_list()


def test_headline_and_paragraphs() -> None:
    text = "date 2023-02 Kop zonder punt\n\nEerste zin. Tweede zin!\n\nDerde zin?"
    assert sentences_of(text, 13) == ["Kop zonder punt", "Eerste zin.", "Tweede zin!", "Derde zin?"]


def test_decimals_and_initials_do_not_split() -> None:
    text = "The U.S. pledged $1.7bn on Friday. Mr. Biden said so."
    assert sentences_of(text) == ["The U.S. pledged $1.7bn on Friday.", "Mr. Biden said so."]


def test_dutch_and_russian_abbreviations() -> None:
    assert sentences_of("Dhr. Rutte bezocht o.a. Kiev. Daarna Moskou.") == [
        "Dhr. Rutte bezocht o.a. Kiev.", "Daarna Moskou."]
    assert sentences_of("Выделено 2,2 млрд. долларов. Об этом сообщил т.е. Блинкен.") == [
        "Выделено 2,2 млрд. долларов.", "Об этом сообщил т.е. Блинкен."]


def test_quotes_stay_with_their_sentence() -> None:
    text = "Hij zei: “Dit is nodig.” Daarna vertrok hij."
    assert sentences_of(text) == ["Hij zei: “Dit is nodig.”", "Daarna vertrok hij."]


def test_offsets_with_non_ascii_text() -> None:
    sentences_of("Oekraïne krijgt steun. Україна отримає допомогу. Ça va.")


def test_a_sentence_may_open_with_a_figure() -> None:
    assert sentences_of("Санду находится в Брюсселе. 10-11 декабря она встретится с Костой.") == [
        "Санду находится в Брюсселе.", "10-11 декабря она встретится с Костой."]
    assert sentences_of("Vijf mensen kwamen om. 21 mensen raakten gewond.") == [
        "Vijf mensen kwamen om.", "21 mensen raakten gewond."]
    # but not after an abbreviation of a month or an article: "Jan. 31", "febr. 2023", "art. 5"
    assert sentences_of("The quarter ended Jan. 31, a year on. Het verdrag van 5 febr. 2023 noemt art. 5 niet.") == [
        "The quarter ended Jan. 31, a year on.", "Het verdrag van 5 febr. 2023 noemt art. 5 niet."]
