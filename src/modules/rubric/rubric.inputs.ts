import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { Rubric, RubricStatus } from './rubric.entity';
import { RUBRIC_LIMITS } from './rubric.limits';

@InputType({ description: 'A text in every rubric language; none may be empty.' })
export class LocalizedTextInput {
  @Field({ description: 'English.' })
  EN!: string;

  @Field({ description: 'Norwegian bokmål.' })
  NB!: string;

  @Field({ description: 'Danish.' })
  DA!: string;

  @Field({ description: 'Swedish.' })
  SV!: string;
}

@InputType({ description: 'One competency of a rubric draft; the order of the list is the order of the rubric.' })
export class CompetencyInput {
  @Field({
    description: `UPPER_SNAKE_CASE, at most ${RUBRIC_LIMITS.competencyKey} characters, unique in the rubric; keep it across versions.`,
  })
  key!: string;

  @Field(() => LocalizedTextInput, { description: `At most ${RUBRIC_LIMITS.competencyName} characters per language.` })
  name!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { description: `At most ${RUBRIC_LIMITS.competencyDescription} characters per language.` })
  description!: LocalizedTextInput;

  @Field(() => [LocalizedTextInput], {
    description: `Observable behaviours: 1 to ${RUBRIC_LIMITS.indicators}, at most ${RUBRIC_LIMITS.indicator} characters each.`,
  })
  indicators!: LocalizedTextInput[];

  @Field(() => [LocalizedTextInput], {
    description: `Suggested interview questions: 1 to ${RUBRIC_LIMITS.questions}, at most ${RUBRIC_LIMITS.question} characters each.`,
  })
  questions!: LocalizedTextInput[];

  @Field(() => [LocalizedTextInput], {
    description: `Exactly ${RUBRIC_LIMITS.anchors}: what a score of 1, 2, 3, 4 and 5 looks like, in that order.`,
  })
  anchors!: LocalizedTextInput[];
}

@InputType()
export class CreateRubricInput {
  @Field({ description: `lower-kebab-case, at most ${RUBRIC_LIMITS.key} characters, unique in the firm, e.g. board-readiness.` })
  key!: string;

  @Field(() => LocalizedTextInput)
  name!: LocalizedTextInput;

  @Field(() => LocalizedTextInput)
  description!: LocalizedTextInput;

  @Field(() => [CompetencyInput], { description: `1 to ${RUBRIC_LIMITS.competencies} competencies, in rubric order.` })
  competencies!: CompetencyInput[];
}

@InputType({ description: 'Replaces the parts given; omitted parts stay as they are.' })
export class UpdateRubricDraftInput {
  @Field(() => ID)
  rubricId!: string;

  @Field(() => LocalizedTextInput, { nullable: true })
  name?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  description?: LocalizedTextInput | null;

  @Field(() => [CompetencyInput], {
    nullable: true,
    description: 'The whole new list. Competencies keep their id while their key stays; missing keys are removed.',
  })
  competencies?: CompetencyInput[] | null;
}

@InputType()
export class ReviseRubricInput {
  @Field(() => ID, { description: 'A published version to copy into the next draft version.' })
  rubricId!: string;
}

@InputType()
export class PublishRubricInput {
  @Field(() => ID, { description: 'A draft version.' })
  rubricId!: string;
}

@InputType()
export class RetireRubricInput {
  @Field(() => ID, { description: 'A published version.' })
  rubricId!: string;
}

@ObjectType()
export class CreateRubricPayload extends Payload {
  @Field(() => Rubric, { nullable: true })
  rubric: Rubric | null = null;
}

@ObjectType()
export class UpdateRubricDraftPayload extends Payload {
  @Field(() => Rubric, { nullable: true })
  rubric: Rubric | null = null;
}

@ObjectType()
export class ReviseRubricPayload extends Payload {
  @Field(() => Rubric, { nullable: true, description: 'The new draft version.' })
  rubric: Rubric | null = null;
}

@ObjectType()
export class PublishRubricPayload extends Payload {
  @Field(() => Rubric, { nullable: true })
  rubric: Rubric | null = null;
}

@ObjectType()
export class RetireRubricPayload extends Payload {
  @Field(() => Rubric, { nullable: true })
  rubric: Rubric | null = null;
}

@InputType()
export class RubricFilter {
  @Field(() => String, { nullable: true, description: 'Only the versions of this rubric key.' })
  key?: string | null;

  @Field(() => RubricStatus, { nullable: true })
  status?: RubricStatus | null;
}

@ArgsType()
export class RubricsArgs extends ConnectionArgs {
  @Field(() => RubricFilter, { nullable: true })
  filter?: RubricFilter | null;
}

@ObjectType()
export class RubricConnection extends ConnectionType('Rubric', Rubric) {}
