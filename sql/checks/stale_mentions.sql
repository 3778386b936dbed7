-- a document's mentions come from the extractor version that last read it (re-extraction replaces them all)
select e.mention_id, e.extractor_version as mention_version, d.extractor_version as document_version
from event_mentions as e
join documents as d using (doc_id)
where e.extractor_version <> d.extractor_version
