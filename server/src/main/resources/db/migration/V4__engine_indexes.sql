-- Reglament's rules engine: indexes shaped after its queries on large accounts.

-- A manager's completed tasks, newest first, for "the same result as his previous task": H2 walks
-- an index only in its declared order, so the order is spelled out (MySQL and MariaDB walk either
-- way). task_id is listed because ties of completed_at are broken by it.
DROP INDEX ix_tasks_previous_result ON tasks;
CREATE INDEX ix_tasks_previous_result
    ON tasks (account_id, responsible_user_id, completed_at DESC, task_id DESC);
