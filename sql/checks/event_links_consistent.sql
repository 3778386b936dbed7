-- every event link points at a stored mention and event, and every event has one link per mention
select l.mention_id as offending_id
from event_links as l
anti join event_mentions as m using (mention_id)
union all
select l.mention_id
from event_links as l
anti join events as e using (event_id)
union all
select e.event_id
from events as e
left join (select event_id, count(*) as links from event_links group by event_id) as l using (event_id)
where coalesce(l.links, 0) <> e.num_mentions
