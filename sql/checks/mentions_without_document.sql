-- every mention belongs to a document
select e.mention_id
from event_mentions as e
anti join documents as d using (doc_id)
