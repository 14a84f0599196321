// The help pages' layout: the operation page is the AWS CLI's, byte for byte, at 80 columns;
// other widths are laid out as groff would lay out the same page (checked against groff).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BULK, bulkSignOutOptions, globalOptions, OPERATION, signOutOptions } from '../../src/cli/program.js';
import { md, plain, type Block, type Page } from '../../src/help/doc.js';
import { BULK_PAGE, COMMAND_NAMES, HYPHENATION, OPERATION_PAGE, TOP_PAGE } from '../../src/help/pages.js';
import { manPage } from '../../src/help/render-man.js';
import { lineLengthFor, renderText } from '../../src/help/render-text.js';
import { renderPage } from '../../src/help/show.js';
import { appendixA, have, recordedOperationPage, stripOverstrikes, withoutAsides } from './support.js';

const PAGES: ReadonlyArray<readonly [string, Page]> = [['operation', OPERATION_PAGE], ['top', TOP_PAGE], ['bulk', BULK_PAGE]];

describe('the operation page at 80 columns', () => {
  it('is the AWS CLI 2.36.7 page, byte for byte, once our own paragraph is taken out', () => {
    expect(renderPage(withoutAsides(OPERATION_PAGE), 80)).toBe(recordedOperationPage());
  });

  it('has the AWS bytes up to our paragraph, and exactly the AWS bytes after it', () => {
    const expected = recordedOperationPage();
    const actual = renderPage(OPERATION_PAGE, 80);
    const marker = 'See also: AWS API Documentation\n\n';
    const k = expected.indexOf(marker) + marker.length;
    expect(k).toBeGreaterThan(marker.length);
    expect(actual.slice(0, k)).toBe(expected.slice(0, k));
    const end = actual.indexOf('\n\n', k) + 2;
    expect(stripOverstrikes(actual.slice(k, end))).toMatch(/^ {7}In {1,2}plain words/);
    expect(actual.slice(0, k) + actual.slice(end)).toBe(expected);
  });

  it('gives the text of Appendix A with the overstrikes removed', () => {
    const appendix = appendixA();
    const text = stripOverstrikes(renderPage(withoutAsides(OPERATION_PAGE), 80));
    if (appendix !== undefined) expect(text).toBe(appendix);
    expect(text).toBe(stripOverstrikes(recordedOperationPage()));
  });

  it.skipIf(!have('col'))('gives the text of Appendix A through col -bx', () => {
    const r = spawnSync('col', ['-bx'], { input: renderPage(withoutAsides(OPERATION_PAGE), 80), encoding: 'utf8' });
    expect(r.stdout).toBe(appendixA() ?? stripOverstrikes(recordedOperationPage()));
  });

  it('says plainly what a global sign-out revokes and what it does not', () => {
    const text = stripOverstrikes(renderPage(OPERATION_PAGE, 80)).replace(/-\n\s+/g, '').replace(/\s+/g, ' ');
    expect(text).toContain("Amazon Cognito itself rejects the user's access and refresh tokens");
    expect(text).toContain('stays valid until it expires');
    expect(text).toContain('session cookie is not cleared');
  });
});

describe('other widths', () => {
  it('keeps groff\'s 78-column line length at 80 columns and a small margin elsewhere', () => {
    expect(lineLengthFor(80)).toBe(78);
    expect(lineLengthFor(120)).toBe(117);
    expect(lineLengthFor(200)).toBe(195);
    expect(lineLengthFor(10)).toBe(38);
  });

  for (const columns of [60, 100, 120, 200]) {
    it(`fills every page to the line length at ${columns} columns`, () => {
      const ll = lineLengthFor(columns);
      for (const [, page] of PAGES) {
        // Literal blocks (synopsis, examples) are never filled.
        const filled = { ...page, sections: page.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.kind !== 'literal') })) };
        const lines = stripOverstrikes(renderPage(filled, columns)).split('\n');
        for (const line of lines) {
          // Only a single word longer than the line may stick out.
          if (line.length > ll) expect(line.trim()).not.toContain(' ');
        }
        // Justified paragraphs reach the right margin.
        expect(lines.filter((l) => l.length === ll).length).toBeGreaterThan(5);
      }
    });
  }

  it('lays text out for the terminal, not for 80 columns, when wider', () => {
    const wide = stripOverstrikes(renderPage(OPERATION_PAGE, 120));
    expect(wide).toContain('Invalidates the identity, access, and refresh tokens that Amazon Cognito issued to a user. Call this');
    expect(wide.split('\n')[0]).toHaveLength(117);
  });

  // groff is the reference for justification; with its hyphenation patterns switched off (an
  // empty language) and only our word list, it must lay every page out exactly as we do.
  describe.skipIf(!have('groff'))('against groff', () => {
    for (const [name, page] of PAGES) {
      for (const ll of [60, 78, 100, 132]) {
        it(`lays out the ${name} page like groff at a line length of ${ll}`, () => {
          const roff = manPage(page, HYPHENATION).replace('\n.hw ', '\n.hla xx\n.hw ');
          const groff = spawnSync('groff', ['-man', '-Tascii', `-rLL=${ll}n`], { input: roff, encoding: 'utf8' });
          expect(groff.status).toBe(0);
          expect(renderText(page, { lineLength: ll, hyphenation: HYPHENATION, ignoreAsides: true })).toBe(groff.stdout);
        });
      }
    }
  });
});

