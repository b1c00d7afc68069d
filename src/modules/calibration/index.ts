import type { Feature } from '../../common/feature';
import { InterviewerCalibrationResolver, MandateAgreementResolver } from './calibration.resolver';

// Interviewer calibration (leniency) and inter-rater agreement of PRODUCT.md §3b.
export const calibrationFeature: Feature = {
  entities: [],
  resolvers: [InterviewerCalibrationResolver, MandateAgreementResolver],
  nodeSources: [],
};

export {
  agreement,
  AgreementMetric,
  AgreementReading,
  agreementReading,
  alphaOf,
  bootstrapAlpha,
  bootstrapWeighted,
  calibratedScore,
  coincidences,
  type InterviewerRating,
  interviewerValues,
  krippendorffAlpha,
  type Leniency,
  leniencies,
  leniencyFrom,
  seededRandom,
  shrink,
  weightedAgreement,
  weightedCoincidences,
  type WeightedUnit,
  weightedUnitsOf,
} from './calibration-model';
export {
  clearLeniencyCache,
  findInterviewerRatings,
  firmLeniencySql,
  findLeniencies,
  findLeniencyPage,
  findUnitPatterns,
  type RatingScope,
} from './calibration.repository';
export { type FirmLeniency, firmLeniencyLoader, mandateAgreement, mandateAgreementLoader } from './calibration.service';
