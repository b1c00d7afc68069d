import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { Role } from '../../common/access';
import { badUserInput, UserErrorCode, UserInputError } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { flushOrRefuse } from '../../common/unique';
import { Firm } from '../../common/firm.entity';
import { hashPassword } from './password';
import { User } from './user.entity';
import { Client } from '../client';
import { USER_SEARCH_MAX_LENGTH } from './user.inputs';

export interface CreateUserData {
  email: string;
  name: string;
  role: Role;
  password: string;
  // The client company of a CLIENT user (local id). Absent or null: none given.
  clientId?: string | null;
  // Set when a client id was given but names no client (e.g. a malformed global id).
  clientIdUnknown?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_FIELD = ['input', 'email'];
const EMAIL_TAKEN = 'A user with this email already exists.';
export const MIN_PASSWORD_LENGTH = 10;

export async function createUser(em: EntityManager, firmId: string, data: CreateUserData): Promise<User> {
  const check = new InputCheck();
  const email = check.text(['input', 'email'], data.email, { max: 254, required: true })?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) check.add(UserErrorCode.INVALID, 'email is not an email address.', ['input', 'email']);
  const name = check.text(['input', 'name'], data.name, { max: 200, required: true });
  if (data.password.length < MIN_PASSWORD_LENGTH || data.password.length > 200) {
    check.add(UserErrorCode.INVALID, `password must be ${MIN_PASSWORD_LENGTH} to 200 characters.`, ['input', 'password']);
  }
  // Emails are unique across firms, since sign-in is by email alone.
  if (email && (await em.count(User, { email }, { filters: { tenant: false } })) > 0) {
    check.add(UserErrorCode.ALREADY_EXISTS, EMAIL_TAKEN, EMAIL_FIELD);
  }
  const client = await clientOfNewUser(em, check, firmId, data);
  check.done();

  const user = em.create(User, {
    firm: em.getReference(Firm, firmId),
    email: email!,
    name: name!,
    role: data.role,
    passwordHash: await hashPassword(data.password),
    client,
  });
  em.persist(user);
  return user;
}

// Writes the new user at once, so that the same email added by another request at the same
// moment is ALREADY_EXISTS rather than a server error at commit. (createUser itself does not
// flush: seeding builds a whole firm in memory and writes it in one go.)
export function flushNewUser(em: EntityManager): Promise<void> {
  return flushOrRefuse(em, () => UserInputError.of(UserErrorCode.ALREADY_EXISTS, EMAIL_TAKEN, EMAIL_FIELD));
}

// A CLIENT user speaks for exactly one client company of the firm; the firm's staff for none.
async function clientOfNewUser(em: EntityManager, check: InputCheck, firmId: string, data: CreateUserData): Promise<Client | null> {
  const field = ['input', 'clientId'];
  const given = Boolean(data.clientId) || Boolean(data.clientIdUnknown);
  if (data.role !== Role.CLIENT) {
    if (given) check.add(UserErrorCode.INVALID, `${data.role} users belong to the firm, not to a client: leave clientId out.`, field);
    return null;
  }
  if (!given) {
    check.add(UserErrorCode.REQUIRED, 'clientId is required for a CLIENT user.', field);
    return null;
  }
  // By primary key, so a client made earlier in the same unit of work (seeding) is found too.
  const client = data.clientId ? await em.findOne(Client, data.clientId, { filters: { tenant: false } }) : null;
  if (!client || client.firm.id !== firmId) {
    check.add(UserErrorCode.NOT_FOUND, 'No client with this id.', field);
    return null;
  }
  return client;
}

export interface UserFilterData {
  roles?: Role[] | null;
  search?: string | null;
  // true: active users only; false: deactivated ones only; absent: both.
  active?: boolean | null;
}

const STAFF_ROLES = [Role.ADMIN, Role.RECRUITER];