describe('the help source', () => {
  it('reads **bold**, *italic* and \\* in the page sources', () => {
    expect(md('a **b c** *d* \\*e')).toEqual([
      { text: 'a ', style: 'r' }, { text: 'b c', style: 'b' }, { text: ' ', style: 'r' }, { text: 'd', style: 'i' },
      { text: ' *e', style: 'r' },
    ]);
    expect(() => md('**open')).toThrow();
  });

  const optionFlags = (blocks: readonly Block[]): string[] => blocks.flatMap((b) => {
    const text = b.kind === 'para' ? b.text : b.kind === 'item' ? b.term : [];
    return text.filter((s) => s.style === 'b' && s.text.startsWith('--') && plain(text).startsWith(s.text)).map((s) => s.text);
  });

  it('documents every global option of the registry, in its order, on every page', () => {
    const flags = globalOptions().map((o) => o.long);
    for (const [, page] of PAGES) {
      const section = page.sections.find((s) => s.heading === 'GLOBAL OPTIONS');
      expect(optionFlags(section?.blocks ?? [])).toEqual(flags);
    }
    const synopsis = OPERATION_PAGE.sections.find((s) => s.heading === 'SYNOPSIS')?.blocks[0];
    const lines = synopsis?.kind === 'literal' ? synopsis.lines : [];
    expect(lines.slice(-flags.length).map((l) => l.replace(/^\[([^\] ]+).*$/, '$1'))).toEqual(flags);
  });

  it('documents every option of the operation', () => {
    const documented = optionFlags(OPERATION_PAGE.sections.find((s) => s.heading === 'OPTIONS')?.blocks ?? []);
    expect(documented).toEqual(['--user-pool-id', '--username', '--cli-input-json', '--generate-cli-skeleton']);
    const text = stripOverstrikes(renderPage(OPERATION_PAGE, 80));
    for (const o of signOutOptions()) expect(text).toContain(o.long as string);
    expect(COMMAND_NAMES.operation).toBe(OPERATION);
  });

  it('documents bulk-sign-out\'s command line', () => {
    const text = stripOverstrikes(renderPage(BULK_PAGE, 80)).replace(/\s+/g, ' ');
    for (const o of bulkSignOutOptions()) expect(text).toContain(`${o.long as string} (`);
    expect(COMMAND_NAMES.bulk).toBe(BULK);
    expect(text).toContain('The default is 20; 0 means no limit but the service\'s throttling.');
    expect(text).toContain('The default is 8.');
    expect(text).toContain('254 when it finished and some users failed');
    expect(text).toContain('255 when an error every user would meet stopped it');
  });

  it('lists the commands and every exit code on the top page', () => {
    const text = stripOverstrikes(renderPage(TOP_PAGE, 80));
    for (const word of ['admin-user-global-sign-out', 'bulk-sign-out', 'completion']) expect(text).toMatch(new RegExp(`^ {7}${word}$`, 'm'));
    for (const code of ['0', '252', '253', '254', '255', '130']) expect(text).toMatch(new RegExp(`^ {7}${code}$`, 'm'));
    expect(text.split('\n')[0]).toBe(`COGSIGNOUT()${' '.repeat(54)}COGSIGNOUT()`);
  });
});
