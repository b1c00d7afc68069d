// The limits of webhook subscriptions, for validation and for the schema's descriptions.
export const WEBHOOK_LIMITS = {
  url: 2000,
  description: 200,
  // Subscriptions per firm: each event goes to each of them.
  subscriptions: 20,
  // How long a ping waits for the receiver's answer: as long as a delivery does.
  pingTimeoutMs: 10_000,
} as const;
