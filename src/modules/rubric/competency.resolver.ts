import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Locale, resolveLocale, type LocalizedText } from '../../common/locale';
import type { Context } from '../../common/context';
import { Rubric } from './rubric.entity';
import { Competency } from './competency.entity';
import { RatingAnchor } from './rating-anchor.type';
import { rubricByIdLoader } from './rubric.loaders';
import { LOCALE_ARGUMENT } from './rubric.resolver';
import { RUBRIC_READERS } from '../../common/access';

@Resolver(() => Competency)
export class CompetencyResolver {
  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => String)
  name(
    @Root() competency: Competency,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): string {
    return competency.name[localeOf(locale, context)];
  }

  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => String, { description: 'What the competency is about.' })
  description(
    @Root() competency: Competency,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): string {
    return competency.description[localeOf(locale, context)];
  }

  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => [String], { description: 'Observable behaviours that show the competency.' })
  indicators(
    @Root() competency: Competency,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): string[] {
    return inLocale(competency.indicators, localeOf(locale, context));
  }

  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => [String], { description: 'Suggested interview questions (the interview kit).' })
  questions(
    @Root() competency: Competency,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): string[] {
    return inLocale(competency.questions, localeOf(locale, context));
  }

  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => [RatingAnchor], { description: 'What a score of 1, 2, 3, 4 and 5 looks like, in that order.' })
  anchors(
    @Root() competency: Competency,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): RatingAnchor[] {
    return inLocale(competency.anchors, localeOf(locale, context)).map((description, index) => ({ score: index + 1, description }));
  }

  @Authorized(RUBRIC_READERS)
  @FieldResolver(() => Rubric, { description: 'The rubric version this competency belongs to.' })
  async rubric(@Root() competency: Competency, @Ctx() context: Context): Promise<Rubric> {
    return (await context.loaders.get(rubricByIdLoader).load(competency.rubric.id))!;
  }
}

function localeOf(argument: Locale | null, context: Context): Locale {
  return resolveLocale(argument, context.acceptLanguage);
}

function inLocale(texts: LocalizedText[], locale: Locale): string[] {
  return texts.map((text) => text[locale]);
}
