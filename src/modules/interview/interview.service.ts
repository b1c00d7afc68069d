import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { Role } from '../../common/access';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { localIdOf } from '../../common/global-id';
import { InputCheck } from '../../common/input-check';
import { Firm } from '../../common/firm.entity';
import { User } from '../user';
import { Candidacy, DECIDED_STAGES } from '../candidacy';
import { Requirement } from '../mandate';
import { Scorecard, ScorecardStatus } from './scorecard.entity';
import { Interview, InterviewKind, InterviewStatus } from './interview.entity';
import { refuseIfErased } from '../candidate';
import { interviewChanged } from './interview.events';
import { INTERVIEW_LIMITS } from './interview.limits';
import { ScorecardDraft } from './scorecard-draft.entity';

export const MAX_PANEL_SIZE = 5;

// A deactivated user cannot sign in, so a scorecard of theirs could never be filled in.
const DEACTIVATED_PANELIST = 'This user is deactivated: they cannot sit on a panel until an admin reactivates them.';

export interface InterviewLogisticsData {
  durationMinutes?: number | null;
  location?: string | null;
  videoLink?: string | null;
}

export interface ScheduleInterviewData {
  // Local id, or null when the global id was malformed or of another type.
  candidacyId: string | null;
  kind: InterviewKind;
  scheduledAt: Date;
  // Global ids of users, as sent.
  interviewerIds: string[];
  // Per panelist (a global id of interviewerIds), the competency keys they focus on.
  focus?: { interviewerId: string; focusCompetencyKeys: string[] }[] | null;
  durationMinutes?: number | null;
  location?: string | null;
  videoLink?: string | null;
}

// An interview with its panel: one DRAFT scorecard per interviewer, in the order they are named.
export async function scheduleInterview(em: EntityManager, firmId: string, data: ScheduleInterviewData) {
  const check = new InputCheck();
  const candidacyField = ['input', 'candidacyId'];
  const candidacy = data.candidacyId ? await em.findOne(Candidacy, { id: data.candidacyId, firm: firmId }) : null;
  // No interview (and so no scorecards) about an erased person.
  if (candidacy) await refuseIfErased(em, firmId, { candidacyId: candidacy.id }, candidacyField);
  if (!candidacy) {
    check.add(UserErrorCode.NOT_FOUND, 'No candidacy with this id.', candidacyField);
  } else if (DECIDED_STAGES.includes(candidacy.stage)) {
    check.add(
      UserErrorCode.INVALID_STATE,
      `The candidacy is ${candidacy.stage}: interviews can only be scheduled while it is open.`,
      candidacyField,
    );
  }
  const interviewers = await checkPanel(em, firmId, check, data.interviewerIds);
  const logistics = checkLogistics(check, data);
  const weighted = candidacy ? await weightedKeysOf(em, firmId, candidacy) : new Map<string, number>();
  const focusOf = new Map<string, string[]>();
  (data.focus ?? []).forEach((entry, index) => {
    const field = ['input', 'focus', String(index)];
    const userId = localIdOf(entry.interviewerId, 'User');
    const member = interviewers.find((user) => user.id === userId);
    if (!member) {
      check.add(UserErrorCode.NOT_FOUND, 'This user is not among interviewerIds.', [...field, 'interviewerId']);
    } else if (focusOf.has(member.id)) {
      check.add(UserErrorCode.INVALID, 'This interviewer is given a focus more than once.', [...field, 'interviewerId']);
    }
    const keys = checkFocus(check, [...field, 'focusCompetencyKeys'], entry.focusCompetencyKeys, weighted);
    if (member && !focusOf.has(member.id)) focusOf.set(member.id, keys);
  });
  check.done();

  const firm = em.getReference(Firm, firmId);
  const interview = em.create(Interview, {
    firm,
    candidacy: candidacy!,
    kind: data.kind,
    scheduledAt: data.scheduledAt,
    durationMinutes: logistics.durationMinutes ?? 60,
    location: logistics.location ?? null,
    videoLink: logistics.videoLink ?? null,
  });
  const now = Date.now();
  interviewers.forEach((interviewer, index) =>
    em.create(Scorecard, {
      firm,
      interview,
      interviewer,
      focusCompetencyKeys: focusOf.get(interviewer.id) ?? [],
      // A millisecond apart, so that the panel reads back in the order it was named.
      createdAt: new Date(now + index),
      updatedAt: new Date(now),
    }),
  );
  await interviewChanged(em, firmId, 'interview.scheduled', interview);
  return { interview };
}

