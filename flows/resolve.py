"""Resolve stage: raw mentions -> dated, priced, de-duplicated event mentions with deterministic ids.

A document that reports one event several times (headline, lead, body) yields one row: mentions of
the same type, actor and target whose date intervals overlap (and, for pledges, whose amounts
agree within 2%) are merged, keeping the most confident evidence and the tightest date.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import polars as pl
import regex

from flows import EXTRACTOR_VERSION
from flows.money import amount_in_usd
from flows.temporal import (
    DocumentReference,
    ResolvedDate,
    anaphoric_day,
    days_of_next_sentence,
    infer_reference,
    publication_date,
    resolve_event_date,
)

# A mention while it is resolved: the raw columns plus dates and amounts, before it becomes a frame row.
MentionRow = dict[str, Any]

REFERENCE_SCHEMA = {
    "doc_id": pl.String, "ref_date": pl.Date, "ref_min": pl.Date, "ref_max": pl.Date, "ref_basis": pl.String,
}
MENTION_COLUMNS = (
    "mention_id", "doc_id", "event_type", "actor_name", "actor_country", "actor_basis", "target_name",
    "target_country", "target_basis", "location", "event_date", "date_min", "date_max", "date_precision",
    "date_basis", "amount", "currency", "amount_qualifier", "amount_usd", "usd_rate_date", "trigger", "rule",
    "evidence", "char_start", "char_end", "sentence_idx", "confidence", "extractor_version",
)
MENTION_SCHEMA = {
    "mention_id": pl.String, "doc_id": pl.String, "event_type": pl.String, "actor_name": pl.String,
    "actor_country": pl.String, "actor_basis": pl.String, "target_name": pl.String, "target_country": pl.String,
    "target_basis": pl.String, "location": pl.String, "event_date": pl.Date, "date_min": pl.Date,
    "date_max": pl.Date, "date_precision": pl.String, "date_basis": pl.String, "amount": pl.Float64,
    "currency": pl.String, "amount_qualifier": pl.String, "amount_usd": pl.Float64, "usd_rate_date": pl.Date,
    "trigger": pl.String, "rule": pl.String, "evidence": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
    "sentence_idx": pl.Int32, "confidence": pl.Float64, "extractor_version": pl.String,
}
# Confidence lost when the date is only the publication month, not a day the text gives.
UNDATED_PENALTY = 0.1
AMOUNT_TOLERANCE = 0.02
HEADLINE_TOLERANCE = 0.15
# How many days may lie between two dated mentions of one visit (the days of a state visit).
VISIT_DAYS_APART = timedelta(days=2)
# How many sentences back an undated mention may take its date from.
CONTEXT_SENTENCES = 1
# How many sentences back "the same day" may find the day it names.
ANAPHOR_SENTENCES = 3
# how much text after a mention's sentence is read for the day the next sentence opens with
NEXT_SENTENCE_REACH = 200
DATED_PRECISIONS = ("day", "days", "week", "month")
# the end of a sentence: a stop, question or exclamation mark and any closing quote, before a space
SENTENCE_END = regex.compile(r"[.!?][\"'”’»)]*\s")


def month_bounds(day: date) -> tuple[date, date]:
    """First and last day of the month holding day."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def header_reference(pub_date: date | None, pub_precision: str) -> DocumentReference | None:
    """What the header alone says of the publication day (used for documents without events)."""
    if pub_date is None:
        return None
    if pub_precision == "day":
        return DocumentReference(pub_date, pub_date, pub_date, "header_day")
    first, last = month_bounds(pub_date)
    return DocumentReference(first, last, first + (last - first) / 2, "header_month")


def document_references(documents: pl.DataFrame, with_events: set[str]) -> dict[str, DocumentReference | None]:
    """The publication reference of each document: inferred from the text where events need it."""
    references: dict[str, DocumentReference | None] = {}
    for doc_id, text, lang, pub_date, precision in documents.select(
        "doc_id", "text", "lang", "pub_date", "pub_precision"
    ).iter_rows():
        if doc_id in with_events:
            references[doc_id] = infer_reference(text, lang, pub_date, precision)
        else:
            references[doc_id] = header_reference(pub_date, precision)
    return references


