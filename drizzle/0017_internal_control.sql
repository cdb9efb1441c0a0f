CREATE TABLE `control_assessment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`tertial` integer DEFAULT 0 NOT NULL,
	`unit_id` integer DEFAULT 0 NOT NULL,
	`field` text NOT NULL,
	`body` text NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "control_assessment_tertial" CHECK("control_assessment"."tertial" between 0 and 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `control_assessment_unique` ON `control_assessment` (`year`,`tertial`,`unit_id`,`field`);--> statement-breakpoint
CREATE TABLE `deviation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`source` text NOT NULL,
	`task_id` integer,
	`period` text,
	`finding_id` integer,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`severity` text NOT NULL,
	`immediate_action` text DEFAULT '' NOT NULL,
	`corrective_action` text DEFAULT '' NOT NULL,
	`responsible_id` integer,
	`deadline` text,
	`status` text DEFAULT 'open' NOT NULL,
	`closing_note` text,
	`closed_by_id` integer,
	`closed_at` integer,
	`reported_by_id` integer,
	`found_on` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `wheel_task`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`finding_id`) REFERENCES `tilsyn_finding`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deviation_occurrence" CHECK(("deviation"."task_id" is null) = ("deviation"."period" is null)),
	CONSTRAINT "deviation_closed" CHECK(("deviation"."status" = 'open' and "deviation"."closed_at" is null) or ("deviation"."status" = 'closed' and "deviation"."closed_at" is not null and length(trim(coalesce("deviation"."closing_note", ''))) > 0))
);
--> statement-breakpoint
CREATE INDEX `deviation_unit_status_idx` ON `deviation` (`unit_id`,`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `deviation_status_deadline_idx` ON `deviation` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `deviation_responsible_idx` ON `deviation` (`responsible_id`,`status`);--> statement-breakpoint
CREATE INDEX `deviation_occurrence_idx` ON `deviation` (`task_id`,`period`,`unit_id`);--> statement-breakpoint
CREATE INDEX `deviation_finding_idx` ON `deviation` (`finding_id`);--> statement-breakpoint
CREATE INDEX `deviation_found_idx` ON `deviation` (`found_on`);--> statement-breakpoint
CREATE TABLE `evidence_file` (
	`sha256` text PRIMARY KEY NOT NULL,
	`content` blob NOT NULL,
	`byte_size` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	CONSTRAINT "evidence_file_size" CHECK("evidence_file"."byte_size" = length("evidence_file"."content"))
);
--> statement-breakpoint
CREATE TABLE `notice` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`href` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`digest_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`digest_id`) REFERENCES `notice_digest`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_user_key_unique` ON `notice` (`user_id`,`key`);--> statement-breakpoint
CREATE INDEX `notice_user_created_idx` ON `notice` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notice_digest_pending_idx` ON `notice` (`user_id`) WHERE "notice"."digest_id" is null;--> statement-breakpoint
CREATE TABLE `notice_digest` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`day` text NOT NULL,
	`sent_at` integer,
	`message_id` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_digest_user_day_unique` ON `notice_digest` (`user_id`,`day`);--> statement-breakpoint
CREATE TABLE `risk_control` (
	`risk_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	PRIMARY KEY(`risk_id`, `task_id`),
	FOREIGN KEY (`risk_id`) REFERENCES `risk`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `wheel_task`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_control_task_idx` ON `risk_control` (`task_id`);--> statement-breakpoint
CREATE TABLE `signature_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signature_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text,
	`media_type` text,
	`byte_size` integer,
	`sha256` text,
	`url` text,
	`added_by_id` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`signature_id`) REFERENCES `wheel_signature`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sha256`) REFERENCES `evidence_file`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "signature_evidence_kind" CHECK(("signature_evidence"."kind" = 'file' and "signature_evidence"."sha256" is not null and "signature_evidence"."file_name" is not null and "signature_evidence"."url" is null) or ("signature_evidence"."kind" = 'link' and "signature_evidence"."url" is not null and "signature_evidence"."sha256" is null))
);
--> statement-breakpoint
CREATE INDEX `signature_evidence_signature_idx` ON `signature_evidence` (`signature_id`);--> statement-breakpoint
CREATE TABLE `steering_meeting` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`created_by_id` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `steering_meeting_date_unique` ON `steering_meeting` (`date`);--> statement-breakpoint
CREATE TABLE `tilsyn` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority` text NOT NULL,
	`theme` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`start_date` text,
	`preliminary_report_date` text,
	`final_report_date` text,
	`follow_up_deadline` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by_id` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tilsyn_start_idx` ON `tilsyn` (`start_date`);--> statement-breakpoint
CREATE TABLE `tilsyn_finding` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tilsyn_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tilsyn_finding_tilsyn_idx` ON `tilsyn_finding` (`tilsyn_id`);--> statement-breakpoint
CREATE TABLE `tilsyn_unit` (
	`tilsyn_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`tilsyn_id`, `unit_id`),
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tilsyn_unit_unit_idx` ON `tilsyn_unit` (`unit_id`);--> statement-breakpoint
ALTER TABLE `benefit` ADD `measurement_frequency` text;--> statement-breakpoint
CREATE TRIGGER `signature_evidence_no_update` BEFORE UPDATE ON `signature_evidence`
BEGIN
	SELECT RAISE(ABORT, 'signature_evidence: evidence is part of the signed record and cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `signature_evidence_no_delete` BEFORE DELETE ON `signature_evidence`
BEGIN
	SELECT RAISE(ABORT, 'signature_evidence: evidence is part of the signed record and cannot be removed');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_file_no_update` BEFORE UPDATE ON `evidence_file`
BEGIN
	SELECT RAISE(ABORT, 'evidence_file: stored evidence cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_file_no_delete` BEFORE DELETE ON `evidence_file`
BEGIN
	SELECT RAISE(ABORT, 'evidence_file: stored evidence cannot be removed');
END;
