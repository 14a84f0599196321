// ListUsers filter expressions: `attribute = "value"` or `attribute ^= "prefix"`, one attribute
// per filter, limited to the attributes Cognito can search.
import { invalidParameter } from './errors.js';
import type { User } from './store.js';

export type UserPredicate = (user: User) => boolean;

const SEARCHABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

const PARSE_ERROR = 'Error while parsing filter.';

// The value is a double-quoted string in which a backslash escapes the next character.
const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/s;

export function parseFilter(filter: string | undefined): UserPredicate | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const m = FILTER.exec(filter);
  if (!m) throw invalidParameter(PARSE_ERROR);
  const [, attribute, operator, quoted] = m as unknown as [string, string, string, string];
  if (!SEARCHABLE.has(attribute)) throw invalidParameter(`${PARSE_ERROR} Attribute ${attribute} is not searchable.`);
  const wanted = quoted.replace(/\\(.)/gs, '$1');

  // Cognito documents user status matching as case-insensitive; the rest compare exactly.
  const caseInsensitive = attribute === 'cognito:user_status';
  const norm = caseInsensitive ? (s: string) => s.toLowerCase() : (s: string) => s;
  const target = norm(wanted);
  const read: (u: User) => string | undefined =
    attribute === 'username' ? (u) => u.username
      : attribute === 'status' ? (u) => (u.enabled ? 'Enabled' : 'Disabled')
        : attribute === 'cognito:user_status' ? (u) => u.status
          : (u) => u.attributes[attribute];

  if (operator === '=') {
    return (u) => {
      const v = read(u);
      return v !== undefined && norm(v) === target;
    };
  }
  return (u) => {
    const v = read(u);
    return v !== undefined && norm(v).startsWith(target);
  };
}
