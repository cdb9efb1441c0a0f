/**
 * Internal control beyond the sign-off (kommuneloven § 25-1 c–d: «avdekke og følge opp avvik
 * og risiko for avvik», documented; § 25-2: reported yearly with the results of tilsyn; see
 * DOMAIN.md «Internal control in the law»): deviations and how they were closed, evidence on
 * signatures, supervisory inspections and their findings, the KS risk-and-control matrix
 * (a ROS risk and the wheel tasks that control it), notices and the digests that carried them,
 * the steering group's meetings, and the kommunedirektør's free-text assessments for the
 * annual report.
 */
import { sql } from 'drizzle-orm';
import {
	blob,
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import {
	DEVIATION_SEVERITIES,
	DEVIATION_SOURCES,
	DEVIATION_STATUSES,
	EVIDENCE_KINDS,
	FINDING_KINDS,
	FINDING_STATUSES,
	NOTICE_KINDS,
	TILSYN_STATUSES
} from '../../../domain/control/vocabulary';
import { user } from './auth';
import { unit } from './org';
import { risk } from './portfolio';
import { wheelSignature, wheelTask } from './wheel';
import { createdAt, linkTable, requiredRef, rowId, version } from './columns';
import type { NoticeParams } from '../../../domain/control/notices';

/** Statlig tilsyn: an inspection by Statsforvalteren, Arbeidstilsynet and the like. */
export const tilsyn = sqliteTable(
	'tilsyn',
	{
		id: rowId(),
		/** Tilsynsmyndighet, e.g. «Statsforvalteren i Innlandet». */
		authority: text('authority').notNull(),
		theme: text('theme').notNull(),
		description: text('description').notNull().default(''),
		/** Days `YYYY-MM-DD`; null until known. */
		startDate: text('start_date'),
		preliminaryReportDate: text('preliminary_report_date'),
		finalReportDate: text('final_report_date'),
		/** The deadline for the follow-up plan (oppfølgingsplan). */
		followUpDeadline: text('follow_up_deadline'),
		status: text('status', { enum: TILSYN_STATUSES }).notNull().default('open'),
		createdById: integer('created_by_id').references(() => user.id),
		version: version(),
		createdAt: createdAt()
	},
	(t) => [index('tilsyn_start_idx').on(t.startDate)]
);

/** The units a tilsyn covered. */
export const tilsynUnit = linkTable(
	'tilsyn_unit',
	['tilsynId', 'tilsyn_id', () => tilsyn.id],
	['unitId', 'unit_id', () => unit.id]
);

export const tilsynFinding = sqliteTable(
	'tilsyn_finding',
	{
		id: rowId(),
		tilsynId: requiredRef('tilsyn_id', () => tilsyn.id),
		kind: text('kind', { enum: FINDING_KINDS }).notNull(),
		text: text('text').notNull(),
		status: text('status', { enum: FINDING_STATUSES }).notNull().default('open'),
		version: version(),
		createdAt: createdAt()
	},
	(t) => [index('tilsyn_finding_tilsyn_idx').on(t.tilsynId)]
);

/**
 * An avvik: found in a control (task, unit and period name the occurrence), in an incident, or
 * by a tilsyn (finding). Followed until closed; closing needs a note on what was done.
 */
export const deviation = sqliteTable(
	'deviation',
	{
		id: rowId(),
		unitId: requiredRef('unit_id', () => unit.id),
		source: text('source', { enum: DEVIATION_SOURCES }).notNull(),
		/** The occurrence, for a deviation found in a control: both set or both null. */
		taskId: integer('task_id').references(() => wheelTask.id),
		/** `YYYY-MM`, the occurrence's due period. */
		period: text('period'),
		findingId: integer('finding_id').references(() => tilsynFinding.id),
		/** What is wrong. */
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		severity: text('severity', { enum: DEVIATION_SEVERITIES }).notNull(),
		/** Strakstiltak: what was done at once. */
		immediateAction: text('immediate_action').notNull().default(''),
		/** Korrigerende tiltak, who answers for it, and by when (`YYYY-MM-DD`, judged in Oslo). */
		correctiveAction: text('corrective_action').notNull().default(''),
		responsibleId: integer('responsible_id').references(() => user.id),
		deadline: text('deadline'),
		status: text('status', { enum: DEVIATION_STATUSES }).notNull().default('open'),
		closingNote: text('closing_note'),
		closedById: integer('closed_by_id').references(() => user.id),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		reportedById: integer('reported_by_id').references(() => user.id),
		/** The Oslo day it was found, `YYYY-MM-DD`. */
		foundOn: text('found_on').notNull(),
		version: version(),
		createdAt: createdAt()
	},
	(t) => [
		index('deviation_unit_status_idx').on(t.unitId, t.status, t.deadline),
		index('deviation_status_deadline_idx').on(t.status, t.deadline),
		index('deviation_responsible_idx').on(t.responsibleId, t.status),
		index('deviation_occurrence_idx').on(t.taskId, t.period, t.unitId),
		index('deviation_finding_idx').on(t.findingId),
		index('deviation_found_idx').on(t.foundOn),
		check('deviation_occurrence', sql`(${t.taskId} is null) = (${t.period} is null)`),
		check(
			'deviation_closed',
			sql`(${t.status} = 'open' and ${t.closedAt} is null) or (${t.status} = 'closed' and ${t.closedAt} is not null and length(trim(coalesce(${t.closingNote}, ''))) > 0)`
		)
	]
);

/** Evidence files by content: the bytes once, named by their SHA-256 (FIPS 180-4, hex). */
export const evidenceFile = sqliteTable(
	'evidence_file',
	{
		sha256: text('sha256').primaryKey(),
		content: blob('content', { mode: 'buffer' }).notNull(),
		byteSize: integer('byte_size').notNull(),
		createdAt: createdAt()
	},
	(t) => [check('evidence_file_size', sql`${t.byteSize} = length(${t.content})`)]
);

/**
 * Evidence on a signature: a file or a link. Written with the signature and part of the
 * signed record: never changed or removed (the migration adds triggers that refuse it); a
 * reopened signature keeps its evidence in the history.
 */
export const signatureEvidence = sqliteTable(
	'signature_evidence',
	{
		id: rowId(),
		signatureId: requiredRef('signature_id', () => wheelSignature.id),
		kind: text('kind', { enum: EVIDENCE_KINDS }).notNull(),
		/** File: the sanitised name, the sniffed media type, and the content's hash. */
		fileName: text('file_name'),
		mediaType: text('media_type'),
		byteSize: integer('byte_size'),
		sha256: text('sha256').references(() => evidenceFile.sha256),
		/** Link: an http(s) address. */
		url: text('url'),
		addedById: integer('added_by_id').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [
		index('signature_evidence_signature_idx').on(t.signatureId),
		check(
			'signature_evidence_kind',
			sql`(${t.kind} = 'file' and ${t.sha256} is not null and ${t.fileName} is not null and ${t.url} is null) or (${t.kind} = 'link' and ${t.url} is not null and ${t.sha256} is null)`
		)
	]
);

/** The KS risk-and-control matrix: a ROS risk and a wheel task that controls it. */
export const riskControl = sqliteTable(
	'risk_control',
	{
		riskId: requiredRef('risk_id', () => risk.id),
		taskId: requiredRef('task_id', () => wheelTask.id),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.riskId, t.taskId] }),
		index('risk_control_task_idx').on(t.taskId)
	]
);

