"""Extract stage: sentences -> event mentions (type, actor, target, amount, trigger, evidence span).

Polars picks the candidate sentences (any trigger of the document's language); the argument
roles of those few sentences are then assigned by rules over the gazetteer's entity mentions.
Dates are resolved in flows.resolve; this stage leaves the trigger offsets for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

import polars as pl
import pycountry
import regex
from babel.numbers import get_territory_currencies

from flows.gazetteer import (
    EntityMention,
    find_entities,
    fold,
    gazetteer,
    may_mention,
)
from flows.lexicon import EventLexicon, Trigger, event_lexicon, organisation_seats, teaser_pattern
from flows.money import MoneyMention, bracket_shares, find_amounts
from flows.temporal import (
    DocumentReference,
    find_time_expressions,
    has_time_lexicon,
    same_day_words,
    time_lexicon,
)

AGENT_KINDS = frozenset({"person", "demonym", "country", "org", "metonym", "place"})
PLACE_KINDS = frozenset({"country", "place", "metonym"})
PERSON_KINDS = frozenset({"person", "org"})
# Which role schemes may take a missing party from the sentences before: a visit's traveller
# ("he also visited Poland"), a meeting's visitor named by a pronoun ("he met with Gulf leaders in Riyadh"),
# a pledge's donor or recipient, a demarche's protesting government; never a visit's destination.
CARRY_ACTOR = frozenset({"subject_goal", "meeting_place", "summon", "donor_recipient", "recipient_donor"})
CARRY_TARGET = frozenset({"donor_recipient", "recipient_donor", "summon"})
WORD = regex.compile(r"[\p{L}\p{M}'’-]+")
# the word right before a name, joined to it by one space only ("armata ucraineană", not "army, Ukrainian")
NOUN_BEFORE = regex.compile(r"([\p{L}\p{M}]+) $")
# the rest of a compound or hyphenated adjective before a visit noun: "VN-[werk]bezoek", "UN-[sponsored ]visit"
GLUED_TAIL = regex.compile(r"[\p{L}\p{M}'’-]*\s?")
DASH_ASIDE = regex.compile(r"\s[—–-]\s")
# "Sophie has previously visited": a capitalised name and at most three lowercase words before the verb
NAMED_SUBJECT = regex.compile(r"(?:^|[^\p{L}\p{M}'’-])(\p{Lu}\p{Ll}+)(?:\s+\p{Ll}+){0,3}\s*$")
# what apposition() needs somewhere in a sentence before a name can stand in apposition: "Sophie, "
APPOSED_NAME = regex.compile(r"\p{Lu}\p{Ll}+, ")
# an organisation's acronym, bare or glued to a title ("NATO", "EU-buitenlandchef", "VN-chef")
ACRONYM = regex.compile(r"\b\p{Lu}{2,}\b")
# quotes, brackets and dashes a sentence may open on before its first word ("\"This trip ...", "«Этот визит ...")
OPENING_MARKS = regex.compile(r"[\s\p{Pi}\p{Pf}\p{Ps}\p{Pd}\"']*")
# a trigger's first word (its verb): alone, with the spaces after it, with any spaces before it
FIRST_TOKEN = regex.compile(r"\S*")
VERB_AND_SPACES = regex.compile(r"\S+\s+")
LEADING_WORD = regex.compile(r"\s*\S*")
# what office_org allows between a country, its organisation and the office-holder, or inside the office's title
SPACES = regex.compile(r"\s*")
COMMAS_AND_SPACES = regex.compile(r"[\s,]*")
WORD_SEPARATORS = regex.compile(r"[\s-]+")
LETTERS_SPACES_HYPHENS = regex.compile(r"[\p{L}\s-]+")
TITLE_REST = regex.compile(r"[\p{L}\p{M} -]*")
TITLE_HYPHEN = regex.compile(r"(?<=\s)-(?=\s)")
# a clause boundary between a visit verb and the names after it
CLAUSE_PUNCTUATION = regex.compile(r"[,;:()—–]")


def list_gap(lexicon: EventLexicon) -> regex.Pattern[str]:
    """What may stand between two members of a list once office titles are removed: the language's list_joiners
    (and, as well as, the, former...), an initial, commas and spaces."""
    return list_gap_pattern(lexicon.cues["list_joiners"].pattern)


@cache
def list_gap_pattern(joiners: str) -> regex.Pattern[str]:
    return regex.compile(rf"[\s,]*(?:(?:{joiners}|\p{{Lu}}\.)[\s,]*)*", regex.IGNORECASE)


def clause_break(lexicon: EventLexicon) -> regex.Pattern[str]:
    """A semicolon, colon or bracket, or a comma before one of the language's contrast_words (in lower case)."""
    return clause_break_pattern(lexicon.cues["contrast_words"].pattern)


@cache
def clause_break_pattern(contrasts: str) -> regex.Pattern[str]:
    return regex.compile(rf"[;:()\[\]]|, (?:{contrasts})\b")


@cache
def apposition(articles: frozenset[str]) -> regex.Pattern[str]:
    """"Sophie, the Duchess of Edinburgh, ...": a first name in apposition right before a known person."""
    article = rf"(?:(?:{words_alternation(articles)}) )?" if articles else ""
    return regex.compile(rf"(?:^|[^\p{{L}}\p{{M}}'’-])(\p{{Lu}}\p{{Ll}}+), {article}$")
CANDIDATE_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "doc_id": pl.String, "sent_idx": pl.Int32, "sent_start": pl.Int64, "sent_end": pl.Int64,
    "sentence": pl.String, "lang": pl.String, "trigger_ids": pl.List(pl.Int32),
}
RAW_MENTION_SCHEMA = {
    "doc_id": pl.String, "event_type": pl.String, "actor_name": pl.String, "actor_country": pl.String,
    "actor_basis": pl.String, "target_name": pl.String, "target_country": pl.String, "target_basis": pl.String,
    "location": pl.String, "amount": pl.Float64, "currency": pl.String, "amount_qualifier": pl.String,
    "trigger": pl.String, "rule": pl.String, "evidence": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
    "sentence_idx": pl.Int32, "trigger_start": pl.Int64, "trigger_end": pl.Int64, "confidence": pl.Float64,
}


@dataclass(frozen=True, slots=True)
class Role:
    """One filled argument: the words, the code, how it was found, and where (-1: another sentence)."""
    name: str
    code: str
    basis: str
    start: int = -1


def owned_metonyms_dropped(sentence: str, entities: list[EntityMention],
                           possessive: regex.Pattern[str] | None) -> list[EntityMention]:
    """A metonym that a demonym or a country's possessive owns names that country's institution, not the
    metonym's ("the German Foreign Office", "Germany's Foreign Office" are Berlin's, not London's)."""
    kept: list[EntityMention] = []
    for ent in entities:
        prev = kept[-1] if kept else None
        if (ent.kind == "metonym" and prev is not None and prev.kind in ("demonym", "country")
                and prev.code != ent.code
                and ((possessive is not None and possessive.fullmatch(sentence, prev.end, ent.start) is not None)
                     or sentence[prev.end:ent.start].isspace())):
            continue
        kept.append(ent)
    return kept


def located_metonyms(sentence: str, entities: list[EntityMention], locatives: frozenset[str]) -> list[EntityMention]:
    """A metonym placed in a city or country right after it is that place's institution ("het ministerie van
    Buitenlandse Zaken in Kiev" is Kyiv's, though the bare name is The Hague's)."""
    located: list[EntityMention] = []
    for n, ent in enumerate(entities):
        after = entities[n + 1] if n + 1 < len(entities) else None
        if ent.kind == "metonym" and after is not None and after.kind in ("place", "country") \
                and after.code != ent.code:
            words = sentence[ent.end:after.start].split()
            if len(words) == 1 and words[0].lower() in locatives:
                ent = replace(ent, code=after.code)
        located.append(ent)
    return located


def all_cue_words(lexicon: EventLexicon) -> frozenset[str]:
    """Every plain word of a lexicon's word cues (prepositions, articles, coordinators...), built once for a
    shipped lexicon."""
    if lexicon is event_lexicon(lexicon.language):
        return shipped_cue_words(lexicon.language)
    return frozenset().union(*lexicon.words.values())


@cache
def shipped_cue_words(language: str) -> frozenset[str]:
    lexicon = event_lexicon(language)
    return frozenset().union(*lexicon.words.values()) if lexicon is not None else frozenset()


def office_org(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
               i: int) -> EntityMention | None:
    """The organisation whose office the person entities[i] holds, who then acts for it whatever country the
    gazetteer gives him (a former prime minister): the office after the organisation ("NATO Secretary General
    Mark Rutte", "NAVO-chef Mark Rutte") or before it ("Генсек НАТО Марк Рютте", "Secretarul general al NATO,
    Mark Rutte"), the person at most 40 characters after the organisation. A country's officer at the
    organisation stays the country's ("Russia's UN ambassador Nebenzia", "de Russische VN-ambassadeur")."""
    ent = entities[i]
    org = entities[i - 1] if i >= 1 else None
    if ent.kind != "person" or org is None or org.kind != "org" or ent.start - org.end > 40:
        return None
    owner = entities[i - 2] if i >= 2 else None
    if owner is not None and owner.kind in ("country", "demonym"):
        between = sentence[owner.end:org.start]
        suffix = next((s for s in lexicon.grammar.possessive_suffixes if between.startswith(s)), "")
        if SPACES.fullmatch(between, len(suffix)) is not None:
            return None
    officials = lexicon.cues["officials"]
    gap = sentence[org.end:ent.start]
    if COMMAS_AND_SPACES.fullmatch(gap) is not None:
        # the office before the organisation, the person right after it
        return org if officials.search(sentence, max(0, org.start - 40), org.start) is not None else None
    # the office after the organisation: a few words holding a title, or the gap opening on one
    function_words = all_cue_words(lexicon)
    words = [w for w in WORD_SEPARATORS.split(gap) if w]
    if (len(words) <= 3 and LETTERS_SPACES_HYPHENS.fullmatch(gap) is not None
            and not any(w.lower() in function_words for w in words) and officials.search(gap) is not None):
        return org
    title = gap.strip(" ,")
    office = officials.match(title)
    if office is not None and TITLE_REST.fullmatch(title[office.end():]) is not None:
        return org
    return None


APPOSITION_END = regex.compile(r"[^,.;:()]*")


def office_after_person(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                        i: int) -> EntityMention | None:
    """The organisation whose office an apposition gives after the person entities[i]: "Mark Rutte, NATO
    Secretary General, visited Kyiv", "Rutte, de secretaris-generaal van de NAVO, bezocht": the person acts
    for it, as with the title before the name (office_org). The apposition must close after the title, with no
    other name in it ("Zelensky, NATO chief Rutte and Scholz" lists three people); a former office is none."""
    ent = entities[i]
    org = entities[i + 1] if i + 1 < len(entities) else None
    if ent.kind != "person" or org is None or org.kind != "org" or org.start - ent.end > 50:
        return None
    gap = sentence[ent.end:org.start]
    if not gap.startswith(","):
        return None
    officials = lexicon.cues["officials"]
    words = [w for w in WORD_SEPARATORS.split(gap[1:].strip()) if w]
    closing = APPOSITION_END.match(sentence, org.end)
    rest = sentence[org.end:closing.end()]
    if any(org.end <= e.start < closing.end() for e in entities):
        return None
    if all(w.lower() in lexicon.words["definite_articles"] for w in words):
        # ", NATO Secretary General,", ", NAVO-chef,": the title right after the organisation closes the apposition
        title = officials.match(rest.lstrip(" -"))
        return org if title is not None and len(WORD.findall(rest)) <= 3 else None
    # ", de secretaris-generaal van de NAVO,": the title before the organisation, which closes the apposition
    if (len(words) <= 6 and LETTERS_SPACES_HYPHENS.fullmatch(gap[1:]) is not None and not rest.strip()
            and officials.search(gap) is not None and not has_cue(lexicon, "former", gap)):
        return org
    return None


# a sentence opening on a pronoun and a lower-case word ("He met President Zelensky", "Hij sprak met ...")
PRONOUN_SUBJECT = regex.compile(r"\p{L}+\s+\p{Ll}")


def counterpart_reference(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], i: int) -> bool:
    """Whether the person entities[i] only tells whose counterpart a nationality's official is ("Немецкий коллега
    Лаврова посетил Киев", "Omologul german al lui Lavrov a vizitat Kievul"): right after a nationality of another
    country, with only lowercase words between, an office title among them or just before the nationality. The
    official is the nationality's; the name (a genitive) takes no part in the event."""
    ent = entities[i]
    nationality = entities[i - 1] if i >= 1 else None
    if ent.kind != "person" or nationality is None or nationality.kind != "demonym" or nationality.code == ent.code:
        return False
    if LOWERCASE_WORDS.fullmatch(sentence, nationality.end, ent.start) is None:
        return False
    officials = lexicon.cues["officials"]
    return (officials.search(sentence, nationality.end, ent.start) is not None
            or officials.search(sentence, max(0, nationality.start - 25), nationality.start) is not None)


@dataclass(slots=True)
class DocumentContext:
    """What earlier sentences of a document said: a role missing in a sentence is carried from here."""
    lang: str
    sentences: dict[int, str]
    entity_cache: dict[int, list[EntityMention]] = field(default_factory=dict)
    amount_cache: dict[int, list[MoneyMention]] = field(default_factory=dict)
    alias_cache: dict[str, Role] | None = None
    officer_cache: dict[str, str] | None = None
    officers_in_lead: set[str] = field(default_factory=set)
    raw_cache: dict[int, list[EntityMention]] = field(default_factory=dict)
    trip_cache: dict[int, list[regex.Match[str]]] = field(default_factory=dict)
    # the triggers that may match each candidate sentence (select_candidates); None: any sentence may hold any
    trigger_ids: dict[int, Sequence[int]] | None = None

    def raw_entities(self, sent_idx: int) -> list[EntityMention]:
        """The gazetteer's entities of a sentence, before the document's office-holders are applied."""
        if sent_idx not in self.raw_cache:
            sentence = self.sentences.get(sent_idx, "")
            lexicon = event_lexicon(self.lang)
            possessive = lexicon.grammar.possessive if lexicon else None
            locatives = lexicon.words["locative_prepositions"] if lexicon else frozenset()
            entities = located_metonyms(sentence, owned_metonyms_dropped(
                sentence, find_entities(sentence, self.lang), possessive), locatives)
            self.raw_cache[sent_idx] = [
                self.owned_elsewhere(sent_idx, e, possessive) if e.kind == "metonym" else e for e in entities]
        return self.raw_cache[sent_idx]

    def owned_elsewhere(self, sent_idx: int, ent: EntityMention,
                        possessive: regex.Pattern[str] | None) -> EntityMention:
        """A bare metonym that another sentence gives an owner ("Pakistan's Foreign Office ... a Foreign Office
        spokesperson said") is that owner's institution throughout the document, not the metonym's country."""
        for idx, other in self.sentences.items():
            at = other.find(ent.text) if idx != sent_idx else -1
            while at > 0:
                lead = other[max(0, at - 40):at]
                owner = next((e for e in reversed(find_entities(lead, self.lang))
                              if e.kind in ("demonym", "country")), None)
                if owner is not None and owner.code != ent.code and (
                        lead[owner.end:].isspace()
                        or (possessive is not None and possessive.fullmatch(lead, owner.end) is not None)):
                    return replace(ent, code=owner.code)
                at = other.find(ent.text, at + 1)
        return ent

    def officers(self) -> dict[str, str]:
        """The surnames of the people the document introduces as an organisation's office-holder ("NATO chief
        Mark Rutte"), with the organisation: the same name elsewhere, the headline too ("Rutte visits Kyiv"),
        acts for it. Only sentences with an acronym and an office title are looked at (the organisations that
        hold such offices are written NATO, EU, UN, IMF...), and of those, unless the gazetteer has already run on
        them, only the ones holding a surface of an organisation: the gazetteer is not run for nothing."""
        if self.officer_cache is None:
            self.officer_cache = {}
            lexicon = event_lexicon(self.lang)
            if lexicon is None:
                return self.officer_cache
            for idx in sorted(self.sentences):
                sentence = self.sentences[idx]
                # the cheapest test first: an acronym, a surface of an organisation, then an office title
                if (ACRONYM.search(sentence) is None
                        or (idx not in self.raw_cache and not may_mention(sentence, self.lang, "org"))
                        or not has_cue(lexicon, "officials", sentence)):
                    continue
                raw = self.raw_entities(idx)
                for i, ent in enumerate(raw):
                    org = office_org(lexicon, sentence, raw, i) or office_after_person(lexicon, sentence, raw, i)
                    if org is not None:
                        self.officer_cache.setdefault(ent.text.split()[-1], org.code)
                        if idx < 4:
                            self.officers_in_lead.add(ent.text.split()[-1])
        return self.officer_cache

    def office_told_in_lead(self, actor: Role) -> bool:
        """An actor the headline or lead (first four sentences) introduces with an organisation's office: news
        gives a title once, so the headline's bare "Rutte" is still the NATO Secretary General."""
        surname = actor.name.split()[-1:]
        return (bool(surname) and self.officers().get(surname[0]) == actor.code
                and surname[0] in self.officers_in_lead)

    def entities(self, sent_idx: int) -> list[EntityMention]:
        if sent_idx not in self.entity_cache:
            officers = self.officers()
            raw = self.raw_entities(sent_idx)
            lexicon = event_lexicon(self.lang)
            sentence = self.sentences.get(sent_idx, "")
            self.entity_cache[sent_idx] = [
                replace(e, code=officers[e.text.split()[-1]])
                if e.kind == "person" and e.text.split()[-1] in officers else e
                for i, e in enumerate(raw)
                if lexicon is None or not counterpart_reference(lexicon, sentence, raw, i)]
        return self.entity_cache[sent_idx]

    def trips(self, lexicon: EventLexicon, sent_idx: int) -> list[regex.Match[str]]:
        """The visit triggers of a sentence, read in candidate sentences only: one that is none (no trigger, all
        capitals, a link teaser) counts as holding none, as it yields no mention either."""
        if sent_idx not in self.trip_cache:
            sentence = self.sentences.get(sent_idx, "")
            ids = range(len(lexicon.triggers)) if self.trigger_ids is None else self.trigger_ids.get(sent_idx, ())
            self.trip_cache[sent_idx] = [m for n in ids if lexicon.triggers[n].event_type == "visit"
                                         for m in lexicon.triggers[n].compiled.finditer(sentence)]
        return self.trip_cache[sent_idx]

    def amounts(self, sent_idx: int) -> list[MoneyMention]:
        if sent_idx not in self.amount_cache:
            sentence = self.sentences.get(sent_idx, "")
            self.amount_cache[sent_idx] = conversions_dropped(sentence, find_amounts(sentence, self.lang))
        return self.amount_cache[sent_idx]

    def aliases(self) -> dict[str, Role]:
        """First names that an apposition ties to a known person ("Sophie, the Duchess of Edinburgh, ..."): news
        names a person in full once, then by the first name alone ("Sophie has visited Kosovo")."""
        if self.alias_cache is None:
            self.alias_cache = {}
            text = " ".join(self.sentences.values())
            lexicon = event_lexicon(self.lang)
            appositive = apposition(lexicon.words["definite_articles"] if lexicon else frozenset())
            for idx in sorted(self.sentences):
                sentence = self.sentences[idx]
                if APPOSED_NAME.search(sentence) is None:
                    continue  # no "Sophie, " anywhere: the gazetteer need not run on the sentence
                for ent in self.entities(idx):
                    apposed = appositive.search(sentence[max(0, ent.start - 40):ent.start])
                    if ent.kind != "person" or apposed is None:
                        continue
                    name = apposed.group(1)
                    # "However, the Duchess ...": a word the text also writes in lower case is no name
                    if regex.search(rf"(?<![\p{{L}}]){regex.escape(name.lower())}(?![\p{{L}}])", text) is None:
                        self.alias_cache.setdefault(name, Role(name, ent.code, f"alias of {ent.text}"))
        return self.alias_cache

    def carried(self, sent_idx: int, kinds: frozenset[str], exclude: set[str],
                titles_of: EventLexicon | None = None, reach: int = 3,
                venues_of: EventLexicon | None = None, bodies_of: EventLexicon | None = None) -> Role | None:
        """The nearest suitable entity in the `reach` previous sentences (three unless a caller looks further),
        else in the headline; with a lexicon's office titles (a traveller), a nationality before an office also
        names a person ("de Turkse minister"), and so does a country right after one ("Канцлер Германии"),
        and a subject is looked for first: the first such name of a
        sentence that no preposition governs, since "he" goes on with the one who acted, not the one met
        ("Orban met Putin. Then he met with Trump.").
        With a lexicon's venues_of, an organisation after a goal preposition is skipped: "at a UN conference",
        "op een VN-conferentie" is where others pledged, not who; so is the place of a meeting ("at a conference
        in Brussels"), where nobody gave nor received.
        With a lexicon's bodies_of, a country right after a government body ("МИД Эстонии вызвал ...") is its
        government too: a passive note after a summons ("Российскому дипломату вручена нота") goes on with it."""
        passes = (True, False) if titles_of is not None else (False,)
        for subjects_only in passes:
            for back in (*range(sent_idx - 1, sent_idx - 1 - reach, -1), 0):
                if back < 0 or back == sent_idx:
                    continue
                sentence = self.sentences.get(back, "")
                opening = OPENING_MARKS.match(sentence).end()
                if (subjects_only and titles_of is not None and PRONOUN_SUBJECT.match(sentence, opening) is not None
                        and titles_of.cues["pronouns"].match(sentence, opening) is not None):
                    continue  # "He met President Zelensky": the pronoun is the subject, so "he" goes on with its own
                ordered = iter(self.entities(back)) if subjects_only else reversed(self.entities(back))
                for ent in ordered:
                    titled = titles_of is not None and (
                        (ent.kind == "demonym" and titled_demonym(titles_of, sentence, ent))
                        or (ent.kind == "country" and titled_place(titles_of, sentence, ent)))
                    titled = titled or (bodies_of is not None and ent.kind == "country" and bodies_of.cues[
                        "government_bodies"].search(sentence, max(0, ent.start - 12), ent.start) is not None
                        and not sentence[max(0, ent.start - 12):ent.start].strip().endswith(","))
                    if subjects_only and titles_of is not None and governed_by(
                            titles_of, sentence, ent.start, titles_of.words["other_prepositions"]
                            | titles_of.words["goal_prepositions"], 1):
                        continue
                    if subjects_only and titles_of is not None and any(
                            sentence[:m.start()].rstrip().endswith(",")
                            for m in titles_of.cues["relative"].finditer(sentence, 0, ent.start)):
                        continue  # ", где встретился с представителем ЕС": a relative clause's name is no subject
                    if venues_of is not None and ent.kind == "org" and governed_by(
                            venues_of, sentence, ent.start, venues_of.words["goal_prepositions"], 2):
                        continue
                    if venues_of is not None and meeting_place(venues_of, sentence, ent):
                        continue  # "at a conference in Brussels": where the donors met, neither donor nor recipient
                    if (ent.kind in kinds or titled) and ent.code not in exclude:
                        where = "headline" if back == 0 else f"sentence {back}"
                        return Role(ent.text, ent.code, f"carried from {where}")
        return None


