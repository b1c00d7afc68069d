import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { refusedAddress, refusedHost, type AddressPolicy } from '../webhook-address';

export interface WebhookResponse {
  // The HTTP status, or null when no answer came.
  status: number | null;
  // Why it failed; null on a 2xx answer.
  error: string | null;
}

// Resolves like the system does, but refuses any address a webhook may not reach, so a host name
// that resolves to a metadata or link-local address (or is re-pointed there later) gets nowhere.
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address as string, family);
      const addresses = Array.isArray(address) ? address : [{ address, family }];
      for (const entry of addresses) {
        const reason = refusedAddress(entry.address, policy);
        if (reason) {
          return callback(
            Object.assign(new Error(`${hostname} resolves to ${entry.address}, ${reason}`), { code: 'EREFUSEDADDRESS' }),
            '',
            0,
          );
        }
      }
      callback(null, address as string, family);
    });
  };
}

// One POST of a webhook: no redirects followed, the answer's body read and dropped, everything
// (connecting included) within `timeoutMs`.
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; policy: AddressPolicy },
): Promise<WebhookResponse> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ status: null, error: 'not a valid URL' });
    }
    const refused = refusedHost(target.hostname, options.policy);
    if (refused) return resolve({ status: null, error: `${target.hostname} is ${refused}` });
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
    if (!client) return resolve({ status: null, error: `${target.protocol} is not http or https` });

    let settled = false;
    const finish = (response: WebhookResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(response);
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.policy),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? null;
        response.on('data', () => undefined);
        response.on('end', () =>
          finish({ status, error: status !== null && status >= 200 && status < 300 ? null : `the receiver answered HTTP ${status}` }),
        );
        response.on('error', (error) => finish({ status, error: `the answer broke off: ${error.message}` }));
      },
    );
    const timer = setTimeout(() => {
      finish({ status: null, error: `no answer within ${options.timeoutMs} ms` });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => finish({ status: null, error: `could not deliver: ${error.message}` }));
    request.end(body);
  });
}
