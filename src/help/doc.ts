// The help pages as data: one small document model that both the terminal renderer and the man
// page generator read, so `cogsignout help` and `man cogsignout` cannot say different things.
// The model has only the shapes the AWS CLI's pages use (docutils' man writer fed to groff).

/** r = roman, b = bold (overstruck in a terminal), i = italic (underlined in a terminal). */
export type Style = 'r' | 'b' | 'i';

export interface Span {
  readonly text: string;
  readonly style: Style;
}

export type Inline = readonly Span[];

export type Block =
  /** A filled, justified paragraph. `indent` adds to the container's indentation. */
  | { readonly kind: 'para'; readonly text: Inline; readonly indent?: number; readonly tight?: boolean;
      /** Laid out without disturbing the justification of what follows (see render-text.ts). */
      readonly aside?: boolean }
  /** Unfilled lines, three columns in from the container. */
  | { readonly kind: 'literal'; readonly lines: readonly string[] }
  /** `o`-bulleted one-paragraph items, the text hanging two columns in. */
  | { readonly kind: 'bullets'; readonly items: readonly Inline[] }
  /** An admonition (`NOTE:`): the label, then its blocks three columns in. */
  | { readonly kind: 'note'; readonly label: string; readonly body: readonly Block[] }
  /** A definition-list item: the term, then its blocks three columns in, without a blank line. */
  | { readonly kind: 'item'; readonly term: Inline; readonly body: readonly Block[] };

export interface Section {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface Page {
  /** The name in the header and footer lines (the AWS CLI upper-cases the command name). */
  readonly title: string;
  readonly sections: readonly Section[];
}

/**
 * Inline markup for the page sources: `**bold**`, `*italic*`, `\*` for a literal asterisk.
 * A tiny syntax keeps the sources readable; nothing else in them is special.
 */
export function md(source: string): Inline {
  const spans: Span[] = [];
  let style: Style = 'r';
  let text = '';
  const flush = (): void => {
    if (text !== '') spans.push({ text, style });
    text = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\' && source[i + 1] === '*') {
      text += '*';
      i++;
    } else if (c === '*' && source[i + 1] === '*' && style !== 'i') {
      flush();
      style = style === 'b' ? 'r' : 'b';
      i++;
    } else if (c === '*' && style !== 'b') {
      flush();
      style = style === 'i' ? 'r' : 'i';
    } else {
      text += c;
    }
  }
  if (style !== 'r') throw new Error(`unclosed markup in help source: ${source}`);
  flush();
  return spans;
}

export const para = (source: string, extra: { indent?: number; tight?: boolean; aside?: boolean } = {}): Block =>
  ({ kind: 'para', text: md(source), ...extra });

export const literal = (...lines: string[]): Block => ({ kind: 'literal', lines });

export const bullets = (...items: string[]): Block => ({ kind: 'bullets', items: items.map(md) });

export const note = (label: string, ...body: Block[]): Block => ({ kind: 'note', label, body });

export const item = (term: string, ...body: Block[]): Block => ({ kind: 'item', term: md(term), body });

/** The plain text of inline content. */
export function plain(text: Inline): string {
  return text.map((s) => s.text).join('');
}
