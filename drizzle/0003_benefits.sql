CREATE TABLE `behind_plan_follow_up` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`benefit_id` integer NOT NULL,
	`period` text NOT NULL,
	`cause` text NOT NULL,
	`corrective_measure` text NOT NULL,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `behind_plan_follow_up_benefit_idx` ON `behind_plan_follow_up` (`benefit_id`);--> statement-breakpoint
CREATE TABLE `benefit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`level` text NOT NULL,
	`kind` text NOT NULL,
	`unit` text,
	`beneficiary` text NOT NULL,
	`beneficiary_other` text DEFAULT '' NOT NULL,
	`quality_dimensions` text DEFAULT '[]' NOT NULL,
	`owner_id` integer,
	`indicator` text DEFAULT '' NOT NULL,
	`measurement` text DEFAULT '' NOT NULL,
	`takeout` text NOT NULL,
	`baseline_value` integer,
	`baseline_date` text,
	`baseline_method` text,
	`target_value` integer,
	`target_date` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `benefit_project_idx` ON `benefit` (`project_id`);--> statement-breakpoint
CREATE INDEX `benefit_owner_idx` ON `benefit` (`owner_id`);--> statement-breakpoint
CREATE TABLE `benefit_change` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `benefit_change_project_idx` ON `benefit_change` (`project_id`);--> statement-breakpoint
CREATE TABLE `benefit_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`from_kind` text NOT NULL,
	`from_id` integer NOT NULL,
	`to_kind` text NOT NULL,
	`to_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `benefit_link_unique` ON `benefit_link` (`from_kind`,`from_id`,`to_kind`,`to_id`);--> statement-breakpoint
CREATE INDEX `benefit_link_project_idx` ON `benefit_link` (`project_id`);--> statement-breakpoint
CREATE TABLE `estimate_line` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`benefit_id` integer NOT NULL,
	`description` text NOT NULL,
	`amount_per_case` integer NOT NULL,
	`cases` integer NOT NULL,
	`share_hundredths` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefit`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "estimate_line_share_range" CHECK("estimate_line"."share_hundredths" between 0 and 10000)
);
--> statement-breakpoint
CREATE INDEX `estimate_line_benefit_idx` ON `estimate_line` (`benefit_id`);--> statement-breakpoint
CREATE TABLE `planned_period` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`benefit_id` integer NOT NULL,
	`period` text NOT NULL,
	`value` integer NOT NULL,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `planned_period_unique` ON `planned_period` (`benefit_id`,`period`);--> statement-breakpoint
CREATE TABLE `realisation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`benefit_id` integer NOT NULL,
	`period` text NOT NULL,
	`value` integer,
	`assessment` text,
	`narrative` text DEFAULT '' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`supersedes_id` integer,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `realisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `realisation_benefit_idx` ON `realisation` (`benefit_id`);