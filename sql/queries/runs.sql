-- The flow runs, newest first, with their counts and status.
with final as (
    select
        run_id,
        status,
        started_at,
        finished_at,
        date_diff('second', started_at, finished_at) as seconds,
        files_seen,
        documents_new,
        documents_reextracted,
        documents_unchanged,
        rejected,
        mentions_written,
        extractor_version
    from runs
)

select * from final
order by started_at desc
