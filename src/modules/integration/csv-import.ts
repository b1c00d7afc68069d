import { parse } from 'csv-parse/sync';
import type { CsvError } from 'csv-parse';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserErrorData } from '../../common/errors';
import { ConsentStatus } from '../candidate';
import { MAX_UPSERT_BATCH } from '../../config/limits';
import { UpsertCandidateStatus } from './upsert-candidates.inputs';
import { upsertCandidates, type UpsertCandidateData } from './upsert-candidates.service';

// The columns of a candidate CSV file: the first line names them, in any order. Lists (languages,
// tags) are separated by ";". An empty cell clears the value; consent stays as it is when
// consent_status is empty.
export const CSV_REQUIRED_COLUMNS = ['system', 'external_id', 'first_name', 'last_name'] as const;
export const CSV_OPTIONAL_COLUMNS = [
  'email',
  'phone',
  'headline',
  'location',
  'languages',
  'linkedin_url',
  'tags',
  'consent_status',
  'consent_given_at',
  'retain_until',
] as const;
const KNOWN_COLUMNS: readonly string[] = [...CSV_REQUIRED_COLUMNS, ...CSV_OPTIONAL_COLUMNS];

// A problem with the whole file: nothing is imported.
export class CsvFileError extends Error {}

export interface CsvRow {
  // The line of the file the row ends on (the header is line 1).
  line: number;
  item: UpsertCandidateData | null;
  problems: string[];
}

export interface CsvRejection {
  line: number;
  reasons: string[];
}

export interface CsvImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: CsvRejection[];
}

// Reads the file's text into rows; a malformed row becomes a row with problems, not an error.
export function parseCandidateCsv(text: string): CsvRow[] {
  const skipped: CsvRow[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (!error) return undefined;
        // One broken row can trip the parser twice (a stray quote, then the end of the file).
        const line = Number(error.lines ?? 0);
        const problem = `not valid CSV: ${error.message}`;
        const same = skipped.find((row) => row.line === line);
        if (same) same.problems.push(problem);
        else skipped.push({ line, item: null, problems: [problem] });
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new CsvFileError(`not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new CsvFileError('the file is empty: the first line must name the columns.');
  const header = records[0].record.map((name) => name.trim().toLowerCase());
  checkHeader(header);
  const rows = records.slice(1).map(({ record, info }) => rowOf(header, record, info.lines));
  return [...rows, ...skipped].sort((a, b) => a.line - b.line);
}

function checkHeader(header: string[]): void {
  const problems: string[] = [];
  const unknown = header.filter((name) => !KNOWN_COLUMNS.includes(name));
  if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}`);
  const missing = CSV_REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  if (repeated.length) problems.push(`column${repeated.length > 1 ? 's' : ''} ${[...new Set(repeated)].join(', ')} named twice`);
  if (problems.length) {
    throw new CsvFileError(
      `wrong header: ${problems.join('; ')}. The columns are ${CSV_REQUIRED_COLUMNS.join(', ')} (required) and ` +
        `${CSV_OPTIONAL_COLUMNS.join(', ')}.`,
    );
  }
}

function rowOf(header: string[], record: string[], line: number): CsvRow {
  if (record.length !== header.length) {
    return { line, item: null, problems: [`has ${record.length} fields, the header has ${header.length}`] };
  }
  const cell = (name: string): string | null | undefined => {
    const index = header.indexOf(name);
    if (index < 0) return undefined;
    const value = record[index].trim();
    return value === '' ? null : value;
  };
  const list = (name: string) => {
    const value = cell(name);
    return value === undefined
      ? undefined
      : (value ?? '')
          .split(';')
          .map((part) => part.trim())
          .filter(Boolean);
  };
  const problems: string[] = [];
  const item: UpsertCandidateData = {
    externalRef: { system: cell('system') ?? '', externalId: cell('external_id') ?? '' },
    firstName: cell('first_name'),
    lastName: cell('last_name'),
    email: cell('email'),
    phone: cell('phone'),
    headline: cell('headline'),
    location: cell('location'),
    languages: list('languages'),
    linkedinUrl: cell('linkedin_url'),
    tags: list('tags'),
  };
  const status = cell('consent_status');
  if (status) {
    const consentStatus = status.toUpperCase() as ConsentStatus;
    if (!Object.values(ConsentStatus).includes(consentStatus)) {
      problems.push(`consent_status: "${status}" is not one of ${Object.values(ConsentStatus).join(', ')}`);
    }
    item.consent = {
      status: consentStatus,
      givenAt: dateCell(cell('consent_given_at'), 'consent_given_at', problems),
      retainUntil: dateCell(cell('retain_until'), 'retain_until', problems),
    };
  } else if (cell('consent_given_at') || cell('retain_until')) {
    problems.push('consent_status: required when consent_given_at or retain_until is given');
  }
  return { line, item: problems.length ? null : item, problems };
}

function dateCell(value: string | null | undefined, column: string, problems: string[]): Date | null {
  if (!value) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    problems.push(`${column}: "${value}" is not a date like 2027-06-30 or 2026-01-15T09:30:00Z`);
    return null;
  }
  return date;
}

