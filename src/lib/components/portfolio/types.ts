/** A risk as the pages show it. */
export interface RiskView {
	id: number;
	title: string;
	description: string | null;
	likelihood: number;
	consequence: number;
	area: import('$lib/domain/portfolio/vocabulary').ConsequenceArea;
	mitigation: string | null;
	ownerId: number | null;
	status: import('$lib/domain/portfolio/vocabulary').RiskStatus;
	version: number;
	/** The annual-wheel tasks that control it (the KS risk-and-control matrix). */
	controls?: { taskId: number; title: string; wheelId: number; wheelName: string }[];
}

/** What the track, project and measure forms all take (VersionedForm draws the form). */
export type EditFormProps = {
	action: string;
	values?: import('$lib/schemas/form').FormValues;
	errors?: import('$lib/schemas/form').FieldErrors;
	owners: import('$lib/domain/portfolio/tree').Named[];
	submitLabel: string;
	labelledby: string;
};
