import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../helpers/database';

// Citus readiness, checked over the migrated schema (README "Scaling out" → "Citus readiness").
// The distribution column is firm_id. Citus then needs, on every distributed (tenant) table:
//   1. a non-null firm_id (a row without one has no shard), indexed first (every query is per firm);
//   2. primary keys and unique constraints that include firm_id (uniqueness is checked per shard);
//   3. foreign keys between two tenant tables that include firm_id on both sides (a reference
//      within one shard); foreign keys to a reference table (firm) are fine, and none may run
//      from a reference or local table to a tenant table.
// Today's exceptions are listed below, each with its reason: a NEW table or constraint that breaks
// a rule fails this test, and an exception that disappears must be taken off its list.

// Tables without firm data: the tenant itself and what is global to the installation.
const GLOBAL_TABLES: Record<string, string> = {
  'public.firm':
    'The tenants themselves: a Citus reference table (small, copied to every node), so FKs from tenant tables to it stay valid.',
  'public.mikro_orm_migrations': 'Which migrations ran: stays a local table on the coordinator.',
  'rate_limit.bucket':
    'Token buckets keyed by a credential hash or an address, before any firm is known: a local table on the coordinator (or another store).',
};
// Whole schemas of global tables.
const GLOBAL_SCHEMAS: Record<string, string> = {
  pgboss: "pg-boss's job queue (webhook deliveries carry ids only): local tables on the coordinator.",
};

// Why today's primary keys and unique constraints leave firm_id out. Each would become
// (firm_id, …) before distribution; the application code does not change (every query already
// has the tenant filter), but the foreign keys to these keys change with them.
// Not listed one by one: every tenant table's primary key is (id), a random UUID unique across
// firms by itself; Citus needs (firm_id, id). The check lets exactly a primary key on (id) alone pass.
const TOKEN_LOOKUP =
  'Looked up by the hash of a secret before the firm is known (sign-in, bearer token, report link): becomes (firm_id, hash) with a global lookup table (hash → firm_id) as a reference table, or the token carries its firm.';
const PER_PARENT =
  'Unique within a parent row of the same firm (firm_id is implied by the parent): add firm_id in front, no change in meaning.';
const GLOBAL_EMAIL =
  'A sign-in email is unique across all firms (sign-in finds the firm from the email): needs a global lookup table (email → firm_id) before distribution.';

const UNIQUE_WITHOUT_FIRM: Record<string, string> = {
  'api_key.api_key_secret_hash_unique': TOKEN_LOOKUP,
  'session.session_token_hash_unique': TOKEN_LOOKUP,
  'report_link.report_link_token_hash_unique': TOKEN_LOOKUP,
  'user.user_email_unique': GLOBAL_EMAIL,
  'candidacy.candidacy_mandate_id_candidate_id_unique': PER_PARENT,
  'candidate_competency_profile.candidate_competency_profile_pkey': `${PER_PARENT} (The talent pool's maintained table: primary key (candidacy_id, competency_key).)`,
  'candidate_duplicate.candidate_duplicate_candidate_id_other_candidate_id_unique': `${PER_PARENT} (A pair of candidates of one firm.)`,
  'candidate_duplicate_dismissal.candidate_duplicate_dismissal_pair_unique': `${PER_PARENT} (A pair of candidates of one firm.)`,
  'candidate_external_ref.candidate_external_ref_candidate_id_system_unique': PER_PARENT,
  'competency.competency_rubric_id_key_unique': PER_PARENT,
  'draft_rating.draft_rating_draft_id_competency_key_unique': PER_PARENT,
  'rating.rating_revision_id_competency_key_unique': PER_PARENT,
  'report_document.report_document_publication_id_locale_unique': PER_PARENT,
  'requirement.requirement_mandate_id_competency_key_unique': PER_PARENT,
  'scorecard.scorecard_interview_id_interviewer_id_unique': PER_PARENT,
  'scorecard.scorecard_latest_revision_id_unique': PER_PARENT,
  'scorecard_draft.scorecard_draft_scorecard_id_unique': PER_PARENT,
  'scorecard_revision.scorecard_revision_scorecard_id_number_unique': PER_PARENT,
  'shortlist.shortlist_mandate_id_unique': PER_PARENT,
  'shortlist_entry.shortlist_entry_active_candidacy_unique': PER_PARENT,
  'shortlist_entry_snapshot.shortlist_entry_snapshot_publication_id_entry_id_unique': PER_PARENT,
  'shortlist_publication.shortlist_publication_shortlist_id_number_unique': PER_PARENT,
  'sync_change.sync_change_pkey': `${PER_PARENT} (The sync log's primary key (entity_type, entity_id): one row per changed object.)`,
  'talent_pool_match_wanted.talent_pool_match_wanted_pkey': `${PER_PARENT} (A build of a mandate's talent pool order asked for: primary key (mandate_id).)`,
  'webhook_delivery.webhook_delivery_subscription_id_event_id_unique': PER_PARENT,
  'webhook_delivery_attempt.webhook_delivery_attempt_delivery_id_number_unique': PER_PARENT,
};

