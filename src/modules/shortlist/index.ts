import type { Feature } from '../../common/feature';
import { MandateShortlistResolver, ShortlistEntryResolver, ShortlistFeedbackResolver, ShortlistResolver } from './shortlist.resolver';
import { PresentedMandateResolver, PresentedShortlistEntryResolver, PresentedShortlistResolver } from './presented.resolver';
import { presentedMandateNode, presentedShortlistEntryNode, shortlistEntryNode, shortlistFeedbackNode } from './shortlist.node';

export const shortlistFeature: Feature = {
  resolvers: [
    ShortlistResolver,
    MandateShortlistResolver,
    ShortlistEntryResolver,
    ShortlistFeedbackResolver,
    PresentedMandateResolver,
    PresentedShortlistResolver,
    PresentedShortlistEntryResolver,
  ],
  nodeSources: [shortlistEntryNode, shortlistFeedbackNode, presentedMandateNode, presentedShortlistEntryNode],
};
