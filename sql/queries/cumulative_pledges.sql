-- Running total of pledged USD per donor over time; each pledge counted once, pledges without a date left out.
with pledges as (
    select actor_country as donor, event_date, coalesce(amount_usd, 0) as amount_usd
    from events
    where event_type = 'pledge' and event_date is not null
),

daily as (
    select donor, event_date, count(*) as pledges, sum(amount_usd) as pledged_usd
    from pledges
    group by donor, event_date
),

final as (
    select
        donor,
        event_date,
        pledges,
        round(pledged_usd) as pledged_usd,
        round(sum(pledged_usd) over (partition by donor order by event_date)) as cumulative_usd
    from daily
)

select * from final
order by donor, event_date
