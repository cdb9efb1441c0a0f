/**
 * E-mail for notices, through nodemailer when SMTP is configured (README, «Varsler»): either
 * `SMTP_URL` (e.g. `smtps://user:pass@smtp.kommune.no:465`) or `SMTP_HOST` with `SMTP_PORT`
 * (587), `SMTP_SECURE` (`true` for implicit TLS on 465), `SMTP_USER` and `SMTP_PASS`; the sender
 * is `SMTP_FROM`. Links in the mail start with `ORIGIN`, the app's public address.
 */
import nodemailer from 'nodemailer';
import type { NoticeKind } from '$lib/domain/control/vocabulary';
import { formatDay } from '$lib/format';
import { noticeKindLabel } from '$lib/labels-portfolio';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { NoticeParams } from '$lib/domain/control/notices';
import { noticeText, type NoticeText } from './text';

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
	params?: NoticeParams | null;
	href: string | null;
}

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/**
 * The day's digest for one person: plain text, and the same as simple HTML (one list, no
 * images or styles a mail client would block), each notice with its link. Written in the
 * language it is called in (the job: the recipient's saved one), each notice's words too
 * (notices/text.ts); an old notice's stored bokmål words are marked so (WCAG 2.1 3.1.2).
 */
export function digestMessage(
	to: { email: string; name: string },
	day: string,
	notices: DigestNotice[],
	origin: string
): MailMessage {
	const base = origin.replace(/\/$/, '');
	const link = (href: string | null) => `${base}${href ?? '/varsler'}`;
	const count =
		notices.length === 1
			? m.export_mail_count_one()
			: m.export_mail_count_many({ count: String(notices.length) });
	const subject = m.export_mail_subject({ count, day: formatDay(day) });
	const locale = getLocale();
	// An old notice's stored words are bokmål: marked as such in a mail in another language.
	const storedIn = (n: NoticeText) => (locale !== 'nb' && n.inBokmaal ? ' lang="nb"' : '');
	const said = notices.map((n) => ({ ...n, ...noticeText(n) }));
	const text = [
		m.export_mail_greeting({ name: to.name }),
		'',
		m.export_mail_intro({ count }),
		'',
		...said.flatMap((n) => [
			`- ${noticeKindLabel(n.kind)}: ${n.title}`,
			`  ${n.body}`,
			`  ${link(n.href)}`,
			''
		]),
		`${m.export_mail_all()}: ${base}/varsler`,
		'',
		m.export_mail_reason()
	].join('\n');
	const items = said
		.map(
			(n) =>
				`<li><strong>${escapeHtml(noticeKindLabel(n.kind))}:</strong> <a href="${escapeHtml(link(n.href))}"${storedIn(n)}>${escapeHtml(n.title)}</a><br><span${storedIn(n)}>${escapeHtml(n.body)}</span></li>`
		)
		.join('\n');
	const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body>
<p>${escapeHtml(m.export_mail_greeting({ name: to.name }))}</p>
<p>${escapeHtml(m.export_mail_intro({ count }))}</p>
<ul>
${items}
</ul>
<p><a href="${escapeHtml(base)}/varsler">${escapeHtml(m.export_mail_all())}</a></p>
<p>${escapeHtml(m.export_mail_reason())}</p>
</body></html>`;
	return { to: to.email, subject, text, html };
}
