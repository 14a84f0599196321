// --debug for a bulk run. The client already hides the Username it sends, but ListUsers answers
// name every user (with their attribute values), and a ListUsers request carries a pagination
// token that may encode a username: thousands of them would reach the log. Registering each as
// a secret would make the redactor grow with the pool, so those bodies are dropped by where
// they stand instead, and any JSON member that names a user is blanked wherever it appears.
// The wrapper is handed to the client too, so its lines pass through here.
import type { DebugLog } from '../diagnostics/debug-log.js';
import { REDACTED } from '../diagnostics/redact.js';

/** A plain JSON member naming a user (escaped quotes inside the value are handled). */
const PERSONAL_MEMBERS = /("(?:Username|Value|PaginationToken)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;

export function scrubPersonal(logger: string, message: string): string {
  // Bodies are logged as Python bytes reprs, whose escaping a pattern cannot follow reliably:
  // a body that lists users, or is a ListUsers request, is left out whole.
  if (logger === 'botocore.parsers' && message.startsWith('Response body:') && message.includes('"Users"')) {
    return `Response body:\n${REDACTED} (a page of ListUsers)`;
  }
  // An error answer may quote the username it was about (InvalidParameterException does).
  if (logger === 'botocore.parsers' && message.startsWith('Response body:') && !/^Response body:\nb'(\{\})?'$/.test(message)) {
    return `Response body:\n${REDACTED} (an answer that may name a user)`;
  }
  if (logger === 'botocore.endpoint' && message.startsWith('Sending http request:') && message.includes('ListUsers')) {
    return message.replace(/body=b(['"]).*\1>$/s, `body=${REDACTED}>`);
  }
  return message.replace(PERSONAL_MEMBERS, `$1"${REDACTED}"`);
}

export function scrubbingLog(inner: DebugLog): DebugLog {
  if (!inner.enabled) return inner;
  return {
    enabled: true,
    log: (logger, message, level) => {
      // The client makes one attempt per call in a bulk run, so its retry lines would only say
      // "Max attempts of 1 reached."; the engine logs the retries it does make.
      if (logger === 'botocore.retries.standard') return;
      inner.log(logger, scrubPersonal(logger, message), level);
    },
    secret: (value) => inner.secret(value),
    redact: (text) => inner.redact(text.replace(PERSONAL_MEMBERS, `$1"${REDACTED}"`)),
  };
}
