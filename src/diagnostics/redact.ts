// What --debug may show of the command line and the request: the values of sensitive members
// (those the service model marks sensitive) and whole --cli-input documents are replaced,
// because they can only be recognised by where they stand, not by what they look like. (The
// command line's own sensitive options: argv-log.ts.)
import { pyRepr } from '../python/builtins.js';
import type { MemberModel } from '../service/model.js';

export const REDACTED = '<redacted>';

// `scheme://user:password@host`: the user-info ends at the authority's last `@` (as urlparse
// reads it), so a password holding a raw `@` is hidden whole.
// A password may hold spaces, quotes and line breaks (urlsplit takes them): the user-info is not
// cut at them, so a text holding an `@` further on is masked too much, never too little. It does
// stop where a repr'd list moves to its next item (`', '`): `--endpoint-url http://h:1 --query @`
// is no password; --debug hides a password holding that sequence as a registered secret.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)((?:(?!['"], ['"])[^/?#])*)@/gi;

/**
 * Every password in a URL in `text` (endpoint and proxy URLs, wherever they are echoed)
 * replaced by `mask`; the user name stays, as it identifies the account without opening it.
 */
export function maskUrlPasswords(text: string, mask: string = REDACTED): string {
  return text.replace(URL_USERINFO, (whole, scheme: string, info: string) => {
    const colon = info.indexOf(':');
    return colon < 0 || colon === info.length - 1 ? whole : `${scheme}${info.slice(0, colon)}:${mask}@`;
  });
}

/**
 * The passwords of the URLs in a whole value (a command-line word, an environment variable, a
 * configured endpoint): the user-info runs to the authority's last `@`, whatever it holds (a
 * quote, a space), which maskUrlPasswords cannot know inside a line of text. --debug registers
 * them as secrets, so that they are hidden however a line quotes the URL.
 */
export function urlPasswordsIn(value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(/[a-z][a-z0-9+.-]*:\/\//gi)) {
    const authority = /^[^/?#]*/.exec(value.slice((m.index ?? 0) + m[0].length))?.[0] ?? '';
    const at = authority.lastIndexOf('@');
    const colon = at < 0 ? -1 : authority.indexOf(':');
    if (colon >= 0 && colon < at - 1) out.push(authority.slice(colon + 1, at));
  }
  return out;
}

/** Request parameters with sensitive members replaced. */
export function redactParams(params: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>, sensitive: readonly string[]): Record<string, unknown> {
  const entries = params instanceof Map ? [...params.entries()] : Object.entries(params);
  return Object.fromEntries(entries.map(([k, v]) => [k, sensitive.includes(k) ? REDACTED : v]));
}

/**
 * What --debug says of the members given on the command line (awscli.arguments' "Unpacked
 * value" lines, sensitive values replaced), and the sensitive values the log must hide wherever
 * they turn up (the service may quote one back in an error message).
 */
export function unpackedForLog(members: readonly MemberModel[], raw: ReadonlyMap<string, string>, params: ReadonlyMap<string, unknown>): { secrets: string[]; lines: string[] } {
  const secrets: string[] = [];
  for (const m of members) {
    const value = params.get(m.name);
    if (m.sensitive && typeof value === 'string') secrets.push(value);
  }
  const lines: string[] = [];
  for (const m of members) {
    const text = raw.get(m.option);
    if (text === undefined) continue;
    const shown = (v: unknown): string => (m.sensitive ? REDACTED : pyRepr(v));
    // The value as loaded (a file:// one is the file's text), then as unpacked.
    const value = params.get(m.name);
    lines.push(`Unpacked value of ${shown(typeof value === 'string' ? value : text)} for parameter "${m.pyName}": ${shown(value)}`);
  }
  return { secrets, lines };
}
