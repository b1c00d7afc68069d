import fc from 'fast-check';
import { ApiKeyScope } from '../../src/common/access';
import { fromGlobalId } from '../../src/common/global-id';
import {
  duplicateScore,
  findDuplicateMatches,
  foldForSearch,
  nameKeys,
  similarNameScore,
  type DuplicateMatch,
  trigramSimilarity,
  DuplicateReason,
  NAME_MATCHES_PER_CANDIDATE,
  NAME_NEIGHBOURS,
} from '../../src/modules/candidate';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import {
  CandidateDuplicatesDocument,
  CreateCandidateWithDuplicatesDocument,
  DismissDuplicateDocument,
  EraseCandidateDocument,
  PossibleDuplicatesDocument,
  UpdateCandidateWithDuplicatesDocument,
  UpsertCandidatesWithDuplicatesDocument,
  type CreateCandidateInput,
  type DuplicateFieldsFragment,
} from '../generated/graphql';

let app: TestApp;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

// Each test in a firm of its own, so the firm-wide list holds only its candidates.
async function newFirm(): Promise<TestFirm> {
  return createTestFirm(app, 'nordlys');
}

async function create(firm: TestFirm, input: Partial<CreateCandidateInput>, caller: GraphQLClient = firm.asRecruiter) {
  const { createCandidate } = await caller.data(CreateCandidateWithDuplicatesDocument, {
    input: { firstName: 'Ingrid', lastName: 'Dahl', ...input },
  });
  expect(createCandidate.userErrors).toEqual([]);
  return { id: createCandidate.candidate!.id, warnings: createCandidate.duplicateWarnings };
}

const pair = (candidate: string, other: string, reasons: DuplicateReason[] | string[], score: number): DuplicateFieldsFragment => ({
  candidate: { id: candidate },
  otherCandidate: { id: other },
  reasons: reasons as DuplicateReason[],
  score,
});

async function listAll(firm: TestFirm): Promise<DuplicateFieldsFragment[]> {
  const { candidateDuplicates } = await firm.asRecruiter.data(CandidateDuplicatesDocument, { first: 100 });
  return candidateDuplicates.edges.map((edge) => edge.node);
}

async function possibleDuplicatesOf(firm: TestFirm, id: string): Promise<DuplicateFieldsFragment[]> {
  const { node } = await firm.asRecruiter.data(PossibleDuplicatesDocument, { id });
  return (node as { possibleDuplicates: DuplicateFieldsFragment[] }).possibleDuplicates;
}

// The pair as the firm-wide list shows it: the smaller id first.
function listed(a: string, b: string, reasons: string[], score: number) {
  const local = (id: string) => Buffer.from(id, 'base64url').toString('utf8');
  return local(a) < local(b) ? pair(a, b, reasons, score) : pair(b, a, reasons, score);
}

