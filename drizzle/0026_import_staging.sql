CREATE TABLE `import_mapping` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `import_staging` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`byte_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`row_count` integer NOT NULL,
	`sheets` text NOT NULL,
	`mapping` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`committed_at` integer,
	`receipt` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_staging_user_idx` ON `import_staging` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `import_staging_expires_idx` ON `import_staging` (`expires_at`);