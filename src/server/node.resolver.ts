import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '../common/node';
import { isWholeFirm } from '../common/node-source';
import { fromGlobalId, toGlobalId } from '../common/global-id';
import { badUserInput } from '../common/errors';
import { principalOf, type Context } from '../common/context';
import { features } from './features';

const MAX_NODES = 100;
const sourcesByType = new Map(features.flatMap((feature) => feature.nodeSources).map((source) => [source.typeName, source]));

// One query per type among the requested ids, whatever their number.
const nodeLoader = (context: Context) =>
  new DataLoader<string, object | null>(async (globalIds) => {
    const principal = principalOf(context);
    const idsByType = new Map<string, string[]>();
    for (const globalId of globalIds) {
      const parsed = fromGlobalId(globalId);
      if (parsed && sourcesByType.has(parsed.typeName)) {
        idsByType.set(parsed.typeName, [...(idsByType.get(parsed.typeName) ?? []), parsed.id]);
      }
    }
    const found = new Map<string, object>();
    for (const [typeName, ids] of idsByType) {
      const source = sourcesByType.get(typeName)!;
      const visible = source.visibleTo(principal);
      if (visible === null) continue;
      const rows =
        source.rowsById && !source.present && isWholeFirm(visible)
          ? await source.rowsById(context.em, ids)
          : await context.em.find(source.entity, { $and: [{ id: { $in: ids } }, visible] } as never);
      for (const row of rows as { id: string }[]) found.set(toGlobalId(typeName, row.id), source.present ? source.present(row) : row);
    }
    return globalIds.map((globalId) => found.get(globalId) ?? null);
  });

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null if it does not exist for you.' })
  node(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<object | null> {
    return context.loaders.get(nodeLoader).load(id);
  }

  @Authorized()
  @Query(() => [Node], { nullable: 'items', description: `Objects by global ids (at most ${MAX_NODES}), in order; null where not found.` })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: Context): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) throw badUserInput(`ids may hold at most ${MAX_NODES} ids.`, 'ids');
    return context.loaders.get(nodeLoader).loadMany(ids) as Promise<(object | null)[]>;
  }
}
