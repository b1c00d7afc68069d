import { Firm } from '../common/firm.entity';
import { User } from '../modules/user/user.entity';
import { Session } from '../modules/auth/session.entity';
import { ApiKey } from '../modules/api-key/api-key.entity';
import { Client } from '../modules/client/client.entity';
import { Rubric } from '../modules/rubric/rubric.entity';
import { Competency } from '../modules/rubric/competency.entity';
import { Mandate } from '../modules/mandate/mandate.entity';
import { Requirement } from '../modules/mandate/requirement.entity';
import { Candidate } from '../modules/candidate/candidate.entity';
import { CandidateExternalRef } from '../modules/candidate/candidate-external-ref.entity';
import { Candidacy } from '../modules/candidacy/candidacy.entity';
import { CandidacyStageChange } from '../modules/candidacy/candidacy-stage-change.entity';
import { Interview } from '../modules/interview/interview.entity';
import { Scorecard } from '../modules/scorecard/scorecard.entity';
import { ScorecardRevision } from '../modules/scorecard/scorecard-revision.entity';
import { Rating } from '../modules/scorecard/rating.entity';
import { SyncChange } from '../modules/integration/sync-change.entity';
import { WebhookSubscription } from '../modules/webhook/webhook-subscription.entity';
import { WebhookEvent } from '../modules/webhook/webhook-event.entity';
import { WebhookDelivery } from '../modules/webhook/webhook-delivery.entity';
import { WebhookDeliveryAttempt } from '../modules/webhook/webhook-delivery-attempt.entity';
import { Shortlist } from '../modules/shortlist/shortlist.entity';
import { ShortlistEntry } from '../modules/shortlist/shortlist-entry.entity';
import { ShortlistPublication } from '../modules/shortlist/shortlist-publication.entity';
import { ShortlistEntrySnapshot } from '../modules/shortlist/shortlist-entry-snapshot.entity';
import { ShortlistFeedback } from '../modules/shortlist/shortlist-feedback.entity';
import { ErasedExternalRef } from '../modules/gdpr/erased-external-ref.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity';

// Every entity the ORM knows; listed explicitly so compiled and test builds find the same ones.
export const entities = [
  Firm,
  User,
  Session,
  ApiKey,
  Client,
  Rubric,
  Competency,
  Mandate,
  Requirement,
  Candidate,
  CandidateExternalRef,
  Candidacy,
  CandidacyStageChange,
  Interview,
  Scorecard,
  ScorecardRevision,
  Rating,
  SyncChange,
  WebhookSubscription,
  WebhookEvent,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  Shortlist,
  ShortlistEntry,
  ShortlistPublication,
  ShortlistEntrySnapshot,
  ShortlistFeedback,
  ErasedExternalRef,
  AuditEvent,
  IdempotencyKey,
];
