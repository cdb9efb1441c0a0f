// The steering page rendered as the server renders it, in each language: its own words (the
// trial saw «Kroner:» in English) beside the demo's Norwegian titles, which are data.
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { seedDemo } from '$lib/server/demo';
import { withLocale } from '$lib/server/i18n';
import { load } from '../../src/routes/(app)/styring/+page.server';
import Page from '../../src/routes/(app)/styring/+page.svelte';
import { makeEvent, makeUser, signIn } from '../factories';

const NOW = new Date('2027-03-02T08:00:00Z');

beforeAll(async () => {
	await seedDemo(NOW);
}, 120_000);

async function text(locale: 'nb' | 'nn' | 'en') {
	const admin = signIn(await makeUser([{ role: 'admin' }]));
	return withLocale(locale, async () => {
		const data = await load(makeEvent({ signed: admin, path: '/styring', now: NOW }) as never);
		return render(Page, { props: { data: data as never, form: null } as never })
			.body.replace(/<style[\s\S]*?<\/style>/g, '')
			.replace(/<!--.*?-->/g, '')
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ');
	});
}

describe('/styring in the reader’s language', () => {
	it('names the mission’s totals in English, not «Kroner:»', async () => {
		const en = await text('en');
		expect(en).toContain('Money (NOK): Gross NOK');
		expect(en).toContain('Hours: Gross');
		expect(en).not.toMatch(/Kroner|Timer|Brutto|Ulemper|Netto/);
	});

	it('keeps bokmål and nynorsk as they were', async () => {
		expect(await text('nb')).toContain('Kroner: Brutto');
		expect(await text('nn')).toContain('Timar: Brutto');
	});
});
