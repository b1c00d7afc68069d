import type { Feature } from '../../common/feature';
import { IdempotencyKey } from './idempotency-key.entity';
// Idempotency-Key on mutations: see idempotency.service.ts and the README (Security → Idempotency keys).
export {
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_RETENTION_SECONDS,
  REPLAYED_HEADER,
  IdempotencyErrorCode,
  beginIdempotentRequest,
  createIdempotencyStore,
  finishIdempotentRequest,
  noteAnswerSubjects,
  replayIdempotentResponse,
  type IdempotencyStore,
} from './idempotency.service';
export {
  purgeExpired as purgeExpiredIdempotencyKeys,
  deleteResponsesAbout as deleteIdempotentResponsesAbout,
} from './idempotency.repository';

export const idempotencyFeature: Feature = { entities: [IdempotencyKey], resolvers: [], nodeSources: [] };
