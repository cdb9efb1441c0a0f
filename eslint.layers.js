/**
 * The layers of the code and who may import whom (docs/architecture.md, "Layers"), for
 * eslint-plugin-boundaries. A file belongs to the innermost folder listed below that holds it.
 *
 *   routes → area modules (access, actions, views, messages) → queries (db) and rules (domain)
 *
 * Nothing imports back up: a query never reaches an area or a route, the domain never reaches
 * the server. An area uses its own files freely and another area only through that area's
 * `views` and `actions`, never its access, messages or helpers. Search is an area of its own
 * that only reads: it has a `views.ts` and nothing else.
 *
 * A route belongs to the area of its top folder (ROUTE_AREAS): it may use that area's guards
 * and messages, and any area's views and actions; a route of no area (the overview at `/`,
 * sign-in, the account pages) only views and actions.
 */

/** The area each top route folder belongs to. */
export const ROUTE_AREAS = {
	portefolje: 'portfolio',
	gevinster: 'benefits',
	arshjul: 'wheel',
	kalender: 'wheel',
	admin: 'org',
	styring: 'steering',
	'mitt-arbeid': 'steering',
	rapporter: 'archive',
	sok: 'search',
	internkontroll: 'control',
	varsler: 'notices'
};

const AREA_FOLDERS = `(${Object.keys(ROUTE_AREAS).join('|')})`;

/** The areas: each a folder src/lib/server/<area>/ (imports has no pages of its own). */
export const AREAS = [...new Set(Object.values(ROUTE_AREAS)), 'imports'];

/** @type {import('eslint-plugin-boundaries').ElementDescriptors} */
export const LAYERS = [
	// The JSON API's folders are named as the pages' (`/api/v1/gevinster` → benefits), so an
	// endpoint uses its area's guards as the page does.
	{ type: 'route', pattern: `src/routes/api/v1/${AREA_FOLDERS}`, capture: ['folder'] },
	// A route folder of an area (ROUTE_AREAS), under a group such as `(app)` or not.
	{ type: 'route', pattern: `src/routes/*/${AREA_FOLDERS}`, capture: ['group', 'folder'] },
	{ type: 'route', pattern: `src/routes/${AREA_FOLDERS}`, capture: ['folder'] },
	{ type: 'route', pattern: 'src/routes' },
	{ type: 'auth', pattern: 'src/lib/server/auth' },
	{ type: 'db', pattern: 'src/lib/server/db' },
	{ type: 'demo', pattern: 'src/lib/server/demo' },
	{
		type: 'area',
		pattern: `src/lib/server/(${AREAS.join('|')})`,
		capture: ['area']
	},
	// result.ts, clock.ts, read-form.ts, startup.ts, security-headers.ts
	{ type: 'server', pattern: 'src/lib/server' },
	{ type: 'domain', pattern: 'src/lib/domain' },
	// schemas, components, charts, format, roles and the per-area form values: browser-safe
	{ type: 'lib', pattern: 'src/lib' },
	// hooks.server.ts, app.d.ts, params/
	{ type: 'app', pattern: 'src' }
];

const to = (/** @type {string[]} */ ...types) => ({ to: { element: { type: types } } });

/** What only the area's own routes may use: its guards and its messages. */
const AREA_OWN = ['access.ts', 'messages.ts'];
/** What another area, and any route, may use: the reads and the writes. */
const AREA_SHARED = ['actions.ts', 'actions/*.ts', 'views.ts', 'views/*.ts'];

/** What each layer may import, besides itself (imports within one folder are not checked). */
export const LAYER_POLICIES = [
	{
		from: { element: { type: 'app' } },
		allow: to('auth', 'db', 'demo', 'area', 'server', 'domain', 'lib')
	},
	{
		from: { element: { type: 'route' } },
		allow: [
			to('route', 'auth', 'db', 'server', 'domain', 'lib'),
			// The root layout's stylesheet, src/app.css.
			{ to: { element: { type: 'app', fileInternalPath: '*.css' } } },
			{ to: { element: { type: 'area', fileInternalPath: AREA_SHARED } } }
		]
	},
	...Object.entries(ROUTE_AREAS).map(([folder, area]) => ({
		from: { element: { type: 'route', captured: { folder } } },
		allow: { to: { element: { type: 'area', captured: { area }, fileInternalPath: AREA_OWN } } }
	})),
	{
		from: { element: { type: 'area' } },
		allow: [
			to('auth', 'db', 'server', 'domain', 'lib'),
			{ to: { element: { type: 'area', fileInternalPath: AREA_SHARED } } }
		]
	},
	{ from: { element: { type: 'auth' } }, allow: to('db', 'server', 'domain', 'lib') },
	{ from: { element: { type: 'server' } }, allow: to('auth', 'db', 'demo', 'domain', 'lib') },
	{ from: { element: { type: 'demo' } }, allow: to('auth', 'db', 'server', 'domain', 'lib') },
	{
		// Queries answer a WriteResult (server/result.ts) and nothing else from above.
		from: { element: { type: 'db' } },
		allow: [
			to('domain', 'lib'),
			{ to: { element: { type: 'server', fileInternalPath: 'result.ts' } } }
		]
	},
	{
		// Opening the database repairs rows written around the app (task calendars) and stamps
		// that repair's audit entry with the time: start-up reads the one clock, as scripts do.
		// Only db/index.ts; a query is given `now` by its caller.
		from: { element: { type: 'db', fileInternalPath: 'index.ts' } },
		allow: { to: { element: { type: 'server', fileInternalPath: 'clock.ts' } } }
	},
	{
		from: { element: { type: 'domain' } },
		allow: { to: { element: { type: 'lib', fileInternalPath: 'format.ts' } } }
	},
	{ from: { element: { type: 'lib' } }, allow: to('domain') }
];
