ALTER TABLE `benefit_figure` ADD `end_planned` integer;--> statement-breakpoint
ALTER TABLE `benefit_figure` ADD `forecast_end` integer;