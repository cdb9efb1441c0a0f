/** Links for the tree's rows; the page builds them (with `resolve`) so routes stay out of here. */
export interface TreeHrefs {
	track: (id: number) => string;
	project: (id: number) => string;
	measure: (id: number) => string;
}
