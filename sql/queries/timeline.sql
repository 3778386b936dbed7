-- Every event in date order, with its evidence.
with mentions as (
    select * from event_mentions
),

documents as (
    select doc_id, source_name from documents
),

final as (
    select
        m.event_date,
        m.event_type,
        m.actor_country,
        m.target_country,
        m.amount,
        m.currency,
        round(m.amount_usd) as amount_usd,
        m.confidence,
        d.source_name,
        m.evidence
    from mentions as m
    join documents as d using (doc_id)
)

select * from final
order by event_date nulls last, event_type, actor_country
