-- an interval that does not hold its best day, or an event after the latest possible publication day
select e.mention_id
from event_mentions as e
join documents as d using (doc_id)
where e.date_min > e.event_date
   or e.event_date > e.date_max
   or (d.ref_max is not null and e.date_min > d.ref_max + interval 31 day)
