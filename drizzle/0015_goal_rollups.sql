-- Custom SQL migration file, put your code below! --
-- The gain roll-ups gain a scope: each effect goal a benefit is linked to directly
-- (gain_total.scope = 'goal'; src/lib/server/db/queries/gain-rollups.ts, `scope_of`). Rows
-- already stored were summed without it, so they are cleared here; opening the database finds
-- benefits without figures and rebuilds every roll-up from the benefit rows
-- (`rebuildGainRollupsIfEmpty`, src/lib/server/db/index.ts). Derived data only.
DELETE FROM `benefit_figure`;--> statement-breakpoint
DELETE FROM `gain_total`;--> statement-breakpoint
DELETE FROM `gain_series`;
