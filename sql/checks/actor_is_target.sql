select mention_id
from event_mentions
where actor_country = target_country
