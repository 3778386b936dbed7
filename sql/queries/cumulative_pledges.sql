-- Running total of pledged USD per donor over time.
with pledges as (
    select actor_country as donor, event_date, coalesce(amount_usd, 0) as amount_usd
    from event_mentions
    where event_type = 'pledge' and event_date is not null
),

final as (
    select
        donor,
        event_date,
        round(amount_usd) as pledged_usd,
        round(sum(amount_usd) over (partition by donor order by event_date
                                    rows between unbounded preceding and current row)) as cumulative_usd
    from pledges
)

select * from final
order by donor, event_date
