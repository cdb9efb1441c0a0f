import { dev } from '$app/environment';
import { getDb } from './db';
import { countUsers } from './db/queries/users';
import { deleteExpiredSessions } from './db/queries/sessions';
import { issueSetupToken } from './auth/setup-token';
import { readOidcSettings } from './auth/oidc';
import { seedDemo } from './demo';
import { readClock } from './clock';
import { statementContact } from './accessibility-contact';

function publicOrigin(): string {
	// Under `vite dev` the port is Vite's, which this code cannot see; the path alone is right.
	if (dev) return '';
	const host = process.env.HOST || '127.0.0.1';
	const port = process.env.PORT || '3000';
	return (process.env.ORIGIN || `http://${host}:${port}`).replace(/\/$/, '');
}

/** Runs once when the server starts: database, demo data, first-run link. */
export async function startup(): Promise<void> {
	// A wrong single sign-on setting stops the start here, not at someone's first sign-in.
	readOidcSettings();
	getDb();
	deleteExpiredSessions(readClock());
	// The accessibility statement must name a way to report a barrier (Digdir's template).
	if (statementContact(process.env).email === null) {
		console.warn(
			'UU_CONTACT er ikke satt: tilgjengelighetserklæringen (/tilgjengelighet) viser bare til postmottaket. Sett UU_CONTACT og UU_OPERATOR (README, «Konfigurasjon»).'
		);
	}
	if (process.env.MISJONSKART_DEMO === '1' && countUsers() === 0) {
		const users = await seedDemo(readClock());
		console.log('\nEksempeldata er lagt inn. Eksempelbrukere (rolle, e-post, passord):');
		for (const u of users)
			console.log(`  ${u.role.padEnd(17)} ${u.email.padEnd(32)} ${u.password}`);
		console.log('');
	}
	if (countUsers() === 0) {
		const token = issueSetupToken();
		console.log(
			`\nIngen brukere finnes ennå. Opprett den første administratoren her (lenken virker én gang, og til serveren startes på nytt):\n  ${publicOrigin()}/setup?token=${token}\n`
		);
	}
}
