-- The events with the most mentions: what the press repeated most, with the documents that report it.
with events as (
    select * from events
),

reports as (
    select
        l.event_id,
        string_agg(distinct d.source_name, ', ' order by d.source_name) as sources
    from event_links as l
    join event_mentions as m using (mention_id)
    join documents as d using (doc_id)
    group by l.event_id
),

final as (
    select
        e.num_mentions as mentions,
        e.num_documents as documents,
        e.confidence,
        e.event_date,
        e.event_type,
        e.actor_country,
        e.target_country,
        round(e.amount_usd) as amount_usd,
        r.sources
    from events as e
    join reports as r using (event_id)
)

select * from final
order by mentions desc, documents desc, event_date, event_type, actor_country
limit 20
