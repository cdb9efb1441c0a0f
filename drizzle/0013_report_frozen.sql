-- Custom SQL migration file, put your code below! --
-- A frozen report is stored exactly as it was issued (src/lib/server/db/schema/reports.ts): the
-- database refuses any change to what was issued, whatever code or tool sends it. The only
-- update allowed is the approval, once: utkast → godkjent with who and when, the version
-- bumped. An approved report cannot be deleted or replaced (INSERT OR REPLACE removes without a
-- DELETE trigger unless recursive_triggers is on: https://sqlite.org/lang_conflict.html).
-- A later migration that rebuilds `report` must create these again;
-- src/lib/server/db/queries/reports.spec.ts fails until it does.

CREATE TRIGGER `report_no_update` BEFORE UPDATE ON `report`
WHEN NOT (
	OLD.`status` = 'draft' AND NEW.`status` = 'approved'
	AND NEW.`approved_at` IS NOT NULL AND NEW.`version` = OLD.`version` + 1
	AND NEW.`id` IS OLD.`id` AND NEW.`kind` IS OLD.`kind` AND NEW.`title` IS OLD.`title`
	AND NEW.`period_from` IS OLD.`period_from` AND NEW.`period_to` IS OLD.`period_to`
	AND NEW.`meeting_date` IS OLD.`meeting_date` AND NEW.`scope` IS OLD.`scope`
	AND NEW.`media_type` IS OLD.`media_type` AND NEW.`file_name` IS OLD.`file_name`
	AND NEW.`content` IS OLD.`content` AND NEW.`byte_size` IS OLD.`byte_size`
	AND NEW.`sha256` IS OLD.`sha256` AND NEW.`created_by_id` IS OLD.`created_by_id`
	AND NEW.`created_at` IS OLD.`created_at`
)
BEGIN
	SELECT RAISE(ABORT, 'report is frozen: only the approval of a draft can be recorded');
END;
--> statement-breakpoint
CREATE TRIGGER `report_no_delete` BEFORE DELETE ON `report`
WHEN OLD.`status` = 'approved'
BEGIN
	SELECT RAISE(ABORT, 'report: an approved report cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `report_no_replace` BEFORE INSERT ON `report`
WHEN EXISTS (SELECT 1 FROM `report` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'report: a frozen report cannot be replaced');
END;
