import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope } from '../../src/common/access';
import { createFirm } from '../../src/modules/firm';
import { createApiKey } from '../../src/modules/api-key';

// A large, deterministic firm for the benchmark. The firm (with its default rubric) and the
// API key are made by the real services; everything else is written by set-based SQL
// (INSERT … SELECT over generate_series), with ids and "random" values derived from hashes of
// the seed and the row's number, so the same seed gives the same database, row for row.

export interface FirmPlan {
  seed: number;
  candidates: number;
  // Candidacies per mandate; the first is the big ranked one, the second the small one.
  mandateSizes: number[];
  recruiters: number;
  clients: number;
  // A second firm in the same database needs a slug of its own (default 'benchmark').
  slug?: string;
}

export interface GeneratedFirm {
  firmId: string;
  apiKeySecret: string;
  // Mandate ids in the order of FirmPlan.mandateSizes.
  mandateIds: string[];
  // Interviewed candidacies of the big mandate, for the assessment load.
  interviewedCandidacyIds: string[];
  counts: Record<string, number>;
}

export function defaultPlan(seed: number, candidates: number): FirmPlan {
  // 2,000 and 100 candidacies, then 20 more mandates of 200–1,000.
  const more = Array.from({ length: 20 }, (_unused, index) => 200 + ((index * 337 + seed) % 801));
  return { seed, candidates, mandateSizes: [2000, 100, ...more], recruiters: 12, clients: 25 };
}

const FIRST_NAMES = [
  'Ingrid',
  'Lars',
  'Sofie',
  'Magnus',
  'Astrid',
  'Henrik',
  'Kari',
  'Erik',
  'Maja',
  'Nils',
  'Sigrid',
  'Jonas',
  'Freja',
  'Anders',
  'Liv',
  'Mikkel',
  'Ebba',
  'Oskar',
  'Hanne',
  'Tobias',
  'Silje',
  'Rasmus',
  'Elin',
  'Johan',
  'Ida',
  'Kristian',
  'Marte',
  'Fredrik',
  'Linnea',
  'Søren',
  'Åsa',
  'Bjørn',
  'Karin',
  'Emil',
  'Tuva',
  'Gustav',
];
const LAST_NAMES = [
  'Hansen',
  'Johansson',
  'Nielsen',
  'Berg',
  'Lindqvist',
  'Andersen',
  'Dahl',
  'Karlsson',
  'Solberg',
  'Holm',
  'Eriksson',
  'Larsen',
  'Haugen',
  'Nyström',
  'Pedersen',
  'Lund',
  'Bakken',
  'Sandberg',
  'Møller',
  'Strand',
  'Østergård',
  'Ekström',
  'Jensen',
  'Vik',
  'Lindgren',
  'Kristensen',
  'Moen',
  'Sjöberg',
  'Rasmussen',
  'Aas',
];
const ROLES = [
  'CEO',
  'COO',
  'Chief Customer Officer',
  'Sales Director',
  'Head of Customer Service',
  'Country Manager',
  'Managing Director',
  'VP Customer Experience',
  'Chief Commercial Officer',
  'Head of Retail',
];
const COMPANIES = [
  'Fjordnett',
  'Nordkraft',
  'Havbruk Invest',
  'Skagerrak Bank',
  'Polarmat',
  'Vestkyst Energi',
  'Dalarna Data',
  'Øresund Logistik',
  'Trøndelag Telecom',
  'Göta Retail',
  'Bergen Bolig',
  'Lapland Travel',
];
const CITIES = ['Oslo', 'Bergen', 'Stockholm', 'Göteborg', 'København', 'Aarhus', 'Trondheim', 'Malmö'];
const TAGS = ['cx', 'retail', 'saas', 'telecom', 'banking', 'energy', 'board', 'turnaround', 'nordics'];
const LANGUAGES = ['nb', 'sv', 'da', 'en'];
const INDUSTRIES = ['Retail', 'Telecom', 'Banking', 'Energy', 'Software', 'Logistics', 'Travel'];
const TITLES = ['Chief Customer Officer', 'CEO', 'Sales Director', 'Head of Customer Service', 'COO', 'Country Manager'];

