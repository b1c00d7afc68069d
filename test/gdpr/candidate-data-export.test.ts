import { ReferenceKind } from '@mikro-orm/core';
import { ApiKeyScope } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { ConsentStatus } from '../../src/modules/candidate';
import { ERASURE_RULES } from '../../src/modules/gdpr';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestMandate, insertCandidacy, insertCandidate } from '../helpers/candidate-fixtures';
import { CandidateDataExportDocument } from '../generated/graphql';
import { insertGdprMandate, insertPersonWithHistory, type PersonWithHistory } from './gdpr-fixtures';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InterviewKind, Recommendation, scheduleInterview, submitScorecard } from '../../src/modules/interview';

let app: TestApp;
let firm: TestFirm;
let otherFirm: TestFirm;
let person: PersonWithHistory;

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'export');
  otherFirm = await createTestFirm(app, 'exportother');
  person = await insertPersonWithHistory(app, firm, await insertGdprMandate(app, firm));
}, 120_000);
afterAll(() => app.close());

// The entities that hold data about a candidate, worked out here from the ORM metadata on its own:
// those with a many-to-one (or owning one-to-one) property to Candidate or to such an entity.
function entitiesReferencingCandidate(): string[] {
  const metas = Object.values(app.orm.getMetadata().getAll()).filter((meta) => !meta.abstract && meta.tableName);
  const found = new Set(['Candidate']);
  let size = 0;
  while (size !== found.size) {
    size = found.size;
    for (const meta of metas) {
      const refs = meta.relations.filter(
        (relation) => relation.kind === ReferenceKind.MANY_TO_ONE || (relation.kind === ReferenceKind.ONE_TO_ONE && relation.owner),
      );
      if (refs.some((relation) => found.has(relation.type))) found.add(meta.className);
    }
  }
  found.delete('Candidate');
  return [...found].sort();
}

// The JSONObject scalar is typed unknown by the generated documents.
interface ExportDocument {
  exportedAt: string;
  related: Record<string, { id: string }[]>;
  [key: string]: unknown;
}

async function exportOf(candidateId: string): Promise<ExportDocument> {
  const { candidateDataExport } = await firm.asAdmin.data(CandidateDataExportDocument, { candidateId });
  return candidateDataExport as ExportDocument;
}

async function exportAs(caller: TestFirm['asAdmin'], candidateId: string) {
  return caller.request(CandidateDataExportDocument, { candidateId });
}

// The ids of the rows of each table that belong to the person, by hand-written joins.
async function idsByHand(candidateId: string): Promise<Record<string, string[]>> {
  const ids = async (sql: string) =>
    ((await app.em().getConnection().execute(`${sql} order by 1`, [candidateId])) as { id: string }[]).map((row) => row.id);
  const candidacy = `select id from candidacy where candidate_id = ?`;
  const interview = `select id from interview where candidacy_id in (${candidacy})`;
  const scorecard = `select id from scorecard where interview_id in (${interview})`;
  const revision = `select id from scorecard_revision where scorecard_id in (${scorecard})`;
  const entry = `select id from shortlist_entry where candidacy_id in (${candidacy})`;
  return {
    CandidateExternalRef: await ids(`select id from candidate_external_ref where candidate_id = ?`),
    CandidateDuplicate: await ids(`select id from candidate_duplicate where ? in (candidate_id, other_candidate_id)`),
    CandidateDuplicateDismissal: await ids(`select id from candidate_duplicate_dismissal where ? in (candidate_id, other_candidate_id)`),
    Candidacy: await ids(candidacy),
    CandidacyStageChange: await ids(`select id from candidacy_stage_change where candidacy_id in (${candidacy})`),
    Interview: await ids(interview),
    Rating: await ids(`select id from rating where revision_id in (${revision})`),
    Scorecard: await ids(scorecard),
    ScorecardRevision: await ids(revision),
    // Drafts: only the viewer's own (here: the admin has none).
    ScorecardDraft: [],
    DraftRating: [],
    ShortlistEntry: await ids(entry),
    ShortlistEntrySnapshot: await ids(`select id from shortlist_entry_snapshot where entry_id in (${entry})`),
    ShortlistFeedback: await ids(`select id from shortlist_feedback where entry_id in (${entry})`),
  };
}

// The saved drafts on the person's candidacies, whoever saved them.
async function draftIdsByHand(candidateId: string): Promise<string[]> {
  const rows = (await app
    .em()
    .getConnection()
    .execute(
      `select d.id from scorecard_draft d join scorecard s on s.id = d.scorecard_id join interview i on i.id = s.interview_id
        join candidacy c on c.id = i.candidacy_id where c.candidate_id = ?`,
      [candidateId],
    )) as { id: string }[];
  return rows.map((row) => row.id);
}

