-- Custom SQL migration file, put your code below! --
-- INSERT OR REPLACE (and REPLACE INTO) removes the row it clashes with before inserting, and
-- SQLite fires no DELETE trigger for that removal unless recursive_triggers is on
-- (https://sqlite.org/lang_conflict.html, "REPLACE"), which a tool opening the file does not
-- set. The append-only tables of 0006 therefore also refuse an insert that would replace a
-- row: an id that exists, or a second row for a key that must stay unique. The audit log's
-- chained insert trigger already refuses an id that is not new.

CREATE TRIGGER `wheel_signature_no_replace` BEFORE INSERT ON `wheel_signature`
WHEN EXISTS (SELECT 1 FROM `wheel_signature` WHERE `id` = NEW.`id`)
	OR (NEW.`reopened_at` IS NULL AND EXISTS (
		SELECT 1 FROM `wheel_signature`
		WHERE `task_id` = NEW.`task_id` AND `unit_id` = NEW.`unit_id`
			AND `period` = NEW.`period` AND `reopened_at` IS NULL
	))
BEGIN
	SELECT RAISE(ABORT, 'wheel_signature: the occurrence is already signed; a signature cannot be replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `wheel_reopening_no_replace` BEFORE INSERT ON `wheel_reopening`
WHEN EXISTS (
	SELECT 1 FROM `wheel_reopening` WHERE `id` = NEW.`id` OR `signature_id` = NEW.`signature_id`
)
BEGIN
	SELECT RAISE(ABORT, 'wheel_reopening: a reopening cannot be replaced');
END;
--> statement-breakpoint
CREATE TRIGGER `realisation_no_replace` BEFORE INSERT ON `realisation`
WHEN EXISTS (SELECT 1 FROM `realisation` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'realisation: a realisation cannot be replaced; log a correction');
END;