describe('duplicate detection', () => {
  it('should warn about a candidate with the same email when creating, and list the pair from both sides', async () => {
    const firm = await newFirm();
    const first = await create(firm, { email: 'ingrid.dahl@fjordkraft.example' });
    expect(first.warnings).toEqual([]);
    const second = await create(firm, { firstName: 'I.', lastName: 'D.', email: 'Ingrid.Dahl@Fjordkraft.example' });
    expect(second.warnings).toEqual([pair(second.id, first.id, ['EMAIL'], 1)]);
    expect(await possibleDuplicatesOf(firm, first.id)).toEqual([pair(first.id, second.id, ['EMAIL'], 1)]);
    expect(await possibleDuplicatesOf(firm, second.id)).toEqual([pair(second.id, first.id, ['EMAIL'], 1)]);
    expect(await listAll(firm)).toEqual([listed(first.id, second.id, ['EMAIL'], 1)]);
  });

  it('should match phone numbers written differently, and LinkedIn URLs with www, query and trailing slash', async () => {
    const firm = await newFirm();
    const a = await create(firm, { phone: '+47 912 34 567', linkedinUrl: 'https://www.linkedin.com/in/Ingrid-Dahl/' });
    const b = await create(firm, { firstName: 'Kari', lastName: 'Nordmann', phone: '0047-91234567' });
    const c = await create(firm, { firstName: 'Ola', lastName: 'Berg', linkedinUrl: 'https://linkedin.com/in/ingrid-dahl?trk=people' });
    const d = await create(firm, { firstName: 'Per', lastName: 'Holm', phone: '+47 912 34 568' });
    expect([b.warnings, c.warnings, d.warnings]).toEqual([[pair(b.id, a.id, ['PHONE'], 0.9)], [pair(c.id, a.id, ['LINKEDIN'], 1)], []]);
  });

  it('should match the same external id under another system, but not under another id', async () => {
    const firm = await newFirm();
    const a = await create(firm, { externalRefs: [{ system: 'greenhouse', externalId: '4711' }] });
    const b = await create(firm, { firstName: 'Ola', lastName: 'Berg', externalRefs: [{ system: 'workday', externalId: '4711' }] });
    const c = await create(firm, { firstName: 'Per', lastName: 'Holm', externalRefs: [{ system: 'workday', externalId: '4712' }] });
    expect([b.warnings, c.warnings]).toEqual([[pair(b.id, a.id, ['EXTERNAL_REF'], 0.9)], []]);
  });

  it('should match a similar name ignoring accents only with the same location or a similar headline', async () => {
    const firm = await newFirm();
    const a = await create(firm, { firstName: 'Søren', lastName: 'Østergård', location: 'Århus', headline: 'CEO, Nordisk Energi' });
    const sameLocation = await create(firm, { firstName: 'Soren', lastName: 'Ostergaard', location: 'arhus', headline: 'Advisor' });
    const similarHeadline = await create(firm, { firstName: 'SØREN', lastName: 'ØSTERGÅRD', headline: 'CEO of Nordisk Energi A/S' });
    const neither = await create(firm, { firstName: 'Søren', lastName: 'Østergård', location: 'Oslo', headline: 'CFO, Fjordkraft' });
    const otherName = await create(firm, { firstName: 'Sara', lastName: 'Olsen', location: 'Århus' });
    const nameScore = (x: string, y: string) => duplicateScore([DuplicateReason.SIMILAR_NAME], trigramSimilarity(x, y));
    expect(sameLocation.warnings).toEqual([
      pair(sameLocation.id, a.id, ['SIMILAR_NAME'], nameScore('soren ostergard', 'soren ostergaard')),
    ]);
    expect(nameScore('soren ostergard', 'soren ostergaard')).toBe(0.67);
    // Its headline matches the first one's; with the second it shares neither headline nor location.
    expect(similarHeadline.warnings).toEqual([pair(similarHeadline.id, a.id, ['SIMILAR_NAME'], 0.8)]);
    expect(neither.warnings).toEqual([]);
    expect(otherName.warnings).toEqual([]);
  });

  it('should give every reason that holds, strongest first, with the strongest score', async () => {
    const firm = await newFirm();
    const a = await create(firm, { email: 'ingrid@dahl.example', phone: '+47 400 00 001', location: 'Bergen' });
    const b = await create(firm, { email: 'ingrid@dahl.example', phone: '+4740000001', location: 'Bergen' });
    expect(b.warnings).toEqual([pair(b.id, a.id, ['EMAIL', 'PHONE', 'SIMILAR_NAME'], 1)]);
  });

  it('should find the pair again when an update makes it, and drop it when an update ends it', async () => {
    const firm = await newFirm();
    const a = await create(firm, { email: 'kari@nordmann.example' });
    const b = await create(firm, { firstName: 'Kari', lastName: 'Nordmann', email: 'kari@other.example' });
    const update = (input: Record<string, unknown>) =>
      firm.asRecruiter
        .data(UpdateCandidateWithDuplicatesDocument, { input: { candidateId: b.id, ...input } })
        .then((data) => data.updateCandidate);
    expect((await update({ email: 'KARI@nordmann.example' })).duplicateWarnings).toEqual([pair(b.id, a.id, ['EMAIL'], 1)]);
    expect(await listAll(firm)).toEqual([listed(a.id, b.id, ['EMAIL'], 1)]);
    expect((await update({ email: null })).duplicateWarnings).toEqual([]);
    expect(await listAll(firm)).toEqual([]);
    expect(await possibleDuplicatesOf(firm, a.id)).toEqual([]);
  });

  it('should warn in a bulk upsert about duplicates within the batch and of earlier candidates', async () => {
    const firm = await newFirm();
    const earlier = await create(firm, { email: 'astrid@lindqvist.example' });
    const { client } = await firm.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
    const { upsertCandidates } = await client.data(UpsertCandidatesWithDuplicatesDocument, {
      input: {
        candidates: [
          { externalRef: { system: 'ats', externalId: '1' }, firstName: 'Astrid', lastName: 'L', email: 'astrid@lindqvist.example' },
          { externalRef: { system: 'ats', externalId: '2' }, firstName: 'Bo', lastName: 'Ek', phone: '+46 70 1' },
          { externalRef: { system: 'ats', externalId: '3' }, firstName: 'Cia', lastName: 'Ny', phone: '0046701' },
        ],
      },
    });
    const [one, two, three] = upsertCandidates.results.map((result) => result.candidate!.id);
    expect(upsertCandidates.duplicateWarnings).toEqual([
      pair(one, earlier.id, ['EMAIL'], 1),
      pair(two, three, ['PHONE'], 0.9),
      pair(three, two, ['PHONE'], 0.9),
    ]);
  });
});

describe('similarNameScore', () => {
  it("should score exactly as the rule on pg_trgm's trigrams says, for any letters (ASCII, Nordic, accents, other scripts)", () => {
    const text = (maxLength: number) =>
      fc
        .array(fc.constantFrom(...'aAeEnNoOkK19 ', ...'åÅøØæÆéÉüÜß', '-', '.', 'ŁΩЖ中', '\u{1D49C}'), { maxLength })
        .map((chars) => chars.join(''));
    type Person = { firstName: string; lastName: string; headline: string | null; location: string | null };
    const person: fc.Arbitrary<Person> = fc.record({
      firstName: text(8),
      lastName: text(8),
      headline: fc.option(text(12)),
      location: fc.option(fc.constantFrom('Oslo', 'oslo ', 'Bergen', '')),
    });
    // The rule of the README, on the reference trigramSimilarity.
    const expected = (a: Person, b: Person) => {
      const name = (p: typeof a) => foldForSearch(`${p.firstName} ${p.lastName}`);
      const similarity = trigramSimilarity(name(a), name(b));
      if (similarity < 0.6) return null;
      const location = (p: typeof a) => foldForSearch(p.location ?? '');
      const sameLocation = location(a) !== '' && location(a) === location(b);
      const similarHeadline = trigramSimilarity(foldForSearch(a.headline ?? ''), foldForSearch(b.headline ?? '')) >= 0.5;
      return sameLocation || similarHeadline ? similarity : null;
    };
    // Most random names share little: b is often a's name, or a variant of it.
    const variant = (a: Person, b: Person, kind: number): Person =>
      [
        b,
        { ...b, firstName: a.firstName, lastName: a.lastName },
        { ...b, lastName: a.lastName },
        { ...b, firstName: a.firstName, lastName: `${a.lastName}${b.lastName.slice(0, 1)}` },
      ][kind];
    let similar = 0;
    fc.assert(
      fc.property(person, person, fc.nat(3), (a, other, kind) => {
        const b = variant(a, other, kind);
        const score = expected(a, b);
        if (score !== null) similar += 1;
        expect(similarNameScore(a, b)).toBe(score);
      }),
      { numRuns: 3000 },
    );
    // About 11 % of the pairs are similar (330 of 3,000 on average, standard deviation about 17):
    // 200 says the similar branch was well exercised whatever the run's seed (300 failed one run in 20).
    expect(similar).toBeGreaterThan(200);
  });
});

describe('similar names by name key', () => {
  async function upsertNames(firm: TestFirm, names: [string, string, string][], prefix: string) {
    const { client } = await firm.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
    const { upsertCandidates } = await client.data(UpsertCandidatesWithDuplicatesDocument, {
      input: {
        candidates: names.map(([firstName, lastName, location], index) => ({
          externalRef: { system: 'ats', externalId: `${prefix}-${index}` },
          firstName,
          lastName,
          location,
        })),
      },
    });
    expect(upsertCandidates.userErrors).toEqual([]);
    return upsertCandidates;
  }

  it('should key names in SQL (the index) exactly as the reference folds them: case, accents, Nordic letters, punctuation', async () => {
    const letters = [...'aAeEoOsSnNkKåÅäÄöÖøØæÆéÉüÜßçÇłŁ', ' ', ' ', '-', '.', "'"];
    const name = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 14 }).map((chars) => chars.join(''));
    const connection = app.em().getConnection();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, name), { minLength: 1, maxLength: 40 }), async (names) => {
        const rows: { first: string; last: string }[] = await connection.execute(
          `select "candidate_first_name_key"(n."f", n."l") as "first", "candidate_last_name_key"(n."f", n."l") as "last"
             from rows from (jsonb_to_recordset(?::jsonb) as ("f" text, "l" text)) with ordinality as n("f", "l", "i") order by n."i"`,
          [JSON.stringify(names.map(([f, l]) => ({ f, l })))],
        );
        expect(rows).toEqual(names.map(([firstName, lastName]) => nameKeys({ firstName, lastName })));
      }),
      { numRuns: 30, interruptAfterTimeLimit: 90_000 },
    );
  });

  it('should look up exactly the NAME_NEIGHBOURS nearest live names on either side of both keys, with both profiles (generated firm)', async () => {
    const firm = await newFirm();
    // A seeded mix of few words, so that groups hold more than NAME_NEIGHBOURS names, names repeat,
    // some share both words, and some are erased.
    let seed = 20261203;
    const random = (count: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % count;
    };
    const given = ['Kristine', 'Christine', 'Kristin', 'Anne', 'Anna', 'Ola', 'Åse', 'Ase', 'Ørjan'];
    const middle = ['', '', '', 'Marie ', 'Kari '];
    const family = ['Hansen', 'Hanssen', 'Berg', 'Bergh', 'Østby', 'Ostby', 'Lie'];
    const names = Array.from({ length: 260 }, (): [string, string, string] => [
      `${given[random(given.length)]} ${middle[random(middle.length)]}`.trim(),
      family[random(family.length)],
      ['Oslo', 'Bergen', 'Tromsø'][random(3)],
    ]);
    const { results } = await upsertNames(firm, names, 'generated');
    const ids = results.map((result) => fromGlobalId(result.candidate!.id)!.id);
    const connection = app.em().getConnection();
    const erased = ids.filter((_, index) => index % 9 === 4);
    await connection.execute(`update "candidate" set "erased_at" = now() where "id" = any(?::uuid[])`, [`{${erased.join(',')}}`]);
    const rows: { id: string; first: string; last: string; first_name: string; last_name: string; location: string; erased: boolean }[] =
      await connection.execute(
        `select "id", "candidate_first_name_key"("first_name", "last_name") as "first", "candidate_last_name_key"("first_name", "last_name") as "last",
                "first_name", "last_name", "location", "erased_at" is not null as "erased"
           from "candidate" where "firm_id" = ?`,
        [firm.firm.id],
      );
    // The rule by hand: the index's order is byte order of the keys (C collation), then the id.
    const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    const live = rows.filter((row) => !row.erased);
    const neighbours = (same: 'first' | 'last', row: (typeof rows)[number]) => {
      const other = same === 'first' ? 'last' : 'first';
      const group = live
        .filter((candidate) => candidate[same] === row[same])
        .sort((a, b) => bytes(a[other], b[other]) || bytes(a.id, b.id));
      const up = group.filter((candidate) => bytes(candidate[other], row[other]) >= 0).slice(0, NAME_NEIGHBOURS);
      const down = group.filter((candidate) => bytes(candidate[other], row[other]) < 0).slice(-NAME_NEIGHBOURS);
      return [...up, ...down];
    };
    const profile = (row: (typeof rows)[number]) => ({
      firstName: row.first_name,
      lastName: row.last_name,
      headline: null,
      location: row.location,
    });
    const order = (a: DuplicateMatch, b: DuplicateMatch) => bytes(a.candidateId, b.candidateId) || bytes(a.otherId, b.otherId);
    const expected = live
      .flatMap((row) =>
        [...new Map([...neighbours('first', row), ...neighbours('last', row)].map((other) => [other.id, other])).values()]
          .filter((other) => other.id !== row.id)
          .map((other) => ({
            candidateId: row.id,
            otherId: other.id,
            reason: DuplicateReason.SIMILAR_NAME,
            profile: profile(row),
            otherProfile: profile(other),
          })),
      )
      .sort(order);
    expect(expected.length).toBeGreaterThan(2000);

    const found = await findDuplicateMatches(app.em(), firm.firm.id, ids);
    expect(found.filter((match) => match.reason === DuplicateReason.SIMILAR_NAME).sort(order)).toEqual(expected);
    expect(found.filter((match) => match.reason !== DuplicateReason.SIMILAR_NAME)).toEqual([]);
  });

  it('should find a spelling variant of the given name among many candidates of the same family name', async () => {
    const firm = await newFirm();
    // More than NAME_NEIGHBOURS others named Hansen in Oslo, alphabetically on both sides of the two.
    const others = Array.from({ length: NAME_NEIGHBOURS + 5 }, (_, index): [string, string, string] => [`Berit${index}`, 'Hansen', 'Oslo']);
    const later = Array.from({ length: NAME_NEIGHBOURS + 5 }, (_, index): [string, string, string] => [`Ola${index}`, 'Hansen', 'Oslo']);
    await upsertNames(firm, [...others, ...later], 'filler');
    const kristine = await create(firm, { firstName: 'Kristine', lastName: 'Hansen', location: 'Oslo' });
    const christine = await create(firm, { firstName: 'Christine', lastName: 'Hansen', location: 'oslo' });
    const score = duplicateScore([DuplicateReason.SIMILAR_NAME], trigramSimilarity('kristine hansen', 'christine hansen'));
    expect(score).toBe(0.52);
    expect(christine.warnings).toContainEqual(pair(christine.id, kristine.id, ['SIMILAR_NAME'], score));
    expect(await possibleDuplicatesOf(firm, kristine.id)).toContainEqual(pair(kristine.id, christine.id, ['SIMILAR_NAME'], score));
  });

  it('should compare a batch of one common name with a bounded number of names, in the statements of a small batch', async () => {
    const firm = await newFirm();
    const names = (count: number) =>
      Array.from({ length: count }, (_, index): [string, string, string] => [`Kandidat ${index}`, 'Lindqvist', 'Bergen']);
    await upsertNames(firm, names(5), 'warm-up');
    const small = await app.countStatements(() => upsertNames(firm, names(5), 'small'));
    let warnings: DuplicateFieldsFragment[] = [];
    const large = await app.countStatements(async () => {
      warnings = (await upsertNames(firm, names(200), 'large')).duplicateWarnings;
    });
    expect(large).toBe(small);
    // Every one of them is like every other (same city, names 0.7–0.9 alike): each is warned, and
    // each adds at most NAME_MATCHES_PER_CANDIDATE pairs.
    expect(new Set(warnings.map((warning) => warning.candidate.id)).size).toBe(200);
    expect(warnings.every((warning) => warning.reasons.join() === 'SIMILAR_NAME')).toBe(true);
    const [{ pairs }] = await app
      .em()
      .getConnection()
      .execute(`select count(*)::int as "pairs" from "candidate_duplicate" where "firm_id" = ?`, [firm.firm.id]);
    expect(pairs).toBeLessThanOrEqual(210 * NAME_MATCHES_PER_CANDIDATE);
  }, 120_000);
});

describe('candidateDuplicates', () => {
  it('should page through every pair once, most likely first, with cursors', async () => {
    const firm = await newFirm();
    for (let index = 0; index < 4; index += 1) {
      await create(firm, { firstName: `Anna${index}`, lastName: 'Berg', email: `anna${index}@berg.example` });
      await create(firm, { firstName: `Per${index}`, lastName: 'Holm', email: `anna${index}@berg.example` });
      await create(firm, {
        firstName: `Ola${index}`,
        lastName: 'Lie',
        phone: `+47 1${index}`,
        externalRefs: [{ system: 'a', externalId: `x${index}` }],
      });
      await create(firm, { firstName: `Eva${index}`, lastName: 'Dal', phone: `+47 1${index}` });
    }
    const all = await listAll(firm);
    expect(all.map((item) => item.score)).toEqual([1, 1, 1, 1, 0.9, 0.9, 0.9, 0.9]);
    const paged: DuplicateFieldsFragment[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const {
        candidateDuplicates,
      }: {
        candidateDuplicates: {
          totalCount: number;
          edges: { node: DuplicateFieldsFragment }[];
          pageInfo: { hasNextPage: boolean; endCursor?: string | null };
        };
      } = await firm.asRecruiter.data(CandidateDuplicatesDocument, { first: 3, after });
      expect(candidateDuplicates.totalCount).toBe(8);
      paged.push(...candidateDuplicates.edges.map((edge) => edge.node));
      after = candidateDuplicates.pageInfo.hasNextPage ? candidateDuplicates.pageInfo.endCursor! : null;
      pages += 1;
    } while (after);
    expect([pages, paged]).toEqual([3, all]);
  });

  it('should leave out pairs with an erased candidate', async () => {
    const firm = await newFirm();
    const a = await create(firm, { email: 'gone@x.example' });
    const b = await create(firm, { email: 'gone@x.example' });
    const erased = await firm.asAdmin.data(EraseCandidateDocument, { input: { candidateId: a.id } });
    expect(erased.eraseCandidate.userErrors).toEqual([]);
    expect(await listAll(firm)).toEqual([]);
    expect(await possibleDuplicatesOf(firm, b.id)).toEqual([]);
  });

  it('should be readable by staff and candidates:read keys, never by client users or other scopes', async () => {
    const firm = await newFirm();
    const a = await create(firm, { email: 'x@y.example' });
    const b = await create(firm, { email: 'x@y.example' });
    const expected = [listed(a.id, b.id, ['EMAIL'], 1)];
    const reader = await firm.apiKey([ApiKeyScope.CANDIDATES_READ]);
    const other = await firm.apiKey([ApiKeyScope.MANDATES_READ, ApiKeyScope.CANDIDATES_WRITE]);
    for (const caller of [firm.asAdmin, firm.asRecruiter, reader.client]) {
      const { candidateDuplicates } = await caller.data(CandidateDuplicatesDocument, {});
      expect(candidateDuplicates.edges.map((edge) => edge.node)).toEqual(expected);
    }
    for (const caller of [firm.asClientUser, other.client]) {
      const response = await caller.request(CandidateDuplicatesDocument, {});
      expect([errorCodes(response), response.data]).toEqual([['FORBIDDEN'], null]);
    }
    const { candidateDuplicates } = await fjellvik.asAdmin.data(CandidateDuplicatesDocument, {});
    expect(candidateDuplicates.totalCount).toBe(0);
  });
});

describe('dismissDuplicate', () => {
  it('should keep a dismissed pair from coming back, in either order', async () => {
    const firm = await newFirm();
    const a = await create(firm, { email: 'twin@x.example' });
    const b = await create(firm, { firstName: 'Kari', lastName: 'Dahl', email: 'twin@x.example' });
    const { dismissDuplicate } = await firm.asRecruiter.data(DismissDuplicateDocument, {
      input: { candidateId: b.id, otherCandidateId: a.id },
    });
    expect(dismissDuplicate).toEqual({ candidate: { id: b.id }, otherCandidate: { id: a.id }, userErrors: [] });
    expect(await listAll(firm)).toEqual([]);
    const again = await firm.asRecruiter.data(DismissDuplicateDocument, { input: { candidateId: a.id, otherCandidateId: b.id } });
    expect(again.dismissDuplicate.userErrors).toEqual([]);
    const { updateCandidate } = await firm.asRecruiter.data(UpdateCandidateWithDuplicatesDocument, {
      input: { candidateId: b.id, email: 'TWIN@x.example', phone: '+47 1' },
    });
    expect(updateCandidate.duplicateWarnings).toEqual([]);
    const c = await create(firm, { firstName: 'Per', lastName: 'Holm', email: 'twin@x.example' });
    expect(c.warnings.map((warning) => warning.otherCandidate.id).sort()).toEqual([a.id, b.id].sort());
    expect(await possibleDuplicatesOf(firm, a.id)).toEqual([pair(a.id, c.id, ['EMAIL'], 1)]);
  });

  it("should refuse a pair with itself, another firm's candidate and an erased one, writing nothing", async () => {
    const firm = await newFirm();
    const a = await create(firm, { email: 'a@x.example' });
    const b = await create(firm, { email: 'a@x.example' });
    const erased = await create(firm, { email: 'a@x.example' });
    await firm.asAdmin.data(EraseCandidateDocument, { input: { candidateId: erased.id } });
    const foreign = await create(fjellvik, { email: 'a@x.example' });
    const count = async () =>
      (await app.em().getConnection().execute(`select count(*)::int as n from "candidate_duplicate_dismissal"`))[0].n;
    const before = await count();
    const dismiss = (candidateId: string, otherCandidateId: string) =>
      firm.asRecruiter.data(DismissDuplicateDocument, { input: { candidateId, otherCandidateId } }).then((data) => data.dismissDuplicate);
    expect(await dismiss(a.id, a.id)).toEqual({
      candidate: null,
      otherCandidate: null,
      userErrors: [
        {
          code: 'INVALID',
          field: ['input', 'otherCandidateId'],
          message: 'A candidate is not a duplicate of themselves: name two different candidates.',
        },
      ],
    });
    expect((await dismiss(a.id, foreign.id)).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'otherCandidateId'], message: 'No candidate with this id.' },
    ]);
    expect((await dismiss(erased.id, b.id)).userErrors).toEqual([
      { code: 'ERASED', field: ['input', 'candidateId'], message: expect.stringContaining('erased') },
    ]);
    expect((await dismiss('bm90LWFuLWlk', b.id)).userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'candidateId'], message: 'No candidate with this id.' },
    ]);
    expect(await count()).toBe(before);
    expect(await listAll(firm)).toEqual([listed(a.id, b.id, ['EMAIL'], 1)]);
  });

  it('should refuse client users and keys without candidates:write', async () => {
    const firm = await newFirm();
    const a = await create(firm, { email: 'q@x.example' });
    const b = await create(firm, { email: 'q@x.example' });
    const reader = await firm.apiKey([ApiKeyScope.CANDIDATES_READ]);
    for (const caller of [firm.asClientUser, reader.client]) {
      const response = await caller.request(DismissDuplicateDocument, { input: { candidateId: a.id, otherCandidateId: b.id } });
      expect([errorCodes(response), response.data]).toEqual([['FORBIDDEN'], null]);
    }
    expect(await listAll(firm)).toEqual([listed(a.id, b.id, ['EMAIL'], 1)]);
  });
});
