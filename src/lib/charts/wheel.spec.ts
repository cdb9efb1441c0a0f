import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Wheel from './Wheel.svelte';
import {
	dayAngle,
	LEGEND,
	monthStartAngle,
	SECTOR_FILLS,
	STATUS_STYLES,
	wheelLayout,
	type WheelRingInput
} from './wheel';
import { contrastRatio } from './contrast';

const rings: WheelRingInput[] = [
	{
		wheelId: 1,
		name: 'Årshjul for ledere',
		occurrences: [
			{
				id: 11,
				taskTitle: 'Ressursfordelingskartlegging',
				month: 1,
				status: 'signed_late',
				href: '/arshjul/forekomst/11'
			},
			{
				id: 12,
				taskTitle: 'Lyse ut etter sommervikarer',
				month: 1,
				status: 'signed',
				href: '/arshjul/forekomst/12'
			},
			{
				id: 13,
				taskTitle: 'ROS-analyse vold og trusler',
				month: 3,
				status: 'overdue',
				href: '/arshjul/forekomst/13'
			},
			{
				id: 14,
				taskTitle: 'Gjennomfør HMS-dag',
				month: 4,
				status: 'due',
				href: '/arshjul/forekomst/14'
			}
		]
	},
	{
		wheelId: 2,
		name: 'Årshjul for fag og kompetanseheving',
		occurrences: [
			{
				id: 21,
				taskTitle: 'Halvårsevaluering – Fagrapport',
				month: 9,
				status: 'future',
				href: '/arshjul/forekomst/21'
			}
		]
	}
];

/** Angle of a point, d3 convention: 0 at twelve o'clock, clockwise, in [0, 2π). */
function angleOf({ x, y }: { x: number; y: number }) {
	const angle = Math.atan2(x, -y);
	return angle < 0 ? angle + 2 * Math.PI : angle;
}

describe('wheelLayout', () => {
	it('lays out fixed data the same way every time', () => {
		expect(wheelLayout(rings, '2026-03-16')).toMatchSnapshot();
	});

	it('keeps month labels ≥ 12 CSS px however narrow the drawing, inside the box', () => {
		for (const width of [576, 480, 400, 290, 240]) {
			const layout = wheelLayout(rings, null, { width });
			const size = Number(layout.viewBox.split(' ')[2]);
			expect(layout.labelSize * (width / size), `at ${width} px`).toBeGreaterThanOrEqual(12);
			const half = size / 2;
			for (const month of layout.months) {
				// Generous width for the name with WCAG 1.4.12 letter spacing (0.72 em a letter).
				const w = month.name.length * 0.72 * layout.labelSize;
				const [left, right] =
					month.anchor === 'start'
						? [month.x, month.x + w]
						: month.anchor === 'end'
							? [month.x - w, month.x]
							: [month.x - w / 2, month.x + w / 2];
				expect(left, `${month.name} at ${width} px`).toBeGreaterThanOrEqual(-half);
				expect(right, `${month.name} at ${width} px`).toBeLessThanOrEqual(half);
			}
		}
		expect(wheelLayout(rings, null, { width: 290 }).months[8]?.name).toBe('sep');
		expect(wheelLayout(rings, null).months[8]?.name).toBe('september');
	});

	it('starts January at the top and puts July at the bottom, going clockwise', () => {
		expect(monthStartAngle(1)).toBe(0);
		expect(monthStartAngle(4)).toBeCloseTo(Math.PI / 2);
		expect(monthStartAngle(7)).toBeCloseTo(Math.PI);
		const { months } = wheelLayout(rings, null);
		const january = months[0];
		const april = months[3];
		const july = months[6];
		const october = months[9];
		// January's label sits just right of twelve o'clock, July's just left of six.
		expect(january?.y).toBeLessThan(-200);
		expect(january?.x).toBeGreaterThan(0);
		expect(april?.x).toBeGreaterThan(200);
		expect(july?.y).toBeGreaterThan(200);
		expect(july?.x).toBeLessThan(0);
		expect(october?.x).toBeLessThan(-200);
		// Names on the right grow rightwards and on the left leftwards, away from the wheel.
		expect(months.map((m) => m.anchor)).toEqual([
			...Array(6).fill('start'),
			...Array(6).fill('end')
		]);
	});

	it('keeps each mark inside its month sector and its ring', () => {
		const layout = wheelLayout(rings, null);
		for (const ring of layout.rings) {
			for (const mark of ring.marks) {
				const month = rings.flatMap((r) => r.occurrences).find((o) => o.id === mark.id)?.month;
				expect(month).toBeDefined();
				const start = monthStartAngle(month ?? 1);
				expect(angleOf(mark)).toBeGreaterThan(start);
				expect(angleOf(mark)).toBeLessThan(start + Math.PI / 6);
				const radius = Math.hypot(mark.x, mark.y);
				expect(radius).toBeGreaterThan(ring.innerRadius);
				expect(radius).toBeLessThan(ring.outerRadius);
			}
		}
	});

	it('spreads marks of the same month along the angle', () => {
		const [first, second] = wheelLayout(rings, null).rings[0]?.marks ?? [];
		expect(first && second && angleOf(first) < angleOf(second)).toBe(true);
	});

	it('moves crowded marks into more rows so none overlap', () => {
		const crowded: WheelRingInput = {
			wheelId: 9,
			name: 'Mange',
			occurrences: Array.from({ length: 14 }, (_, i) => ({
				id: i,
				taskTitle: `Oppgave ${i}`,
				month: 2,
				status: 'due',
				href: `/o/${i}`
			}))
		};
		const marks = wheelLayout([crowded], null).rings[0]?.marks ?? [];
		expect(marks).toHaveLength(14);
		const closest = Math.min(
			...marks.flatMap((a, i) => marks.slice(i + 1).map((b) => Math.hypot(a.x - b.x, a.y - b.y)))
		);
		expect(closest).toBeGreaterThanOrEqual(12);
	});

	it('labels each mark with task, month, year, status and ring', () => {
		const labels = wheelLayout(rings, null, { year: 2026 }).rings.flatMap((r) =>
			r.marks.map((m) => m.label)
		);
		expect(labels).toContain(
			'Ressursfordelingskartlegging, januar 2026: Signert for sent (Årshjul for ledere)'
		);
		expect(labels).toContain(
			'Halvårsevaluering – Fagrapport, september 2026: Fremtidig (Årshjul for fag og kompetanseheving)'
		);
	});

	it('puts the innermost ring first and fills the band out to the edge', () => {
		const [inner, outer] = wheelLayout(rings, null).rings;
		expect(inner?.innerRadius).toBeLessThan(outer?.innerRadius ?? 0);
		expect(inner?.outerRadius).toBeLessThan(outer?.innerRadius ?? 0);
		expect(outer?.outerRadius).toBe(250);
	});

	it('draws no today marker without a day', () => {
		expect(wheelLayout(rings, null).today).toBeNull();
	});
});

