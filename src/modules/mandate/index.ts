import type { Feature } from '../../common/feature';
import { Mandate } from './mandate.entity';
import { Requirement } from './requirement.entity';
import { mandateNode } from './mandate.node';
import { MandateResolver } from './mandate.resolver';
import { ClientMandatesResolver } from './client-mandates.resolver';
import { RequirementResolver } from './requirement.resolver';

export const mandateFeature: Feature = {
  entities: [Mandate, Requirement],
  resolvers: [MandateResolver, ClientMandatesResolver, RequirementResolver],
  nodeSources: [mandateNode],
};

export { canChangeStatus, isFinalStatus } from './mandate-status';
export { LeadershipLevel, Mandate, MandateStatus } from './mandate.entity';
export { mandateStatusChanged } from './mandate.events';
export { MandateConnection } from './mandate.inputs';
export { mandateByIdLoader, requirementProfileLoader, type MandateRow } from './mandate.loaders';
export { createMandate, type CreateMandateData, findMandate } from './mandate.service';
export { type RequirementData, setRequirementProfile } from './requirement-profile.service';
export { Requirement } from './requirement.entity';
