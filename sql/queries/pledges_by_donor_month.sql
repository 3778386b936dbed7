-- Pledged amounts in USD (ECB rate of the pledge's day) by donor and month; each pledge counted once.
with pledges as (
    select actor_country, cast(date_trunc('month', event_date) as date) as month, amount_usd
    from events
    where event_type = 'pledge'
),

final as (
    select
        actor_country as donor,
        month,
        count(*) as pledges,
        round(sum(amount_usd)) as pledged_usd
    from pledges
    group by donor, month
)

select * from final
order by month nulls last, pledged_usd desc nulls last, donor
