import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { dropMatchOrder } from '../competency-profile';
import { Competency, Rubric, SCALE } from '../rubric';
import { Mandate } from './mandate.entity';
import { Requirement } from './requirement.entity';
import { findMandate } from './mandate.service';
import { isFinalStatus } from './mandate-status';

// 0 = not considered; targets and minimums are levels of the rubric's scale.
export const MAX_WEIGHT = 5;

export interface RequirementData {
  competencyKey: string;
  // 0–5; 0 = not considered.
  weight: number;
  // The level (1–5) the role needs.
  target: number;
  // A must-have: the least acceptable level (1–5), not above the target.
  minimum?: number | null;
}

export interface SetRequirementProfileData {
  requirements: RequirementData[];
  // Optimistic locking: the profile version the caller last read.
  expectedVersion?: number | null;
}

// Replaces the whole requirement profile of a mandate and raises its version. Every problem
// is reported at once, and nothing is written when there is one.
export async function setRequirementProfile(
  em: EntityManager,
  firmId: string,
  mandateId: string | null,
  data: SetRequirementProfileData,
): Promise<Mandate> {
  // Locked: concurrent changes are serialised, so expectedVersion is compared with the truth.
  const mandate = await findMandate(em, firmId, mandateId, LockMode.PESSIMISTIC_WRITE);
  const rubric = await em.findOneOrFail(Rubric, { id: mandate.rubric.id, firm: firmId });
  const competencies = await em.find(Competency, { rubric: rubric.id, firm: firmId });

  const check = new InputCheck();
  if (isFinalStatus(mandate.status)) {
    check.add(UserErrorCode.INVALID_STATE, `The requirement profile of a ${mandate.status} mandate cannot change.`, ['input', 'mandateId']);
  }
  check.version('requirement profile', mandate.version, data.expectedVersion);
  if (data.requirements.length > competencies.length) {
    // Item errors would point at items that must go anyway; the length is the problem to fix.
    check.add(
      UserErrorCode.INVALID,
      `At most ${competencies.length} requirements: rubric ${rubric.key} version ${rubric.version} has ${competencies.length} competencies.`,
      ['input', 'requirements'],
    );
  } else {
    checkRequirements(check, data.requirements, rubric, new Set(competencies.map((competency) => competency.key)));
  }
  check.done();

  // Rows are matched by competency key, so a kept competency keeps its row.
  const current = new Map((await em.find(Requirement, { mandate: mandate.id, firm: firmId })).map((row) => [row.competencyKey, row]));
  for (const item of data.requirements) {
    const values = { weight: item.weight, target: item.target, minimum: item.minimum ?? null };
    const row = current.get(item.competencyKey);
    if (row) {
      em.assign(row, values);
      current.delete(item.competencyKey);
    } else {
      em.create(Requirement, { firm: mandate.firm, mandate, competencyKey: item.competencyKey, ...values });
    }
  }
  for (const row of current.values()) em.remove(row);
  mandate.version += 1;
  // The talent pool's match order was computed with the old profile: the next read rebuilds it.
  await dropMatchOrder(em, firmId, mandate.id);
  return mandate;
}

function checkRequirements(check: InputCheck, requirements: RequirementData[], rubric: Rubric, keys: Set<string>): void {
  const seen = new Set<string>();
  requirements.forEach((item, index) => {
    const field = (name: string) => ['input', 'requirements', String(index), name];
    if (!keys.has(item.competencyKey)) {
      check.add(
        UserErrorCode.INVALID,
        `${quoted(item.competencyKey)} is not a competency of rubric ${rubric.key} version ${rubric.version}.`,
        field('competencyKey'),
      );
    } else if (seen.has(item.competencyKey)) {
      check.add(UserErrorCode.INVALID, `${item.competencyKey} is given more than once.`, field('competencyKey'));
    }
    seen.add(item.competencyKey);
    check.integer(field('weight'), item.weight, 0, MAX_WEIGHT);
    const target = inRange(item.target) ? item.target : null;
    check.integer(field('target'), item.target, SCALE.min, SCALE.max);
    const minimum = item.minimum ?? null;
    check.integer(field('minimum'), minimum, SCALE.min, SCALE.max);
    if (target !== null && minimum !== null && inRange(minimum) && minimum > target) {
      check.add(UserErrorCode.INVALID, `minimum (${minimum}) must not be above target (${target}).`, field('minimum'));
    }
  });
}

function inRange(level: number): boolean {
  return Number.isInteger(level) && level >= SCALE.min && level <= SCALE.max;
}

// Echoes what the caller sent, but never a wall of text.
function quoted(key: string): string {
  return key.length <= 60 ? `"${key}"` : 'competencyKey';
}
