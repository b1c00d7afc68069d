import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConfigError, readConfig } from '../config/env';
import { openDatabase } from '../config/database';
import { Firm } from '../common/firm.entity';
import {
  CSV_OPTIONAL_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  CsvFileError,
  type CsvImportSummary,
  importCandidateRows,
  parseCandidateCsv,
} from '../modules/integration';
import { entities } from '../server/features';

const USAGE = `Usage: npm run import:candidates -- FILE.csv [--firm SLUG]

Creates or updates the firm's candidates from a CSV file, matched by (system, external_id),
through the same idempotent upsert as the API: importing the same file again changes nothing.
Columns (first line): ${CSV_REQUIRED_COLUMNS.join(', ')} (required), ${CSV_OPTIONAL_COLUMNS.join(', ')}.
Lists (languages, tags) are separated by ";". --firm may be left out when the database holds one firm.
Exit status: 0 all rows imported, 1 some rows rejected (the others imported), 2 nothing imported
(the file or the command line is wrong), 3 stopped by an unexpected error (the batches done stay;
importing again is safe).`;

// Exit status 2: the file or the command line is wrong, and nothing was imported.
class UsageError extends Error {}

interface Arguments {
  file: string;
  firmSlug: string | null;
}

function readArguments(argv: string[]): Arguments {
  let file: string | null = null;
  let firmSlug: string | null = null;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (argument === '--firm') {
      firmSlug = argv[++index] ?? null;
      if (!firmSlug) throw new UsageError('--firm needs the slug of a firm.');
    } else if (argument.startsWith('--firm=')) {
      firmSlug = argument.slice('--firm='.length);
    } else if (argument.startsWith('-')) {
      throw new UsageError(`unknown option ${argument}.`);
    } else if (file === null) {
      file = argument;
    } else {
      throw new UsageError(`one file at a time, got ${file} and ${argument}.`);
    }
  }
  if (!file) throw new UsageError('name the CSV file to import.');
  return { file, firmSlug };
}

async function findFirm(em: EntityManager, slug: string | null): Promise<Firm> {
  if (slug) {
    const firm = await em.findOne(Firm, { slug }, { filters: false });
    if (!firm) throw new UsageError(`no firm with the slug "${slug}".`);
    return firm;
  }
  const firms = await em.find(Firm, {}, { filters: false, limit: 2, orderBy: { slug: 'asc' } });
  if (firms.length !== 1) throw new UsageError('the database holds several firms (or none): say which with --firm SLUG.');
  return firms[0];
}

function printSummary(file: string, firm: Firm, summary: CsvImportSummary): void {
  const lines = [
    `Imported ${file} into ${firm.name} (${firm.slug}): ${summary.rows} row${summary.rows === 1 ? '' : 's'}`,
    `  created:   ${summary.created}`,
    `  updated:   ${summary.updated}`,
    `  unchanged: ${summary.unchanged}`,
    `  rejected:  ${summary.rejected.length}`,
    ...summary.rejected.map((rejection) => `    line ${rejection.line}: ${rejection.reasons.join('; ')}`),
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<number> {
  const { file, firmSlug } = readArguments(process.argv.slice(2));
  // The file first: a wrong file is told before the database is even opened.
  let text: string;
  try {
    // npm runs scripts in the project folder; a relative path means the folder npm was started in.
    text = fs.readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  }
  const rows = parseCandidateCsv(text);

  const database = await openDatabase(readConfig(), entities);
  try {
    const em = database.orm.em.fork() as EntityManager;
    const firm = await findFirm(em, firmSlug);
    em.setFilterParams('tenant', { firmId: firm.id });
    const bar = process.stderr.isTTY
      ? new SingleBar(
          { format: 'Importing |{bar}| {value}/{total} rows', stream: process.stderr, hideCursor: true },
          Presets.shades_classic,
        )
      : null;
    bar?.start(rows.length, 0);
    let summary: CsvImportSummary;
    try {
      summary = await importCandidateRows(em, firm.id, rows, (done) => bar?.update(done));
    } finally {
      bar?.stop();
    }
    printSummary(file, firm, summary);
    return summary.rejected.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (status) => process.exit(status),
  (error) => {
    const known = error instanceof UsageError || error instanceof CsvFileError || error instanceof ConfigError;
    console.error(`import:candidates: ${known ? error.message : error instanceof Error ? error.stack : String(error)}`);
    if (error instanceof UsageError && /name the CSV file|unknown option|one file/.test(error.message)) console.error(`\n${USAGE}`);
    process.exit(known ? 2 : 3);
  },
);
