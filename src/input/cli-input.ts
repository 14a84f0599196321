// Reading a --cli-input-json / --cli-input-yaml document the way the AWS CLI does: JSON with
// Python's json.loads (NaN and Infinity accepted, ints kept apart from floats), YAML with a YAML
// 1.2 safe loader; the document must be a mapping. Its members are validated later, with the
// rest of the input.
import { ParamValidationError } from '../errors/errors.js';
import { pyTypeName } from '../output/python.js';
import { parseJson } from '../output/json-parse.js';
import { fromJs, isDict, type PyValue } from '../output/value.js';
import type { ParamValue } from './paramfile.js';

function decode(document: ParamValue): string {
  if (typeof document === 'string') return document;
  // json.loads(bytes) detects UTF-8/16/32 and skips a UTF-8 BOM.
  const text = new TextDecoder('utf-8').decode(document);
  return text;
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
      value = fromJs(loadYaml(text));
    } catch {
      throw new ParamValidationError("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
    }
  }
  if (!isDict(value)) {
    throw new ParamValidationError(`Error parsing parameter '--cli-input-${kind}': Invalid type: expecting map, received ${pyTypeName(value)}`);
  }
  return new Map(value);
}
