CREATE TABLE `effect_goal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mission_id` integer NOT NULL,
	`number` integer NOT NULL,
	`level` text NOT NULL,
	`title` text NOT NULL,
	`indicator` text NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`mission_id`) REFERENCES `mission`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `effect_goal_mission_idx` ON `effect_goal` (`mission_id`);--> statement-breakpoint
CREATE TABLE `measure` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`owner_id` integer,
	`start_date` text,
	`end_date` text,
	`status` text DEFAULT 'proposed' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `measure_project_idx` ON `measure` (`project_id`);--> statement-breakpoint
CREATE INDEX `measure_owner_idx` ON `measure` (`owner_id`);--> statement-breakpoint
CREATE TABLE `measure_unit` (
	`measure_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`measure_id`, `unit_id`),
	FOREIGN KEY (`measure_id`) REFERENCES `measure`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `measure_unit_unit_idx` ON `measure_unit` (`unit_id`);--> statement-breakpoint
CREATE TABLE `mission` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grand_challenge` text NOT NULL,
	`statement` text NOT NULL,
	`baseline_year` integer NOT NULL,
	`target_year` integer NOT NULL,
	`hourly_rate_kroner` integer,
	`behind_plan_margin_percent` integer DEFAULT 20 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mission_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`owner_id` integer,
	`start_date` text,
	`end_date` text,
	`status` text DEFAULT 'proposed' NOT NULL,
	`levels` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`mission_id`) REFERENCES `mission`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_mission_idx` ON `project` (`mission_id`);--> statement-breakpoint
CREATE INDEX `project_owner_idx` ON `project` (`owner_id`);--> statement-breakpoint
CREATE TABLE `project_score` (
	`project_id` integer NOT NULL,
	`lens` text NOT NULL,
	`score` integer NOT NULL,
	`justification` text NOT NULL,
	`scored_by` integer,
	`scored_at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `lens`),
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scored_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_score_range" CHECK("project_score"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE `project_track` (
	`project_id` integer NOT NULL,
	`track_id` integer NOT NULL,
	PRIMARY KEY(`project_id`, `track_id`),
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`track_id`) REFERENCES `track`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_track_track_idx` ON `project_track` (`track_id`);--> statement-breakpoint
CREATE TABLE `risk` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer,
	`measure_id` integer,
	`title` text NOT NULL,
	`description` text,
	`likelihood` integer NOT NULL,
	`consequence` integer NOT NULL,
	`area` text NOT NULL,
	`mitigation` text,
	`owner_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`measure_id`) REFERENCES `measure`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "risk_one_subject" CHECK(("risk"."project_id" is null) <> ("risk"."measure_id" is null)),
	CONSTRAINT "risk_likelihood_range" CHECK("risk"."likelihood" between 1 and 5),
	CONSTRAINT "risk_consequence_range" CHECK("risk"."consequence" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX `risk_project_idx` ON `risk` (`project_id`);--> statement-breakpoint
CREATE INDEX `risk_measure_idx` ON `risk` (`measure_id`);--> statement-breakpoint
CREATE TABLE `status_change` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`actor_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_change_subject_idx` ON `status_change` (`subject`,`subject_id`);--> statement-breakpoint
CREATE TABLE `status_report` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`period` text NOT NULL,
	`rag` text NOT NULL,
	`narrative` text NOT NULL,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `status_report_subject_period` ON `status_report` (`subject`,`subject_id`,`period`);--> statement-breakpoint
CREATE TABLE `track` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mission_id` integer NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`problem_statement` text NOT NULL,
	`barriers` text,
	`expected_effect_user` text,
	`expected_effect_service` text,
	`expected_effect_system` text,
	`owner_id` integer,
	`status` text DEFAULT 'proposed' NOT NULL,
	`prioritised` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`mission_id`) REFERENCES `mission`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `track_mission_code_unique` ON `track` (`mission_id`,`code`);