import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import {
	requireBenefitEditor,
	requireBenefitLogger,
	requireBenefitReader
} from '$lib/server/benefits/access';
import { toFacts } from '$lib/server/benefits/scope';
import { getMission } from '$lib/server/db/queries/mission';
import { deleteBenefit, getBenefit, updateBenefit } from '$lib/server/db/queries/benefits';
import { redirect } from '@sveltejs/kit';
import {
	addEstimateLine,
	deleteEstimateLine,
	getEstimateLine,
	updateEstimateLine,
	deletePlannedPeriod,
	listEstimateLines,
	listFollowUps,
	listPlannedPeriods,
	listRealisations,
	logFollowUp,
	logRealisation,
	setBaselineAndTarget,
	setPlannedPeriod
} from '$lib/server/db/queries/benefits-gains';
import { listUsers } from '$lib/server/db/queries/users';
import {
	benefitSchema,
	causeSchema,
	estimateLineSchema,
	planSchema,
	plannedPeriodSchema,
	realisationSchemaFor
} from '$lib/schemas/benefits';
import { parseForm } from '$lib/schemas/form';
import { withVersion } from '$lib/schemas/version';
import { benefitValues, lineValues, planValues } from '$lib/benefits/form-values';
import { invalid, refuse } from '$lib/server/write-errors';
import { benefitResult } from '$lib/domain/benefit-figures';
import { realisationLogView } from '$lib/server/benefits/views/realisation-log';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const { benefit, project, canEdit, canLog } = requireBenefitReader(
		event,
		Number(event.params.id)
	);
	const id = benefit.id;
	const mission = getMission();
	const settings = {
		hourlyRateKroner: mission?.hourlyRateKroner ?? null,
		marginPercent: mission?.behindPlanMarginPercent ?? 20
	};
	const lines = listEstimateLines([id]);
	const realisations = listRealisations([id]);
	const given = listPlannedPeriods([id]);
	const facts = toFacts(benefit, lines, realisations, given);
	const result = benefitResult(facts, settings);
	const users = listUsers().map((u) => ({ id: u.id, name: u.name, active: u.active }));
	const nameOf = new Map(users.map((u) => [u.id, u.name]));
	const log = realisationLogView(id, event.url.searchParams);
	return {
		benefit: {
			...benefit,
			createdAt: undefined,
			owner: benefit.ownerId ? (nameOf.get(benefit.ownerId) ?? null) : null
		},
		project: { id: project.id, title: project.title },
		values: benefitValues(benefit),
		planValues: planValues(benefit),
		canEdit,
		canLog,
		settings,
		lines: lines.map((l, i) => ({
			id: l.id,
			description: l.description,
			amountPerCase: l.amountPerCase,
			cases: l.cases,
			sharePercent: l.shareHundredths / 100,
			total: result.estimate?.lineTotals[i] ?? 0,
			values: lineValues(l)
		})),
		estimate: result.estimate,
		series: result.series,
		given: given.map((g) => ({ id: g.id, period: g.period, value: g.value })),
		status: result.status,
		history: log.entries,
		logPager: log.pager,
		logCount: log.count,
		followUps: listFollowUps([id]).map((f) => ({
			id: f.id,
			period: f.period,
			cause: f.cause,
			correctiveMeasure: f.correctiveMeasure,
			author: f.authorId ? (nameOf.get(f.authorId) ?? '') : '',
			createdAt: f.createdAt.getTime()
		})),
		users: canEdit ? users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })) : []
	};
};

const lineIdSchema = z.object({
	lineId: z
		.string({ error: 'Ugyldig linje' })
		.regex(/^[1-9][0-9]{0,9}$/, 'Ugyldig linje')
		.transform(Number)
});

const editLineSchema = withVersion(estimateLineSchema.extend(lineIdSchema.shape));
const editBenefitSchema = withVersion(benefitSchema);
const editPlanSchema = withVersion(planSchema);

const periodIdSchema = z.object({
	periodId: z
		.string({ error: 'Ugyldig måned' })
		.regex(/^[1-9][0-9]{0,9}$/, 'Ugyldig måned')
		.transform(Number)
});

