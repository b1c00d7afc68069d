import { foldForSearch } from './search-text';

// When two candidates are likely one person, and how sure that is: plain functions, no ORM.

export enum DuplicateReason {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  LINKEDIN = 'LINKEDIN',
  EXTERNAL_REF = 'EXTERNAL_REF',
  SIMILAR_NAME = 'SIMILAR_NAME',
}

// The reasons in the order they are listed (strongest first).
export const DUPLICATE_REASONS: readonly DuplicateReason[] = [
  DuplicateReason.EMAIL,
  DuplicateReason.LINKEDIN,
  DuplicateReason.EXTERNAL_REF,
  DuplicateReason.PHONE,
  DuplicateReason.SIMILAR_NAME,
];

// How much each exact reason alone says. A shared phone can be a switchboard, an id in two
// systems can be a coincidence of numbering; an email or a LinkedIn profile is one person's.
const REASON_WEIGHT: Record<Exclude<DuplicateReason, DuplicateReason.SIMILAR_NAME>, number> = {
  EMAIL: 1,
  LINKEDIN: 1,
  EXTERNAL_REF: 0.9,
  PHONE: 0.9,
};
// A similar name (with a matching headline or location) counts at most this much.
const SIMILAR_NAME_WEIGHT = 0.8;

// Folded full names at least this similar (trigram similarity, 0–1) are "similar". It must stay at
// or above pg_trgm's strict_word_similarity_threshold (0.5), which the index lookup uses to find them.
export const NAME_SIMILARITY_THRESHOLD = 0.6;
// Folded headlines at least this similar match.
export const HEADLINE_SIMILARITY_THRESHOLD = 0.5;

// pg_trgm's trigrams of a text: each word (run of letters and digits) in lower case, padded with two
// spaces before and one after, cut into every three consecutive characters; a set.
export function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let index = 0; index + 3 <= padded.length; index += 1) result.add(padded.slice(index, index + 3));
  }
  return result;
}

// pg_trgm's similarity(): shared trigrams over all trigrams of both; 0 when either has none.
export function trigramSimilarity(left: string, right: string): number {
  return setSimilarity(trigrams(left), trigrams(right));
}

// trigrams() as a sorted list of numbers, cheaper to build and compare than a set of strings: a
// trigram is its three UTF-16 code units, 16 bits each (exact in a double), so each trigram has one
// key whatever text it comes from, and the similarity of two lists is that of the trigram sets. A
// text of plain letters, digits and spaces (most folded names) is split without the Unicode expression.
function trigramKeys(text: string): Float64Array {
  const lower = text.toLowerCase();
  let count = 0;
  for (const word of PLAIN_TEXT.test(lower) ? lower.split(' ') : lower.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    // The word padded as "  word " without making that string: one trigram per unit of the word, and one more.
    if (scratch.length < count + word.length + 1) {
      const larger = new Float64Array(2 * (count + word.length + 1));
      larger.set(scratch.subarray(0, count));
      scratch = larger;
    }
    const unit = (index: number) => (index < 2 || index - 2 >= word.length ? 32 : word.charCodeAt(index - 2));
    for (let index = 0; index <= word.length; index += 1) {
      scratch[count++] = (unit(index) * 65536 + unit(index + 1)) * 65536 + unit(index + 2);
    }
  }
  const sorted = scratch.subarray(0, count).sort();
  let size = 0;
  for (let index = 0; index < sorted.length; index += 1)
    if (index === 0 || sorted[index] !== sorted[size - 1]) sorted[size++] = sorted[index];
  return sorted.slice(0, size);
}
// Where trigramKeys builds its keys (grown when a text needs more).
let scratch = new Float64Array(256);
const PLAIN_TEXT = /^[a-z0-9 ]*$/;

// setSimilarity of two trigramKeys lists: one merge of the sorted lists.
function keySimilarity(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

function setSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const trigram of a) if (b.has(trigram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export function foldedName(person: { firstName: string; lastName: string }): string {
  return foldForSearch(`${person.firstName} ${person.lastName}`);
}

// The name keys a similar name is looked for by, as the SQL functions of migration 20261202130000
// compute them for the index (candidate_first_name_key, candidate_last_name_key): the first and the
// last word of the full name folded as the search folds it, punctuation counting as a space. This
// is their reference (a property test holds the SQL to it).
export function nameKeys(person: { firstName: string; lastName: string }): { first: string; last: string } {
  const words = foldedName(person)
    .split(/[\s\p{P}]+/u)
    .filter((word) => word !== '');
  return { first: words[0] ?? '', last: words.at(-1) ?? '' };
}

export interface PersonProfile {
  firstName: string;
  lastName: string;
  headline: string | null;
  location: string | null;
}

// The similarity of two names when they are similar enough and the two also share a location or a
// similar headline; otherwise null. Symmetric, and blind to case and accents.
export function similarNameScore(a: PersonProfile, b: PersonProfile): number | null {
  return similarNameScorer()(a, b);
}

// similarNameScore for many pairs: each text is folded and cut into trigrams once.
export function similarNameScorer(): (a: PersonProfile, b: PersonProfile) => number | null {
  const folded = new Map<string, { text: string; trigrams: Float64Array }>();
  const fold = (text: string) => {
    let entry = folded.get(text);
    if (!entry) {
      const foldedText = foldForSearch(text);
      entry = { text: foldedText, trigrams: trigramKeys(foldedText) };
      folded.set(text, entry);
    }
    return entry;
  };
  return (a, b) => {
    const similarity = keySimilarity(fold(`${a.firstName} ${a.lastName}`).trigrams, fold(`${b.firstName} ${b.lastName}`).trigrams);
    if (similarity < NAME_SIMILARITY_THRESHOLD) return null;
    const location = (person: PersonProfile) => fold(person.location ?? '').text;
    const headline = (person: PersonProfile) => fold(person.headline ?? '').trigrams;
    const sameLocation = location(a) !== '' && location(a) === location(b);
    const similarHeadline = keySimilarity(headline(a), headline(b)) >= HEADLINE_SIMILARITY_THRESHOLD;
    return sameLocation || similarHeadline ? similarity : null;
  };
}

// A pair's score, 0–1 with two decimals: the strongest of its reasons.
export function duplicateScore(reasons: Iterable<DuplicateReason>, nameSimilarity: number | null): number {
  let score = 0;
  for (const reason of reasons) {
    const weight = reason === DuplicateReason.SIMILAR_NAME ? SIMILAR_NAME_WEIGHT * (nameSimilarity ?? 0) : REASON_WEIGHT[reason];
    score = Math.max(score, weight);
  }
  return Math.round(score * 100) / 100;
}
