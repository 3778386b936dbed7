-- Demarches (summons, protest notes) by protesting and receiving country; each demarche counted once.
with demarches as (
    select actor_country, target_country, event_date, num_mentions
    from events
    where event_type = 'demarche'
),

final as (
    select
        actor_country as protesting,
        target_country as receiving,
        count(*) as demarches,
        sum(num_mentions) as mentions,
        min(event_date) as first,
        max(event_date) as latest
    from demarches
    group by protesting, receiving
)

select * from final
order by demarches desc, latest desc nulls last, protesting, receiving
