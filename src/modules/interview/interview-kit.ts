import { Field, Int, ObjectType } from 'type-graphql';
import type { Locale, LocalizedText } from '../../common/locale';
import { RatingAnchor } from '../rubric';

// What one interviewer needs at hand for one competency: the rubric's texts in one language.
@ObjectType({ description: 'One competency of an interview kit: what to look for, what to ask and the anchored 1–5 scale.' })
export class KitCompetency {
  @Field()
  key!: string;

  @Field({ description: 'In the language asked for.' })
  name!: string;

  @Field()
  description!: string;

  @Field(() => Int, { description: "Its weight in the mandate's requirement profile." })
  weight!: number;

  @Field({ description: 'Whether it is in your focus on this interview.' })
  inFocus!: boolean;

  @Field(() => [String], { description: 'Behaviour that shows the competency.' })
  indicators!: string[];

  @Field(() => [String], { description: 'Questions to ask.' })
  questions!: string[];

  @Field(() => [RatingAnchor], { description: 'What a 1, 2, 3, 4 and 5 look like.' })
  anchors!: RatingAnchor[];
}

@ObjectType({ description: "How the panel's focus covers the weighted competencies of the mandate's profile." })
export class InterviewCoverage {
  @Field(() => [String], { description: 'Weighted competencies some panelist has in focus, in rubric order.' })
  covered!: string[];

  @Field(() => [String], { description: 'Weighted competencies no panelist has in focus, in rubric order.' })
  uncovered!: string[];
}

export interface KitSource {
  key: string;
  weight: number;
  name: LocalizedText;
  description: LocalizedText;
  indicators: LocalizedText[];
  questions: LocalizedText[];
  anchors: LocalizedText[];
}

// The kit of one panelist: the weighted competencies (given in rubric order), their focus first in
// the order they were given, then the others; every text in one language.
export function kitFor(weighted: KitSource[], focus: string[], locale: Locale): KitCompetency[] {
  const rank = (key: string) => {
    const index = focus.indexOf(key);
    return index === -1 ? focus.length : index;
  };
  return weighted
    .map((source, position) => ({ source, position }))
    .sort((a, b) => rank(a.source.key) - rank(b.source.key) || a.position - b.position)
    .map(({ source }) => ({
      key: source.key,
      name: source.name[locale],
      description: source.description[locale],
      weight: source.weight,
      inFocus: focus.includes(source.key),
      indicators: source.indicators.map((text) => text[locale]),
      questions: source.questions.map((text) => text[locale]),
      anchors: source.anchors.map((text, index) => ({ score: index + 1, description: text[locale] })),
    }));
}

// Which weighted competencies (in rubric order) the panel's focus covers, and which not.
export function coverageOf(weightedKeys: string[], focusOfPanel: string[][]): InterviewCoverage {
  const focused = new Set(focusOfPanel.flat());
  return { covered: weightedKeys.filter((key) => focused.has(key)), uncovered: weightedKeys.filter((key) => !focused.has(key)) };
}
