import type { Actions, PageServerLoad } from './$types';
import {
	canWriteControlReport,
	requireControlReportReader,
	requireControlReportWriter
} from '$lib/server/control/access';
import { controlReport, parseControlReportQuery } from '$lib/server/control/views/report';
import { controlReportArchive } from '$lib/server/control/views/report-archive';
import { freezeControlReport, saveControlAssessment } from '$lib/server/control/actions/report';
import { readForm } from '$lib/server/read-form';

/** Internkontrollrapporten (kommuneloven § 25-2) for `?ar=…&tertial=…&enhet=…`. */
export const load: PageServerLoad = async (event) => {
	const user = requireControlReportReader(event);
	const q = parseControlReportQuery(event.url, event.locals.now);
	return {
		report: controlReport(q, event.locals.now),
		archive: controlReportArchive(event.locals.now),
		canWrite: canWriteControlReport(user),
		// The report's own parameters, for the downloads and the forms' addresses.
		query: new URLSearchParams(
			[...event.url.searchParams].filter(([k]) => ['ar', 'tertial', 'enhet'].includes(k))
		).toString()
	};
};

export const actions: Actions = {
	/** One of the kommunedirektør's assessment fields, with its version (lost-update check). */
	assessment: async (event) => {
		const user = requireControlReportWriter(event);
		const q = parseControlReportQuery(event.url, event.locals.now);
		return saveControlAssessment(user, q, await readForm(event), event.locals.now);
	},
	/** Makes the report now and stores those bytes in the archive (utkast, to be signed). */
	freeze: async (event) => {
		const user = requireControlReportWriter(event);
		const q = parseControlReportQuery(event.url, event.locals.now);
		return freezeControlReport(user, q, await readForm(event), event.locals.now);
	}
};
