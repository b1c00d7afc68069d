import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { Role } from '../src/common/access';
import { Firm } from '../src/modules/firm/firm.entity';
import { createFirm } from '../src/modules/firm/firm.service';
import { createUser } from '../src/modules/user/user.service';
import { demoFirms } from './data/demo-world';

// The demo firms of PRODUCT.md and their fictional world. Loads once: a firm already
// present is left as it is.
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await seedDemo(em);
  }
}

export async function seedDemo(em: EntityManager): Promise<boolean> {
  // Seeding works across firms, before any request: the tenant filter does not apply.
  const existing = await em.count(Firm, { slug: { $in: demoFirms.map((firm) => firm.slug) } }, { filters: false });
  if (existing > 0) return false;
  await em.transactional(async (transaction) => {
    const tx = transaction as EntityManager;
    for (const demo of demoFirms) {
      const firm = createFirm(tx, { name: demo.name, slug: demo.slug });
      for (const user of demo.users) {
        await createUser(tx, firm.id, { ...user, role: Role[user.role] });
      }
    }
  });
  return true;
}
