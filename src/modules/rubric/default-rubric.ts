import type { EntityManager } from '@mikro-orm/postgresql';
import { Firm } from '../../common/firm.entity';
import { Rubric, RubricStatus } from './rubric.entity';
import { Competency } from './competency.entity';
import { customerOrientedLeadershipRubric } from './customer-oriented-leadership';

export const DEFAULT_RUBRIC_KEY = customerOrientedLeadershipRubric.key;

// Every firm starts with "Customer-oriented leadership", version 1, published.
export function installDefaultRubric(em: EntityManager, firm: Firm, publishedAt = new Date()): Rubric {
  const seed = customerOrientedLeadershipRubric;
  const rubric = em.create(Rubric, {
    firm,
    key: seed.key,
    version: 1,
    status: RubricStatus.PUBLISHED,
    publishedAt,
    name: seed.name,
    description: seed.description,
  });
  seed.competencies.forEach((competency, index) =>
    em.create(Competency, {
      firm,
      rubric,
      key: competency.key,
      position: index + 1,
      name: competency.name,
      description: competency.description,
      indicators: competency.indicators,
      questions: competency.questions,
      anchors: [...competency.anchors],
    }),
  );
  em.persist(rubric);
  return rubric;
}
