// Reading a --cli-input-json / --cli-input-yaml document the way the AWS CLI does: JSON with
// Python's json.loads (NaN and Infinity accepted, ints kept apart from floats), YAML with a YAML
// 1.2 safe loader; the document must be a mapping. Its members are validated later, with the
// rest of the input.
import { ParamValidationError } from '../errors/errors.js';
import { pyTypeName } from '../output/python.js';
import { parseJson } from '../output/json-parse.js';
import { fromJs, isDict, PyObject, type PyValue } from '../output/value.js';
import type { ParamValue } from './paramfile.js';

function decode(document: ParamValue): string {
  if (typeof document === 'string') return document;
  // json.loads(bytes) detects UTF-8/16/32 and skips a UTF-8 BOM.
  const text = new TextDecoder('utf-8').decode(document);
  return text;
}

/**
 * YAML timestamps as the AWS CLI's loader returns them: a date (`2020-01-01`) is a
 * datetime.date, anything with a time a datetime.datetime; validation messages show their
 * Python str() and class.
 */
function withPythonDates(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    const [day, time] = iso.slice(0, 19).split('T') as [string, string];
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    if (time === '00:00:00' && value.getUTCMilliseconds() === 0) {
      return new PyObject('datetime.date', value, { str: day, repr: `datetime.date(${y}, ${m}, ${d})` });
    }
    const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number];
    return new PyObject('datetime.datetime', value, { str: `${day} ${time}`, repr: `datetime.datetime(${y}, ${m}, ${d}, ${hh}, ${mm}${ss ? `, ${ss}` : ''})` });
  }
  if (Array.isArray(value)) return value.map(withPythonDates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPythonDates(v)]));
  }
  return value;
}

export async function parseCliInputDocument(kind: 'json' | 'yaml', document: ParamValue): Promise<Map<string, unknown>> {
  const text = decode(document);
  let value: PyValue;
  if (kind === 'json') {
    try {
      value = parseJson(text);
    } catch {
      throw new ParamValidationError("Error parsing parameter 'cli-input-json': Invalid JSON received.");
    }
  } else {
    // js-yaml is big; only --cli-input-yaml pays for loading it.
    const { load: loadYaml } = await import('js-yaml');
    try {
      value = fromJs(withPythonDates(loadYaml(text)));
    } catch {
      throw new ParamValidationError("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
    }
  }
  if (!isDict(value)) {
    throw new ParamValidationError(`Error parsing parameter '--cli-input-${kind}': Invalid type: expecting map, received ${pyTypeName(value)}`);
  }
  return new Map(value);
}
