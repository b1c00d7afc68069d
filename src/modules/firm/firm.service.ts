import type { EntityManager } from '@mikro-orm/postgresql';
import { installDefaultRubric } from '../rubric';
import { Firm } from '../../common/firm.entity';

// A new tenant, with the default rubric published. Firms are made by operators (seeds,
// scripts), not through the API.
export function createFirm(em: EntityManager, data: { name: string; slug: string }): Firm {
  const firm = em.create(Firm, { name: data.name, slug: data.slug });
  em.persist(firm);
  installDefaultRubric(em, firm);
  return firm;
}
