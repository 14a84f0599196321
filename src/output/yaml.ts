// `--output yaml` and `--output yaml-stream`. The exact value {} prints nothing. With `yaml` a
// top-level scalar is written as JSON (so a string comes out double-quoted) and containers as a
// ruamel.yaml safe dump; `yaml-stream` dumps the value as the only item of a list.
import { dumpJson } from './json-dump.js';
import { dumpYaml } from './yaml-emitter.js';
import { PyDict, isContainer, type PyValue } from './value.js';

const isEmptyDict = (v: PyValue): boolean => v instanceof PyDict && v.size === 0;

export function formatYaml(value: PyValue): string {
  if (isEmptyDict(value)) return '';
  if (!isContainer(value)) return `${dumpJson(value, { ensureAscii: false })}\n`;
  return dumpYaml(value);
}

export function formatYamlStream(value: PyValue): string {
  if (isEmptyDict(value)) return '';
  return dumpYaml([value]);
}
