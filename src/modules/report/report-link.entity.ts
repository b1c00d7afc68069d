import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Locale } from '../../common/locale';
import { User } from '../user';
import { ApiKey } from '../api-key';
import { ShortlistPublication } from '../shortlist';

export enum ReportFormat {
  HTML = 'HTML',
  PDF = 'PDF',
}
registerEnumType(ReportFormat, {
  name: 'ReportFormat',
  description: 'HTML: a page to open in a browser. PDF: a document to download (A4).',
});

// A short-lived link to one publication's report, for one principal, language and format. The
// token is random and only its SHA-256 is stored, so any API process can check it without a
// shared key, and nobody can make one up or change what it opens.
@Entity()
export class ReportLink extends TenantEntity<'user' | 'apiKey'> {
  @Property({ length: 64, unique: true })
  tokenHash!: string;

  // Exactly one of user and apiKey: who asked for it. Deleting them ends their links.
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'cascade', index: true })
  user: Ref<User> | null = null;

  @ManyToOne(() => ApiKey, { ref: true, nullable: true, deleteRule: 'cascade', index: true })
  apiKey: Ref<ApiKey> | null = null;

  @ManyToOne(() => ShortlistPublication, { ref: true, deleteRule: 'cascade', index: true })
  publication!: Ref<ShortlistPublication>;

  @Enum(() => Locale)
  locale!: Locale;

  @Enum(() => ReportFormat)
  format!: ReportFormat;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
