DROP INDEX `realisation_benefit_idx`;--> statement-breakpoint
CREATE INDEX `realisation_benefit_period_idx` ON `realisation` (`benefit_id`,`period`);--> statement-breakpoint
CREATE INDEX `realisation_benefit_idx` ON `realisation` (`benefit_id`,`supersedes_id`);