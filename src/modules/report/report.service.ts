import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Principal, Role, SHORTLIST_READERS, ApiKeyScope } from '../../common/access';
import { hashToken, newToken } from '../../common/token';
import type { Locale } from '../../common/locale';
import { User } from '../user';
import { ApiKey } from '../api-key';
import { MandateStatus } from '../mandate';
import {
  latestPublicationOf,
  loadPresentedPublication,
  publicationCandidacyIds,
  publicationWithMandate,
  type ShortlistPublication,
} from '../shortlist';
import { candidaciesWithOwnDraft } from '../interview';
import { forbidden } from '../../common/errors';
import { recordAccess } from '../audit';
import { mandateAgreement } from '../calibration';
import { ReportFormat, ReportLink } from './report-link.entity';
import { findStoredPdf, storePdf } from './report.repository';
import { renderReportHtml, type ReportAgreement, type ReportModel } from './report-html';
import type { PdfPrinter } from './pdf-printer';

// How long a report link works: long enough to click, short enough that a forwarded one dies.
export const REPORT_LINK_LIFETIME_MS = 15 * 60 * 1000;
export const REPORT_LINK_PREFIX = 'oi_report_';
// Raised when the report's layout changes, so stored PDFs are printed again.
const RENDERER_VERSION = '1';

const WITHOUT_TENANT = { filters: { tenant: false } } as const;

export interface IssuedReportLink {
  token: string;
  expiresAt: Date;
}

// A link to the report of the mandate's latest publication, bound to the caller, that
// publication, the language and the format; null while the shortlist was never published.
// The caller's right to the mandate is checked by whoever calls (the resolver reached it).
export async function issueReportLink(
  em: EntityManager,
  principal: Principal,
  mandateId: string,
  locale: Locale,
  format: ReportFormat,
): Promise<IssuedReportLink | null> {
  const publication = await latestPublicationOf(em, principal.firmId, mandateId);
  if (!publication) return null;
  if (await holdsOwnDraft(em, principal, publication.id)) {
    throw forbidden(OWN_DRAFT_MESSAGE);
  }
  const token = newToken(REPORT_LINK_PREFIX);
  const now = Date.now();
  const expiresAt = new Date(now + REPORT_LINK_LIFETIME_MS);
  const writer = em.fork();
  // The caller's own links that ran out a day ago or more are of no use to anyone.
  const owner = principal.kind === 'USER' ? { user: principal.userId } : { apiKey: principal.apiKeyId };
  await writer.nativeDelete(ReportLink, { ...owner, firm: principal.firmId, expiresAt: { $lt: new Date(now - 24 * 3600 * 1000) } });
  await writer.insert(ReportLink, {
    id: randomUUID(),
    firm: principal.firmId,
    tokenHash: hashToken(token),
    user: principal.kind === 'USER' ? principal.userId : null,
    apiKey: principal.kind === 'API_KEY' ? principal.apiKeyId : null,
    publication: publication.id,
    locale,
    format,
    expiresAt,
    createdAt: new Date(now),
    updatedAt: new Date(now),
  });
  return { token, expiresAt };
}

// Why a link opens nothing. Each is answered with a plain page that names no object.
export enum ReportRefusal {
  // Never issued, or altered: indistinguishable.
  UNKNOWN = 'UNKNOWN',
  EXPIRED = 'EXPIRED',
  // The user or key that asked for it may no longer see the report (deleted, revoked, role or
  // company changed, the mandate back to draft).
  REVOKED = 'REVOKED',
  // Independent scoring: the user has an unsubmitted scorecard on a candidate of the report.
  OWN_DRAFT = 'OWN_DRAFT',
}

const OWN_DRAFT_MESSAGE =
  "You have an unsubmitted scorecard for a candidate on this shortlist: submit it before you see the others' ratings in the report.";

// Independent scoring (PRODUCT.md §2): the report holds every entry's figures, so a staff user
// with a draft on one of its candidacies sees none of it until they submit.
async function holdsOwnDraft(em: EntityManager, principal: Principal, publicationId: string): Promise<boolean> {
  if (principal.kind !== 'USER' || principal.role === Role.CLIENT) return false;
  const candidacyIds = await publicationCandidacyIds(em, principal.firmId, publicationId);
  return (await candidaciesWithOwnDraft(em, principal.userId, candidacyIds)).size > 0;
}

export interface OpenedReport {
  principal: Principal;
  link: ReportLink;
  publication: ShortlistPublication;
  // Whether a newer publication replaced this one since the link was issued.
  replaced: boolean;
}

