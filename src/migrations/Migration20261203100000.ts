import { Migration } from '@mikro-orm/migrations';

// The name keys of duplicate detection (Migration20261202130000) at half the cost, with the same
// results, so the indexes on them stay as they are. PostgreSQL cannot inline candidate_name_fold
// (an immutable SQL function whose body calls the merely stable unaccent), so every call ran the
// SQL function executor: ~4 of its ~6.5 µs. The look-up of similar names evaluates the sort key of
// its name ranges for each of the ~10,000 rows they return per batch of 500, and every written
// row computes four keys for the two name indexes. As PL/pgSQL the same expression runs through
// the simple-expression path (~3.5 µs). The last word is taken with split_part instead of a regular
// expression: the folded name has single spaces and none at either end, so both give the text
// after the last space, or the whole text when it has none.
const FOLD = `btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, "first_name" || ' ' || "last_name")), '[[:space:][:punct:]]+', ' ', 'g'))`;

export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create or replace function "candidate_name_fold"("first_name" text, "last_name" text) returns text language plpgsql immutable parallel safe returns null on null input as $$ begin return ${FOLD}; end $$;`,
    );
    this.addSql(
      `create or replace function "candidate_last_name_key"("first_name" text, "last_name" text) returns text language sql immutable parallel safe returns null on null input as $$ select split_part(public."candidate_name_fold"("first_name", "last_name"), ' ', -1) $$;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `create or replace function "candidate_name_fold"("first_name" text, "last_name" text) returns text language sql immutable parallel safe returns null on null input as $$ select ${FOLD} $$;`,
    );
    this.addSql(
      `create or replace function "candidate_last_name_key"("first_name" text, "last_name" text) returns text language sql immutable parallel safe returns null on null input as $$ select regexp_replace(public."candidate_name_fold"("first_name", "last_name"), '^.* ', '') $$;`,
    );
  }
}
