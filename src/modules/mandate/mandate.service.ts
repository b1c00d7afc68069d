import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Role } from '../../common/access';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { UserErrorCode, UserInputError, badUserInput, notFound } from '../../common/errors';
import { localIdOf } from '../../common/global-id';
import { InputCheck } from '../../common/input-check';
import { Firm } from '../../common/firm.entity';
import { Client } from '../client';
import { User } from '../user';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../rubric';
import { LeadershipLevel, Mandate, MandateStatus } from './mandate.entity';
import { canChangeStatus, refusedStatusChange } from './mandate-status';
import { mandateStatusChanged } from './mandate.events';

// Ids are local ids. For an id the caller gave, null means "names nothing" (e.g. a malformed
// global id) and is reported as NOT_FOUND; undefined means it was not given.
export interface CreateMandateData {
  title: string;
  clientId: string | null;
  leadershipLevel: LeadershipLevel;
  location?: string | null;
  // Not given: the calling user leads the mandate.
  leadRecruiterId?: string | null;
  // Not given: the firm's latest published version of the default rubric.
  rubricId?: string | null;
}

// Ids are global ids, as the caller sent them.
export interface MandateFilterData {
  status?: MandateStatus | null;
  clientId?: string | null;
  leadershipLevel?: LeadershipLevel | null;
  leadRecruiterId?: string | null;
}

export interface UpdateMandateData {
  title?: string | null;
  // null clears the location.
  location?: string | null;
  leadRecruiterId?: string | null;
}

const TITLE = ['input', 'title'];
const LOCATION = ['input', 'location'];
const LEAD_RECRUITER = ['input', 'leadRecruiterId'];
const MAX_TEXT = 200;

// A new mandate starts as a DRAFT, pinned to a published rubric, with an empty profile.
export async function createMandate(
  em: EntityManager,
  firmId: string,
  callerUserId: string | null,
  data: CreateMandateData,
): Promise<Mandate> {
  const check = new InputCheck();
  const title = check.text(TITLE, data.title, { max: MAX_TEXT, required: true });
  const location = check.text(LOCATION, data.location, { max: MAX_TEXT });
  const client = data.clientId ? await em.findOne(Client, { id: data.clientId, firm: firmId }) : null;
  if (!client) check.add(UserErrorCode.NOT_FOUND, 'No client with this id.', ['input', 'clientId']);
  let leadRecruiter: User | null = null;
  if (data.leadRecruiterId !== undefined) {
    leadRecruiter = await findLeadRecruiter(em, check, firmId, data.leadRecruiterId);
  } else if (callerUserId) {
    leadRecruiter = await findLeadRecruiter(em, check, firmId, callerUserId);
  } else {
    check.add(UserErrorCode.REQUIRED, 'leadRecruiterId is required when an API key creates a mandate.', LEAD_RECRUITER);
  }
  const rubric = await rubricToPin(em, check, firmId, data.rubricId);
  check.done();

  const mandate = em.create(Mandate, {
    firm: em.getReference(Firm, firmId),
    title: title!,
    client: client!,
    leadershipLevel: data.leadershipLevel,
    location,
    leadRecruiter: leadRecruiter!,
    rubric: rubric!,
  });
  em.persist(mandate);
  return mandate;
}

export async function updateMandate(
  em: EntityManager,
  firmId: string,
  mandateId: string | null,
  data: UpdateMandateData,
): Promise<Mandate> {
  const mandate = await findMandate(em, firmId, mandateId);
  const check = new InputCheck();
  const title = data.title === undefined ? undefined : check.text(TITLE, data.title, { max: MAX_TEXT, required: true });
  const location = data.location === undefined ? undefined : check.text(LOCATION, data.location, { max: MAX_TEXT });
  const leadRecruiter = data.leadRecruiterId === undefined ? undefined : await findLeadRecruiter(em, check, firmId, data.leadRecruiterId);
  check.done();

  if (title !== undefined) mandate.title = title!;
  if (location !== undefined) mandate.location = location;
  if (leadRecruiter) mandate.leadRecruiter = ref(leadRecruiter);
  return mandate;
}

