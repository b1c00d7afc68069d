import type { Feature } from '../../common/feature';
import { Shortlist } from './shortlist.entity';
import { ShortlistEntry } from './shortlist-entry.entity';
import { ShortlistPublication } from './shortlist-publication.entity';
import { ShortlistEntrySnapshot } from './shortlist-entry-snapshot.entity';
import { ShortlistFeedback } from './shortlist-feedback.entity';
import { MandateShortlistResolver, ShortlistEntryResolver, ShortlistFeedbackResolver, ShortlistResolver } from './shortlist.resolver';
import { PresentedMandateResolver, PresentedShortlistEntryResolver, PresentedShortlistResolver } from './presented.resolver';
import {
  presentedMandateNode,
  presentedShortlistEntryNode,
  shortlistEntryNode,
  shortlistFeedbackNode,
  shortlistNode,
} from './shortlist.node';

export const shortlistFeature: Feature = {
  entities: [Shortlist, ShortlistEntry, ShortlistPublication, ShortlistEntrySnapshot, ShortlistFeedback],
  resolvers: [
    ShortlistResolver,
    MandateShortlistResolver,
    ShortlistEntryResolver,
    ShortlistFeedbackResolver,
    PresentedMandateResolver,
    PresentedShortlistResolver,
    PresentedShortlistEntryResolver,
  ],
  nodeSources: [shortlistNode, shortlistEntryNode, shortlistFeedbackNode, presentedMandateNode, presentedShortlistEntryNode],
};

export { giveShortlistFeedback } from './feedback.service';
export { ShortlistEntry } from './shortlist-entry.entity';
export { FeedbackDecision, ShortlistFeedback } from './shortlist-feedback.entity';
export { Shortlist } from './shortlist.entity';
export { addToShortlist, publishShortlist, withdrawFromShortlist } from './shortlist.service';
export {
  entryChange,
  PresentedEntryChange,
  presentCompetency,
  type PresentedFigures,
  scaleLevel,
  type SnapshotCompetency,
  type SnapshotFigures,
} from './presented-figures';
export {
  latestPublicationOf,
  loadPresentedPublication,
  type PresentedPublication,
  type PresentedPublicationCompetency,
  type PresentedPublicationEntry,
  publicationCandidacyIds,
  publicationWithMandate,
} from './presented-publication';
export { PresentedMandate } from './presented.types';
export { presentedMandatesWhere } from './presented-mandates';
export { ShortlistPublication } from './shortlist-publication.entity';
