import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { STAFF, userIdOf, type Access } from '../../common/access';
import { ConnectionArgs, paginate, type Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { User, userByIdLoader } from '../user';
import { Mandate, mandateByIdLoader, type MandateRow } from '../mandate';
import { Candidacy, candidacyByIdLoader, type CandidacyRow } from '../candidacy';
import { Shortlist } from './shortlist.entity';
import { ShortlistEntry } from './shortlist-entry.entity';
import { ShortlistFeedback } from './shortlist-feedback.entity';
import {
  AddToShortlistInput,
  AddToShortlistPayload,
  PublishShortlistInput,
  PublishShortlistPayload,
  ReorderShortlistInput,
  ReorderShortlistPayload,
  ShortlistEntriesArgs,
  ShortlistFeedbackConnection,
  UpdateShortlistEntryInput,
  UpdateShortlistEntryPayload,
  WithdrawFromShortlistInput,
  WithdrawFromShortlistPayload,
} from './shortlist.inputs';
import {
  addToShortlist,
  emptyShortlist,
  publishShortlist,
  reorderShortlist,
  updateShortlistEntry,
  withdrawFromShortlist,
} from './shortlist.service';
import {
  entriesByShortlistLoader,
  entryByIdLoader,
  feedbackByEntryLoader,
  shortlistByIdLoader,
  shortlistByMandateLoader,
  snapshotByIdLoader,
} from './shortlist.loaders';
import { MANDATE_READERS, SHORTLIST_READERS, SHORTLIST_WRITERS } from '../../common/access';

// The shortlist as the firm sees it and changes it.
@Resolver(() => Shortlist)
export class ShortlistResolver {
  @Authorized<Access>(...SHORTLIST_WRITERS)
  @Mutation(() => AddToShortlistPayload, {
    description: "Adds a candidacy at the end of its mandate's shortlist; moves it to SHORTLISTED if it was earlier in the pipeline.",
  })
  addToShortlist(@Arg('input') input: AddToShortlistInput, @Ctx() context: Context): Promise<AddToShortlistPayload> {
    const principal = principalOf(context);
    return runMutation(context, AddToShortlistPayload, (em) =>
      addToShortlist(em, principal.firmId, userIdOf(principal), {
        mandateId: localIdOf(input.mandateId, 'Mandate'),
        candidacyId: localIdOf(input.candidacyId, 'Candidacy'),
        note: input.note,
        expectedVersion: input.expectedVersion,
      }),
    );
  }

  @Authorized<Access>(...SHORTLIST_WRITERS)
  @Mutation(() => UpdateShortlistEntryPayload, {
    description: 'Changes the note for the client; the client sees it after the next publication.',
  })
  updateShortlistEntry(@Arg('input') input: UpdateShortlistEntryInput, @Ctx() context: Context): Promise<UpdateShortlistEntryPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, UpdateShortlistEntryPayload, (em) =>
      updateShortlistEntry(em, firmId, {
        entryId: localIdOf(input.entryId, 'ShortlistEntry'),
        note: input.note,
        expectedVersion: input.expectedVersion,
      }),
    );
  }

  @Authorized<Access>(...SHORTLIST_WRITERS)
  @Mutation(() => ReorderShortlistPayload, {
    description: 'Puts the active entries in a new order; the client sees it after the next publication.',
  })
  reorderShortlist(@Arg('input') input: ReorderShortlistInput, @Ctx() context: Context): Promise<ReorderShortlistPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, ReorderShortlistPayload, (em) =>
      reorderShortlist(em, firmId, {
        mandateId: localIdOf(input.mandateId, 'Mandate'),
        entryIds: input.entryIds.map((id) => localIdOf(id, 'ShortlistEntry')),
        expectedVersion: input.expectedVersion,
      }),
    );
  }

  @Authorized<Access>(...SHORTLIST_WRITERS)
  @Mutation(() => WithdrawFromShortlistPayload, {
    description: 'Takes an entry off the shortlist: the client stops seeing it at once. The candidacy stays where it is.',
  })
  withdrawFromShortlist(@Arg('input') input: WithdrawFromShortlistInput, @Ctx() context: Context): Promise<WithdrawFromShortlistPayload> {
    const principal = principalOf(context);
    return runMutation(context, WithdrawFromShortlistPayload, (em) =>
      withdrawFromShortlist(em, principal.firmId, userIdOf(principal), {
        entryId: localIdOf(input.entryId, 'ShortlistEntry'),
        reason: input.reason,
        expectedVersion: input.expectedVersion,
      }),
    );
  }

  @Authorized<Access>(...SHORTLIST_WRITERS)
  @Mutation(() => PublishShortlistPayload, {
    description:
      "Shows the shortlist's active entries to the client's users as they are now (note, order, fit); " +
      'moves their candidacies to PRESENTED and an OPEN mandate to PRESENTED.',
  })
  publishShortlist(@Arg('input') input: PublishShortlistInput, @Ctx() context: Context): Promise<PublishShortlistPayload> {
    const principal = principalOf(context);
    return runMutation(context, PublishShortlistPayload, (em) =>
      publishShortlist(em, principal.firmId, userIdOf(principal), {
        mandateId: localIdOf(input.mandateId, 'Mandate'),
        expectedVersion: input.expectedVersion,
      }),
    );
  }

  @Authorized<Access>(...MANDATE_READERS)
  @FieldResolver(() => Mandate)
  async mandate(@Root() shortlist: Shortlist, @Ctx() context: Context): Promise<Mandate> {
    return (await context.loaders.get(mandateByIdLoader).load(shortlist.mandate.id))!;
  }

  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => [ShortlistEntry], { description: 'The active entries in shortlist order.' })
  entries(
    @Root() shortlist: Shortlist,
    @Args() { includeWithdrawn }: ShortlistEntriesArgs,
    @Ctx() context: Context,
  ): Promise<ShortlistEntry[]> {
    return context.loaders
      .get(entriesByShortlistLoader)
      .load(shortlist.id)
      .then((entries) => (includeWithdrawn ? entries : entries.filter((entry) => !entry.withdrawnAt)));
  }

  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => ShortlistFeedbackConnection, { description: "Every answer of the client's users to every entry, oldest first." })
  feedback(@Root() shortlist: Shortlist, @Args() args: ConnectionArgs, @Ctx() context: Context): Promise<Connection<ShortlistFeedback>> {
    return paginate(
      context.em,
      ShortlistFeedback,
      { entry: { shortlist: shortlist.id } },
      {
        list: 'shortlistFeedback',
        keys: ['createdAt', 'id'],
        ...args,
      },
    );
  }
}

