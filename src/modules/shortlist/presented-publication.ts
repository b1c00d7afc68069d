import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../../common/locale';
import { Firm } from '../../common/firm.entity';
import { type LeadershipLevel, Mandate } from '../mandate';
import { Client } from '../client';
import { User } from '../user';
import { Competency } from '../rubric';
import { Candidacy } from '../candidacy';
import { Candidate } from '../candidate';
import { Shortlist } from './shortlist.entity';
import { ShortlistPublication } from './shortlist-publication.entity';
import { ShortlistEntrySnapshot } from './shortlist-entry-snapshot.entity';
import { entryChange, presentCompetency, type PresentedEntryChange, type PresentedFigures } from './presented-figures';

// One publication of a shortlist as its client may read it: the report's only source. It holds
// what the Presented* types show and nothing else (no contact data, evidence, interviewers,
// stages): whatever renders it cannot leak what it never receives.

export interface PresentedPublicationCompetency {
  key: string;
  name: string;
  description: string;
  weight: number;
  target: number;
  minimum: number | null;
}

export interface PresentedPublicationEntry {
  position: number;
  candidate: { firstName: string; lastName: string; headline: string | null; location: string | null; languages: string[] };
  note: string;
  fit: number | null;
  coverage: number;
  mustHavesMet: boolean | null;
  change: PresentedEntryChange;
  // The weighted competencies, in publication order.
  competencies: PresentedFigures[];
}

export interface PresentedPublication {
  publicationId: string;
  mandateId: string;
  // 1, 2, … per shortlist.
  number: number;
  publishedAt: Date;
  firmName: string;
  clientName: string;
  mandateTitle: string;
  leadershipLevel: LeadershipLevel;
  leadConsultantName: string | null;
  // The weighted competencies of the requirement profile as published, in publication order.
  competencies: PresentedPublicationCompetency[];
  // In published order; entries withdrawn since are left out.
  entries: PresentedPublicationEntry[];
}

// The latest publication of a mandate's shortlist; null while it was never published.
export async function latestPublicationOf(em: EntityManager, firmId: string, mandateId: string): Promise<ShortlistPublication | null> {
  const shortlist = await em.findOne(Shortlist, { mandate: mandateId, firm: firmId });
  if (!shortlist || shortlist.publicationCount === 0) return null;
  return em.findOne(ShortlistPublication, { shortlist: shortlist.id, number: shortlist.publicationCount, firm: firmId });
}

// The publication and the mandate and client it belongs to; null when the firm has no such publication.
export async function publicationWithMandate(
  em: EntityManager,
  firmId: string,
  publicationId: string,
): Promise<{ publication: ShortlistPublication; mandate: Mandate; latest: boolean } | null> {
  const publication = await em.findOne(ShortlistPublication, { id: publicationId, firm: firmId }, { populate: ['shortlist'] });
  if (!publication) return null;
  const shortlist = publication.shortlist.getEntity();
  const mandate = await em.findOneOrFail(Mandate, { id: shortlist.mandate.id, firm: firmId });
  return { publication, mandate, latest: shortlist.publicationCount === publication.number };
}

// Everything the client may read of one publication, in one language. A few statements,
// whatever the number of entries.
export async function loadPresentedPublication(
  em: EntityManager,
  firmId: string,
  publicationId: string,
  locale: Locale,
): Promise<PresentedPublication | null> {
  const found = await publicationWithMandate(em, firmId, publicationId);
  if (!found) return null;
  const { publication, mandate } = found;
  const [firm, client, lead, competencies, snapshots] = await Promise.all([
    em.findOneOrFail(Firm, { id: firmId }),
    em.findOneOrFail(Client, { id: mandate.client.id, firm: firmId }),
    em.findOne(User, { id: mandate.leadRecruiter.id, firm: firmId }),
    em.find(Competency, { rubric: mandate.rubric.id, firm: firmId }, { orderBy: { position: 'asc' } }),
    em.find(
      ShortlistEntrySnapshot,
      { publication: publication.id, firm: firmId, entry: { withdrawnAt: null } },
      { populate: ['entry'], orderBy: { position: 'asc', id: 'asc' } },
    ),
  ]);
  const candidacyIds = snapshots.map((snapshot) => snapshot.entry.getEntity().candidacy.id);
  const entryIds = snapshots.map((snapshot) => snapshot.entry.id);
  const [candidacies, earlier] = await Promise.all([
    em.find(Candidacy, { id: { $in: candidacyIds }, firm: firmId }),
    em.find(
      ShortlistEntrySnapshot,
      { entry: { $in: entryIds }, firm: firmId, publication: { number: { $lt: publication.number } } },
      { populate: ['publication'], orderBy: { publication: { number: 'desc' } } },
    ),
  ]);
  const candidates = await em.find(Candidate, { id: { $in: candidacies.map((candidacy) => candidacy.candidate.id) }, firm: firmId });
  const candidacyOf = new Map(candidacies.map((candidacy) => [candidacy.id, candidacy]));
  const candidateOf = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const textsOf = new Map(competencies.map((competency) => [competency.key, competency]));
  // Ordered newest first: the first one met per entry is its previous snapshot.
  const previousOf = new Map<string, ShortlistEntrySnapshot>();
  for (const snapshot of earlier) if (!previousOf.has(snapshot.entry.id)) previousOf.set(snapshot.entry.id, snapshot);

  const columns = snapshots[0]?.competencies ?? [];
  return {
    publicationId: publication.id,
    mandateId: mandate.id,
    number: publication.number,
    publishedAt: publication.createdAt,
    firmName: firm.name,
    clientName: client.name,
    mandateTitle: mandate.title,
    leadershipLevel: mandate.leadershipLevel,
    leadConsultantName: lead?.name ?? null,
    competencies: columns.map((column) => {
      const { name, description } = presentCompetency(column, textsOf.get(column.key), locale);
      return { key: column.key, name, description, weight: column.weight, target: column.target, minimum: column.minimum };
    }),
    entries: snapshots.map((snapshot) => {
      const candidacy = candidacyOf.get(snapshot.entry.getEntity().candidacy.id)!;
      const candidate = candidateOf.get(candidacy.candidate.id)!;
      return {
        position: snapshot.position,
        candidate: {
          firstName: candidate.firstName,
          lastName: candidate.lastName,
          headline: candidate.headline,
          location: candidate.location,
          languages: candidate.languages,
        },
        note: snapshot.note,
        fit: snapshot.fit,
        coverage: snapshot.coverage,
        mustHavesMet: snapshot.mustHavesMet,
        change: entryChange(previousOf.get(snapshot.entry.id) ?? null, snapshot),
        competencies: snapshot.competencies.map((competency) => presentCompetency(competency, textsOf.get(competency.key), locale)),
      };
    }),
  };
}

// The candidacies a publication shows (withdrawn entries left out): whose ratings its figures hold.
export async function publicationCandidacyIds(em: EntityManager, firmId: string, publicationId: string): Promise<string[]> {
  const snapshots = await em.find(
    ShortlistEntrySnapshot,
    { publication: publicationId, firm: firmId, entry: { withdrawnAt: null } },
    { populate: ['entry'] },
  );
  return snapshots.map((snapshot) => snapshot.entry.getEntity().candidacy.id);
}
