import type { Feature } from '../../common/feature';
import { Candidate } from './candidate.entity';
import { CandidateExternalRef } from './candidate-external-ref.entity';
import { ErasedExternalRef } from './erased-external-ref.entity';
import { candidateNode } from './candidate.node';
import { CandidateResolver } from './candidate.resolver';
import { CandidateDuplicate, CandidateDuplicateDismissal } from './candidate-duplicate.entity';
import { CandidateDuplicateResolver, CandidatePossibleDuplicatesResolver } from './duplicate.resolver';
import { CandidateMergeResolver } from './merge.resolver';

export const candidateFeature: Feature = {
  entities: [Candidate, CandidateExternalRef, ErasedExternalRef, CandidateDuplicate, CandidateDuplicateDismissal],
  resolvers: [CandidateResolver, CandidateDuplicateResolver, CandidatePossibleDuplicatesResolver, CandidateMergeResolver],
  nodeSources: [candidateNode],
};

export { CandidateExternalRef } from './candidate-external-ref.entity';
export { Candidate, ConsentStatus } from './candidate.entity';
export { DUPLICATE_WARNINGS } from './candidate.inputs';
export { CandidateConnection, CandidateConsentInput, CandidateExternalRefInput, CandidateFieldsInput } from './candidate.inputs';
export { candidatesWritten } from './candidate.events';
export { candidateByIdLoader, candidateRowsAlong, type CandidateRow } from './candidate.loaders';
export { createCandidate } from './candidate.service';
export {
  CANDIDATE_VALUE_KEYS,
  type CandidateData,
  type CandidateValues,
  checkCandidateData,
  checkExternalRef,
  type ExternalRefData,
  sameValue,
  searchTextOf,
} from './candidate.validation';
export { dateOnly } from './date-only';
export { alreadyErased, ERASED_MESSAGE, erasedError, erasedRefKeys, refuseIfErased } from './erased';
export { foldForSearch } from './search-text';
export { isLanguageCode } from './languages';
export { refreshDuplicates, type DuplicateView } from './duplicate.service';
export { CandidateDuplicateView } from './duplicate.types';
export { DuplicateReason, duplicateScore, nameKeys, similarNameScore, trigramSimilarity } from './duplicate-model';
export { findDuplicateMatches, type DuplicateMatch, NAME_MATCHES_PER_CANDIDATE, NAME_NEIGHBOURS } from './duplicate.repository';
export { MERGE_RULES } from './merge.repository';
export { MergeSide, stricterConsent, type ConsentState } from './merge-model';
