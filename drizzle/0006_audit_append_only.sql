-- Custom SQL migration file, put your code below! --
-- Records that stay as they were written: the audit log, sign-offs of internal control
-- (kommuneloven § 25-1: internkontrollen skal dokumenterast), their reopenings and logged gain
-- realisations. Arkivlova § 6 asks that records be kept "tryggja som informasjonskjelder for
-- samtid og ettertid"; here the database itself refuses UPDATE and DELETE, whatever code or
-- tool sends them. Triggers cannot be said in the drizzle schema, hence this custom migration.
-- RAISE(ABORT, …) undoes the statement and fails it (https://sqlite.org/lang_createtrigger.html,
-- "The RAISE() function"). Someone with the file can still drop a trigger; the audit log's hash
-- chain (src/lib/server/audit-chain.ts) is what shows that afterwards.
--
-- A later migration that rebuilds one of these tables (drizzle-kit does so for some column
-- changes: new table, copy, drop, rename) drops its triggers with it and must create them
-- again; tests/integration/append-only.spec.ts fails until it does.

-- audit_log: no update, except sealing a row written before the hash chain existed: NULL hash
-- and prev_hash set once, every other column unchanged (queries/audit-chain.ts).
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
	OLD.`hash` IS NULL AND OLD.`prev_hash` IS NULL
	AND NEW.`hash` IS NOT NULL AND NEW.`prev_hash` IS NOT NULL
	AND NEW.`id` IS OLD.`id` AND NEW.`at` IS OLD.`at` AND NEW.`actor_id` IS OLD.`actor_id`
	AND NEW.`entity` IS OLD.`entity` AND NEW.`entity_id` IS OLD.`entity_id`
	AND NEW.`action` IS OLD.`action` AND NEW.`before` IS OLD.`before` AND NEW.`after` IS OLD.`after`
)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;
--> statement-breakpoint
-- A new row carries its hash and follows the last row: the chain cannot fork or start over,
-- even if two writers race. (The hash itself is SHA-256, which SQLite has no function for;
-- the verifier checks it.)
CREATE TRIGGER `audit_log_chained_insert` BEFORE INSERT ON `audit_log`
WHEN NEW.`hash` IS NULL
	OR NEW.`prev_hash` IS NOT coalesce(
		(SELECT `hash` FROM `audit_log` ORDER BY `id` DESC LIMIT 1),
		'0000000000000000000000000000000000000000000000000000000000000000'
	)
	OR NEW.`id` IS NULL
	OR NEW.`id` <= coalesce((SELECT max(`id`) FROM `audit_log`), 0)
BEGIN
	SELECT RAISE(ABORT, 'audit_log: a new row must carry its hash and follow the last row');
END;
--> statement-breakpoint
-- wheel_signature: the signed fields never change. The one update the app makes is the
-- reopening: reopened_at goes from NULL to the time of a wheel_reopening row for this
-- signature, written first in the same transaction (queries/wheel-occurrences.ts). The column
-- stays on the signature because the partial unique index "one active signature per
-- occurrence" (wheel_signature_active_unique) can only look at the row itself. Every other
-- column is compared, so this list must grow with the table.
CREATE TRIGGER `wheel_signature_no_update` BEFORE UPDATE ON `wheel_signature`
WHEN NOT (
	OLD.`reopened_at` IS NULL AND NEW.`reopened_at` IS NOT NULL
	AND EXISTS (
		SELECT 1 FROM `wheel_reopening` r
		WHERE r.`signature_id` = OLD.`id` AND r.`reopened_at` = NEW.`reopened_at`
	)
	AND NEW.`id` IS OLD.`id` AND NEW.`task_id` IS OLD.`task_id` AND NEW.`unit_id` IS OLD.`unit_id`
	AND NEW.`period` IS OLD.`period` AND NEW.`due_date` IS OLD.`due_date`
	AND NEW.`task_title` IS OLD.`task_title` AND NEW.`responsible_role` IS OLD.`responsible_role`
	AND NEW.`signed_by_id` IS OLD.`signed_by_id` AND NEW.`signed_at` IS OLD.`signed_at`
	AND NEW.`late` IS OLD.`late` AND NEW.`comment` IS OLD.`comment`
	AND NEW.`stored_in` IS OLD.`stored_in` AND NEW.`link` IS OLD.`link`
)
BEGIN
	SELECT RAISE(ABORT, 'wheel_signature: a signature cannot be changed, only reopened once');
END;
--> statement-breakpoint
CREATE TRIGGER `wheel_signature_no_delete` BEFORE DELETE ON `wheel_signature`
BEGIN
	SELECT RAISE(ABORT, 'wheel_signature: a signature cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `wheel_reopening_no_update` BEFORE UPDATE ON `wheel_reopening`
BEGIN
	SELECT RAISE(ABORT, 'wheel_reopening: a reopening cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `wheel_reopening_no_delete` BEFORE DELETE ON `wheel_reopening`
BEGIN
	SELECT RAISE(ABORT, 'wheel_reopening: a reopening cannot be deleted');
END;
--> statement-breakpoint
-- realisation: a correction is a new row pointing at the one it supersedes (supersedes_id,
-- set at insert), so nothing is ever updated.
CREATE TRIGGER `realisation_no_update` BEFORE UPDATE ON `realisation`
BEGIN
	SELECT RAISE(ABORT, 'realisation: a realisation cannot be changed; log a correction');
END;
--> statement-breakpoint
CREATE TRIGGER `realisation_no_delete` BEFORE DELETE ON `realisation`
BEGIN
	SELECT RAISE(ABORT, 'realisation: a realisation cannot be deleted');
END;
