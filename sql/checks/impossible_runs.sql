-- a closed run has an end after its start; only the run now holding the warehouse may be 'running'
select run_id, status, started_at, finished_at
from runs
where (status <> 'running' and (finished_at is null or finished_at < started_at))
   or (status = 'running' and started_at < (select max(started_at) from runs))
