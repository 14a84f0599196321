// The error report after a colored table set colorama up (src/output/colorama.ts): the AWS CLI's
// handlers then write through colorama's wrappers, which add a reset after every write.
import { describe, expect, it } from 'vitest';
import { GeneralError, InterruptedError } from '../../src/errors/errors.js';
import { reportError, type ReportContext } from '../../src/errors/report.js';
import { newColorama, type Colorama } from '../../src/output/colorama.js';

function report(err: unknown, colorama: Colorama): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let errText = '';
  const ctx: ReportContext = {
    prog: 'cogsignout', format: 'enhanced', debug: false, color: false, terminalWidth: 80, redact: (t) => t,
    writeErr: (s) => { errText += s; }, writeOut: (s) => { out += s; }, colorama,
  };
  return reportError(err, ctx).then((code) => ({ code, out, err: errText }));
}

describe('error report under colorama', () => {
  it('Ctrl-C: the newline on stdout gets its reset once a colored table was made', async () => {
    expect(await report(new InterruptedError('interrupted'), newColorama())).toEqual({ code: 130, out: '\n', err: '' });
    expect(await report(new InterruptedError('interrupted'), { inits: 1 })).toEqual({ code: 130, out: '\n\x1b[0m', err: '' });
  });

  it('an error message: a reset after each of its three writes', async () => {
    expect(await report(new GeneralError('boom'), { inits: 1 })).toEqual({ code: 255, out: '', err: '\n\x1b[0mcogsignout: [ERROR]: boom\x1b[0m\n\x1b[0m' });
    expect(await report(new GeneralError('boom'), newColorama())).toEqual({ code: 255, out: '', err: '\ncogsignout: [ERROR]: boom\n' });
  });
});
