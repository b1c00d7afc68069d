import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  token: string;
  // One body for every request, or several handed out in turn across all connections.
  bodies: string[];
  connections: number;
  seconds: number;
  // This many requests instead of a run of `seconds` (autocannon's `amount`).
  amount?: number;
}

export interface LoadResult {
  // Answered with 2xx within the run, and sent (the last ones may still be in flight at the end).
  requests: number;
  sent: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; mean: number };
  bytesPerResponse: number;
  errors: number;
  non2xx: number;
}

// One autocannon run; latencies are recorded per response (ms, exact) so that several runs
// can be combined into one result.
export interface Slice {
  requests: number;
  sent: number;
  seconds: number;
  bytes: number;
  errors: number;
  non2xx: number;
  latencies: number[];
  // When each 2xx response arrived (ms, monotonic clock).
  arrivals: number[];
  connections: number;
}

export function loadSlice(options: LoadOptions): Promise<Slice> {
  let next = 0;
  const { bodies } = options;
  const latencies: number[] = [];
  const arrivals: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        ...(options.amount ? { amount: options.amount } : {}),
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        requests: [
          bodies.length === 1
            ? { method: 'POST', body: bodies[0] }
            : { method: 'POST', setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result['2xx'],
          sent: result.requests.sent,
          seconds: result.duration,
          bytes: result.throughput.total,
          errors: result.errors,
          non2xx: result.non2xx,
          latencies,
          arrivals,
          connections: options.connections,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) {
        latencies.push(responseTime);
        arrivals.push(performance.now());
      }
    });
  });
}

// Throughput in the steady state of each slice: from the arrival of the first round of answers
// (one per connection) to the last one. Counting from the start instead would charge the ramp
// up, and the requests cut off at the deadline, more to the server with the longer latency.
function steadyRate(slices: Slice[]): number | null {
  let answers = 0;
  let milliseconds = 0;
  for (const slice of slices) {
    if (slice.arrivals.length <= 2 * slice.connections) return null;
    answers += slice.arrivals.length - slice.connections;
    milliseconds += slice.arrivals[slice.arrivals.length - 1] - slice.arrivals[slice.connections - 1];
  }
  return milliseconds > 0 ? (answers * 1000) / milliseconds : null;
}

export function combine(slices: Slice[]): LoadResult {
  const sum = (pick: (slice: Slice) => number) => slices.reduce((total, slice) => total + pick(slice), 0);
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  const requests = sum((slice) => slice.requests);
  const seconds = sum((slice) => slice.seconds);
  return {
    requests,
    sent: sum((slice) => slice.sent),
    seconds,
    requestsPerSecond: steadyRate(slices) ?? requests / seconds,
    latencyMs: {
      p50: percentile(0.5),
      p99: percentile(0.99),
      mean: latencies.length === 0 ? 0 : latencies.reduce((a, b) => a + b, 0) / latencies.length,
    },
    bytesPerResponse: requests > 0 ? sum((slice) => slice.bytes) / (requests + sum((slice) => slice.non2xx)) : 0,
    errors: sum((slice) => slice.errors),
    non2xx: sum((slice) => slice.non2xx),
  };
}
