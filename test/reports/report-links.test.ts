import { toGlobalId } from '../../src/common/global-id';
import { ApiKeyScope } from '../../src/common/access';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import {
  EVIDENCE_MARKER,
  SUMMARY_MARKER,
  TAG_MARKER,
  insertAssessedMandate,
  insertClientContact,
  insertClientWithContact,
  type AssessedMandate,
  type ClientContact,
} from '../helpers/shortlist-fixtures';
import type { Client } from '../../src/modules/client';
import {
  AddToShortlistDocument,
  GiveShortlistFeedbackDocument,
  MandateReportLinkDocument,
  PresentedReportLinkDocument,
  PresentedReportViewDocument,
  PublishShortlistDocument,
  UpdateShortlistEntryDocument,
  WithdrawFromShortlistDocument,
} from '../generated/graphql';

// The report's links and the client portal's new fields, over real HTTP against a real
// database: who gets a link, what it opens, and how each bad link is answered.
let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  [nordlys, fjellvik] = await Promise.all([createTestFirm(app, 'nordlys'), createTestFirm(app, 'fjellvik')]);
});
afterAll(() => app.close());

interface Company extends ClientContact {
  client: Client;
}

interface Published {
  company: Company;
  world: AssessedMandate;
  entryIds: string[];
  presentedMandateId: string;
}

// A client company with a contact, an assessed mandate with `candidates` on its shortlist, published once.
async function published(candidates = 2): Promise<Published> {
  const company = await insertClientWithContact(app, nordlys);
  const world = await insertAssessedMandate(app, nordlys, { client: company.client, candidates });
  const entryIds: string[] = [];
  for (const [index, { candidacy }] of world.candidacies.entries()) {
    const { addToShortlist } = await nordlys.asRecruiter.data(AddToShortlistDocument, {
      input: { mandateId: world.mandate.nodeId, candidacyId: candidacy.nodeId, note: `Note ${index + 1}: close to customers.` },
    });
    entryIds.push(addToShortlist.entry!.id);
  }
  await publish(world);
  return { company, world, entryIds, presentedMandateId: toGlobalId('PresentedMandate', world.mandate.id) };
}

async function publish(world: AssessedMandate): Promise<void> {
  const { publishShortlist } = await nordlys.asRecruiter.data(PublishShortlistDocument, { input: { mandateId: world.mandate.nodeId } });
  expect(publishShortlist.userErrors).toEqual([]);
}

async function clientLink(as: ClientContact['as'], presentedMandateId: string, format: 'HTML' | 'PDF' = 'HTML', locale = 'NB') {
  const response = await as.request(PresentedReportLinkDocument, { id: presentedMandateId, format, locale: locale as 'NB' });
  return response;
}

async function open(url: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text(), headers: response.headers };
}

function linkOf(response: Awaited<ReturnType<typeof clientLink>>): { url: string; expiresAt: string } {
  const node = response.data?.node;
  if (!node || !('reportLink' in node) || !node.reportLink) throw new Error(`expected a report link, got ${response.raw}`);
  return node.reportLink;
}

