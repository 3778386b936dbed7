-- Every event in date order, once however many documents report it, with its best evidence.
with events as (
    select * from events
),

final as (
    select
        event_date,
        event_type,
        actor_country,
        target_country,
        amount,
        currency,
        round(amount_usd) as amount_usd,
        num_mentions as mentions,
        num_documents as documents,
        confidence,
        source_name,
        evidence
    from events
)

select * from final
order by event_date nulls last, event_type, actor_country, target_country