// Foreign keys between tenant tables reference the parent's primary key, (id) alone today; with
// (firm_id, id) keys each becomes (firm_id, x_id) → (firm_id, id). Every one of them is listed:
// their child and parent rows are always of one firm (the services check it, and the tenant
// filter scopes every read), so the change adds a column, not a rule.
const FK_TO_ID = 'References the parent’s (id) primary key: becomes (firm_id, x_id) → parent (firm_id, id).';
const FK_WITHOUT_FIRM: Record<string, string> = because(FK_TO_ID, [
  'api_key.api_key_created_by_id_foreign',
  'candidacy.candidacy_candidate_id_foreign',
  'candidacy.candidacy_mandate_id_foreign',
  'candidacy_stage_change.candidacy_stage_change_candidacy_id_foreign',
  'candidacy_stage_change.candidacy_stage_change_moved_by_id_foreign',
  'candidate_competency_profile.candidate_competency_profile_candidacy_id_fkey',
  'candidate_competency_profile.candidate_competency_profile_candidate_id_fkey',
  'candidate_competency_rollup.candidate_competency_rollup_candidate_id_fkey',
  'candidate_duplicate.candidate_duplicate_candidate_id_foreign',
  'candidate_duplicate.candidate_duplicate_other_candidate_id_foreign',
  'candidate_duplicate_dismissal.candidate_duplicate_dismissal_candidate_id_foreign',
  'candidate_duplicate_dismissal.candidate_duplicate_dismissal_other_candidate_id_foreign',
  'candidate_external_ref.candidate_external_ref_candidate_id_foreign',
  'competency.competency_rubric_id_foreign',
  'draft_rating.draft_rating_draft_id_foreign',
  'interview.interview_candidacy_id_foreign',
  'mandate.mandate_client_id_foreign',
  'mandate.mandate_lead_recruiter_id_foreign',
  'mandate.mandate_rubric_id_foreign',
  'rating.rating_revision_id_foreign',
  'report_document.report_document_publication_id_foreign',
  'report_link.report_link_api_key_id_foreign',
  'report_link.report_link_publication_id_foreign',
  'report_link.report_link_user_id_foreign',
  'requirement.requirement_mandate_id_foreign',
  'scorecard.scorecard_interview_id_foreign',
  'scorecard.scorecard_interviewer_id_foreign',
  'scorecard.scorecard_latest_revision_id_foreign',
  'scorecard_draft.scorecard_draft_scorecard_id_foreign',
  'scorecard_revision.scorecard_revision_author_id_foreign',
  'scorecard_revision.scorecard_revision_scorecard_id_foreign',
  'session.session_user_id_foreign',
  'shortlist.shortlist_mandate_id_foreign',
  'shortlist_entry.shortlist_entry_added_by_id_foreign',
  'shortlist_entry.shortlist_entry_candidacy_id_foreign',
  'shortlist_entry.shortlist_entry_published_id_foreign',
  'shortlist_entry.shortlist_entry_shortlist_id_foreign',
  'shortlist_entry.shortlist_entry_withdrawn_by_id_foreign',
  'shortlist_entry_snapshot.shortlist_entry_snapshot_entry_id_foreign',
  'shortlist_entry_snapshot.shortlist_entry_snapshot_publication_id_foreign',
  'shortlist_feedback.shortlist_feedback_author_id_foreign',
  'shortlist_feedback.shortlist_feedback_entry_id_foreign',
  'shortlist_publication.shortlist_publication_published_by_id_foreign',
  'shortlist_publication.shortlist_publication_shortlist_id_foreign',
  'talent_pool_match.talent_pool_match_candidate_id_fkey',
  'talent_pool_match.talent_pool_match_mandate_id_fkey',
  'talent_pool_match_built.talent_pool_match_built_mandate_id_fkey',
  'talent_pool_match_wanted.talent_pool_match_wanted_mandate_id_fkey',
  'user.user_client_id_foreign',
  'webhook_delivery.webhook_delivery_event_id_foreign',
  'webhook_delivery.webhook_delivery_subscription_id_foreign',
  'webhook_delivery_attempt.webhook_delivery_attempt_delivery_id_foreign',
]);