export interface PanelChangeData {
  // Local id, or null when the global id was malformed or of another type.
  interviewId: string | null;
  // Global id of a user, as sent.
  interviewerId: string;
  focusCompetencyKeys?: string[] | null;
}

// Adds an interviewer to the panel: a new DRAFT scorecard, last in panel order.
export async function addInterviewer(em: EntityManager, firmId: string, data: PanelChangeData) {
  const { interview, scorecards } = await openInterview(em, firmId, data.interviewId);
  const check = new InputCheck();
  const interviewerField = ['input', 'interviewerId'];
  const userId = localIdOf(data.interviewerId, 'User');
  const user = userId ? await em.findOne(User, { id: userId, firm: firmId }) : null;
  if (!user) {
    check.add(UserErrorCode.NOT_FOUND, 'No user with this id.', interviewerField);
  } else if (user.role === Role.CLIENT) {
    check.add(UserErrorCode.INVALID, 'A client user cannot sit on an interview panel.', interviewerField);
  } else if (!user.active) {
    check.add(UserErrorCode.INVALID_STATE, DEACTIVATED_PANELIST, interviewerField);
  } else if (scorecards.some((scorecard) => scorecard.interviewer.id === user.id)) {
    check.add(UserErrorCode.ALREADY_EXISTS, 'This user is already on the panel.', interviewerField);
  } else if (scorecards.length >= MAX_PANEL_SIZE) {
    check.add(UserErrorCode.OUT_OF_RANGE, `A panel has at most ${MAX_PANEL_SIZE} interviewers.`, interviewerField);
  }
  const candidacy = await em.findOneOrFail(Candidacy, { id: interview.candidacy.id, firm: firmId });
  const focusCompetencyKeys = checkFocus(
    check,
    ['input', 'focusCompetencyKeys'],
    data.focusCompetencyKeys ?? [],
    await weightedKeysOf(em, firmId, candidacy),
  );
  check.done();
  em.create(Scorecard, { firm: em.getReference(Firm, firmId), interview, interviewer: user!, focusCompetencyKeys });
  return { interview };
}

// Takes an interviewer off the panel, with their scorecard, as long as it is an empty draft.
export async function removeInterviewer(em: EntityManager, firmId: string, data: PanelChangeData) {
  const { interview, scorecards } = await openInterview(em, firmId, data.interviewId);
  const interviewerField = ['input', 'interviewerId'];
  const userId = localIdOf(data.interviewerId, 'User');
  const scorecard = scorecards.find((candidate) => candidate.interviewer.id === userId);
  if (!scorecard) throw UserInputError.of(UserErrorCode.NOT_FOUND, 'This user is not on the panel.', interviewerField);
  if (scorecard.status !== ScorecardStatus.DRAFT) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      'This interviewer has submitted their scorecard; a submitted judgement stays on record.',
      interviewerField,
    );
  }
  if (scorecards.length === 1) {
    throw UserInputError.of(UserErrorCode.INVALID_STATE, 'An interview keeps at least one interviewer.', interviewerField);
  }
  em.remove(scorecard);
  return { interview };
}

