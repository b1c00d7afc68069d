import type { Feature } from '../common/feature';
import { firmFeature } from '../modules/firm';
import { userFeature } from '../modules/user';
import { authFeature } from '../modules/auth';
import { apiKeyFeature } from '../modules/api-key';
import { viewerFeature } from '../modules/viewer';
import { clientFeature } from '../modules/client';
import { rubricFeature } from '../modules/rubric';
import { mandateFeature } from '../modules/mandate';
import { candidateFeature } from '../modules/candidate';
import { candidacyFeature } from '../modules/candidacy';
import { interviewFeature } from '../modules/interview';
import { fitFeature } from '../modules/fit';
import { competencyProfileFeature } from '../modules/competency-profile';
import { talentPoolFeature } from '../modules/talent-pool';
import { calibrationFeature } from '../modules/calibration';
import { integrationFeature } from '../modules/integration';
import { webhookFeature } from '../modules/webhook';
import { shortlistFeature } from '../modules/shortlist';
import { gdprFeature } from '../modules/gdpr';
import { syncFeature } from '../modules/sync';
import { idempotencyFeature } from '../modules/idempotency';
import { auditFeature } from '../modules/audit';
import { reportFeature } from '../modules/report';

// Every feature folder of the API. A resolver or node type that is not listed here does not exist.
export const features: Feature[] = [
  firmFeature,
  userFeature,
  authFeature,
  apiKeyFeature,
  viewerFeature,
  clientFeature,
  rubricFeature,
  mandateFeature,
  candidateFeature,
  candidacyFeature,
  interviewFeature,
  fitFeature,
  competencyProfileFeature,
  talentPoolFeature,
  calibrationFeature,
  integrationFeature,
  shortlistFeature,
  reportFeature,
  webhookFeature,
  gdprFeature,
  auditFeature,
  syncFeature,
  idempotencyFeature,
];

// Every table the ORM knows, listed explicitly (through the features) so compiled and test builds find the same ones.
export const entities = features.flatMap((feature) => feature.entities);
