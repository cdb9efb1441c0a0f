ALTER TABLE `audit_log` ADD `api_token_id` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `api_token_name` text;