describe('report links', () => {
  it('should give a client user a 15-minute link that opens the HTML report of the latest publication, in bokmål', async () => {
    const { company, world, presentedMandateId } = await published();
    const before = Date.now();
    const response = await clientLink(company.as, presentedMandateId);
    const link = linkOf(response);
    expect(link.url).toMatch(new RegExp(`^${app.url}/reports/oi_report_[\\w-]{43}$`));
    const lifetime = new Date(link.expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThan(15 * 60 * 1000 - 5000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60 * 1000 + 1000);

    const page = await open(link.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('<html lang="nb">');
    expect(page.text).toContain('Kandidatrapport');
    expect(page.text).toContain(world.mandate.title);
    for (const { candidate } of world.candidacies) {
      expect(page.text).toContain(`${candidate.firstName} ${candidate.lastName}`);
      expect(page.text).not.toContain(candidate.email!);
      expect(page.text).not.toContain(candidate.phone!);
    }
    // Fit 95 in the bokmål format (a no-break space before the percent sign).
    expect(page.text).toContain('95\u00a0%');
    for (const marker of [
      EVIDENCE_MARKER,
      SUMMARY_MARKER,
      TAG_MARKER,
      nordlys.admin.name,
      nordlys.admin.email,
      'INTERVIEWING',
      'PRESENTED',
    ]) {
      expect(page.text).not.toContain(marker);
    }
  });

  it('should answer a link for a shortlist not yet published with null', async () => {
    const company = await insertClientWithContact(app, nordlys);
    const world = await insertAssessedMandate(app, nordlys, { client: company.client });
    const response = await clientLink(company.as, toGlobalId('PresentedMandate', world.mandate.id));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ node: { reportLink: null } });
    const staff = await nordlys.asRecruiter.request(MandateReportLinkDocument, { id: world.mandate.nodeId, format: 'PDF' });
    expect(staff.data).toEqual({ node: { shortlistReportLink: null } });
  });

  it("should not find another client's or another firm's mandate for a client user", async () => {
    const { presentedMandateId } = await published(1);
    const stranger = await insertClientWithContact(app, nordlys);
    expect((await clientLink(stranger.as, presentedMandateId)).data).toEqual({ node: null });
    const foreign = await insertClientWithContact(app, fjellvik);
    expect((await clientLink(foreign.as, presentedMandateId)).data).toEqual({ node: null });
    // The other firm's staff do not find the mandate either.
    const { world } = await published(1);
    expect((await fjellvik.asAdmin.request(MandateReportLinkDocument, { id: world.mandate.nodeId, format: 'HTML' })).data).toEqual({
      node: null,
    });
  });

  it('should refuse an unknown locale as a bad variable, before anything runs', async () => {
    const { company, presentedMandateId } = await published(1);
    const response = await clientLink(company.as, presentedMandateId, 'HTML', 'FI');
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain('Locale');
  });

  it('should answer a tampered token with a plain 404 page and an expired one with a plain 401 page, naming nothing', async () => {
    const { company, world, presentedMandateId } = await published(1);
    const { url } = linkOf(await clientLink(company.as, presentedMandateId));
    const last = url.at(-1) === 'A' ? 'B' : 'A';
    for (const tampered of [url.slice(0, -1) + last, url + 'x', `${app.url}/reports/oi_report_`, `${app.url}/reports/anything`]) {
      const page = await open(tampered);
      expect(page.status).toBe(404);
      expect(page.text).toContain('There is no report at this address');
      expect(page.text).not.toContain(world.mandate.title);
    }
    await app.em().getConnection().execute(`update report_link set expires_at = now() - interval '1 second'`);
    const expired = await open(url);
    expect(expired.status).toBe(401);
    expect(expired.text).toContain('This link has expired');
    expect(expired.text).not.toContain(world.mandate.title);
    expect(expired.text).not.toContain(world.candidacies[0].candidate.lastName);
  });

  it('should refuse the link of an API key revoked since, and of a client user moved to another company', async () => {
    const { world, company } = await published(1);
    const { apiKey, client } = await nordlys.apiKey([ApiKeyScope.MANDATES_READ, ApiKeyScope.SHORTLISTS_READ]);
    const keyLink = await client.request(MandateReportLinkDocument, { id: world.mandate.nodeId, format: 'HTML', locale: 'SV' });
    const { url } = (keyLink.data!.node as { shortlistReportLink: { url: string } }).shortlistReportLink;
    expect((await open(url)).status).toBe(200);
    await app.em().getConnection().execute(`update api_key set revoked_at = now() where id = ?`, [apiKey.id]);
    const revoked = await open(url);
    expect(revoked.status).toBe(401);
    expect(revoked.text).toContain('This link no longer works');

    const clientUrl = linkOf(await clientLink(company.as, toGlobalId('PresentedMandate', world.mandate.id))).url;
    const elsewhere = await insertClientWithContact(app, nordlys);
    await app.em().getConnection().execute(`update "user" set client_id = ? where id = ?`, [elsewhere.client.id, company.user.id]);
    expect((await open(clientUrl)).status).toBe(401);
  });

  it('should leave a withdrawn entry out of a report opened afterwards', async () => {
    const { company, world, entryIds, presentedMandateId } = await published(2);
    const { url } = linkOf(await clientLink(company.as, presentedMandateId));
    const [kept, withdrawn] = world.candidacies.map(({ candidate }) => `${candidate.firstName} ${candidate.lastName}`);
    expect((await open(url)).text).toContain(withdrawn);
    await nordlys.asRecruiter.data(WithdrawFromShortlistDocument, { input: { entryId: entryIds[1], reason: 'Took another offer.' } });
    const page = await open(url);
    expect(page.status).toBe(200);
    expect(page.text).toContain(kept);
    expect(page.text).not.toContain(withdrawn);
  });

  it('should keep showing the publication a link was made for after a newer one, and give new links the newer one', async () => {
    const { company, world, entryIds, presentedMandateId } = await published(1);
    const old = linkOf(await clientLink(company.as, presentedMandateId)).url;
    await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, { input: { entryId: entryIds[0], note: 'Second look: even better.' } });
    await publish(world);
    const oldPage = await open(old);
    expect(oldPage.text).toContain('<dt>Publisering</dt><dd>1</dd>');
    expect(oldPage.text).toContain('Note 1: close to customers.');
    const fresh = await open(linkOf(await clientLink(company.as, presentedMandateId)).url);
    expect(fresh.text).toContain('<dt>Publisering</dt><dd>2</dd>');
    expect(fresh.text).toContain('Second look: even better.');
    expect(fresh.text).toContain('<span class="change">Endret</span>');
  });

  it('should refuse a staff link while its user holds an unsubmitted scorecard on a candidate of the report', async () => {
    const { world } = await published(1);
    await app
      .em()
      .getConnection()
      .execute(
        `update scorecard set status = 'DRAFT' where interviewer_id = ? and interview_id in (select id from interview where candidacy_id = ?)`,
        [nordlys.recruiter.id, world.candidacies[0].candidacy.id],
      );
    const response = await nordlys.asRecruiter.request(MandateReportLinkDocument, { id: world.mandate.nodeId, format: 'HTML' });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0].message).toContain('unsubmitted scorecard');
    const admin = await nordlys.asAdmin.request(MandateReportLinkDocument, { id: world.mandate.nodeId, format: 'HTML' });
    expect(admin.errors).toBeUndefined();
  });

  it('should write every view and download to the audit log, as the principal who asked for the link', async () => {
    const { company, presentedMandateId } = await published(1);
    const { url } = linkOf(await clientLink(company.as, presentedMandateId));
    await open(url);
    await open(url);
    const rows = await app
      .em()
      .getConnection()
      .execute(`select action, object_type, actor_user_id, summary from audit_event where actor_user_id = ? and action like 'report:%'`, [
        company.user.id,
      ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      action: 'report:view',
      object_type: 'ShortlistPublication',
      actor_user_id: company.user.id,
      summary: { locale: 'NB', format: 'HTML', publicationNumber: 1, replaced: false },
    });
  });
});

