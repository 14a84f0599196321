// Python codec names as users write them in AWS_CLI_FILE_ENCODING and AWS_CLI_OUTPUT_ENCODING,
// mapped to the WHATWG labels TextDecoder knows (the few encodings people set; Python's
// lookup ignores case and treats `_` like `-`).
const CODECS: Readonly<Record<string, string>> = {
  'utf-8': 'utf-8', utf8: 'utf-8', u8: 'utf-8', utf: 'utf-8', 'utf-8-sig': 'utf-8',
  ascii: 'ascii', 'us-ascii': 'ascii', '646': 'ascii',
  'latin-1': 'latin1', latin1: 'latin1', 'iso-8859-1': 'latin1', 'iso8859-1': 'latin1', l1: 'latin1',
  'utf-16': 'utf-16le', utf16: 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16-le': 'utf-16le', 'utf-16be': 'utf-16be', 'utf-16-be': 'utf-16be',
  cp1252: 'windows-1252', 'windows-1252': 'windows-1252',
};

/** The TextDecoder label of a Python codec name, or undefined if Python would not know it. */
export function decoderLabel(pythonName: string): string | undefined {
  return CODECS[pythonName.toLowerCase().replace(/_/g, '-')];
}
