CREATE TABLE `audit_verification` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`checked_at` integer NOT NULL,
	`checked_by_id` integer,
	`ok` integer NOT NULL,
	`checked` integer NOT NULL,
	`last_id` integer,
	`broken_id` integer,
	`reason` text,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`checked_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `audit_actor_idx`;--> statement-breakpoint
CREATE INDEX `audit_actor_at_idx` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entity_at_idx` ON `audit_log` (`entity`,`at`);--> statement-breakpoint
CREATE INDEX `audit_action_at_idx` ON `audit_log` (`action`,`at`);