// Passwords in URLs and control characters from servers: the two text filters every output
// path relies on (the e2e tests in test/e2e/hostile.test.ts show them in place).
import { describe, expect, it } from 'vitest';
import { maskUrlPasswords } from '../../src/diagnostics/redact.js';
import { createDebugLog } from '../../src/diagnostics/debug-log.js';
import { maskProxyUrl } from '../../src/transport/proxy.js';
import { escapeControlChars, escapeControlCharsInJson } from '../../src/output/control-chars.js';

describe('maskUrlPasswords', () => {
  it('hides the password, keeps the user name, in any text and any number of URLs', () => {
    expect(maskUrlPasswords("['--endpoint-url', 'http://ops:s3cret@127.0.0.1:8080']")).toBe("['--endpoint-url', 'http://ops:<redacted>@127.0.0.1:8080']");
    expect(maskUrlPasswords('a https://u:p@h/x and http://v:q@i/', '***')).toBe('a https://u:***@h/x and http://v:***@i/');
  });

  it('a password holding a raw @ is hidden whole (the authority ends at its last @)', () => {
    expect(maskUrlPasswords('http://u:p@ss@host/path')).toBe('http://u:<redacted>@host/path');
  });

  it('leaves URLs without a password, paths with @, and masked URLs alone', () => {
    for (const text of ['http://host/a@b', 'http://user@host/', 'http://u:@host/', 'mailto:a@b.c', 'http://ops:<redacted>@proxy:3128']) {
      expect(maskUrlPasswords(text)).toBe(text);
    }
  });

  it("a URL's user-info does not run on into the next word of a repr'd list (an @ later on the line is no password's end)", () => {
    const line = "['--endpoint-url', 'http://127.0.0.1:18431', '--query', '@', '--debug']";
    expect(maskUrlPasswords(line)).toBe(line);
    expect(maskUrlPasswords(`["--endpoint-url", "http://u:p's@h:1", '--query', '@']`)).toBe(`["--endpoint-url", "http://u:<redacted>@h:1", '--query', '@']`);
  });

  it('a password holding a line break is hidden whole in an error message', () => {
    expect(maskUrlPasswords('Invalid endpoint: http://eu:pa\nss@127.0.0.1:1', '***')).toBe('Invalid endpoint: http://eu:***@127.0.0.1:1');
    expect(maskUrlPasswords('Invalid endpoint: http://eu:pa\r\nss@127.0.0.1:1', '***')).toBe('Invalid endpoint: http://eu:***@127.0.0.1:1');
  });

  it('every --debug line goes through it', () => {
    const lines: string[] = [];
    const log = createDebugLog(true, (t) => lines.push(t), () => new Date(2026, 0, 1));
    log.log('botocore.regions', "Calling endpoint provider with parameters: {'Endpoint': 'http://ops:s3cret@127.0.0.1:8080'}");
    expect(lines.join('')).not.toContain('s3cret');
    expect(lines.join('')).toContain('http://ops:<redacted>@127.0.0.1:8080');
  });
});

describe('the --debug redactor', () => {
  const redactor = (...secrets: string[]) => {
    const log = createDebugLog(true, () => {});
    for (const v of secrets) log.secret(v);
    return log.redact;
  };

  it('hides a short value (a one-letter username) where it stands as a word, not inside other words', () => {
    const redact = redactor('y', 'a.b');
    expect(redact(`Retrying request; {"Username": "y"} 'y' User y does not exist.`)).toBe(`Retrying request; {"Username": "<redacted>"} '<redacted>' User <redacted> does not exist.`);
    expect(redact('a.b, xa.b, a.bc, a_b: a.b')).toBe('<redacted>, xa.b, a.bc, a_b: <redacted>');
    // An edge that is punctuation needs no boundary: the value itself is there, after a word.
    const punct = redactor('.a', 'b-');
    expect(punct('x.a b-c x.ab cb-')).toBe('x<redacted> <redacted>c x.ab cb-');
  });

  it('a short value is no word inside a name joined by - / _ or an inner . (a one-letter secret key "x" and x-amz-… headers)', () => {
    const redact = redactor('x', 'us');
    expect(redact("{'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'x', x_y: us-east-1, cognito-idp.us.aws x. us}"))
      .toBe("{'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': '<redacted>', x_y: us-east-1, cognito-idp.us.aws <redacted>. <redacted>}");
  });

  it("a value that is also a word of the record's header (user DEBUG, botocore, MainThread) leaves the header alone", () => {
    const lines: string[] = [];
    const log = createDebugLog(true, (t) => lines.push(t), () => new Date(2026, 0, 1));
    for (const v of ['DEBUG', 'botocore', 'MainThread']) log.secret(v);
    log.log('botocore.endpoint', 'Making request with params: {"Username": "DEBUG"} botocore MainThread');
    expect(lines).toEqual(['2026-01-01 00:00:00,000 - MainThread - botocore.endpoint - DEBUG - Making request with params: {"Username": "<redacted>"} <redacted> <redacted>\n']);
  });

  it('hides a long value (a secret key, a token) wherever it is, inside words too', () => {
    const redact = redactor('wJalrXUtnFEMIK7MDENG', 'y');
    expect(redact('AWS4wJalrXUtnFEMIK7MDENGx y')).toBe('AWS4<redacted>x <redacted>');
  });
});

describe('maskProxyUrl (botocore\'s mask_proxy_url)', () => {
  it('user and password each become ***', () => {
    expect(maskProxyUrl('http://user:pw@127.0.0.1:3128')).toBe('http://***:***@127.0.0.1:3128');
    expect(maskProxyUrl('http://us%40er:p%3Aw@proxy')).toBe('http://***:***@proxy');
    expect(maskProxyUrl('http://user@proxy/path')).toBe('http://***@proxy/path');
    expect(maskProxyUrl('http://proxy:3128')).toBe('http://proxy:3128');
    // urlparse's user-info ends at the authority's last `@`: a password holding one is hidden whole.
    expect(maskProxyUrl('http://user:p@ss@proxy:3128/a@b')).toBe('http://***:***@proxy:3128/a@b');
  });

  it('a short password is masked where it stands (botocore would mask the first "h" of "http")', () => {
    expect(maskProxyUrl('http://u:h@proxy')).toBe('http://***:***@proxy');
  });
});

describe('escapeControlChars', () => {
  it('C0 (but newline and tab), DEL and C1 become Python escapes', () => {
    expect(escapeControlChars('a\u001b[31mb\u0007c\rd\ne\tf\u007fg\u009bh\u0000')).toBe('a\\x1b[31mb\\x07c\\rd\ne\tf\\x7fg\\x9bh\\x00');
  });

  it('in JSON text, as \\u escapes (the same document)', () => {
    const json = JSON.stringify({ m: 'del\u007f csi\u009b' });
    expect(escapeControlCharsInJson(json)).toBe('{"m":"del\\u007f csi\\u009b"}');
    expect(JSON.parse(escapeControlCharsInJson(json))).toEqual({ m: 'del\u007f csi\u009b' });
  });
});
