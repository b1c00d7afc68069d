import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { seedDemo } from '../../seeds/demo.seeder';
import { BINDING_LOGINS, demoLogins } from '../../seeds/demo-logins';
import { demoFirms, type DemoFirm, type DemoInterview, type DemoMandate, type DemoScorecard } from '../../seeds/data/demo-world';
import { customerOrientedLeadershipRubric, DEFAULT_RUBRIC_KEY } from '../../src/modules/rubric';
import { createFirm } from '../../src/modules/firm';
import { foldForSearch } from '../../src/modules/candidate';
import { verifyPassword } from '../../src/modules/user';
import { localIdOf, toGlobalId } from '../../src/common/global-id';
import { createTestDatabase, startTestApp, type TestApp } from '../helpers/test-app';
import { signIn } from '../helpers/fixtures';
import {
  CandidacyScoresDocument,
  MyInterviewsDocument,
  MyOverdueScorecardsDocument,
  OverdueScorecardsDocument,
  PresentedMandatesDocument,
  ScorecardDraftNodeDocument,
} from '../generated/graphql';

// Rows per table that the data file describes; computed from it, so the test follows the data.
function expectedRows(firms: DemoFirm[]): Record<string, number> {
  const mandates = firms.flatMap((firm) => firm.mandates);
  const candidacies = mandates.flatMap((mandate) => mandate.candidacies);
  const interviews = candidacies.flatMap((candidacy) => candidacy.interviews);
  const submitted = interviews.flatMap((interview) => interview.scorecards).filter((card) => card.status === 'SUBMITTED');
  const drafts = interviews.flatMap((interview) => interview.scorecards).filter(hasDraftContent);
  // A shortlist is made by its first entry.
  const shortlists = shortlistsOf(mandates).map(({ shortlist }) => shortlist);
  const published = shortlists.filter((shortlist) => shortlist.published);
  return {
    firm: firms.length,
    user: firms.flatMap((firm) => firm.users).length,
    client: firms.flatMap((firm) => firm.clients).length,
    rubric: firms.length,
    competency: firms.length * customerOrientedLeadershipRubric.competencies.length,
    candidate: firms.flatMap((firm) => firm.candidates).length,
    candidate_external_ref: firms.flatMap((firm) => firm.candidates.flatMap((candidate) => candidate.externalRefs)).length,
    mandate: mandates.length,
    requirement: mandates.flatMap((mandate) => mandate.requirements).length,
    candidacy: candidacies.length,
    candidacy_stage_change: candidacies.flatMap((candidacy) => candidacy.history).length,
    interview: interviews.length,
    scorecard: interviews.flatMap(panelOf).length,
    scorecard_draft: drafts.length,
    draft_rating: drafts.flatMap((card) => card.ratings.filter((rating) => rating.score !== null || rating.evidence !== null)).length,
    scorecard_revision: submitted.length,
    rating: submitted.flatMap((card) => card.ratings).length,
    shortlist: shortlists.length,
    shortlist_entry: shortlists.flatMap((shortlist) => shortlist.entries).length,
    shortlist_publication: published.length,
    shortlist_entry_snapshot: published.flatMap((shortlist) => shortlist.entries).length,
    shortlist_feedback: shortlists.flatMap((shortlist) => shortlist.feedback).length,
    session: 0,
    api_key: 0,
  };
}

type DemoShortlist = NonNullable<DemoMandate['shortlist']>;

// A draft of the data in which its author saved something.
function hasDraftContent(card: DemoScorecard | undefined): boolean {
  return card?.status === 'DRAFT' && card.ratings.some((rating) => rating.score !== null || rating.evidence !== null);
}

// The panelists who still have a scorecard: cancelInterview removes the empty drafts.
function panelOf(interview: DemoInterview): string[] {
  return interview.status === 'CANCELLED'
    ? interview.interviewerEmails.filter((email) => hasDraftContent(interview.scorecards.find((card) => card.interviewerEmail === email)))
    : interview.interviewerEmails;
}

// The mandates of the data with a shortlist that has entries.
function shortlistsOf(mandates: DemoMandate[]): { mandate: DemoMandate; shortlist: DemoShortlist }[] {
  return mandates.flatMap((mandate) => (mandate.shortlist?.entries.length ? [{ mandate, shortlist: mandate.shortlist }] : []));
}

async function countRows(em: EntityManager, firmId?: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.keys(expectedRows([]))) {
    const column = table === 'firm' ? 'id' : 'firm_id';
    const where = firmId ? `where "${column}" = ?` : '';
    const [row] = await em.getConnection().execute(`select count(*)::int as count from "${table}" ${where}`, firmId ? [firmId] : []);
    counts[table] = row.count;
  }
  return counts;
}

// Times as ISO strings on both sides: raw queries return timestamps as PostgreSQL text.
const iso = (time: string) => new Date(time).toISOString();
const isoOf = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// A server on a database seeded like `npm start` seeds it.
let app: TestApp;
let em: EntityManager;
let loaded: boolean;

beforeAll(async () => {
  app = await startTestApp();
  loaded = await seedDemo(app.orm.em.fork() as EntityManager);
  em = app.em();
});
afterAll(() => app.close());

