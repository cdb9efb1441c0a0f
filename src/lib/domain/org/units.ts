export type UnitLike = {
	id: number;
	name: string;
	parentId: number | null;
	archivedAt?: Date | null;
};

export type UnitNode<U extends UnitLike> = U & { depth: number; children: UnitNode<U>[] };

/** Units as a forest, siblings sorted by name (nb collation). */
export function buildUnitTree<U extends UnitLike>(units: U[]): UnitNode<U>[] {
	const byParent = new Map<number | null, U[]>();
	const ids = new Set(units.map((u) => u.id));
	for (const u of units) {
		// A unit whose parent is not in the list is shown as a root rather than lost.
		const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
		byParent.set(key, [...(byParent.get(key) ?? []), u]);
	}
	const collator = new Intl.Collator('nb');
	const build = (parentId: number | null, depth: number): UnitNode<U>[] =>
		(byParent.get(parentId) ?? [])
			.toSorted((a, b) => collator.compare(a.name, b.name))
			.map((u) => ({ ...u, depth, children: build(u.id, depth + 1) }));
	return build(null, 0);
}

/** Depth-first list with depth, for selects and indented tables. */
export function flattenUnitTree<U extends UnitLike>(tree: UnitNode<U>[]): UnitNode<U>[] {
	return tree.flatMap((n) => [n, ...flattenUnitTree(n.children)]);
}

/** The unit itself and every unit below it. */
export function descendantIds(units: UnitLike[], id: number): Set<number> {
	const result = new Set<number>([id]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const u of units) {
			if (u.parentId !== null && result.has(u.parentId) && !result.has(u.id)) {
				result.add(u.id);
				grew = true;
			}
		}
	}
	return result;
}

/** Moving a unit under itself or one of its descendants would cut it loose from the tree. */
export function wouldCreateUnitCycle(units: UnitLike[], id: number, newParentId: number): boolean {
	return descendantIds(units, id).has(newParentId);
}

/** «Helse og mestring › Bo og habilitering › Avdeling Nord» */
export function unitPath(units: UnitLike[], id: number): string {
	const byId = new Map(units.map((u) => [u.id, u]));
	const names: string[] = [];
	const seen = new Set<number>();
	let current = byId.get(id);
	while (current && !seen.has(current.id)) {
		seen.add(current.id);
		names.unshift(current.name);
		current = current.parentId === null ? undefined : byId.get(current.parentId);
	}
	return names.join(' › ');
}

/** A unit as a select option, indented with a dash per level. */
export function unitOption(u: { id: number; name: string; depth: number }) {
	return { value: String(u.id), label: `${'– '.repeat(u.depth)}${u.name}` };
}

/** Units as select options in tree order. */
export function unitOptions<U extends UnitLike>(units: U[]): { value: string; label: string }[] {
	return flattenUnitTree(buildUnitTree(units)).map(unitOption);
}
