import { Migration } from '@mikro-orm/migrations';

// Webhook secrets encrypted at rest (AES-256-GCM with DATA_ENCRYPTION_KEY, which the database
// never sees): the sealed form is longer than the clear one, so the column becomes text. A
// rotation keeps the previous secret (sealed too) for 24 hours, to sign with both meanwhile.
// Secrets stored in clear before are sealed by the app when it starts (sealClearWebhookSecrets):
// a migration cannot, for it has no key.
export class Migration20261202084500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_subscription" alter column "secret" type text;`);
    this.addSql(
      `alter table "webhook_subscription" add column "previous_secret" text null, add column "previous_secret_expires_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_subscription" drop column "previous_secret", drop column "previous_secret_expires_at";`);
    this.addSql(`alter table "webhook_subscription" alter column "secret" type varchar(100);`);
  }
}