describe('candidateDataExport', () => {
  it('should have a section for every entity that refers to a candidate, directly or through others', async () => {
    const entities = entitiesReferencingCandidate();
    // The derivation is no empty promise: it finds the tables we know of, through several steps.
    expect(entities).toEqual(
      expect.arrayContaining(['CandidateExternalRef', 'Candidacy', 'Rating', 'ShortlistEntrySnapshot', 'ShortlistFeedback']),
    );
    const candidateDataExport = await exportOf(person.candidate.nodeId);
    expect(Object.keys(candidateDataExport.related).sort()).toEqual(entities);
  });

  it('should have an erasure rule for every entity that refers to a candidate', () => {
    expect(Object.keys(ERASURE_RULES).sort()).toEqual(entitiesReferencingCandidate());
  });

  it('should hold exactly the rows of every table that belong to the candidate', async () => {
    const candidateDataExport = await exportOf(person.candidate.nodeId);
    const exported = Object.fromEntries(
      Object.entries(candidateDataExport.related).map(([name, rows]) => [name, rows.map((row) => row.id).sort()]),
    );
    const expected = await idsByHand(person.candidate.id);
    // A colleague's saved draft is theirs alone: it is stored, and in nobody else's export.
    expect([(await draftIdsByHand(person.candidate.id)).length, expected.ScorecardDraft, expected.DraftRating]).toEqual([1, [], []]);
    expect(exported).toEqual(expected);
    for (const [name, rows] of Object.entries(expected)) {
      // Drafts are the colleague's; duplicate pairs exist only where another record looks like the person.
      const mayBeEmpty = ['ScorecardDraft', 'DraftRating', 'CandidateDuplicate', 'CandidateDuplicateDismissal'];
      if (!mayBeEmpty.includes(name)) expect([name, rows.length > 0]).toEqual([name, true]);
    }
    // The texts written about the person are in it, but for the colleague's draft.
    const text = JSON.stringify(candidateDataExport);
    const { draftEvidence, draftSummary, ...shown } = person.marks;
    for (const value of Object.values(shown)) expect(text).toContain(JSON.stringify(value).slice(1, -1));
    for (const value of [draftEvidence, draftSummary]) expect(text).not.toContain(value);
  });

  it('should give exactly the stored values of a candidate, under the API names, without hidden columns', async () => {
    const candidate = await insertCandidate(app, firm, {
      firstName: 'Åse',
      lastName: 'Østergård',
      email: 'ase@private.example',
      languages: ['nb'],
      tags: ['cfo'],
      externalRefs: [{ system: 'greenhouse', externalId: 'gh-42' }],
      consent: { status: ConsentStatus.GIVEN, retainUntil: new Date('2030-01-31T00:00:00Z') },
    });
    const mandate = await createTestMandate(app, firm);
    const candidacy = await insertCandidacy(app, firm, mandate, candidate);
    const connection = app.em().getConnection();
    const [stored] = await connection.execute(`select * from candidate where id = ?`, [candidate.id]);
    const [ref] = await connection.execute(`select * from candidate_external_ref where candidate_id = ?`, [candidate.id]);
    const [move] = await connection.execute(`select * from candidacy_stage_change where candidacy_id = ?`, [candidacy.id]);
    const iso = (value: string | Date) => new Date(value).toISOString();

    const response = await exportAs(firm.asAdmin, candidate.nodeId);
    expect(response.errors).toBeUndefined();
    const { exportedAt, ...document } = response.data!.candidateDataExport as ExportDocument;
    expect(Date.parse(exportedAt)).not.toBeNaN();
    expect(document).toEqual({
      format: 'outside-in.candidate-data-export/1',
      candidateId: candidate.nodeId,
      candidate: {
        id: candidate.id,
        createdAt: iso(stored.created_at),
        updatedAt: iso(stored.updated_at),
        firm: firm.firm.id,
        firstName: 'Åse',
        lastName: 'Østergård',
        email: 'ase@private.example',
        phone: null,
        headline: null,
        location: null,
        languages: ['nb'],
        linkedinUrl: null,
        tags: ['cfo'],
        consentStatus: 'GIVEN',
        consentGivenAt: iso(stored.consent_given_at),
        consentWithdrawnAt: null,
        retainUntil: '2030-01-31',
        erasedAt: null,
        erasureReason: null,
        version: 1,
        mergedIntoId: null,
        mergedAt: null,
      },
      related: {
        CandidateExternalRef: [
          {
            id: ref.id,
            createdAt: iso(ref.created_at),
            updatedAt: iso(ref.updated_at),
            firm: firm.firm.id,
            candidate: candidate.id,
            system: 'greenhouse',
            externalId: 'gh-42',
          },
        ],
        Candidacy: [
          {
            id: candidacy.id,
            createdAt: iso(candidacy.createdAt),
            updatedAt: iso(candidacy.updatedAt),
            firm: firm.firm.id,
            mandate: mandate.id,
            candidate: candidate.id,
            stage: 'SOURCED',
          },
        ],
        CandidateDuplicate: [],
        CandidateDuplicateDismissal: [],
        CandidacyStageChange: [
          {
            id: move.id,
            createdAt: iso(move.created_at),
            updatedAt: iso(move.updated_at),
            firm: firm.firm.id,
            candidacy: candidacy.id,
            fromStage: null,
            toStage: 'SOURCED',
            reason: null,
            source: 'DIRECT',
            movedBy: firm.recruiter.id,
          },
        ],
        DraftRating: [],
        Interview: [],
        Rating: [],
        Scorecard: [],
        ScorecardDraft: [],
        ScorecardRevision: [],
        ShortlistEntry: [],
        ShortlistEntrySnapshot: [],
        ShortlistFeedback: [],
      },
    });
    expect(response.raw).not.toContain('searchText');
    expect(response.raw).not.toContain('search_text');
  });

  // Found by an independent review: the export was the one path that showed an admin on a panel
  // the other panelists' scores while the admin's own scorecard was still a draft.
  it("should leave out the others' scorecards and the published snapshots while the admin's own scorecard is a draft", async () => {
    const blindPerson = await insertPersonWithHistory(app, firm, await insertGdprMandate(app, firm));
    const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => app.em().transactional((tx) => work(tx as EntityManager));
    const { interview } = await inTransaction((em) =>
      scheduleInterview(em, firm.firm.id, {
        candidacyId: blindPerson.candidacy.id,
        kind: InterviewKind.CLIENT,
        scheduledAt: new Date('2026-11-01T09:00:00Z'),
        interviewerIds: [firm.admin.nodeId],
      }),
    );
    const ids = async (sql: string) =>
      ((await app.em().getConnection().execute(`${sql} order by 1`, [blindPerson.candidate.id, firm.admin.id])) as { id: string }[]).map(
        (row) => row.id,
      );
    const own = `select s.id from scorecard s join interview i on i.id = s.interview_id join candidacy c on c.id = i.candidacy_id
                  where c.candidate_id = ? and s.interviewer_id = ?`;
    const ownRevisions = `select id from scorecard_revision where scorecard_id in (${own})`;
    const related = (document: ExportDocument, name: string) => document.related[name].map((row) => row.id).sort();

    const blind = await exportOf(blindPerson.candidate.nodeId);
    expect(related(blind, 'Scorecard')).toEqual(await ids(own));
    expect(related(blind, 'ScorecardRevision')).toEqual(await ids(ownRevisions));
    expect(related(blind, 'Rating')).toEqual(await ids(`select id from rating where revision_id in (${ownRevisions})`));
    expect(related(blind, 'ShortlistEntrySnapshot')).toEqual([]);
    expect(blind.withheld).toEqual({
      reason:
        "Independent scoring: you have a scorecard on these candidacies that is not submitted yet; the other interviewers' scorecards and ratings and the published snapshots are left out until you submit.",
      candidacyIds: [blindPerson.candidacy.nodeId],
    });
    expect(JSON.stringify(blind)).not.toContain(blindPerson.marks.amendedEvidence);

    await inTransaction((em) =>
      submitScorecard(em, firm.firm.id, firm.admin.id, {
        interviewId: interview.id,
        ratings: [{ competencyKey: 'OUTSIDE_IN', score: 4, evidence: 'Walked us through the customer journey.' }],
        recommendation: Recommendation.YES,
        summary: 'Seen with the client.',
      }),
    );
    const seeing = await exportOf(blindPerson.candidate.nodeId);
    expect(seeing.withheld).toBeUndefined();
    const expected = await idsByHand(blindPerson.candidate.id);
    for (const name of ['Scorecard', 'ScorecardRevision', 'Rating', 'ShortlistEntrySnapshot']) {
      expect([name, related(seeing, name)]).toEqual([name, expected[name]]);
    }
    expect(JSON.stringify(seeing)).toContain(blindPerson.marks.amendedEvidence);
  });

  it("should answer another firm's candidate exactly like one that does not exist: null", async () => {
    const foreign = await exportAs(otherFirm.asAdmin, person.candidate.nodeId);
    const missing = await exportAs(otherFirm.asAdmin, toGlobalId('Candidate', '00000000-0000-4000-8000-000000000000'));
    expect(foreign.raw).toEqual(missing.raw);
    expect([foreign.errors, foreign.data]).toEqual([undefined, { candidateDataExport: null }]);
    const notAnId = await exportAs(firm.asAdmin, person.candidacy.nodeId);
    expect(notAnId.data).toEqual({ candidateDataExport: null });
  });

  it('should refuse recruiters, client users and API keys', async () => {
    const { client: allScopes } = await firm.apiKey(Object.values(ApiKeyScope));
    for (const caller of [firm.asRecruiter, firm.asClientUser, allScopes]) {
      const response = await exportAs(caller, person.candidate.nodeId);
      expect([errorCodes(response), response.data]).toEqual([['FORBIDDEN'], { candidateDataExport: null }]);
      expect(response.raw).not.toContain(person.marks.email);
    }
  });
});
