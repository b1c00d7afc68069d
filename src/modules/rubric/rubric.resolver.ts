import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { Locale, resolveLocale } from '../../common/locale';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { Rubric } from './rubric.entity';
import { Competency } from './competency.entity';
import { competenciesByRubricLoader } from './rubric.loaders';
import {
  CreateRubricInput,
  CreateRubricPayload,
  PublishRubricInput,
  PublishRubricPayload,
  RetireRubricInput,
  RetireRubricPayload,
  ReviseRubricInput,
  ReviseRubricPayload,
  RubricConnection,
  RubricsArgs,
  UpdateRubricDraftInput,
  UpdateRubricDraftPayload,
} from './rubric.inputs';
import { createRubric, listRubrics, publishRubric, retireRubric, reviseRubric, updateRubricDraft } from './rubric.service';
import { RUBRIC_AUTHORS, RUBRIC_PUBLISHERS, RUBRIC_READERS } from '../../common/access';

export const LOCALE_ARGUMENT = {
  nullable: true,
  description: 'Language of the text; without it the Accept-Language header decides, else English.',
} as const;

@Resolver(() => Rubric)
export class RubricResolver {
  @Authorized(RUBRIC_READERS)
  @Query(() => RubricConnection, { description: "The firm's rubrics, every version, ordered by key and then version." })
  rubrics(@Args() { filter, ...page }: RubricsArgs, @Ctx() context: Context): Promise<Connection<Rubric>> {
    return listRubrics(context.em, principalOf(context).firmId, filter, page);
  }

  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => String)
  name(@Root() rubric: Rubric, @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null, @Ctx() context: Context): string {
    return rubric.name[resolveLocale(locale, context.acceptLanguage)];
  }

  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => String, { description: 'What the rubric assesses.' })
  description(
    @Root() rubric: Rubric,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): string {
    return rubric.description[resolveLocale(locale, context.acceptLanguage)];
  }

  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => [Locale], { description: 'The languages every text of the rubric is written in.' })
  locales(): Locale[] {
    return Object.values(Locale);
  }

  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => [Competency], { description: 'In rubric order.' })
  competencies(@Root() rubric: Rubric, @Ctx() context: Context): Promise<Competency[]> {
    return context.loaders.get(competenciesByRubricLoader).load(rubric.id);
  }

  @Authorized(RUBRIC_AUTHORS)
  @Mutation(() => CreateRubricPayload, { description: 'A new rubric, as version 1 in draft.' })
  createRubric(@Arg('input') input: CreateRubricInput, @Ctx() context: Context): Promise<CreateRubricPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, CreateRubricPayload, (em) => createRubric(em, firmId, input));
  }

  @Authorized(RUBRIC_AUTHORS)
  @Mutation(() => UpdateRubricDraftPayload, { description: 'Changes a draft. Published and retired versions never change.' })
  updateRubricDraft(@Arg('input') input: UpdateRubricDraftInput, @Ctx() context: Context): Promise<UpdateRubricDraftPayload> {
    const { firmId } = principalOf(context);
    const { rubricId, ...content } = input;
    return runMutation(context, UpdateRubricDraftPayload, (em) => updateRubricDraft(em, firmId, localIdOf(rubricId, 'Rubric'), content));
  }

  @Authorized(RUBRIC_AUTHORS)
  @Mutation(() => ReviseRubricPayload, {
    description: 'Copies a published version into the next version, as a draft. One open draft per rubric key.',
  })
  reviseRubric(@Arg('input') input: ReviseRubricInput, @Ctx() context: Context): Promise<ReviseRubricPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, ReviseRubricPayload, (em) => reviseRubric(em, firmId, localIdOf(input.rubricId, 'Rubric')));
  }

  @Authorized(RUBRIC_PUBLISHERS)
  @Mutation(() => PublishRubricPayload, { description: 'Freezes a draft, so mandates can pin it. ADMIN only.' })
  publishRubric(@Arg('input') input: PublishRubricInput, @Ctx() context: Context): Promise<PublishRubricPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, PublishRubricPayload, (em) => publishRubric(em, firmId, localIdOf(input.rubricId, 'Rubric')));
  }

  @Authorized(RUBRIC_PUBLISHERS)
  @Mutation(() => RetireRubricPayload, {
    description: 'Takes a published version out of use; it stays readable for the mandates pinned to it. ADMIN only.',
  })
  retireRubric(@Arg('input') input: RetireRubricInput, @Ctx() context: Context): Promise<RetireRubricPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, RetireRubricPayload, (em) => retireRubric(em, firmId, localIdOf(input.rubricId, 'Rubric')));
  }
}