describe('the client portal grows to match the report', () => {
  it('should show the comparison, lead consultant, how sure each score is, and what changed since the last publication', async () => {
    const { company, world, entryIds, presentedMandateId } = await published(2);
    const colleague = await insertClientContact(app, nordlys, company.client);
    const view = async () => {
      const { node } = await company.as.data(PresentedReportViewDocument, { id: presentedMandateId, locale: 'EN' });
      return node as Extract<typeof node, { title: string }>;
    };
    const first = await view();
    expect(first.leadConsultant).toEqual({ name: nordlys.recruiter.name });
    const [a, b] = first.shortlist!.entries;
    expect(first.comparison!.columns).toEqual([
      { entry: { id: a.id }, fit: 95 },
      { entry: { id: b.id }, fit: 95 },
    ]);
    expect(first.comparison!.rows.map((row) => [row.key, row.weight, row.target, row.minimum])).toEqual([
      ['OUTSIDE_IN', 5, 4, 3],
      ['SERVICE_CULTURE', 3, 4, null],
      ['EXECUTION', 2, 3, null],
    ]);
    expect(
      first.comparison!.rows.map((row) => row.cells.map((cell) => [cell.score, cell.gap, cell.ratingsCount, cell.disagreement])),
    ).toEqual([
      [
        [4.5, 0.5, 2, false],
        [4.5, 0.5, 2, false],
      ],
      [
        [3.5, -0.5, 2, false],
        [3.5, -0.5, 2, false],
      ],
      [
        [3, 0, 2, true],
        [3, 0, 2, true],
      ],
    ]);
    expect(a.change).toBe('NEW');
    const execution = a.competencies.find((competency) => competency.key === 'EXECUTION')!;
    expect(execution).toMatchObject({ score: 3, ratingsCount: 2, disagreement: true });
    expect(execution.scaleText).toEqual(expect.any(String));
    expect(execution.description.length).toBeGreaterThan(10);

    await colleague.as.data(GiveShortlistFeedbackDocument, { input: { entryId: a.id, decision: 'MAYBE', comment: 'First thought.' } });
    await colleague.as.data(GiveShortlistFeedbackDocument, { input: { entryId: a.id, decision: 'INTERESTED', comment: 'Let us meet.' } });
    await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, { input: { entryId: entryIds[0], note: 'Updated note.' } });
    await publish(world);
    const second = await view();
    expect(second.shortlist!.entries.map((entry) => entry.change)).toEqual(['CHANGED', 'UNCHANGED']);
    expect(second.shortlist!.entries[0].colleagueFeedback).toEqual([
      { authorName: colleague.user.name, decision: 'INTERESTED', comment: 'Let us meet.' },
    ]);
    expect(second.shortlist!.entries[1].colleagueFeedback).toEqual([]);
  });
});