function because(reason: string, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, reason]));
}

// Tenant tables without an index led by firm_id (every read of them goes through a parent row's
// index, e.g. ratings through their revision). Today: none.
const NO_FIRM_INDEX: Record<string, string> = {};

interface Table {
  schema: string;
  name: string;
  firmIdNotNull: boolean | null;
}
interface Index {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  partial: boolean;
  columns: string[];
}
interface ForeignKey {
  table: string;
  name: string;
  target: string;
  // Pairs of (column, referenced column).
  pairs: [string, string][];
}

interface Schema {
  tables: Table[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
}

let orm: MikroORM;
let schema: Schema;

async function readSchema(connection: ReturnType<MikroORM['em']['getConnection']>): Promise<Schema> {
  const tables = await connection.execute<Table[]>(
    `select n.nspname as schema, c.relname as name,
            (select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'firm_id' and not a.attisdropped) as "firmIdNotNull"
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      order by 1, 2`,
  );
  const indexes = await connection.execute<Index[]>(
    `select n.nspname || '.' || c.relname as table, i.relname as name, x.indisunique as unique, x.indisprimary as primary,
            x.indpred is not null as partial,
            array(select a.attname::text from unnest(x.indkey) with ordinality k(attnum, position)
                  join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum order by k.position) as columns
       from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`,
  );
  const foreignKeys = await connection.execute<(Omit<ForeignKey, 'pairs'> & { pairs: string[] })[]>(
    `select sn.nspname || '.' || s.relname as table, f.conname as name, tn.nspname || '.' || t.relname as target,
            array(select json_build_array(sa.attname, ta.attname)::text
                    from unnest(f.conkey, f.confkey) as k(source, target)
                    join pg_attribute sa on sa.attrelid = f.conrelid and sa.attnum = k.source
                    join pg_attribute ta on ta.attrelid = f.confrelid and ta.attnum = k.target) as pairs
       from pg_constraint f
       join pg_class s on s.oid = f.conrelid join pg_namespace sn on sn.oid = s.relnamespace
       join pg_class t on t.oid = f.confrelid join pg_namespace tn on tn.oid = t.relnamespace
      where f.contype = 'f'`,
  );
  return { tables, indexes, foreignKeys: foreignKeys.map((key) => ({ ...key, pairs: key.pairs.map((pair) => JSON.parse(pair)) })) };
}

const qualified = (table: { schema: string; name: string }) => `${table.schema}.${table.name}`;
const isGlobal = (table: Table) => table.schema in GLOBAL_SCHEMAS || qualified(table) in GLOBAL_TABLES;
const tenantTables = ({ tables }: Schema) => tables.filter((table) => !isGlobal(table));
const tenantNames = (schema: Schema) => new Set(tenantTables(schema).map(qualified));
// "public.user" → "user": the lists name public tables without their schema.
const short = (table: string) => table.replace(/^public\./, '');

// The rules, each giving its violations (to compare with its list of today's exceptions).
function withoutFirmId(schema: Schema): string[] {
  return tenantTables(schema)
    .filter((table) => table.firmIdNotNull !== true)
    .map((table) => `${short(qualified(table))}: ${table.firmIdNotNull === null ? 'no firm_id' : 'firm_id is nullable'}`);
}

function withoutFirmIndex(schema: Schema): string[] {
  const led = new Set(schema.indexes.filter((index) => !index.partial && index.columns[0] === 'firm_id').map((index) => index.table));
  return tenantTables(schema)
    .map(qualified)
    .filter((table) => !led.has(table))
    .map(short)
    .sort();
}

function uniqueWithoutFirm(schema: Schema): string[] {
  const tenants = tenantNames(schema);
  return (
    schema.indexes
      .filter((index) => index.unique && tenants.has(index.table) && !index.columns.includes('firm_id'))
      // Every table's primary key is (id), a random UUID: one rule for all (see above), not a list.
      .filter((index) => !(index.primary && index.columns.length === 1 && index.columns[0] === 'id'))
      .map((index) => `${short(index.table)}.${index.name}`)
      .sort()
  );
}

function foreignKeysWithoutFirm(schema: Schema): string[] {
  const tenants = tenantNames(schema);
  return schema.foreignKeys
    .filter((key) => tenants.has(key.table) && tenants.has(key.target))
    .filter((key) => !key.pairs.some(([source, target]) => source === 'firm_id' && target === 'firm_id'))
    .map((key) => `${short(key.table)}.${key.name}`)
    .sort();
}

// Foreign keys that Citus refuses whatever the columns: from a tenant table to a global table
// other than the reference table firm (or not by firm_id), and from a global table to a tenant one.
function crossingForeignKeys(schema: Schema): string[] {
  const tenants = tenantNames(schema);
  return schema.foreignKeys
    .filter((key) =>
      tenants.has(key.table)
        ? !tenants.has(key.target) && !(key.target === 'public.firm' && key.pairs.length === 1 && key.pairs[0][0] === 'firm_id')
        : tenants.has(key.target),
    )
    .map((key) => `${short(key.table)}.${key.name}`)
    .sort();
}

beforeAll(async () => {
  orm = await createTestDatabase();
  schema = await readSchema(orm.em.getConnection());
}, 180_000);
afterAll(() => orm?.close(true));

describe('Citus readiness of the migrated schema (distribution column firm_id)', () => {
  it('should find the tables it checks, and every named global table', () => {
    expect(tenantTables(schema).length).toBeGreaterThanOrEqual(30);
    for (const name of ['public.candidate', 'public.candidacy', 'public.scorecard', 'public.rating', 'public.audit_event']) {
      expect(tenantNames(schema).has(name)).toBe(true);
    }
    const present = new Set(schema.tables.map(qualified));
    for (const name of Object.keys(GLOBAL_TABLES)) expect(present.has(name)).toBe(true);
    expect(schema.foreignKeys.filter((key) => key.target === 'public.firm').length).toBeGreaterThanOrEqual(30);
  });

  it('should give every tenant table a non-null firm_id', () => {
    expect(withoutFirmId(schema)).toEqual([]);
  });

  it('should give every tenant table an index led by firm_id (a plain index, or a primary key or unique constraint starting with it)', () => {
    expect(withoutFirmIndex(schema)).toEqual(Object.keys(NO_FIRM_INDEX).sort());
  });

  it('should include firm_id in every primary key and unique constraint of a tenant table, but for the listed ones', () => {
    expect(uniqueWithoutFirm(schema)).toEqual(Object.keys(UNIQUE_WITHOUT_FIRM).sort());
  });

  it('should include firm_id on both sides of every foreign key between tenant tables, but for the listed ones', () => {
    expect(foreignKeysWithoutFirm(schema)).toEqual(Object.keys(FK_WITHOUT_FIRM).sort());
  });

  it('should reference global tables from tenant tables only as firm_id → firm, and no tenant table from a global one', () => {
    expect(crossingForeignKeys(schema)).toEqual([]);
  });

  // The checks catch what they are for: a new table breaking every rule is found by each.
  it('should find each kind of violation in a table added without firm_id rules', async () => {
    const connection = orm.em.getConnection();
    await connection.execute(`create table "citus_probe" (
      "id" uuid primary key, "firm_id" uuid, "code" text unique,
      "candidate_id" uuid references "candidate" ("id"))`);
    await connection.execute(`alter table "rate_limit"."bucket" add column "probe_candidate_id" uuid references "candidate" ("id")`);
    try {
      const probed = await readSchema(connection);
      expect(withoutFirmId(probed)).toEqual(['citus_probe: firm_id is nullable']);
      expect(withoutFirmIndex(probed)).toEqual(['citus_probe']);
      expect(uniqueWithoutFirm(probed)).toEqual([...Object.keys(UNIQUE_WITHOUT_FIRM), 'citus_probe.citus_probe_code_key'].sort());
      expect(foreignKeysWithoutFirm(probed)).toEqual([...Object.keys(FK_WITHOUT_FIRM), 'citus_probe.citus_probe_candidate_id_fkey'].sort());
      expect(crossingForeignKeys(probed)).toEqual(['rate_limit.bucket.bucket_probe_candidate_id_fkey']);
    } finally {
      await connection.execute(`alter table "rate_limit"."bucket" drop column "probe_candidate_id"`);
      await connection.execute(`drop table "citus_probe"`);
    }
  });
});
