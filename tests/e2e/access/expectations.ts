/**
 * Who gets what, for every route and form action of the app: the authorisation test walks
 * this table, and fails for a route or action that is missing from it.
 *
 * Rows are keyed by route (the URL pattern), then by request: `GET`, `POST` (an endpoint, or
 * a page's default action), `POST ?/name` (a named form action), and variants after ` · `
 * (other ids, other parameters; how each is sent is in access.spec.ts). Columns follow
 * ACTORS in world.ts.
 *
 * An outcome is a status, or `303 <location>` for a redirect; in a location `{org}`,
 * `{otherOrg}`, `{teamA}`, `{code}` (workshop W's join code), `{codeB}` (the other workshop's)
 * and `{here}` (the URL asked for) are filled in, and a `*` at the end
 * stands for any rest. The payloads are harmless: an allowed role gets 400 for an empty form,
 * a refused one the guard's answer; destructive actions act on a throwaway item.
 */

export type Outcome = number | `303 ${string}`;
// prettier-ignore
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];
export type Expectations = Record<string, Record<string, Row>>;

/** Sent to sign in, and back here afterwards. */
const IN = '303 /signin?next={here}';
const HOME = '303 /';
const APP = '303 /app';
const ORG = '303 /o/{org}';
const OWN = '303 /o/{otherOrg}';
const MAP = '303 /o/{org}/t/{teamA}/map';
/**
 * The participant side: a device without this workshop's cookie is sent to join, without the
 * code (the workshop's id must not give its code away).
 */
const JOIN = '303 /join?reason=join';

// Rows that recur: reading team A's pages, editing its map (and running its workshops), what
// only an owner may do.
//                                 owner facA facB leadA leadB viewer other anon partA partB
// prettier-ignore
const READ_A: Row =               [200, 200, 200, 200, 403, 200, 404, IN,  IN,  IN ];
// prettier-ignore
const EDIT_A: Row =               [400, 400, 403, 403, 403, 403, 404, IN,  IN,  IN ];
// Team A's staff, and leadA for their own commitments.
// prettier-ignore
const LEAD_A: Row =               [400, 400, 403, 400, 403, 403, 404, IN,  IN,  IN ];
// prettier-ignore
const OWNER_ONLY: Row =           [400, 403, 403, 403, 403, 403, 404, IN,  IN,  IN ];

