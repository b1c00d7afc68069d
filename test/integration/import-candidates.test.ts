import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { storedCandidates } from '../helpers/integration-fixtures';

// The compiled command as `npm run import:candidates` runs it (npm test builds first), against
// the test database.
const SCRIPT = path.resolve('dist/src/scripts/import-candidates.js');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-in-import-'));
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

let app: TestApp;
let firm: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'import');
});
afterAll(async () => {
  await app.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const target = path.join(folder, name);
  fs.writeFileSync(target, text);
  return target;
}

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [SCRIPT, ...args], {
    env: { ...process.env, DATABASE_URL: app.orm.config.get('clientUrl'), LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout, stderr })));
}

const HEADER = 'system,external_id,first_name,last_name,email,headline,languages,tags,consent_status,retain_until';

describe('npm run import:candidates', () => {
  it('should import every row of a good file, and change nothing when it runs again', async () => {
    const target = await createTestFirm(app, 'good');
    const csv = file(
      'good.csv',
      '\ufeff' +
        [
          HEADER,
          `greenhouse,gh-1,Søren,Østergård,soren@nordlys.example,"CEO, Nordlys Retail",da;en,retail;ceo,GIVEN,${NEXT_YEAR}-06-30`,
          'greenhouse,gh-2,Åsa,Ekström,,"Kundchef, Vattenfjord",sv,,,',
          '',
          'greenhouse,gh-3,"Kari ""KK""",Nordmann,kari@fjordnett.example,,nb,,PENDING,',
        ].join('\r\n') +
        '\r\n',
    );
    const first = await run([csv, '--firm', target.firm.slug]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(
      [
        `Imported ${csv} into ${target.firm.name} (${target.firm.slug}): 3 rows`,
        '  created:   3',
        '  updated:   0',
        '  unchanged: 0',
        '  rejected:  0',
        '',
      ].join('\n'),
    );
    expect(first.status).toBe(0);
    const stored = await storedCandidates(app, target.firm.id);
    expect(
      stored.map((row) => [row.first_name, row.last_name, row.email, row.headline, row.languages, row.tags, row.consent_status, row.refs]),
    ).toEqual([
      ['Kari "KK"', 'Nordmann', 'kari@fjordnett.example', null, ['nb'], [], 'PENDING', [{ system: 'greenhouse', externalId: 'gh-3' }]],
      [
        'Søren',
        'Østergård',
        'soren@nordlys.example',
        'CEO, Nordlys Retail',
        ['da', 'en'],
        ['retail', 'ceo'],
        'GIVEN',
        [{ system: 'greenhouse', externalId: 'gh-1' }],
      ],
      ['Åsa', 'Ekström', null, 'Kundchef, Vattenfjord', ['sv'], [], 'PENDING', [{ system: 'greenhouse', externalId: 'gh-2' }]],
    ]);

    const again = await run([csv, '--firm', target.firm.slug]);
    expect(again.stdout).toContain('  created:   0\n  updated:   0\n  unchanged: 3\n  rejected:  0\n');
    expect(again.status).toBe(0);
    expect(await storedCandidates(app, target.firm.id)).toEqual(stored);
  });

  it('should report each bad row with its line and reason, import the others, and exit with 1', async () => {
    const target = await createTestFirm(app, 'bad-rows');
    const csv = file(
      'bad-rows.csv',
      [
        HEADER,
        'greenhouse,gh-1,Ingrid,Haugland,ingrid@example.no,,nb,,,',
        'greenhouse,gh-2,Per,Hansen,not-an-email,,nb,,,',
        'greenhouse,gh-3,Too,Few,fields',
        'greenhouse,gh-4,Liv,Berg,,,nb,,MAYBE,',
        'greenhouse,gh-5,Ola,,ola@example.no,,xx,,,',
        'greenhouse,gh-1,Ingrid,Igjen,,,,,,',
        `greenhouse,gh-6,Geir,Moe,,,,,GIVEN,30.06.${NEXT_YEAR}`,
        'greenhouse,gh-8,Tor,Lie,,,nb;en,,,',
        // A stray quote: the parser cannot tell where this row ends, so it is the last one here.
        'greenhouse,gh-7,Siv,"Lund" Dahl,,,,,,',
      ].join('\n') + '\n',
    );
    const result = await run([csv, '--firm', target.firm.slug]);
    expect(result.stdout.split('\n')).toEqual([
      `Imported ${csv} into ${target.firm.name} (${target.firm.slug}): 9 rows`,
      '  created:   2',
      '  updated:   0',
      '  unchanged: 0',
      '  rejected:  7',
      '    line 3: email: email is not an email address.',
      '    line 4: has 5 fields, the header has 10',
      '    line 5: consent_status: "MAYBE" is not one of PENDING, GIVEN, WITHDRAWN',
      '    line 6: last_name: lastName is required.; languages: "xx" is not an ISO 639-1 language code in lower case, such as nb, sv or en.',
      '    line 7: external_id: gh-1 of greenhouse already comes on line 2',
      `    line 8: retain_until: "30.06.${NEXT_YEAR}" is not a date like 2027-06-30 or 2026-01-15T09:30:00Z`,
      expect.stringMatching(/^ {4}line 10: not valid CSV: Invalid Closing Quote: .+; not valid CSV: Quote Not Closed: .+/),
      '',
    ]);
    expect(result.status).toBe(1);
    const stored = await storedCandidates(app, target.firm.id);
    expect(stored.map((row) => row.first_name).sort()).toEqual(['Ingrid', 'Tor']);
  });

  it('should refuse a file with a wrong header and import nothing', async () => {
    const target = await createTestFirm(app, 'header');
    const csv = file('header.csv', 'system,externalId,first_name,surname,email,email\ngreenhouse,gh-1,Ingrid,Haugland,a@b.no,a@b.no\n');
    const result = await run([csv, '--firm', target.firm.slug]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'import:candidates: wrong header: unknown columns "externalid", "surname"; missing columns external_id, last_name; ' +
        'column email named twice. The columns are system, external_id, first_name, last_name (required) and email, phone, ' +
        'headline, location, languages, linkedin_url, tags, consent_status, consent_given_at, retain_until.\n',
    );
    expect(result.status).toBe(2);
    expect(await storedCandidates(app, target.firm.id)).toEqual([]);
  });

  it.each([
    ['a file that does not exist', () => path.join(folder, 'missing.csv'), (name: string) => `cannot read ${name}: no such file.`],
    ['a folder', () => folder, (name: string) => `cannot read ${name}: EISDIR: illegal operation on a directory, read.`],
    ['an empty file', () => file('empty.csv', ''), () => 'the file is empty: the first line must name the columns.'],
  ])('should refuse %s with exit status 2', async (_case, name, message) => {
    const target = name();
    const result = await run([target, '--firm', firm.firm.slug]);
    expect(result.stderr).toBe(`import:candidates: ${message(target)}\n`);
    expect(result.status).toBe(2);
  });

  it('should refuse an unknown firm with exit status 2 and import nothing', async () => {
    const csv = file('unknown-firm.csv', `${HEADER}\ngreenhouse,gh-1,Ingrid,Haugland,,,,,,\n`);
    const result = await run([csv, '--firm', 'no-such-firm']);
    expect(result.stderr).toBe('import:candidates: no firm with the slug "no-such-firm".\n');
    expect(result.status).toBe(2);
  });

  it('should import a file larger than one batch, in batches of 500', async () => {
    const target = await createTestFirm(app, 'large');
    const rows = Array.from({ length: 1203 }, (_, index) => `workday,wd-${index},Kandidat,Nummer ${index},,,,,,`);
    const csv = file('large.csv', [HEADER, ...rows].join('\n'));
    const first = await run([csv, '--firm', target.firm.slug]);
    expect(first.stdout).toContain(': 1203 rows\n  created:   1203\n');
    expect(first.status).toBe(0);
    const again = await run([csv, '--firm', target.firm.slug]);
    expect(again.stdout).toContain('  created:   0\n  updated:   0\n  unchanged: 1203\n  rejected:  0\n');
    expect((await storedCandidates(app, target.firm.id)).length).toBe(1203);
    // 1,203 rows through the built script in three batches: 20 s on a busy 2-core machine, so more than jest's default 30 s.
  }, 120_000);
});
