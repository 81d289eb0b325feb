-- The per-task deadline watch ended by a message correlated on its variable taskId, which needed a hash index over
-- the text of every variable of the engine (V2). Deadlines now run on each task's own timers (calendar package,
-- docs/working-days.md) and nothing looks variables up by text: the index only cost a write on every variable.
DROP INDEX IF EXISTS gdnn_idx_ru_var_text;
