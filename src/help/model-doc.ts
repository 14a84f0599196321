// The parts of an operation's help page that come from its service model and argument table,
// laid out as the AWS CLI's clidocs.py writes them (via botocore's bcdoc HTML-to-reST writer
// and docutils): the description and each member's documentation from the model's HTML, the
// constraints, the SYNOPSIS and OPTIONS entries of the CLI's own arguments. Deriving them keeps
// the page from restating the model; the operation page in pages.ts adds only what no model
// holds (examples, our own paragraph).
import type { CliArgument } from '../service/arguments.js';
import { decodeEntities, type MemberModel, type OperationModel } from '../service/model.js';
import { bullets, item, note, para, type Block } from './doc.js';

interface Element {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Node[];
}
type Node = string | Element;

/** The model's documentation HTML as a tree (it is well-formed: botocore parses it the same way). */
function parseHtml(html: string): Node[] {
  const root: Element = { tag: '', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const token = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gi;
  for (let m; (m = token.exec(html));) {
    const top = stack[stack.length - 1] as Element;
    if (m[5] !== undefined) {
      top.children.push(decodeEntities(m[5]));
    } else if (m[1] === '/') {
      if (top.tag !== (m[2] as string).toLowerCase()) throw new Error(`service documentation: </${m[2]}> closes <${top.tag}>`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] as string).matchAll(/([a-z-]+)="([^"]*)"/gi)) attrs[a[1] as string] = decodeEntities(a[2] as string);
      const element: Element = { tag: (m[2] as string).toLowerCase(), attrs, children: [] };
      top.children.push(element);
      if (m[4] !== '/') stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error('service documentation: unclosed tags');
  return root.children;
}

const escape = (text: string): string => text.replace(/\*/g, '\\*');

/** A text node as the AWS CLI's bcdoc writes it: words one space apart, a trailing space kept, a leading one dropped. */
function data(text: string): string {
  const words = text.split(/[ \t\r\n\f\v]+/).filter((w) => w !== '');
  if (words.length === 0) return text === '' ? '' : ' ';
  return escape(words.join(' ')) + (/\s$/.test(text) ? ' ' : '');
}

/**
 * Inline content in the page sources' markup, as the AWS CLI's bcdoc (awscli/bcdoc) writes reST:
 * an inline element loses the spaces before its end and is followed by one (so
 * `<code>x</code>.` reads `x .`), and a text node loses its leading white space (so
 * `.<b/> Next` reads `.Next`). Runs of spaces then fold, as groff folds them here.
 */
function inline(nodes: readonly Node[]): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') { out += data(n); continue; }
    const inner = inline(n.children).replace(/ +$/, '');
    // bcdoc writes nothing for an empty inline element (`<b/>`), which reST would misread.
    if (inner === '' && n.tag !== 'p') continue;
    switch (n.tag) {
      case 'code': case 'b': out += `**${inner}** `; break;
      case 'i': out += `*${inner}* `; break;
      // A link keeps its text only; docutils' man writer sets a reference in italics.
      case 'a':
        // Without an address (`<a>DescribeInstances</a>`, which Cognito's docs never have) bcdoc
        // writes the text between spaces, and groff keeps the double space that makes.
        if (n.attrs.href === undefined) throw new Error('service documentation: <a> without href is not modelled');
        out += `*${inner}* `;
        break;
      case 'p': out += ` ${inner} `; break;
      default: throw new Error(`service documentation: <${n.tag}> is not modelled`);
    }
  }
  return out;
}

// reST's white space only: a no-break space stays.
const folded = (md: string): string => md.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');

/** Block-level documentation HTML as page blocks. */
export function htmlBlocks(html: string): Block[] {
  return blocks(parseHtml(html));
}

/**
 * A paragraph that opens with a white-space text node starts, in bcdoc's reST, one space further
 * in than its neighbours: docutils reads a block quote, which the page shows indented (three
 * columns, four in a note) with no blank line above. Cognito's `<p class="title">` headings are
 * written so.
 */
