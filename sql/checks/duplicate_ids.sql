-- every id is stored once (the primary keys say so; this also holds for a warehouse rebuilt from Parquet)
with ids as (
    select 'documents' as id_table, doc_id as id from documents
    union all
    select 'document_sources', source_path from document_sources
    union all
    select 'rejected_documents', source_path from rejected_documents
    union all
    select 'events', event_id from events
    union all
    select 'runs', run_id from runs
),

final as (
    select id_table, id, count(*) as copies
    from ids
    group by id_table, id
    having count(*) > 1
)

select * from final
