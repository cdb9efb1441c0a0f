ALTER TABLE `benefit_plan_version` ADD `direction` text;--> statement-breakpoint
ALTER TABLE `benefit_plan_version` ADD `tolerance_percent` integer;--> statement-breakpoint
ALTER TABLE `benefit_plan_version` ADD `disbenefit` integer;