import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import { principalOf, type Context } from '../../common/context';
import { Shortlist } from './shortlist.entity';
import { ShortlistEntry } from './shortlist-entry.entity';
import { ShortlistEntrySnapshot } from './shortlist-entry-snapshot.entity';
import { ShortlistFeedback } from './shortlist-feedback.entity';

// Per-request DataLoaders of the shortlist feature: one SQL statement per relation and batch,
// on the request's fork, so the tenant filter scopes them to the caller's firm.

// The stored shortlist of each mandate; null while it has none.
export const shortlistByMandateLoader = (context: Context) =>
  new DataLoader<string, Shortlist | null>(async (mandateIds) => {
    const rows = await context.em.find(Shortlist, { mandate: { $in: [...mandateIds] } });
    return inKeyOrder(mandateIds, rows, (row) => row.mandate.id);
  });

export const shortlistByIdLoader = (context: Context) =>
  new DataLoader<string, Shortlist | null>(async (ids) => {
    const rows = await context.em.find(Shortlist, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// Every entry of each shortlist: the active ones in shortlist order, then the withdrawn ones
// in the order they were withdrawn.
export const entriesByShortlistLoader = (context: Context) =>
  new DataLoader<string, ShortlistEntry[]>(async (shortlistIds) => {
    const rows = await context.em.find(
      ShortlistEntry,
      { shortlist: { $in: [...shortlistIds] } },
      { orderBy: { position: 'asc nulls last', withdrawnAt: 'asc', id: 'asc' } },
    );
    return groupedInKeyOrder(shortlistIds, rows, (row) => row.shortlist.id);
  });

export const entryByIdLoader = (context: Context) =>
  new DataLoader<string, ShortlistEntry | null>(async (ids) => {
    const rows = await context.em.find(ShortlistEntry, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// Every answer to each entry, oldest first.
export const feedbackByEntryLoader = (context: Context) =>
  new DataLoader<string, ShortlistFeedback[]>(async (entryIds) => {
    const rows = await context.em.find(ShortlistFeedback, { entry: { $in: [...entryIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return groupedInKeyOrder(entryIds, rows, (row) => row.entry.id);
  });

export const snapshotByIdLoader = (context: Context) =>
  new DataLoader<string, ShortlistEntrySnapshot | null>(async (ids) => {
    const rows = await context.em.find(ShortlistEntrySnapshot, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// What the client sees of each mandate's shortlist: the entries of the last publication that
// were not withdrawn since, in their published order. The snapshots come along and are
// remembered for snapshotByIdLoader.
export const presentedEntriesByMandateLoader = (context: Context) =>
  new DataLoader<string, ShortlistEntry[]>(async (mandateIds) => {
    const rows = await context.em.find(
      ShortlistEntry,
      { shortlist: { mandate: { $in: [...mandateIds] } }, withdrawnAt: null, published: { $ne: null } },
      { populate: ['shortlist', 'published'] },
    );
    const snapshots = context.loaders.get(snapshotByIdLoader);
    for (const row of rows) snapshots.prime(row.published!.id, row.published!.getEntity());
    const position = (row: ShortlistEntry) => row.published!.getEntity().position;
    rows.sort((a, b) => position(a) - position(b) || (a.id < b.id ? -1 : 1));
    return groupedInKeyOrder(mandateIds, rows, (row) => row.shortlist.getEntity().mandate.id);
  });

// The calling user's latest answer to each entry.
export const ownLatestFeedbackLoader = (context: Context) =>
  new DataLoader<string, ShortlistFeedback | null>(async (entryIds) => {
    const principal = principalOf(context);
    if (principal.kind !== 'USER') return entryIds.map(() => null);
    const rows = await context.em.find(
      ShortlistFeedback,
      { entry: { $in: [...entryIds] }, author: principal.userId },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return groupedInKeyOrder(entryIds, rows, (row) => row.entry.id).map((answers) => answers.at(-1) ?? null);
  });

// The snapshot each snapshot's entry had in the publication before (null: the entry is new in
// it), in one statement per batch: every snapshot of those entries with its publication number.
export const previousSnapshotLoader = (context: Context) =>
  new DataLoader<string, ShortlistEntrySnapshot | null>(async (snapshotIds) => {
    const current = await context.loaders.get(snapshotByIdLoader).loadMany(snapshotIds);
    const entryIds = [...new Set(current.map((snapshot) => (snapshot instanceof ShortlistEntrySnapshot ? snapshot.entry.id : null)))];
    const rows = await context.em.find(
      ShortlistEntrySnapshot,
      { entry: { $in: entryIds.filter((id): id is string => id !== null) } },
      { populate: ['publication'] },
    );
    const numberOf = (snapshot: ShortlistEntrySnapshot) => snapshot.publication.getEntity().number;
    return current.map((snapshot) => {
      if (!(snapshot instanceof ShortlistEntrySnapshot)) return null;
      const mine = rows.find((row) => row.id === snapshot.id);
      if (!mine) return null;
      const earlier = rows.filter((row) => row.entry.id === snapshot.entry.id && numberOf(row) < numberOf(mine));
      return earlier.sort((a, b) => numberOf(b) - numberOf(a))[0] ?? null;
    });
  });

// The latest answer of every contact person of the caller's company to each entry, newest
// first, with its author (never the firm's people: only client users answer, and only those of
// the caller's own company are read).
export const colleagueFeedbackLoader = (context: Context) =>
  new DataLoader<string, ShortlistFeedback[]>(async (entryIds) => {
    const principal = principalOf(context);
    if (principal.kind !== 'USER' || !principal.clientId) return entryIds.map(() => []);
    const rows = await context.em.find(
      ShortlistFeedback,
      { entry: { $in: [...entryIds] }, author: { client: principal.clientId } },
      { populate: ['author'], orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    return groupedInKeyOrder(entryIds, rows, (row) => row.entry.id).map((answers) => {
      const seen = new Set<string>();
      return answers.filter((answer) => !seen.has(answer.author!.id) && seen.add(answer.author!.id));
    });
  });
