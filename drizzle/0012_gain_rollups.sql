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
CREATE INDEX `status_change_subject_status_idx` ON `status_change` (`subject`,`subject_id`,`to_status`);