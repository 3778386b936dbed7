select mention_id, count(*) as copies
from event_mentions
group by mention_id
having count(*) > 1
