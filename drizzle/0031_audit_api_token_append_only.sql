-- Custom SQL migration file, put your code below! --
-- The audit log's update trigger (0006_audit_append_only.sql) lets one update through: sealing
-- a row written before the hash chain existed, every other column unchanged. It names every
-- column, so it grows with the table: the API token a write came with (0030) may not change
-- either. SQLite cannot alter a trigger, only drop and create it
-- (https://sqlite.org/lang_createtrigger.html).
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
	OLD.`hash` IS NULL AND OLD.`prev_hash` IS NULL
	AND NEW.`hash` IS NOT NULL AND NEW.`prev_hash` IS NOT NULL
	AND NEW.`id` IS OLD.`id` AND NEW.`at` IS OLD.`at` AND NEW.`actor_id` IS OLD.`actor_id`
	AND NEW.`entity` IS OLD.`entity` AND NEW.`entity_id` IS OLD.`entity_id`
	AND NEW.`action` IS OLD.`action` AND NEW.`before` IS OLD.`before` AND NEW.`after` IS OLD.`after`
	AND NEW.`api_token_id` IS OLD.`api_token_id` AND NEW.`api_token_name` IS OLD.`api_token_name`
)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed');
END;
