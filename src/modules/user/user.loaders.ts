import DataLoader from 'dataloader';
import { inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { User } from './user.entity';

// Users by id in one query (lead recruiters, interviewers, authors); the tenant filter keeps
// them in the caller's firm.
export const userByIdLoader = (context: Context) =>
  new DataLoader<string, User | null>(async (ids) => {
    const rows = await context.em.find(User, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });
