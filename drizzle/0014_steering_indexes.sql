CREATE INDEX `risk_created_idx` ON `risk` (`created_at`);--> statement-breakpoint
CREATE INDEX `status_change_at_idx` ON `status_change` (`at`);--> statement-breakpoint
CREATE INDEX `realisation_created_idx` ON `realisation` (`created_at`);--> statement-breakpoint
CREATE INDEX `wheel_reopening_at_idx` ON `wheel_reopening` (`reopened_at`);