import { Arg, Args, Authorized, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Access } from '../../common/access';
import { ConnectionArgs, paginate, type Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { Locale, resolveLocale } from '../../common/locale';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { Mandate, mandateByIdLoader, requirementProfileLoader } from '../mandate';
import { type Competency, competenciesByRubricLoader } from '../rubric';
import { userByIdLoader } from '../user';
import { entryChange, presentCompetency, PresentedEntryChange } from './presented-figures';
import { candidacyByIdLoader } from '../candidacy';
import { candidateByIdLoader } from '../candidate';
import { AgreementMetric, mandateAgreementLoader } from '../calibration';
import { presentedMandatesWhere } from './presented-mandates';
import { giveShortlistFeedback } from './feedback.service';
import {
  PresentedAgreement,
  PresentedCandidate,
  PresentedColleagueFeedback,
  PresentedComparison,
  PresentedComparisonCell,
  PresentedComparisonColumn,
  PresentedComparisonRow,
  PresentedCompetency,
  PresentedConsultant,
  PresentedFeedback,
  PresentedMandate,
  PresentedRequirement,
  PresentedShortlist,
  PresentedShortlistEntry,
} from './presented.types';
import { GiveShortlistFeedbackInput, GiveShortlistFeedbackPayload, PresentedMandateConnection } from './shortlist.inputs';
import {
  colleagueFeedbackLoader,
  ownLatestFeedbackLoader,
  previousSnapshotLoader,
  presentedEntriesByMandateLoader,
  shortlistByIdLoader,
  shortlistByMandateLoader,
  snapshotByIdLoader,
} from './shortlist.loaders';
import type { ShortlistEntrySnapshot } from './shortlist-entry-snapshot.entity';
import { PORTAL_USERS } from '../../common/access';

const LOCALE_ARGUMENT = { nullable: true, description: 'Language of the competency names; default: Accept-Language, else EN.' };

// A client user's company; null for everyone else, who see no client-facing views.
function ownClientId(context: Context): string | null {
  const principal = principalOf(context);
  return principal.kind === 'USER' ? principal.clientId : null;
}

// The rubric's competencies per key (names, descriptions, anchored scales in every language).
async function competencyTexts(context: Context, rubricId: string): Promise<Map<string, Competency>> {
  const competencies = await context.loaders.get(competenciesByRubricLoader).load(rubricId);
  return new Map(competencies.map((competency) => [competency.key, competency]));
}

@Resolver(() => PresentedMandate)
export class PresentedMandateResolver {
  @Authorized<Access>(...PORTAL_USERS)
  @Query(() => PresentedMandateConnection, {
    description: "Client users: your company's mandates (not drafts), oldest first, with the shortlists published to you.",
  })
  async presentedMandates(@Args() args: ConnectionArgs, @Ctx() context: Context): Promise<Connection<PresentedMandate>> {
    const clientId = ownClientId(context)!;
    const page = await paginate(context.em, Mandate, presentedMandatesWhere(clientId), {
      list: 'presentedMandates',
      keys: ['createdAt', 'id'],
      ...args,
    });
    const nodes = page.nodes.map(PresentedMandate.of);
    return {
      edges: page.edges.map((edge, index) => ({ cursor: edge.cursor, node: nodes[index] })),
      nodes,
      pageInfo: page.pageInfo,
      get totalCount() {
        return page.totalCount;
      },
    };
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => [PresentedRequirement], { description: "What the role needs, in the order of the rubric's competencies." })
  async requirementProfile(
    @Root() view: PresentedMandate,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<PresentedRequirement[]> {
    const language = resolveLocale(locale, context.acceptLanguage);
    const [requirements, texts] = await Promise.all([
      context.loaders.get(requirementProfileLoader).load(view.mandate),
      competencyTexts(context, view.mandate.rubric.id),
    ]);
    return requirements.map((requirement) =>
      Object.assign(new PresentedRequirement(), {
        competencyKey: requirement.competencyKey,
        name: texts.get(requirement.competencyKey)?.name[language] ?? requirement.competencyKey,
        weight: requirement.weight,
        target: requirement.target,
        minimum: requirement.minimum,
      }),
    );
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => PresentedAgreement, {
    description: "How far the firm's interviewers agree on this mandate's candidates: alpha and its reading, never per interviewer.",
  })
  async agreement(@Root() view: PresentedMandate, @Ctx() context: Context): Promise<PresentedAgreement> {
    const { overall } = await context.loaders.get(mandateAgreementLoader).load({ mandate: view.mandate, metric: AgreementMetric.INTERVAL });
    return Object.assign(new PresentedAgreement(), { alpha: overall.alpha, reading: overall.reading });
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => PresentedShortlist, {
    nullable: true,
    description: 'The candidates presented to you; null until the firm publishes a shortlist.',
  })
  async shortlist(@Root() view: PresentedMandate, @Ctx() context: Context): Promise<PresentedShortlist | null> {
    const shortlist = await context.loaders.get(shortlistByMandateLoader).load(view.mandate.id);
    if (!shortlist?.publishedAt) return null;
    return Object.assign(new PresentedShortlist(), { publishedAt: shortlist.publishedAt, mandateId: view.mandate.id });
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => PresentedConsultant, {
    nullable: true,
    description: "The firm's consultant who leads the search; null if they left the firm.",
  })
  async leadConsultant(@Root() view: PresentedMandate, @Ctx() context: Context): Promise<PresentedConsultant | null> {
    const user = await context.loaders.get(userByIdLoader).load(view.mandate.leadRecruiter.id);
    return user ? Object.assign(new PresentedConsultant(), { name: user.name }) : null;
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => PresentedComparison, {
    nullable: true,
    description: 'The presented candidates side by side, as last published; null until the firm publishes a shortlist.',
  })
  async comparison(
    @Root() view: PresentedMandate,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<PresentedComparison | null> {
    const language = resolveLocale(locale, context.acceptLanguage);
    const [shortlist, entries, texts] = await Promise.all([
      context.loaders.get(shortlistByMandateLoader).load(view.mandate.id),
      context.loaders.get(presentedEntriesByMandateLoader).load(view.mandate.id),
      competencyTexts(context, view.mandate.rubric.id),
    ]);
    if (!shortlist?.publishedAt) return null;
    const views = entries.map(PresentedShortlistEntry.of);
    const snapshots = entries.map((entry) => entry.published!.getEntity());
    // Every snapshot of a publication holds the same weighted competencies, in the same order.
    const keys = snapshots[0]?.competencies.map((competency) => competency.key) ?? [];
    const figures = snapshots.map(
      (snapshot) =>
        new Map(
          snapshot.competencies.map((competency) => [competency.key, presentCompetency(competency, texts.get(competency.key), language)]),
        ),
    );
    return Object.assign(new PresentedComparison(), {
      columns: views.map((entry, index) => Object.assign(new PresentedComparisonColumn(), { entry, fit: snapshots[index].fit })),
      rows: keys.map((key) => {
        const first = figures[0].get(key)!;
        return Object.assign(new PresentedComparisonRow(), {
          key,
          name: first.name,
          description: first.description,
          weight: first.weight,
          target: first.target,
          minimum: first.minimum,
          cells: views.map((entry, index) => {
            const cell = figures[index].get(key);
            return Object.assign(new PresentedComparisonCell(), {
              entry,
              score: cell?.score ?? null,
              gap: cell?.gap ?? null,
              ratingsCount: cell?.ratingsCount ?? 0,
              disagreement: cell?.disagreement ?? null,
              meetsMinimum: cell?.meetsMinimum ?? null,
            });
          }),
        });
      }),
    });
  }
}

@Resolver(() => PresentedShortlist)
export class PresentedShortlistResolver {
  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => [PresentedShortlistEntry], { description: 'In the published order; a withdrawn candidate disappears at once.' })
  async entries(@Root() shortlist: PresentedShortlist, @Ctx() context: Context): Promise<PresentedShortlistEntry[]> {
    const entries = await context.loaders.get(presentedEntriesByMandateLoader).load(shortlist.mandateId);
    return entries.map(PresentedShortlistEntry.of);
  }
}

@Resolver(() => PresentedShortlistEntry)
export class PresentedShortlistEntryResolver {
  @Authorized<Access>(...PORTAL_USERS)
  @Mutation(() => GiveShortlistFeedbackPayload, {
    description: 'Client users: your answer to a presented candidate. Answer again to change it; your latest answer counts.',
  })
  giveShortlistFeedback(@Arg('input') input: GiveShortlistFeedbackInput, @Ctx() context: Context): Promise<GiveShortlistFeedbackPayload> {
    const principal = principalOf(context);
    if (principal.kind !== 'USER') throw new Error('A client user is required.');
    return runMutation(context, GiveShortlistFeedbackPayload, async (em) => {
      const { entry, feedback } = await giveShortlistFeedback(
        em,
        principal.firmId,
        { userId: principal.userId, clientId: principal.clientId },
        { entryId: localIdOf(input.entryId, 'PresentedShortlistEntry'), decision: input.decision, comment: input.comment },
      );
      context.loaders.get(ownLatestFeedbackLoader).prime(entry.id, feedback);
      return { entry: PresentedShortlistEntry.of(entry), feedback: PresentedFeedback.of(feedback) };
    });
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => Int, { description: 'Place on the shortlist, from 1.' })
  async position(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<number> {
    return (await snapshotOf(view, context)).position;
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => String, { description: "The recruiter's note: why this candidate." })
  async note(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<string> {
    return (await snapshotOf(view, context)).note;
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => Date, { description: 'When this version was published to you.' })
  async publishedAt(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<Date> {
    return (await snapshotOf(view, context)).createdAt;
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => PresentedCandidate)
  async candidate(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<PresentedCandidate> {
    const candidacy = (await context.loaders.get(candidacyByIdLoader).load(view.candidacyId))!;
    return PresentedCandidate.of((await context.loaders.get(candidateByIdLoader).load(candidacy.candidate.id))!);
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => Float, {
    nullable: true,
    description: '0–100: how far the candidate reaches what the role needs, weighted; null when nothing was assessed.',
  })
  async fit(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<number | null> {
    return (await snapshotOf(view, context)).fit;
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => Float, { description: 'Share (0–1) of what the role needs that was assessed.' })
  async coverage(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<number> {
    return (await snapshotOf(view, context)).coverage;
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => Boolean, { nullable: true, description: 'False when a must-have is missed; null while one is not assessed.' })
  async mustHavesMet(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<boolean | null> {
    return (await snapshotOf(view, context)).mustHavesMet;
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => [PresentedCompetency], { description: 'Each competency the role weighs, in rubric order.' })
  async competencies(
    @Root() view: PresentedShortlistEntry,
    @Arg('locale', () => Locale, LOCALE_ARGUMENT) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<PresentedCompetency[]> {
    const [snapshot, mandate] = await Promise.all([snapshotOf(view, context), mandateOf(view, context)]);
    const texts = await competencyTexts(context, mandate.rubric.id);
    const language = resolveLocale(locale, context.acceptLanguage);
    return snapshot.competencies.map((competency) =>
      PresentedCompetency.of(presentCompetency(competency, texts.get(competency.key), language)),
    );
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => PresentedEntryChange, { description: 'Whether the candidate is new or changed since the previous publication.' })
  async change(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<PresentedEntryChange> {
    const [snapshot, previous] = await Promise.all([
      snapshotOf(view, context),
      context.loaders.get(previousSnapshotLoader).load(view.snapshotId),
    ]);
    return entryChange(previous, snapshot);
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => [PresentedColleagueFeedback], {
    description: 'The latest answer of every contact person of your company (you included), newest first.',
  })
  async colleagueFeedback(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<PresentedColleagueFeedback[]> {
    const answers = await context.loaders.get(colleagueFeedbackLoader).load(view.entryId);
    return answers.map((answer) => PresentedColleagueFeedback.of(answer, answer.author!.getEntity().name));
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => PresentedFeedback, { nullable: true, description: 'Your latest answer; null until you answer.' })
  async myFeedback(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<PresentedFeedback | null> {
    const feedback = await context.loaders.get(ownLatestFeedbackLoader).load(view.entryId);
    return feedback ? PresentedFeedback.of(feedback) : null;
  }

  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => PresentedMandate)
  async mandate(@Root() view: PresentedShortlistEntry, @Ctx() context: Context): Promise<PresentedMandate> {
    return PresentedMandate.of(await mandateOf(view, context));
  }
}

async function snapshotOf(view: PresentedShortlistEntry, context: Context): Promise<ShortlistEntrySnapshot> {
  return (await context.loaders.get(snapshotByIdLoader).load(view.snapshotId))!;
}

async function mandateOf(view: PresentedShortlistEntry, context: Context): Promise<Mandate> {
  const shortlist = (await context.loaders.get(shortlistByIdLoader).load(view.shortlistId))!;
  return (await context.loaders.get(mandateByIdLoader).load(shortlist.mandate.id))!;
}