// The interview with its panel, locked so that panel changes run one after the other; its
// candidacy must still be open. Read without the tenant filter's joins (the firm is in the
// where-clause): under FOR UPDATE a joined row would come from before the wait.
async function openInterview(em: EntityManager, firmId: string, interviewId: string | null) {
  const interviewField = ['input', 'interviewId'];
  const interview = interviewId
    ? await em.findOne(Interview, { id: interviewId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE, filters: false })
    : null;
  if (!interview) throw notFound(interviewField, 'interview');
  if (interview.status === InterviewStatus.CANCELLED) {
    throw UserInputError.of(UserErrorCode.INVALID_STATE, 'The interview is cancelled: its panel can no longer change.', interviewField);
  }
  const candidacy = await em.findOneOrFail(Candidacy, { id: interview.candidacy.id, firm: firmId });
  if (DECIDED_STAGES.includes(candidacy.stage)) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      `The candidacy is ${candidacy.stage}: its interview panels can no longer change.`,
      interviewField,
    );
  }
  // Locked too, so that a scorecard being submitted meanwhile is seen as submitted.
  const scorecards = await em.find(
    Scorecard,
    { interview, firm: firmId },
    { orderBy: { createdAt: 'asc', id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, filters: false },
  );
  return { interview, scorecards };
}

// The competency keys of the requirement profile of the candidacy's mandate, with their weights.
async function weightedKeysOf(em: EntityManager, firmId: string, candidacy: Candidacy): Promise<Map<string, number>> {
  const requirements = await em.find(Requirement, { mandate: candidacy.mandate.id, firm: firmId });
  return new Map(requirements.map((requirement) => [requirement.competencyKey, requirement.weight]));
}

// Focus keys: distinct, each weighted in the mandate's profile (a weight-0 or unknown key would
// send a panelist after something the client does not need).
function checkFocus(check: InputCheck, field: string[], keys: string[], weights: Map<string, number>): string[] {
  const chosen: string[] = [];
  keys.forEach((raw, index) => {
    const key = raw.trim();
    const weight = weights.get(key);
    if (weight === undefined) {
      check.add(UserErrorCode.NOT_FOUND, `The mandate's requirement profile has no competency "${key.slice(0, 60)}".`, [
        ...field,
        String(index),
      ]);
    } else if (weight === 0) {
      check.add(UserErrorCode.INVALID, `${key} has weight 0 in the mandate's profile: focus only on what the client needs.`, [
        ...field,
        String(index),
      ]);
    } else if (chosen.includes(key)) {
      check.add(UserErrorCode.INVALID, `${key} is named more than once.`, [...field, String(index)]);
    } else {
      chosen.push(key);
    }
  });
  return chosen;
}

// 1–5 distinct active staff users of the firm; client users, deactivated users and unknown ids are
// refused one by one.
async function checkPanel(em: EntityManager, firmId: string, check: InputCheck, interviewerIds: string[]): Promise<User[]> {
  const panelField = ['input', 'interviewerIds'];
  if (interviewerIds.length === 0) {
    check.add(UserErrorCode.REQUIRED, 'Name at least one interviewer.', panelField);
    return [];
  }
  if (interviewerIds.length > MAX_PANEL_SIZE) {
    check.add(UserErrorCode.OUT_OF_RANGE, `A panel has at most ${MAX_PANEL_SIZE} interviewers.`, panelField);
    return [];
  }
  const localIds = interviewerIds.map((globalId) => localIdOf(globalId, 'User'));
  const known = localIds.filter((id): id is string => id !== null);
  const users = known.length > 0 ? await em.find(User, { id: { $in: known }, firm: firmId }) : [];
  const usersById = new Map(users.map((user) => [user.id, user]));
  const seen = new Set<string>();
  const panel: User[] = [];
  localIds.forEach((id, index) => {
    const field = [...panelField, String(index)];
    const user = id ? usersById.get(id) : undefined;
    if (!user) {
      check.add(UserErrorCode.NOT_FOUND, 'No user with this id.', field);
    } else if (user.role === Role.CLIENT) {
      check.add(UserErrorCode.INVALID, 'A client user cannot sit on an interview panel.', field);
    } else if (!user.active) {
      check.add(UserErrorCode.INVALID_STATE, DEACTIVATED_PANELIST, field);
    } else if (seen.has(user.id)) {
      check.add(UserErrorCode.INVALID, 'This interviewer is named more than once.', field);
    } else {
      seen.add(user.id);
      panel.push(user);
    }
  });
  return panel;
}

