import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../common/access';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { localIdOf } from '../../common/global-id';
import { InputCheck } from '../../common/input-check';
import { Firm } from '../../common/firm.entity';
import { User } from '../user';
import { Candidacy, DECIDED_STAGES } from '../candidacy';
import { Scorecard, ScorecardStatus } from './scorecard.entity';
import { Interview, InterviewKind } from './interview.entity';
import { refuseIfErased } from '../candidate';

export const MAX_PANEL_SIZE = 5;

export interface ScheduleInterviewData {
  // Local id, or null when the global id was malformed or of another type.
  candidacyId: string | null;
  kind: InterviewKind;
  scheduledAt: Date;
  // Global ids of users, as sent.
  interviewerIds: string[];
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
  check.done();

  const firm = em.getReference(Firm, firmId);
  const interview = em.create(Interview, { firm, candidacy: candidacy!, kind: data.kind, scheduledAt: data.scheduledAt });
  const now = Date.now();
  interviewers.forEach((interviewer, index) =>
    em.create(Scorecard, {
      firm,
      interview,
      interviewer,
      // A millisecond apart, so that the panel reads back in the order it was named.
      createdAt: new Date(now + index),
      updatedAt: new Date(now),
    }),
  );
  return { interview };
}

export interface PanelChangeData {
  // Local id, or null when the global id was malformed or of another type.
  interviewId: string | null;
  // Global id of a user, as sent.
  interviewerId: string;
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
  } else if (scorecards.some((scorecard) => scorecard.interviewer.id === user.id)) {
    check.add(UserErrorCode.ALREADY_EXISTS, 'This user is already on the panel.', interviewerField);
  } else if (scorecards.length >= MAX_PANEL_SIZE) {
    check.add(UserErrorCode.OUT_OF_RANGE, `A panel has at most ${MAX_PANEL_SIZE} interviewers.`, interviewerField);
  }
  check.done();
  em.create(Scorecard, { firm: em.getReference(Firm, firmId), interview, interviewer: user! });
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

// 1–5 distinct staff users of the firm; client users and unknown ids are refused one by one.
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
    } else if (seen.has(user.id)) {
      check.add(UserErrorCode.INVALID, 'This interviewer is named more than once.', field);
    } else {
      seen.add(user.id);
      panel.push(user);
    }
  });
  return panel;
}
