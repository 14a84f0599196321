// --generate-cli-skeleton: the operation's input shape with empty values, in the AWS CLI's
// exact bytes, and its output shape as botocore's ArgumentGenerator fills it (a string member
// holds its own name). The YAML form carries each member's documentation overview as a comment;
// ruamel.yaml puts two spaces before the first comment and one before the others.
import { MEMBERS, type MemberModel } from '../service/model.js';

export function renderInputSkeleton(kind: 'input' | 'yaml-input', members: readonly MemberModel[] = MEMBERS): string {
  // json.dump and ruamel.yaml both write an empty mapping as {}.
  if (members.length === 0) return '{}\n';
  if (kind === 'input') {
    return `{\n${members.map((m) => `    "${m.name}": ""`).join(',\n')}\n}\n`;
  }
  return members.map((m, i) => `${m.name}: ''${i === 0 ? '  ' : ' '}# ${m.required ? '[REQUIRED] ' : ''}${m.summary}\n`).join('');
}

/** The value --generate-cli-skeleton output prints (through the output formatter). */
export function outputSkeleton(members: readonly MemberModel[]): Record<string, string> {
  return Object.fromEntries(members.map((m) => [m.name, m.name]));
}
