import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { type Access, PORTAL_USERS, SHORTLIST_READERS } from '../../common/access';
import { principalOf, type Context } from '../../common/context';
import { Locale, resolveLocale } from '../../common/locale';
import { Mandate, type MandateRow } from '../mandate';
import { PresentedMandate } from '../shortlist';
import { ReportFormat } from './report-link.entity';
import { issueReportLink } from './report.service';
import { REPORT_PATH } from './report.route';

@ObjectType('ReportLink', {
  description:
    'A link that opens the report of the latest publication without a bearer header, for whoever asked for it only. ' +
    'It keeps showing that publication, even after a newer one, until it expires.',
})
export class ReportLinkView {
  @Field({ description: 'Open it in a browser (HTML) or download it (PDF).' })
  url!: string;

  @Field({ description: 'It works until then: 15 minutes after it was made.' })
  expiresAt!: Date;
}

const LOCALE = { nullable: true, description: 'Language of the report; default: Accept-Language, else EN.' };
const FORMAT = { description: 'HTML or PDF.' };

async function link(
  context: Context,
  mandate: { readonly id: string },
  locale: Locale | null,
  format: ReportFormat,
): Promise<ReportLinkView | null> {
  const issued = await issueReportLink(context.em, principalOf(context), mandate.id, resolveLocale(locale, context.acceptLanguage), format);
  if (!issued) return null;
  const request = context.http.request;
  // As Express's req.protocol without a trusted proxy: the socket's own.
  const protocol = (request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  return Object.assign(new ReportLinkView(), {
    url: `${protocol}://${request.headers.host}${REPORT_PATH}/${issued.token}`,
    expiresAt: issued.expiresAt,
  });
}

@Resolver(() => PresentedMandate)
export class PresentedMandateReportResolver {
  @Authorized<Access>(...PORTAL_USERS)
  @FieldResolver(() => ReportLinkView, {
    nullable: true,
    description: 'A 15-minute link to the shortlist report (charts, comparison) of the latest publication; null until one is published.',
  })
  reportLink(
    @Root() view: PresentedMandate,
    @Arg('format', () => ReportFormat, FORMAT) format: ReportFormat,
    @Arg('locale', () => Locale, LOCALE) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<ReportLinkView | null> {
    return link(context, view.mandate, locale, format);
  }
}

@Resolver(() => Mandate)
export class MandateReportResolver {
  @Authorized<Access>(...SHORTLIST_READERS)
  @FieldResolver(() => ReportLinkView, {
    nullable: true,
    description:
      "A 15-minute link to the client's shortlist report of the latest publication, exactly as the client sees it; null until one is published.",
  })
  shortlistReportLink(
    @Root() mandate: MandateRow,
    @Arg('format', () => ReportFormat, FORMAT) format: ReportFormat,
    @Arg('locale', () => Locale, LOCALE) locale: Locale | null,
    @Ctx() context: Context,
  ): Promise<ReportLinkView | null> {
    return link(context, mandate, locale, format);
  }
}
