// Shared: Oslo's calendar day is used by org (audit log), steering and the demo, owned by none.
const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Oslo',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** Oslo's offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function osloOffsetMs(epochMs: number): number {
	const p = Object.fromEntries(
		parts.formatToParts(new Date(epochMs)).map((x) => [x.type, x.value])
	);
	const asUtc = Date.UTC(
		Number(p.year),
		Number(p.month) - 1,
		Number(p.day),
		Number(p.hour),
		Number(p.minute),
		Number(p.second)
	);
	return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant Oslo's calendar day `YYYY-MM-DD` (+ `addDays`) begins. Oslo changes clocks at
 * 02:00/03:00, so midnight always exists exactly once.
 */
export function osloDayStartMs(day: string, addDays = 0): number {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const utcMidnight = Date.UTC(y, m - 1, d + addDays);
	const first = utcMidnight - osloOffsetMs(utcMidnight);
	return utcMidnight - osloOffsetMs(first);
}
