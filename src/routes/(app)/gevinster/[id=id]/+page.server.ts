import type { Actions, PageServerLoad } from './$types';
import {
	requireBenefitEditor,
	requireBenefitForecaster,
	requireBenefitLogger,
	requireBenefitOwner,
	requireBenefitReader,
	requireBenefitValidator,
	requirePlanDecider
} from '$lib/server/benefits/access';
import * as plans from '$lib/server/benefits/actions/plan';
import { planVersionsView } from '$lib/server/benefits/views/plan-versions';
import * as attestation from '$lib/server/benefits/actions/attestation';
import * as timing from '$lib/server/benefits/actions/timing';
import { timingView } from '$lib/server/benefits/views/timing';
import * as benefits from '$lib/server/benefits/actions';
import { benefitPage } from '$lib/server/benefits/views/benefit';
import { readForm } from '$lib/server/read-form';
import { lastCompleteMonth } from '$lib/domain/benefits/gain-realisation';
import { osloDay } from '$lib/format';

export const load: PageServerLoad = async (event) => {
	const ctx = requireBenefitReader(event, Number(event.params.id));
	return {
		...benefitPage(ctx, event.url),
		planVersions: planVersionsView(ctx),
		timing: timingView(ctx),
		// The log form suggests last month, in Oslo time: the month most values are logged for.
		logPeriod: lastCompleteMonth(osloDay(event.locals.now))
	};
};

export const actions: Actions = {
	update: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return benefits.saveBenefit(ctx, await readForm(event), event.locals.now);
	},
	timing: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return timing.setTiming(ctx, await readForm(event), event.locals.now);
	},
	delete: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return benefits.removeBenefit(ctx, event.locals.now);
	},
	addLine: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return benefits.addLine(ctx, await readForm(event), event.locals.now);
	},
	updateLine: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return benefits.saveLine(ctx, await readForm(event), event.locals.now);
	},
	deleteLine: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return benefits.removeLine(ctx, await readForm(event), event.locals.now);
	},
	plan: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return benefits.savePlan(ctx, await readForm(event), event.locals.now);
	},
	planPeriod: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return benefits.planPeriod(ctx, await readForm(event), event.locals.now);
	},
	deletePlanPeriod: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return benefits.removePlanPeriod(ctx, await readForm(event), event.locals.now);
	},
	logRealisation: async (event) => {
		const ctx = requireBenefitLogger(event, Number(event.params.id));
		return benefits.realise(ctx, await readForm(event), event.locals.now);
	},
	followUp: async (event) => {
		const ctx = requireBenefitLogger(event, Number(event.params.id));
		return benefits.followUp(ctx, await readForm(event), event.locals.now);
	},
	freezePlan: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return plans.freeze(ctx, await readForm(event), event.locals.now);
	},
	requestPlan: async (event) => {
		const ctx = requireBenefitEditor(event, Number(event.params.id));
		return plans.requestChange(ctx, await readForm(event), event.locals.now);
	},
	decidePlan: async (event) => {
		const ctx = requirePlanDecider(event, Number(event.params.id));
		return plans.decide(ctx, await readForm(event), event.locals.now);
	},
	attest: async (event) => {
		const ctx = requireBenefitOwner(event, Number(event.params.id));
		return attestation.attest(ctx, await readForm(event), event.locals.now);
	},
	validate: async (event) => {
		const ctx = requireBenefitValidator(event, Number(event.params.id));
		return attestation.validate(ctx, await readForm(event), event.locals.now);
	},
	forecast: async (event) => {
		const ctx = requireBenefitForecaster(event, Number(event.params.id));
		return attestation.forecast(ctx, await readForm(event), event.locals.now);
	}
};
