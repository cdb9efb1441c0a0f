-- Custom SQL migration file, put your code below! --
-- A provider is known by its issuer without trailing slashes (src/lib/domain/sso/issuer.ts):
-- `https://idp/x` and `https://idp/x/` are one provider, and a bare host was stored as `new URL`
-- spells it, `https://idp/`. The links stored before are spelt so too. Where one person was
-- linked under both spellings, the link already spelt so is kept.
DELETE FROM `user_identity`
WHERE rtrim(`issuer`, '/') <> `issuer`
	AND EXISTS (
		SELECT 1 FROM `user_identity` AS `kept`
		WHERE `kept`.`issuer` = rtrim(`user_identity`.`issuer`, '/')
			AND `kept`.`subject` = `user_identity`.`subject`
	);
--> statement-breakpoint
UPDATE `user_identity` SET `issuer` = rtrim(`issuer`, '/') WHERE rtrim(`issuer`, '/') <> `issuer`;