@Resolver(() => Mandate)
export class MandateShortlistResolver {
  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => Shortlist, { description: 'The candidates presented (or to be presented) to the client; empty until one is added.' })
  async shortlist(@Root() mandate: MandateRow, @Ctx() context: Context): Promise<Shortlist> {
    return (await context.loaders.get(shortlistByMandateLoader).load(mandate.id)) ?? emptyShortlist(mandate);
  }
}

@Resolver(() => ShortlistEntry)
export class ShortlistEntryResolver {
  @Authorized<Access>(...MANDATE_READERS)
  @FieldResolver(() => Candidacy)
  async candidacy(@Root() entry: ShortlistEntry, @Ctx() context: Context): Promise<CandidacyRow> {
    return (await context.loaders.get(candidacyByIdLoader).load(entry.candidacy.id))!;
  }

  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => Shortlist)
  async shortlist(@Root() entry: ShortlistEntry, @Ctx() context: Context): Promise<Shortlist> {
    return (await context.loaders.get(shortlistByIdLoader).load(entry.shortlist.id))!;
  }

  // People are for the firm's staff; API keys see no users.
  @Authorized<Access>(...STAFF)
  @FieldResolver(() => User, { nullable: true, description: 'Who added it; null when that user is gone.' })
  addedBy(@Root() entry: ShortlistEntry, @Ctx() context: Context): Promise<User | null> | null {
    return entry.addedBy ? context.loaders.get(userByIdLoader).load(entry.addedBy.id) : null;
  }

  @Authorized<Access>(...STAFF)
  @FieldResolver(() => User, { nullable: true, description: 'Who withdrew it; null while it is active.' })
  withdrawnBy(@Root() entry: ShortlistEntry, @Ctx() context: Context): Promise<User | null> | null {
    return entry.withdrawnBy ? context.loaders.get(userByIdLoader).load(entry.withdrawnBy.id) : null;
  }

  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The note the client sees now; null while the client does not see the entry.',
  })
  async publishedNote(@Root() entry: ShortlistEntry, @Ctx() context: Context): Promise<string | null> {
    if (!entry.published) return null;
    return (await context.loaders.get(snapshotByIdLoader).load(entry.published.id))?.note ?? null;
  }

  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'The place the client sees it at now; null while the client does not see the entry.',
  })
  async publishedPosition(@Root() entry: ShortlistEntry, @Ctx() context: Context): Promise<number | null> {
    if (!entry.published) return null;
    return (await context.loaders.get(snapshotByIdLoader).load(entry.published.id))?.position ?? null;
  }

  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the version the client sees now was published; null while the client does not see it.',
  })
  async publishedAt(@Root() entry: ShortlistEntry, @Ctx() context: Context): Promise<Date | null> {
    if (!entry.published) return null;
    return (await context.loaders.get(snapshotByIdLoader).load(entry.published.id))?.createdAt ?? null;
  }

  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => [ShortlistFeedback], {
    description: "Every answer of the client's users, oldest first; isLatest marks the one that counts per user.",
  })
  feedback(@Root() entry: ShortlistEntry, @Ctx() context: Context): Promise<ShortlistFeedback[]> {
    return context.loaders.get(feedbackByEntryLoader).load(entry.id);
  }
}

@Resolver(() => ShortlistFeedback)
export class ShortlistFeedbackResolver {
  @Authorized<Access>(...STAFF)
  @FieldResolver(() => User, { nullable: true, description: 'The client user who answered; null when that user is gone.' })
  author(@Root() feedback: ShortlistFeedback, @Ctx() context: Context): Promise<User | null> | null {
    return feedback.author ? context.loaders.get(userByIdLoader).load(feedback.author.id) : null;
  }

  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => ShortlistEntry)
  async entry(@Root() feedback: ShortlistFeedback, @Ctx() context: Context): Promise<ShortlistEntry> {
    return (await context.loaders.get(entryByIdLoader).load(feedback.entry.id))!;
  }

  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => Boolean, { description: "Whether this is its author's latest answer to the entry: the one that counts." })
  async isLatest(@Root() feedback: ShortlistFeedback, @Ctx() context: Context): Promise<boolean> {
    const answers = await context.loaders.get(feedbackByEntryLoader).load(feedback.entry.id);
    const latest = answers.filter((answer) => answer.author?.id === feedback.author?.id).at(-1);
    return latest?.id === feedback.id;
  }
}
