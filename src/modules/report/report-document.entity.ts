import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../../common/tenant.entity';
import { Locale } from '../../common/locale';
import { ShortlistPublication } from '../shortlist';

// A publication's report printed to PDF in one language, kept so it is printed once. `modelHash`
// is the hash of what it was printed from: when that changes (a name corrected) it is printed again.
@Entity()
@Unique({ properties: ['publication', 'locale'] })
export class ReportDocument extends TenantEntity {
  @ManyToOne(() => ShortlistPublication, { ref: true, deleteRule: 'cascade' })
  publication!: Ref<ShortlistPublication>;

  @Enum(() => Locale)
  locale!: Locale;

  @Property({ length: 64 })
  modelHash!: string;

  @Property({ type: 'blob', lazy: true })
  pdf!: Buffer;
}
