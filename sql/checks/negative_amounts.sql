-- money is stated and converted as positive amounts, and a USD value needs a stated amount
select mention_id, amount, amount_usd
from event_mentions
where amount <= 0
   or amount_usd <= 0
   or (amount is null and amount_usd is not null)
