CREATE TABLE `benefit_figure` (
	`benefit_id` integer PRIMARY KEY NOT NULL,
	`estimate` integer,
	`status_period` text,
	`status_planned` integer,
	`status_realised` integer
);
--> statement-breakpoint
CREATE TABLE `gain_series` (
	`scope` text NOT NULL,
	`scope_id` integer NOT NULL,
	`level` text NOT NULL,
	`unit` text NOT NULL,
	`period` text NOT NULL,
	`planned` integer DEFAULT 0 NOT NULL,
	`realised` integer DEFAULT 0 NOT NULL,
	`path_starts` integer DEFAULT 0 NOT NULL,
	`path_ends` integer DEFAULT 0 NOT NULL,
	`point_starts` integer DEFAULT 0 NOT NULL,
	`point_ends` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`scope`, `scope_id`, `level`, `unit`, `period`)
);
--> statement-breakpoint
CREATE TABLE `gain_total` (
	`scope` text NOT NULL,
	`scope_id` integer NOT NULL,
	`level` text NOT NULL,
	`unit` text NOT NULL,
	`benefits` integer DEFAULT 0 NOT NULL,
	`estimate` integer DEFAULT 0 NOT NULL,
	`planned` integer DEFAULT 0 NOT NULL,
	`realised` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`scope`, `scope_id`, `level`, `unit`)
);
--> statement-breakpoint
CREATE TABLE `wheel_task_month` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`wheel_id` integer NOT NULL,
	`month` integer NOT NULL,
	`due_day` integer,
	`from_period` text NOT NULL,
	`until_period` text,
	`active_from` text NOT NULL,
	`archived_day` text,
	FOREIGN KEY (`task_id`) REFERENCES `wheel_task`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`wheel_id`) REFERENCES `wheel`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "wheel_task_month_month" CHECK("wheel_task_month"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wheel_task_month_unique` ON `wheel_task_month` (`task_id`,`from_period`,`month`);--> statement-breakpoint
CREATE INDEX `wheel_task_month_wheel_idx` ON `wheel_task_month` (`wheel_id`,`month`);--> statement-breakpoint
DROP INDEX `wheel_signature_active_unique`;--> statement-breakpoint
DROP INDEX `wheel_signature_unit_period_idx`;--> statement-breakpoint
CREATE INDEX `wheel_signature_reopened_idx` ON `wheel_signature` (`unit_id`,`period`) WHERE "wheel_signature"."reopened_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `wheel_signature_active_unique` ON `wheel_signature` (`task_id`,`period`,`unit_id`) WHERE "wheel_signature"."reopened_at" is null;--> statement-breakpoint
CREATE INDEX `wheel_signature_unit_period_idx` ON `wheel_signature` (`unit_id`,`period`,`task_id`,`late`,`reopened_at`);--> statement-breakpoint
CREATE INDEX `status_change_subject_status_idx` ON `status_change` (`subject`,`subject_id`,`to_status`);