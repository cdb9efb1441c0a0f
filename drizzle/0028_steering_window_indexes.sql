DROP INDEX `status_change_at_idx`;--> statement-breakpoint
CREATE INDEX `status_change_at_idx` ON `status_change` (`at`,`from_status`);--> statement-breakpoint
DROP INDEX `status_report_created`;--> statement-breakpoint
CREATE INDEX `status_report_subject_rag` ON `status_report` (`subject`,`subject_id`,`period`,`rag`);--> statement-breakpoint
CREATE INDEX `status_report_created` ON `status_report` (`created_at`,`subject`,`subject_id`,`period`,`rag`);