// prettier-ignore
export const EXPECTED: Expectations = {
	//                                           owner facA facB leadA leadB viewer other anon partA partB
	'/': {
		GET:                                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
	},
	'/app': {
		GET:                                        [ORG, ORG, ORG, ORG, ORG, ORG, OWN, IN,  IN,  IN ],
	},

	// ------------------------------------------------------------ signing in, up, out; invitations
	//                                           owner facA facB leadA leadB viewer other anon partA partB
	// Empty forms. Someone signed in is sent on by the page, also after a refused form.
	'/signin': {
		GET:                                        [APP, APP, APP, APP, APP, APP, APP, 200, 200, 200],
		POST:                                       [APP, APP, APP, APP, APP, APP, APP, 400, 400, 400],
	},
	'/signup': {
		GET:                                        [APP, APP, APP, APP, APP, APP, APP, 200, 200, 200],
		POST:                                       [APP, APP, APP, APP, APP, APP, APP, 400, 400, 400],
	},
	'/signout': {
		GET:                                        [HOME,HOME,HOME,HOME,HOME,HOME,HOME,HOME,HOME,HOME],
		POST:                                       [HOME,HOME,HOME,HOME,HOME,HOME,HOME,HOME,HOME,HOME],
	},
	'/invite/[token]': {
		// A used link: the page says so to anyone; accepting it needs an account and fails.
		GET:                                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
		POST:                                       [400, 400, 400, 400, 400, 400, 400, IN,  IN,  IN ],
	},
	'/locale': {
		POST:                                       [HOME,HOME,HOME,HOME,HOME,HOME,HOME,HOME,HOME,HOME],
	},
	// A read-only link to an organisation's dashboard: without an account; an unknown link is 404
	// to everyone (tests/e2e/follow/share.spec.ts opens a real one).
	'/s/[token]': {
		GET:                                        [404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
	},
	'/orgs/new': {
		GET:                                        [200, 200, 200, 200, 200, 200, 200, IN,  IN,  IN ],
		POST:                                       [400, 400, 400, 400, 400, 400, 400, IN,  IN,  IN ],
	},

	// ------------------------------------------------------------------------ the organisation
	//                                           owner facA facB leadA leadB viewer other anon partA partB
	'/o/[orgId]': {
		GET:                                        [200, 200, 200, 200, 200, 200, 404, IN,  IN,  IN ],
		'POST ?/createTeam':                        OWNER_ONLY,
	},
	'/o/[orgId]/members': {
		GET:                                        [200, 200, 200, 403, 403, 200, 404, IN,  IN,  IN ],
		'POST ?/changeRole':                        OWNER_ONLY,
		'POST ?/changeRole · a member of another organisation':
		                                            [404, 403, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/removeMember':                      OWNER_ONLY,
		'POST ?/invite':                            OWNER_ONLY,
		'POST ?/revoke':                            [200, 403, 403, 403, 403, 403, 404, IN,  IN,  IN ],
	},
	// Management across teams: not for leaders, who see their own teams' dashboards.
	'/o/[orgId]/dashboard': {
		GET:                                        [200, 200, 200, 403, 403, 200, 404, IN,  IN,  IN ],
		// Notes on the organisation's charts: whoever manages the organisation.
		'POST ?/addEvent':                          OWNER_ONLY,
		'POST ?/deleteEvent':                       OWNER_ONLY,
	},
	// Leaders across the organisation: as the organisation's dashboard (a leader sees their own
	// score on their teams' dashboards only).
	'/o/[orgId]/leaders': {
		GET:                                        [200, 200, 200, 403, 403, 200, 404, IN,  IN,  IN ],
	},
	// The tables of the organisation's dashboard and the leaders page as CSV: as their pages.
	'/o/[orgId]/dashboard/csv': {
		GET:                                        [200, 200, 200, 403, 403, 200, 404, IN,  IN,  IN ],
	},
	'/o/[orgId]/leaders/csv': {
		GET:                                        [200, 200, 200, 403, 403, 200, 404, IN,  IN,  IN ],
	},
	// Read-only links to the dashboard: the owner's alone to create, list and revoke.
	'/o/[orgId]/settings/share': {
		GET:                                        [200, 403, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/create':                            OWNER_ONLY,
		'POST ?/revoke':                            OWNER_ONLY,
	},
	'/o/[orgId]/settings': {
		GET:                                        [200, 403, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		POST:                                       OWNER_ONLY,
	},
	// Departments (or sites): the owner's, like the other settings. Empty forms lack the name or id.
	'/o/[orgId]/settings/departments': {
		GET:                                        [200, 403, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/create':                            OWNER_ONLY,
		'POST ?/rename':                            OWNER_ONLY,
		'POST ?/delete':                            OWNER_ONLY,
	},
	// Export and deletion: the owner's alone. The empty form lacks the typed name.
	'/o/[orgId]/settings/data': {
		GET:                                        [200, 403, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/deleteOrganisation':                OWNER_ONLY,
	},
	'/o/[orgId]/settings/data/export': {
		GET:                                        [200, 403, 403, 403, 403, 403, 404, IN,  IN,  IN ],
	},

	// ------------------------------------------------------- a team (team A unless said otherwise)
	//                                           owner facA facB leadA leadB viewer other anon partA partB
	'/o/[orgId]/t/[teamId]': {
		GET:                                        READ_A,
		'GET · team B':                             [200, 200, 200, 403, 200, 200, 404, IN,  IN,  IN ],
		'GET · a team of another organisation':     [404, 404, 404, 404, 404, 404, 404, IN,  IN,  IN ],
		'POST ?/rename':                            OWNER_ONLY,
		'POST ?/language':                          OWNER_ONLY,
		'POST ?/size':                              OWNER_ONLY,
		'POST ?/department':                        OWNER_ONLY,
		'POST ?/addMember':                         OWNER_ONLY,
		'POST ?/removeMember':                      OWNER_ONLY,
		'POST ?/deleteTeam':                        OWNER_ONLY,
	},
	'/o/[orgId]/t/[teamId]/map': {
		GET:                                        READ_A,
		'POST ?/createValue':                       EDIT_A,
		'POST ?/createValue · team B':              [400, 403, 400, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/moveValue':                         EDIT_A,
		'POST ?/archiveValue':                      EDIT_A,
		'POST ?/restoreValue':                      EDIT_A,
		'POST ?/createElement':                     EDIT_A,
		'POST ?/updateElement':                     EDIT_A,
		'POST ?/updateElement · an element of team B':
		                                            [404, 404, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/markElementLimiting':               EDIT_A,
		'POST ?/archiveElement':                    EDIT_A,
		'POST ?/restoreElement':                    EDIT_A,
		'POST ?/deleteElement':                     [200, 200, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/deleteElement · an element of team B':
		                                            [404, 404, 403, 403, 403, 403, 404, IN,  IN,  IN ],
	},
	'/o/[orgId]/t/[teamId]/map/compare': {
		GET:                                        READ_A,
	},
	'/o/[orgId]/t/[teamId]/map/values/[valueId]': {
		GET:                                        READ_A,
		'GET · a value of team B':                  [404, 404, 404, 404, 403, 404, 404, IN,  IN,  IN ],
		'POST ?/updateValue':                       EDIT_A,
		'POST ?/archiveValue':                      EDIT_A,
		'POST ?/restoreValue':                      EDIT_A,
		'POST ?/deleteValue':                       [MAP, MAP, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/createElement':                     EDIT_A,
		'POST ?/updateElement':                     EDIT_A,
		'POST ?/markElementLimiting':               EDIT_A,
		'POST ?/archiveElement':                    EDIT_A,
		'POST ?/restoreElement':                    EDIT_A,
		'POST ?/deleteElement':                     [200, 200, 403, 403, 403, 403, 404, IN,  IN,  IN ],
	},

	// ------------------------------------------- team A's commitments: leadA's unless said otherwise
	//                                           owner facA facB leadA leadB viewer other anon partA partB
	'/o/[orgId]/t/[teamId]/commitments': {
		GET:                                        READ_A,
		// A leader of the team writes their own; staff of the team write anyone's.
		'POST ?/create':                            LEAD_A,
	},
	'/o/[orgId]/t/[teamId]/commitments/[commitmentId]': {
		GET:                                        READ_A,
		'GET · a commitment of team B':             [404, 404, 404, 404, 403, 404, 404, IN,  IN,  IN ],
		'POST ?/checkin':                           LEAD_A,
		'POST ?/drop':                              LEAD_A,
		'POST ?/extend':                            LEAD_A,
		'POST ?/done':                              [200, 200, 403, 200, 403, 403, 404, IN,  IN,  IN ],
	},

	'/o/[orgId]/t/[teamId]/dashboard': {
		GET:                                        READ_A,
		'GET · ?value= a value of team A':          READ_A,
		'GET · ?value= a value of team B':          [404, 404, 404, 404, 403, 404, 404, IN,  IN,  IN ],
		// Notes on the team's charts: whoever may edit the team.
		'POST ?/addEvent':                          OWNER_ONLY,
		'POST ?/deleteEvent':                       OWNER_ONLY,
	},
	// One of the dashboard's tables as CSV: as the page; asked for without `table`, 400.
	'/o/[orgId]/t/[teamId]/dashboard/csv': {
		GET:                                        [400, 400, 400, 400, 403, 400, 404, IN,  IN,  IN ],
	},

	// ------------------------------------------------------- team A's pulse checks: pulse A
	//                                           owner facA facB leadA leadB viewer other anon partA partB
	'/o/[orgId]/t/[teamId]/pulses': {
		GET:                                        READ_A,
		'POST ?/create':                            EDIT_A,
	},
	'/o/[orgId]/t/[teamId]/pulses/[pulseId]': {
		GET:                                        READ_A,
		'GET · a pulse of team B':                  [404, 404, 404, 404, 403, 404, 404, IN,  IN,  IN ],
		'POST ?/verified':                          EDIT_A,
	},
	// A pulse's one-time codes: for those who manage team A's pulses. Voiding A's unused (none).
	'/o/[orgId]/t/[teamId]/pulses/[pulseId]/codes': {
		GET:                                        [200, 200, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'GET · a pulse of team B':                  [404, 404, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/make':                              EDIT_A,
		'POST ?/void':                              [200, 200, 403, 403, 403, 403, 404, IN,  IN,  IN ],
	},
	'/o/[orgId]/t/[teamId]/alignment': {
		GET:                                        READ_A,
		'POST ?/addTouchpoint':                     EDIT_A,
		// Adding the usual touchpoints twice adds them once.
		'POST ?/addDefaults':                       [200, 200, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/archiveTouchpoint':                 EDIT_A,
		'POST ?/judge':                             EDIT_A,
	},
	// The team's board: its members post and upvote, its facilitators triage.
	'/o/[orgId]/t/[teamId]/board': {
		GET:                                        READ_A,
		'POST ?/post':                              LEAD_A,
		'POST ?/upvote':                            LEAD_A,
		'POST ?/triage':                            EDIT_A,
	},
	// The same board through a pulse link, for anyone who has it.
	'/pulse/[code]/board': {
		GET:                                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
		'POST ?/post':                              [400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
		'POST ?/upvote':                            [400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
	},
	// Anyone with the link answers, no account; an empty form is refused with what is missing.
	'/pulse/[code]': {
		GET:                                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
		POST:                                       [400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
	},

	// -------------------------------------------------- team A's workshops: W unless said otherwise
	//                                           owner facA facB leadA leadB viewer other anon partA partB
	'/o/[orgId]/t/[teamId]/workshops': {
		GET:                                        READ_A,
		'POST ?/create':                            EDIT_A,
	},
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]': {
		GET:                                        READ_A,
		'GET · the workshop of team B':             [404, 404, 404, 404, 403, 404, 404, IN,  IN,  IN ],
		'POST ?/rename':                            EDIT_A,
		'POST ?/language':                          EDIT_A,
		'POST ?/addActivity':                       EDIT_A,
		'POST ?/updateActivity':                    EDIT_A,
		'POST ?/removeActivity':                    EDIT_A,
		'POST ?/moveActivity':                      EDIT_A,
		'POST ?/delete':                            OWNER_ONLY,
		'POST ?/headCount':                         EDIT_A,
		'POST ?/verified':                          EDIT_A,
	},
	// One-time codes: for those who may run team A's workshops. Voiding W's unused codes (none).
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/codes': {
		GET:                                        [200, 200, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/make':                              EDIT_A,
		'POST ?/void':                              [200, 200, 403, 403, 403, 403, 404, IN,  IN,  IN ],
	},
	// The review of what the room wrote before it reaches the map: for those who run workshops.
	// An empty form is refused before anything else.
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/review': {
		GET:                                        [200, 200, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'GET · the workshop of team B':             [404, 404, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		POST:                                       EDIT_A,
	},
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/console': {
		GET:                                        [200, 200, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'GET · the workshop of team B':             [404, 404, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'POST ?/pace':                              EDIT_A,
		'POST ?/hideCard':                          EDIT_A,
		'POST ?/showCard':                          EDIT_A,
		'POST ?/unmergeCard':                       EDIT_A,
		'POST ?/mergeCards':                        EDIT_A,
		'POST ?/groupCard':                         EDIT_A,
		'POST ?/acceptGroup':                       EDIT_A,
		'POST ?/renameGroup':                       EDIT_A,
		'POST ?/dismissGroup':                      EDIT_A,
		'POST ?/nicknames':                         EDIT_A,
		'POST ?/headCount':                         EDIT_A,
		'POST ?/admit':                             EDIT_A,
		'POST ?/refuse':                            EDIT_A,
		'POST ?/holdPosts':                         EDIT_A,
		'POST ?/reviewPost':                        EDIT_A,
		'POST ?/starPost':                          EDIT_A,
		'POST ?/answeredPost':                      EDIT_A,
	},
	// Results: everyone who reads team A. W has fewer respondents than the minimum group size,
	// so its exports are refused with the reason (409); without format and kind, 400.
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/results': {
		GET:                                        READ_A,
		'GET · the workshop of team B':             [404, 404, 404, 404, 403, 404, 404, IN,  IN,  IN ],
	},
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/results/export': {
		GET:                                        [400, 400, 400, 400, 403, 400, 404, IN,  IN,  IN ],
		'GET · ?format=csv&kind=aggregates':        [409, 409, 409, 409, 403, 409, 404, IN,  IN,  IN ],
		// What the room wrote: each activity withheld on its own (rows say why), never a 409.
		'GET · ?format=csv&kind=texts':             READ_A,
		// The answers, one row each: the team's facilitators and owners, once the workshop has
		// ended (W is live: 403 for everyone; the ended one has too few answers: 409).
		'GET · ?format=json&kind=answers':          [403, 403, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'GET · ?format=csv&kind=answers of an ended workshop':
		                                            [409, 409, 403, 403, 403, 403, 404, IN,  IN,  IN ],
		'GET · the workshop of team B':             [404, 404, 404, 404, 403, 404, 404, IN,  IN,  IN ],
	},
	'/o/[orgId]/t/[teamId]/workshops/[workshopId]/report': {
		GET:                                        READ_A,
	},
	'/o/[orgId]/t/[teamId]/compare': {
		GET:                                        READ_A,
		// W against team B's workshop: leader A may not read team B, and is told so next to the
		// field (the same words as for an id that does not exist), not with an error page.
		'GET · ?a=W&b=the workshop of team B':      READ_A,
		// Team A's pulse checks against team B's: leader A may not see team B and is told so
		// beside the field (as for a team that does not exist); the others see both.
		'GET · ?with=team B&period=quarter':        READ_A,
	},
	'/present/[workshopId]': {
		GET:                                        READ_A,
	},

	// ----------------------------------------------------------- the participant side of W
	//                                           owner facA facB leadA leadB viewer other anon partA partB
	'/join/[[code]]': {
		// Anyone may join with a code; this one's nickname is too long, so nobody does.
		GET:                                        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
		POST:                                       [400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
	},
	'/w/[workshopId]': {
		GET:                                        [JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,200, JOIN],
		// partB's own cookie works in its own workshop: the refusals above are about W.
		'GET · the other workshop':                 [JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,200],
		// Empty forms: W's participant gets as far as the checks of what was sent.
		'POST ?/answer':                            [JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,404, JOIN],
		'POST ?/card':                              [JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,404, JOIN],
		'POST ?/removeCard':                        [JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,404, JOIN],
		'POST ?/upvote':                            [JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,404, JOIN],
		// Commitments are for a signed-in leader of the team (or an owner) on a joined device.
		'POST ?/commit':                            [JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,403, JOIN],
		'POST ?/withdraw':                          [JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,400, JOIN],
	},
	// Only a device waiting to be let in stays here; W's participant is sent on to the room.
	'/w/[workshopId]/waiting': {
		GET:                                        [JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,JOIN,'303 /w/*',JOIN],
	},

	// ------------------------------------------------------------- live workshop W (team A)
	// Live endpoints answer 401, not a redirect, to someone with neither session nor cookie.
	//                                           owner facA facB leadA leadB viewer other anon partA partB
	'/live/join': {
		// W's code with a nickname too long: only W's participant is already in (and stays so).
		POST:                                       [400, 400, 400, 400, 400, 400, 400, 400, 200, 400],
	},
	'/live/[workshopId]/events': {
		GET:                                        [200, 200, 200, 200, 403, 200, 404, 401, 200, 401],
		'GET · ?audience=staff':                    [200, 200, 403, 403, 403, 403, 404, 401, 401, 401],
	},
	'/live/[workshopId]/answers': {
		// An empty set of answers: only W's participant gets as far as the check of the answers.
		POST:                                       [403, 403, 403, 403, 403, 403, 403, 403, 400, 403],
	},
	'/live/[workshopId]/pace': {
		POST:                                       [400, 400, 403, 403, 403, 403, 404, 401, 401, 401],
	},
	'/live/[workshopId]/words': {
		// The projector's word cloud: staff who may view the team, as for the projector.
		GET:                                        [200, 200, 200, 200, 403, 200, 404, 401, 401, 401],
	},
};
