import type { EntityManager } from '@mikro-orm/postgresql';
import { Firm } from './firm.entity';

// A new tenant. Firms are made by operators (seeds, scripts), not through the API.
export function createFirm(em: EntityManager, data: { name: string; slug: string }): Firm {
  const firm = em.create(Firm, { name: data.name, slug: data.slug });
  em.persist(firm);
  return firm;
}