/**
 * In-app notices. `key` names what the notice is about (e.g. «overdue:12:7:2026-03»), so the
 * job never makes the same notice twice for a person, however often it runs.
 */
export const notice = sqliteTable(
	'notice',
	{
		id: rowId(),
		userId: requiredRef('user_id', () => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
		key: text('key').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		/**
		 * What the notice says, as data, written in the reader's language when read
		 * (server/notices/text.ts). Null on notices stored before: their `title` and `body`,
		 * in bokmål, are read as they are.
		 */
		params: text('params', { mode: 'json' }).$type<NoticeParams>(),
		/** A path in the app, e.g. «/arshjul/forekomst/3/7/2026-03». */
		href: text('href'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		/** The digest that carried it by e-mail; null until sent (or when SMTP is not set up). */
		digestId: integer('digest_id').references(() => noticeDigest.id)
	},
	(t) => [
		uniqueIndex('notice_user_key_unique').on(t.userId, t.key),
		index('notice_user_created_idx').on(t.userId, t.createdAt),
		index('notice_digest_pending_idx')
			.on(t.userId)
			.where(sql`${t.digestId} is null`),
		// The unread count in the menu, on every page: a seek to the person's unread ones only,
		// however many read notices they have collected.
		index('notice_user_unread_idx')
			.on(t.userId)
			.where(sql`${t.readAt} is null`)
	]
);

/** The sent-log: one e-mail digest per person and Oslo day. */
export const noticeDigest = sqliteTable(
	'notice_digest',
	{
		id: rowId(),
		userId: requiredRef('user_id', () => user.id, { onDelete: 'cascade' }),
		/** The Oslo day, `YYYY-MM-DD`. */
		day: text('day').notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		/** The SMTP server's message id, for tracing a complaint. */
		messageId: text('message_id'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('notice_digest_user_day_unique').on(t.userId, t.day)]
);

/** The steering group's meetings: a ring in the wheel, and «siden forrige møte». */
export const steeringMeeting = sqliteTable(
	'steering_meeting',
	{
		id: rowId(),
		/** The Oslo day, `YYYY-MM-DD`. */
		date: text('date').notNull(),
		title: text('title').notNull(),
		location: text('location').notNull().default(''),
		createdById: integer('created_by_id').references(() => user.id),
		version: version(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('steering_meeting_date_unique').on(t.date)]
);

/**
 * The kommunedirektør's free text in the internal-control report: per year, per tertial (0 for
 * the whole year) and per service area (0 for the whole municipality), one row per field.
 */
export const controlAssessment = sqliteTable(
	'control_assessment',
	{
		id: rowId(),
		year: integer('year').notNull(),
		tertial: integer('tertial').notNull().default(0),
		unitId: integer('unit_id').notNull().default(0),
		field: text('field').notNull(),
		body: text('body').notNull(),
		updatedById: integer('updated_by_id').references(() => user.id),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		version: version()
	},
	(t) => [
		uniqueIndex('control_assessment_unique').on(t.year, t.tertial, t.unitId, t.field),
		check('control_assessment_tertial', sql`${t.tertial} between 0 and 3`)
	]
);

export type Tilsyn = typeof tilsyn.$inferSelect;
export type TilsynFinding = typeof tilsynFinding.$inferSelect;
export type Deviation = typeof deviation.$inferSelect;
export type SignatureEvidence = typeof signatureEvidence.$inferSelect;
export type Notice = typeof notice.$inferSelect;
export type NoticeDigest = typeof noticeDigest.$inferSelect;
export type SteeringMeeting = typeof steeringMeeting.$inferSelect;
export type ControlAssessment = typeof controlAssessment.$inferSelect;
