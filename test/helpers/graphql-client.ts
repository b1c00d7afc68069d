import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<TData> {
  status: number;
  headers: Headers;
  // The body exactly as sent, for assertions on what must never appear in it.
  raw: string;
  data: TData | null;
  errors: GraphQLErrorBody[] | undefined;
}

// Talks to the server over real HTTP, as one kind of caller (anonymous, or a bearer token).
export class GraphQLClient {
  constructor(
    readonly url: string,
    readonly token: string | null,
  ) {}

  async request<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<TData>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const raw = await response.text();
    const body = JSON.parse(raw) as { data?: TData | null; errors?: GraphQLErrorBody[] };
    return { status: response.status, headers: response.headers, raw, data: body.data ?? null, errors: body.errors };
  }

  // The data of a request that must succeed; any GraphQL error fails the test with its text.
  async data<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables?: TVariables): Promise<TData> {
    const response = await this.request(document, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(`Expected data, got ${response.status}: ${response.raw}`);
    }
    return response.data;
  }
}

// The codes of a response's errors, for exact assertions.
export function errorCodes(response: GraphQLResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}
