CREATE TABLE `attestation_waiting` (
	`realisation_id` integer PRIMARY KEY NOT NULL,
	`benefit_id` integer NOT NULL,
	`period` text NOT NULL,
	FOREIGN KEY (`realisation_id`) REFERENCES `realisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attestation_waiting_period_idx` ON `attestation_waiting` (`period`,`realisation_id`);--> statement-breakpoint
CREATE INDEX `attestation_waiting_benefit_idx` ON `attestation_waiting` (`benefit_id`);--> statement-breakpoint
-- Every writer keeps the list right: a new realisation waits, the entry it corrects no longer
-- does, and an attestation takes its entry off (DOMAIN.md «Benefit governance»).
CREATE TRIGGER `attestation_waiting_on_realisation` AFTER INSERT ON `realisation`
BEGIN
	DELETE FROM `attestation_waiting` WHERE `realisation_id` = NEW.`supersedes_id`;
	INSERT INTO `attestation_waiting` (`realisation_id`, `benefit_id`, `period`)
		VALUES (NEW.`id`, NEW.`benefit_id`, NEW.`period`);
END;
--> statement-breakpoint
CREATE TRIGGER `attestation_waiting_on_attest` AFTER INSERT ON `realisation_confirmation`
WHEN NEW.`kind` = 'attest'
BEGIN
	DELETE FROM `attestation_waiting` WHERE `realisation_id` = NEW.`realisation_id`;
END;
--> statement-breakpoint
INSERT INTO `attestation_waiting` (`realisation_id`, `benefit_id`, `period`)
	SELECT r.`id`, r.`benefit_id`, r.`period` FROM `realisation` r
	WHERE NOT EXISTS (SELECT 1 FROM `realisation` s
		WHERE s.`benefit_id` = r.`benefit_id` AND s.`supersedes_id` = r.`id`)
	AND NOT EXISTS (SELECT 1 FROM `realisation_confirmation` c
		WHERE c.`realisation_id` = r.`id` AND c.`kind` = 'attest');
