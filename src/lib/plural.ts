/**
 * A message with a count, in its `_one` variant at exactly 1 and its `_many` variant otherwise
 * (messages/*.json: «1 inspection», «2 inspections»; bokmål, nynorsk and English draw the line
 * at the same place). `n` is the number counted; the message's own parameters are given apart,
 * the count among them formatted as the caller wants it.
 */
export function plural<P>(
	n: number,
	one: (params: P) => string,
	many: (params: P) => string,
	params: P
): string {
	return n === 1 ? one(params) : many(params);
}
