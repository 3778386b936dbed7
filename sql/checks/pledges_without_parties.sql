select mention_id
from event_mentions
where event_type = 'pledge'
  and (actor_country is null or target_country is null or (amount is not null and currency is null))