const quoted = (p: Element): boolean => typeof p.children[0] === 'string' && p.children[0] !== '' && p.children[0].trim() === '';

function blocks(nodes: readonly Node[], inNote = false): Block[] {
  const out: Block[] = [];
  for (const n of nodes) {
    if (typeof n === 'string') {
      if (n.trim() !== '') out.push(para(folded(data(n))));
      continue;
    }
    switch (n.tag) {
      case 'p': out.push(quoted(n) ? para(folded(inline(n.children)), { indent: inNote ? 4 : 3, tight: true }) : para(folded(inline(n.children)))); break;
      // A list item's paragraphs run together in the item.
      case 'ul': out.push(bullets(...n.children.filter((c): c is Element => typeof c !== 'string').map((li) => folded(inline(li.children))))); break;
      case 'note': out.push(note('NOTE:', ...blocks(n.children, true))); break;
      default: throw new Error(`service documentation: <${n.tag}> is not modelled at block level`);
    }
  }
  return out;
}

/** reST inline literals (``x``) of the CLI's own help texts, in the page sources' markup. */
const rst = (text: string): string => escape(text).replace(/``(.+?)``/g, '**$1**');

/** The DESCRIPTION: the operation's documentation, then the AWS CLI's link to the API reference. */
export function descriptionBlocks(op: OperationModel): Block[] {
  const out = htmlBlocks(op.documentation);
  // clidocs only links when the model has a uid to build the address from.
  if (op.service.metadata.uid !== undefined) out.push(para('See also: AWS API Documentation'));
  return out;
}

function constraintBlocks(m: MemberModel): Block[] {
  const items = [
    m.min === undefined ? undefined : `min: **${m.min}**`,
    m.max === undefined ? undefined : `max: **${m.max}**`,
    m.pattern === undefined ? undefined : `pattern: **${escape(m.pattern)}**`,
  ].filter((i): i is string => i !== undefined);
  return items.length === 0 ? [] : [para('Constraints:'), bullets(...items)];
}

/** The SYNOPSIS lines of the operation's own arguments (required ones bare, groups once). */
export function synopsisLines(table: readonly CliArgument[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const a of table) {
    if (a.group !== undefined && seen.has(a.group)) continue;
    const group = a.group === undefined ? [] : table.filter((b) => b.group === a.group);
    if (a.group !== undefined) seen.add(a.group);
    const text = group.length > 0 ? group.map((b) => `--${b.name}`).join(' | ') : `--${a.name} <value>`;
    lines.push(a.required ? text : `[${text}]`);
  }
  return lines;
}

/**
 * The OPTIONS entries. A member's documentation starts with a paragraph, so docutils makes the
 * option line a term over indented blocks; the CLI's own help texts are bare text, which runs on
 * from the option line in one paragraph.
 */
export function optionBlocks(table: readonly CliArgument[]): Block[] {
  const seen = new Set<string>();
  const out: Block[] = [];
  for (const a of table) {
    if (a.group !== undefined && seen.has(a.group)) continue;
    const names = a.group === undefined ? [a.name] : table.filter((b) => b.group === a.group).map((b) => b.name);
    if (a.group !== undefined) seen.add(a.group);
    // The CLI's own arguments take a string (their cli_type_name).
    const term = `${names.map((n) => `**--${n}**`).join(' | ')} (${a.member?.type ?? 'string'})${a.required ? ' [required]' : ''}`;
    if (a.member) {
      out.push(item(term, ...htmlBlocks(a.member.documentation), ...constraintBlocks(a.member)));
    } else {
      out.push(para(`${term} ${rst(a.helpText ?? '')}`));
    }
  }
  return out;
}

/** The OUTPUT section: each output member as a term over its documentation, or None. */
export function outputBlocks(op: OperationModel): Block[] {
  if (op.output.length === 0) return [para('None')];
  return op.output.map((m) => item(`${escape(m.name)} -> (${m.type})`, ...htmlBlocks(m.documentation), ...constraintBlocks(m)));
}
