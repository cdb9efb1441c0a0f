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
}
