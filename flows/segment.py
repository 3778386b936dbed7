"""Segment stage: documents -> sentences with character offsets into the stored text.

The text is cut into pieces that cover it completely (so offsets are cumulative lengths),
then pieces are glued back where a full stop does not end a sentence: decimals ("12.5"),
initials and abbreviations ("U.S.", "dhr.", "т.е."; the `abbreviations` of each language's grammar.json),
and a lowercase continuation.
"""

from __future__ import annotations

import polars as pl

from flows.lexicon import abbreviation_pattern

# Every character of the text falls in exactly one piece: a run up to and including its
# end punctuation (plus closing quotes and spaces), a stray punctuation run, or line breaks.
PIECE_PATTERN = r"[^.!?…\n]+[.!?…]*[\"”’»)\]]*[ \t]*|[.!?…]+[\"”’»)\]]*[ \t]*|\n+"


def no_break_after() -> str:
    """A piece ending like this does not end a sentence (the next piece continues it): an initial, or one of the
    abbreviations of the languages' grammar.json."""
    return rf"(?:^|[\s(\"“«])(?:\p{{L}}|{abbreviation_pattern()})\.[\"”’»)]*[ \t]*$"


SENTENCE_COLUMNS = ("doc_id", "sent_idx", "sent_start", "sent_end", "sentence")


def split_sentences(documents: pl.DataFrame) -> pl.DataFrame:
    """One row per sentence: doc_id, sent_idx, sent_start, sent_end (character offsets), sentence.

    The header's "date YYYY-MM " prefix is not part of the headline sentence.
    """
    pieces = (
        documents.lazy()
        .select("doc_id", "headline_start", pl.col("text").str.extract_all(PIECE_PATTERN).alias("piece"))
        .explode("piece")
        .drop_nulls("piece")
        .with_columns(pl.col("piece").str.len_chars().cast(pl.Int64).alias("piece_chars"))
        .with_columns(
            (pl.col("piece_chars").cum_sum().over("doc_id") - pl.col("piece_chars")).alias("piece_start"),
            pl.col("piece").str.starts_with("\n").alias("is_break"),
        )
    )
    next_piece = pl.col("piece").shift(-1).over("doc_id")
    continues = (
        ~pl.col("is_break")
        & next_piece.is_not_null()
        & ~next_piece.str.starts_with("\n")
        & (
            pl.col("piece").str.contains(no_break_after())
            # a decimal or a thousands point: "12.5", "1.500.000"
            | (pl.col("piece").str.contains(r"\d[.,]$") & next_piece.str.contains(r"^\d"))
            # the sentence goes on in lowercase: "he said. and" is rare, "i.e. the" is common; a figure after
            # a word's full stop opens a sentence ("сроком на 20 лет. 28 июня ...", "gewond. 21 mensen")
            | next_piece.str.contains(r"^[ \t]*[\p{Ll},;:]")
            # no end punctuation at all: the piece was cut by a stray "!" or "?" inside quotes
            | ~pl.col("piece").str.contains(r"[.!?…][\"”’»)\]]*[ \t]*$")
        )
    )
    return (
        pieces.with_columns(continues.alias("continues"))
        .with_columns(
            # a new sentence starts after every piece that does not continue, and at each break
            (pl.col("continues").not_().shift(1, fill_value=True).over("doc_id") | pl.col("is_break"))
            .alias("starts_sentence")
        )
        .filter(~pl.col("is_break"))
        .with_columns(pl.col("starts_sentence").cum_sum().over("doc_id").alias("sent_idx"))
        .group_by("doc_id", "sent_idx", maintain_order=True)
        .agg(
            pl.col("piece_start").first().alias("sent_start"),
            pl.col("piece").str.join("").alias("raw_sentence"),
            pl.col("headline_start").first(),
        )
        .with_columns(
            pl.when((pl.col("sent_idx") == 1) & pl.col("headline_start").is_not_null())
            .then(pl.col("headline_start"))
            .otherwise(pl.col("sent_start"))
            .alias("sent_start"),
            pl.when((pl.col("sent_idx") == 1) & pl.col("headline_start").is_not_null())
            .then(pl.col("raw_sentence").str.slice(pl.col("headline_start")))
            .otherwise(pl.col("raw_sentence"))
            .alias("raw_sentence"),
        )
        .with_columns(pl.col("raw_sentence").str.strip_chars_end().alias("sentence"))
        .with_columns(
            (pl.col("sent_start") + pl.col("sentence").str.len_chars()).alias("sent_end"),
            (pl.col("sent_idx") - 1).cast(pl.Int32).alias("sent_idx"),
        )
        .filter(pl.col("sentence").str.len_chars() > 0)
        .select(SENTENCE_COLUMNS)
        .collect()
    )