describe('seedDemo', () => {
  it('should load exactly the rows of the data file when the database is empty', async () => {
    expect(loaded).toBe(true);
    expect(await countRows(em)).toEqual(expectedRows(demoFirms));
  });

  it('should pin the shape of the seed: rows per table (what the data file says, as figures)', async () => {
    expect(await countRows(em)).toEqual({
      firm: 2,
      user: 8,
      client: 8,
      rubric: 2,
      competency: 18,
      candidate: 45,
      candidate_external_ref: 49,
      mandate: 7,
      requirement: 60,
      candidacy: 42,
      candidacy_stage_change: 108,
      interview: 22,
      scorecard: 42,
      scorecard_draft: 1,
      draft_rating: 4,
      scorecard_revision: 35,
      rating: 315,
      shortlist: 1,
      shortlist_entry: 3,
      shortlist_publication: 1,
      shortlist_entry_snapshot: 3,
      shortlist_feedback: 2,
      session: 0,
      api_key: 0,
    });
  });

  it('should return false and change nothing when the demo firms already exist', async () => {
    const snapshot = async () => {
      const tables = Object.keys(expectedRows([]));
      const latest = tables.map((table) => `select '${table}' as table, max(updated_at) as at from "${table}"`).join(' union all ');
      return { counts: await countRows(em), latest: await em.getConnection().execute(latest) };
    };
    const before = await snapshot();
    expect(await seedDemo(app.orm.em.fork() as EntityManager)).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('should give every firm its users with their roles, clients and working passwords', async () => {
    const users = await em.getConnection().execute(`
      select f.slug, u.email, u.name, u.role, c.name as client, u.password_hash
      from "user" u join firm f on f.id = u.firm_id left join client c on c.id = u.client_id`);
    const expected = demoFirms.flatMap((firm) =>
      firm.users.map((user) => ({
        slug: firm.slug,
        email: user.email,
        name: user.name,
        role: user.role,
        client: user.clientRef ? firm.clients.find((client) => client.ref === user.clientRef)!.name : null,
      })),
    );
    expect(users.map(({ password_hash: _hash, ...user }) => user)).toEqual(expect.arrayContaining(expected));
    expect(users).toHaveLength(expected.length);
    for (const login of demoLogins().filter((candidate) => BINDING_LOGINS.includes(candidate.email))) {
      const hash = users.find((row) => row.email === login.email)?.password_hash ?? '';
      expect([login.email, await verifyPassword(login.password, hash)]).toEqual([login.email, true]);
    }
  });

  it('should make client@fjordnett.example a CLIENT user of "Fjordnett AS" at Nordlys', async () => {
    const [user] = await em.getConnection().execute(`
      select u.role, c.name as client, f.slug, c.firm_id = u.firm_id as same_firm
      from "user" u join client c on c.id = u.client_id join firm f on f.id = u.firm_id
      where u.email = 'client@fjordnett.example'`);
    expect(user).toEqual({ role: 'CLIENT', client: 'Fjordnett AS', slug: 'nordlys', same_firm: true });
  });

  it('should store every candidate with consent, search text and external ids as in the data', async () => {
    const rows = await em.getConnection().execute(`
      select f.slug, c.first_name, c.last_name, c.email, c.phone, c.headline, c.location, c.languages, c.linkedin_url,
             c.tags, c.consent_status, ${isoOf('c.consent_given_at')} as consent_given_at, to_char(c.retain_until, 'YYYY-MM-DD') as retain_until,
             c.search_text,
             coalesce((select json_agg(json_build_object('system', r.system, 'externalId', r.external_id) order by r.system)
                       from candidate_external_ref r where r.candidate_id = c.id), '[]') as external_refs
      from candidate c join firm f on f.id = c.firm_id`);
    const expected = demoFirms.flatMap((firm) =>
      firm.candidates.map((candidate) => ({
        slug: firm.slug,
        first_name: candidate.firstName,
        last_name: candidate.lastName,
        email: candidate.email,
        phone: candidate.phone,
        headline: candidate.headline,
        location: candidate.location,
        languages: candidate.languages,
        linkedin_url: candidate.linkedinUrl,
        tags: candidate.tags,
        consent_status: candidate.consent.status,
        consent_given_at: candidate.consent.givenAt ? iso(candidate.consent.givenAt) : null,
        retain_until: candidate.consent.retainUntil ?? null,
        search_text: foldForSearch(`${candidate.firstName} ${candidate.lastName} ${candidate.email} ${candidate.headline}`),
        external_refs: [...candidate.externalRefs].sort((a, b) => a.system.localeCompare(b.system)),
      })),
    );
    expect(rows).toEqual(expect.arrayContaining(expected));
    expect(rows).toHaveLength(expected.length);
  });

  it('should pin every mandate to its firm’s published default rubric', async () => {
    const rows = await em.getConnection().execute(`
      select m.title, r.key, r.version, r.status, r.published_at <= m.created_at as published_before
      from mandate m join rubric r on r.id = m.rubric_id and r.firm_id = m.firm_id`);
    expect(rows).toHaveLength(expectedRows(demoFirms).mandate);
    for (const row of rows) {
      expect(row).toEqual({ title: row.title, key: DEFAULT_RUBRIC_KEY, version: 1, status: 'PUBLISHED', published_before: true });
    }
  });

  it('should store every mandate with its client, lead recruiter and requirement profile', async () => {
    const rows = await em.getConnection().execute(`
      select f.slug, m.title, c.name as client, m.leadership_level, m.location, m.status, u.email as lead,
             (select json_agg(json_build_object('competencyKey', q.competency_key, 'weight', q.weight, 'target', q.target,
                                                'minimum', q.minimum) order by q.competency_key)
              from requirement q where q.mandate_id = m.id) as requirements
      from mandate m join firm f on f.id = m.firm_id join client c on c.id = m.client_id join "user" u on u.id = m.lead_recruiter_id`);
    const expected = demoFirms.flatMap((firm) =>
      firm.mandates.map((mandate) => ({
        slug: firm.slug,
        title: mandate.title,
        client: firm.clients.find((client) => client.ref === mandate.clientRef)!.name,
        leadership_level: mandate.leadershipLevel,
        location: mandate.location,
        status: mandate.status,
        lead: mandate.leadRecruiterEmail,
        requirements: mandate.requirements
          .map((requirement) => ({ minimum: null, ...requirement }))
          .sort((a, b) => a.competencyKey.localeCompare(b.competencyKey)),
      })),
    );
    expect(rows).toEqual(expect.arrayContaining(expected));
    expect(rows).toHaveLength(expected.length);
  });

  it('should keep every stage move with who, why and its historical time', async () => {
    const rows = await em.getConnection().execute(`
      select f.slug, m.title, c.email as candidate, y.stage, ${isoOf('y.created_at')} as candidacy_created_at,
             s.from_stage, s.to_stage, s.reason, u.email as moved_by, ${isoOf('s.created_at')} as created_at
      from candidacy_stage_change s join candidacy y on y.id = s.candidacy_id join mandate m on m.id = y.mandate_id
        join candidate c on c.id = y.candidate_id join firm f on f.id = s.firm_id left join "user" u on u.id = s.moved_by_id`);
    const expected = demoFirms.flatMap((firm) =>
      firm.mandates.flatMap((mandate) =>
        mandate.candidacies.flatMap((candidacy) =>
          candidacy.history.map((move, index) => ({
            slug: firm.slug,
            title: mandate.title,
            candidate: firm.candidates.find((candidate) => candidate.ref === candidacy.candidateRef)!.email,
            stage: candidacy.stage,
            candidacy_created_at: iso(candidacy.history[0].at),
            from_stage: index === 0 ? null : candidacy.history[index - 1].stage,
            to_stage: move.stage,
            reason: move.reason,
            moved_by: move.byEmail,
            created_at: iso(move.at),
          })),
        ),
      ),
    );
    expect(rows).toEqual(expect.arrayContaining(expected));
    expect(rows).toHaveLength(expected.length);
  });

  it('should put every shortlist entry in order with its note, the published ones in one publication as they were', async () => {
    const entries = await em.getConnection().execute(`
      select f.slug, m.title, c.email as candidate, e.position, e.note, e.withdrawn_at, a.email as added_by,
             ${isoOf('e.created_at')} as added_at, p.number as publication, n.position as published_position,
             n.note as published_note, ${isoOf('p.created_at')} as published_at, b.email as published_by
      from shortlist_entry e join shortlist s on s.id = e.shortlist_id join mandate m on m.id = s.mandate_id
        join firm f on f.id = e.firm_id join candidacy y on y.id = e.candidacy_id join candidate c on c.id = y.candidate_id
        left join "user" a on a.id = e.added_by_id left join shortlist_entry_snapshot n on n.id = e.published_id
        left join shortlist_publication p on p.id = n.publication_id left join "user" b on b.id = p.published_by_id`);
    const expected = demoFirms.flatMap((firm) =>
      shortlistsOf(firm.mandates).flatMap(({ mandate, shortlist }) =>
        shortlist.entries.map((entry, index) => {
          const history = mandate.candidacies.find((candidacy) => candidacy.candidateRef === entry.candidateRef)!.history;
          const shortlisted = history.find((move) => move.stage === 'SHORTLISTED')!;
          const presented = history.find((move) => move.stage === 'PRESENTED');
          return {
            slug: firm.slug,
            title: mandate.title,
            candidate: firm.candidates.find((candidate) => candidate.ref === entry.candidateRef)!.email,
            position: index + 1,
            note: entry.note,
            withdrawn_at: null,
            added_by: shortlisted.byEmail,
            added_at: iso(shortlisted.at),
            publication: shortlist.published ? 1 : null,
            published_position: shortlist.published ? index + 1 : null,
            published_note: shortlist.published ? entry.note : null,
            published_at: shortlist.published ? iso(shortlist.publishedAt!) : null,
            published_by: shortlist.published ? presented!.byEmail : null,
          };
        }),
      ),
    );
    expect(entries).toEqual(expect.arrayContaining(expected));
    expect(entries).toHaveLength(expected.length);
    expect(expected.filter((entry) => entry.publication === 1).length).toBeGreaterThan(0);

    // As addToShortlist and publishShortlist leave it: one version per entry, one for publishing.
    const shortlists = await em.getConnection().execute(`
      select m.title, s.version, s.published_version, s.publication_count, ${isoOf('s.published_at')} as published_at,
             (select count(*)::int from shortlist_entry_snapshot n join shortlist_publication p on p.id = n.publication_id
               where p.shortlist_id = s.id and p.shortlist_version = s.version) as snapshots_of_version
      from shortlist s join mandate m on m.id = s.mandate_id`);
    const expectedShortlists = demoFirms.flatMap((firm) =>
      shortlistsOf(firm.mandates).map(({ mandate, shortlist }) => {
        const version = shortlist.entries.length + (shortlist.published ? 1 : 0);
        return {
          title: mandate.title,
          version,
          published_version: shortlist.published ? version : null,
          publication_count: shortlist.published ? 1 : 0,
          published_at: shortlist.published ? iso(shortlist.publishedAt!) : null,
          snapshots_of_version: shortlist.published ? shortlist.entries.length : 0,
        };
      }),
    );
    expect(shortlists).toEqual(expect.arrayContaining(expectedShortlists));
    expect(shortlists).toHaveLength(expectedShortlists.length);
  });

  it('should store every client answer with its author, decision, comment and time', async () => {
    const rows = await em.getConnection().execute(`
      select m.title, c.email as candidate, u.email as author, b.decision, b.comment, ${isoOf('b.created_at')} as given_at
      from shortlist_feedback b join shortlist_entry e on e.id = b.entry_id join shortlist s on s.id = e.shortlist_id
        join mandate m on m.id = s.mandate_id join candidacy y on y.id = e.candidacy_id join candidate c on c.id = y.candidate_id
        left join "user" u on u.id = b.author_id`);
    const expected = demoFirms.flatMap((firm) =>
      shortlistsOf(firm.mandates).flatMap(({ mandate, shortlist }) =>
        shortlist.feedback.map((answer) => ({
          title: mandate.title,
          candidate: firm.candidates.find((candidate) => candidate.ref === answer.candidateRef)!.email,
          author: answer.clientUserEmail,
          decision: answer.decision,
          comment: answer.comment,
          given_at: iso(answer.givenAt!),
        })),
      ),
    );
    expect(rows).toEqual(expect.arrayContaining(expected));
    expect(rows).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('should give every interviewer one scorecard, submitted ones with revision 1 and all their ratings', async () => {
    const rows = await em.getConnection().execute(`
      select c.email as candidate, i.kind, ${isoOf('i.scheduled_at')} as scheduled_at, u.email as interviewer, s.status,
             ${isoOf('s.submitted_at')} as submitted_at, r.number, r.recommendation, r.summary, a.email as author,
             ${isoOf('r.created_at')} as revised_at,
             (select json_agg(json_build_object('competencyKey', g.competency_key, 'score', g.score, 'evidence', g.evidence)
                              order by g.competency_key)
              from rating g where g.revision_id = r.id) as ratings
      from scorecard s join interview i on i.id = s.interview_id join candidacy y on y.id = i.candidacy_id
        join candidate c on c.id = y.candidate_id join "user" u on u.id = s.interviewer_id
        left join scorecard_revision r on r.id = s.latest_revision_id left join "user" a on a.id = r.author_id`);
    const expected = demoFirms.flatMap((firm) =>
      firm.mandates.flatMap((mandate) =>
        mandate.candidacies.flatMap((candidacy) =>
          candidacy.interviews.flatMap((interview) =>
            panelOf(interview).map((email) => {
              const card = interview.scorecards.find((scorecard) => scorecard.interviewerEmail === email);
              const submitted = card?.status === 'SUBMITTED';
              return {
                candidate: firm.candidates.find((candidate) => candidate.ref === candidacy.candidateRef)!.email,
                kind: interview.kind,
                scheduled_at: iso(interview.scheduledAt),
                interviewer: email,
                status: card?.status ?? 'DRAFT',
                submitted_at: submitted ? iso(card.submittedAt!) : null,
                number: submitted ? 1 : null,
                recommendation: submitted ? card.recommendation : null,
                summary: submitted ? card.summary : null,
                author: submitted ? email : null,
                revised_at: submitted ? iso(card.submittedAt!) : null,
                ratings: submitted ? [...card.ratings].sort((a, b) => a.competencyKey.localeCompare(b.competencyKey)) : null,
              };
            }),
          ),
        ),
      ),
    );
    expect(rows).toEqual(expect.arrayContaining(expected));
    expect(rows).toHaveLength(expected.length);
    expect(expected.some((row) => row.status === 'DRAFT')).toBe(true);
  });

  it('should have a latest revision on every submitted scorecard and evidence with every score', async () => {
    const [row] = await em.getConnection().execute(`
      select (select count(*)::int from scorecard where status = 'SUBMITTED') as submitted,
             (select count(*)::int from scorecard where status = 'SUBMITTED' and latest_revision_id is null) as submitted_without_revision,
             (select count(*)::int from scorecard where status = 'DRAFT' and (latest_revision_id is not null or submitted_at is not null)) as drafts_with_revision,
             (select count(*)::int from scorecard s where not exists (select 1 from scorecard_revision r where r.scorecard_id = s.id)
                and s.status = 'SUBMITTED') as submitted_without_any_revision,
             (select count(*)::int from rating where score is not null) as scores,
             (select count(*)::int from rating where score is not null and coalesce(trim(evidence), '') = '') as scores_without_evidence,
             (select count(*)::int from rating where score is null and evidence is not null) as evidence_without_score`);
    expect(row).toEqual({
      submitted: expectedRows(demoFirms).scorecard_revision,
      submitted_without_revision: 0,
      drafts_with_revision: 0,
      submitted_without_any_revision: 0,
      scores: demoFirms
        .flatMap((firm) => firm.mandates.flatMap((mandate) => mandate.candidacies.flatMap((candidacy) => candidacy.interviews)))
        .flatMap((interview) => interview.scorecards.filter((card) => card.status === 'SUBMITTED'))
        .flatMap((card) => card.ratings.filter((rating) => rating.score !== null)).length,
      scores_without_evidence: 0,
      evidence_without_score: 0,
    });
  });

  it('should put Fjellvik’s firm id on exactly the rows of Fjellvik’s data', async () => {
    const [fjellvik] = await em.getConnection().execute(`select id from firm where slug = 'fjellvik'`);
    const fjellvikData = demoFirms.filter((firm) => firm.slug === 'fjellvik');
    expect(await countRows(em, fjellvik.id)).toEqual(expectedRows(fjellvikData));
  });

  it('should never let a row of one firm reference a row of another firm', async () => {
    // Every foreign key between two firm-owned tables, read from the catalogue.
    const references: { table: string; column: string; target: string }[] = await em.getConnection().execute(`
      select kcu.table_name as table, kcu.column_name as column, ccu.table_name as target
      from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public' and kcu.column_name <> 'firm_id'
        and exists (select 1 from information_schema.columns c
                    where c.table_schema = 'public' and c.table_name = kcu.table_name and c.column_name = 'firm_id')
        and exists (select 1 from information_schema.columns c
                    where c.table_schema = 'public' and c.table_name = ccu.table_name and c.column_name = 'firm_id')`);
    expect(references).toEqual(
      expect.arrayContaining([
        { table: 'user', column: 'client_id', target: 'client' },
        { table: 'mandate', column: 'rubric_id', target: 'rubric' },
        { table: 'candidacy_stage_change', column: 'moved_by_id', target: 'user' },
        { table: 'scorecard', column: 'latest_revision_id', target: 'scorecard_revision' },
        { table: 'rating', column: 'revision_id', target: 'scorecard_revision' },
      ]),
    );
    const crossings: Record<string, number> = {};
    let joined = 0;
    for (const { table, column, target } of references) {
      const [row] = await em.getConnection().execute(`
        select count(*)::int as joined, count(*) filter (where a.firm_id <> b.firm_id)::int as crossing
        from "${table}" a join "${target}" b on b.id = a."${column}"`);
      crossings[`${table}.${column}`] = row.crossing;
      joined += row.joined;
    }
    expect(crossings).toEqual(Object.fromEntries(Object.keys(crossings).map((key) => [key, 0])));
    expect(joined).toBeGreaterThan(expectedRows(demoFirms).rating);
  });

  it('should date rows from the data: stage moves, interviews, submissions, and a rubric published first', async () => {
    const [row] = await em.getConnection().execute(`
      select
        (select count(*)::int from candidacy y where y.created_at <> (select min(s.created_at) from candidacy_stage_change s where s.candidacy_id = y.id)
           or y.updated_at <> (select max(s.created_at) from candidacy_stage_change s where s.candidacy_id = y.id)) as candidacies_off,
        (select count(*)::int from scorecard_revision r join scorecard s on s.latest_revision_id = r.id where r.created_at <> s.submitted_at) as revisions_off,
        (select count(*)::int from rating g join scorecard_revision r on r.id = g.revision_id where g.created_at <> r.created_at) as ratings_off,
        (select count(*)::int from interview i where i.created_at > i.scheduled_at) as booked_after_held,
        (select count(*)::int from mandate m join rubric r on r.id = m.rubric_id where r.published_at > m.created_at) as pinned_before_published,
        (select count(*)::int from candidacy y join mandate m on m.id = y.mandate_id where y.created_at < m.created_at) as candidacies_before_mandate,
        (select count(*)::int from "user" u join firm f on f.id = u.firm_id where u.created_at < f.created_at) as users_before_firm,
        (select count(*)::int from firm where created_at > now() - interval '1 day') as firms_dated_today,
        (select count(*)::int from shortlist_entry_snapshot n join shortlist_publication p on p.id = n.publication_id
          where n.created_at <> p.created_at or n.updated_at <> p.created_at) as snapshots_off,
        (select count(*)::int from shortlist s where s.published_at <> (select max(p.created_at) from shortlist_publication p where p.shortlist_id = s.id)
           or s.created_at <> (select min(e.created_at) from shortlist_entry e where e.shortlist_id = s.id)) as shortlists_off,
        (select count(*)::int from shortlist_entry e join shortlist_entry_snapshot n on n.id = e.published_id
          join shortlist_publication p on p.id = n.publication_id where e.created_at > p.created_at) as entries_added_after_publishing,
        (select count(*)::int from shortlist_feedback b join shortlist_entry e on e.id = b.entry_id join shortlist_entry_snapshot n on n.id = e.published_id
          join shortlist_publication p on p.id = n.publication_id where b.created_at < p.created_at) as answers_before_publishing,
        (select count(*)::int from (select updated_at from shortlist union all select updated_at from shortlist_entry
           union all select updated_at from shortlist_publication union all select updated_at from shortlist_feedback) t
          where t.updated_at > now() - interval '1 day') as shortlist_rows_dated_today`);
    expect(row).toEqual({
      candidacies_off: 0,
      revisions_off: 0,
      ratings_off: 0,
      booked_after_held: 0,
      pinned_before_published: 0,
      candidacies_before_mandate: 0,
      users_before_firm: 0,
      firms_dated_today: 0,
      snapshots_off: 0,
      shortlists_off: 0,
      entries_added_after_publishing: 0,
      answers_before_publishing: 0,
      shortlist_rows_dated_today: 0,
    });
  });
});

describe('the seeded demo world through the API', () => {
  const nordlys = demoFirms.find((firm) => firm.slug === 'nordlys')!;
  const clientLogin = nordlys.users.find((user) => user.email === 'client@fjordnett.example')!;

  it('should show client@fjordnett.example exactly the published shortlists of Fjordnett, with notes and own answers', async () => {
    const client = await signIn(app, clientLogin.email, 'fjordnett-client');
    const { presentedMandates } = await client.data(PresentedMandatesDocument, { first: 50 });
    const seen = presentedMandates.edges.map(({ node }) => ({
      title: node.title,
      status: node.status,
      shortlist: node.shortlist && {
        publishedAt: node.shortlist.publishedAt,
        entries: node.shortlist.entries.map((entry) => ({
          position: entry.position,
          note: entry.note,
          publishedAt: entry.publishedAt,
          candidate: entry.candidate,
          myFeedback: entry.myFeedback,
        })),
      },
    }));
    // Every non-draft mandate of the client's company; a shortlist only where the data has one published.
    const expected = nordlys.mandates
      .filter((mandate) => mandate.clientRef === clientLogin.clientRef && mandate.status !== 'DRAFT')
      .map((mandate) => {
        const shortlist = mandate.shortlist?.published ? mandate.shortlist : null;
        return {
          title: mandate.title,
          status: mandate.status,
          shortlist: shortlist && {
            publishedAt: iso(shortlist.publishedAt!),
            entries: shortlist.entries.map((entry, index) => {
              const candidate = nordlys.candidates.find((row) => row.ref === entry.candidateRef)!;
              const answers = shortlist.feedback
                .filter((answer) => answer.candidateRef === entry.candidateRef && answer.clientUserEmail === clientLogin.email)
                .sort((a, b) => Date.parse(a.givenAt!) - Date.parse(b.givenAt!));
              const answer = answers[answers.length - 1];
              return {
                position: index + 1,
                note: entry.note,
                publishedAt: iso(shortlist.publishedAt!),
                candidate: {
                  firstName: candidate.firstName,
                  lastName: candidate.lastName,
                  headline: candidate.headline,
                  location: candidate.location,
                  languages: candidate.languages,
                },
                myFeedback: answer ? { decision: answer.decision, comment: answer.comment, givenAt: iso(answer.givenAt!) } : null,
              };
            }),
          },
        };
      });
    const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
    expect([...seen].sort(byTitle)).toEqual([...expected].sort(byTitle));
    expect(presentedMandates.totalCount).toBe(expected.length);
    expect(expected.flatMap((mandate) => mandate.shortlist?.entries ?? []).length).toBeGreaterThan(0);
    expect(expected.flatMap((mandate) => mandate.shortlist?.entries ?? []).some((entry) => entry.myFeedback)).toBe(true);
  });

  it('should show the client the fit the recruiters see, as publishShortlist snapshotted it', async () => {
    const client = await signIn(app, clientLogin.email, 'fjordnett-client');
    const recruiter = await signIn(app, 'recruiter@nordlys.example', 'nordlys-recruiter');
    const { presentedMandates } = await client.data(PresentedMandatesDocument, { first: 50 });
    const entries = presentedMandates.edges.flatMap(({ node }) => node.shortlist?.entries ?? []);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const [{ candidacy_id }] = await em
        .getConnection()
        .execute(`select candidacy_id from shortlist_entry where id = ?`, [localIdOf(entry.id, 'PresentedShortlistEntry')]);
      const { node } = await recruiter.data(CandidacyScoresDocument, { id: toGlobalId('Candidacy', candidacy_id) });
      const fit = node && 'fit' in node ? node.fit : null;
      expect(fit?.fit).toEqual(expect.any(Number));
      expect({ fit: entry.fit, coverage: entry.coverage, mustHavesMet: entry.mustHavesMet, competencies: entry.competencies }).toEqual({
        fit: fit!.fit,
        coverage: fit!.coverage,
        mustHavesMet: fit!.mustHavesMet,
        competencies: fit!.competencies.map((competency) => ({
          key: competency.key,
          name: expect.any(String),
          weight: competency.weight,
          target: competency.target,
          minimum: competency.minimum,
          score: competency.score,
          gap: competency.gap,
          meetsMinimum: competency.meetsMinimum,
        })),
      });
    }
  });
});

describe('the interview room in the demo world', () => {
  const nordlys = demoFirms.find((firm) => firm.slug === 'nordlys')!;
  const recruiterLogin = nordlys.users.find((user) => user.email === 'recruiter@nordlys.example')!;
  const adminLogin = nordlys.users.find((user) => user.email === 'admin@nordlys.example')!;
  const hour = 3_600_000;

  it('should have interviews in every status: held ones held when scheduled and due a day later, upcoming ones ahead, a cancellation with its reason', async () => {
    const rows: Record<string, unknown>[] = await em.getConnection().execute(`
      select f.slug, i.status, i.version, count(*)::int as interviews,
             count(*) filter (where i.held_at = i.scheduled_at and i.scorecards_due_at = i.held_at + interval '24 hours')::int as held_then,
             count(*) filter (where i.scheduled_at > now())::int as ahead,
             count(*) filter (where i.cancelled_at is not null and i.cancellation_reason is not null)::int as with_reason,
             count(*) filter (where i.location is not null or i.video_link is not null)::int as with_place
      from interview i join firm f on f.id = i.firm_id
      group by f.slug, i.status, i.version order by f.slug, i.status`);
    expect(rows).toEqual([
      { slug: 'fjellvik', status: 'HELD', version: 2, interviews: 1, held_then: 1, ahead: 0, with_reason: 0, with_place: 0 },
      { slug: 'nordlys', status: 'CANCELLED', version: 2, interviews: 1, held_then: 0, ahead: 0, with_reason: 1, with_place: 1 },
      { slug: 'nordlys', status: 'HELD', version: 2, interviews: 17, held_then: 17, ahead: 0, with_reason: 0, with_place: 1 },
      { slug: 'nordlys', status: 'NO_SHOW', version: 2, interviews: 1, held_then: 0, ahead: 0, with_reason: 0, with_place: 1 },
      { slug: 'nordlys', status: 'SCHEDULED', version: 1, interviews: 2, held_then: 0, ahead: 2, with_reason: 0, with_place: 2 },
    ]);
    // The cancelled interview kept its history but not the panelists' empty drafts.
    const [cancelled] = await em.getConnection().execute(`
      select i.cancellation_reason, (select count(*)::int from scorecard s where s.interview_id = i.id) as scorecards
      from interview i where i.status = 'CANCELLED'`);
    expect(cancelled).toEqual({
      cancellation_reason: 'Havbris’ CEO was called to a board meeting that day; the client will propose a new date.',
      scorecards: 0,
    });
  });

  it('should give panelists their focus, weighted in the mandate, and leave some weighted competencies uncovered', async () => {
    const rows: { candidate: string; status: string; email: string; unweighted: number }[] = await em.getConnection().execute(`
      select c.last_name as candidate, i.status, u.email, s.focus_competency_keys as focus,
             (select count(*)::int from unnest(s.focus_competency_keys) k
               where not exists (select 1 from requirement q where q.mandate_id = y.mandate_id and q.competency_key = k and q.weight > 0)) as unweighted
      from scorecard s join interview i on i.id = s.interview_id join candidacy y on y.id = i.candidacy_id
        join candidate c on c.id = y.candidate_id join "user" u on u.id = s.interviewer_id
      where cardinality(s.focus_competency_keys) > 0 order by i.scheduled_at, s.created_at, u.email`);
    expect(
      rows.map((row: { candidate: string; status: string; email: string }) => [row.candidate, row.status, row.email.split('@')[0]]),
    ).toEqual([
      ['Rønning', 'NO_SHOW', 'astrid.nygaard'],
      ['Rønning', 'NO_SHOW', 'recruiter'],
      ['Hägg', 'HELD', 'jonas.lindqvist'],
      ['Hägg', 'HELD', 'recruiter'],
      ['Myklebust', 'SCHEDULED', 'astrid.nygaard'],
      ['Myklebust', 'SCHEDULED', 'recruiter'],
      ['Nes', 'SCHEDULED', 'jonas.lindqvist'],
      ['Nes', 'SCHEDULED', 'recruiter'],
    ]);
    expect(rows.map((row) => row.unweighted)).toEqual(rows.map(() => 0));
  });

  it('should show the demo recruiter their day: two interviews ahead with their focus first in the kit, one overdue scorecard with a half-filled draft', async () => {
    const recruiter = await signIn(app, recruiterLogin.email, recruiterLogin.password);
    const { myInterviews } = await recruiter.data(MyInterviewsDocument, { first: 10, filter: { status: ['SCHEDULED'] }, locale: 'EN' });
    expect(
      myInterviews.nodes.map((node) => ({
        candidate: node.candidacy.candidate.firstName,
        ahead: Date.parse(node.scheduledAt) > Date.now(),
        focusFirst: node.kit.filter((item) => item.inFocus).map((item) => item.key),
        kitStartsWithFocus: node.kit.slice(0, node.kit.filter((item) => item.inFocus).length).every((item) => item.inFocus),
        myScorecard: node.myScorecard?.status,
      })),
    ).toEqual([
      {
        candidate: 'Stian',
        ahead: true,
        focusFirst: ['SERVICE_CULTURE', 'LEADS_BY_EXAMPLE', 'OUTSIDE_IN'],
        kitStartsWithFocus: true,
        myScorecard: 'DRAFT',
      },
      { candidate: 'Håvard', ahead: true, focusFirst: ['OUTSIDE_IN', 'SERVICE_CULTURE'], kitStartsWithFocus: true, myScorecard: 'DRAFT' },
    ]);

    const overdue = await recruiter.data(MyOverdueScorecardsDocument, { overdue: true });
    expect(overdue.myScorecards.totalCount).toBe(1);
    // The others: the two ahead and the one of the no-show.
    expect((await recruiter.data(MyOverdueScorecardsDocument, { overdue: false })).myScorecards.totalCount).toBe(3);
    const { node } = await recruiter.data(ScorecardDraftNodeDocument, { id: overdue.myScorecards.nodes[0].id });
    const card = node && 'draft' in node ? node : null;
    expect(card?.status).toBe('DRAFT');
    expect({ ...card!.draft!, updatedAt: undefined }).toEqual({
      recommendation: 'YES',
      summary: 'Draft – to be completed after reviewing my notes from the second half of the interview.',
      updatedAt: undefined,
      ratings: [
        {
          competencyKey: 'CUSTOMER_INSIGHT',
          score: 4,
          evidence: 'Clear on the data behind her decisions; quoted renewal rates by claim type from memory.',
        },
        {
          competencyKey: 'OUTSIDE_IN',
          score: 2,
          evidence:
            'When I asked what a customer worries about in the first hour after a car accident, she described the claims form and the internal triage.',
        },
        {
          competencyKey: 'SERVICE_CULTURE',
          score: null,
          evidence: 'Pointed to KPIs when asked about the individual handler; check my notes before scoring against the must-have.',
        },
        {
          competencyKey: 'EXECUTION',
          score: 4,
          evidence: 'The backlog reduction is well documented and she was specific about her own decisions in it.',
        },
      ],
    });
    // Held on 17 November at 13:00 UTC, due 24 hours later.
    const [due] = await em
      .getConnection()
      .execute(`select ${isoOf('i.scorecards_due_at')} as due from scorecard s join interview i on i.id = s.interview_id where s.id = ?`, [
        localIdOf(overdue.myScorecards.nodes[0].id, 'Scorecard'),
      ]);
    expect(due.due).toBe(new Date(Date.parse('2026-11-17T13:00:00Z') + 24 * hour).toISOString());
  });

  it('should list that one overdue scorecard for the lead of its mandate but not for the lead of another', async () => {
    const lead = nordlys.users.find((user) => user.email === 'jonas.lindqvist@nordlys.example')!;
    const other = nordlys.users.find((user) => user.email === 'astrid.nygaard@nordlys.example')!;
    const asLead = await signIn(app, lead.email, lead.password);
    const asOther = await signIn(app, other.email, other.password);
    expect((await asLead.data(OverdueScorecardsDocument, { first: 10 })).overdueScorecards.totalCount).toBe(1);
    expect((await asOther.data(OverdueScorecardsDocument, { first: 10 })).overdueScorecards.totalCount).toBe(0);
  });

  it('should list that one overdue scorecard for the admin, and nobody else’s draft to anyone', async () => {
    const admin = await signIn(app, adminLogin.email, adminLogin.password);
    const { overdueScorecards } = await admin.data(OverdueScorecardsDocument, { first: 10 });
    const [recruiter] = await em.getConnection().execute(`select id from "user" where email = ?`, [recruiterLogin.email]);
    expect(overdueScorecards.totalCount).toBe(1);
    expect(overdueScorecards.nodes.map((node) => node.interviewer.id)).toEqual([toGlobalId('User', recruiter.id)]);
    const { node } = await admin.data(ScorecardDraftNodeDocument, { id: overdueScorecards.nodes[0].id });
    expect(node && 'draft' in node ? node.draft : 'no scorecard').toBeNull();
  });
});

describe('seedDemo with one demo firm present', () => {
  it('should load only the missing firm when the other already exists', async () => {
    const other = (await createTestDatabase()) as MikroORM;
    try {
      const arrange = other.em.fork() as EntityManager;
      createFirm(arrange, { name: 'Nordlys (already here)', slug: 'nordlys' });
      await arrange.flush();
      expect(await seedDemo(other.em.fork() as EntityManager)).toBe(true);
      const inspect = other.em.fork() as EntityManager;
      const firms = await inspect.getConnection().execute(`select name, slug from firm order by slug`);
      expect(firms).toEqual([
        { name: 'Fjellvik Partners', slug: 'fjellvik' },
        { name: 'Nordlys (already here)', slug: 'nordlys' },
      ]);
      const [fjellvik] = await inspect.getConnection().execute(`select id from firm where slug = 'fjellvik'`);
      expect(await countRows(inspect, fjellvik.id)).toEqual(expectedRows(demoFirms.filter((firm) => firm.slug === 'fjellvik')));
      expect((await countRows(inspect)).candidate).toBe(expectedRows(demoFirms.filter((firm) => firm.slug === 'fjellvik')).candidate);
    } finally {
      await other.close(true);
    }
  });
});

describe('demoLogins', () => {
  it('should list the four binding logins of PRODUCT.md first, then every other demo user once', () => {
    const logins = demoLogins();
    expect(logins.slice(0, 4).map((login) => [login.email, login.password, login.role, login.firm])).toEqual([
      ['admin@nordlys.example', 'nordlys-admin', 'ADMIN', 'Nordlys Executive Search'],
      ['recruiter@nordlys.example', 'nordlys-recruiter', 'RECRUITER', 'Nordlys Executive Search'],
      ['client@fjordnett.example', 'fjordnett-client', 'CLIENT', 'Nordlys Executive Search'],
      ['admin@fjellvik.example', 'fjellvik-admin', 'ADMIN', 'Fjellvik Partners'],
    ]);
    const everyone = demoFirms.flatMap((firm) => firm.users.map((user) => user.email));
    expect(logins.map((login) => login.email).sort()).toEqual([...everyone].sort());
    expect(logins.slice(4).map((login) => login.email)).toEqual(everyone.filter((email) => !BINDING_LOGINS.includes(email)));
  });
});
