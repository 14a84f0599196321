// --all-users: the pool's usernames, one ListUsers page (60, the most the service returns) at a
// time, as the consumer asks for them. ListUsers has its own quota, separate from the sign-outs'
// (Cognito counts it under "UserRead"), so its throttling is not the rate limiter's business:
// a page is retried with backoff until it comes, because a lost page would be lost users.
import type { ListUsersPage } from '../transport/client.js';
import { backoffMs, classifyFailure, withAttempts } from './failures.js';
import type { Clock } from './clock.js';

export interface ListUsersDeps {
  readonly listUsers: (params: { UserPoolId: string; Limit: number; PaginationToken?: string; Filter?: string }) => Promise<ListUsersPage>;
  readonly userPoolId: string;
  readonly filter: string | undefined;
  /** max_attempts for transient failures. */
  readonly maxAttempts: number;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly random?: () => number;
  readonly onRetry?: (reason: string, delayMs: number) => void;
}

export const PAGE_SIZE = 60;

export async function* listUsernames(deps: ListUsersDeps): AsyncGenerator<string> {
  let token: string | undefined;
  do {
    const page = await fetchPage(deps, token);
    if (page === undefined) return;
    for (const user of page.users) if (typeof user.Username === 'string') yield user.Username;
    token = page.paginationToken;
  } while (token !== undefined && !deps.signal.aborted);
}

async function fetchPage(deps: ListUsersDeps, token: string | undefined): Promise<ListUsersPage | undefined> {
  let transient = 0;
  let throttled = 0;
  for (;;) {
    if (deps.signal.aborted) return undefined;
    try {
      return await deps.listUsers({
        UserPoolId: deps.userPoolId,
        Limit: PAGE_SIZE,
        ...(token === undefined ? {} : { PaginationToken: token }),
        ...(deps.filter === undefined ? {} : { Filter: deps.filter }),
      });
    } catch (e) {
      const kind = classifyFailure(e);
      let retry: number;
      if (kind === 'throttled') retry = ++throttled;
      else if (kind === 'transient' && ++transient < deps.maxAttempts) retry = transient;
      else throw withAttempts(e, transient);
      const delay = backoffMs(Math.min(retry, 6), deps.random);
      deps.onRetry?.(kind, delay);
      await deps.clock.sleep(delay, deps.signal);
    }
  }
}