def references_frame(references: dict[str, DocumentReference | None]) -> pl.DataFrame:
    """doc_id, ref_date, ref_min, ref_max, ref_basis for the documents table."""
    rows = [
        {"doc_id": doc_id, "ref_date": ref.pub_best if ref else None, "ref_min": ref.pub_min if ref else None,
         "ref_max": ref.pub_max if ref else None, "ref_basis": ref.basis if ref else "none"}
        for doc_id, ref in references.items()
    ]
    return pl.DataFrame(rows, schema=REFERENCE_SCHEMA)


def mention_id(row: MentionRow) -> str:
    """sha256 of the fields that make a mention what it is (never row order, never Python's hash())."""
    key = "|".join(str(row[k]) for k in ("doc_id", "event_type", "actor_country", "target_country",
                                         "char_start", "char_end", "amount", "currency"))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def sentence_before(text: str, start: int) -> str:
    """The sentence of the same paragraph that ends right before text[start:], or "" when start opens one."""
    head = text[:start].rstrip(" ")
    if not head or head.endswith("\n"):
        return ""
    cut = max([head.rfind("\n"), *(m.end() - 1 for m in SENTENCE_END.finditer(head[:-1]))])
    return head[cut + 1:]


def date_of_sentence_before(row: MentionRow, text: str, lang: str,
                            ref: DocumentReference | None) -> ResolvedDate | None:
    """The past year, month or day that the sentence before names, for an undated mention whose traveller or
    recipient is carried from there ("In 2017 Nederland zette minister Kaya uit. Zij dook in Rotterdam op."):
    a sentence that goes on with a pronoun goes on in the time of the one before, not on the publication day."""
    if not any(str(row[k]).startswith("carried from sentence") for k in ("actor_basis", "target_basis")):
        return None
    before = sentence_before(text, int(row["char_start"]))
    if not before:
        return None
    resolved = resolve_event_date(before, lang, ref, 0, len(before))
    if resolved.basis.startswith("publication") or resolved.date_max is None or ref is None or \
            resolved.precision not in (*DATED_PRECISIONS, "year") or resolved.date_max >= ref.pub_min:
        return None
    return replace(resolved, basis=f"context: the sentence before ({resolved.basis})")


def date_mentions(raw: pl.DataFrame, references: dict[str, DocumentReference | None],
                  languages: dict[str, str], texts: dict[str, str] | None = None) -> list[MentionRow]:
    """Each raw mention with its resolved date interval, basis and USD value."""
    rows: list[MentionRow] = []
    for row in raw.iter_rows(named=True):
        ref = references.get(row["doc_id"])
        resolved = resolve_event_date(row["evidence"], languages[row["doc_id"]], ref,
                                      row["trigger_start"], row["trigger_end"], event_place(row))
        text = (texts or {}).get(row["doc_id"])
        # "the same day" names the day the text told last: inherit_context_dates finds it
        if resolved.basis.startswith("publication") and anaphoric_day(row["evidence"], languages[row["doc_id"]]):
            text = None
        if resolved.basis.startswith("publication") and row["event_type"] == "visit" and text is not None:
            following = text[int(row["char_end"]):int(row["char_end"]) + NEXT_SENTENCE_REACH]
            resolved = days_of_next_sentence(row["evidence"], languages[row["doc_id"]], ref, following) or resolved
        if resolved.basis.startswith("publication") and text is not None:
            resolved = date_of_sentence_before(row, text, languages[row["doc_id"]], ref) or resolved
        if ref is not None and resolved.date_min is not None and resolved.date_min > ref.pub_max:
            # events are reported after they happen: a later date is a deadline or a plan, not the event's day
            fallback = publication_date(ref)
            resolved = replace(fallback, basis=f"publication ({resolved.basis} is after publication)")
        row.update(event_date=resolved.event_date, date_min=resolved.date_min, date_max=resolved.date_max,
                   date_precision=honest_precision(resolved), date_basis=resolved.basis)
        if resolved.basis.startswith("publication"):
            row["confidence"] = round(max(0.05, row["confidence"] - UNDATED_PENALTY), 3)
        rows.append(row)
    inherit_context_dates(rows, languages, texts, references)
    for row in rows:
        usd, rate_day = None, None
        if row["amount"] is not None and row["currency"] and row["event_date"] is not None:
            usd, rate_day = amount_in_usd(row["amount"], row["currency"], row["event_date"])
        row.update(amount_usd=usd, usd_rate_date=rate_day)
    return rows


