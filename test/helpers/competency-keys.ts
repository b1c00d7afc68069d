// The competency keys of the default rubric, in its order, as PRODUCT.md §2 names them: written
// out here once, so that the tests hold the shipped rubric to the specification.
export const DEFAULT_COMPETENCY_KEYS = [
  'CUSTOMER_INSIGHT',
  'OUTSIDE_IN',
  'FORESIGHT',
  'SERVICE_CULTURE',
  'EXECUTION',
  'LEADS_BY_EXAMPLE',
  'ACTS_ON_GAPS',
  'LEARNING_ORIENTATION',
  'LOYALTY_ECONOMICS',
] as const;
