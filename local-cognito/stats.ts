// Counters and a bounded request log for tests to assert on. The log keeps only the most recent
// entries so that runs of 100k requests use constant memory.

export interface RequestRecord {
  operation: string;
  headers: Record<string, string>;
  body: unknown;
  // 0 when the connection was reset instead of answered.
  status: number;
  // Whether the request carried a SigV4 Authorization header (valid or not).
  signed: boolean;
  accessKeyId?: string;
  region?: string;
  // Error code sent back, when the answer was an error.
  error?: string;
  // When the request arrived by the rate clock (performance.now() unless the server was given
  // a rateClock), for measuring rates from the endpoint's side.
  at?: number;
}

export interface StatsSnapshot {
  requests: Record<string, number>;
  signOuts: Record<string, number>;
  throttled: number;
}

export const REQUEST_LOG_LIMIT = 1000;

// Keeps the credential scope, which tests may assert on, and hides what could be replayed.
export function redactHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (name === 'authorization') out[name] = text.replace(/Signature=[0-9a-fA-F]*/, 'Signature=REDACTED');
    else if (name === 'x-amz-security-token') out[name] = 'REDACTED';
    else out[name] = text;
  }
  return out;
}

const SECRET_MEMBERS = ['Password', 'TemporaryPassword', 'ProposedPassword', 'PreviousPassword'];

// Passwords in request bodies would otherwise end up in assertion diffs and test logs.
export function redactBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const input = body as Record<string, unknown>;
  const params = input.AuthParameters as Record<string, unknown> | undefined;
  const hasParamSecret = typeof params === 'object' && params !== null && 'PASSWORD' in params;
  if (!hasParamSecret && !SECRET_MEMBERS.some((m) => m in input)) return body;
  const copy: Record<string, unknown> = { ...input };
  for (const m of SECRET_MEMBERS) if (m in copy) copy[m] = 'REDACTED';
  if (hasParamSecret) copy.AuthParameters = { ...params, PASSWORD: 'REDACTED' };
  return copy;
}

export class Stats {
  // Exposed as-is and only ever mutated in place, so a reference held by a test stays live.
  readonly log: RequestRecord[] = [];
  private requests = new Map<string, number>();
  private signOuts = new Map<string, number>();
  private throttled = 0;

  countRequest(operation: string): void {
    this.requests.set(operation, (this.requests.get(operation) ?? 0) + 1);
  }

  countSignOut(poolId: string, username: string): void {
    const key = `${poolId}/${username}`;
    this.signOuts.set(key, (this.signOuts.get(key) ?? 0) + 1);
  }

  countThrottled(): void {
    this.throttled += 1;
  }

  record(entry: RequestRecord): void {
    this.log.push(entry);
    if (this.log.length > REQUEST_LOG_LIMIT) this.log.shift();
  }

  snapshot(): StatsSnapshot {
    return {
      requests: Object.fromEntries(this.requests),
      signOuts: Object.fromEntries(this.signOuts),
      throttled: this.throttled,
    };
  }

  reset(): void {
    this.log.length = 0;
    this.requests = new Map();
    this.signOuts = new Map();
    this.throttled = 0;
  }
}
