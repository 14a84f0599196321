// --generate-cli-skeleton input / yaml-input: the operation's input shape with empty values, in
// the AWS CLI's exact bytes. The YAML form carries each member's first documentation sentence
// as a comment; ruamel.yaml puts two spaces before the first comment and one before the others.
import { MEMBERS } from '../service/model.js';

export function renderInputSkeleton(kind: 'input' | 'yaml-input'): string {
  if (kind === 'input') {
    return `{\n${MEMBERS.map((m) => `    "${m.name}": ""`).join(',\n')}\n}\n`;
  }
  return MEMBERS.map((m, i) => `${m.name}: ''${i === 0 ? '  ' : ' '}# ${m.required ? '[REQUIRED] ' : ''}${m.summary}\n`).join('');
}
