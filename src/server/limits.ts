// The one place that sets the API's limits.
export const REQUEST_BODY_LIMIT = '1mb';