export interface InterviewChangeData {
  // Local id, or null when the global id was malformed or of another type.
  interviewId: string | null;
  expectedVersion?: number | null;
}

export interface RescheduleInterviewData extends InterviewChangeData, InterviewLogisticsData {
  scheduledAt: Date;
}

// A new time (and, when sent, length, place or link) for an interview that has not been held or
// cancelled; a NO_SHOW interview is scheduled again. Never into the past.
export async function rescheduleInterview(em: EntityManager, firmId: string, data: RescheduleInterviewData, now = new Date()) {
  const interview = await lockedInterview(em, firmId, data);
  if (interview.status === InterviewStatus.CANCELLED || interview.status === InterviewStatus.HELD) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      `The interview is ${interview.status}: it can no longer be rescheduled; schedule a new one.`,
      ['input', 'interviewId'],
    );
  }
  const check = new InputCheck();
  if (data.scheduledAt.getTime() <= now.getTime()) {
    check.add(UserErrorCode.OUT_OF_RANGE, 'scheduledAt must be in the future.', ['input', 'scheduledAt']);
  }
  const logistics = checkLogistics(check, data);
  check.done();
  interview.scheduledAt = data.scheduledAt;
  if (logistics.durationMinutes !== undefined) interview.durationMinutes = logistics.durationMinutes ?? 60;
  if (logistics.location !== undefined) interview.location = logistics.location;
  if (logistics.videoLink !== undefined) interview.videoLink = logistics.videoLink;
  interview.status = InterviewStatus.SCHEDULED;
  interview.version += 1;
  await interviewChanged(em, firmId, 'interview.rescheduled', interview);
  return { interview };
}

export interface CancelInterviewData extends InterviewChangeData {
  reason?: string | null;
}

// Calls an interview off, with a reason, as long as nobody has submitted a judgement of it. The
// interview and its panel stay on record; the scorecards nobody saved anything into go.
export async function cancelInterview(em: EntityManager, firmId: string, data: CancelInterviewData) {
  const interviewField = ['input', 'interviewId'];
  const interview = await lockedInterview(em, firmId, data);
  if (interview.status === InterviewStatus.CANCELLED) {
    throw UserInputError.of(UserErrorCode.INVALID_STATE, 'The interview is already cancelled.', interviewField);
  }
  const scorecards = await em.find(Scorecard, { interview, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE, filters: false });
  if (scorecards.some((scorecard) => scorecard.status === ScorecardStatus.SUBMITTED)) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      'A scorecard of this interview has been submitted: a judgement on record cannot be cancelled away.',
      interviewField,
    );
  }
  const check = new InputCheck();
  const reason = check.text(['input', 'reason'], data.reason, { max: INTERVIEW_LIMITS.reason, required: true });
  check.done();

  const drafts = await em.find(ScorecardDraft, { scorecard: { $in: scorecards.map((scorecard) => scorecard.id) }, firm: firmId });
  const withContent = new Set(drafts.map((draft) => draft.scorecard.id));
  for (const scorecard of scorecards) if (!withContent.has(scorecard.id)) em.remove(scorecard);
  interview.status = InterviewStatus.CANCELLED;
  interview.cancelledAt = new Date();
  interview.cancellationReason = reason;
  interview.version += 1;
  await interviewChanged(em, firmId, 'interview.cancelled', interview);
  return { interview };
}

export interface MarkInterviewHeldData extends InterviewChangeData {
  heldAt?: Date | null;
}

