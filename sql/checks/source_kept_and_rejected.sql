-- a file is either a document's source or rejected, never both
select s.source_path, r.reason
from document_sources as s
join rejected_documents as r using (source_path)
