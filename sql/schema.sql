-- newsline warehouse schema. Applied by every flow run; every statement is idempotent.

create table if not exists runs (
    run_id              varchar primary key,
    flow_run_id         varchar,
    seeds_path          varchar not null,
    started_at          timestamp not null,
    finished_at         timestamp,
    status              varchar not null check (status in ('running', 'completed', 'failed', 'interrupted')),
    files_seen          integer,
    documents_new       integer,
    documents_reextracted integer,
    documents_unchanged integer,
    rejected            integer,
    mentions_written    integer,
    extractor_version   varchar not null,
    library_versions    varchar,
    error               varchar
);

create table if not exists documents (
    doc_id              varchar primary key,           -- sha256 of the normalised text
    source_name         varchar not null,              -- file stem of the first file holding this text
    source_path         varchar not null,
    headline            varchar not null,
    pub_date            date,                          -- from the header: first of the month when only the month is given
    pub_precision       varchar not null check (pub_precision in ('day', 'month', 'none')),
    ref_date            date,                          -- best guess of the publication day (header + text)
    ref_min             date,
    ref_max             date,
    ref_basis           varchar,
    lang                varchar not null,
    lang_confidence     double not null check (lang_confidence between 0 and 1),
    text                varchar not null,
    n_chars             bigint not null check (n_chars >= 0),
    warnings            varchar[] not null,
    ingested_at         timestamp not null,
    extractor_version   varchar not null,
    extracted_at        timestamp not null,
    run_id              varchar not null,
    check (ref_min is null or ref_min <= ref_date and ref_date <= ref_max)
);

create table if not exists document_sources (
    source_path         varchar primary key,
    doc_id              varchar not null,
    source_name         varchar not null,
    size_bytes          bigint,
    run_id              varchar not null,
    modified_ns         bigint                         -- the file's mtime when read: a rerun skips unchanged files
);

-- warehouses made before modified_ns existed
alter table document_sources add column if not exists modified_ns bigint;

create table if not exists rejected_documents (
    source_path         varchar primary key,
    source_name         varchar not null,
    reason              varchar not null check (reason in (
                            'empty', 'binary', 'not_utf8', 'not_text', 'too_large', 'unreadable', 'outside_seeds')),
    detail              varchar,
    size_bytes          bigint,
    bytes_sha256        varchar,
    run_id              varchar not null,
    rejected_at         timestamp not null
);

create table if not exists event_mentions (
    mention_id          varchar primary key,           -- sha256 of doc_id, type, actor, target and evidence span
    doc_id              varchar not null,
    event_type          varchar not null check (event_type in ('visit', 'demarche', 'pledge')),
    actor_name          varchar,                       -- the words that named the actor
    actor_country       varchar,                       -- ISO 3166-1 alpha-3 or EU, NATO, UN, IMF, WB, EBRD, EIB, G7, OSCE
    actor_basis         varchar,                       -- how the actor was found (sentence role, carried from context...)
    target_name         varchar,
    target_country      varchar,
    target_basis        varchar,
    location            varchar,
    event_date          date,
    date_min            date,
    date_max            date,
    date_precision      varchar not null check (date_precision in ('day', 'days', 'week', 'month', 'year', 'unknown')),
    date_basis          varchar not null,
    amount              double check (amount is null or amount > 0),
    currency            varchar check (currency is null or length(currency) = 3),
    amount_qualifier    varchar,
    amount_usd          double check (amount_usd is null or amount_usd > 0),
    usd_rate_date       date,
    trigger             varchar not null,
    rule                varchar not null,
    evidence            varchar not null,              -- equals substring(documents.text, char_start + 1, char_end - char_start)
    char_start          bigint not null check (char_start >= 0),
    char_end            bigint not null,
    sentence_idx        integer not null,
    confidence          double not null check (confidence > 0 and confidence <= 1),
    extractor_version   varchar not null,
    check (char_start < char_end),
    check (date_min is null or (date_min <= event_date and event_date <= date_max))
);

-- The canonical events: mentions of one type, actor and target across documents whose date intervals overlap
-- (pledges: amounts within 2% in one currency). Rebuilt by flows/events.py after every run that loads documents
-- (the keys the run touched, or every key after a killed or failed run).
create table if not exists events (
    event_id            varchar primary key,           -- sha256 of type, actor, target and the smallest mention_id
    event_type          varchar not null check (event_type in ('visit', 'demarche', 'pledge')),
    actor_country       varchar,
    target_country      varchar,
    location            varchar,
    event_date          date,                          -- from the mention with the tightest date interval
    date_min            date,
    date_max            date,
    date_precision      varchar not null check (date_precision in ('day', 'days', 'week', 'month', 'year', 'unknown')),
    date_basis          varchar not null,
    amount              double check (amount is null or amount > 0),
    currency            varchar check (currency is null or length(currency) = 3),
    amount_usd          double check (amount_usd is null or amount_usd > 0),
    num_mentions        integer not null check (num_mentions >= 1),
    num_documents       integer not null check (num_documents >= 1 and num_documents <= num_mentions),
    first_ingested_at   timestamp not null,
    first_reported      date,                          -- earliest publication day of the documents reporting it
    confidence          double not null check (confidence > 0 and confidence <= 0.99),  -- 1 - prod(1 - c) over documents
    best_mention_id     varchar not null,              -- the most confident mention: its evidence below
    source_name         varchar not null,
    evidence            varchar not null,
    check (date_min is null or (date_min <= event_date and event_date <= date_max))
);

create table if not exists event_links (
    mention_id          varchar primary key,           -- each mention belongs to exactly one event
    event_id            varchar not null
);

create or replace view timeline as
select
    e.event_date,
    e.event_type,
    e.actor_country,
    e.target_country,
    e.amount,
    e.currency,
    e.amount_usd,
    e.date_min,
    e.date_max,
    e.confidence,
    d.source_name,
    e.evidence,
    e.mention_id
from event_mentions as e
join documents as d using (doc_id);
