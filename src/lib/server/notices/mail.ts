/**
 * E-mail for notices, through nodemailer when SMTP is configured (README, «Varsler»): either
 * `SMTP_URL` (e.g. `smtps://user:pass@smtp.kommune.no:465`) or `SMTP_HOST` with `SMTP_PORT`
 * (587), `SMTP_SECURE` (`true` for implicit TLS on 465), `SMTP_USER` and `SMTP_PASS`; the sender
 * is `SMTP_FROM`. Links in the mail start with `ORIGIN`, the app's public address.
 */
import nodemailer from 'nodemailer';
import { NOTICE_KIND_LABEL, type NoticeKind } from '$lib/domain/control/vocabulary';
import { formatDay } from '$lib/format';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html: string;
}

export interface Mailer {
	/** Sends one message; answers the SMTP server's message id. */
	send(message: MailMessage): Promise<string>;
}

type Env = Record<string, string | undefined>;

/** The configured SMTP transport, or null when there is none (notices stay in the app). */
export function mailerFromEnv(env: Env = process.env): Mailer | null {
	const url = env.SMTP_URL?.trim();
	const host = env.SMTP_HOST?.trim();
	if (!url && !host) return null;
	const transport = url
		? nodemailer.createTransport(url)
		: nodemailer.createTransport({
				host,
				port: Number(env.SMTP_PORT || 587),
				secure: env.SMTP_SECURE === 'true',
				auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? '' } : undefined
			});
	const from = env.SMTP_FROM?.trim() || 'Misjonskart <misjonskart@localhost>';
	return {
		async send(message) {
			const info = await transport.sendMail({ from, ...message });
			return String(info.messageId ?? '');
		}
	};
}

export interface DigestNotice {
	kind: NoticeKind;
	title: string;
	body: string;
	href: string | null;
}

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/**
 * The day's digest for one person: plain text, and the same as simple HTML (one list, no
 * images or styles a mail client would block), in bokmål, each notice with its link.
 */
export function digestMessage(
	to: { email: string; name: string },
	day: string,
	notices: DigestNotice[],
	origin: string
): MailMessage {
	const base = origin.replace(/\/$/, '');
	const link = (href: string | null) => `${base}${href ?? '/varsler'}`;
	const count = notices.length === 1 ? '1 nytt varsel' : `${notices.length} nye varsler`;
	const subject = `Misjonskart: ${count} ${formatDay(day)}`;
	const text = [
		`Hei ${to.name},`,
		'',
		`Du har ${count} i Misjonskart:`,
		'',
		...notices.flatMap((n) => [
			`- ${NOTICE_KIND_LABEL[n.kind]}: ${n.title}`,
			`  ${n.body}`,
			`  ${link(n.href)}`,
			''
		]),
		`Alle varslene dine: ${base}/varsler`,
		'',
		'Du får denne e-posten fordi du er leder for enheten, eller for en enhet over den.'
	].join('\n');
	const items = notices
		.map(
			(n) =>
				`<li><strong>${escapeHtml(NOTICE_KIND_LABEL[n.kind])}:</strong> <a href="${escapeHtml(link(n.href))}">${escapeHtml(n.title)}</a><br>${escapeHtml(n.body)}</li>`
		)
		.join('\n');
	const html = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body>
<p>Hei ${escapeHtml(to.name)},</p>
<p>Du har ${count} i Misjonskart:</p>
<ul>
${items}
</ul>
<p><a href="${escapeHtml(base)}/varsler">Alle varslene dine</a></p>
<p>Du får denne e-posten fordi du er leder for enheten, eller for en enhet over den.</p>
</body></html>`;
	return { to: to.email, subject, text, html };
}
