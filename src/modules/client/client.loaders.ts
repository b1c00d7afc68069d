import DataLoader from 'dataloader';
import { inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { Client } from './client.entity';

// Clients by id in one query (mandates' clients, client users' companies); the tenant filter
// keeps them in the caller's firm.
export const clientByIdLoader = (context: Context) =>
  new DataLoader<string, Client | null>(async (ids) => {
    const rows = await context.em.find(Client, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });
