import { ApiKeyScope } from '../../src/common/access';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { CandidatesDocument } from '../generated/graphql';

// The read path prepares its statements by key once per connection (src/config/direct-reads.ts).
// A migration that changes the type of a column under one (a deploy, while this process still
// runs) makes PostgreSQL refuse it on every connection that prepared it ("cached plan must not
// change result type"): the statement is prepared again under a new name, and the read answers.
// Every API request's first statement, the key look-up, is such a statement.

let app: TestApp;
let firm: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'prepared');
});
afterAll(() => app.close());

it('should answer after a migration changed the type of a column a prepared statement reads', async () => {
  const { client } = await firm.apiKey([ApiKeyScope.CANDIDATES_READ]);
  // Several rounds of concurrent requests: the key's statement is prepared on every pooled connection.
  const round = () => Promise.all(Array.from({ length: 4 }, () => client.request(CandidatesDocument, { first: 5 })));
  for (let i = 0; i < 3; i++) for (const answer of await round()) expect(answer.errors).toBeUndefined();

  await app.em().getConnection().execute(`alter table "api_key" alter column "scopes" type varchar(60)[]`);

  for (let i = 0; i < 3; i++) {
    for (const answer of await round()) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.candidates.edges).toEqual([]);
    }
  }
});
