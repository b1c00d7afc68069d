import { defineNodeSource } from '../../common/node-source';
import { Scorecard } from './scorecard.entity';
import { visibleScorecardsWhere } from './independent-scoring';

// Staff see the firm's scorecards under independent scoring; API keys with assessments:read
// the submitted ones; client users none.
export const scorecardNode = defineNodeSource({
  typeName: 'Scorecard',
  entity: Scorecard,
  visibleTo: visibleScorecardsWhere,
});
