/** The steering group's meetings: what the forms on /styring/moter post. */
import { z } from 'zod';
import { isCalendarDay } from '$lib/domain/portfolio/rules';
import { m } from '$lib/paraglide/messages';
import { idField } from './id';
import { versionField, withVersion } from './version';

// The messages are functions, read when a form is parsed: in the request's language.
const DAY = () => m.portfolio_meetings_field_day();
const NAME = () => m.portfolio_meetings_field_name();
const NOT_FOUND = () => m.portfolio_meetings_field_not_found();

export const meetingSchema = z.object({
	date: z.string({ error: DAY }).trim().refine(isCalendarDay, { error: DAY }),
	title: z
		.string({ error: NAME })
		.trim()
		.min(1, { error: NAME })
		.max(200, { error: () => m.portfolio_meetings_field_name_long() }),
	location: z
		.string()
		.trim()
		.max(200, { error: () => m.portfolio_meetings_field_place_long() })
		.optional()
		.default('')
});
export type MeetingInput = z.output<typeof meetingSchema>;

export const editMeetingSchema = withVersion(meetingSchema).and(
	z.object({ id: idField(NOT_FOUND) })
);

export const deleteMeetingSchema = z.object({
	id: idField(NOT_FOUND),
	version: versionField
});
