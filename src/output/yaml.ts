// `--output yaml` and `--output yaml-stream`. The exact value {} prints nothing. With `yaml` a
// top-level scalar is written as JSON (so a string comes out double-quoted) and containers as a
// ruamel.yaml safe dump; `yaml-stream` dumps the value as the only item of a list.
import { writeJsonValue } from '../python/json-dump.js';
import { collect } from './stream.js';
import { YAML_BASE_FRAMES, writeYamlDocument } from './yaml-emitter.js';
import { PyDict, PyObject, isContainer, type PyValue } from '../python/value.js';

const isEmptyDict = (v: PyValue): boolean => v instanceof PyDict && v.size === 0;

function joined(write: (out: string[]) => void): string {
  const { chunks, error } = collect(write);
  if (error) throw error;
  return chunks.join('');
}

export const formatYaml = (value: PyValue): string => joined((out) => writeYaml(value, out));
export const formatYamlStream = (value: PyValue): string => joined((out) => writeYamlStream(value, out));

/** The pieces `--output yaml` writes (see writeYamlDocument for how libyaml hands them over). */
export function writeYaml(value: PyValue, out: string[]): void {
  if (isEmptyDict(value)) return;
  // The AWS CLI writes only JSON scalars (None, int, float, bool, str) as JSON; anything else
  // (a JMESPath expression reference) goes to the YAML representer, which cannot represent it.
  if (!isContainer(value) && !(value instanceof PyObject)) {
    writeJsonValue(value, { ensureAscii: false, awscliEncoder: true }, out);
    out.push('\n');
  } else writeYamlDocument(value, out);
}

export function writeYamlStream(value: PyValue, out: string[]): void {
  if (!isEmptyDict(value)) writeYamlDocument([value], out, YAML_BASE_FRAMES - 1);
}
