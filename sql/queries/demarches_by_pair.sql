-- Demarches (summons, protest notes) by protesting and receiving country.
with demarches as (
    select actor_country, target_country, event_date
    from event_mentions
    where event_type = 'demarche'
),

final as (
    select
        actor_country as protesting,
        target_country as receiving,
        count(*) as demarches,
        max(event_date) as latest
    from demarches
    group by protesting, receiving
)

select * from final
order by demarches desc, latest desc