// Imports the rows through the same upsert as the API, MAX_UPSERT_BATCH at a time, each batch in
// its own transaction. A ref that comes again later in the file is refused, so the file means the
// same whichever batch a row falls into, and importing it again changes nothing.
export async function importCandidateRows(
  em: EntityManager,
  firmId: string,
  rows: CsvRow[],
  onProgress: (done: number) => void = () => undefined,
): Promise<CsvImportSummary> {
  const summary: CsvImportSummary = { rows: rows.length, created: 0, updated: 0, unchanged: 0, rejected: [] };
  const firstLineOfRef = new Map<string, number>();
  const accepted: CsvRow[] = [];
  let done = 0;
  for (const row of rows) {
    if (row.item) {
      const key = `${row.item.externalRef.system.trim()}\u0000${row.item.externalRef.externalId.trim()}`;
      const first = firstLineOfRef.get(key);
      if (first !== undefined) {
        row.problems.push(
          `external_id: ${row.item.externalRef.externalId.trim()} of ${row.item.externalRef.system.trim()} already comes on line ${first}`,
        );
      } else {
        firstLineOfRef.set(key, row.line);
        accepted.push(row);
        continue;
      }
    }
    summary.rejected.push({ line: row.line, reasons: row.problems });
    onProgress(++done);
  }
  for (let start = 0; start < accepted.length; start += MAX_UPSERT_BATCH) {
    const batch = accepted.slice(start, start + MAX_UPSERT_BATCH);
    const outcome = await em.fork().transactional((transaction) =>
      upsertCandidates(
        transaction as EntityManager,
        firmId,
        batch.map((row) => row.item!),
      ),
    );
    outcome.results.forEach((result, index) => {
      if (result.status === UpsertCandidateStatus.REJECTED) {
        summary.rejected.push({ line: batch[index].line, reasons: result.userErrors.map(reasonOf) });
      }
    });
    summary.created += outcome.createdCount;
    summary.updated += outcome.updatedCount;
    summary.unchanged += outcome.unchangedCount;
    done += batch.length;
    onProgress(done);
  }
  summary.rejected.sort((a, b) => a.line - b.line);
  return summary;
}

// A user error of the upsert in the words of the file: its column, then the message.
function reasonOf(error: UserErrorData): string {
  const path = (error.field ?? []).slice(3).filter((part) => !/^\d+$/.test(part));
  const column = COLUMN_OF_FIELD[path.join('.')] ?? path.join('.');
  return column ? `${column}: ${error.message}` : error.message;
}

const COLUMN_OF_FIELD: Record<string, string> = {
  externalRef: 'external_id',
  'externalRef.system': 'system',
  'externalRef.externalId': 'external_id',
  firstName: 'first_name',
  lastName: 'last_name',
  linkedinUrl: 'linkedin_url',
  'consent.status': 'consent_status',
  'consent.givenAt': 'consent_given_at',
  'consent.retainUntil': 'retain_until',
};
