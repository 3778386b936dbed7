-- Files that could not become documents, and why.
with final as (
    select reason, source_path, detail, size_bytes, rejected_at
    from rejected_documents
)

select * from final
order by reason, source_path
