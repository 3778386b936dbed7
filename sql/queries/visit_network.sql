-- Who visited whom: an edge list with counts, for a network chart.
with visits as (
    select actor_country, target_country, event_date
    from event_mentions
    where event_type = 'visit'
),

final as (
    select
        actor_country as visitor,
        target_country as host,
        count(*) as visits,
        min(event_date) as first_visit,
        max(event_date) as last_visit
    from visits
    group by visitor, host
)

select * from final
order by visits desc, visitor, host
