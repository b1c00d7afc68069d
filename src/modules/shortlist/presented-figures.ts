import { registerEnumType } from 'type-graphql';
import type { Locale, LocalizedText } from '../../common/locale';
import { type CompetencyFit, DISAGREEMENT_SPREAD } from '../fit';

// One competency of a published entry as stored in its snapshot: computeFit's figures, and the
// spread of the interviewers' scores (absent in snapshots published before it was kept).
export type SnapshotCompetency = CompetencyFit & { spread?: number | null };

// What a snapshot is compared by, from one publication to the next.
export interface SnapshotFigures {
  note: string;
  fit: number | null;
  coverage: number;
  mustHavesMet: boolean | null;
  competencies: SnapshotCompetency[];
}

// The texts of a rubric competency the client reads.
export interface CompetencyTexts {
  name: LocalizedText;
  description: LocalizedText;
  // What a 1, 2, 3, 4 and 5 look like.
  anchors: LocalizedText[];
}

// One weighted competency of a presented entry, as a client reads it. Exact floats; rounding is
// for the report's display only.
export interface PresentedFigures {
  key: string;
  name: string;
  description: string;
  weight: number;
  target: number;
  minimum: number | null;
  score: number | null;
  gap: number | null;
  meetsMinimum: boolean | null;
  ratingsCount: number;
  // Interviewers two or more points apart; null when the publication did not keep the spread.
  disagreement: boolean | null;
  // The anchored scale text of the score rounded to a whole level; null when not assessed.
  scaleText: string | null;
}

export enum PresentedEntryChange {
  NEW = 'NEW',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(PresentedEntryChange, {
  name: 'PresentedEntryChange',
  description:
    'Since the previous publication: NEW (not in it), CHANGED (note, fit, coverage, must-haves or a score differ), UNCHANGED. ' +
    'A place on the list alone is no change.',
});

// The level a score reads as: 3.5 reads as 4 (half up), never outside 1–5.
export function scaleLevel(score: number): number {
  return Math.min(5, Math.max(1, Math.floor(score + 0.5)));
}

export function presentCompetency(competency: SnapshotCompetency, texts: CompetencyTexts | undefined, locale: Locale): PresentedFigures {
  const spread = competency.spread;
  return {
    key: competency.key,
    name: texts?.name[locale] ?? competency.key,
    description: texts?.description[locale] ?? '',
    weight: competency.weight,
    target: competency.target,
    minimum: competency.minimum,
    score: competency.score,
    gap: competency.gap,
    meetsMinimum: competency.meetsMinimum,
    ratingsCount: competency.ratingsCount,
    disagreement: spread === undefined ? null : spread !== null && spread >= DISAGREEMENT_SPREAD,
    scaleText: competency.score === null ? null : (texts?.anchors[scaleLevel(competency.score) - 1]?.[locale] ?? null),
  };
}

// New or changed against the entry's snapshot in an earlier publication (null: it was in none).
export function entryChange(previous: SnapshotFigures | null, current: SnapshotFigures): PresentedEntryChange {
  if (!previous) return PresentedEntryChange.NEW;
  const scores = (snapshot: SnapshotFigures) => snapshot.competencies.map((competency) => [competency.key, competency.score]);
  const same =
    previous.note === current.note &&
    previous.fit === current.fit &&
    previous.coverage === current.coverage &&
    previous.mustHavesMet === current.mustHavesMet &&
    JSON.stringify(scores(previous)) === JSON.stringify(scores(current));
  return same ? PresentedEntryChange.UNCHANGED : PresentedEntryChange.CHANGED;
}
