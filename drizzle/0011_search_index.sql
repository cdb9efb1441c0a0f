-- Custom SQL migration file, put your code below! --
-- The search box's index (src/routes/(app)/sok): the titles of tracks, projects, measures,
-- benefits and wheel tasks in one SQLite FTS5 table (https://sqlite.org/fts5.html). Virtual
-- tables and triggers cannot be said in the drizzle schema, hence this custom migration.
--
-- Which row an entry is: rowid = kind × 2^40 + id, kind 1 track, 2 project, 3 measure,
-- 4 benefit, 5 wheel task (src/lib/server/db/queries/search.ts reads it the same way), so a
-- title is replaced or removed by its rowid without a scan. The kind is also a word in its own
-- column (`track`, `project`, `measure`, `benefit`, `wheeltask`): a search within one kind is
-- `{kind}: measure AND {title}: (…)`, which FTS5 answers from the two word lists, so ranking
-- and counting read only that kind's matches (measured at national scale: «tiltak*» has
-- 20 000 measure matches; with a rowid range instead, ranking the 3 wheel-task matches
-- still read all 20 000).
--
-- Tokenizer: unicode61 folds case for all of Unicode (Å → å), and with remove_diacritics 0
-- leaves letters as they are. In Norwegian æ, ø and å are letters of their own, not a and o
-- with a mark; the default (remove_diacritics 1) would fold å to a but keep ø and æ (they have
-- no decomposition), so «år» would find «ar» while «ø» stayed apart. prefix='2 3' keeps extra
-- index entries for two- and three-letter prefixes, so a search for «år*» or «ros*» as
-- someone types reads one word list rather than every word that starts so. (A single letter
-- is searched as a whole word: src/lib/domain/search/query.ts.)
CREATE VIRTUAL TABLE `search_entry` USING fts5(
	`kind`,
	`title`,
	tokenize = 'unicode61 remove_diacritics 0',
	prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
SELECT 1 * 1099511627776 + `id`, 'track', `code` || ' ' || `title` FROM `track`;
--> statement-breakpoint
INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
SELECT 2 * 1099511627776 + `id`, 'project', `title` FROM `project`;
--> statement-breakpoint
INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
SELECT 3 * 1099511627776 + `id`, 'measure', `title` FROM `measure`;
--> statement-breakpoint
INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
SELECT 4 * 1099511627776 + `id`, 'benefit', `title` FROM `benefit`;
--> statement-breakpoint
INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
SELECT 5 * 1099511627776 + `id`, 'wheeltask', `title` FROM `wheel_task`;
--> statement-breakpoint
-- Kept in step by triggers, whatever code writes the rows. A later migration that rebuilds one
-- of these tables (drizzle-kit does for some column changes) drops its triggers with it and
-- must create them again; tests/integration/search.spec.ts fails until it does.
-- A track is found by its code too («1A»).
CREATE TRIGGER `track_search_insert` AFTER INSERT ON `track` BEGIN
	INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
	VALUES (1 * 1099511627776 + NEW.`id`, 'track', NEW.`code` || ' ' || NEW.`title`);
END;
--> statement-breakpoint
CREATE TRIGGER `track_search_update` AFTER UPDATE OF `code`, `title` ON `track` BEGIN
	UPDATE `search_entry` SET `title` = NEW.`code` || ' ' || NEW.`title`
	WHERE `rowid` = 1 * 1099511627776 + NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `track_search_delete` AFTER DELETE ON `track` BEGIN
	DELETE FROM `search_entry` WHERE `rowid` = 1 * 1099511627776 + OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `project_search_insert` AFTER INSERT ON `project` BEGIN
	INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
	VALUES (2 * 1099511627776 + NEW.`id`, 'project', NEW.`title`);
END;
--> statement-breakpoint
CREATE TRIGGER `project_search_update` AFTER UPDATE OF `title` ON `project` BEGIN
	UPDATE `search_entry` SET `title` = NEW.`title` WHERE `rowid` = 2 * 1099511627776 + NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `project_search_delete` AFTER DELETE ON `project` BEGIN
	DELETE FROM `search_entry` WHERE `rowid` = 2 * 1099511627776 + OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `measure_search_insert` AFTER INSERT ON `measure` BEGIN
	INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
	VALUES (3 * 1099511627776 + NEW.`id`, 'measure', NEW.`title`);
END;
--> statement-breakpoint
CREATE TRIGGER `measure_search_update` AFTER UPDATE OF `title` ON `measure` BEGIN
	UPDATE `search_entry` SET `title` = NEW.`title` WHERE `rowid` = 3 * 1099511627776 + NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `measure_search_delete` AFTER DELETE ON `measure` BEGIN
	DELETE FROM `search_entry` WHERE `rowid` = 3 * 1099511627776 + OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `benefit_search_insert` AFTER INSERT ON `benefit` BEGIN
	INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
	VALUES (4 * 1099511627776 + NEW.`id`, 'benefit', NEW.`title`);
END;
--> statement-breakpoint
CREATE TRIGGER `benefit_search_update` AFTER UPDATE OF `title` ON `benefit` BEGIN
	UPDATE `search_entry` SET `title` = NEW.`title` WHERE `rowid` = 4 * 1099511627776 + NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `benefit_search_delete` AFTER DELETE ON `benefit` BEGIN
	DELETE FROM `search_entry` WHERE `rowid` = 4 * 1099511627776 + OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `wheel_task_search_insert` AFTER INSERT ON `wheel_task` BEGIN
	INSERT INTO `search_entry` (`rowid`, `kind`, `title`)
	VALUES (5 * 1099511627776 + NEW.`id`, 'wheeltask', NEW.`title`);
END;
--> statement-breakpoint
CREATE TRIGGER `wheel_task_search_update` AFTER UPDATE OF `title` ON `wheel_task` BEGIN
	UPDATE `search_entry` SET `title` = NEW.`title` WHERE `rowid` = 5 * 1099511627776 + NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `wheel_task_search_delete` AFTER DELETE ON `wheel_task` BEGIN
	DELETE FROM `search_entry` WHERE `rowid` = 5 * 1099511627776 + OLD.`id`;
END;
