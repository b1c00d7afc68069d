import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, toConnection, type Connection, type ConnectionArgs } from '../../common/connection';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { Candidate } from './candidate.entity';
import { CandidateDuplicate } from './candidate-duplicate.entity';
import { DUPLICATE_REASONS, DuplicateReason, duplicateScore, similarNameScorer } from './duplicate-model';
import {
  findDuplicateMatches,
  insertDismissal,
  NAME_MATCHES_PER_CANDIDATE,
  pairsInvolving,
  writeDuplicatePairs,
  type FoundPair,
} from './duplicate.repository';
import { alreadyErased } from './erased';

// One likely duplicate, seen from one candidate: `candidateId` is that candidate.
export interface DuplicateView {
  candidateId: string;
  otherCandidateId: string;
  reasons: DuplicateReason[];
  score: number;
}

// The pairs of `candidates` (just written, already flushed) found again from scratch, and what they
// are now: each candidate's likely duplicates, most likely first, as a warning for the writer. A
// constant number of statements for any number of candidates (a bulk upsert's whole batch), and a
// bounded number of similar names compared per candidate (NAME_NEIGHBOURS).
export async function refreshDuplicates(em: EntityManager, firmId: string, candidates: Pick<Candidate, 'id'>[]): Promise<DuplicateView[]> {
  if (candidates.length === 0) return [];
  const ids = candidates.map((candidate) => candidate.id);
  const matches = await findDuplicateMatches(em, firmId, ids);

  // Each candidate's similar names, scored here; only the most similar ones count.
  const similar = new Map<string, { otherId: string; similarity: number }[]>();
  const found = new Map<string, { reasons: Set<DuplicateReason>; nameSimilarity: number | null; low: string; high: string }>();
  const add = (candidateId: string, otherId: string, reason: DuplicateReason, nameSimilarity: number | null) => {
    const [low, high] = candidateId < otherId ? [candidateId, otherId] : [otherId, candidateId];
    const key = pairKey(low, high);
    const pair = found.get(key) ?? { reasons: new Set<DuplicateReason>(), nameSimilarity: null, low, high };
    pair.reasons.add(reason);
    if (nameSimilarity !== null) pair.nameSimilarity = nameSimilarity;
    found.set(key, pair);
  };
  const similarNameScore = similarNameScorer();
  for (const match of matches) {
    if (match.reason !== DuplicateReason.SIMILAR_NAME) {
      add(match.candidateId, match.otherId, match.reason, null);
      continue;
    }
    const similarity = similarNameScore(match.profile!, match.otherProfile!);
    if (similarity === null) continue;
    const list = similar.get(match.candidateId) ?? [];
    // The same name can come from both of its keys.
    if (!list.some((entry) => entry.otherId === match.otherId)) list.push({ otherId: match.otherId, similarity });
    similar.set(match.candidateId, list);
  }
  for (const [candidateId, list] of similar) {
    list.sort((a, b) => b.similarity - a.similarity || (a.otherId < b.otherId ? -1 : 1));
    for (const { otherId, similarity } of list.slice(0, NAME_MATCHES_PER_CANDIDATE)) {
      add(candidateId, otherId, DuplicateReason.SIMILAR_NAME, similarity);
    }
  }
  const pairs: FoundPair[] = [...found.values()].map((pair) => ({
    candidateId: pair.low,
    otherCandidateId: pair.high,
    reasons: DUPLICATE_REASONS.filter((reason) => pair.reasons.has(reason)),
    score: duplicateScore(pair.reasons, pair.nameSimilarity),
  }));

  // Only what differs from the stored pairs is written, so writing a candidate again changes nothing.
  const { stored, dismissed: dismissals } = await pairsInvolving(em, firmId, ids);
  const dismissed = new Set(dismissals.map((row) => pairKey(row.candidateId, row.otherCandidateId)));
  const live = pairs.filter((pair) => !dismissed.has(pairKey(pair.candidateId, pair.otherCandidateId)));
  const storedByKey = new Map(stored.map((row) => [pairKey(row.candidateId, row.otherCandidateId), row]));
  const liveKeys = new Set(live.map((pair) => pairKey(pair.candidateId, pair.otherCandidateId)));
  const gone = stored.filter((row) => !liveKeys.has(pairKey(row.candidateId, row.otherCandidateId)));
  const changed = live.filter((pair) => {
    const row = storedByKey.get(pairKey(pair.candidateId, pair.otherCandidateId));
    return !row || row.score !== pair.score || row.reasons.join(',') !== pair.reasons.join(',');
  });
  if (gone.length > 0 || changed.length > 0) {
    const goneIds = gone.map((row) => row.id);
    await writeDuplicatePairs(em, firmId, goneIds, changed);
  }
  const written = new Set(ids);
  const viewsByCandidate = new Map<string, DuplicateView[]>();
  const addView = (view: DuplicateView) => {
    if (!written.has(view.candidateId)) return;
    const list = viewsByCandidate.get(view.candidateId) ?? [];
    list.push(view);
    viewsByCandidate.set(view.candidateId, list);
  };
  for (const pair of live) {
    const view = { candidateId: pair.candidateId, otherCandidateId: pair.otherCandidateId, reasons: pair.reasons, score: pair.score };
    addView(view);
    addView({ ...view, candidateId: pair.otherCandidateId, otherCandidateId: pair.candidateId });
  }
  return ids.flatMap((id) => inOrder(viewsByCandidate.get(id) ?? []));
}

