CREATE TABLE `report` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`meeting_date` text,
	`scope` text,
	`media_type` text NOT NULL,
	`file_name` text NOT NULL,
	`content` blob NOT NULL,
	`byte_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`approved_by_id` integer,
	`approved_at` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`approved_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "report_approval_check" CHECK(("report"."status" = 'draft' and "report"."approved_by_id" is null and "report"."approved_at" is null) or ("report"."status" = 'approved' and "report"."approved_at" is not null)),
	CONSTRAINT "report_size_check" CHECK("report"."byte_size" = length("report"."content"))
);
--> statement-breakpoint
CREATE INDEX `report_kind_created_idx` ON `report` (`kind`,`created_at`);