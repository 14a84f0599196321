// file:// and fileb:// values, as the AWS CLI loads them for every option: the path after the
// prefix with ~ and then $VAR expanded, relative to the working directory; file:// decoded as text
// (UTF-8, or AWS_CLI_FILE_ENCODING) with universal newlines and the content kept verbatim,
// fileb:// as bytes. http:// and https:// are not fetched by AWS CLI v2. Reads stop at a
// ceiling (util/bounded-read.ts) where the AWS CLI reads /dev/zero until memory runs out.
import { isAbsolute } from 'node:path';
import { ParamValidationError } from '../errors/errors.js';
import { expandUser, expandVars, type Env } from '../config/files.js';
import { osErrorText, pythonErrno } from '../util/os-errors.js';
import { pythonTextCodec, type TextCodec } from '../util/codecs.js';
import { InputTooLargeError, READ_LIMITS, readBounded, sizeText } from '../util/bounded-read.js';

export type ParamValue = string | Buffer;

/** AWS_CLI_FILE_ENCODING's decoder (UTF-8, which keeps a BOM, when unset); a bad name is fatal. */
function decoderFor(env: Env): TextCodec {
  return pythonTextCodec(env.AWS_CLI_FILE_ENCODING ?? 'utf-8');
}

/**
 * The value an option's text stands for. `option` is the option's name for messages
 * (`--username`); errors are the AWS CLI's "Error parsing parameter" forms. `limit`: the most
 * bytes read from a file.
 */
export function loadParamValue(option: string, value: string, env: Env, cwd: string, limit: number = READ_LIMITS.paramFile): ParamValue {
  const binary = value.startsWith('fileb://');
  if (!binary && !value.startsWith('file://')) return value;
  const raw = value.slice(binary ? 'fileb://'.length : 'file://'.length);
  // The AWS CLI's paramfile expands ~ first, then variables (botocore's config paths the other
  // way round): a variable's ~ stays literal.
  const expanded = expandVars(expandUser(raw, env), env);
  // Python's open('') fails with ENOENT; joining '' would name the working directory instead.
  // The relative path is joined, not normalized: the system resolves `sub/../x` only when `sub`
  // exists (and through symlinks), as open() does in the AWS CLI; path.resolve would drop `sub/..`.
  const path = expanded === '' || isAbsolute(expanded) ? expanded : `${cwd}/${expanded}`;
  let bytes: Buffer;
  try {
    bytes = readBounded(path, limit);
  } catch (e) {
    if (e instanceof InputTooLargeError) {
      // The AWS CLI reads on until memory runs out; cogsignout stops at the ceiling.
      const what = e.regularFile ? 'the file is larger than' : 'it is not a regular file and gave more than';
      throw new ParamValidationError(`Error parsing parameter '${option}': Unable to load paramfile ${value}: ${what} ${sizeText(e.limit)}, the most cogsignout reads from a parameter file`);
    }
    // Python's OSError names the file when open() fails, not when read() does (/proc/self/mem).
    const failedRead = (e as NodeJS.ErrnoException).syscall === 'read' && pythonErrno((e as NodeJS.ErrnoException).code) !== undefined;
    const reason = failedRead ? pythonErrno((e as NodeJS.ErrnoException).code) : osErrorText(e, expanded);
    throw new ParamValidationError(`Error parsing parameter '${option}': Unable to load paramfile ${value}: ${reason}`);
  }
  if (binary) return bytes;
  const decoder = decoderFor(env);
  try {
    return decoder.decode(bytes).replace(/\r\n?/g, '\n');
  } catch (e) {
    // TextDecoder's and ours: Python's UnicodeDecodeError. A codec's other errors go on as they are.
    if (!(e instanceof TypeError)) throw e;
    throw new ParamValidationError(`Error parsing parameter '${option}': Unable to load paramfile (${expanded}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`);
  }
}
