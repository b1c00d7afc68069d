import DataLoader from 'dataloader';
import { inKeyOrder } from '../../common/loaders';
import type { Context } from '../../server/context';
import { Client } from './client.entity';

// Clients by id, one query per request tick (the tenant filter keeps them in the firm).
export const clientLoader = (context: Context) =>
  new DataLoader<string, Client | null>(async (ids) => {
    const clients = await context.em.find(Client, { id: { $in: [...ids] } });
    return inKeyOrder(ids, clients, (client) => client.id);
  });