// The firm's users by name (then id), for picking colleagues: its staff unless other roles are asked for.
export function listUsers(
  em: EntityManager,
  firmId: string,
  filter: UserFilterData | null | undefined,
  page: ConnectionArgs,
): Promise<Connection<User>> {
  if (filter?.roles && filter.roles.length === 0) {
    throw badUserInput('filter.roles must name at least one role; leave it out for the staff.', 'filter');
  }
  const conditions: FilterQuery<User>[] = [{ firm: firmId, role: { $in: filter?.roles ?? STAFF_ROLES } }];
  if (filter?.search != null) {
    if (filter.search.length > USER_SEARCH_MAX_LENGTH) {
      throw badUserInput(`filter.search is longer than ${USER_SEARCH_MAX_LENGTH} characters.`, 'filter');
    }
    const term = filter.search.trim();
    if (term) {
      const pattern = `%${escapeLike(term)}%`;
      conditions.push({ $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }] });
    }
  }
  if (filter?.active === true) conditions.push({ deactivatedAt: null });
  if (filter?.active === false) conditions.push({ deactivatedAt: { $ne: null } });
  return paginate(em, User, { $and: conditions }, { list: 'users', keys: ['name', 'id'], ...page });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export interface UpdateUserData {
  userId: string | null;
  name?: string | null;
  role?: Role | null;
  expectedVersion?: number | null;
}

const USER_ID_FIELD = ['input', 'userId'];

// Locks the firm's active admins (in id order, so two admins changing each other queue rather
// than deadlock): the last-admin rule then holds against a concurrent demotion or deactivation.
async function lockActiveAdmins(em: EntityManager, firmId: string): Promise<User[]> {
  return em.find(
    User,
    { firm: firmId, role: Role.ADMIN, deactivatedAt: null },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
  );
}

// One of the firm's staff; client users are managed with their client, not here.
async function findStaffUser(em: EntityManager, firmId: string, userId: string | null): Promise<User> {
  const user = userId
    ? await em.findOne(User, { id: userId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  if (!user) throw UserInputError.of(UserErrorCode.NOT_FOUND, 'No user with this id.', USER_ID_FIELD);
  if (user.role === Role.CLIENT) {
    throw UserInputError.of(
      UserErrorCode.INVALID,
      "Client users are managed with their client, not among the firm's staff.",
      USER_ID_FIELD,
    );
  }
  return user;
}

// An admin changes a colleague's name or role (ADMIN or RECRUITER); the last active admin stays one.
export async function updateUser(em: EntityManager, firmId: string, data: UpdateUserData): Promise<User> {
  const admins = await lockActiveAdmins(em, firmId);
  const user = await findStaffUser(em, firmId, data.userId);
  const check = new InputCheck();
  check.version('user', user.version, data.expectedVersion);
  const name = data.name == null ? null : check.text(['input', 'name'], data.name, { max: 200, required: true });
  if (data.role === Role.CLIENT) {
    check.add(UserErrorCode.INVALID, 'role must be ADMIN or RECRUITER: client users are managed with their client.', ['input', 'role']);
  } else if (data.role === Role.RECRUITER && user.role === Role.ADMIN && user.active && admins.length <= 1) {
    check.add(UserErrorCode.LAST_ADMIN, 'This is the last active admin of the firm: make another user admin first.', ['input', 'role']);
  }
  check.done();
  const changed = (name !== null && name !== user.name) || (data.role != null && data.role !== user.role);
  if (changed) {
    if (name !== null) user.name = name;
    if (data.role != null) user.role = data.role;
    user.version += 1;
  }
  return user;
}

// Deactivates a colleague: their sessions end now (every bearer token of theirs stops working on
// the next request), they cannot sign in, and what they wrote (submitted scorecards) stays.
export async function deactivateUser(em: EntityManager, firmId: string, actingUserId: string, userId: string | null): Promise<User> {
  const admins = await lockActiveAdmins(em, firmId);
  const user = await findStaffUser(em, firmId, userId);
  if (user.id === actingUserId) {
    throw UserInputError.of(UserErrorCode.SELF, 'You cannot deactivate yourself: ask another admin.', USER_ID_FIELD);
  }
  // Already deactivated: nothing to do (a resent request lands where the first did).
  if (!user.active) return user;
  if (user.role === Role.ADMIN && admins.length <= 1) {
    throw UserInputError.of(
      UserErrorCode.LAST_ADMIN,
      'This is the last active admin of the firm: make another user admin first.',
      USER_ID_FIELD,
    );
  }
  user.deactivatedAt = new Date();
  user.version += 1;
  // By entity name: sessions belong to the auth feature, which builds on this one.
  await em.nativeDelete('Session', { user: user.id });
  return user;
}

// Lets a deactivated colleague sign in again (with their old password; old sessions stay ended).
export async function reactivateUser(em: EntityManager, firmId: string, userId: string | null): Promise<User> {
  const user = await findStaffUser(em, firmId, userId);
  if (user.active) return user;
  user.deactivatedAt = null;
  user.version += 1;
  return user;
}