CONVERSION_OPENING = regex.compile(r"\s*\(\s*(?:\p{L}+\s+)?")


def conversions_dropped(sentence: str, amounts: list[MoneyMention]) -> list[MoneyMention]:
    """A sum restated in another currency in brackets right after it ("a 30 billion yen ($228 million) loan",
    "1 miljard dollar (ruim 900 miljoen euro)") is the same sum, no second one: the text states the first."""
    kept: list[MoneyMention] = []
    for m in amounts:
        prev = kept[-1] if kept else None
        if (prev is not None and prev.currency != m.currency
                and CONVERSION_OPENING.fullmatch(sentence, prev.end, m.start) is not None
                and sentence[m.end:m.end + 3].lstrip().startswith(")")):
            continue
        kept.append(m)
    return kept


def is_all_caps(sentence: pl.Expr) -> pl.Expr:
    """AN ALL-CAPS HEADLINE yields no mention: "US" may be "us", and names look like words."""
    # the letters as all characters but the non-letters: far fewer matches to count, twice as fast
    letters = sentence.str.len_chars() - sentence.str.count_matches(r"\P{L}")
    return (letters > 20) & (sentence.str.count_matches(r"\p{Lu}") > 0.6 * letters)


def is_teaser(sentence: pl.Expr) -> pl.Expr:
    """A link teaser ("Other Topics of Interest ...", "Читайте также: ..."), or the line after a bare marker
    ("Подробнее о Конгрессе:" then another article's headline). The frame must be in text order per doc_id."""
    marker = teaser_pattern()
    return sentence.str.contains(marker) | (
        sentence.shift(1).over("doc_id").str.contains(marker + r"[\s:]*$").fill_null(False))


