// The limits of the integration API, for validation and for the schema's descriptions.
export const MAX_UPSERT_BATCH = 500;
