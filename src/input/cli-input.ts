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
import { decodeUtf16, decodeUtf32, decodeUtf8, UnicodeDecodeFailure } from '../util/unicode-decoders.js';
import { orderedDictItems, YAML_MAX_COPIED, YamlExpansionError, YamlSyntaxError, type InputValue } from './yaml-values.js';

/**
 * json.loads nests containers this deep at most under the AWS CLI: its C scanner counts
 * Python's recursion limit (1000) less the frames the CLI already uses.
 */
export const JSON_MAX_DEPTH = 979;

/**
 * A fileb:// document's bytes as text: json.loads(bytes) finds UTF-32, UTF-16 or UTF-8 (a BOM
 * taken away) from the first bytes and decodes with surrogatepass; ruamel's reader takes UTF-16
 * from a BOM (left in the text, which its scanner skips), else strict UTF-8. Undecodable bytes
 * are the document's syntax error, as the AWS CLI reports them.
 */
function decode(kind: 'json' | 'yaml', document: ParamValue): string {
  if (typeof document === 'string') return document;
  const b = document;
  const starts = (...prefix: number[]): boolean => prefix.every((x, i) => b[i] === x);
  try {
    if (kind === 'yaml') {
      if (starts(0xff, 0xfe)) return decodeUtf16(b, false);
      if (starts(0xfe, 0xff)) return decodeUtf16(b, true);
      return decodeUtf8(b);
    }
    if (starts(0xff, 0xfe, 0, 0)) return decodeUtf32(b.subarray(4), false, true);
    if (starts(0, 0, 0xfe, 0xff)) return decodeUtf32(b.subarray(4), true, true);
    if (starts(0xff, 0xfe)) return decodeUtf16(b.subarray(2), false, true);
    if (starts(0xfe, 0xff)) return decodeUtf16(b.subarray(2), true, true);
    if (starts(0xef, 0xbb, 0xbf)) return decodeUtf8(b.subarray(3), true);
    if (b.length >= 4) {
      if (b[0] === 0) return b[1] ? decodeUtf16(b, true, true) : decodeUtf32(b, true, true);
      if (b[1] === 0) return b[2] || b[3] ? decodeUtf16(b, false, true) : decodeUtf32(b, false, true);
    } else if (b.length === 2) {
      if (b[0] === 0) return decodeUtf16(b, true, true);
      if (b[1] === 0) return decodeUtf16(b, false, true);
    }
    return decodeUtf8(b, true);
  } catch (e) {
    if (!(e instanceof UnicodeDecodeFailure)) throw e;
    throw new ParamValidationError(kind === 'json' ? "Error parsing parameter 'cli-input-json': Invalid JSON received." : "Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
  }
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
  const text = decode(kind, document);
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
