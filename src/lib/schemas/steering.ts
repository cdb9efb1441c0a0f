/** The steering group's meetings: what the forms on /styring/moter post. */
import { z } from 'zod';
import { isCalendarDay } from '$lib/domain/portfolio';
import { idField } from './id';
import { versionField, withVersion } from './version';

const DAY = 'Skriv en gyldig dato (ÅÅÅÅ-MM-DD)';

export const meetingSchema = z.object({
	date: z.string({ error: DAY }).trim().refine(isCalendarDay, DAY),
	title: z
		.string({ error: 'Gi møtet et navn' })
		.trim()
		.min(1, 'Gi møtet et navn')
		.max(200, 'Navnet kan være høyst 200 tegn'),
	location: z.string().trim().max(200, 'Stedet kan være høyst 200 tegn').optional().default('')
});
export type MeetingInput = z.output<typeof meetingSchema>;

export const editMeetingSchema = withVersion(meetingSchema).and(
	z.object({ id: idField('Fant ikke møtet') })
);

export const deleteMeetingSchema = z.object({
	id: idField('Fant ikke møtet'),
	version: versionField
});
