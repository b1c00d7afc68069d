import type DataLoader from 'dataloader';

// The request's DataLoaders, made on first use and dropped with the request.
export class LoaderRegistry<Ctx> {
  private readonly loaders = new Map<unknown, DataLoader<unknown, unknown>>();

  constructor(private readonly context: Ctx) {}

  get<K, V>(factory: (context: Ctx) => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory);
    if (!loader) {
      loader = factory(this.context) as DataLoader<unknown, unknown>;
      this.loaders.set(factory, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

// Orders rows in the order of the keys DataLoader asked for; missing keys become null.
// (Loops rather than Map(entries): no pair array per row, on every batch of every request.)
export function inKeyOrder<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

// Groups rows under the keys DataLoader asked for (one-to-many).
export function groupedInKeyOrder<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const key of keys) groups.set(key, []);
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}
