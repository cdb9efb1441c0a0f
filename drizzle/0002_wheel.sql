CREATE TABLE `calendar_feed_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_token_user_id_unique` ON `calendar_feed_token` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_token_token_hash_unique` ON `calendar_feed_token` (`token_hash`);--> statement-breakpoint
CREATE TABLE `wheel` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`owner_unit_id` integer NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`owner_unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wheel_owner_unit_idx` ON `wheel` (`owner_unit_id`);--> statement-breakpoint
CREATE TABLE `wheel_assignment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wheel_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`include_child_units` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`wheel_id`) REFERENCES `wheel`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wheel_assignment_unique` ON `wheel_assignment` (`wheel_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `wheel_assignment_unit_idx` ON `wheel_assignment` (`unit_id`);--> statement-breakpoint
CREATE TABLE `wheel_reopening` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signature_id` integer NOT NULL,
	`reopened_by_id` integer NOT NULL,
	`reopened_at` integer NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `wheel_signature`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reopened_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wheel_reopening_signature_id_unique` ON `wheel_reopening` (`signature_id`);--> statement-breakpoint
CREATE TABLE `wheel_signature` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`due_date` text NOT NULL,
	`task_title` text NOT NULL,
	`responsible_role` text NOT NULL,
	`signed_by_id` integer NOT NULL,
	`signed_at` integer NOT NULL,
	`late` integer NOT NULL,
	`comment` text,
	`stored_in` text NOT NULL,
	`link` text,
	`reopened_at` integer,
	FOREIGN KEY (`task_id`) REFERENCES `wheel_task`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wheel_signature_active_unique` ON `wheel_signature` (`task_id`,`unit_id`,`period`) WHERE "wheel_signature"."reopened_at" is null;--> statement-breakpoint
CREATE INDEX `wheel_signature_unit_period_idx` ON `wheel_signature` (`unit_id`,`period`);--> statement-breakpoint
CREATE TABLE `wheel_task` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wheel_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`responsible_role` text NOT NULL,
	`stored_in` text NOT NULL,
	`reference` text,
	`schedule_kind` text NOT NULL,
	`months` text NOT NULL,
	`due_day` integer,
	`active_from` text NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`wheel_id`) REFERENCES `wheel`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "wheel_task_due_day" CHECK("wheel_task"."due_day" is null or ("wheel_task"."due_day" between 1 and 31))
);
--> statement-breakpoint
CREATE INDEX `wheel_task_wheel_idx` ON `wheel_task` (`wheel_id`);