export async function generateFirm(em: EntityManager, databaseUrl: string, plan: FirmPlan): Promise<GeneratedFirm> {
  const slug = plan.slug ?? 'benchmark';
  const firm = createFirm(em, { name: `Benchmark Executive Search (${slug})`, slug });
  const { secret } = await createApiKey(em, firm.id, null, {
    name: 'Benchmark ATS',
    scopes: [ApiKeyScope.ASSESSMENTS_READ, ApiKeyScope.CANDIDATES_READ, ApiKeyScope.MANDATES_READ],
  });
  await em.flush();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    // Deterministic uniform [0, 1) from the seed, a row number and a salt; independent of the
    // order in which PostgreSQL happens to evaluate rows.
    await client.query(`
      create function pg_temp.rnd(n bigint, salt int) returns float8 language sql immutable as
      $$ select (hashint8extended(n * 128 + salt, ${plan.seed}) & 281474976710655)::float8 / 281474976710656.0 $$`);
    await client.query(`
      create function pg_temp.uid(kind text, n text) returns uuid language sql immutable as
      $$ select md5('${plan.seed}:' || kind || ':' || n)::uuid $$`);
    const run = (sql: string, params: unknown[] = []) => client.query(sql, params);
    const base = '2025-01-01T08:00:00Z';

    await run(
      `insert into "user" (id, created_at, updated_at, firm_id, email, name, role, password_hash)
       select pg_temp.uid('user', i::text), $2::timestamptz, $2::timestamptz, $1, 'recruiter' || i || '@' || $4 || '.example',
              'Recruiter ' || i, 'RECRUITER', 'not-a-password-hash'
         from generate_series(1, $3::int) i`,
      [firm.id, base, plan.recruiters, slug],
    );

    await run(
      `insert into client (id, created_at, updated_at, firm_id, name, organisation_number, industry, employee_count, country)
       select pg_temp.uid('client', i::text), $2::timestamptz, $2::timestamptz, $1, 'Client ' || i || ' AS',
              (900000000 + i)::text, ($4::text[])[1 + (i % cardinality($4::text[]))],
              (10 + floor(pg_temp.rnd(i, 1) * 5000))::int, (array['NO', 'SE', 'DK'])[1 + i % 3]
         from generate_series(1, $3::int) i`,
      [firm.id, base, plan.clients, INDUSTRIES],
    );

    // Candidates: created one minute apart, names from the lists above.
    await run(
      `insert into candidate (id, created_at, updated_at, firm_id, first_name, last_name, email, phone, headline,
                              location, languages, linkedin_url, tags, consent_status, consent_given_at, search_text)
       select pg_temp.uid('candidate', i::text), t, t, $1, f, l, e, '+47 9' || lpad((i % 10000000)::text, 7, '0'), h,
              ($7::text[])[1 + floor(pg_temp.rnd(i, 5) * cardinality($7::text[]))::int],
              array[($8::text[])[1 + i % 4], 'en'], 'https://www.linkedin.com/in/candidate-' || i,
              (select coalesce(array_agg(tag order by position), '{}')
                 from unnest($9::text[]) with ordinality as tags(tag, position)
                where pg_temp.rnd(i, 10 + position::int) < 0.2),
              'GIVEN', t, lower(f || ' ' || l || ' ' || e || ' ' || h)
         from generate_series(1, $3::int) i,
              lateral (select $2::timestamptz + make_interval(mins => i) as t,
                              ($4::text[])[1 + floor(pg_temp.rnd(i, 1) * cardinality($4::text[]))::int] as f,
                              ($5::text[])[1 + floor(pg_temp.rnd(i, 2) * cardinality($5::text[]))::int] as l) names,
              lateral (select 'candidate' || i || '@mail.example' as e,
                              ($6::text[])[1 + floor(pg_temp.rnd(i, 3) * cardinality($6::text[]))::int] || ', ' ||
                              ($10::text[])[1 + floor(pg_temp.rnd(i, 4) * cardinality($10::text[]))::int] as h) contact`,
      [firm.id, base, plan.candidates, FIRST_NAMES, LAST_NAMES, ROLES, CITIES, LANGUAGES, TAGS, COMPANIES],
    );

    // Every candidate came from the ATS (one ref); one in three is also in the HR system.
    await run(
      `insert into candidate_external_ref (id, created_at, updated_at, firm_id, candidate_id, system, external_id)
       select pg_temp.uid('ref', i || ':' || s.system), t, t, $1, pg_temp.uid('candidate', i::text), s.system, s.prefix || i
         from generate_series(1, $3::int) i,
              lateral (select $2::timestamptz + make_interval(mins => i) as t) created,
              lateral (values ('greenhouse', 'gh-'), ('workday', 'wd-')) s(system, prefix)
        where s.system = 'greenhouse' or i % 3 = 0`,
      [firm.id, base, plan.candidates],
    );

    await run(
      `create temp table bench_mandate as
       select ordinality::int as ord, pg_temp.uid('mandate', ordinality::text) as id, size::int as size
         from unnest($1::int[]) with ordinality as sizes(size)`,
      [plan.mandateSizes],
    );
    await run(
      `insert into mandate (id, created_at, updated_at, firm_id, title, client_id, leadership_level, location,
                            lead_recruiter_id, status, rubric_id, version)
       select m.id, $2::timestamptz + make_interval(days => m.ord), $2::timestamptz + make_interval(days => m.ord), $1,
              ($4::text[])[1 + m.ord % cardinality($4::text[])] || ' #' || m.ord,
              pg_temp.uid('client', (1 + m.ord % $5::int)::text),
              (array['EXECUTIVE', 'SENIOR', 'FRONTLINE'])[1 + m.ord % 3], 'Oslo',
              pg_temp.uid('user', (1 + m.ord % $6::int)::text), 'OPEN', r.id, 1
         from bench_mandate m
         join rubric r on r.firm_id = $1 and r.key = $3 and r.version = 1`,
      [firm.id, base, 'customer-oriented-leadership', TITLES, plan.clients, plan.recruiters],
    );

    // Requirement profiles: every competency, weight 0–5, target 2–5 (sometimes 1), a few minimums.
    await run(
      `insert into requirement (id, created_at, updated_at, firm_id, mandate_id, competency_key, weight, target, minimum)
       select pg_temp.uid('requirement', m.ord || ':' || c.key), now(), now(), $1, m.id, c.key, w, t,
              case when pg_temp.rnd(k, 3) < 0.22 then least(t, 2 + floor(pg_temp.rnd(k, 4) * 2)::int) end
         from bench_mandate m
         join mandate md on md.id = m.id
         join competency c on c.rubric_id = md.rubric_id,
              lateral (select m.ord * 100 + c.position as k) key,
              lateral (select floor(pg_temp.rnd(k, 1) * 6)::int as w,
                              case when pg_temp.rnd(k, 2) < 0.05 then 1 else 2 + floor(pg_temp.rnd(k, 5) * 4)::int end as t) values`,
      [firm.id],
    );

    // Candidacies: distinct candidates per mandate, one minute apart, stages by a fixed distribution.
    await run(
      `insert into candidacy (id, created_at, updated_at, firm_id, mandate_id, candidate_id, stage)
       select pg_temp.uid('candidacy', m.ord || ':' || j), t, t, $1, m.id,
              pg_temp.uid('candidate', (1 + (m.ord::bigint * 7919 + j::bigint * 31) % $3::int)::text),
              case when r < 0.22 then 'SOURCED' when r < 0.35 then 'SCREENING' when r < 0.65 then 'INTERVIEWING'
                   when r < 0.75 then 'SHORTLISTED' when r < 0.80 then 'PRESENTED' when r < 0.82 then 'OFFER'
                   when r < 0.83 then 'PLACED' when r < 0.95 then 'REJECTED' else 'WITHDRAWN' end
         from bench_mandate m, generate_series(1, m.size) j,
              lateral (select $2::timestamptz + make_interval(days => 30 + m.ord, mins => j) as t,
                              pg_temp.rnd(m.ord * 100000 + j, 1) as r) v`,
      [firm.id, base, plan.candidates],
    );
    await run(
      `insert into candidacy_stage_change (id, created_at, updated_at, firm_id, candidacy_id, from_stage, to_stage, reason)
       select pg_temp.uid('stage-change', c.id::text), c.created_at, c.created_at, c.firm_id, c.id, null, c.stage, 'Benchmark data'
         from candidacy c where c.firm_id = $1`,
      [firm.id],
    );

    // Interviewed: every candidacy past screening, and half of the exits. One competency
    // interview each, with a panel of three recruiters.
    await run(
      `insert into interview (id, created_at, updated_at, firm_id, candidacy_id, kind, scheduled_at)
       select pg_temp.uid('interview', c.id::text), c.created_at + interval '3 days', c.created_at + interval '3 days',
              c.firm_id, c.id, 'COMPETENCY', c.created_at + interval '7 days'
         from candidacy c
        where c.firm_id = $1
          and (c.stage in ('INTERVIEWING', 'SHORTLISTED', 'PRESENTED', 'OFFER', 'PLACED')
               or (c.stage in ('REJECTED', 'WITHDRAWN') and ('x' || substr(c.id::text, 1, 2))::bit(8)::int < 128))`,
      [firm.id],
    );
    await run(
      `insert into scorecard (id, created_at, updated_at, firm_id, interview_id, interviewer_id, status, submitted_at, version)
       select pg_temp.uid('scorecard', i.id || ':' || p), i.scheduled_at, i.scheduled_at + interval '1 day', i.firm_id, i.id,
              pg_temp.uid('user', (1 + (first + p) % $2::int)::text), 'SUBMITTED', i.scheduled_at + interval '1 day', 1
         from interview i,
              lateral (select floor(pg_temp.rnd(('x' || substr(md5(i.id::text), 1, 12))::bit(48)::bigint, 1) * $2::int)::int as first) f,
              generate_series(0, 2) p
        where i.firm_id = $1`,
      [firm.id, plan.recruiters],
    );
    // Revision 1 for every scorecard; one in ten was amended (revision 2 is the latest).
    await run(
      `insert into scorecard_revision (id, created_at, updated_at, firm_id, scorecard_id, number, recommendation, summary, reason, author_id)
       select pg_temp.uid('revision', s.id || ':' || n), s.submitted_at + make_interval(days => n - 1),
              s.submitted_at + make_interval(days => n - 1), s.firm_id, s.id, n,
              (array['STRONG_NO', 'NO', 'YES', 'STRONG_YES'])[1 + (h % 4)],
              'Met the candidate for ninety minutes; customer examples were concrete.',
              case when n = 2 then 'Corrected after the panel debrief.' end, s.interviewer_id
         from scorecard s,
              lateral (select ('x' || substr(md5(s.id::text), 1, 12))::bit(48)::bigint as h) hash,
              generate_series(1, case when pg_temp.rnd(h, 2) < 0.1 then 2 else 1 end) n
        where s.firm_id = $1`,
      [firm.id],
    );
    await run(
      `update scorecard s set latest_revision_id = r.id
         from (select distinct on (scorecard_id) scorecard_id, id from scorecard_revision
                where firm_id = $1 order by scorecard_id, number desc) r
        where r.scorecard_id = s.id`,
      [firm.id],
    );
    // Nine ratings per revision: the candidate's level, a competency offset and the
    // interviewer's noise, clamped to 1–5; one in twenty-five not assessed.
    await run(
      `insert into rating (id, created_at, updated_at, firm_id, revision_id, competency_key, score, evidence)
       select pg_temp.uid('rating', r.id || ':' || k.key), r.created_at, r.created_at, r.firm_id, r.id, k.key, score,
              case when score is not null then 'Described how they ' || lower(k.key) || ' with a concrete customer case.' end
         from scorecard_revision r
         join scorecard s on s.id = r.scorecard_id
         join interview i on i.id = s.interview_id
         join candidacy c on c.id = i.candidacy_id
         join mandate m on m.id = c.mandate_id
         join competency k on k.rubric_id = m.rubric_id,
              lateral (select ('x' || substr(md5(i.candidacy_id::text), 1, 12))::bit(48)::bigint as ch,
                              ('x' || substr(md5(r.id::text || k.key), 1, 12))::bit(48)::bigint as rh) hashes,
              lateral (select case when pg_temp.rnd(rh, 1) < 0.04 then null
                                   else greatest(1, least(5, round(1.5 + pg_temp.rnd(ch, k.position) * 3.2
                                                                   + (pg_temp.rnd(rh, 2) - 0.5) * 2.2)))::smallint end as score) s2
        where r.firm_id = $1`,
      [firm.id],
    );
    await run('vacuum analyze');

    const { rows: interviewed } = await run(
      `select c.id from candidacy c
        where c.mandate_id = $1 and exists (select 1 from interview i where i.candidacy_id = c.id)
        order by c.created_at, c.id`,
      [await mandateId(client, 1)],
    );
    const counts: Record<string, number> = {};
    for (const table of [
      'candidate',
      'candidate_external_ref',
      'mandate',
      'requirement',
      'candidacy',
      'interview',
      'scorecard',
      'scorecard_revision',
      'rating',
    ]) {
      const { rows } = await run(`select count(*)::int as n from ${table} where firm_id = $1`, [firm.id]);
      counts[table] = rows[0].n;
    }
    const { rows: mandates } = await run('select id from bench_mandate order by ord');
    return {
      firmId: firm.id,
      apiKeySecret: secret,
      mandateIds: mandates.map((row: { id: string }) => row.id),
      interviewedCandidacyIds: interviewed.map((row: { id: string }) => row.id),
      counts,
    };
  } finally {
    await client.end();
  }
}

async function mandateId(client: pg.Client, ord: number): Promise<string> {
  const { rows } = await client.query('select id from bench_mandate where ord = $1', [ord]);
  return rows[0].id;
}
