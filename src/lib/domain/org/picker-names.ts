/**
 * Names as a list to choose a person from shows them. Two people may share a name (a national
 * programme has hundreds of users); a choice between identical options cannot be made right, so
 * each of them gets their e-mail address, which is unique. A label that tells the options apart
 * is what WCAG 2.1 asks of form labels and instructions (2.4.6, 3.3.2).
 */
export function pickerNames<T extends { name: string; email: string }>(
	people: readonly T[]
): (Omit<T, 'email'> & { name: string })[] {
	const count = new Map<string, number>();
	for (const p of people) count.set(key(p.name), (count.get(key(p.name)) ?? 0) + 1);
	return people.map(({ email, ...rest }) => ({
		...rest,
		name: (count.get(key(rest.name)) ?? 0) > 1 ? `${rest.name.trim()} (${email})` : rest.name
	}));
}

const key = (name: string) => name.trim().toLocaleLowerCase('nb');