// The interview took place: its scorecards fall due the firm's setting later (24 hours by default).
export async function markInterviewHeld(em: EntityManager, firmId: string, data: MarkInterviewHeldData, now = new Date()) {
  const interview = await lockedInterview(em, firmId, data);
  refuseUnlessScheduled(interview, 'held');
  const heldAt = data.heldAt ?? now;
  if (heldAt.getTime() > now.getTime()) {
    throw UserInputError.of(UserErrorCode.OUT_OF_RANGE, 'heldAt cannot be in the future.', ['input', 'heldAt']);
  }
  const firm = await em.findOneOrFail(Firm, firmId);
  interview.status = InterviewStatus.HELD;
  interview.heldAt = heldAt;
  interview.scorecardsDueAt = new Date(heldAt.getTime() + firm.scorecardDueHours * 3_600_000);
  interview.version += 1;
  return { interview };
}

// The candidate did not come. Rescheduling makes it SCHEDULED again.
export async function markInterviewNoShow(em: EntityManager, firmId: string, data: InterviewChangeData) {
  const interview = await lockedInterview(em, firmId, data);
  refuseUnlessScheduled(interview, 'a no-show');
  interview.status = InterviewStatus.NO_SHOW;
  interview.version += 1;
  return { interview };
}

function refuseUnlessScheduled(interview: Interview, what: string): void {
  if (interview.status !== InterviewStatus.SCHEDULED) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      `The interview is ${interview.status}: only a SCHEDULED interview can be marked ${what}.`,
      ['input', 'interviewId'],
    );
  }
}

// The interview, locked for the transaction, at the version the caller read (when given), about
// a person whose data was not erased.
async function lockedInterview(em: EntityManager, firmId: string, data: InterviewChangeData): Promise<Interview> {
  const interviewField = ['input', 'interviewId'];
  const interview = data.interviewId
    ? await em.findOne(Interview, { id: data.interviewId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE, filters: false })
    : null;
  if (!interview) throw notFound(interviewField, 'interview');
  await refuseIfErased(em, firmId, { interviewId: interview.id }, interviewField);
  new InputCheck().version('interview', interview.version, data.expectedVersion).done();
  return interview;
}

// Length 15–480 minutes, a place of at most 200 characters, an https video link; undefined: not sent.
function checkLogistics(check: InputCheck, data: InterviewLogisticsData): InterviewLogisticsData {
  const durationMinutes =
    data.durationMinutes === undefined
      ? undefined
      : check.integer(['input', 'durationMinutes'], data.durationMinutes, INTERVIEW_LIMITS.minDuration, INTERVIEW_LIMITS.maxDuration);
  const location =
    data.location === undefined ? undefined : check.text(['input', 'location'], data.location, { max: INTERVIEW_LIMITS.location });
  const videoLink =
    data.videoLink === undefined ? undefined : check.text(['input', 'videoLink'], data.videoLink, { max: INTERVIEW_LIMITS.videoLink });
  if (videoLink && !isHttpsUrl(videoLink)) {
    check.add(UserErrorCode.INVALID, 'videoLink must be an https URL.', ['input', 'videoLink']);
  }
  return { durationMinutes, location, videoLink };
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export interface MyInterviewsFilterData {
  from?: Date | null;
  to?: Date | null;
  status?: InterviewStatus[] | null;
}

// The interviews the caller sits on the panel of, in the order they take place: their day. One
// statement finds which those are (a person sits on a few hundred panels at most), then the page.
export async function listMyInterviews(
  em: EntityManager,
  firmId: string,
  userId: string,
  filter: MyInterviewsFilterData,
  page: ConnectionArgs,
): Promise<Connection<Interview>> {
  const mine: { interview_id: string }[] = await em.execute(
    `select "interview_id" from "scorecard" where "firm_id" = ? and "interviewer_id" = ?`,
    [firmId, userId],
  );
  const scheduledAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  const where: FilterQuery<Interview> = {
    firm: firmId,
    id: { $in: mine.map((row) => row.interview_id) },
    ...(Object.keys(scheduledAt).length > 0 ? { scheduledAt } : {}),
    ...(filter.status && filter.status.length > 0 ? { status: { $in: filter.status } } : {}),
  };
  return paginate(em, Interview, where, { list: 'myInterviews', keys: ['scheduledAt', 'id'], ...page });
}