export async function changeMandateStatus(
  em: EntityManager,
  firmId: string,
  mandateId: string | null,
  status: MandateStatus,
): Promise<Mandate> {
  // Locked, so two concurrent changes cannot both start from the same status.
  const mandate = await findMandate(em, firmId, mandateId, LockMode.PESSIMISTIC_WRITE);
  if (!canChangeStatus(mandate.status, status)) {
    throw UserInputError.of(UserErrorCode.INVALID_STATE, refusedStatusChange(mandate.status, status), ['input', 'status']);
  }
  const fromStatus = mandate.status;
  mandate.status = status;
  if (fromStatus !== status) await mandateStatusChanged(em, firmId, { mandateId: mandate.id, fromStatus, toStatus: status });
  return mandate;
}

// The firm's mandates, oldest first.
export function listMandates(
  em: EntityManager,
  firmId: string,
  filter: MandateFilterData | null | undefined,
  page: ConnectionArgs,
): Promise<Connection<Mandate>> {
  const where: FilterQuery<Mandate> & Record<string, unknown> = { firm: firmId };
  if (filter?.status) where.status = filter.status;
  if (filter?.leadershipLevel) where.leadershipLevel = filter.leadershipLevel;
  if (filter?.clientId != null) where.client = filterId(filter.clientId, 'Client', 'clientId');
  if (filter?.leadRecruiterId != null) where.leadRecruiter = filterId(filter.leadRecruiterId, 'User', 'leadRecruiterId');
  return paginate(em, Mandate, where, { list: 'mandates', keys: ['createdAt', 'id'], ...page });
}

export async function findMandate(em: EntityManager, firmId: string, mandateId: string | null, lockMode?: LockMode): Promise<Mandate> {
  const mandate = mandateId ? await em.findOne(Mandate, { id: mandateId, firm: firmId }, { lockMode }) : null;
  if (!mandate) throw notFound(['input', 'mandateId'], 'mandate');
  return mandate;
}

// The lead recruiter is one of the firm's own people: an admin or a recruiter.
async function findLeadRecruiter(em: EntityManager, check: InputCheck, firmId: string, userId: string | null): Promise<User | null> {
  const user = userId ? await em.findOne(User, { id: userId, firm: firmId }) : null;
  if (!user) {
    check.add(UserErrorCode.NOT_FOUND, 'No user with this id.', LEAD_RECRUITER);
    return null;
  }
  if (user.role !== Role.ADMIN && user.role !== Role.RECRUITER) {
    check.add(UserErrorCode.INVALID, 'The lead recruiter must be an admin or recruiter of the firm, not a client user.', LEAD_RECRUITER);
    return null;
  }
  // A deactivated user cannot sign in to lead anything.
  if (!user.active) {
    check.add(
      UserErrorCode.INVALID_STATE,
      'This user is deactivated: they cannot lead a mandate until an admin reactivates them.',
      LEAD_RECRUITER,
    );
    return null;
  }
  return user;
}

// Only a published rubric can be pinned: scores given against it must never change meaning.
// The row is share-locked, so it cannot be retired while this transaction pins it.
async function rubricToPin(
  em: EntityManager,
  check: InputCheck,
  firmId: string,
  rubricId: string | null | undefined,
): Promise<Rubric | null> {
  const field = ['input', 'rubricId'];
  if (rubricId === undefined) {
    const rubric = await em.findOne(
      Rubric,
      { firm: firmId, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED },
      { orderBy: { version: 'desc' }, lockMode: LockMode.PESSIMISTIC_READ },
    );
    if (!rubric) {
      check.add(
        UserErrorCode.INVALID_STATE,
        `The firm has no published version of the rubric ${DEFAULT_RUBRIC_KEY}: give rubricId.`,
        field,
      );
    }
    return rubric;
  }
  const rubric = rubricId ? await em.findOne(Rubric, { id: rubricId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_READ }) : null;
  if (!rubric) {
    check.add(UserErrorCode.NOT_FOUND, 'No rubric with this id.', field);
    return null;
  }
  if (rubric.status !== RubricStatus.PUBLISHED) {
    const state = rubric.status === RubricStatus.DRAFT ? 'is a draft' : 'is retired';
    check.add(
      UserErrorCode.INVALID_STATE,
      `Rubric ${rubric.key} version ${rubric.version} ${state}; only a published version can be pinned.`,
      field,
    );
    return null;
  }
  return rubric;
}

// A malformed id in a filter is a mistake worth telling; an id of another firm simply matches nothing.
function filterId(globalId: string, typeName: string, name: string): string {
  const id = localIdOf(globalId, typeName);
  if (!id) throw badUserInput(`filter.${name} is not a ${typeName} id.`, 'filter');
  return id;
}
