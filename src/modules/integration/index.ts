import type { Feature } from '../../common/feature';
import { CandidateUpsertResolver } from './integration.resolver';
import { SyncResolver } from './sync.resolver';

export const integrationFeature: Feature = { entities: [], resolvers: [CandidateUpsertResolver, SyncResolver], nodeSources: [] };

export {
  CSV_OPTIONAL_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  CsvFileError,
  type CsvImportSummary,
  importCandidateRows,
  parseCandidateCsv,
} from './csv-import';
export { type UpsertCandidateData, upsertCandidates } from './upsert-candidates.service';
