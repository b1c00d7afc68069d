import path from 'node:path';
import express, { type Router } from 'express';

// GraphiQL served from node_modules, so the explorer works without internet access.
const packageFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);
const ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Outside-In GraphQL explorer</title>
  <link rel="stylesheet" href="/explorer/graphiql.css" />
  <style>body { margin: 0; height: 100vh; }</style>
</head>
<body>
  <div id="graphiql" style="height: 100vh"></div>
  <script src="/explorer/react.js"></script>
  <script src="/explorer/react-dom.js"></script>
  <script src="/explorer/graphiql.js"></script>
  <script src="/explorer/start.js"></script>
</body>
</html>`;

// What a person sees first: a login to run, and how to use its token. The headers start empty:
// a placeholder Authorization header would be refused (401), and with it the schema, so the docs
// and autocomplete would not load.
const DEFAULT_DOCUMENT = `# Outside-In GraphQL explorer
#
# 1. Run Login: ▶, then "Login".
# 2. Copy the token into Headers:
#  {"Authorization": "Bearer TOKEN"}
# 3. Run Me.
#
# More demo logins: printed where
# the server was started.

mutation Login {
  login(input: {
    email: "recruiter@nordlys.example"
    password: "nordlys-recruiter"
  }) {
    token
    userErrors { code message }
  }
}

query Me {
  viewer {
    kind
    role
    firm { name }
    user { name email }
  }
}
`;

// Kept out of the page so a strict Content-Security-Policy needs no inline script.
const START = `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: ${JSON.stringify(DEFAULT_DOCUMENT)},
    defaultEditorToolsVisibility: 'headers',
    visiblePlugin: 'Documentation Explorer',
  }),
);`;

export function explorerRouter(): Router {
  const router = express.Router();
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/explorer/${name}`, (_request, response) => response.sendFile(file, { maxAge: '1d' }));
  }
  router.get('/explorer/start.js', (_request, response) => response.type('application/javascript').send(START));
  // A browser asking for /graphql gets the explorer; API calls (POST, or GET for JSON) go on.
  router.get('/graphql', (request, response, next) => {
    if (request.accepts(['application/json', 'text/html']) === 'text/html' && !request.query.query) {
      response.type('html').send(PAGE);
      return;
    }
    next();
  });
  return router;
}
