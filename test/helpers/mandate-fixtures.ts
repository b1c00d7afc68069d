import type { EntityManager } from '@mikro-orm/postgresql';
import { type Client, createClient, type CreateClientData } from '../../src/modules/client';
import {
  createMandate,
  type CreateMandateData,
  LeadershipLevel,
  Mandate,
  type MandateStatus,
  type RequirementData,
  setRequirementProfile,
} from '../../src/modules/mandate';
import type { TestApp } from './test-app';
import type { TestFirm } from './fixtures';

export { DEFAULT_COMPETENCY_KEYS } from './competency-keys';

let clientNumber = 0;

// A client of the firm, made by the real service (the values are valid unless overridden).
export async function insertClient(app: TestApp, testFirm: TestFirm, data: Partial<CreateClientData> = {}): Promise<Client> {
  clientNumber += 1;
  return app.em().transactional((tx) =>
    createClient(tx as EntityManager, testFirm.firm.id, {
      name: `Client ${String(clientNumber).padStart(3, '0')} AS`,
      country: 'NO',
      ...data,
    }),
  );
}

// A mandate of the firm, led by its recruiter and pinned to the default rubric unless told
// otherwise; a status other than DRAFT is set directly.
export async function insertMandate(
  app: TestApp,
  testFirm: TestFirm,
  data: Partial<CreateMandateData> & { status?: MandateStatus } = {},
): Promise<Mandate> {
  const { status, ...values } = data;
  return app.em().transactional(async (tx) => {
    const em = tx as EntityManager;
    const mandate = await createMandate(em, testFirm.firm.id, testFirm.recruiter.id, {
      title: 'Chief Executive Officer',
      clientId: testFirm.client.id,
      leadershipLevel: LeadershipLevel.EXECUTIVE,
      ...values,
    });
    if (status) mandate.status = status;
    return mandate;
  });
}

export async function insertRequirementProfile(
  app: TestApp,
  testFirm: TestFirm,
  mandate: Mandate,
  requirements: RequirementData[],
): Promise<Mandate> {
  return app.em().transactional((tx) => setRequirementProfile(tx as EntityManager, testFirm.firm.id, mandate.id, { requirements }));
}

export interface StoredRequirement {
  id: string;
  competencyKey: string;
  weight: number;
  target: number;
  minimum: number | null;
}

// The mandate as stored now, with its requirements in competency-key order (for "nothing
// changed" assertions).
export async function storedMandate(app: TestApp, mandateId: string) {
  const em = app.em();
  const mandate = await em.findOneOrFail(Mandate, mandateId);
  const requirements: StoredRequirement[] = await em
    .getConnection()
    .execute(
      'select id, competency_key as "competencyKey", weight, target, minimum from requirement where mandate_id = ? order by competency_key',
      [mandateId],
    );
  return {
    title: mandate.title,
    location: mandate.location,
    status: mandate.status,
    version: mandate.version,
    leadRecruiterId: mandate.leadRecruiter.id,
    updatedAt: mandate.updatedAt.toISOString(),
    requirements,
  };
}
