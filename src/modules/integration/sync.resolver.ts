import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../common/connection';
import { principalOf, type Context } from '../../common/context';
import { Mandate, MandateConnection } from '../mandate';
import { Candidacy, CandidacyConnection } from '../candidacy';
import { paginateInSyncOrder, SyncEntityType } from '../sync';
import { ChangesArgs } from './sync.inputs';
import { MANDATE_READERS } from '../../common/access';

const SYNC_ORDER =
  'in the order of their last change, for an incremental sync: keep the last endCursor and pass it as `after` next ' +
  'time. A row changed again comes again; none is ever skipped, even while writes go on. A cursor this database ' +
  'cannot serve (issued by another database, or before a restore) is refused with SYNC_CURSOR_EXPIRED: sync again from the start.';

@Resolver()
export class SyncResolver {
  @Authorized(...MANDATE_READERS)
  @Query(() => MandateConnection, {
    description: `The firm's mandates ${SYNC_ORDER} A change of the requirement profile counts as a change of the mandate.`,
  })
  mandateChanges(@Args() { filter, ...page }: ChangesArgs, @Ctx() context: Context): Promise<Connection<Mandate>> {
    const { firmId } = principalOf(context);
    return paginateInSyncOrder(
      context.em,
      Mandate,
      SyncEntityType.MANDATE,
      firmId,
      { firm: firmId },
      {
        list: 'mandateChanges',
        changedSince: filter?.updatedSince,
        ...page,
      },
    );
  }

  @Authorized(...MANDATE_READERS)
  @Query(() => CandidacyConnection, {
    description:
      `The firm's candidacies ${SYNC_ORDER} A move to another stage, and a submitted or amended scorecard (a new ` +
      'assessment), count as a change of the candidacy.',
  })
  candidacyChanges(@Args() { filter, ...page }: ChangesArgs, @Ctx() context: Context): Promise<Connection<Candidacy>> {
    const { firmId } = principalOf(context);
    return paginateInSyncOrder(
      context.em,
      Candidacy,
      SyncEntityType.CANDIDACY,
      firmId,
      { firm: firmId },
      {
        list: 'candidacyChanges',
        changedSince: filter?.updatedSince,
        ...page,
      },
    );
  }
}
