-- Who visited whom: an edge list with counts (visits, and the mentions reporting them), for a network chart.
with visits as (
    select actor_country, target_country, event_date, num_mentions
    from events
    where event_type = 'visit'
),

final as (
    select
        actor_country as visitor,
        target_country as host,
        count(*) as visits,
        sum(num_mentions) as mentions,
        min(event_date) as first_visit,
        max(event_date) as last_visit
    from visits
    group by visitor, host
)

select * from final
order by visits desc, mentions desc, visitor, host
