import type { EntityManager } from '@mikro-orm/postgresql';
import { seedDemo } from '../../seeds/demo.seeder';
import { demoFirms } from '../../seeds/data/demo-world';
import { Mandate } from '../../src/modules/mandate';
import { Firm } from '../../src/common/firm.entity';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { signIn } from '../helpers/fixtures';
import { InterviewerCalibrationDocument, MandatesAgreementDocument } from '../generated/graphql';

// The demo world shows calibration and agreement at work (PRODUCT.md §3b): one noticeably
// lenient and one severe interviewer, and panels enough that the open mandates can be read.
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemo(app.orm.em.fork() as EntityManager);
});
afterAll(() => app.close());

const nordlysAdmin = () => {
  const user = demoFirms.find((firm) => firm.slug === 'nordlys')!.users.find((each) => each.role === 'ADMIN')!;
  return signIn(app, user.email, user.password);
};

describe('the demo world', () => {
  it('should show Jonas Lindqvist noticeably lenient and Ingrid Halvorsen noticeably severe, the largest first', async () => {
    const admin = await nordlysAdmin();
    const { interviewerCalibration } = await admin.data(InterviewerCalibrationDocument, { first: 10, filter: {} });
    const rows = interviewerCalibration.nodes.map((row) => [row.interviewer.name, Math.sign(row.shrunkLeniency), row.shrunkLeniency]);
    expect(
      rows
        .slice(0, 2)
        .map(([name, sign]) => [name, sign])
        .sort(),
    ).toEqual([
      ['Ingrid Halvorsen', -1],
      ['Jonas Lindqvist', 1],
    ]);
    for (const [, , shrunk] of rows.slice(0, 2)) expect(Math.abs(shrunk as number)).toBeGreaterThan(0.5);
    for (const [, , shrunk] of rows.slice(2)) expect(Math.abs(shrunk as number)).toBeLessThan(0.3);
  });

  it('should give every Nordlys mandate with interviews at least 10 pairable units', async () => {
    const admin = await nordlysAdmin();
    const { mandates } = await admin.data(MandatesAgreementDocument, { first: 20 });
    const nordlys = await app.em().findOneOrFail(Firm, { slug: 'nordlys' }, { filters: false });
    const titles = new Map(
      (await app.em().find(Mandate, { firm: nordlys.id }, { filters: false })).map((mandate) => [mandate.nodeId, mandate.title]),
    );
    const interviewed = demoFirms
      .find((firm) => firm.slug === 'nordlys')!
      .mandates.filter((mandate) => mandate.candidacies.some((candidacy) => candidacy.interviews.length > 0))
      .map((mandate) => mandate.title);
    const units = mandates.nodes.filter((mandate) => interviewed.includes(titles.get(mandate.id)!));
    expect(units).toHaveLength(interviewed.length);
    for (const mandate of units) {
      expect(mandate.agreement.overall.pairableUnits).toBeGreaterThanOrEqual(10);
      expect(mandate.agreement.overall.alpha).not.toBeNull();
    }
  });
});