def select_candidates(sentences: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Sentences holding any trigger of their document's language (vectorised, one pass per language)."""
    with_lang = (sentences.with_columns(is_teaser(pl.col("sentence")).alias("teaser"))
                 .join(documents.select("doc_id", "lang"), on="doc_id", how="inner"))
    parts = []
    for lang in with_lang["lang"].unique().to_list():
        lexicon = event_lexicon(lang)
        if lexicon is None:
            continue
        # which triggers may match, in Rust, so that the exact Python patterns run only where they can
        may_match = [pl.when(pl.col("sentence").str.contains(pattern)).then(pl.lit(n, pl.Int32))
                     for n, pattern in enumerate(lexicon.trigger_candidate_patterns)]
        parts.append(
            with_lang.filter(pl.col("lang") == lang)
            .filter(pl.any_horizontal([pl.col("sentence").str.contains(group)
                                        for group in lexicon.candidate_group_patterns]))
            .filter(~is_all_caps(pl.col("sentence")) & ~pl.col("teaser"))
            .with_columns(pl.concat_list(may_match).list.drop_nulls().alias("trigger_ids"))
        )
    if not parts:
        return pl.DataFrame(schema=CANDIDATE_SCHEMA)
    return pl.concat(parts).select(CANDIDATE_SCHEMA.keys())


# syntax whose meaning depends on letter case: property and name escapes, inline flags (a case-sensitive group)
CASE_BOUND_SYNTAX = regex.compile(r"\\[pPN]|\(\?[a-zA-Z-](?<!\(\?P)")
ESCAPE_OR_LITERAL = regex.compile(r"\\.|[^\\]+", regex.DOTALL)


def word_before(sentence: str, position: int) -> str:
    """The word just before a position, lowercased ('' at the start)."""
    words = WORD.findall(sentence[max(0, position - 30):position])
    return words[-1].lower() if words else ""


def governed_by(lexicon: EventLexicon, sentence: str, position: int, prepositions: frozenset[str], reach: int = 3,
                compound_heads: frozenset[str] = frozenset()) -> bool:
    """Whether one of the prepositions stands among the few words before a name.

    Articles, titles and adjectives sit between a preposition and its name ("aan de Oekraïense
    hoofdstad", "van president Joe Biden"), so the preposition is looked for a few words back.
    A preposition right after one of compound_heads is part of another preposition (Romanian "de la
    Moscova" is "from Moscow", not "to Moscow").
    """
    words = WORD.findall(sentence[max(0, position - 60):position])
    heads = words[:-reach][-1:]
    words = words[-reach:]
    for n in range(len(words) - 1, -1, -1):
        if words[n].lower() in prepositions:
            before = words[n - 1] if n > 0 else (heads[0] if heads else "")
            return before.lower() not in compound_heads
        if not is_modifier(lexicon, words[n]):
            return False  # a verb or noun in between: "to prevent Russia" is not "to Russia"
    return False


def is_modifier(lexicon: EventLexicon, word: str) -> bool:
    """A word that may stand between a preposition and its name: a capitalised title or adjective, or one of the
    language's modifier_words (articles, place nouns: "hoofdstad", "capital") or modifier_forms ("столицу")."""
    return (word[:1].isupper() or word.lower() in lexicon.words["modifier_words"]
            or lexicon.cues["modifier_forms"].search(word) is not None)


def aside_start(sentence: str, position: int) -> int:
    """Where a dash aside ends right before position opens ("X — led by Y — traveled": before the first dash);
    position itself when no aside closes there."""
    closing = DASH_ASIDE.search(sentence, max(0, position - 4), position)
    if closing is None or sentence[closing.end():position].strip():
        return position
    openings = [m.start() for m in DASH_ASIDE.finditer(sentence, 0, closing.start())]
    return openings[-1] if openings else position


def clause_bounds(lexicon: EventLexicon, sentence: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence around [start, end) not cut by a semicolon, bracket or contrast."""
    left = 0
    breaks = clause_break(lexicon)
    for m in breaks.finditer(sentence, 0, start):
        left = m.end()
    right_match = breaks.search(sentence, end)
    return left, right_match.start() if right_match else len(sentence)


def opens_on_anaphora(lexicon: EventLexicon, sentence: str, position: int) -> bool:
    """A sentence that opens on a demonstrative and reaches position over lowercase modifiers only ("This
    visit", "Это второй визит"): it speaks about something already named."""
    opening = lexicon.cues["anaphora"].match(sentence, OPENING_MARKS.match(sentence).end())
    if opening is None:
        return False
    words = WORD.findall(sentence[opening.end():position])
    # a capitalised word is a name ("That Biden's visit..." is no anaphora)
    return all(not w[:1].isupper() and (w in lexicon.words["modifier_words"]
                                                or lexicon.cues["modifier_forms"].search(w) is not None) for w in words)


@lru_cache(maxsize=64)
def lowered_cue(cue: regex.Pattern[str]) -> re.Pattern[str] | regex.Pattern[str] | None:
    """The cue compiled without IGNORECASE, its literal letters lower-cased, for lower-cased text (which then
    meets the same words); None when an escape or inline flag makes case matter. Case folding at every position
    makes the regex module try each word of an alternation ("president|prime minister|...") everywhere;
    case-sensitive, re skips ahead on the words' first letters (3-7x faster on the bench sentences). re only
    where the engines agree: its \\b and \\w know fewer word characters than regex's."""
    if CASE_BOUND_SYNTAX.search(cue.pattern):
        return None
    # an escaped character keeps its case (\\S is not \\s)
    pattern = ESCAPE_OR_LITERAL.sub(lambda m: m.group() if m.group().startswith("\\") else m.group().lower(),
                                    cue.pattern)
    if not any(escape in pattern for escape in ("\\b", "\\B", "\\w", "\\W")):
        try:
            return re.compile(pattern)
        except re.error:
            pass
    try:
        return regex.compile(pattern, regex.V0)
    except regex.error:
        return None


def has_cue(lexicon: EventLexicon, kind: str, text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether a cue of this kind occurs in text[start:end]; a look-behind in the cue still sees the text before
    start ("chose ... to visit" is no plan even when "chose" lies outside the window)."""
    cue = lexicon.cues[kind]
    lowered = lowered_cue(cue)
    end = len(text) if end is None else end
    if lowered is not None:
        lower_text = text.lower()
        # positions hold in the lower-cased text only when no letter lower-cases to two ("İ")
        if len(lower_text) == len(text):
            return lowered.search(lower_text, start, end) is not None
    return cue.search(text, start, end) is not None


def former_office(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A name whose office lies in the past ("former Prime Minister Taro Aso", "oud-premier", "бывший президент"):
    the cue, then only titles and capitalised words up to the name. Such a person represents no state."""
    for cue in lexicon.cues["former"].finditer(sentence, max(0, ent.start - 40), ent.start):
        between = WORD.findall(sentence[cue.end():ent.start])
        if all(is_modifier(lexicon, w) or lexicon.cues["officials"].match(w.lower()) for w in between):
            return True
    return False


def headline_recipient(lexicon: EventLexicon, context: DocumentContext, exclude: set[str]) -> Role | None:
    """The country a headline names after to/for (and after a pledge trigger): "Billions pledged for Syria"."""
    headline = context.sentences.get(0, "")
    if not any(trig.event_type == "pledge" and trig.compiled.search(headline) for trig in lexicon.triggers):
        return None
    words = lexicon.words["recipient_prepositions"]
    for ent in context.entities(0):
        if ent.kind in ("country", "place") and ent.code not in exclude and governed_by(
                lexicon, headline, ent.start, words, 2):
            return Role(ent.text, ent.code, "carried from headline")
    return None


def headline_subject(lexicon: EventLexicon, context: DocumentContext, exclude: set[str]) -> Role | None:
    """The country or capital a headline names with no preposition: "Moscow expels a Moldovan diplomat" makes
    the unnamed ministry of "the ministry summoned the chargé d'affaires" Russia's."""
    headline = context.sentences.get(0, "")
    words = lexicon.words["goal_prepositions"] | lexicon.words["other_prepositions"]
    # only the first name: in "Armenia recognised Palestine" the object Palestine summons nobody
    ent = next(iter(context.entities(0)), None)
    if (ent is None or ent.kind not in PLACE_KINDS or ent.code in exclude
            or governed_by(lexicon, headline, ent.start, words, 2)):
        return None
    return Role(ent.text, ent.code, "carried from headline")


def introduced_as_former(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, actor: Role) -> bool:
    """A person the headline or lead (first three sentences) names as a former office-holder: news gives a title
    once, so "Pence" later in the text is still the former Vice President."""
    surname = actor.name.split()[-1:]
    for idx in range(min(sent_idx, 4)):
        sentence = context.sentences.get(idx, "")
        for ent in context.entities(idx):
            if (ent.kind == "person" and ent.code == actor.code and ent.text.split()[-1:] == surname
                    and former_office(lexicon, sentence, ent)):
                return True
    return False


def restates_planned_trip(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, trig: Trigger,
                          actor: Role, target: Role) -> bool:
    """A visit that retells a trip the text has placed ahead: "the visit" whose traveller is carried, after a
    sentence whose visit to the same country is planned ("Rutte gaat volgende week op bezoek ... Het bezoek vindt
    plaats in Boston"), or the lead retelling a headline that plans a trip of the same traveller to the same
    place ("Trump gaat na G20 door naar Zuid-Korea" / "Trump brengt ... een bezoek aan Zuid-Korea")."""
    if trig.rule.endswith("noun") and actor.start < 0:
        for back in (sent_idx - 1, sent_idx - 2, sent_idx - 3, 0):
            if back < 0 or back >= sent_idx:
                continue
            sentence = context.sentences.get(back, "")
            visits = [m for t in lexicon.triggers if t.event_type == "visit" for m in t.compiled.finditer(sentence)]
            if visits:
                # the same trip only where that sentence names the same place ("On a visit to China in 2023" after
                # "Xi is due to visit France" is another trip)
                places = {e.code for e in context.entities(back) if e.kind in PLACE_KINDS}
                return target.code in places and any(
                    has_cue(lexicon, "future", sentence, max(0, m.start() - 60), m.end() + 25) for m in visits)
    if trig.rule.endswith("noun") and actor.start >= 0 and target.start >= 0 and \
            plans_the_same_trip(lexicon, context, sent_idx, actor, target):
        return True
    if sent_idx == 1:
        headline = context.sentences.get(0, "")
        # a lead that puts the trip on the publication day ("Сегодня … отправится с визитом") reports it begun,
        # whatever the headline says of its later parts ("Визит … начнется со встречи")
        today = same_day_words(context.lang)
        if today is not None and today.search(context.sentences.get(sent_idx, "")):
            return False
        # the plan must be told of the same trip: "Erdogan receives Aliyev in Ankara; return visit to Baku planned"
        # plans another one
        part_start = 0
        for part_end in (*(i for i, c in enumerate(headline) if c == ";"), len(headline)):
            named = {e.code for e in context.entities(0) if part_start <= e.start < part_end}
            if actor.code in named and target.code in named and has_cue(lexicon, "future", headline, part_start,
                                                                          part_end):
                return True
            part_start = part_end + 1
    return False


# How far from a trip's trigger its place may stand ("a trip to Moscow", "Moscow is his first stop on the trip").
TRIP_PLACE_REACH = 40
# Only whether a sentence names a time is asked of it: any publication reference will do.
ANY_REFERENCE = DocumentReference(date(2000, 1, 1), date(2000, 1, 31), date(2000, 1, 15), "header_month")


def plans_the_same_trip(lexicon: EventLexicon, context: DocumentContext, sent_idx: int,
                        actor: Role, target: Role) -> bool:
    """A trip named as a noun, with no day of its own, that the latest earlier sentence about a trip of the same
    traveller to the same place put ahead: "Scholz is expected to use a trip to Moscow" ... "Scholz's options
    during his trip to Moscow are limited" is still the plan, however far apart the two sentences are."""
    for back in range(sent_idx - 1, -1, -1):
        visits = context.trips(lexicon, back)
        if not visits:
            continue
        earlier = context.sentences.get(back, "")
        entities = context.entities(back)
        places = [e for e in entities if e.kind in PLACE_KINDS and e.code == target.code]
        # the trip goes there only when the place stands by its trigger, not anywhere in the sentence
        to_there = [m for m in visits if any(m.start() - TRIP_PLACE_REACH <= e.start <= m.end() + TRIP_PLACE_REACH
                                             for e in places)]
        if not to_there or actor.code not in {e.code for e in entities if e.kind not in PLACE_KINDS}:
            continue  # another traveller's trip there ("Johnson will hold talks to bring Russia back")
        if not any(has_cue(lexicon, "future", earlier, max(0, m.start() - 60), m.end() + 25) for m in to_there):
            return False
        # "his trip to Moscow took place", "... on Tuesday ended without a deal": told as a trip of its own
        sentence = context.sentences.get(sent_idx, "")
        return not (has_cue(lexicon, "took_place", sentence)
                    or find_time_expressions(sentence, context.lang, ANY_REFERENCE))
    return False


def followed_person(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A name that only qualifies private people: "Trump allies", "Trump-aanhangers", "сторонники Трампа".
    The allies, lawyers or critics of an office-holder hold no office themselves, so they are no visitors."""
    if ent.kind != "person":
        return False  # "US allies", "NAVO-bondgenoten" are states
    return (lexicon.cues["followers"].search(sentence, ent.end, ent.end + 30) is not None
            or lexicon.cues["followers_of"].search(sentence, max(0, ent.start - 40), ent.start) is not None)


def is_official(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A person of the gazetteer, an organisation, or a name next to an office title; not a former office-holder,
    nor a name that stands for its followers."""
    if former_office(lexicon, sentence, ent) or followed_person(lexicon, sentence, ent):
        return False
    if ent.kind in ("person", "org"):
        return True
    window = sentence[max(0, ent.start - 40):ent.end + 40]
    return has_cue(lexicon, "officials", window)


def role(ent: EntityMention, basis: str) -> Role:
    """A role filled by an entity of this sentence."""
    return Role(ent.text, ent.code, basis, ent.start)


def nearest_before(lexicon: EventLexicon, entities: list[EntityMention], position: int, kinds: frozenset[str],
                   exclude: set[str], sentence: str, skip_words: frozenset[str] = frozenset(),
                   compound_heads: frozenset[str] = frozenset()) -> EntityMention | None:
    """The closest entity ending before position, of the given kinds, not preceded by a skipped word."""
    for ent in reversed(entities):
        if ent.end <= position and ent.kind in kinds and ent.code not in exclude:
            # "in de Oekraïense hoofdstad" reaches over two words; a person is governed only directly
            if skip_words and governed_by(lexicon, sentence, ent.start, skip_words, 1 if ent.kind == "person" else 2,
                                          compound_heads):
                continue
            return ent
    return None


def first_after(lexicon: EventLexicon, entities: list[EntityMention], position: int, kinds: frozenset[str],
                exclude: set[str], limit: int, sentence: str,
                need_words: frozenset[str] | None = None) -> EntityMention | None:
    """The first entity starting after position (within limit characters), optionally after one of need_words."""
    for ent in entities:
        if ent.start >= position and ent.kind in kinds and ent.code not in exclude:
            if ent.start - position > limit:
                return None
            if need_words is not None and not governed_by(lexicon, sentence, ent.start, need_words):
                continue
            return ent
    return None


def titled_demonym(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A nationality before an office: "the Canadian Prime Minister", "de Duitse bondskanselier"."""
    return lexicon.cues["officials"].match(sentence, ent.end + 1, ent.end + 40) is not None


LOWERCASE_WORDS = regex.compile(r"\p{Ll}*(?:\s+\p{Ll}+)*\s+")


def titled_place(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A place right after an office title stands for its government: "Глава Гагаузии", "the mayor of Kyiv";
    also past lowercase words of the office's name ("Министр иностранных дел КНР")."""
    if lexicon.cues["officials"].search(sentence, max(0, ent.start - 20), ent.start) is not None:
        return True
    title = lexicon.cues["officials"].search(sentence, max(0, ent.start - 40), ent.start)
    return title is not None and LOWERCASE_WORDS.fullmatch(sentence, title.end(), ent.start) is not None


def genitive_agent(lexicon: EventLexicon, entities: list[EntityMention], trigger_end: int,
                   sentence: str, exclude: set[str]) -> EntityMention | None:
    """The agent of a nominal trigger: 'bezoek van Biden', 'visit of the king', 'визит президента Италии'.

    Destinations ('aan Kiev', 'в Молдову') between the trigger and its agent are stepped over.
    """
    agent_words = lexicon.words["agent_prepositions"]
    goal_words = lexicon.words["goal_prepositions"]
    for ent in entities:
        if ent.start < trigger_end or ent.code in exclude:
            continue
        if ent.start - trigger_end > 50:
            return None
        if governed_by(lexicon, sentence, ent.start, goal_words, 1):
            continue
        if ent.kind not in AGENT_KINDS:
            return None
        if governed_by(lexicon, sentence, ent.start, agent_words):
            return ent
        bare_genitive = ent.kind in ("person", "demonym", "org") or titled_place(lexicon, sentence, ent)
        if lexicon.grammar.genitive_agent_by_case and bare_genitive:
            # a genitive case ending needs no preposition, but stays in the noun's clause: "с визитом, а в
            # апреле глава МИД КНР ..." opens another clause with its own subject
            # (the trigger's match may end on the comma itself)
            return None if CLAUSE_PUNCTUATION.search(sentence, max(0, trigger_end - 1), ent.start) else ent
        return None
    return None


QUOTE_OPENERS = "«„“\""
QUOTE_CLOSERS = "»“”\""
QUOTE_ATTRIBUTION = regex.compile(r"\s*,?\s*[-–—]?\s*\p{Ll}[^.;:!?«»„“”\"]{0,50}")


def quoted_speaker(sentence: str, entities: list[EntityMention], trigger: regex.Match[str],
                   exclude: set[str]) -> EntityMention | None:
    """The speaker named after the closing quote around a trigger whose quote names no traveller ("«Я только что
    прибыл в Киев», - написал президент Финляндии Саули Ниинистё"): a first-person trip told in one's own words.
    The attribution opens on a lowercase verb; its first official name within 50 characters is the speaker."""
    # a trigger pattern may open on the character before its word: the quote itself ("„Am fost la")
    opened = max(sentence.rfind(q, 0, trigger.start() + 1) for q in QUOTE_OPENERS)
    if opened < 0 or any(sentence.find(q, opened + 1, trigger.start()) >= 0 for q in QUOTE_CLOSERS if q != "\""):
        return None
    closed = min((i for i in (sentence.find(q, trigger.end()) for q in QUOTE_CLOSERS) if i >= 0), default=-1)
    if closed < 0 or any(opened < e.start < closed and e.kind != "place" and e.kind in AGENT_KINDS
                         and e.code not in exclude for e in entities):
        return None
    attribution = QUOTE_ATTRIBUTION.match(sentence, closed + 1)
    if attribution is None:
        return None
    return next((e for e in entities if attribution.start() < e.start < attribution.end()
                 and e.kind in AGENT_KINDS - {"place"} and e.code not in exclude), None)


def source_of_statement(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A name after "volgens", "according (to)", "по словам", "potrivit", with only articles, titles and capitalised
    words between: whom a statement is attributed to, not its subject."""
    words = WORD.findall(sentence[max(0, ent.start - 60):ent.start])[-4:]
    for word in reversed(words):
        if word.lower() in lexicon.words["source_prepositions"]:
            return True
        if word.lower() in lexicon.words["goal_prepositions"] or not (
                is_modifier(lexicon, word) or lexicon.cues["officials"].match(word.lower())):
            return False
    return False


def subject_goal_roles(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                       trigger: regex.Match[str], rule: str) -> tuple[Role | None, Role | None]:
    """Visit: the traveller (genitive of a noun, or the subject), the destination after a preposition."""
    goal_words = lexicon.words["goal_prepositions"]
    # the possessor right before a noun ("Blinken's visit", "Pompeo's eerste bezoek") outranks a genitive after it
    # a dash aside between subject and verb ("allies — led by X, who served in the Trump administration —
    # traveled") describes the subject: its names are not the traveller
    subject_end = aside_start(sentence, trigger.start())
    # "VN-werkbezoek", "EU-visit": a name glued to the noun says in whose name or where, not who travels
    glued = {e.code for e in entities if sentence[e.end:e.end + 1] in ("-", "‑") and e.end <= trigger.start()
             and GLUED_TAIL.fullmatch(sentence, e.end + 1, max(e.end + 1, trigger.start())) is not None}
    # "Volgens premier Rutte is in Oekraïne veel veranderd": the source of a statement is no traveller
    candidates = [e for e in entities if not source_of_statement(lexicon, sentence, e)]
    possessor = nearest_before(lexicon, candidates, subject_end, AGENT_KINDS - {"place"}, glued, sentence, goal_words)
    during_re = during_a_visit_re(lexicon.language)
    during = (rule.endswith("noun") and during_re is not None
              and during_re.search(sentence[max(0, trigger.start() - 50):trigger.start()]) is not None)
    if possessor is not None and (subject_end - possessor.end > 25 or during):
        possessor = None  # "praised Cuba during his visit": the possessor is "his"
    # "Rutte visited Poland on Tuesday; he visited Lithuania": a name before a semicolon is the clause before's
    semicolon = sentence.rfind(";", 0, trigger.start())
    if possessor is not None and possessor.start < semicolon:
        possessor = None
    actor_ent, basis = possessor, "possessor before trigger"
    relative_object = verb_final_object(lexicon, sentence, entities, trigger) if rule.endswith(".verb") else None
    if relative_object is not None:
        # "Schreinemacher, die dinsdag Moldavië bezocht, ...": the traveller is the relative word's antecedent;
        # "toen bondskanselier Scholz Ankara bezocht": the subordinate clause's subject
        relative_at, object_ent, clause_subject = relative_object
        if clause_subject is not None:
            actor_ent, basis = clause_subject, "subject of a verb-final subordinate clause"
        else:
            actor_ent = nearest_before(lexicon, candidates, relative_at, AGENT_KINDS - {"place"}, {object_ent.code},
                                       sentence, goal_words)
            basis = "antecedent of a relative clause"
    taken = {actor_ent.code} if actor_ent else set()
    returned = rule.endswith(".return")
    target_ent: EntityMention | None = None
    if relative_object is not None:
        target_ent = relative_object[1]
    elif returned:
        # "returned from Riyadh", "is terug uit Riyad": the place left is the one visited
        target_ent = first_after(lexicon, entities, trigger.start(), PLACE_KINDS, taken,
                                 25 + trigger.end() - trigger.start(), sentence)
    elif rule.endswith("arrival") or rule.endswith(".verb"):
        # "arrived in", "speaking from", "прибыл в" end in their preposition; "visited Cuba" takes an object;
        # a split or verb-final arrival holds its place ("kwam dinsdag in Kiev aan", "die naar Kiev reisde")
        departure = lexicon.words["departure_prepositions"]
        arrivals = [e for e in entities if not departure & {w.lower() for w in WORD.findall(
            sentence[trigger.end():e.start])[-1:]}]
        target_ent = first_after(lexicon, arrivals, trigger.start(), PLACE_KINDS, taken,
                                 25 + trigger.end() - trigger.start(), sentence)
        if target_ent is None:
            # "arrived in the Ukrainian capital", "was in de Amerikaanse hoofdstad": a nationality with a place noun
            capital = first_after(lexicon, arrivals, trigger.start(), frozenset({"demonym"}), taken,
                                  25 + trigger.end() - trigger.start(), sentence)
            if capital is not None and lexicon.cues["place_nouns"].match(sentence, capital.end + 1) is not None:
                target_ent = capital
        if target_ent is not None and rule.endswith("presence_arrival") and not governed_by(
                lexicon, sentence, target_ent.start, goal_words, 2):
            target_ent = None  # "was in talks with Ukraine": the place must follow "in" at once
    else:
        target_ent = None
    if target_ent is None and not rule.endswith("arrival") and not returned:
        # a noun's destination follows it closely ("visit to Kyiv"); a verb's may come after its adverbs
        reach = 60 if rule.endswith("noun") else 90
        target_ent = first_after(lexicon, entities, trigger.end(), PLACE_KINDS | {"demonym"}, taken, reach, sentence,
                                 goal_words)
        if target_ent is not None and target_ent.kind == "demonym" and \
                lexicon.cues["place_nouns"].match(sentence, target_ent.end + 1) is None:
            target_ent = None  # "aan het Belgische detachement" is no trip to Belgium; "de Oekraïense hoofdstad" is
        if target_ent is not None and has_cue(lexicon, "relative", sentence, trigger.end(),
                                              min(target_ent.start, trigger.end() + 12)):
            target_ent = None  # "a trip, which includes stops in Vietnam": a clause on the trip lists places ahead
        # "с государственным визитом, а в апреле ... в Минск": a place past a contrast is another clause's
        if target_ent is not None and rule.endswith("noun") and \
                target_ent.start > clause_bounds(lexicon, sentence, trigger.start(), max(0, trigger.end() - 1))[1]:
            target_ent = None
    if (target_ent is None and rule.endswith(".in_place")
            and trigger.group(0).lower().endswith(lexicon.grammar.host_prepositions)):
        # "was op bezoek bij Rutte", "bij de Nederlandse premier": a host named as a person gives the country visited
        host = first_after(lexicon, entities, trigger.end(), frozenset({"person", "demonym"}), taken, 45, sentence)
        if host is not None and (host.kind == "person" or titled_demonym(lexicon, sentence, host)):
            target_ent = host
    if target_ent is None and rule.endswith(".verb"):
        target_ent = first_after(lexicon, entities, trigger.end(), PLACE_KINDS, taken, 60, sentence)
    if target_ent is not None and rule.endswith(".verb") and meeting_place(lexicon, sentence, target_ent):
        # "bezocht na afloop van de NAVO-top in Vilnius ook Kiev": the summit's place is in an adverbial, the bare
        # place after it in the same clause is the object
        later = first_after(lexicon, entities, target_ent.end, PLACE_KINDS, taken | {target_ent.code}, 30, sentence)
        if later is not None and not regex.search(r"[,;]", sentence[target_ent.end:later.start]) and \
                bare_object(lexicon, sentence, later.start):
            target_ent = later
    # the place may precede the noun of "in Brussels on a working visit", "в Брюсселе с рабочим визитом"
    on_a_visit = rule.endswith("noun") and governed_by(lexicon, sentence, trigger.start(),
                                                       lexicon.words["visit_manner_prepositions"], 3)
    if target_ent is None and not returned and (not rule.endswith("noun") or on_a_visit):
        target_ent = nearest_before(lexicon, entities, trigger.start(), PLACE_KINDS, taken, sentence)
        if target_ent is not None and (trigger.start() - target_ent.end > (40 if on_a_visit else 20)
                                       or not governed_by(lexicon, sentence, target_ent.start, goal_words, 2)):
            target_ent = None
    if target_ent is None and during:
        target_ent = acted_on_place(lexicon, sentence, entities, trigger, taken)
    next_semicolon = sentence.find(";", trigger.end())
    if target_ent is not None and 0 <= next_semicolon < target_ent.start:
        target_ent = None  # "ook Japan bezocht; het bezocht alleen Zuid-Korea": the place of the clause after
    target = role(target_ent, "destination in sentence") if target_ent else None
    if rule.endswith("noun") and (actor_ent is None or lexicon.grammar.genitive_agent_by_case):
        # a language with a genitive case has no possessive 's: the agent of "визит", "vizita" is the genitive after it
        genitive = genitive_agent(lexicon, entities, trigger.end(), sentence, {target.code} if target else set())
        if genitive is not None or lexicon.grammar.genitive_agent_by_case:
            actor_ent, basis = genitive, "agent after trigger"
    if rule.endswith(".verb") and (actor_ent is None or actor_ent.kind in PLACE_KINDS - {"place"}):
        # "Киев посетил канцлер Германии", "Молдову посетил премьер-министр Румынии": the object first, no
        # preposition, and an official right after the verb is its subject
        fronted = nearest_before(lexicon, entities, trigger.start(), PLACE_KINDS, glued, sentence)
        if (fronted is not None and (actor_ent is None or fronted is actor_ent) and trigger.start() - fronted.end <= 20
                and not titled_place(lexicon, sentence, fronted)
                and not governed_by(lexicon, sentence, fronted.start, any_preposition(lexicon.language), 2)):
            inverted = subject_after_place(lexicon, sentence, entities, trigger.end(), {fronted.code})
            if inverted is not None:
                actor_ent, basis = inverted, "subject after trigger"
                target = role(fronted, "destination before trigger")
    if actor_ent is not None and target is not None and actor_ent.code == target.code:
        actor_ent = None
    if actor_ent is None:
        exclude = ({target.code} if target else set()) | glued
        # the traveller is a person where the clause names one ("Orban ... chose ... to visit"), not his office
        clause_start, _ = clause_bounds(lexicon, sentence, trigger.start(), trigger.end())
        people = [e for e in candidates if e.kind == "person" and e.start >= clause_start and e.end <= subject_end
                  and e.code not in exclude and not governed_by(lexicon, sentence, e.start, goal_words, 1)]
        # the subject comes first: "Blinken met with Wang in Laos during a trip" is Blinken's trip
        actor_ent = people[0] if people else None
        if actor_ent is None:
            actor_ent = nearest_before(lexicon, candidates, subject_end, AGENT_KINDS, exclude, sentence, goal_words)
            if actor_ent is not None and actor_ent.start < semicolon:
                actor_ent = None
        basis = "subject before trigger"
        if actor_ent is not None and actor_ent.kind == "place" and not titled_place(lexicon, sentence, actor_ent):
            actor_ent = None
        # the place first, the traveller after the verb: "В Киев прибыл канцлер Германии Олаф Шольц"
        place = (nearest_before(lexicon, entities, trigger.start(), PLACE_KINDS, glued, sentence)
                 if actor_ent is None and (rule.endswith(("arrival", ".verb")) or on_a_visit) else None)
        if place is not None and trigger.start() - place.end <= 20 and \
                governed_by(lexicon, sentence, place.start, goal_words, 2) and \
                (target is None or not governed_by(lexicon, sentence, target.start, goal_words, 2)
                 or target.start < trigger.start()):
            actor_ent = subject_after_place(lexicon, sentence, entities, trigger.end(), {place.code})
            if actor_ent is not None:
                basis, target = "subject after trigger", role(place, "destination in sentence")
    if actor_ent is None and rule.endswith(".verb") and target_ent is not None and target_ent.start > trigger.end():
        # "Dinsdag bezocht premier Rutte Kiev": verb-second order puts the traveller between the verb and its object
        inverted = subject_after_place(lexicon, sentence, entities, trigger.end(), {target_ent.code})
        if inverted is not None:
            # "Dinsdag bezochten premier Rutte en president Duda samen Charkiv": the last of the listed travellers
            # (the others are added as coordinated with it)
            listed = [e for e in coordinated(lexicon, sentence, entities, inverted, PERSON_KINDS)
                      if e.end <= target_ent.start and is_official(lexicon, sentence, e)]
            inverted = listed[-1] if listed else inverted
        gap = sentence[inverted.end:target_ent.start] if inverted is not None else ""
        # the rest of the traveller's title or name may come between ("de Duitse bondskanselier Scholz China")
        # or a long adverbial before a bare object ("In mei bezocht premier Rutte na afloop van de G7-top Tokio")
        bare = bare_object(lexicon, sentence, target_ent.start)
        if inverted is not None and inverted.end < target_ent.start and len(WORD.findall(gap)) <= (6 if bare else 3) \
                and CLAUSE_PUNCTUATION.search(gap) is None \
                and (bare or not any_preposition(lexicon.language) & {w.lower() for w in WORD.findall(gap)}) \
                and all(e.code == inverted.code or (bare and e.kind == "org")
                        for e in entities if inverted.end <= e.start < target_ent.start):
            actor_ent, basis = inverted, "subject after trigger"
    if actor_ent is None and rule.endswith("arrival"):
        # "Vorig jaar was Rutte nog in Tokio", "In november reisde minister Hoekstra naar Kiev": verb-second order
        # puts the traveller inside the trigger
        actor_ent = next((e for e in candidates if e.kind == "person" and trigger.start() < e.start
                          and e.end < trigger.end()), None)
        basis = "subject inside the trigger"
    if actor_ent is None and rule.endswith(("arrival", ".verb")):
        # "«Я прибыл в Киев», - написал президент Финляндии": the speaker after the quote made the trip
        actor_ent = quoted_speaker(sentence, entities, trigger, {target.code} if target else set())
        basis = "speaker after the quote"
    if actor_ent is not None and not is_official(lexicon, sentence, actor_ent):
        actor_ent = None
    if actor_ent is not None and lexicon.cues["ambassador"].search(sentence, max(0, actor_ent.start - 15),
                                                                    actor_ent.end + 15):
        return None, None  # an ambassador going to the ministry of the country he lives in
    return (role(actor_ent, basis) if actor_ent else None), target


def verb_final_object(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                      trigger: regex.Match[str]) -> tuple[int, EntityMention, EntityMention | None] | None:
    """The start of a relative word or subordinator, the bare place after it that a verb-final clause puts before
    its verb, and, after a subordinator, the clause's own subject ("die dinsdag Moldavië bezocht,": the antecedent
    travels; "toen bondskanselier Scholz Ankara bezocht,": Scholz does): no preposition governs the place and the
    clause ends at the verb."""
    if sentence[trigger.end():trigger.end() + 2].strip()[:1] not in ("", ",", ".", ";"):
        return None
    window = max(0, trigger.start() - 60)
    openers = [(m.start(), m.end(), False) for m in lexicon.cues["relative"].finditer(sentence, window, trigger.start())
               ] + [(m.start(), m.end(), True) for m in WORD.finditer(sentence, window, trigger.start())
                    if m.group().lower() in lexicon.words["subordinators"]]
    if not openers:
        return None
    start, end, subordinate = max(openers)
    places = [e for e in entities if end <= e.start and e.end <= trigger.start() and e.kind in PLACE_KINDS
              and not governed_by(lexicon, sentence, e.start, any_preposition(lexicon.language), 2)]
    if not places:
        return None
    if not subordinate:
        return start, places[-1], None
    subject = next((e for e in entities if end <= e.start and e.end <= places[-1].start
                    and e.kind in AGENT_KINDS - {"place"} and e.code != places[-1].code), None)
    return (start, places[-1], subject) if subject is not None else None


def subject_after_place(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], trigger_end: int,
                        exclude: set[str]) -> EntityMention | None:
    """The traveller right after a visit verb whose destination came first ("В Израиле побывал канцлер Германии
    Олаф Шольц"): the first name within 40 characters, after an office title and words governed by no preposition
    or comma; a person or organisation, or a country or nationality with the title."""
    ent = next((e for e in entities if e.start >= trigger_end), None)
    if ent is None or ent.code in exclude or ent.start - trigger_end > 40:
        return None
    between = sentence[trigger_end:ent.start]
    words = [w.lower() for w in WORD.findall(between)]
    if CLAUSE_PUNCTUATION.search(between) or any_preposition(lexicon.language) & set(words):
        return None
    if ent.kind in ("person", "org"):
        return ent
    if ent.kind in ("country", "demonym") and lexicon.cues["officials"].search(between) is not None:
        return ent  # "прибыл министр иностранных дел Турции", "a sosit ministrul german"
    return ent if ent.kind == "demonym" and titled_demonym(lexicon, sentence, ent) else None


@cache
def any_preposition(language: str) -> frozenset[str]:
    """Every preposition a language's cues list: a name after none of them is a bare subject or object."""
    lexicon = event_lexicon(language)
    assert lexicon is not None
    return frozenset().union(*(lexicon.words[kind] for kind in (
        "goal_prepositions", "agent_prepositions", "donor_prepositions", "recipient_prepositions",
        "other_prepositions")))


def acted_on_place(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                   trigger: regex.Match[str], taken: set[str]) -> EntityMention | None:
    """The one country or place a clause acts on before "during his visit" ("Obama pushed Cuba to reform during
    his visit"): after the clause's first name (its subject) and governed by no preposition, so the bare object."""
    clause_start, _ = clause_bounds(lexicon, sentence, trigger.start(), trigger.end())
    named = [e for e in entities if clause_start <= e.start and e.end <= trigger.start()]
    prepositions = any_preposition(lexicon.language)
    objects = [e for e in named[1:] if e.kind in PLACE_KINDS and e.code not in taken
               and e.code != named[0].code and not governed_by(lexicon, sentence, e.start, prepositions, 2)]
    return objects[0] if len({e.code for e in objects}) == 1 else None


def host_guest_roles(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                     trigger: regex.Match[str]) -> tuple[Role | None, Role | None]:
    """Reception: the host (subject, or the place) is the target, the guest after the trigger the actor."""
    host = nearest_before(lexicon, entities, trigger.start(), AGENT_KINDS, set(), sentence,
                          lexicon.words["goal_prepositions"])
    if host is None:
        host = first_after(lexicon, entities, trigger.end(), PLACE_KINDS, set(), 120, sentence,
                           lexicon.words["goal_prepositions"])
    if host is None:
        return None, None
    # "совершил визит в Бухарест, где его принял президент Йоханнис": a reception in a relative clause after a
    # visit is that visit's, whose traveller the clause gives only by a pronoun: no second visit, nor reversed roles
    relative = next(reversed(list(lexicon.cues["relative"].finditer(sentence, host.end, trigger.start()))), None)
    if relative is not None and any(
            t.event_type == "visit" and t.roles != "host_guest" and t.compiled.search(sentence, 0, relative.start())
            for t in lexicon.triggers):
        return None, None
    # "received the Canadian Prime Minister", "ontving de premier van Canada": a person or an office,
    # so that "took measures" or "adopted a decision" (принял меры, приняли решение) receive nobody
    # from the trigger's start: a split verb holds its guest ("heeft de Deense premier ... ontvangen");
    # a name with a possessive is no guest ("welcomed Putin's announcement")
    guest = next((e for e in entities if e.start >= trigger.start() and e.start - trigger.end() <= 80
                  and e.code != host.code and not sentence.startswith(lexicon.grammar.possessive_suffixes, e.end)
                  and (e.kind == "person" or titled_place(lexicon, sentence, e)
                       or (e.kind == "demonym" and titled_demonym(lexicon, sentence, e)))),
                 None)
    if guest is None or not is_official(lexicon, sentence, guest):
        return None, role(host, "host")
    if lexicon.cues["ambassador"].search(sentence, max(trigger.end(), guest.start - 15), guest.start) is not None:
        return None, role(host, "host")  # "received the French ambassador": he lives in the host country
    # "Министра ... Венгрии Петера Сийярто принял в Минске Александр Лукашенко": the object first; the place of the
    # reception is the host's, so a guest from there is the host and the name before the verb the guest
    venue = first_after(lexicon, entities, trigger.end(), PLACE_KINDS, set(), 40, sentence,
                        lexicon.words["goal_prepositions"])
    if (venue is not None and venue.start < guest.start and venue.code == guest.code != host.code
            and host.kind != "place" and is_official(lexicon, sentence, host)):
        return role(host, "guest before the verb"), role(guest, "host from the place of the reception")
    return role(guest, "guest after trigger"), role(host, "host")


def guest_host_roles(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                     trigger: regex.Match[str]) -> tuple[Role | None, Role | None]:
    """A passive reception ("Trump verwelkomd door Britse koningin Elizabeth"): the guest before, the host
    after 'by/door/от', or the residence the trigger ends on ("был принят в Кремле")."""
    host = first_after(lexicon, entities, trigger.start(), AGENT_KINDS, set(), 40 + trigger.end() - trigger.start(),
                       sentence)
    if host is None:
        return None, None
    guests = [e for e in entities if e.end <= trigger.start() and e.code != host.code
              and (e.kind == "person" or titled_place(lexicon, sentence, e)
                   or (e.kind == "demonym" and titled_demonym(lexicon, sentence, e)))]
    if not guests:
        return None, role(host, "host after 'by'")
    return role(guests[-1], "guest before a passive reception"), role(host, "host after 'by'")


def meeting_place_roles(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                        trigger: regex.Match[str]) -> tuple[Role | None, Role | None]:
    """A meeting placed in a country ('met Zelensky in Kyiv'): the visitor is whoever is not from there."""
    goal_words = lexicon.words["goal_prepositions"]
    # a place inside a relative clause after the trigger is that clause's ("a meeting with X that included
    # families of hostages in Gaza"), not the meeting's
    place = next((e for e in entities
                  if (e.kind in ("place", "metonym") or meeting_country(lexicon, sentence, trigger, e))
                  and abs(e.start - trigger.end()) <= 70 and governed_by(lexicon, sentence, e.start, goal_words)
                  and not has_cue(lexicon, "relative", sentence, trigger.end(), max(trigger.end(), e.start))), None)
    if place is None:
        return None, None
    visitor = None
    # "hosting Orbán at Mar-a-Lago, and dining with Duda": after 'and' the subject is the earlier verb's,
    # so the name just before is that verb's object; the visitor is the one met
    if word_before(sentence, trigger.start()) not in lexicon.words["coordinators"]:
        visitor = nearest_before(lexicon, entities, trigger.start(), AGENT_KINDS - {"place", "country"}, {place.code},
                                 sentence)
        if visitor is None:
            visitor = possessive_official(lexicon, sentence, entities, trigger.start(), {place.code})
        if visitor is None:
            # "Premierul Ucrainei, Denis Șmihal, a avut o întrevedere ...", "Премьер Украины провел переговоры":
            # a country after an office title stands for the office-holder whose name the gazetteer lacks
            titled = nearest_before(lexicon, entities, trigger.start(), frozenset({"country"}), {place.code}, sentence)
            visitor = titled if titled is not None and titled_place(lexicon, sentence, titled) else None
    if visitor is None:
        visitor = first_after(lexicon, entities, trigger.end(), AGENT_KINDS - {"place", "country"}, {place.code}, 80,
                              sentence)
    if visitor is None or not is_official(lexicon, sentence, visitor):
        return None, role(place, "meeting place")
    if lexicon.cues["ambassador"].search(sentence, max(0, visitor.start - 15), visitor.end + 15):
        return None, role(place, "meeting place")  # "Посол США в Молдове встретился в Бельцах": he lives there
    return role(visitor, "participant from elsewhere"), role(place, "meeting place")


def possessive_official(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], before: int,
                        exclude: set[str]) -> EntityMention | None:
    """A country whose office-holder is the subject ("Germany's foreign minister met Zelensky in Kyiv"): the
    country right before the trigger, its possessive and an office title within a few words after it."""
    country = nearest_before(lexicon, entities, before, frozenset({"country"}), exclude, sentence)
    if country is None:
        return None
    possessive = lexicon.grammar.possessive.match(sentence, country.end)
    if possessive is None or any(e.start >= country.end and e.end <= before for e in entities):
        return None
    return country if lexicon.cues["officials"].search(sentence, possessive.end(),
                                                        min(before, possessive.end() + 30)) else None


def participle_roles(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                     trigger: regex.Match[str]) -> tuple[Role | None, list[Role]]:
    """A participle after the main clause (", meeting Putin in Moscow and Xi in Beijing"): the visitor is the
    sentence's subject, its first name outside a dash aside and after no preposition (not "upset EU lawmakers"),
    and every place after in/at in the rest of the clause is a visit, the visitor's own country excepted."""
    asides = [m.start() for m in DASH_ASIDE.finditer(sentence, 0, trigger.start())]
    spans = list(zip(asides[0::2], asides[1::2], strict=False))
    prepositions = lexicon.words["other_prepositions"] | lexicon.words["goal_prepositions"]
    visitor = next((e for e in entities if e.end <= trigger.start() and e.kind in AGENT_KINDS - {"place"}
                    and not any(a <= e.start < b for a, b in spans)
                    and not governed_by(lexicon, sentence, e.start, prepositions, 1)), None)
    if visitor is None or not is_official(lexicon, sentence, visitor):
        return None, []
    _, clause_end = clause_bounds(lexicon, sentence, trigger.start(), trigger.end())
    goal_words = lexicon.words["goal_prepositions"]
    places: list[Role] = []
    for ent in entities:
        if (trigger.end() <= ent.start < clause_end and ent.code != visitor.code
                and ent.kind in ("place", "metonym") and governed_by(lexicon, sentence, ent.start, goal_words)
                and ent.code not in {p.code for p in places}):
            places.append(role(ent, "meeting place"))
    if has_cue(lexicon, "relative", sentence, trigger.end(), places[0].start if places else trigger.end()):
        return None, []
    return role(visitor, "subject of the main clause"), places


def meeting_country(lexicon: EventLexicon, sentence: str, trigger: regex.Match[str], ent: EntityMention) -> bool:
    """A country as a meeting's place only right after the one met ("met with Wang in Laos"): between the trigger
    and the country only names, titles and prepositions, so that "met to discuss the war in Ukraine" is no visit."""
    if ent.kind != "country" or ent.start < trigger.end():
        return False
    allowed = lexicon.words["other_prepositions"] | lexicon.words["goal_prepositions"]
    return all(is_modifier(lexicon, w) or w.lower() in allowed
               or lexicon.cues["officials"].fullmatch(w.lower()) is not None
               for w in WORD.findall(sentence[trigger.end():ent.start]))


def summoned_diplomat(lexicon: EventLexicon, sentence: str, trigger: regex.Match[str]) -> bool:
    """An active summons has the diplomat as its object after the verb ("summoned the ambassador");
    only a passive or impersonal one has it before ("the ambassador was summoned", "посла вызвали")."""
    # 120 characters: Dutch and German put the subject between verb and object ("ontbood het Russische
    # ministerie van Buitenlandse Zaken dinsdag de Amerikaanse ambassadeur")
    # from the trigger's start: a glued object ("вызвалопосла") may begin inside the trigger's match
    if lexicon.cues["diplomat"].search(sentence, trigger.start(), trigger.end() + 120) is not None:
        return True
    before = lexicon.cues["diplomat"].search(sentence, max(0, trigger.start() - 150), trigger.start())
    voice = sentence[max(0, trigger.start() - 15):trigger.end()]
    return before is not None and lexicon.cues["passive"].search(voice) is not None


def summon_roles(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                 trigger: regex.Match[str], note: bool = False) -> tuple[Role | None, Role | None]:
    """Demarche: the diplomat's country is the target, the summoning government the actor; of a protest note (note)
    sent by a mission, the mission's country is the actor (protesting_mission, then the embassies cue below)."""
    mission = protesting_mission(lexicon, sentence, entities, trigger) if note else None
    if mission is not None:
        return mission
    goal_words = lexicon.words["goal_prepositions"]
    diplomats = list(lexicon.cues["diplomat"].finditer(sentence))
    # the diplomat who was summoned is the one nearest the trigger
    diplomat = min(diplomats, key=lambda d: abs(d.start() - trigger.start()), default=None)
    target_ent: EntityMention | None = None
    host_ent: EntityMention | None = None
    if diplomat is not None:
        # "the US ambassador", "российского посла" before; "посла России", "ambassador of X" after
        named = [(diplomat.start() - e.end, e) for e in entities
                 if e.end <= diplomat.start() and diplomat.start() - e.end <= 30
                 and e.kind in ("demonym", "country", "org")
                 and not (e.end <= trigger.start() and trigger.end() <= diplomat.start())
                 and not heads_own_noun(lexicon, sentence, e, diplomat.start())]
        after = [e for e in entities if e.start >= diplomat.end() and e.start - diplomat.end() <= 45
                 and e.kind in ("demonym", "country", "org", "place")]
        named += [(e.start - diplomat.end(), e) for e in after
                  if not governed_by(lexicon, sentence, e.start, goal_words, 1)]
        # the diplomat's own name right after the title ("посла Дария", "ambassador Ozerov") is his country
        named += [(e.start - diplomat.end(), e) for e in entities
                  if e.kind == "person" and 0 <= e.start - diplomat.end() <= 3]
        target_ent = min(named, key=lambda pair: pair[0])[1] if named else None
        # the host he serves in follows the title and his country at once ("ambassadeur in Nederland", "ambassador
        # of Russia to the UK"), not further on ("ontbood de Russische ambassadeur na de raketaanval op Dnipro")
        host_ent = next((e for e in after if governed_by(lexicon, sentence, e.start, goal_words, 1)
                         and len(WORD.findall(sentence[diplomat.end():e.start])) - sum(
                             len(WORD.findall(n.text)) for n in after if n.end <= e.start) <= 3
                         and (target_ent is None or e.code != target_ent.code)
                         and not locative_of_topic(lexicon, sentence, e)), None)
    else:
        target_ent = first_after(lexicon, entities, trigger.end(), AGENT_KINDS, set(), 80, sentence)
    if (diplomat is not None and target_ent is not None and diplomat.end() <= trigger.start()
            and lexicon.cues["embassies"].match(sentence, diplomat.start()) is not None
            and lexicon.cues["passive"].search(sentence, diplomat.end(), trigger.end()) is None):
        # an embassy as the subject sends the note ("Посольство России в Кишиневе направило ноту протеста"): its
        # country protests, to its host or to the government named after it
        recipient = host_ent or first_after(lexicon, entities, diplomat.end(), AGENT_KINDS, {target_ent.code},
                                            120, sentence)
        # "получило ноту от МИД Молдовы", "a primit de la MAEIE": the one named after from is the sender
        sender_words = lexicon.words["donor_prepositions"] - goal_words
        sent_by = recipient is not None and (
            governed_by(lexicon, sentence, recipient.start, sender_words, 2)
            or (governed_by(lexicon, sentence, recipient.start, goal_words, 1)
                and not governed_by(lexicon, sentence, recipient.start, goal_words, 1, sender_words)))
        if recipient is not None and not sent_by:
            return role(target_ent, "embassy's country"), role(recipient, "embassy's host country")
    exclude = {target_ent.code} if target_ent else set()
    # "Ministerul de Externe de la Moscova l-a convocat": "de la" is "from", no goal
    actor_ent = nearest_before(lexicon, entities, trigger.start(), AGENT_KINDS, exclude, sentence, goal_words,
                               lexicon.words["agent_prepositions"])
    basis = "subject before trigger"
    if actor_ent is None and host_ent is not None:
        actor_ent, basis = host_ent, "diplomat's host country"
    if actor_ent is None:
        actor_ent = opening_locative(lexicon, sentence, entities, trigger.start(), exclude)
        basis = "place of the summons"
    if actor_ent is None:
        actor_ent = first_after(lexicon, entities, trigger.end(), AGENT_KINDS, exclude, 120, sentence)
        basis = "ministry after trigger"
        if actor_ent is not None and locative_of_topic(lexicon, sentence, actor_ent):
            actor_ent = None  # "ontboden vanwege de bombardementen in Oekraïne": where the cause happened
        if actor_ent is not None and actor_ent.start >= clause_bounds(lexicon, sentence, trigger.start(),
                                                                      trigger.end())[1]:
            actor_ent = None  # "Baltic states summon Russian envoys; Japan pledges aid": another clause's subject
    target = role(target_ent, "diplomat's country") if target_ent else None
    return (role(actor_ent, basis) if actor_ent else None), target


def heads_own_noun(lexicon: EventLexicon, sentence: str, ent: EntityMention, diplomat_start: int) -> bool:
    """Whether a nationality before a diplomat belongs to a noun of its own: in a language that marks the
    genitive by case the diplomat's nationality agrees right before him, only adjectives between
    ("российского временного поверенного"); "Литовская сторона вручила дипломату ноту" names the protester."""
    if ent.kind != "demonym" or not lexicon.grammar.genitive_agent_by_case:
        return False
    return not all(is_modifier(lexicon, w) for w in WORD.findall(sentence[ent.end:diplomat_start]))


def protesting_mission(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                       trigger: regex.Match[str]) -> tuple[Role, Role] | None:
    """A protest note lodged by an embassy or envoy named right before it, with the addressee after a partner or
    host preposition ("The Russian embassy lodged a protest note with the Lithuanian foreign ministry", "De
    Russische ambassade diende een protestnota in bij het Poolse ministerie"): the mission's country protests."""
    diplomat = next(reversed(list(lexicon.cues["diplomat"].finditer(sentence, max(0, trigger.start() - 60),
                                                                     trigger.start()))), None)
    if diplomat is None or lexicon.cues["diplomat"].search(sentence, trigger.end(), trigger.end() + 60):
        return None  # "... handed a protest note to the Russian envoy": the envoy after the note received it
    kinds = ("demonym", "country", "org")
    own = next((e for e in reversed(entities) if e.end <= diplomat.start() and diplomat.start() - e.end <= 30
                and e.kind in kinds), None)
    words = lexicon.words["partner_prepositions"] | frozenset(lexicon.grammar.host_prepositions)
    addressee = next((e for e in entities if trigger.end() <= e.start <= trigger.end() + 60 and e.kind in kinds
                      and governed_by(lexicon, sentence, e.start, words)), None)
    if own is None or addressee is None or own.code == addressee.code:
        return None
    return role(own, "mission before the note"), role(addressee, "addressee of the note")


def retold_visit(lexicon: EventLexicon, sentence: str, trigger: regex.Match[str]) -> bool:
    """A visit noun right after "during the" that names neither a place nor a traveller after it ("During the visit
    Germany pledged 15 million euros to Moldova", "Tijdens het bezoek zegde Nederland ... toe"): the visit told
    before, whose parties this clause does not give (a country in it is the party of another act)."""
    before = WORD.findall(sentence[max(0, trigger.start() - 30):trigger.start()])[-2:]
    if len(before) < 2 or before[0].lower() not in lexicon.words["during_words"] or (
            before[1].lower() not in lexicon.words["definite_articles"]):
        return False
    after = WORD.match(sentence, len(sentence) - len(sentence[trigger.end():].lstrip()))
    attached = lexicon.words["goal_prepositions"] | lexicon.words["agent_prepositions"]
    return after is None or after.group().lower() not in attached


def meeting_place(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A place after a locative preposition right after a venue word ("at a conference in Geneva", "на саммите в
    Брюсселе"): where a meeting was held, not a party of what was done at it."""
    if not governed_by(lexicon, sentence, ent.start, lexicon.words["locative_prepositions"], 1):
        return False
    lead = sentence[max(0, ent.start - 50):ent.start]
    cue = lexicon.cues["venue"].search(lead)
    return cue is not None and len(WORD.findall(lead[cue.end():])) <= 4


def locative_of_topic(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A place right after a locative preposition that follows no government body or diplomat: "the strikes in
    Ukraine" says where something happened, while "the foreign ministry in Vilnius" names who summoned and "the
    ambassador in London" where he serves."""
    if not governed_by(lexicon, sentence, ent.start, lexicon.words["locative_prepositions"], 1):
        return False
    words = WORD.findall(sentence[max(0, ent.start - 60):ent.start])
    head = words[-2] if len(words) >= 2 else ""
    # a capitalised head closes a name ("het ministerie van Buitenlandse Zaken in Den Haag", "the Foreign Office in")
    return (not head[:1].isupper() and lexicon.cues["government_bodies"].fullmatch(head) is None
            and lexicon.cues["diplomat"].fullmatch(head) is None)


def opening_locative(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], before: int,
                     exclude: set[str]) -> EntityMention | None:
    """The government a sentence opens by placing itself at ("В МИД России", "В Кремле", "In Moscow, ..."), if any:
    a summons happens at the summoning government, so that place names who summoned."""
    opening = opening_locative_re(lexicon.language)
    matched = opening.match(sentence) if opening is not None else None
    first = entities[0] if entities else None
    if matched is None or first is None or first.start != matched.end() or first.end > before:
        return None
    return first if first.kind in PLACE_KINDS | {"org"} and first.code not in exclude else None


@cache
def opening_locative_re(language: str) -> regex.Pattern[str] | None:
    """A locative preposition opening the sentence, and one government body word after it ("В МИД ", "In ")."""
    lexicon = event_lexicon(language)
    if lexicon is None or not lexicon.words["locative_prepositions"]:
        return None
    bodies = lexicon.cues["government_bodies"].pattern
    return regex.compile(rf"\s*(?:{words_alternation(lexicon.words['locative_prepositions'])})\s+"
                         rf"(?:(?:{bodies})\s+)?", regex.IGNORECASE)


@cache
def during_a_visit_re(language: str) -> regex.Pattern[str] | None:
    """"during his (historic) " right before a visit noun: the noun names a stay where the clause acted ("pushed
    Cuba to reform during his visit"); None for a language whose lexicon lists no such word."""
    lexicon = event_lexicon(language)
    if lexicon is None or not lexicon.words["during_words"]:
        return None
    return regex.compile(rf"(?<!\p{{L}})(?:{words_alternation(lexicon.words['during_words'])})\s+"
                         rf"(?:[\p{{L}}-]+\s+){{1,3}}$", regex.IGNORECASE)


def words_alternation(words: frozenset[str]) -> str:
    """Cue words as one alternation, longest first, a space matching any whitespace."""
    return "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))


def pledge_roles(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                 trigger: regex.Match[str], reverse: bool) -> tuple[Role | None, Role | None]:
    """Pledge: the donor before the trigger, the recipient after 'to/aan/для' (or reversed for 'receives')."""
    recipient_words = lexicon.words["recipient_prepositions"] | lexicon.words["goal_prepositions"]
    if reverse:
        target_ent = nearest_before(lexicon, entities, trigger.start(), AGENT_KINDS, set(), sentence)
        exclude = {target_ent.code} if target_ent else set()
        actor_ent = first_after(lexicon, entities, trigger.end(), AGENT_KINDS, exclude, 120, sentence,
                                lexicon.words["donor_prepositions"])
        return (role(actor_ent, "donor after 'from'") if actor_ent else None,
                role(target_ent, "recipient as subject") if target_ent else None)
    clause_start, _ = clause_bounds(lexicon, sentence, trigger.start(), trigger.end())
    # "Oekraïne krijgt 200 miljoen euro, kondigde de Nederlandse minister aan": a reporting verb right after a
    # comma has its subject after it, and the country before the comma is no donor of it
    reporting = sentence[clause_start:trigger.start()].rstrip().endswith(",")
    fronted = not reporting and any(
        clause_start <= e.start and e.end <= trigger.start() and e.kind in AGENT_KINDS
        and not governed_by(lexicon, sentence, e.start, recipient_words, 2) for e in entities)
    # "Maandag kondigde minister Ollongren 45 miljoen euro aan": with nothing fronted, verb-second order puts the
    # subject right after the first word of a split verb, inside the trigger
    verb_end = trigger.start() + FIRST_TOKEN.match(trigger.group()).end() if reporting or not fronted \
        else trigger.end()
    passive = first_after(lexicon, entities, trigger.end(), AGENT_KINDS, set(), 12, sentence,
                          lexicon.words["donor_prepositions"])
    if passive is not None:
        actor_ent, basis = passive, "agent of a passive ('donated by')"
    else:
        actor_ent = None if fronted else inverted_subject(lexicon, entities, verb_end, sentence)
        basis = "subject right after the verb"
    if actor_ent is None:
        donors = [e for e in entities if possible_donor(lexicon, e)]
        actor_ent = nearest_before(lexicon, donors, trigger.start(), AGENT_KINDS, set(), sentence, recipient_words)
        basis = "donor before trigger"
        opening = sentence.rfind(",", 0, actor_ent.start) if actor_ent is not None and reporting else -1
        if opening > 0 and sentence[opening + 1:].lstrip()[:1].islower():
            # "Великобритания, принимающая конференцию по Украине в Лондоне, пообещала": the names in an aside
            # right before the verb belong to it, and the subject stands before the aside
            subject = nearest_before(lexicon, donors, opening, AGENT_KINDS, set(), sentence, recipient_words)
            if subject is not None and "," not in sentence[subject.end:opening]:
                actor_ent, basis = subject, "subject before an aside"
    fronted_recipient = None
    if actor_ent is not None and basis == "donor before trigger":
        # "De Verenigde Staten gaan Oekraïne een steunpakket ... geven", "Nederland heeft Oekraïne ... toegezegd":
        # a country right after a future or perfect auxiliary that follows another is the indirect object, the
        # first the donor
        earlier = [e for e in entities if clause_start <= e.start and e.end <= actor_ent.start
                   and e.kind in AGENT_KINDS and e.code != actor_ent.code]
        between = sentence[earlier[-1].end:actor_ent.start] if earlier else ""
        # "dat Nederland Moldavië 10 miljoen euro geeft": in a verb-final clause the two stand side by side
        side_by_side = lexicon.grammar.recipient_before_trigger and earlier and not between.strip()
        if ((earlier and len(WORD.findall(between)) == 1 and "," not in between
                and (has_cue(lexicon, "future", between) or has_cue(lexicon, "perfect_auxiliaries", between)))
                or side_by_side):
            fronted_recipient, actor_ent, basis = actor_ent, earlier[-1], "subject before an auxiliary"
    if actor_ent is None:
        actor_ent = first_after(lexicon, entities, trigger.end(), AGENT_KINDS, set(), 120, sentence,
                                lexicon.words["donor_prepositions"])
        basis = "donor after 'by'"
    exclude = {actor_ent.code} if actor_ent else set()
    # a recipient is a country, its capital, or "the Ukrainian army/people"; never a ministry or palace, nor the
    # place of the meeting where the pledge was made ("at a conference in Geneva", "на конференции в Женеве")
    recipient_kinds = frozenset({"country", "place", "demonym", "org"})
    recipients = [e for e in entities if not meeting_place(lexicon, sentence, e)]
    if lexicon.grammar.dative_recipient_by_case:  # a bare dative ("выделит Украине", "oferă Ucrainei") as for "для"
        datives = [e for e in recipients if e.start >= trigger.end() and e.start - trigger.end() <= 160
                   and e.code not in exclude and dative_recipient_kind(lexicon, sentence, e)
                   and (not governed_by(lexicon, sentence, e.start, lexicon.words["other_prepositions"], 1)
                        or people_of(lexicon, sentence, e))]
        # a country or place named outranks an army or people ("украинских беженцев ... в Молдове": Moldova)
        target_ent = next((e for e in datives if e.kind in ("country", "place")), datives[0] if datives else None)
        target_basis = "recipient after trigger"
    else:
        target_ent = first_after(lexicon, recipients, trigger.end(), recipient_kinds, exclude, 160, sentence,
                                 recipient_words)
        target_basis = "recipient after preposition"
        if target_ent is not None and target_ent.kind == "org":
            # "to the World Food Programme for Syria", "to the World Bank fund for Ukraine": the organisation
            # passes the aid on to the country named after it
            served = first_after(lexicon, recipients, target_ent.end, frozenset({"country", "place", "demonym"}),
                                 exclude | {target_ent.code}, 40, sentence, recipient_words)
            if served is not None:
                target_ent, target_basis = served, "country an organisation receives for"
    if target_ent is None and not lexicon.grammar.dative_recipient_by_case:
        target_ent = purpose_of_recipient(lexicon, sentence, entities, trigger.end(), exclude)
        target_basis = "recipient of a purpose after preposition"
    if target_ent is None:
        target_ent = indirect_object(lexicon, sentence, entities, trigger, exclude)
        target_basis = "recipient as indirect object"
    if target_ent is None and fronted_recipient is not None:
        target_ent, target_basis = fronted_recipient, "indirect object after an auxiliary"
    if target_ent is None:
        # "..., while Germany said it would give $2.57 billion": a country past a contrast belongs to another clause
        breaks = clause_break(lexicon)
        contrasts = [m for m in breaks.finditer(sentence) if m.group(0)[0] in ",;"]
        after = min((m.start() for m in contrasts if m.start() >= trigger.end()), default=len(sentence))
        before = max((m.end() for m in contrasts if m.end() <= trigger.start()), default=0)
        # "Frankrijk en Duitsland beloven Moldavië ...": a donor listed with the donor is no recipient
        codonors = listed_before(lexicon, sentence, entities, actor_ent) if actor_ent is not None else []
        # "promised Zelensky that Germany would give ...": the subject of a later pledge verb is its donor
        later_verbs = [m.start() for m in pledge_verb_matches(lexicon, sentence, trigger.end())]
        codonors += [e for e in entities if any(
            v >= e.end and len(WORD.findall(sentence[e.end:v])) <= 1 and "," not in sentence[e.end:v]
            for v in later_verbs)]
        candidates = [e for e in recipients if e.code not in exclude and e not in codonors and before <= e.start < after
                      and (lexicon.grammar.recipient_before_trigger or e.start >= trigger.start())
                      and stands_for_recipient(lexicon, sentence, e) and not pledges_itself(lexicon, sentence, e)]
        # "promised Washington ... to fund the Afghan army": a named army or people outranks a bare country
        target_ent = next((e for e in candidates if e.kind == "demonym" and lexicon.cues["recipient_nouns"].match(
            sentence[e.end + 1:e.end + 30]) is not None), candidates[0] if candidates else None)
        target_basis = "other country in sentence"
    if target_ent is None:
        target_ent = promised_person(lexicon, sentence, entities, trigger, actor_ent)
        target_basis = "person promised the aid"
    return ((role(actor_ent, basis) if actor_ent else None),
            (role(target_ent, target_basis) if target_ent else None))


def pledge_verb_matches(lexicon: EventLexicon, sentence: str, pos: int = 0,
                        endpos: int | None = None) -> list[regex.Match[str]]:
    """The matches of the language's pledge verbs (rules ending in .verb) in sentence[pos:endpos], trigger by
    trigger: a promise and the verb of the clause it governs, or the verb right before a bare dative."""
    end = len(sentence) if endpos is None else endpos
    return [m for t in lexicon.triggers if t.event_type == "pledge" and t.rule.endswith(".verb")
            for m in t.compiled.finditer(sentence, pos, end)]


def promised_person(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], trigger: regex.Match[str],
                    actor: EntityMention | None) -> EntityMention | None:
    """The leader or country a pledge verb is addressed to, right after it: "Rutte promised Zelensky 2.5 billion
    euros" (a sum follows), or "Biden promised Zelensky that Germany would give ...", where an earlier pledge verb of
    the sentence addresses the recipient and the donor is the later verb's subject (actor)."""
    ends = [(m.end(), m.start() == trigger.start()) for m in pledge_verb_matches(lexicon, sentence)
            if m.start() == trigger.start()
            or (actor is not None and m.end() <= actor.start and m.start() < trigger.start())]
    officials = lexicon.cues["officials"]
    for end, own in ends:
        ent = next((e for e in entities if e.start >= end), None)
        if (ent is None or ent.kind not in ("person", "country", "demonym")
                or (actor is not None and ent.code == actor.code)
                or not addressed_after(lexicon, sentence, end, ent.start)):
            continue
        if ent.kind == "demonym" and not (titled_demonym(lexicon, sentence, ent)
                                          or officials.search(sentence, end, ent.start) is not None):
            continue  # "promised the Ukrainian president": a nationality stands for its leader only with a title
        if own and not regex.match(r"\s*(?:[$€£¥]|[A-Z]{1,2}\$|\d)", sentence[ent.end:]):
            continue  # "promised Zelensky that ...": the sum is given by the verb of the clause after
        if actor is not None and not own and any(ent.end <= e.start < actor.start for e in entities):
            continue  # another name between: it, not the addressee, may be this verb's donor or recipient
        return ent
    return None


def promise_told_by_later_verb(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                               trigger: regex.Match[str]) -> bool:
    """Whether a pledge verb's object is a later clause with a pledge verb and a subject of its own ("a promis
    colegului său moldovean că Vilniusul va dona ...", "promised Zelensky that Germany would give ..."): that verb
    tells the pledge, with its donor; the first only promises it, and its addressee is the recipient
    (`promised_person`). The subject follows the language's "that" (time.json complement_words: "că", "что", not
    "and France gave" nor "одобрила запрос Молдовы о выделении"), and no figure stands between the verbs (the first
    states its own sum)."""
    complements = set(time_lexicon(lexicon.language).complement_words) if has_time_lexicon(lexicon.language) else set()
    for m in pledge_verb_matches(lexicon, sentence, trigger.end()):
        subject = next((e for e in reversed(entities) if trigger.end() <= e.start and e.end <= m.start()), None)
        if subject is None or subject.kind == "demonym" or "," in sentence[subject.end:m.start()] \
                or len(WORD.findall(sentence, subject.end, m.start())) > 2:
            continue
        if word_before(sentence, subject.start) in complements \
                and regex.search(r"\d", sentence[trigger.end():subject.start]) is None:
            return True
    return False


def addressed_after(lexicon: EventLexicon, sentence: str, start: int, end: int) -> bool:
    """Whether the words from a promise verb to a name leave the name its addressee: titles and modifiers, and at most
    one other word that is no function word (the verb's time: "a promis miercuri președintelui Ucrainei"; day and
    part-of-day words of the time lexicon besides: "miercuri seara"), no punctuation ("zegden 171 miljoen dollar
    toe, en Saoedi-Arabië")."""
    gap = sentence[start:end]
    if any(c in gap for c in ",;:"):
        return False
    # a part of the day or a day word of the time lexicon is the verb's time too ("a promis miercuri seara ...")
    clock = time_lexicon(lexicon.language) if has_time_lexicon(lexicon.language) else None
    timed = ({w for w in (*clock.parts_of_day, *clock.relative_days, *clock.weekdays) if " " not in w}
             if clock is not None else set())
    others = [w for w in WORD.findall(gap)
              if not is_modifier(lexicon, w) and lexicon.cues["officials"].match(w.lower()) is None
              and w.lower() not in timed]
    return not others or (len(others) == 1 and others[0].lower() not in all_cue_words(lexicon))


def dative_recipient_kind(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A name that may be a bare dative recipient: a country or place, a nationality before (or, Romanian,
    after) its army or people ("направит украинской армии"), or a metonym that is itself a recipient noun
    ("передаст ВСУ")."""
    if ent.kind in ("country", "place"):
        return True
    if ent.kind == "demonym":
        return stands_for_recipient(lexicon, sentence, ent) and lexicon.cues["officials"].match(
            sentence[ent.end + 1:ent.end + 30]) is None
    return ent.kind == "metonym" and lexicon.cues["recipient_nouns"].fullmatch(ent.text.lower()) is not None


def people_of(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """Whether a place is named after a recipient noun and its preposition ("pentru populația din Fâșia Gaza",
    "беженцам из Судана"): the people of the place are helped, so the place stands for the recipient."""
    words = WORD.findall(sentence[max(0, ent.start - 60):ent.start])[-3:]
    if len(words) < 2 or words[-1].lower() not in lexicon.words["other_prepositions"]:
        return False
    nouns = lexicon.cues["recipient_nouns"]
    if nouns.fullmatch(words[-2].lower()) is not None:
        return True
    # a stem's inflected form ("беженцам из Украины") as a bare dative, after no preposition of its own ("для
    # беженцев из Судана в Чаде" helps them where they are)
    return (nouns.match(words[-2].lower()) is not None and len(words) == 3
            and words[0].lower() not in lexicon.words["recipient_prepositions"])


@cache
def list_member_opening(coordinators: frozenset[str]) -> regex.Pattern[str]:
    """A comma or coordinator and at most one word more, ending where a name opens a member of a list ("..., the
    EU", "and Saudi Arabia")."""
    return regex.compile(rf"(?:,|\b(?:{words_alternation(coordinators)}))\s+(?:\p{{L}}+\s+)?$", regex.IGNORECASE)


NON_SPACE_RUN = regex.compile(r"\S+")


def pledges_itself(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """'..., the EU pledged 190 million euros and Saudi Arabia committed $100 million', 'de EU 190 miljoen euro en
    Saoedi-Arabië 100 miljoen dollar': a country followed (within two words) by its own pledge verb or sum is a
    donor of a list of shares, no recipient of the others; it opens a member of the list, after a comma or
    coordinator ("beloofden Oekraïne $ 2 miljard" names the recipient)."""
    if list_member_opening(lexicon.words["coordinators"]).search(sentence[max(0, ent.start - 30):ent.start]) is None:
        return False
    rest = sentence[ent.end:ent.end + 60]
    starts = [m.start() for m in NON_SPACE_RUN.finditer(rest)][:3]
    for start in starts:
        if "," in rest[:start] or any(t.event_type == "pledge" and t.compiled.match(rest, start)
                                      for t in lexicon.triggers):
            return "," not in rest[:start]
    amounts = find_amounts(rest, lexicon.language)
    return bool(amounts) and not rest[:amounts[0].start].strip()


def agreement_roles(lexicon: EventLexicon, context: DocumentContext, sentence: str, entities: list[EntityMention],
                    trigger: regex.Match[str]) -> tuple[Role | None, Role | None]:
    """A signed loan, grant or financing agreement (the `.agreement` rules): the syntax names the parties, not
    who gives. The sentence decides first (`sentence_agreement_roles`: a party after 'to/for' receives, an
    institution signing with a country gives). Else the document says who receives: of the signers
    ("Moldova and France signed", "France signed with Moldova"), the one the headline opens on receives and the
    first other one gives; when the subject names no country ("our authorities signed with the US"), the partner
    after 'with' gives to the headline's country. Otherwise no pledge: two countries may sign either way."""
    clause_start, _ = clause_bounds(lexicon, sentence, trigger.start(), trigger.end())
    with_partner = lexicon.words["partner_prepositions"]  # "signed an agreement with the US"
    subjects = [e for e in entities if clause_start <= e.start and e.end <= trigger.start() + 1
                and e.kind in AGENT_KINDS and not governed_by(lexicon, sentence, e.start, with_partner, 2)]
    partners = [e for e in entities if trigger.start() <= e.start <= trigger.end() + 60
                and e.kind in AGENT_KINDS and governed_by(lexicon, sentence, e.start, with_partner, 2)]
    parties: list[EntityMention] = []
    for ent in subjects + partners[:1]:
        if ent.code not in {e.code for e in parties}:
            parties.append(ent)
    actor, target = sentence_agreement_roles(lexicon, sentence, entities, trigger, parties)
    if actor is not None and target is not None:
        return actor, target
    # else the document says who receives: the country its headline opens on, when it signs
    headline = headline_subject(lexicon, context, set())
    if headline is None:
        return None, None
    recipient = next((e for e in parties if e.code == headline.code), None)
    donor = next((e for e in parties if e.code != headline.code and e.kind != "place"), None)
    if recipient is not None and donor is not None:
        return role(donor, "other signing party"), role(recipient, "signing party the headline opens on")
    partner = next((e for e in partners if e.kind != "place"), None)
    if recipient is None and not subjects and partner is not None and partner.code != headline.code:
        # "Наши власти подписали соглашение с США": the subject names no country, the headline's signs
        return role(partner, "partner after 'with'"), Role(headline.name, headline.code, headline.basis)
    return None, None


def sentence_agreement_roles(
        lexicon: EventLexicon, sentence: str, entities: list[EntityMention], trigger: regex.Match[str],
        parties: list[EntityMention]) -> tuple[Role | None, Role | None]:
    """What the sentence says of who gives under "A signed an agreement with B": a
    party after 'to/for' receives ("signed an agreement with Japan to provide $50 million to Moldova"), or an
    institution that signs with a country gives (a bank or fund lends, the country borrows). Otherwise none."""
    if len(parties) != 2 or parties[0].code == parties[1].code:
        return None, None
    recipient = first_after(lexicon, entities, trigger.end(), frozenset({"country", "place"}), set(), 160, sentence,
                            lexicon.words["recipient_prepositions"])
    if recipient is not None and recipient.code in {e.code for e in parties}:
        giver = next(e for e in parties if e.code != recipient.code)
        return role(giver, "party that provides"), role(recipient, "recipient after 'to/for'")
    orgs = [e for e in parties if e.kind == "org"]
    others = [e for e in parties if e.kind in ("country", "place", "demonym")]
    if len(orgs) == 1 and len(others) == 1:
        return role(orgs[0], "institution that signs with a country"), role(others[0], "country that signs")
    return None, None


def purpose_of_recipient(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], trigger_end: int,
                         exclude: set[str]) -> EntityMention | None:
    """The first country after the trigger named as the owner of a purpose after 'for/to' ("for the reconstruction
    of Ukraine", "voor de wederopbouw van Oekraïne"): the recipient, though 'of' governs it."""
    ent = next((e for e in entities if e.start >= trigger_end and e.kind in ("country", "place")), None)
    if ent is None or ent.code in exclude or ent.start - trigger_end > 160:
        return None
    words = [w.lower() for w in WORD.findall(sentence[trigger_end:ent.start])]
    if len(words) < 3 or words[-1] not in lexicon.words["agent_prepositions"]:
        return None
    prepositions = (lexicon.words["recipient_prepositions"] | lexicon.words["goal_prepositions"]
                    | lexicon.words["other_prepositions"] | lexicon.words["agent_prepositions"])
    for n in (-3, -4, -5):  # "for [the] reconstruction [and recovery] of"
        if len(words) < -n or words[n] not in lexicon.words["recipient_prepositions"]:
            continue
        middle = [w for w in words[n + 1:-1] if w not in lexicon.words["definite_articles"]]
        if 1 <= len(middle) <= 2 and not any(w in prepositions for w in middle):
            return ent
    return None


def indirect_object(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], trigger: regex.Match[str],
                    exclude: set[str]) -> EntityMention | None:
    """A country right after a giving verb and before 'with' ("will provide Ukraine with missile systems") or the
    named items ("will send Ukraine four more tanks"): the recipient, though no preposition governs it."""
    ent = next((e for e in entities if e.start >= trigger.end()), None)
    if ent is None or ent.kind not in ("country", "place") or ent.code in exclude:
        return None
    if any(not is_modifier(lexicon, w) for w in WORD.findall(sentence[trigger.end():ent.start])):
        return None
    following = WORD.findall(sentence[ent.end:ent.end + 20])[:1]
    if following and following[0].lower() in lexicon.words["other_prepositions"]:
        return ent
    # "will send Ukraine four more air defence systems": the named items, the direct object, follow at once
    items = lexicon.cues["items"].search(sentence, ent.end, ent.end + 40)
    if (items is not None and not CLAUSE_PUNCTUATION.search(sentence, ent.end, items.start())
            and not any(ent.end <= e.start < items.start() for e in entities)):
        return ent
    return None


def possible_donor(lexicon: EventLexicon, ent: EntityMention) -> bool:
    """A donor is the grammatical subject: a place name in an oblique case (Russian -е/-у/-ю) is none."""
    endings = lexicon.grammar.non_subject_place_endings
    return not (ent.kind in ("country", "place") and ent.text.lower().endswith(endings))


def known_sum(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], amount: MoneyMention) -> bool:
    """A definite sum that a passive pledge participle with its agent qualifies, in one stretch without a comma
    ("the $50 billion in loans approved by the G7", "de 50 miljard euro ... goedgekeurd door de G7"): given
    information, no news of a pledge, whichever trigger of the sentence takes it; a package or tranche so named
    ("the $800 million package announced by") stays a pledge."""
    article = WORD.findall(sentence[max(0, amount.start - 12):amount.start])[-1:]
    if not article or article[0].lower() not in lexicon.words["definite_articles"]:
        return False
    for trig in lexicon.triggers:
        if trig.event_type != "pledge":
            continue
        for m in trig.compiled.finditer(sentence, amount.end, min(len(sentence), amount.end + 100)):
            between = sentence[amount.end:m.start()]
            if "," in between or has_cue(lexicon, "package", between):
                continue
            if first_after(lexicon, entities, m.end(), AGENT_KINDS, set(), 12, sentence,
                           lexicon.words["donor_prepositions"]) is not None:
                return True
    return False


def recipient_noun_after(lexicon: EventLexicon, sentence: str, position: int) -> bool:
    """Whether a pledge names its recipient by a bare noun after to/for ("aan het land", "to the country"):
    a recipient preposition, at most two articles or adjectives, then a noun of recipient_nouns."""
    for word in WORD.finditer(sentence, position, min(len(sentence), position + 80)):
        if word.group(0).lower() not in lexicon.words["recipient_prepositions"]:
            continue
        followers = list(WORD.finditer(sentence, word.end(), min(len(sentence), word.end() + 40)))[:3]
        for follower in followers:
            if lexicon.cues["recipient_nouns"].fullmatch(follower.group(0).lower()) is not None:
                return True
            if follower.group(0)[:1].isupper():
                break  # a name after the preposition: the recipient is named, not pointed back at
    return False


def inverted_subject(lexicon: EventLexicon, entities: list[EntityMention], trigger_end: int,
                     sentence: str) -> EntityMention | None:
    """A subject right after its verb ("beloofde Biden", "объявил Байден"): a person or organisation,
    or in Dutch (verb-second order) any agent, within a few characters of the verb."""
    kinds = lexicon.grammar.inverted_subject_kinds
    first_entity = next((e.start for e in entities if e.start >= trigger_end), None)
    pronoun = lexicon.cues["pronouns"].search(sentence, trigger_end, trigger_end + 8)
    if pronoun is not None and (first_entity is None or pronoun.start() < first_entity):
        return None  # "beloofde hij Oekraïne ...": the subject is the pronoun, the name its object
    # "kondigde ... aan voor Oekraïne": a name after a preposition is the verb's object, not its subject
    prepositions = (lexicon.words["recipient_prepositions"] | lexicon.words["goal_prepositions"]
                    | lexicon.words["other_prepositions"])
    for ent in entities:
        if ent.start >= trigger_end:
            governed = any(w.lower() in prepositions for w in WORD.findall(sentence[trigger_end:ent.start]))
            return ent if ent.start - trigger_end <= 12 and ent.kind in kinds and not governed else None
    return None


def stands_for_recipient(lexicon: EventLexicon, sentence: str, ent: EntityMention) -> bool:
    """A country named as a possible recipient: a country or place not after 'with/against/from',
    or a nationality before its army, people, government or leader ("the Ukrainian leader")."""
    if ent.kind in ("country", "place"):
        return not governed_by(lexicon, sentence, ent.start, lexicon.words["other_prepositions"], 2)
    if ent.kind == "demonym":
        follower = sentence[ent.end + 1:ent.end + 30]
        # Romanian puts the nationality after its noun: "armata ucraineană", "forțele armate ucrainene"
        head = NOUN_BEFORE.search(sentence, max(0, ent.start - 30), ent.start)
        return (lexicon.cues["recipient_nouns"].match(follower) is not None
                or lexicon.cues["officials"].match(follower) is not None
                or (head is not None and lexicon.cues["recipient_nouns"].fullmatch(head.group(1)) is not None))
    return False


@cache
def donor_currency(code: str) -> str | None:
    """The currency a country uses today (CLDR via babel), for words like '$' or 'lei' that several share."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    currencies = get_territory_currencies(country.alpha_2)
    return currencies[0] if currencies else None


def pick_amount(amounts: list[MoneyMention], trigger: regex.Match[str]) -> MoneyMention | None:
    """The amount that belongs to the trigger: the nearest, after it preferred."""
    if not amounts:
        return None
    return min(amounts, key=lambda m: (m.start - trigger.end() if m.start >= trigger.end()
                                       else 2 * (trigger.start() - m.end) + 20))


GAPPED_CLAUSE = regex.compile(r"[,;]\s*(?:\p{Ll}{1,2}\s+)?$")
GAPPED_DASH = regex.compile(r"\s+[-\u2013\u2014]\s+")


# what str.isspace() takes for space: \s and the separators \x1c-\x1f
BARE_SPACES = regex.compile(r"[\s\x1c-\x1f]*")


def name_sum_pairs(sentence: str, entities: list[EntityMention], amounts: list[MoneyMention],
                   separator: regex.Pattern[str], opens_clause: Callable[[EntityMention], bool],
                   ) -> list[tuple[EntityMention, MoneyMention]]:
    """Each name that opens a gapped clause and the first sum after it, with only the separator between: the
    gapped clauses with a dash (gapped_clauses) and without one (gapped_donor_shares). The amounts are sorted
    and do not overlap (find_amounts), so a later sum never has only the separator before it."""
    pairs = []
    for ent in entities:
        if not opens_clause(ent):
            continue
        amount = next((m for m in amounts if m.start >= ent.end), None)
        if amount is not None and separator.fullmatch(sentence, ent.end, amount.start) is not None:
            pairs.append((ent, amount))
    return pairs


def gapped_clauses(sentence: str, entities: list[EntityMention], amounts: list[MoneyMention],
                   trigger: regex.Match[str]) -> list[tuple[EntityMention, MoneyMention]]:
    """The gapped clauses after a pledge verb, each a name and its sum ("Франция выделит 110 млн евро, Германия -
    244 млн евро, а Евросоюз - 350 млн евро"): a name after a comma (and a short conjunction), a spaced dash, an
    amount."""
    return name_sum_pairs(sentence, entities, amounts, GAPPED_DASH, lambda ent: ent.start >= trigger.end()
                          and GAPPED_CLAUSE.search(sentence, 0, ent.start) is not None)


def gapped_parties(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], amounts: list[MoneyMention],
                   trigger: regex.Match[str]) -> tuple[list[tuple[EntityMention, MoneyMention]],
                                                      list[tuple[EntityMention, MoneyMention]]]:
    """The gapped clauses split by the form of their name: in its listed form (the Russian nominative:
    `Германия - 244 млн`) a further donor, and no recipient of the verb; inflected (the Russian dative: `выделит
    Молдове 10 млн, Грузии - 5 млн`) a further recipient of the donor."""
    listed = gazetteer(lexicon.language).bases
    clauses = gapped_clauses(sentence, entities, amounts, trigger)
    return ([(e, m) for e, m in clauses if fold(e.text) in listed],
            [(e, m) for e, m in clauses if fold(e.text) not in listed])


def later_clause_claims(sentence: str, trig: Trigger, match: regex.Match[str], amount: MoneyMention) -> bool:
    """Whether the amount after a pledge trigger belongs to the same trigger again in a later clause ("X will send
    rescuers to Turkey, and the Commission gave Syria 3.5 million"): a comma, then the trigger, then the amount."""
    if amount.start < match.end():
        return False
    comma = sentence.find(",", match.end(), amount.start)
    return comma >= 0 and trig.compiled.search(sentence, comma, amount.start) is not None


def share_of_total(sentence: str, amounts: list[MoneyMention], total: MoneyMention,
                   recipient_start: int) -> MoneyMention:
    """The share a recipient named after it receives ("110 million, of which 10 million go to refugees in
    Moldova"): a smaller sum of the same currency, past a comma after the total, before the recipient."""
    shares = [m for m in amounts if total.end < m.start and m.end <= recipient_start
              and m.currency == total.currency and m.amount < total.amount
              and "," in sentence[total.end:m.start]]
    return shares[-1] if shares else total


def mentions_from_trigger(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, sentence: str,
                          trig: Trigger, match: regex.Match[str]) -> list[dict[str, Any]]:
    """The event mentions of a trigger occurrence: one, or one per country of a coordinated list
    ("visited Kosovo, Sierra Leone and Colombia"; "hosting Orbán and Cameron"), or none."""
    if trig.rule.endswith(".shares"):
        return share_pledges(lexicon, context, sent_idx, sentence, trig, match)
    first = mention_from_trigger(lexicon, context, sent_idx, sentence, trig, match)
    if first is None:
        return []
    found = [first]
    if trig.event_type == "pledge":
        return shared_pledges(lexicon, context, sent_idx, sentence, match, first)
    if trig.event_type != "visit" and trig.roles != "summon":
        return found
    entities = context.entities(sent_idx)
    if trig.rule.endswith(".participle"):
        # "meeting Putin in Moscow, Xi in Beijing and Trump at Mar-a-Lago": one visit per place of the list
        _, places = participle_roles(lexicon, sentence, entities, match)
        return found + [first | {"target_name": p.name, "target_country": p.code, "target_start": p.start,
                                 "location": p.name, "target_basis": f"{p.basis}, listed"} for p in places[1:]]
    # the destinations of a traveller, the guests of a host, or the countries of summoned diplomats
    varying = "target" if trig.roles in ("subject_goal", "summon") else "actor"
    start = first[f"{varying}_start"]
    head = next((e for e in entities if e.start == start), None)
    if head is None and not trig.rule.endswith(".same_step"):
        return found
    kinds = PLACE_KINDS if varying == "target" else AGENT_KINDS - {"place", "country", "metonym"}
    seen = {first["actor_country"], first["target_country"]}
    # "Latvia and Estonia took the same step": the target comes from the sentence before, its actors are listed here
    listed = coordinated(lexicon, sentence, entities, head, kinds) if head is not None else []
    if trig.roles == "meeting_place" and head is not None:
        # "Rubio and Lavrov held talks in Riyadh": the participant found is the last of a list, and everyone listed
        # with him who is not from the meeting's country came there too
        listed = [e for e in listed_before(lexicon, sentence, entities, head)[:-1]
                  if e.kind in kinds and is_official(lexicon, sentence, e)] + listed
    for ent in listed:
        if ent.code in seen or (varying == "actor" and former_office(lexicon, sentence, ent)):
            continue
        seen.add(ent.code)
        found.append(first | {f"{varying}_name": ent.text, f"{varying}_country": ent.code,
                              f"{varying}_basis": f"{first[f'{varying}_basis']}, coordinated",
                              "confidence": round(float(first["confidence"]) - 0.05, 3)})
    if trig.event_type == "visit" and varying == "target" and head is not None:
        # "прибыл в Вильнюс, а в среду - в Варшаву": a further stop in a gapped clause with a time of its own, which
        # the gap (as the trigger) lets the date resolver find
        last = listed[-1] if listed else head
        for ent, (gap_start, gap_end) in gapped_destinations(lexicon, sentence, entities, last):
            if ent.code in seen:
                continue
            seen.add(ent.code)
            found.append(first | {"target_name": ent.text, "target_country": ent.code, "target_start": ent.start,
                                  "location": ent.text, "target_basis": f"{first['target_basis']}, gapped clause",
                                  "trigger_start": gap_start, "trigger_end": gap_end,
                                  "confidence": round(float(first["confidence"]) - 0.1, 3)})
    actor_head = next((e for e in entities if e.start == first["actor_start"]), None)
    if trig.roles in ("summon", "subject_goal") and actor_head is not None and (
            first["actor_start"] < match.start() or first["actor_basis"] == "subject after trigger"):
        # "Belgium and Luxembourg summoned the Russian ambassador": each government summons him on its own; "Scholz,
        # Macron and Draghi visited Kyiv": each leader's country visits
        for ent in listed_before(lexicon, sentence, entities, actor_head)[:-1]:
            if trig.roles == "subject_goal" and (ent.kind not in AGENT_KINDS - {"place", "metonym"}
                                                 or not is_official(lexicon, sentence, ent)):
                continue
            if ent.code not in {row["actor_country"] for row in found} and ent.code != first["target_country"]:
                found.append(first | {"actor_name": ent.text, "actor_country": ent.code, "actor_start": ent.start,
                                      "actor_basis": f"{first['actor_basis']}, coordinated",
                                      "confidence": round(float(first["confidence"]) - 0.05, 3)})
    if (trig.rule.endswith(".same_step") or (trig.roles == "subject_goal"
                                             and first["actor_basis"] == "subject after trigger")) \
            and actor_head is not None and actor_head.start >= match.end():
        # "Так же поступили Латвия и Эстония", "в Киев прибыли премьер Италии Мелони, премьер Канады Трюдо и ...":
        # the subject inverted after the trigger is a list too (of officials, for a visit)
        for ent in coordinated(lexicon, sentence, entities, actor_head, AGENT_KINDS - {"place"}):
            if trig.roles == "subject_goal" and (ent.kind == "metonym" or not is_official(lexicon, sentence, ent)):
                continue
            if ent.code not in {row["actor_country"] for row in found} and ent.code != first["target_country"]:
                found.append(first | {"actor_name": ent.text, "actor_country": ent.code, "actor_start": ent.start,
                                      "actor_basis": f"{first['actor_basis']}, coordinated",
                                      "confidence": round(float(first["confidence"]) - 0.05, 3)})
    return found


def gapped_destinations(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], head: EntityMention
                        ) -> list[tuple[EntityMention, tuple[int, int]]]:
    """The places that open gapped clauses after a visit's destination, each with the span of its gap: a comma, a
    coordinator or contrast word, one to three words (the clause's own time, "а в среду"), a spaced dash and maybe
    a goal preposition ("прибыл в Вильнюс, а в среду - в Варшаву, а в пятницу - в Прагу"), or without the dash the
    goal preposition ("a ajuns la Vilnius, iar miercuri la Varșovia") or the clause's own time ("and on Wednesday
    Riga"), when the clause ends at its place."""
    gap = gapped_destination_gap(lexicon.language)
    if gap is None:
        return []
    found: list[tuple[EntityMention, tuple[int, int]]] = []
    previous = head
    for ent in entities:
        if ent.start < previous.end:
            continue
        matched = gap.fullmatch(sentence, previous.end, ent.start)
        start = previous.end
        if matched is None:
            # without a dash, the clause's own time must open it ("visited Vilnius on Monday, and on Wednesday
            # Riga", "bezocht maandag Vilnius, en woensdag in Boekarest"): "and warned Moscow" is no further stop
            matched = gapped_destination_time_gap(lexicon.language).fullmatch(sentence, previous.end, ent.start)
            time = matched.group("time").rstrip() if matched is not None else ""
            if not any(t.end == len(time) for t in find_time_expressions(time, lexicon.language, ANY_REFERENCE)):
                matched = None
            else:
                start = matched.start("joiner")
        if matched is None or ent.kind not in PLACE_KINDS:
            break
        if GAP_DASH.search(matched.group()) is None and GAP_CLAUSE_END.match(sentence, ent.end) is None:
            break  # without a dash only a clause that ends at its place is gapped ("а в понедельник в Варшаве прошли")
        found.append((ent, (start, ent.start)))
        previous = ent
    return found


GAP_DASH = regex.compile(r"[\-–—]")
GAP_CLAUSE_END = regex.compile(r"\s*(?:[,.;:!?)]|$)")


def gap_words(lexicon: EventLexicon) -> tuple[str, str]:
    """The alternations that open a gapped clause (a coordinator or contrast word) and that may lead to its place
    (a goal preposition)."""
    joiners = rf"{lexicon.cues['contrast_words'].pattern}|{words_alternation(lexicon.words['coordinators'])}"
    return joiners, words_alternation(lexicon.words["goal_prepositions"])


@cache
def gapped_destination_time_gap(language: str) -> regex.Pattern[str]:
    """A gap without a dash: maybe the first clause's own time, a comma, a coordinator or contrast word, the
    clause's own time (one to three words) and maybe a goal preposition."""
    lexicon = event_lexicon(language)
    assert lexicon is not None
    joiners, goal = gap_words(lexicon)
    return regex.compile(rf"(?:\s+[^\s,.;:\-–—]+){{0,3}}?\s*,?\s*(?P<joiner>{joiners})\s+"
                         rf"(?P<time>(?:[^\s,.;:\-–—]+\s+){{1,3}}?)(?:(?:{goal})\s+)?", regex.IGNORECASE)


@cache
def gapped_destination_gap(language: str) -> regex.Pattern[str] | None:
    """A gap with a dash or a goal preposition after the clause's own time; None for a lexicon without the words
    (then no clause is read as gapped)."""
    lexicon = event_lexicon(language)
    if lexicon is None or not lexicon.words["coordinators"] or not lexicon.words["goal_prepositions"]:
        return None
    joiners, goal = gap_words(lexicon)
    # the dash may be left out before a goal preposition ("a ajuns la Vilnius, iar miercuri la Varșovia")
    return regex.compile(rf"\s*,\s*(?:{joiners})\s+(?:[^\s,.;:\-–—]+\s+){{1,3}}?"
                         rf"(?:[\-–—]\s+(?:(?:{goal})\s+)?|(?:{goal})\s+)", regex.IGNORECASE)


def share_pledges(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, sentence: str, trig: Trigger,
                  match: regex.Match[str]) -> list[dict[str, Any]]:
    """A sum split among recipients with bare shares in brackets ("Het geld wordt verdeeld over Somalië
    (36,5 miljoen), Ethiopië (31 miljoen)"): one pledge per recipient, in the currency of the sum a pledge
    trigger gave in this sentence or the three before, from the donor that sentence names first."""
    if has_cue(lexicon, "not_pledge", sentence):
        return []
    entities = context.entities(sent_idx)
    recipients = []
    for start, _end, value in bracket_shares(sentence, lexicon.language):
        ent = next((e for e in entities if e.kind in ("country", "place") and e.end <= start
                    and not sentence[e.end:start].strip()), None)
        if start >= match.end() and ent is not None:
            recipients.append((ent, value))
    if len(recipients) < 2:
        return []  # a list of shares, not a stray number in brackets
    for back in (sent_idx, sent_idx - 1, sent_idx - 2, sent_idx - 3):
        text = context.sentences.get(back, "") if back != sent_idx else sentence[:match.start()]
        sums = [m for m in context.amounts(back) if m.end <= len(text)]
        pledged = [t for t in lexicon.triggers if t.event_type == "pledge" and not t.rule.endswith(".shares")
                   and t.compiled.search(text)]
        if sums and pledged:
            break
    else:
        return []
    named = context.entities(back) if back != sent_idx else [e for e in entities if e.end <= match.start()]
    shared = {e.code for e, _ in recipients}
    donor = next((e for e in named if e.kind in AGENT_KINDS - {"place"} and e.code not in shared
                  and not governed_by(lexicon, text, e.start, lexicon.words["recipient_prepositions"], 2)), None)
    if donor is None:
        return []
    currency = sums[-1].currency
    own = donor_currency(donor.code)
    if sums[-1].alternatives and own in sums[-1].alternatives:
        currency = own
    return [{
        "event_type": "pledge",
        "actor_name": donor.text, "actor_country": donor.code,
        "actor_basis": "donor of the sum" if back == sent_idx else f"donor of the sum in sentence {back}",
        "target_name": ent.text, "target_country": ent.code, "target_basis": "recipient of a share in brackets",
        "actor_start": donor.start if back == sent_idx else -1, "target_start": ent.start, "location": None,
        "amount": value, "currency": currency, "amount_qualifier": "exact",
        "trigger": match.group(0).strip(), "rule": f"{lexicon.language}.{trig.rule}",
        "trigger_start": match.start(), "trigger_end": match.end(), "confidence": 0.6,
    } for ent, value in recipients if ent.code != donor.code]


def listed_before(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                  head: EntityMention) -> list[EntityMention]:
    """head with the agents listed right before it, joined by commas or a coordinator ("France and Germany")."""
    listed = [head]
    anchor = head.start
    for ent in reversed([e for e in entities if e.end <= head.start]):
        between = sentence[ent.end:anchor]
        # a hyphenated title ("премьер-министр") leaves its hyphen between the spaces of its removed words
        gap = TITLE_HYPHEN.sub(" ", lexicon.cues["officials"].sub(" ", between.lower()))
        joined = "," in gap or bool(lexicon.words["coordinators"] & set(WORD.findall(gap)))
        first_names = {w.lower() for w in WORD.findall(between) if w[:1].isupper()}
        if not joined and ent.code == listed[0].code and set(WORD.findall(gap)) <= first_names:
            # "French President Emmanuel Macron", "президент Франции Эмманюэль Макрон": the name's own country
            # before its title and first name
            anchor = ent.start
            continue
        if ent.kind not in AGENT_KINDS - {"place"} or not list_gap(lexicon).fullmatch(gap) or not joined:
            break
        listed.insert(0, ent)
        anchor = ent.start
    return listed


def shared_pledges(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, sentence: str,
                   trigger: regex.Match[str], first: dict[str, Any]) -> list[dict[str, Any]]:
    """A list of donors with a list of as many amounts gives each donor its share, in order ("Britain and Norway
    promised $1.76 billion and $1.17 billion (respectively)"); listed donors or recipients with one amount and a
    distributive word (each_share cue: "France and Germany each pledged €50 million") one pledge each of the whole
    amount; otherwise the one mention (a joint pledge)."""
    entities = context.entities(sent_idx)
    if first["amount"] is None:
        return [first]
    # "Франция выделит 110 млн евро, Германия - 244 млн евро": more donors; "выделит Молдове 10 млн, Грузии - 5 млн":
    # more recipients
    more_donors, more_recipients = gapped_parties(lexicon, sentence, entities, context.amounts(sent_idx), trigger)
    for role, other, gapped, basis in (
            ("actor", "target", more_donors, "donor of a gapped clause ('Germany - 244 million')"),
            ("target", "actor", more_recipients, "recipient of a gapped clause ('Georgia - 5 million')")):
        if gapped:
            return [first, *(first | {f"{role}_name": e.text, f"{role}_country": e.code, f"{role}_start": e.start,
                                      f"{role}_basis": basis, "amount": m.amount, "currency": m.currency,
                                      "amount_qualifier": m.qualifier}
                             for e, m in gapped if e.code != first[f"{other}_country"])]
    pairs = further_sums_for_recipients(lexicon, sentence, entities, context.amounts(sent_idx), first)
    if pairs:
        return [first, *pairs]
    # "The US pledged $171 million, the EU 190 million euros and ...": gapped without a dash
    shares = gapped_donor_shares(lexicon, sentence, entities, context.amounts(sent_idx), trigger, first)
    if shares:
        return [first, *shares]
    # "Moldova and Georgia will each receive 50 million": recipients listed as the subject, the amount each
    recipient = next((e for e in entities if e.start == first["target_start"]), None)
    if recipient is None:
        recipients = []
    elif recipient.end <= trigger.start():
        recipients = listed_before(lexicon, sentence, entities, recipient)
    else:  # "will give Moldova and Georgia 50 million each": recipients listed after the verb
        recipients = [recipient, *coordinated(lexicon, sentence, entities, recipient, PLACE_KINDS)]
    each = next((m for m in context.amounts(sent_idx) if m.start >= trigger.start() and m.amount == first["amount"]),
                None)
    if len(recipients) >= 2 and each is not None and each_share(lexicon, sentence, recipients[-1], each):
        return [first | {"target_name": e.text, "target_country": e.code, "target_start": e.start,
                         "target_basis": f"{first['target_basis']}, each the amount"}
                for e in recipients if e.code != first["actor_country"]]
    donor = next((e for e in entities if e.start == first["actor_start"]), None)
    if donor is None:
        return [first]
    donors = listed_before(lexicon, sentence, entities, donor)
    if len({e.code for e in donors}) < len(donors):
        return [first]
    # after the verb's first word: a separable verb spans its amount ("zeggen Moldavië 50 miljoen euro toe")
    verb_end = trigger.start() + LEADING_WORD.match(trigger.group()).end()
    amounts = sorted((m for m in context.amounts(sent_idx) if m.start >= verb_end), key=lambda m: m.start)
    listed = amounts[:1]
    for amount in amounts[1:]:
        if not list_gap(lexicon).fullmatch(sentence[listed[-1].end:amount.start]):
            break
        listed.append(amount)
    if len(donors) >= 2 and len(listed) == 1 and listed[0].amount == first["amount"] and \
            each_share(lexicon, sentence, donors[-1], listed[0]):
        listed, basis = listed * len(donors), "each the amount"
    elif len(donors) < 2 or len(listed) != len(donors) or listed[0].amount != first["amount"]:
        return [first]
    else:
        basis = "share in order"
    shares = []
    for ent, amount in zip(donors, listed, strict=True):
        own = donor_currency(ent.code)
        currency = own if amount.alternatives and own in amount.alternatives else amount.currency
        shares.append(first | {"actor_name": ent.text, "actor_country": ent.code, "actor_start": ent.start,
                               "actor_basis": f"{first['actor_basis']}, {basis}", "amount": amount.amount,
                               "currency": currency, "amount_qualifier": amount.qualifier})
    return [m for m in shares if m["actor_country"] != m["target_country"]]


def gapped_donor_shares(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                        amounts: list[MoneyMention], trigger: regex.Match[str],
                        first: dict[str, Any]) -> list[dict[str, Any]]:
    """Further donors that share the verb and the recipient, each with its own sum right after it ("The US pledged
    $171 million, the EU 190 million euros and Saudi Arabia $100 million"; "..., de EU 190 miljoen euro en
    Saoedi-Arabië 100 miljoen dollar"): one pledge each."""
    own = next((m for m in amounts if m.start >= trigger.start() and m.amount == first["amount"]), None)
    if own is None:
        return []
    opening = list_member_opening(lexicon.words["coordinators"])

    def opens_share(ent: EntityMention) -> bool:
        return (ent.start >= own.end and ent.kind in AGENT_KINDS - {"place", "person"}
                and ent.code not in (first["actor_country"], first["target_country"])
                and opening.search(sentence[max(own.end, ent.start - 30):ent.start]) is not None)

    return [first | {"actor_name": ent.text, "actor_country": ent.code, "actor_start": ent.start,
                     "actor_basis": "donor of a gapped share", "amount": amount.amount,
                     "currency": amount.currency, "amount_qualifier": amount.qualifier}
            for ent, amount in name_sum_pairs(sentence, entities, amounts, BARE_SPACES, opens_share)]


def further_sums_for_recipients(lexicon: EventLexicon, sentence: str, entities: list[EntityMention],
                                amounts: list[MoneyMention], first: dict[str, Any]) -> list[dict[str, Any]]:
    """The pledges of "pledged 1 billion euros for Turkey and 108 million euros for Syria": after the first
    recipient, each further sum joined by a list word with its own recipient right after to/for is one more pledge
    of the same donor."""
    recipient = next((e for e in entities if e.start == first["target_start"]), None)
    if recipient is None or not governed_by(lexicon, sentence, recipient.start,
                                            lexicon.words["recipient_prepositions"], 3):
        return []
    previous, found = recipient, []
    for amount in sorted((m for m in amounts if m.start >= recipient.end), key=lambda m: m.start):
        if not list_gap(lexicon).fullmatch(sentence[previous.end:amount.start]):
            break
        own = next((e for e in entities if e.start >= amount.end and e.start - amount.end <= 30
                    and e.kind in ("country", "place", "demonym", "org")), None)
        if own is None or own.code in (first["actor_country"], first["target_country"]) or not governed_by(
                lexicon, sentence, own.start, lexicon.words["recipient_prepositions"], 3):
            break
        local = donor_currency(first["actor_country"])
        currency = local if amount.alternatives and local in amount.alternatives else amount.currency
        found.append(first | {"target_name": own.text, "target_country": own.code, "target_start": own.start,
                              "target_basis": f"{first['target_basis']}, its own sum", "amount": amount.amount,
                              "currency": currency, "amount_qualifier": amount.qualifier})
        previous = own
    return found


def each_share(lexicon: EventLexicon, sentence: str, last: EntityMention, amount: MoneyMention) -> bool:
    """A distributive word (each_share cue) between the last of the listed parties and the amount, or right after
    the amount ("France and Germany each pledged 50 million", "50 million each"): every party has the amount."""
    # up to the amount's end: a word that needs the number after it (ru "по 50 млн") looks ahead into it
    if has_cue(lexicon, "each_share", sentence, last.end, max(last.end, amount.end)):
        return True
    after = len(sentence) - len(sentence[amount.end:].lstrip())  # the first non-space after the amount
    return lexicon.cues["each_share"].match(sentence, after) is not None


def coordinated(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], head: EntityMention,
                kinds: frozenset[str]) -> list[EntityMention]:
    """The entities listed after head and joined to it only by commas, 'and' and office titles."""
    listed: list[EntityMention] = []
    previous = head
    for ent in entities:
        if ent.start < head.end:
            continue
        gap = lexicon.cues["officials"].sub(" ", sentence[previous.end:ent.start].lower())
        if not list_gap(lexicon).fullmatch(gap):
            break
        if ent.kind in kinds:
            listed.append(ent)
        previous = ent
    return listed


def called_off_after(lexicon: EventLexicon, sentence: str, trigger_end: int, clause_end: int) -> bool:
    """Whether the predicate of a visit noun calls the trip off or puts it off ("Macron's visit to Kyiv was
    cancelled", "Het bezoek aan Peking werd uitgesteld", "Поездка ... отложена", "Vizita ... a fost amânată").

    The rule: only the visit noun's own predicate decides, so the cue is read from the trigger to the first comma
    of its clause, and, when a comma-enclosed aside follows ("The trip, planned for May, was postponed"), past the
    aside up to the next comma. An aside, a relative clause (from a `relative` word on) and anything after a
    second clause are skipped: they tell the visit's history, not whether it happened ("the visit, which had been
    postponed in May, took place on Tuesday" is a visit, rescheduled and held; so is "During his visit to Kyiv,
    Macron said the summit was postponed")."""
    first = sentence.find(",", trigger_end, clause_end)
    spans = [(trigger_end, clause_end if first < 0 else first)]
    if first >= 0:
        second = sentence.find(",", first + 1, clause_end)
        if second >= 0:
            third = sentence.find(",", second + 1, clause_end)
            spans.append((second + 1, clause_end if third < 0 else third))
        elif len(WORD.findall(sentence, first + 1, clause_end)) <= 2:
            # a headline's elided predicate after the one comma: "Vizita lui Steinmeier la Chișinău, amânată"
            spans.append((first + 1, clause_end))
    for start, end in spans:
        relative = lexicon.cues["relative"].search(sentence, start, end)
        called_off = lexicon.cues["called_off"].search(sentence, start, end if relative is None else relative.start())
        # a predicate that first says the trip happened owns the sentence: the called-off word belongs to something
        # said about it ("Scholz's visit went ahead despite calls for it to be postponed")
        if called_off is not None and not has_cue(lexicon, "took_place", sentence, start, called_off.start()):
            return True
    return False


def planned_after_aside(lexicon: EventLexicon, sentence: str, trigger_end: int, clause_end: int) -> bool:
    """Whether a visit noun's predicate, past a comma-enclosed aside, puts the trip in the future ("Macron's visit to
    Beijing, announced by the Elysee on Monday after weeks of talks, will take place in April"): the future cue must
    open the predicate (its first 20 characters), as `called_off_after` reads the predicate past the aside."""
    first = sentence.find(",", trigger_end, clause_end)
    second = sentence.find(",", first + 1, clause_end) if first >= 0 else -1
    if second < 0:
        return False
    start = second + 1
    relative = lexicon.cues["relative"].search(sentence, start, min(clause_end, start + 20))
    return relative is None and has_cue(lexicon, "future", sentence, start, min(clause_end, start + 20))


def attributive_called_off(lexicon: EventLexicon, sentence: str, cue_start: int, trigger_start: int) -> bool:
    """A negation cue that is a participle inside the visit's own noun phrase, right before the noun and after an
    article ("het eerder uitgestelde bezoek", "the previously postponed visit") or inflected as a Russian adjective
    ("ранее отложенный визит"): it tells the visit's history (put off, then held); the predicate decides, as
    `called_off_after` reads it."""
    word = WORD.match(sentence, cue_start)
    if word is None or sentence[word.end():trigger_start].strip():
        return False  # another word between: "cancelled his visit", "not a visit"
    if lexicon.cues["modifier_forms"].search(word.group(0)) is not None:
        return True  # inflected as an adjective
    before = WORD.findall(sentence[max(0, word.start() - 40):word.start()])[-2:]
    articles = lexicon.words["definite_articles"]
    if before and before[-1].lower() in articles:
        return True
    # one adverb between the article and the participle ("het eerder uitgestelde"), but no office title
    return (len(before) == 2 and before[0].lower() in articles and before[1].islower()
            and lexicon.cues["officials"].match(before[1]) is None)


def mention_from_trigger(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, sentence: str,
                         trig: Trigger, match: regex.Match[str]) -> dict[str, Any] | None:
    """One event mention for a trigger occurrence, or None when the rules reject it."""
    entities = context.entities(sent_idx)
    clause_start, clause_end = clause_bounds(lexicon, sentence, match.start(), match.end())
    # a plan in another comma clause is not this trigger's ("Fearful that Britain could leave, Obama arrived")
    comma = sentence.rfind(",", max(clause_start, match.start() - 60), match.start())
    # nor is one after the comma that closes the trigger's clause ("Carter, speaking in Manila, said he would visit")
    after = sentence.find(",", match.end(), min(clause_end, match.end() + 25))
    near = (max(clause_start, match.start() - 60, comma + 1),
            after if after >= 0 else min(clause_end, match.end() + 25))
    if retracted(lexicon, sentence, match.start()):
        return None  # "An earlier version of this article said Duda visited Latvia; ...": the fact taken back
    # a pledge is a promise, so future tense is its normal form; visits and demarches must have happened
    if trig.event_type != "pledge" and has_cue(lexicon, "future", sentence, *near):
        return None
    window = max(0, match.start() - 25)
    if any(not (trig.event_type == "visit" and attributive_called_off(lexicon, sentence, window + cue.start(),
                                                                      match.start()))
           for cue in lexicon.cues["negation"].finditer(sentence[window:match.end()])):
        return None
    if (trig.event_type == "visit" and trig.rule.endswith("noun")
            and called_off_after(lexicon, sentence, match.end(), clause_end)):
        return None  # "Macron's visit to Kyiv was cancelled": the trip was called off or put off
    if (trig.event_type == "visit" and trig.rule.endswith("noun")
            and planned_after_aside(lexicon, sentence, match.end(), clause_end)):
        return None  # "Macron's visit to Beijing, announced on Monday after weeks of talks, will take place in April"
    confidence = 0.9 if ".verb" in trig.rule or ".summon" in trig.rule else 0.8
    amount: MoneyMention | None = None
    # the part of the trigger's clause between the commas around it, where a remote meeting or a count of acts is told
    left = max(clause_start, sentence.rfind(",", clause_start, match.start()) + 1)
    right = sentence.find(",", match.end(), clause_end)
    between_commas = (left, clause_end if right < 0 else right)
    if trig.event_type == "visit":
        # "met Zelensky by video link", "по телефону": nobody travelled (GUIDE.md); only between the commas around
        # the trigger, since "visited Kyiv, a week after a phone call with Zelensky" is a visit
        if has_cue(lexicon, "remote", sentence, *between_commas):
            return None
        if has_cue(lexicon, "repeated", sentence, *between_commas):
            return None  # "has visited Kyiv several times": a count of trips, no one visit (GUIDE.md)
        if trig.rule.endswith("noun") and retold_visit(lexicon, sentence, match):
            return None
        if trig.rule.endswith("noun") and opens_on_anaphora(lexicon, sentence, match.start()):
            return None  # "Это первый официальный визит...": the visit reported (or only planned) before
        if trig.roles == "host_guest":
            actor, target = host_guest_roles(lexicon, sentence, entities, match)
            confidence = 0.7
        elif trig.roles == "guest_host":
            actor, target = guest_host_roles(lexicon, sentence, entities, match)
            confidence = 0.7
        elif trig.rule.endswith(".participle"):
            actor, places = participle_roles(lexicon, sentence, entities, match)
            target = places[0] if places else None
            confidence = 0.6
        elif trig.roles == "meeting_place":
            actor, target = meeting_place_roles(lexicon, sentence, entities, match)
            confidence = 0.6
        else:
            actor, target = subject_goal_roles(lexicon, sentence, entities, match, trig.rule)
    elif trig.rule.endswith(".same_step"):
        actor, target = same_step_roles(lexicon, context, sent_idx, sentence, entities, match)
    elif trig.rule.endswith(".summon") and (carried_summons := pronoun_summoned(lexicon, context, sent_idx, sentence,
                                                                       match)) is not None:
        if has_cue(lexicon, "repeated", sentence, *between_commas):
            return None
        actor, target = carried_summons
    elif trig.event_type == "demarche":
        no_diplomat = lexicon.cues["diplomat"].search(sentence) is None
        # a protest note needs no diplomat when the sentence names the protesting government before it and the
        # protested one after ("China lodged a formal protest with Japan", "Москва заявила протест Вашингтону")
        if no_diplomat and not trig.rule.endswith(".note"):
            return None
        if trig.rule.endswith("summon") and not summoned_diplomat(lexicon, sentence, match):
            return None
        if has_cue(lexicon, "repeated", sentence, *between_commas):
            return None  # "has summoned the ambassador several times": a count of summonses, no one demarche
        object_ = lexicon.cues["diplomat"].search(sentence, match.end(), match.end() + 60)
        if object_ is not None and has_cue(lexicon, "negation", sentence[object_.end():object_.end() + 12]):
            return None  # "ontbood de Russische ambassadeur niet": verb-second order puts the negation after
        actor, target = summon_roles(lexicon, sentence, entities, match, note=trig.rule.endswith(".note"))
        # the protested government follows closely: a country further on is the subject of the protest
        # ("a exprimat un protest ferm față de atacurile asupra porturilor ucrainene")
        # a protest voiced with no diplomat after it is a statement unless the protested government follows
        # ("Посольство России в Польше выразило протест в связи с ...": no addressee, the host is only its seat)
        if (trig.rule.endswith(".voiced.note") and lexicon.cues["diplomat"].search(sentence, match.end()) is None
                and not any(e.kind in AGENT_KINDS and 0 <= e.start - match.end() <= PROTESTED_REACH for e in entities)):
            return None
        if no_diplomat and (actor is None or target is None or actor.start >= match.start()
                            or target.start < match.end() or target.start - match.end() > PROTESTED_REACH):
            return None
    else:
        if has_cue(lexicon, "not_pledge", sentence):
            return None
        amount = pick_amount(context.amounts(sent_idx), match)
        if amount is not None and later_clause_claims(sentence, trig, match, amount):
            amount = None  # "направит в Турцию спасателей, а Еврокомиссия выделила Сирии 3,5 млн евро"
        before_trigger = sentence[max(0, match.start() - 14):match.start()]
        if trig.rule.endswith("noun") and has_cue(lexicon, "anaphora", before_trigger):
            return None  # "this package" points back at a pledge reported before
        if has_cue(lexicon, "cumulative", sentence[max(0, match.start() - 20):match.end()]):
            return None  # "equipment previously committed by the US": the trigger names an earlier pledge
        packaged = has_cue(lexicon, "package", sentence)
        if amount is None and not packaged and not has_cue(lexicon, "items", sentence):
            return None
        if trig.rule.endswith(".verb") and promise_told_by_later_verb(lexicon, sentence, entities, match):
            return None  # "a promis colegului său că Vilniusul va dona ...": the later verb tells the pledge
        if amount is None:
            if has_cue(lexicon, "cumulative", sentence[max(0, match.start() - 80):match.end()]):
                return None  # "so far, Berlin has donated three Patriot systems": items already given
            confidence -= 0.2
        elif (has_cue(lexicon, "cumulative", sentence[max(0, amount.start - 80):amount.end])
              or has_cue(lexicon, "cumulative_after", sentence[amount.end:amount.end + 60])):
            return None  # "a total of $30bn", "$30bn since the war began"
        if trig.rule.endswith(".agreement"):
            actor, target = agreement_roles(lexicon, context, sentence, entities, match)
            if actor is None or target is None:
                return None
        else:
            donors, _ = gapped_parties(lexicon, sentence, entities, context.amounts(sent_idx), match)
            gapped = {e.start for e, _ in donors}
            actor, target = pledge_roles(lexicon, sentence, [e for e in entities if e.start not in gapped],
                                         match, trig.roles == "recipient_donor")
            if (not trig.rule.endswith(".verb") and actor is not None
                    and dative_of_pledge_verb(lexicon, sentence, actor)):
                # "va acorda Ucrainei un nou pachet": the name right after a pledge verb is its recipient, no donor
                # of the noun or sum after it
                actor, target = None, target or actor
        if amount is not None and known_sum(lexicon, sentence, entities, amount):
            return None  # "the $50 billion in loans approved by the G7": a sum the reader knows, told as background
    if (trig.event_type == "visit" and target is None) or (trig.event_type == "demarche" and actor is None and not any(
            e.kind in AGENT_KINDS and e.start < match.start() and (target is None or e.code != target.code)
            for e in entities)):
        # a wire dateline stands for a place the sentence does not name: the destination of a visit, the seat of a
        # summoning government; never the traveller, nor a protester when the sentence names another
        dateline = dateline_place(lexicon, context, sent_idx)
        if dateline is not None and trig.event_type == "visit":
            target = dateline
        elif dateline is not None:
            actor = dateline
    if actor is None and target is None:
        carried = (parties_told_before(lexicon, context, sent_idx, sentence, trig, match, amount)
                   if trig.event_type == "pledge" and amount is not None else None)
        if carried is None:
            return None  # a sentence that names neither party is too weak to carry both from elsewhere
        actor, target = carried
        confidence -= 0.4
    if actor is None and trig.roles in CARRY_ACTOR:
        named = named_subject(context, sentence, match.start()) if trig.event_type == "visit" else None
        if named is not None and not trig.rule.endswith("noun"):
            actor = named
        elif trig.event_type == "visit":
            # "the visit", "he/she visited"; a traveller named by a noun ("executives arrived") is no official
            # "the minister" with no name carries the traveller too ("X arrived in Berlin. The minister then
            # visited Paris"), as it carries a donor, when the place follows the verb or its preposition at once
            # ("bezocht later met de gasten uit Korea het monument" names no destination)
            # a pronoun inside the trigger is its inverted subject ("Dinsdag was hij in Chisinau")
            lead = sentence[max(0, match.start() - 60):match.end()]
            titled = bare_title_before(lexicon, sentence, match.start()) and target is not None and (
                target.start - match.end() <= 2 or governed_by(lexicon, sentence, target.start,
                                                               lexicon.words["goal_prepositions"], 2))
            # a verb opening the sentence has no subject of its own ("A vizitat ieri Chișinăul"): a dropped "he"
            # (Romanian with its auxiliary: a word of at most two letters before the verb)
            opening = WORD.findall(sentence[OPENING_MARKS.match(sentence).end():match.start()])
            subjectless = not trig.rule.endswith("noun") and (not opening or (len(opening) == 1
                                                                               and len(opening[0]) <= 2))
            if not trig.rule.endswith("noun") and not has_cue(lexicon, "pronouns", lead) and not titled \
                    and not subjectless:
                return None
            # "he" goes on with the previous subject even when that one is at home there ("Rutte spoke with
            # Zelensky. On Tuesday he was in Amsterdam"), not with the next person who is not
            pronoun = not trig.rule.endswith("noun") and (has_cue(lexicon, "pronouns", lead) or subjectless)
            # "Встреча прошла в Кишинёве": a meeting noun goes on with the talks told just before, not further back
            actor = context.carried(sent_idx, frozenset({"person"}),
                                    set() if pronoun else {target.code} if target else set(), lexicon,
                                    reach=1 if trig.roles == "meeting_place" and trig.rule.endswith("noun") else 3)
            if actor is not None and target is not None and actor.code == target.code:
                return None
        else:
            # a summons is a government's act: an organisation named earlier (the UN, a court) summons nobody
            kinds = frozenset({"person"}) if trig.event_type == "demarche" else PERSON_KINDS
            lead = sentence[max(0, match.start() - 60):match.start()]
            if trig.event_type == "pledge" and has_cue(lexicon, "unnamed_donors", lead, max(0, len(lead) - 40)):
                return None  # "Donors pledged $1.5 billion": the givers are unnamed, not whoever was named before
            actor = context.carried(sent_idx, kinds, {target.code} if target else set(),
                                    venues_of=lexicon if trig.event_type == "pledge" else None,
                                    bodies_of=lexicon if trig.event_type == "demarche" else None)
            if actor is None and trig.event_type in ("pledge", "demarche") and (
                    has_cue(lexicon, "pronouns", lead) or lexicon.cues["officials"].search(lead) is not None):
                # only then, and only for "he" or "the minister", a donor named by nationality and office ("the
                # Dutch foreign minister visited Kyiv. The minister announced ..."), as a traveller is; so is the
                # government of a summons ("..., the Chinese foreign ministry said. Vice Foreign Minister Sun
                # Weidong summoned the Japanese ambassador")
                actor = context.carried(sent_idx, frozenset(), {target.code} if target else set(), lexicon)
            if actor is None and trig.event_type == "pledge":
                # or with an unnamed office holder of the sentence just before (or the headline): "Глава МИД
                # Нидерландов прибыл в Киев. Министр объявил о выделении..."
                actor = context.carried(sent_idx, kinds, {target.code} if target else set(), lexicon, reach=1,
                                        venues_of=lexicon)
            if actor is None and trig.event_type == "demarche":
                actor = headline_subject(lexicon, context, {target.code} if target else set())
                confidence -= 0.1
        confidence -= 0.25
    if target is None and trig.roles in CARRY_TARGET:
        exclude = {actor.code} if actor else set()
        # "Billions pledged for Syria": a headline that names the recipient names the topic of every pledge below
        # "noodhulp aan het land", "aid to the country": a noun points back at the country the body is about,
        # which may lie further back than a pronoun's antecedent; the headline only after the body
        by_noun = trig.event_type == "pledge" and recipient_noun_after(lexicon, sentence, match.end())
        reach = 8 if by_noun else 3
        if trig.event_type == "pledge":
            exclude = exclude | donors_before(lexicon, context, sent_idx, reach)
        target = ((headline_recipient(lexicon, context, exclude) if trig.event_type == "pledge" else None)
                  or context.carried(sent_idx, PLACE_KINDS, exclude, reach=reach,
                                     venues_of=lexicon if trig.event_type == "pledge" else None))
        confidence -= 0.25
        if target is not None and trig.event_type == "pledge" and any(
                e.code == target.code
                and governed_by(lexicon, sentence, e.start, lexicon.words["other_prepositions"], 2)
                for e in entities):
            return None  # "after Russia's invasion of Ukraine, Scholz announced a fund": Ukraine is named, not helped
    if actor is None or target is None or actor.code == target.code:
        return None
    if trig.event_type == "visit" and target.code in organisation_seats().get(actor.code, frozenset()):
        return None  # "EU ministers held talks in Brussels": an organisation at its own seat travels nowhere
    if trig.event_type == "visit" and restates_planned_trip(lexicon, context, sent_idx, trig, actor, target):
        return None  # "Rutte gaat volgende week op bezoek ... Het bezoek vindt plaats in Boston": still ahead
    if trig.event_type == "visit" and introduced_as_former(lexicon, context, sent_idx, actor):
        return None  # "former Vice President Mike Pence" in the lead: "Pence visited Kyiv" is no state's visit
    if trig.event_type == "visit" and context.office_told_in_lead(actor):
        actor = replace(actor, basis=actor.basis + ", office named in the lead")
    if trig.event_type == "visit" and target.start >= 0 and names_a_venue(lexicon, sentence, match, target) \
            and not summit_of_the_two(lexicon, sentence, entities, match, actor, target):
        return None  # "arrived in Vienna, headquarters of the IAEA", "for the NATO summit": a venue, no visit
    if trig.event_type == "pledge" and amount is None and (
            "carried" in actor.basis + target.basis or target.basis.startswith("other")):
        # a package or named items without a sum: both parties in the sentence, the recipient after "to"; or the
        # recipient of the pledge just before ("... Украине 50 млн евро. Кроме того, Франция передаст 20 генераторов")
        if not further_items_of_pledge_before(lexicon, context, sent_idx, actor, target):
            return None
        target = replace(target, basis=f"{target.basis}, recipient of the pledge just before")
        confidence -= 0.1
    if amount is not None and target.start > amount.end:
        amount = share_of_total(sentence, context.amounts(sent_idx), amount, target.start)
    currency = amount.currency if amount else None
    if amount is not None and amount.alternatives:
        own = donor_currency(actor.code)
        if own in amount.alternatives:
            currency = own  # "$" of an Australian donor is AUD, "лей" of a Romanian one RON
    location = target.name if trig.event_type == "visit" else None
    return {
        "event_type": trig.event_type,
        "actor_name": actor.name, "actor_country": actor.code, "actor_basis": actor.basis,
        "target_name": target.name, "target_country": target.code, "target_basis": target.basis,
        "actor_start": actor.start, "target_start": target.start,
        "location": location,
        "amount": amount.amount if amount else None, "currency": currency,
        "amount_qualifier": amount.qualifier if amount else None,
        "trigger": match.group(0).strip(), "rule": f"{lexicon.language}.{trig.rule}",
        "trigger_start": match.start(), "trigger_end": match.end(),
        "confidence": round(max(0.05, min(1.0, confidence)), 3),
    }


FIRST_WORD = regex.compile(r"(\p{L}+)\s+")


def donors_before(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, reach: int) -> set[str]:
    """The countries that stand as the donor right before a pledge trigger in the sentences before: "The United
    States announced $85 million in aid. Britain will provide $30 million for relief": the US gives, and is not
    the recipient that the second pledge points back at."""
    recipient_words = lexicon.words["recipient_prepositions"] | lexicon.words["goal_prepositions"]
    codes: set[str] = set()
    for back in range(max(1, sent_idx - reach), sent_idx):
        sentence = context.sentences.get(back, "")
        donors = [e for e in context.entities(back) if possible_donor(lexicon, e)]
        for trig in lexicon.triggers:
            # only a verb has its donor before it: a signer of an agreement may be its recipient ("Moldova and the
            # US signed"), a name before a noun its owner ("предоставил Кишиневу доступ к траншу")
            if trig.event_type != "pledge" or not trig.rule.endswith(".verb"):
                continue
            for match in trig.compiled.finditer(sentence):
                donor = nearest_before(lexicon, donors, match.start(), AGENT_KINDS, set(), sentence, recipient_words)
                if donor is not None and match.start() - donor.end <= 30:
                    # "Japan and South Korea announced aid": each donor of the list, not only the nearest
                    codes.update(e.code for e in listed_before(lexicon, sentence, context.entities(back), donor))
    return codes


def bare_subject_at(lexicon: EventLexicon, sentence: str, position: int) -> bool:
    """Whether a pronoun or an office title with no name ("He", "The minister", "Министр", "Ministrul") stands at
    position, an article allowed before the title."""
    article = FIRST_WORD.match(sentence, position)
    if article is None or article.group(1).lower() not in lexicon.words["definite_articles"]:
        article = None
    after_article = position if article is None else article.end()
    return (lexicon.cues["pronouns"].match(sentence, position) is not None
            or lexicon.cues["officials"].match(sentence, after_article) is not None)


def bare_title_before(lexicon: EventLexicon, sentence: str, position: int) -> bool:
    """Whether an office title with no name before it ("Во вторник министр", "Marți, ministrul", "Later the
    minister") stands in the 60 characters before position: a name or capitalised word right before the title
    ("Gulf leaders met") makes it a description of others, not the one told before."""
    start = max(0, position - 60)
    title = next(iter(reversed(list(lexicon.cues["officials"].finditer(sentence, start, position)))), None)
    if title is None or (title.start() > 0 and sentence[title.start() - 1].isalpha()):
        return False
    before = list(WORD.finditer(sentence, 0, title.start()))
    if before and before[-1].group().lower() in lexicon.words["definite_articles"]:
        before = before[:-1]
    # the sentence's first word is capitalised anyway ("Затем министр"); a comma ends the words before
    return (len(before) < 2 or "," in sentence[before[-1].end():title.start()]
            or not before[-1].group()[:1].isupper())


def parties_told_before(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, sentence: str,
                        trig: Trigger, match: regex.Match[str], amount: MoneyMention) -> tuple[Role, Role] | None:
    """Donor and recipient of a pledge whose sentence names neither, told by the sentence before: "Blinken arrived
    in Kyiv. He announced $1 billion in new military aid." Only when the sentence names no person or place at all
    and its subject is a pronoun or a bare office title (at its opening, or right after the verb in verb-second
    order: "Daarbij kondigde hij ... aan"); the parties are the traveller and host of the one visit (or the donor
    and recipient of the one pledge) that the sentence before names in full, else, early in the text and after a
    sentence that names nobody, the headline's. With no party in the sentence, it must name aid (an aid noun)."""
    if trig.roles != "donor_recipient" or any(e.kind != "org" for e in context.entities(sent_idx)):
        return None
    if not has_cue(lexicon, "aid_nouns", sentence):
        return None  # "he announced $1 billion in spending cuts": with no party named, the words must say aid
    verb = VERB_AND_SPACES.match(sentence[match.start():match.end()])
    if not bare_subject_at(lexicon, sentence, OPENING_MARKS.match(sentence).end()) and (
            verb is None or not bare_subject_at(lexicon, sentence, match.start() + verb.end())):
        return None
    sources = [sent_idx - 1] if sent_idx > 0 else []
    if 1 < sent_idx <= 3 and not context.entities(sent_idx - 1):
        sources.append(0)
    for idx in sources:
        before = [m for m in extract_sentence(lexicon, context, idx, context.sentences.get(idx, ""))
                  if m["event_type"] in ("visit", "pledge") and m["actor_country"] != m["target_country"]
                  and "carried" not in m["actor_basis"] + m["target_basis"]]
        if any(m["amount"] is not None and m["currency"] == amount.currency and amount.amount <= m["amount"]
               for m in before):
            return None  # "pledged $2 billion ... He announced $500 million for air defence": a share of that
        # in the sentence's order (a set's order would change with the process's string hashes)
        told = list(dict.fromkeys((m["actor_name"], m["actor_country"], m["target_name"], m["target_country"],
                                   m["event_type"]) for m in before))
        if len({(t[1], t[3]) for t in told}) > 1:
            return None  # two parties before: "he" may be either
        for actor_name, actor_code, target_name, target_code, kind in told:
            where = "headline" if idx == 0 else f"sentence {idx}"
            return (Role(actor_name, actor_code, f"carried from the {kind} of {where}"),
                    Role(target_name, target_code, f"carried from the {kind} of {where}"))
        if context.entities(idx):
            return None  # the sentence before names someone but tells no event: the headline is too far
    return None


def dative_of_pledge_verb(lexicon: EventLexicon, sentence: str, name: Role) -> bool:
    """Whether a name stands right after a pledge verb in a language with a bare dative recipient ("va acorda
    Ucrainei", "выделит Украине"): the verb's recipient, never the donor of a pledge noun after it."""
    if not lexicon.grammar.dative_recipient_by_case or name.start < 0:
        return False
    return any(m.end() <= name.start and not sentence[m.end():name.start].strip()
               for m in pledge_verb_matches(lexicon, sentence, max(0, name.start - 40), name.start))


def further_items_of_pledge_before(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, actor: Role,
                                   target: Role) -> bool:
    """Whether named items with no recipient of their own go on with the pledge of the sentence just before, by
    the same donor or another: "Германия выделит Украине 50 млн евро. Франция передаст 20 генераторов." The donor
    must be named here (not carried), the recipient carried, and the sentence before must tell a pledge to that
    recipient whose own parties are both named there."""
    if "carried" in actor.basis or not target.basis.startswith("carried") or sent_idx < 1:
        return False
    before = extract_sentence(lexicon, context, sent_idx - 1, context.sentences.get(sent_idx - 1, ""))
    return any(m["event_type"] == "pledge" and m["target_country"] == target.code
               and "carried" not in m["actor_basis"] + m["target_basis"]
               for m in before)


def names_a_venue(lexicon: EventLexicon, sentence: str, trigger: regex.Match[str], target: Role) -> bool:
    """Whether the place of a visit is told as a venue ("arrived in Vienna, headquarters of the IAEA", "in Vilnius
    for the NATO summit", "speaking at the UN General Assembly in New York"): a venue cue between the trigger and
    the place, or within 40 characters after it; an apposition right after the name reads on, but a later comma
    ends the place's phrase ("visited Kyiv on Monday, days before the NATO summit" is a visit)."""
    name_end = target.start + len(target.name)
    start = trigger.start() if trigger.end() <= target.start else target.start
    if start < target.start and bare_object(lexicon, sentence, target.start):
        start = target.start  # "bezocht na afloop van de top Ottawa": the summit is an adverbial before the object
    end = min(len(sentence), name_end + 40)
    comma = sentence.find(",", name_end + 1, end)
    return has_cue(lexicon, "venue", sentence, start, end if comma < 0 else comma)


def bare_object(lexicon: EventLexicon, sentence: str, start: int) -> bool:
    """Whether a place is a bare noun phrase after a lowercase word that is no preposition ("bezocht na afloop van de
    top Ottawa", "visited on Monday Kyiv"): a verb's object that a long adverbial put off, not a place in a phrase."""
    before = WORD.findall(sentence[max(0, start - 30):start])[-1:]
    if not before or not before[0].islower() or sentence[:start].rstrip().endswith((",", ";", "-")):
        return False
    words = lexicon.words
    prepositions = (words["goal_prepositions"] | words["locative_prepositions"] | words["agent_prepositions"]
                    | words["donor_prepositions"] | words["recipient_prepositions"] | words["partner_prepositions"]
                    | words["departure_prepositions"] | words["visit_manner_prepositions"])
    return not governed_by(lexicon, sentence, start, prepositions, 2)


def summit_of_the_two(lexicon: EventLexicon, sentence: str, entities: list[EntityMention], trigger: regex.Match[str],
                      actor: Role, target: Role) -> bool:
    """Whether the venue cue after a visit names a meeting of the visitor with the host ("arrived in Kyiv for an
    EU-Ukraine summit", "voor een top tussen de EU en Oekraïne"): such a summit is held on a visit to the host."""
    name_end = target.start + len(target.name)
    cue = lexicon.cues["venue"].search(sentence, max(trigger.end(), name_end))
    if cue is None:
        return False
    start = max(trigger.end(), name_end, cue.start() - 30)
    near = [e for e in entities if start <= e.start and e.end <= cue.end() + 40]
    # the two joined as the summit's parties: "EU-Ukraine", "the EU and Ukraine" (not "NATO summit with Lithuania")
    gaps = [(a, b, sentence[a.end:b.start]) for a, b in pairwise(near)]
    return any({a.code, b.code} == {actor.code, target.code}
               and (gap.strip() in ("-", "‑") or list_gap(lexicon).fullmatch(gap) is not None) for a, b, gap in gaps)


def named_subject(context: DocumentContext, sentence: str, position: int) -> Role | None:
    """The person a first name stands for when it is the subject right before the verb ("Sophie has visited")."""
    subject = NAMED_SUBJECT.search(sentence[max(0, position - 50):position])
    return context.aliases().get(subject.group(1)) if subject is not None else None


def restates_pledge(mention: dict[str, Any], amounts: set[object]) -> bool:
    """A pledge mention whose amount (or lack of one) an earlier trigger of the sentence already gave."""
    if mention["event_type"] != "pledge" or not amounts:
        return False
    return mention["amount"] is None or mention["amount"] in amounts


PROTESTED_REACH = 30  # characters between a protest without a diplomat and the protested government
LETTERS = regex.compile(r"\p{L}+")
REST_OF_WORD = regex.compile(r"\p{L}*\s+")


def first_name_of_person(sentence: str, match: regex.Match[str], entities: list[EntityMention]) -> bool:
    """A capitalised trigger word inside the sentence right before a person's name is that person's first name
    ("Министр обороны Грант Шаппс посетил Одессу": Grant, not a grant)."""
    word = LETTERS.search(sentence, match.start(), match.end())
    if word is None:
        return False
    start = word.start()
    if not word.group()[0].isupper() or not sentence[:start].strip():
        return False
    gap = REST_OF_WORD.match(sentence, start)
    return gap is not None and any(e.kind == "person" and e.start == gap.end() for e in entities)


# a wire dateline: a place in capitals opening the body, before a comma, a bracket or a dash ("MOSCOW (Reuters) -",
# "DEN HAAG (ANP) -", "МОСКВА, 22 мая. /ТАСС/.", "CHIȘINĂU, 5 mai /Agerpres/ -")
DATELINE = regex.compile(r"[\s\p{Pi}\p{Pf}\"']*(\p{Lu}[\p{Lu}\p{M}'’.]*(?:[ -]\p{Lu}[\p{Lu}\p{M}'’.]*){0,3})"
                         r"\s*(?=[,(/]|[-–—]\s)")
DATELINE_REACH = 600  # characters of the body before the dateline's sentence
DATELINE_FRAGMENT = 40  # the longest sentence the segmenter cuts off a dateline ("МОСКВА, 22 мая.", "/ТАСС/.")


def dateline_place(lexicon: EventLexicon, context: DocumentContext, sent_idx: int) -> Role | None:
    """The place of a wire dateline opening the sentence ("WARSAW (Reuters) - Zelensky arrived on Friday"): where
    the news was filed, so the destination of a visit or the seat of a summoning ministry that the sentence does not
    name. The gazetteer matches case-sensitively, so the capitals are read in title case. A dateline that the
    segmenter cut off as sentences of their own opens the first sentence after them."""
    for idx in range(sent_idx, max(0, sent_idx - 3), -1):
        sentence = context.sentences.get(idx, "")
        if idx != sent_idx and len(sentence) > DATELINE_FRAGMENT:
            return None
        if sum(len(context.sentences.get(i, "")) for i in range(1, idx)) > DATELINE_REACH:
            return None
        matched = DATELINE.match(sentence)
        if matched is None or len(LETTERS.findall(matched.group(1))[0]) < 3:
            continue
        titled = matched.group(1).title()
        if len(titled) != len(matched.group(1)):
            return None
        place = next((e for e in find_entities(titled, lexicon.language) if e.kind in ("place", "country")), None)
        if place is None:
            return None
        start = matched.start(1) + place.start if idx == sent_idx else -1
        return Role(sentence[start:start + len(place.text)] if start >= 0 else place.text, place.code,
                    f"dateline {place.text}", start)
    return None


def retracted(lexicon: EventLexicon, sentence: str, position: int) -> bool:
    """A trigger inside the clause of a correction notice ("An earlier version of this article said Duda visited
    Latvia; he visited Lithuania", "In een eerdere versie van dit artikel stond dat ..."): the fact the notice takes
    back; the corrected fact past a semicolon or a contrast ("; he visited", ", but he visited") stands."""
    for cue in lexicon.cues["corrections"].finditer(sentence, 0, position):
        between = sentence[cue.end():position]
        if not any(m.group()[0] in ";," for m in clause_break(lexicon).finditer(between)):
            return True
    return False


SAME_STEP_REACH = 12  # characters between 'the same step' and a subject inverted after it ("и", "și")


def same_step_roles(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, sentence: str,
                    entities: list[EntityMention], trigger: regex.Match[str]) -> tuple[Role | None, Role | None]:
    """"Lithuania summoned the Russian ambassador. Latvia and Estonia took the same step", "Letland deed
    hetzelfde": the governments named before the anaphoric trigger each make a demarche of their own against the
    target of the demarche told in one of the three sentences before, when no other event is told in between.
    Nothing when no demarche was told there, or the subject is that target ("Russia did the same": a reply)."""
    actor_ent = nearest_before(lexicon, entities, trigger.start(), AGENT_KINDS - {"place"}, set(), sentence)
    subject = "subject of 'the same step'"
    if actor_ent is None:
        # "So did Latvia", "Dat deden ook Letland en Estland", "Hetzelfde deed Polen": the subject after (or inside)
        # the trigger; the last of a list, since the caller adds those listed before it
        head = first_after(lexicon, entities, trigger.start(), AGENT_KINDS - {"place"}, set(),
                           40 + trigger.end() - trigger.start(), sentence)
        listed = coordinated(lexicon, sentence, entities, head, AGENT_KINDS - {"place"}) if head else []
        actor_ent, subject = (listed[-1] if listed else head), "subject after trigger"
    if actor_ent is None:
        # the subject inverted after the trigger: "Так же поступила и Эстония", "La fel a procedat și Estonia"
        actor_ent = first_after(lexicon, entities, trigger.end(), AGENT_KINDS - {"place"}, set(), SAME_STEP_REACH,
                                sentence)
    if actor_ent is None:
        return None, None
    for back in range(sent_idx - 1, max(0, sent_idx - 4), -1):
        told = extract_sentence(lexicon, context, back, context.sentences.get(back, ""))
        earlier = next((m for m in told if m["event_type"] == "demarche"), None)
        if earlier is not None and earlier["target_country"] != actor_ent.code:
            basis = f"target of the demarche in sentence {back}"
            return (role(actor_ent, subject),
                    Role(earlier["target_name"], earlier["target_country"], basis))
        if told:
            break  # another event in between: the step is that one's
    return None, None


def pronoun_summoned(lexicon: EventLexicon, context: DocumentContext, sent_idx: int, sentence: str,
                     trigger: regex.Match[str]) -> tuple[Role | None, Role] | None:
    """A passive summons of a pronoun ("In 2014 werd hij in Moskou ontboden", "he was summoned to the ministry in
    Moscow") right after a sentence that names a diplomat with his country ("De Nederlandse ambassadeur in Rusland,
    ..."): the diplomat's country is the target; the summoning government is named in this sentence (before the
    trigger, or after it in its clause), else it is the host the diplomat serves in. None when the sentence names
    a diplomat itself or no pronoun is the subject."""
    if lexicon.cues["diplomat"].search(sentence) is not None:
        return None
    clause_start, clause_end = clause_bounds(lexicon, sentence, trigger.start(), trigger.end())
    lead = sentence[clause_start:trigger.start()]
    if lexicon.cues["passive"].search(sentence, clause_start, trigger.end()) is None or not any(
            lexicon.cues["pronouns"].search(w) is not None for w in WORD.findall(lead)):
        return None
    earlier = context.sentences.get(sent_idx - 1, "")
    diplomat = lexicon.cues["diplomat"].search(earlier)
    if diplomat is None:
        return None
    previous = context.entities(sent_idx - 1)
    kinds = ("demonym", "country", "org")
    goal_words = lexicon.words["goal_prepositions"]
    own = next((e for e in reversed(previous) if e.end <= diplomat.start() and diplomat.start() - e.end <= 30
                and e.kind in kinds), None) or next(
        (e for e in previous if 0 <= e.start - diplomat.end() <= 45 and e.kind in kinds
         and not governed_by(lexicon, earlier, e.start, goal_words, 1)), None)
    if own is None:
        return None
    if any(e.code == own.code and e.kind in ("country", "place") for e in context.entities(sent_idx)):
        return None  # "Hij werd naar Den Haag ontboden voor overleg": called home by his own government
    entities = [e for e in context.entities(sent_idx) if e.code != own.code]
    actor_ent = nearest_before(lexicon, entities, trigger.start(), AGENT_KINDS, set(), sentence)
    if actor_ent is not None and actor_ent.end <= clause_start:
        actor_ent = None
    if actor_ent is None:
        actor_ent = first_after(lexicon, entities, trigger.end(), AGENT_KINDS, set(), 80, sentence)
        if actor_ent is not None and (actor_ent.start >= clause_end or locative_of_topic(lexicon, sentence, actor_ent)):
            actor_ent = None
    target = Role(own.text, own.code, f"diplomat's country in sentence {sent_idx - 1}")
    if actor_ent is not None:
        return role(actor_ent, "place of the summons"), target
    host = next((e for e in previous if 0 <= e.start - diplomat.end() <= 45 and e.code != own.code
                 and e.kind in PLACE_KINDS and governed_by(lexicon, earlier, e.start, goal_words, 1)), None)
    return (Role(host.text, host.code, f"diplomat's host country in sentence {sent_idx - 1}") if host else None,
            target)


def extract_sentence(lexicon: EventLexicon, context: DocumentContext, sent_idx: int,
                     sentence: str, trigger_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Every mention that the triggers of one sentence yield (at most one per type and trigger position).

    trigger_ids, when given, are the only triggers that may match (in lexicon order): the others are not tried.
    """
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    triggers = lexicon.triggers if trigger_ids is None else [lexicon.triggers[n] for n in trigger_ids]
    for trig in triggers:
        for match in trig.compiled.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            if first_name_of_person(sentence, match, context.entities(sent_idx)):
                continue
            mentions = mentions_from_trigger(lexicon, context, sent_idx, sentence, trig, match)
            # "beloofde ... een pakket van $500 miljoen": the noun restates the verb's pledge
            priced = {m["amount"] for m in found if m["event_type"] == "pledge"}
            mentions = [m for m in mentions if not restates_pledge(m, priced)]
            if mentions:
                taken.append((match.start(), match.end()))
                found.extend(mentions)
    return found


def extract_mentions(documents: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Raw mentions (before dates and de-duplication) for every candidate sentence of the documents."""
    candidates = select_candidates(sentences, documents)
    if candidates.is_empty():
        return pl.DataFrame(schema=RAW_MENTION_SCHEMA)
    wanted = sentences.join(candidates.select("doc_id").unique(), on="doc_id", how="semi")
    sentences_by_doc: dict[str, dict[int, str]] = {}
    # whole columns as lists, not rows one by one: iter_rows costs a call per row
    columns = [wanted[name].to_list() for name in ("doc_id", "sent_idx", "sentence")]
    for doc_id, sent_idx, sentence in zip(*columns, strict=True):
        sentences_by_doc.setdefault(doc_id, {})[sent_idx] = sentence
    triggers_by_doc: dict[str, dict[int, Sequence[int]]] = {}
    for doc_id, sent_idx, trigger_ids in zip(*[candidates[name].to_list()
                                               for name in ("doc_id", "sent_idx", "trigger_ids")], strict=True):
        triggers_by_doc.setdefault(doc_id, {})[sent_idx] = trigger_ids
    contexts: dict[str, DocumentContext] = {}
    rows: list[dict[str, Any]] = []
    for row in candidates.iter_rows(named=True):
        lexicon = event_lexicon(row["lang"])
        assert lexicon is not None
        doc_id = row["doc_id"]
        if doc_id not in contexts:
            contexts[doc_id] = DocumentContext(row["lang"], sentences_by_doc[doc_id],
                                               trigger_ids=triggers_by_doc[doc_id])
        context = contexts[doc_id]
        for mention in extract_sentence(lexicon, context, row["sent_idx"], row["sentence"], row["trigger_ids"]):
            mention.update(
                doc_id=row["doc_id"], evidence=row["sentence"], char_start=row["sent_start"],
                char_end=row["sent_end"], sentence_idx=row["sent_idx"],
            )
            rows.append(mention)
    return pl.DataFrame(rows, schema=RAW_MENTION_SCHEMA)
