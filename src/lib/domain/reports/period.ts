/**
 * The period a report covers when none is chosen: the current tertial up to today. Norwegian
 * municipalities report to the council by tertial (januar–april, mai–august,
 * september–desember), so a steering meeting's report starts where the tertial did.
 */

/** `today` is an Oslo day, `YYYY-MM-DD`. */
export function tertialToDate(today: string): { from: string; to: string } {
	const month = Number(today.slice(5, 7));
	const start = month >= 9 ? 9 : month >= 5 ? 5 : 1;
	return { from: `${today.slice(0, 4)}-${String(start).padStart(2, '0')}-01`, to: today };
}
