-- the evidence is exactly the document text at the mention's offsets
select e.mention_id
from event_mentions as e
join documents as d using (doc_id)
where substring(d.text, e.char_start + 1, e.char_end - e.char_start) <> e.evidence
   or e.char_end > d.n_chars
