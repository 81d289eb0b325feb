-- Camunda read the distinct group ids of all authorizations in every command; V2's index let PostgreSQL walk them
-- group by group. Authorization checks now use the user's own groups as they are (security.AuthorizationCheckGroups)
-- and nothing reads that list: the index only cost a write on every task's grant.
DROP INDEX IF EXISTS gdnn_idx_auth_group;
