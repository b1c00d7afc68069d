import type { Feature } from '../../common/feature';
import { interviewNode } from './interview.node';
import { CandidacyInterviewsResolver, InterviewResolver } from './interview.resolver';

export const interviewFeature: Feature = {
  resolvers: [InterviewResolver, CandidacyInterviewsResolver],
  nodeSources: [interviewNode],
};
