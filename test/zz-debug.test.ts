import { startTestApp, type TestApp } from './helpers/test-app';
import { createTestFirm, PASSWORD } from './helpers/fixtures';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp();
  const firm = await createTestFirm(app, 'nordlys');
  const res = await fetch(app.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($i: LoginInput!){ login(input:$i){ token } }', variables: { i: { email: firm.admin.email, password: PASSWORD } } }) });
  token = ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
});
afterAll(() => app.close());
it('debug', async () => {
  const query = 'query Fuzz { overdueScorecards(first: 2) { totalCount } }';
  const whole = JSON.stringify({ query, variables: {} });
  for (const body of ['', '{', 'null', '"text"', '1', 'true', whole.slice(0, whole.length >> 1), `\uFEFF${whole}`, `${whole}${whole}`, '{"query": "\\ud800"}']) {
    const res = await fetch(app.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    console.log(JSON.stringify(body).slice(0, 40), res.status, (await res.text()).slice(0, 200));
  }
});
