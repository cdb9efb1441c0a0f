CREATE TABLE `wheel_task_schedule` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`valid_until` text NOT NULL,
	`schedule_kind` text NOT NULL,
	`months` text NOT NULL,
	`due_day` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `wheel_task`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wheel_task_schedule_unique` ON `wheel_task_schedule` (`task_id`,`valid_until`);