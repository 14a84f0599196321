// --debug: log lines on stderr in the AWS CLI's shape
// (`2026-11-24 06:11:27,376 - MainThread - botocore.endpoint - DEBUG - message`). Unlike the
// AWS CLI, every line passes through a redactor first: secret keys, session tokens, request
// signatures, passwords in URLs and the values of members the service model marks sensitive
// (Username) never reach the terminal or a CI log, whatever is being logged.
import { REDACTED, maskUrlPasswords } from './redact.js';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface DebugLog {
  readonly enabled: boolean;
  log(logger: string, message: string, level?: LogLevel): void;
  /** Registers a value that must never be printed (a secret key, a token, a username). */
  secret(value: string | undefined): void;
  /** Removes every registered secret and every signature from `text`. */
  redact(text: string): string;
}


function timestamp(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())},${p(d.getMilliseconds(), 3)}`;
}

/**
 * A value shorter than this is hidden only where it stands apart as a value: hidden inside any
 * word, a one-letter username blanked that letter in every line ("Retr<redacted>ing"), and a
 * one-letter secret key the `x` of every `x-amz-…` header. Where such a value is sent or quoted it
 * stands apart (`'a'`, `"a"`, `User a`); a secret key or a token is far longer, and is hidden
 * wherever it is.
 */
const WHOLE_WORDS_BELOW = 8;

const ALNUM = /^[A-Za-z0-9]$/;

/**
 * Such a value as a word of its own: only an edge that is a letter or a digit needs a boundary
 * there, and the characters that join the parts of a name (`_`, `-`, `/`, and a `.` inside a name,
 * as in `application/x-amz-json-1.1` or `cognito-idp.us-east-1`) are no boundary. A value that
 * starts or ends with punctuation (`.a`, `a-`) is hidden right after or before a word.
 */
const wholeWord = (s: string): RegExp => {
  const before = ALNUM.test(s[0] as string) ? '(?<![A-Za-z0-9_/.-])' : '';
  const after = ALNUM.test(s[s.length - 1] as string) ? '(?![A-Za-z0-9_/-]|\\.[A-Za-z0-9])' : '';
  return new RegExp(`${before}${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${after}`, 'g');
};

export function createDebugLog(enabled: boolean, write: (text: string) => void, now: () => Date = () => new Date()): DebugLog {
  const secrets = new Set<string>();
  const redact = (text: string): string => {
    let out = maskUrlPasswords(text.replace(/(Signature=)[0-9a-fA-F]+/g, `$1${REDACTED}`));
    // Longest first, so a secret that contains another is hidden whole.
    for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
      out = s.length >= WHOLE_WORDS_BELOW ? out.split(s).join(REDACTED) : out.replace(wholeWord(s), REDACTED);
    }
    return out;
  };
  return {
    enabled,
    secret(value) {
      // Even a short value is hidden (a one-letter username), where it stands as a word of its own.
      if (value !== undefined && value !== '') secrets.add(value);
    },
    redact,
    log(logger, message, level = 'DEBUG') {
      if (!enabled) return;
      // Only the message: the record's own header holds no secret, and a user name such as
      // `DEBUG` or `botocore` would otherwise blank it on every line.
      write(`${timestamp(now())} - MainThread - ${logger} - ${level} - ${redact(message)}\n`);
    },
  };
}

/** A log that records nothing (the default without --debug). */
export const NO_DEBUG: DebugLog = createDebugLog(false, () => {});
