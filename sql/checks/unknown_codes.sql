-- actors and targets are ISO 3166-1 alpha-3 codes or one of the organisations; currencies are ISO 4217 codes
select mention_id, actor_country, target_country, currency
from event_mentions
where not coalesce(regexp_full_match(actor_country, '[A-Z]{3}')
                   or actor_country in ('EU', 'NATO', 'UN', 'IMF', 'WB', 'EBRD', 'EIB', 'G7', 'OSCE'), true)
   or not coalesce(regexp_full_match(target_country, '[A-Z]{3}')
                   or target_country in ('EU', 'NATO', 'UN', 'IMF', 'WB', 'EBRD', 'EIB', 'G7', 'OSCE'), true)
   or not coalesce(regexp_full_match(currency, '[A-Z]{3}'), true)