// The link's principal and publication, after checking again that they still go together.
export async function openReportLink(em: EntityManager, token: string, now = new Date()): Promise<OpenedReport | ReportRefusal> {
  if (!token.startsWith(REPORT_LINK_PREFIX) || token.length > 200) return ReportRefusal.UNKNOWN;
  const link = await em.findOne(ReportLink, { tokenHash: hashToken(token) }, WITHOUT_TENANT);
  if (!link) return ReportRefusal.UNKNOWN;
  if (link.expiresAt <= now) return ReportRefusal.EXPIRED;
  const firmId = link.firm.id;
  // From here on everything is read within the link's firm.
  em.setFilterParams('tenant', { firmId });
  const principal = await currentPrincipal(em, link);
  if (!principal) return ReportRefusal.REVOKED;
  const found = await publicationWithMandate(em, firmId, link.publication.id);
  if (!found) return ReportRefusal.UNKNOWN;
  const { mandate } = found;
  if (principal.kind === 'USER' && principal.role === Role.CLIENT) {
    // A client user sees their own company's mandates, never drafts (as presentedMandates).
    if (principal.clientId !== mandate.client.id || mandate.status === MandateStatus.DRAFT) return ReportRefusal.REVOKED;
  }
  if (await holdsOwnDraft(em, principal, found.publication.id)) return ReportRefusal.OWN_DRAFT;
  return { principal, link, publication: found.publication, replaced: !found.latest };
}

// The principal as it is now; null when it may no longer read reports.
async function currentPrincipal(em: EntityManager, link: ReportLink): Promise<Principal | null> {
  const firmId = link.firm.id;
  if (link.user) {
    const user = await em.findOne(User, { id: link.user.id, firm: firmId }, WITHOUT_TENANT);
    if (!user) return null;
    const principal: Principal = { kind: 'USER', firmId, userId: user.id, role: user.role, clientId: user.client?.id ?? null };
    return SHORTLIST_READERS.includes(user.role) || user.role === Role.CLIENT ? principal : null;
  }
  if (link.apiKey) {
    const key = await em.findOne(ApiKey, { id: link.apiKey.id, firm: firmId, revokedAt: null }, WITHOUT_TENANT);
    if (!key || !key.scopes.includes(ApiKeyScope.SHORTLISTS_READ)) return null;
    return { kind: 'API_KEY', firmId, apiKeyId: key.id, scopes: key.scopes };
  }
  return null;
}

// The panel's agreement (PRODUCT.md §3b) for the report's cover line: the same figure as
// PresentedMandate.agreement, alpha and its reading only, never per interviewer.
async function agreementOf(em: EntityManager, firmId: string, mandateId: string, viewerUserId: string | null): Promise<ReportAgreement> {
  const { alpha, reading } = await mandateAgreement(em, firmId, mandateId, viewerUserId);
  return { alpha, reading };
}

export async function reportModel(
  em: EntityManager,
  firmId: string,
  publicationId: string,
  locale: Locale,
  viewerUserId: string | null = null,
): Promise<ReportModel | null> {
  const publication = await loadPresentedPublication(em, firmId, publicationId, locale);
  if (!publication) return null;
  return { ...publication, agreement: await agreementOf(em, firmId, publication.mandateId, viewerUserId) };
}

const viewerOf = (opened: OpenedReport) => (opened.principal.kind === 'USER' ? opened.principal.userId : null);

export async function reportHtml(em: EntityManager, opened: OpenedReport): Promise<string> {
  const { link } = opened;
  const model = (await reportModel(em, link.firm.id, link.publication.id, link.locale, viewerOf(opened)))!;
  return renderReportHtml(model, link.locale);
}

// The PDF, printed once per publication and language and then read from storage, unless what it
// shows has changed since (a corrected name, an entry withdrawn).
export async function reportPdf(em: EntityManager, opened: OpenedReport, printer: PdfPrinter): Promise<Buffer> {
  const { link } = opened;
  const firmId = link.firm.id;
  const model = (await reportModel(em, firmId, link.publication.id, link.locale, viewerOf(opened)))!;
  const modelHash = createHash('sha256').update(RENDERER_VERSION).update(JSON.stringify(model)).digest('hex');
  const stored = await findStoredPdf(em, firmId, link.publication.id, link.locale, modelHash);
  if (stored) return stored;
  const pdf = await printer.print(await renderReportHtml(model, link.locale));
  await storePdf(em, firmId, link.publication.id, link.locale, modelHash, pdf);
  return pdf;
}

// Every view and download in the firm's audit log.
export function auditReportAccess(em: EntityManager, opened: OpenedReport, requestId: string): Promise<void> {
  const { link, principal, publication } = opened;
  return recordAccess(em, principal, {
    action: link.format === ReportFormat.PDF ? 'report:download' : 'report:view',
    objectType: 'ShortlistPublication',
    objectId: publication.id,
    summary: { locale: link.locale, format: link.format, publicationNumber: publication.number, replaced: opened.replaced },
    requestId,
  });
}