function pairKey(low: string, high: string): string {
  return `${low}/${high}`;
}

// Most likely first; between equal scores, by the other candidate's id.
function inOrder(views: DuplicateView[]): DuplicateView[] {
  return views.sort((a, b) => b.score - a.score || (a.otherCandidateId < b.otherCandidateId ? -1 : 1));
}

// The live pairs (neither candidate erased) of these candidates: one statement.
export function storedPairsOf(em: EntityManager, firmId: string, candidateIds: readonly string[]): Promise<CandidateDuplicate[]> {
  const ids = [...candidateIds];
  return em.find(CandidateDuplicate, {
    firm: firmId,
    $or: [{ candidate: { $in: ids } }, { otherCandidate: { $in: ids } }],
    candidate: { erasedAt: null },
    otherCandidate: { erasedAt: null },
  });
}

// The pairs of one candidate among `pairs`, seen from that candidate.
export function viewsOf(candidateId: string, pairs: CandidateDuplicate[]): DuplicateView[] {
  return inOrder(
    pairs.flatMap((pair) => {
      if (pair.candidate.id === candidateId) return [viewOf(pair, false)];
      if (pair.otherCandidate.id === candidateId) return [viewOf(pair, true)];
      return [];
    }),
  );
}

function viewOf(pair: CandidateDuplicate, reversed: boolean): DuplicateView {
  const [candidateId, otherCandidateId] = reversed
    ? [pair.otherCandidate.id, pair.candidate.id]
    : [pair.candidate.id, pair.otherCandidate.id];
  return { candidateId, otherCandidateId, reasons: pair.reasons, score: pair.score };
}

// The firm's likely duplicates, most likely first; each pair once. Keyset-paged on (score, id)
// through the index (firm_id, score, id); erased candidates' pairs are left out.
export async function listDuplicates(em: EntityManager, firmId: string, page: ConnectionArgs): Promise<Connection<DuplicateView>> {
  const connection = await paginate(
    em,
    CandidateDuplicate,
    { firm: firmId, candidate: { erasedAt: null }, otherCandidate: { erasedAt: null } },
    { list: 'candidateDuplicates', keys: ['score', 'id'], descending: true, ...page },
  );
  const views = connection.nodes.map((pair) => viewOf(pair, false));
  const cursors = new Map(connection.edges.map((edge, index) => [views[index], edge.cursor]));
  return toConnection(
    views,
    connection.pageInfo.hasNextPage,
    connection.pageInfo.hasPreviousPage,
    (view) => cursors.get(view)!,
    () => connection.totalCount,
  );
}

// Records that the two are different people: their pair is removed and not found again. Dismissing
// a pair again (or one never found) changes nothing more.
export async function dismissDuplicate(
  em: EntityManager,
  firmId: string,
  candidateId: string | null,
  otherCandidateId: string | null,
): Promise<{ candidate: Candidate; otherCandidate: Candidate }> {
  const fields = { candidate: ['input', 'candidateId'], other: ['input', 'otherCandidateId'] };
  const ids = [candidateId, otherCandidateId].filter((id): id is string => id !== null);
  // Locked for share like every write about a candidate, so an erasure at the same moment waits.
  const found = await em.find(Candidate, { id: { $in: ids }, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_READ });
  const candidate = found.find((row) => row.id === candidateId);
  const otherCandidate = found.find((row) => row.id === otherCandidateId);
  const errors = [
    ...(candidate ? [] : notFound(fields.candidate, 'candidate').errors),
    ...(otherCandidate ? [] : notFound(fields.other, 'candidate').errors),
    ...(candidate?.erasedAt ? alreadyErased(fields.candidate).errors : []),
    ...(otherCandidate?.erasedAt ? alreadyErased(fields.other).errors : []),
  ];
  if (errors.length > 0) throw new UserInputError(errors);
  // After the lookup, so that an id nobody may see is answered like a missing one, pair or not.
  if (candidate!.id === otherCandidate!.id) {
    throw UserInputError.of(
      UserErrorCode.INVALID,
      'A candidate is not a duplicate of themselves: name two different candidates.',
      fields.other,
    );
  }

  const [low, high] = candidate!.id < otherCandidate!.id ? [candidate!, otherCandidate!] : [otherCandidate!, candidate!];
  await insertDismissal(em, firmId, low.id, high.id);
  return { candidate: candidate!, otherCandidate: otherCandidate! };
}