describe('dayAngle', () => {
	it('places a day inside its month, proportionally to the month length', () => {
		expect(dayAngle('2026-01-01')).toBeCloseTo((0.5 / 31) * (Math.PI / 6));
		expect(dayAngle('2026-07-16')).toBeCloseTo(Math.PI + (15.5 / 31) * (Math.PI / 6));
		expect(dayAngle('2024-02-29')).toBeCloseTo((Math.PI / 6) * (1 + 28.5 / 29));
		expect(dayAngle('2026-12-31')).toBeLessThan(2 * Math.PI);
	});

	it('points the today line at the day', () => {
		const today = wheelLayout(rings, '2026-07-16').today;
		expect(today?.angle).toBeCloseTo(dayAngle('2026-07-16'), 2);
		expect(angleOf({ x: today?.x2 ?? 0, y: today?.y2 ?? 0 })).toBeCloseTo(today?.angle ?? 0, 2);
		// Mid-July is just past six o'clock: below the centre, to the left.
		expect(today?.y2).toBeGreaterThan(200);
		expect(today?.x2).toBeLessThan(0);
	});

	it('rejects a string that is not a day', () => {
		expect(() => dayAngle('2026-13-01')).toThrow(RangeError);
		expect(() => dayAngle('i dag')).toThrow(RangeError);
	});
});

describe('status styles', () => {
	it('gives every status its own symbol, in legend order', () => {
		const paths = LEGEND.map((entry) => entry.path);
		expect(new Set(paths).size).toBe(5);
		expect(LEGEND.map((entry) => entry.label)).toEqual([
			'Signert',
			'Signert for sent',
			'Til signering',
			'Forfalt',
			'Fremtidig'
		]);
	});

	it('uses colours with at least 3:1 contrast against white and the sector fills', () => {
		for (const style of Object.values(STATUS_STYLES)) {
			for (const background of SECTOR_FILLS) {
				expect(contrastRatio(style.stroke, background)).toBeGreaterThanOrEqual(3);
			}
		}
	});
});

describe('Wheel.svelte (server render)', () => {
	it('renders each mark as a labelled link, the months, the legend and the rings', () => {
		const { body } = render(Wheel, { props: { rings, today: '2026-03-16' } });
		expect(body).toContain('<figure');
		expect(body).toMatch(/<figcaption[^>]*>Årshjulet/);
		expect(body).toMatch(/<svg[^>]* role="group"[^>]* aria-label="Årshjul med 5 oppgaver"/);
		expect(body).toContain(
			'href="/arshjul/forekomst/11" aria-label="Ressursfordelingskartlegging, januar: Signert for sent (Årshjul for ledere)"'
		);
		expect(body.match(/<a /g)).toHaveLength(5);
		// One Tab stop: the first mark in today's month (March) or after.
		expect(body.match(/tabindex="0"/g)).toHaveLength(1);
		expect(body).toMatch(
			/aria-label="ROS-analyse vold og trusler, mars: Forfalt[^"]*" data-mark="0-2" tabindex="0"/
		);
		expect(body).toContain('>desember</text>');
		expect(body).toContain('I dag, 16. mars 2026');
		expect(body).toMatch(
			/<li>Årshjul for ledere<\/li>\s*<li>Årshjul for fag og kompetanseheving<\/li>/
		);
		expect(body).not.toContain('role="img"');
	});

	it('leaves out the today marker when showing another year', () => {
		const { body } = render(Wheel, { props: { rings, today: null } });
		expect(body).not.toContain('I dag');
		expect(body).not.toContain('class="today');
	});
});