export const actions: Actions = {
	update: async (event) => {
		const { user, benefit } = requireBenefitEditor(event, Number(event.params.id));
		const form = parseForm(editBenefitSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'update');
		const result = updateBenefit(benefit.id, form.data, user.id, event.locals.now);
		if (!result.ok) {
			// Lost update: show the newer values, not the stale ones the user posted.
			const fresh = result.reason === 'conflict' ? getBenefit(benefit.id) : undefined;
			return refuse(result.reason, fresh ? benefitValues(fresh) : form.values, '_form', 'update');
		}
		return { action: 'update', success: 'Gevinsten er oppdatert.' };
	},
	delete: async (event) => {
		const { user, benefit } = requireBenefitEditor(event, Number(event.params.id));
		const result = deleteBenefit(benefit.id, user.id, event.locals.now);
		if (!result.ok) {
			const message =
				result.reason === 'has_realisations'
					? 'Gevinsten har registrerte realiseringer og kan ikke slettes; historikken skal bevares.'
					: 'Fant ikke gevinsten. Last siden på nytt.';
			return invalid({}, { _form: message }, 'delete');
		}
		redirect(303, `/gevinster/prosjekt/${result.value}`);
	},
	addLine: async (event) => {
		const { user, benefit } = requireBenefitEditor(event, Number(event.params.id));
		const form = parseForm(estimateLineSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'addLine');
		if (benefit.kind !== 'kvantitativ') {
			return invalid(form.values, { _form: 'Bare kvantitative gevinster prissettes.' }, 'addLine');
		}
		const result = addEstimateLine(benefit.id, form.data, user.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, '_form', 'addLine');
		return { action: 'addLine', success: 'Linjen er lagt til.' };
	},
	updateLine: async (event) => {
		const { user, benefit } = requireBenefitEditor(event, Number(event.params.id));
		const form = parseForm(editLineSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'updateLine');
		const { lineId, ...line } = form.data;
		const result = updateEstimateLine(benefit.id, lineId, line, user.id, event.locals.now);
		if (!result.ok) {
			const fresh = result.reason === 'conflict' ? getEstimateLine(benefit.id, lineId) : undefined;
			return refuse(result.reason, fresh ? lineValues(fresh) : form.values, '_form', 'updateLine');
		}
		return { action: 'updateLine', success: 'Linjen er endret.' };
	},
	deleteLine: async (event) => {
		const { user, benefit } = requireBenefitEditor(event, Number(event.params.id));
		const form = parseForm(lineIdSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'deleteLine');
		const result = deleteEstimateLine(benefit.id, form.data.lineId, user.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, '_form', 'deleteLine');
		return { action: 'deleteLine', success: 'Linjen er fjernet.' };
	},
	plan: async (event) => {
		const { user, benefit } = requireBenefitEditor(event, Number(event.params.id));
		const form = parseForm(editPlanSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'plan');
		const result = setBaselineAndTarget(benefit.id, form.data, user.id, event.locals.now);
		if (!result.ok) {
			const fresh = result.reason === 'conflict' ? getBenefit(benefit.id) : undefined;
			return refuse(result.reason, fresh ? planValues(fresh) : form.values, '_form', 'plan');
		}
		return { action: 'plan', success: 'Nullpunkt og mål er lagret.' };
	},
	planPeriod: async (event) => {
		const { user, benefit } = requireBenefitEditor(event, Number(event.params.id));
		const form = parseForm(plannedPeriodSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'planPeriod');
		if (!benefit.baselineDate || !benefit.targetDate) {
			return invalid(form.values, { period: 'Sett nullpunkt og mål først' }, 'planPeriod');
		}
		const { period } = form.data;
		if (period < benefit.baselineDate.slice(0, 7) || period > benefit.targetDate.slice(0, 7)) {
			return invalid(
				form.values,
				{ period: 'Måneden må ligge mellom nullpunktet og måldatoen' },
				'planPeriod'
			);
		}
		setPlannedPeriod(benefit.id, form.data, user.id, event.locals.now);
		return { action: 'planPeriod', success: `Planlagt verdi for ${period} er lagret.` };
	},
	deletePlanPeriod: async (event) => {
		const { user, benefit } = requireBenefitEditor(event, Number(event.params.id));
		const form = parseForm(periodIdSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'deletePlanPeriod');
		const result = deletePlannedPeriod(benefit.id, form.data.periodId, user.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, '_form', 'deletePlanPeriod');
		return { action: 'deletePlanPeriod', success: 'Den planlagte verdien er fjernet.' };
	},
	logRealisation: async (event) => {
		const { user, benefit } = requireBenefitLogger(event, Number(event.params.id));
		const schema = realisationSchemaFor(benefit.kind, benefit.baselineDate);
		const form = parseForm(schema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'logRealisation');
		const result = logRealisation(benefit.id, form.data, user.id, event.locals.now);
		if (!result.ok) {
			return invalid(
				form.values,
				{ supersedesId: 'Registreringen som skal korrigeres finnes ikke for denne gevinsten.' },
				'logRealisation'
			);
		}
		return {
			action: 'logRealisation',
			success:
				form.data.supersedesId === null
					? 'Realiseringen er registrert.'
					: 'Korrigeringen er registrert. Den gamle registreringen står i historikken.'
		};
	},
	followUp: async (event) => {
		const { user, benefit } = requireBenefitLogger(event, Number(event.params.id));
		const form = parseForm(causeSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'followUp');
		logFollowUp(benefit.id, form.data, user.id, event.locals.now);
		return { action: 'followUp', success: 'Årsak og korrigerende tiltak er registrert.' };
	}
};
