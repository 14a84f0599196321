// Reading a --cli-input-json / --cli-input-yaml document the way the AWS CLI does: JSON with
// Python's json.loads (NaN and Infinity accepted, ints kept apart from floats, a repeated key
// keeps its first position and its last value), YAML with ruamel.yaml's safe loader
// (yaml-input.ts); the document must be a mapping (a YAML !!omap is one). Its members are validated later, with the
// rest of the input.
import { GeneralError, ParamValidationError } from '../errors/errors.js';
import { pyTypeName } from '../python/builtins.js';
import { parseJson } from '../python/json-parse.js';
import { isDict } from '../python/value.js';
import type { ParamValue } from './paramfile.js';
import { orderedDictItems, YAML_MAX_COPIED, YamlExpansionError, YamlSyntaxError, type InputValue } from './yaml-values.js';

/**
 * json.loads nests containers this deep at most under the AWS CLI: its C scanner counts
 * Python's recursion limit (1000) less the frames the CLI already uses.
 */
export const JSON_MAX_DEPTH = 979;

function decode(document: ParamValue): string {
  if (typeof document === 'string') return document;
  // json.loads(bytes) detects UTF-8/16/32 and skips a UTF-8 BOM.
  const text = new TextDecoder('utf-8').decode(document);
  return text;
}

/** Python's RecursionError from json.loads, found before parsing (our parser would overflow later). */
function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > JSON_MAX_DEPTH) {
        throw new GeneralError(`maximum recursion depth exceeded while decoding a JSON ${c === 0x5b ? 'array' : 'object'} from a unicode string`);
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
}

export async function parseCliInputDocument(kind: 'json' | 'yaml', document: ParamValue): Promise<Map<string, unknown>> {
  const text = decode(document);
  let value: InputValue;
  if (kind === 'json') {
    checkJsonDepth(text);
    try {
      value = parseJson(text);
    } catch {
      throw new ParamValidationError("Error parsing parameter 'cli-input-json': Invalid JSON received.");
    }
  } else {
    try {
      // The reader and js-yaml: a bundle of their own (yaml.cjs), read only for this option.
      value = await (await import('./yaml-input.js')).loadYamlDocument(text);
    } catch (e) {
      if (e instanceof YamlSyntaxError) throw new ParamValidationError("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
      if (e instanceof YamlExpansionError) {
        // The AWS CLI copies them all, for gigabytes, and dies.
        throw new ParamValidationError(`Error parsing parameter 'cli-input-yaml': its merge keys (<<) and sequence keys copy more than ${YAML_MAX_COPIED} entries of what its aliases name, the most cogsignout copies`);
      }
      throw e;
    }
  }
  // A !!omap is an ordereddict, which isinstance(..., dict) accepts.
  const items = orderedDictItems(value);
  if (items !== undefined) return new Map(items);
  if (!isDict(value)) {
    throw new ParamValidationError(`Error parsing parameter '--cli-input-${kind}': Invalid type: expecting map, received ${pyTypeName(value)}`);
  }
  return new Map(value);
}