def event_place(row: MentionRow) -> str | None:
    """The words naming where the event took place, as the evidence writes them."""
    for key in ("location", "target_name"):
        words = row.get(key)
        if words and words in row["evidence"]:
            return str(words)
    return None


def honest_precision(resolved: ResolvedDate) -> str:
    """A day named by the text ("on Tuesday") whose week is uncertain is not known to the day."""
    if resolved.precision != "day" or resolved.date_min is None or resolved.date_max is None:
        return resolved.precision
    width = (resolved.date_max - resolved.date_min).days
    return "day" if width == 0 else "week" if width <= 7 else "month"


def inherit_context_dates(rows: list[MentionRow], languages: dict[str, str] | None = None,
                          texts: dict[str, str] | None = None,
                          references: dict[str, DocumentReference | None] | None = None) -> None:
    """An undated mention right after a dated one shares its day: news tells one scene in a row of
    sentences ("Biden visited Kyiv on Monday. While there, he pledged $500 million"). One that says so
    ("the same day", "the next day") takes the day the text told last, with the offset it names."""
    dated_by_doc: dict[str, list[MentionRow]] = {}
    for r in rows:
        if not str(r["date_basis"]).startswith("publication") and r["date_precision"] in DATED_PRECISIONS:
            dated_by_doc.setdefault(r["doc_id"], []).append(r)
    anaphoric: list[tuple[MentionRow, str, int]] = []
    for row in rows:
        if not str(row["date_basis"]).startswith("publication"):
            continue
        anaphor = anaphoric_day(row["evidence"], languages[row["doc_id"]]) if languages else None
        if anaphor is not None:
            anaphoric.append((row, *anaphor))
            continue
        sources = [d for d in dated_by_doc.get(row["doc_id"], []) if d is not row
                   and 0 <= row["sentence_idx"] - d["sentence_idx"] <= CONTEXT_SENTENCES
                   and not another_of_its_kind(row, d)]
        if not sources:
            continue
        source = max(sources, key=lambda d: (d["sentence_idx"], -abs(d["char_start"] - row["char_start"])))
        row.update({k: source[k] for k in ("event_date", "date_min", "date_max", "date_precision")})
        row["date_basis"] = f"context: the date of the {source['event_type']} in sentence {source['sentence_idx']} " \
                            f"({source['date_basis']})"
    # in text order, so that "the same day" after a mention dated by its context takes that date too
    for row, phrase, offset in sorted(anaphoric, key=lambda a: (a[0]["doc_id"], a[0]["char_start"])):
        told_day = day_told_before(row, rows, (texts or {}).get(row["doc_id"]), languages or {},
                                   (references or {}).get(row["doc_id"]))
        shift = timedelta(days=offset)
        ref = (references or {}).get(row["doc_id"])
        # "the next day" after the publication day is a plan
        if told_day is None or (ref is not None and told_day["date_min"] + shift > ref.pub_max):
            continue
        row.update(event_date=told_day["event_date"] + shift, date_min=told_day["date_min"] + shift,
                   date_max=told_day["date_max"] + shift, date_precision=told_day["date_precision"],
                   date_basis=f'context: "{phrase}" after {told_day["date_basis"]}')


