import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { MANDATE_RELATION_READERS } from '../../common/access';
import type { Context } from '../../common/context';
import { Locale, resolveLocale } from '../../common/locale';
import { type Competency, competenciesByRubricLoader } from '../rubric';
import { rubricOfMandateLoader } from './mandate.loaders';
import { Requirement } from './requirement.entity';

const LOCALE_ARGUMENT = { nullable: true, description: 'Language of the text; default: Accept-Language, else EN.' };

@Resolver(() => Requirement)
export class RequirementResolver {
  @Authorized(...MANDATE_RELATION_READERS)
  @FieldResolver(() => String, { description: "The competency's name in the language asked for (its key if the rubric lacks it)." })
  async competencyName(
    @Root() requirement: Requirement,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<string> {
    const competency = await competencyOf(context, requirement);
    return competency?.name[resolveLocale(locale, context.acceptLanguage)] ?? requirement.competencyKey;
  }

  @Authorized(...MANDATE_RELATION_READERS)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'What the competency is about, in the language asked for; null if the rubric lacks it.',
  })
  async competencyDescription(
    @Root() requirement: Requirement,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<string | null> {
    const competency = await competencyOf(context, requirement);
    return competency?.description[resolveLocale(locale, context.acceptLanguage)] ?? null;
  }
}

// The requirement's competency in the mandate's pinned rubric. The profile was read through its
// mandate, so the mandate is at hand and the rubric's competencies are already in the loader
// that ordered the profile: no statement of its own in the usual case, one per level otherwise.
async function competencyOf(context: Context, requirement: Requirement): Promise<Competency | null> {
  const rubricId = requirement.mandate.isInitialized()
    ? requirement.mandate.unwrap().rubric.id
    : await context.loaders.get(rubricOfMandateLoader).load(requirement.mandate.id);
  if (!rubricId) return null;
  const competencies = await context.loaders.get(competenciesByRubricLoader).load(rubricId);
  return competencies.find((competency) => competency.key === requirement.competencyKey) ?? null;
}
