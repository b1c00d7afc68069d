// The `operation` label of the request series: the operation's own name, as the client wrote it
// in its document, and nothing else (never ids, emails or free text: a GraphQL name is letters,
// digits and underscores, so an email cannot be one). The names are the client's choice, so
// their number is capped per process: the first `capacity` distinct names get a series each,
// every later one is counted as OTHER. A client sending 10,000 made-up names adds no series.

export const ANONYMOUS = 'anonymous';
// A name over the cap, a name too long to be a real operation's, and a request that never
// became an operation (refused by HTTP checks, not parsed, not valid against the schema).
export const OTHER = 'other';

// Our own clients (the SDK, the explorer's examples, the UI) use a few hundred names at most.
export const DEFAULT_OPERATION_NAME_CAPACITY = 300;
const MAX_NAME_LENGTH = 80;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

export class OperationLabels {
  private readonly admitted = new Set<string>();

  constructor(readonly capacity: number = DEFAULT_OPERATION_NAME_CAPACITY) {}

  // `name` is the name of an operation that passed validation (null: it has none).
  labelOf(name: string | null | undefined): string {
    if (name === null || name === undefined || name === '') return ANONYMOUS;
    if (name.length > MAX_NAME_LENGTH || !GRAPHQL_NAME.test(name)) return OTHER;
    if (this.admitted.has(name)) return name;
    if (this.admitted.size >= this.capacity) return OTHER;
    this.admitted.add(name);
    return name;
  }

  get size(): number {
    return this.admitted.size;
  }
}