def day_told_before(row: MentionRow, rows: list[MentionRow], text: str | None, languages: dict[str, str],
                    ref: DocumentReference | None) -> MentionRow | None:
    """The dates of what the text told last before a mention that names its day by it ("the same day"): the
    nearest dated mention up to ANAPHOR_SENTENCES back, else the day the sentence before names."""
    told = [r for r in rows if r is not row and r["doc_id"] == row["doc_id"] and r["char_start"] <= row["char_start"]
            and row["sentence_idx"] - r["sentence_idx"] <= ANAPHOR_SENTENCES and r["date_min"] is not None
            and not str(r["date_basis"]).startswith("publication") and r["date_precision"] in DATED_PRECISIONS]
    if told:
        source = max(told, key=lambda r: (r["char_start"], r["char_end"]))
        return {"event_date": source["event_date"], "date_min": source["date_min"], "date_max": source["date_max"],
                "date_precision": source["date_precision"],
                "date_basis": f"the date of the {source['event_type']} in sentence {source['sentence_idx']} "
                              f"({source['date_basis']})"}
    before = sentence_before(text, int(row["char_start"])) if text else ""
    if not before:
        return None
    resolved = resolve_event_date(before, languages[row["doc_id"]], ref, 0, len(before))
    if resolved.basis.startswith("publication") or resolved.date_min is None or resolved.date_max is None or \
            resolved.event_date is None or honest_precision(resolved) not in DATED_PRECISIONS:
        return None
    return {"event_date": resolved.event_date, "date_min": resolved.date_min, "date_max": resolved.date_max,
            "date_precision": honest_precision(resolved), "date_basis": f"the sentence before ({resolved.basis})"}


def another_of_its_kind(row: MentionRow, source: MentionRow) -> bool:
    """An event of the same type with another destination or recipient is another scene, not this one's
    ("Obama, who last month visited Cuba ... Hopes for Obama's visit to Hiroshima"): its day is not lent."""
    return (row["event_type"] == source["event_type"] and row["target_country"] is not None
            and source["target_country"] is not None and row["target_country"] != source["target_country"])


def same_event(a: MentionRow, b: MentionRow) -> bool:
    """Two mentions of one document describe one event: intervals overlap, amounts agree within 2%."""
    a_min, a_max, b_min, b_max = a["date_min"], a["date_max"], b["date_min"], b["date_max"]
    # one sentence names one event per type and parties, whatever day each of its triggers was near
    same_sentence = a["char_start"] == b["char_start"]
    headline = 0 in (a["sentence_idx"], b["sentence_idx"])
    # a visit lasts days: arriving late on Saturday and meeting the king on Sunday is one visit
    reach = VISIT_DAYS_APART if a["event_type"] == "visit" else timedelta()
    if not same_sentence and a_min is not None and b_min is not None and \
            (a_max + reach < b_min or b_max + reach < a_min):
        return False
    # "summoned the ambassador on Wednesday ... on Thursday the embassy lodged a note": two acts (a headline
    # restates the body's act, whatever day it is written for)
    if not same_sentence and not headline and a["event_type"] != "visit" and on_other_weekdays(a, b):
        return False
    a_amount, b_amount = a["amount"], b["amount"]
    if a["event_type"] == "pledge" and a_amount is not None and b_amount is not None:
        # headlines round ("$2 billion" for "$2.2 billion"): a wider tolerance when one mention is the headline
        tolerance = HEADLINE_TOLERANCE if headline else AMOUNT_TOLERANCE
        if a["currency"] != b["currency"]:
            # a headline gives the body's sum in dollars ("$20 million" for "2.7 billion yen (about $20 million)")
            a_usd, b_usd = a["amount_usd"], b["amount_usd"]
            return headline and a_usd is not None and b_usd is not None and \
                abs(float(a_usd) - float(b_usd)) <= tolerance * max(float(a_usd), float(b_usd))
        return abs(float(a_amount) - float(b_amount)) <= tolerance * max(float(a_amount), float(b_amount))
    return True


def on_other_weekdays(a: MentionRow, b: MentionRow) -> bool:
    """Two mentions dated by other weekdays: resolved against the same publication reference, their days lie
    apart whatever week that reference falls in, though each interval spans the weeks it may."""
    return (str(a["date_basis"]).startswith("weekday") and str(b["date_basis"]).startswith("weekday")
            and a["event_date"] != b["event_date"])


PRECISION_RANK = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4, "unknown": 5}


def interval_days(row: MentionRow) -> tuple[int, int, int]:
    """How vague a mention's date is: a date the text gives beats the publication month, then
    the finer precision, then the narrower interval (unknown dates are vaguest)."""
    if row["date_min"] is None or row["date_max"] is None:
        return 1, 9, 10**6
    from_publication = int(str(row["date_basis"]).startswith("publication"))
    return from_publication, PRECISION_RANK.get(str(row["date_precision"]), 9), (row["date_max"] - row["date_min"]).days


def undated(cluster: list[MentionRow]) -> bool:
    """Every mention of the cluster got its date from the publication only."""
    return all(str(r["date_basis"]).startswith("publication") for r in cluster)


