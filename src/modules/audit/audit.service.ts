import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Principal } from '../../common/access';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { badUserInput } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { AuditActorKind, AuditEvent } from './audit-event.entity';
import type { ActingUser, AuditTrail } from '../../common/context';
import type { AuditEventFilter } from './audit.inputs';
import { insertReadEvents } from './audit.repository';

// What the audit log needs of a request.
export interface AuditedRequest {
  em: EntityManager;
  principal: Principal | null;
  requestId: string;
  audit: AuditTrail;
}

interface Actor {
  firm: string;
  actorKind: AuditActorKind;
  actorUserId: string | null;
  actorApiKeyId: string | null;
}

function userActor({ firmId, userId }: ActingUser): Actor {
  return { firm: firmId, actorKind: AuditActorKind.USER, actorUserId: userId, actorApiKeyId: null };
}

function actorOf(principal: Principal): Actor {
  return principal.kind === 'USER'
    ? userActor(principal)
    : { firm: principal.firmId, actorKind: AuditActorKind.API_KEY, actorUserId: null, actorApiKeyId: principal.apiKeyId };
}

// Adds the mutation's audit row to its transaction (written by the transaction's flush, so it
// commits or rolls back with the change). `result` is what the mutation's work returned.
export function recordMutation(
  em: EntityManager,
  request: AuditedRequest,
  mutation: NonNullable<AuditTrail['mutation']>,
  result: object,
  actingUser: ActingUser | null,
): void {
  const actor: Actor | null = request.principal ? actorOf(request.principal) : actingUser && userActor(actingUser);
  // Every mutation but login needs a principal (@Authorized); without a firm there is no log to write to.
  if (!actor) throw new Error(`${mutation.action}: an audited mutation needs a principal or an acting user.`);
  const object = mainObjectOf(result);
  // A bulk mutation names no main object: the objects its payload's list holds (upsertCandidates'
  // results' candidates), so the filter by object finds what a sync did to each.
  const listed = object ? null : listedObjectsOf(result);
  const outcome: Record<string, unknown> = {};
  // Counts and flags of the payload (createdCount, loggedOut); strings (secrets, tokens) never.
  for (const [name, value] of Object.entries(result)) {
    if (typeof value === 'number' || typeof value === 'boolean') outcome[name] = value;
  }
  const version = (object?.value as { version?: unknown } | undefined)?.version;
  if (typeof version === 'number') outcome.version = version;
  const occurredAt = new Date();
  request.audit.mutatedAt = occurredAt.getTime();
  em.create(AuditEvent, {
    ...actor,
    occurredAt,
    action: mutation.action,
    objectType: object?.objectType ?? listed?.objectType ?? null,
    objectId: object?.objectId ?? (listed?.objectIds.length === 1 ? listed.objectIds[0] : null),
    objectIds: object ? [object.objectId] : (listed?.objectIds ?? []),
    summary: { input: mutation.input, ...(Object.keys(outcome).length > 0 ? { result: outcome } : {}) },
    requestId: request.requestId,
  });
}

// The objects of the payload's first list: its items, or each item's first field, with a global
// id; null unless they are all of one type.
function listedObjectsOf(result: object): { objectType: string; objectIds: string[] } | null {
  const list = Object.values(result).find((value): value is unknown[] => Array.isArray(value));
  if (!list) return null;
  const parsed = list.flatMap((item) => {
    const object = mainObjectOf({ item }) ?? (item && typeof item === 'object' ? mainObjectOf(item) : null);
    return object ? [object] : [];
  });
  const types = new Set(parsed.map((each) => each.objectType));
  if (types.size !== 1) return null;
  return { objectType: parsed[0].objectType, objectIds: [...new Set(parsed.map((each) => each.objectId))].sort() };
}

// The payload's main object: its first field holding an object with a global id (or a global id itself).
function mainObjectOf(result: object): { objectType: string; objectId: string; value: unknown } | null {
  for (const value of Object.values(result)) {
    const globalId = typeof value === 'string' ? value : (value as { nodeId?: unknown } | null)?.nodeId;
    const parsed = typeof globalId === 'string' ? fromGlobalId(globalId) : null;
    if (parsed) return { objectType: parsed.typeName, objectId: parsed.id, value };
  }
  return null;
}

// The personal data this request read, in one statement: one row per type of object and set of
// fields read (a page of candidates with their email is one row naming them all). Outside any
// transaction the request may still hold (no fork of the manager for it: see insertReadEvents).
export async function writeReadEvents(request: AuditedRequest): Promise<void> {
  const { principal, audit } = request;
  if (!principal || audit.reads.size === 0) return;
  const actor = actorOf(principal);
  // Never in the same millisecond as the request's mutation: newest first keeps their order.
  const occurredAt = new Date(Math.max(Date.now(), audit.mutatedAt + 1));
  const groups = new Map<string, { id: string; objectType: string; objectIds: string[]; fields: string[] }>();
  for (const read of audit.reads.values()) {
    const fields = [...read.fields].sort();
    const key = `${read.objectType}:${fields.join(',')}`;
    const group = groups.get(key);
    if (group) group.objectIds.push(read.objectId);
    else groups.set(key, { id: randomUUID(), objectType: read.objectType, objectIds: [read.objectId], fields });
  }
  audit.reads.clear();
  for (const group of groups.values()) group.objectIds.sort();
  const { firm, ...who } = actor;
  await insertReadEvents(request.em, {
    ...who,
    firmId: firm,
    occurredAt,
    requestId: request.requestId,
    groups: [...groups.values()],
  });
}

// The firm's log, newest first.
export function listAuditEvents(
  em: EntityManager,
  firmId: string,
  filter: AuditEventFilter | null | undefined,
  page: ConnectionArgs,
): Promise<Connection<AuditEvent>> {
  const where: FilterQuery<AuditEvent> & Record<string, unknown> = { firm: firmId };
  if (filter?.actorId) {
    const actor = fromGlobalId(filter.actorId);
    if (actor?.typeName === 'User') where.actorUserId = actor.id;
    else if (actor?.typeName === 'ApiKey') where.actorApiKeyId = actor.id;
    else throw badUserInput('filter.actorId must be the id of a User or an ApiKey.', 'filter');
  }
  if (filter?.action) where.action = filter.action;
  if (filter?.objectId) {
    const object = fromGlobalId(filter.objectId);
    if (!object) throw badUserInput('filter.objectId is not an id of ours.', 'filter');
    // By the row id alone: a ShortlistEntry id also finds what was done to it as a PresentedShortlistEntry.
    // A row of one object names it in objectId (rows written before objectIds existed too, and
    // by an older build during a deploy); a row of several in objectIds (GIN-indexed).
    where.$or = [{ objectId: object.id }, { objectIds: { $contains: [object.id] } }];
  }
  if (filter?.since || filter?.until) {
    where.occurredAt = { ...(filter.since ? { $gte: filter.since } : {}), ...(filter.until ? { $lt: filter.until } : {}) };
  }
  return paginate(em, AuditEvent, where, { list: 'auditEvents', keys: ['occurredAt', 'id'], descending: true, ...page });
}

// One event outside GraphQL (a report opened through a link), written at once on its own fork.
export async function recordAccess(
  em: EntityManager,
  principal: Principal,
  event: { action: string; objectType: string; objectId: string; summary: Record<string, unknown>; requestId: string },
): Promise<void> {
  await em
    .fork()
    .insert(AuditEvent, { id: randomUUID(), ...actorOf(principal), occurredAt: new Date(), ...event, objectIds: [event.objectId] });
}
