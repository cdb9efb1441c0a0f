/** The annual internal-control report's forms: one assessment field, with its row version. */
import { z } from 'zod';
import { isCalendarDay } from '$lib/domain/portfolio/rules';
import { ASSESSMENT_MAX_LENGTH } from '$lib/domain/control/report';
import { ASSESSMENT_FIELDS } from '$lib/domain/control/vocabulary';
import { versionField } from './version';

export const assessmentSchema = z.object({
	field: z.enum(ASSESSMENT_FIELDS, { error: 'Ukjent felt. Last siden på nytt.' }),
	body: z
		.string({ error: 'Skriv vurderingen.' })
		.max(ASSESSMENT_MAX_LENGTH, `Vurderingen kan være høyst ${ASSESSMENT_MAX_LENGTH} tegn.`)
		.transform((v) => v.replace(/\r\n/g, '\n').trim()),
	version: versionField
});

const MEETING = 'Skriv datoen for kommunestyrets møte (ÅÅÅÅ-MM-DD).';

/** Freezing: the report is issued to a meeting of the kommunestyre (§ 25-2), on this day. */
export const freezeControlReportSchema = z.object({
	meetingDate: z.string({ error: MEETING }).trim().refine(isCalendarDay, MEETING)
});