def fold_undated(clusters: list[list[MentionRow]]) -> list[list[MentionRow]]:
    """A headline or lead that names no day restates the event that the body dates: one event, not two.

    Only when the body dates exactly one such event; with several, the undated mention stays apart.
    """
    dated = [c for c in clusters if not undated(c)]
    if len(dated) != 1:
        return clusters
    home = dated[0]
    for cluster in clusters:
        if cluster is not home and all(same_event_ignoring_dates(r, home[0]) for r in cluster):
            home.extend(cluster)
    return [c for c in clusters if c is home or not all(same_event_ignoring_dates(r, home[0]) for r in c)]


def same_event_ignoring_dates(a: MentionRow, b: MentionRow) -> bool:
    """same_event without the date test."""
    return same_event({**a, "date_min": None}, {**b, "date_min": None})


def visit_days(cluster: list[MentionRow]) -> MentionRow | None:
    """The date of a visit whose mentions name different days ("landed late on Saturday", "met the king on
    Sunday"): from the first day to the last, or None when they name one day or none."""
    days = [r for r in cluster if r["date_precision"] in ("day", "days") and r["date_min"] is not None
            and not str(r["date_basis"]).startswith("publication")]
    if len({(r["date_min"], r["date_max"]) for r in days}) < 2:
        return None
    first = min(days, key=lambda r: r["date_min"])
    last = max(days, key=lambda r: r["date_max"])
    return {"event_date": first["date_min"], "date_min": first["date_min"], "date_max": last["date_max"],
            "date_precision": "days",
            "date_basis": f"days of one visit: {first['date_basis']}; {last['date_basis']}"}


def merge_duplicates(rows: list[MentionRow]) -> list[MentionRow]:
    """One row per event per document: the most confident mention, with the tightest date of its group."""
    groups: dict[tuple[object, ...], list[list[MentionRow]]] = {}
    # the body before the headline: headlines round amounts and rarely name the day
    ordered = sorted(rows, key=lambda r: (r["sentence_idx"] == 0, -float(r["confidence"]), int(r["char_start"])))
    for row in ordered:
        key = (row["doc_id"], row["event_type"], row["actor_country"], row["target_country"])
        clusters = groups.setdefault(key, [])
        home = next((c for c in clusters if all(same_event(row, other) for other in c)), None)
        if home is None:
            clusters.append([row])
        else:
            home.append(row)
    for group_key, clusters in groups.items():
        groups[group_key] = fold_undated(clusters)
    merged: list[MentionRow] = []
    for clusters in groups.values():
        for cluster in clusters:
            best = dict(cluster[0])
            if best["event_type"] == "pledge" and best["amount"] is None:
                priced = next((r for r in cluster if r["amount"] is not None), None)
                if priced is not None:
                    best.update({k: priced[k] for k in ("amount", "currency", "amount_qualifier",
                                                        "amount_usd", "usd_rate_date")})
            tightest = min(cluster, key=interval_days)
            if interval_days(tightest) < interval_days(best):
                best.update({k: tightest[k] for k in ("event_date", "date_min", "date_max",
                                                      "date_precision", "date_basis")})
                best["confidence"] = round(min(1.0, float(best["confidence"]) + UNDATED_PENALTY), 3)
            if best["event_type"] == "visit":
                best.update(visit_days(cluster) or {})
            merged.append(best)
    return merged


def resolve_mentions(raw: pl.DataFrame, documents: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(event_mentions rows, document references) for one batch."""
    with_events = set(raw["doc_id"].unique().to_list()) if not raw.is_empty() else set()
    references = document_references(documents, with_events)
    languages = dict(zip(documents["doc_id"], documents["lang"], strict=True))
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True)) if "text" in documents.columns else None
    rows = merge_duplicates(date_mentions(raw, references, languages, texts))
    for row in rows:
        row["mention_id"] = mention_id(row)
        row["extractor_version"] = EXTRACTOR_VERSION
    mentions = pl.DataFrame([{k: r.get(k) for k in MENTION_COLUMNS} for r in rows], schema=MENTION_SCHEMA)
    return mentions.sort("doc_id", "char_start", "event_type"), references_frame(references)