describe('SQL statements', () => {
  // Two publications, every contact having answered every entry: change, feedback and comparison all have rows to read.
  async function republished(size: number): Promise<Published> {
    const shortlist = await published(size);
    const { node } = await shortlist.company.as.data(PresentedReportViewDocument, { id: shortlist.presentedMandateId });
    for (const entry of (node as { shortlist: { entries: { id: string }[] } }).shortlist.entries) {
      await shortlist.company.as.data(GiveShortlistFeedbackDocument, { input: { entryId: entry.id, decision: 'MAYBE', comment: 'Hm.' } });
    }
    await publish(shortlist.world);
    return shortlist;
  }

  it('should answer the comparison, changes and colleagues’ feedback of 6 entries in as many statements as of 2', async () => {
    const [two, six] = [await republished(2), await republished(6)];
    const count = (shortlist: Published) =>
      app.countStatements(() => shortlist.company.as.data(PresentedReportViewDocument, { id: shortlist.presentedMandateId, locale: 'DA' }));
    expect(await count(six)).toBe(await count(two));
  });

  it('should open the report of 6 entries in as many statements as of 2', async () => {
    const [two, six] = [await republished(2), await republished(6)];
    const count = async (shortlist: Published) => {
      const { url } = linkOf(await clientLink(shortlist.company.as, shortlist.presentedMandateId));
      return app.countStatements(async () => expect((await open(url)).status).toBe(200));
    };
    expect(await count(six)).toBe(await count(two));
  });
});
