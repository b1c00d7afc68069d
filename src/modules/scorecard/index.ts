import type { Feature } from '../../common/feature';
import { scorecardNode } from './scorecard.node';
import { RatingResolver, ScorecardResolver, ScorecardRevisionResolver } from './scorecard.resolver';

export const scorecardFeature: Feature = {
  resolvers: [ScorecardResolver, ScorecardRevisionResolver, RatingResolver],
  nodeSources: [scorecardNode],
};
