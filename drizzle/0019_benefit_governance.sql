CREATE TABLE `benefit_forecast` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`benefit_id` integer NOT NULL,
	`period` text NOT NULL,
	`value` integer NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `benefit_forecast_unique` ON `benefit_forecast` (`benefit_id`,`period`);--> statement-breakpoint
CREATE TABLE `benefit_plan_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`benefit_id` integer NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`based_on_id` integer,
	`baseline_value` integer,
	`baseline_date` text,
	`baseline_method` text,
	`baseline_source` text,
	`evidence_url` text,
	`evidence_sha256` text,
	`evidence_file_name` text,
	`evidence_media_type` text,
	`target_value` integer,
	`target_date` text,
	`plan` text DEFAULT '[]' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`requested_by_id` integer,
	`requested_at` integer NOT NULL,
	`decided_by_id` integer,
	`decided_at` integer,
	`decision_note` text,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`based_on_id`) REFERENCES `benefit_plan_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_sha256`) REFERENCES `evidence_file`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "benefit_plan_version_decided" CHECK(("benefit_plan_version"."status" = 'requested' and "benefit_plan_version"."decided_at" is null) or "benefit_plan_version"."status" <> 'requested')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `benefit_plan_version_number_unique` ON `benefit_plan_version` (`benefit_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `benefit_plan_version_approved_unique` ON `benefit_plan_version` (`benefit_id`) WHERE "benefit_plan_version"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX `benefit_plan_version_requested_unique` ON `benefit_plan_version` (`benefit_id`) WHERE "benefit_plan_version"."status" = 'requested';--> statement-breakpoint
CREATE INDEX `benefit_plan_version_status_idx` ON `benefit_plan_version` (`status`,`requested_at`);--> statement-breakpoint
CREATE TABLE `realisation_confirmation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`realisation_id` integer NOT NULL,
	`benefit_id` integer NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`by_id` integer NOT NULL,
	`at` integer NOT NULL,
	`statement` text NOT NULL,
	FOREIGN KEY (`realisation_id`) REFERENCES `realisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `realisation_confirmation_unique` ON `realisation_confirmation` (`realisation_id`,`kind`);--> statement-breakpoint
CREATE INDEX `realisation_confirmation_benefit_idx` ON `realisation_confirmation` (`benefit_id`,`period`);--> statement-breakpoint
ALTER TABLE `benefit` ADD `disbenefit` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `benefit` ADD `direction` text DEFAULT 'higher' NOT NULL;--> statement-breakpoint
ALTER TABLE `benefit` ADD `tolerance_percent` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `benefit` ADD `plan_frozen_at` integer;--> statement-breakpoint
ALTER TABLE `benefit` ADD `validator_id` integer REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `benefit` ADD `start_measure_id` integer REFERENCES measure(id);--> statement-breakpoint
ALTER TABLE `benefit` ADD `start_measure_status` text;--> statement-breakpoint
ALTER TABLE `realisation` ADD `correction_reason` text;--> statement-breakpoint
CREATE TRIGGER `realisation_confirmation_no_update` BEFORE UPDATE ON `realisation_confirmation`
BEGIN
	SELECT RAISE(ABORT, 'realisation_confirmation: an attestation or validation cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `realisation_confirmation_no_delete` BEFORE DELETE ON `realisation_confirmation`
BEGIN
	SELECT RAISE(ABORT, 'realisation_confirmation: an attestation or validation cannot be removed');
END;
