-- every recorded source file points at a stored document
select s.source_path
from document_sources as s
anti join documents as d using (doc_id)
