// The auto-prompt: a small form drawn below the cursor, one row per option, edited in place.
// The AWS CLI opens a full-screen editor of the whole command line instead; a form asks for
// the same things (the operation's parameters with `(required)`, their type and the first
// sentence of their documentation, then the useful global options), needs no screen library,
// and stays usable over a slow SSH link. The form erases itself when done, leaving only the
// echoed command line, as the AWS CLI does.
import { StringDecoder } from 'node:string_decoder';
import { SDK_REGIONS } from '../completion/regions.js';
import { COMMANDS, OPERATION } from '../cli/program.js';
import type { Settings } from '../config/settings.js';
import { PROG } from '../errors/errors.js';
import {
  buildArgv, fieldsFor, hasInputSource, initialValues, isCommand, otherWords, parseLine, type Field,
} from './form.js';
import { fileNamesFor } from './files.js';
import type { PromptIo } from './io.js';
import { decodeKeys, type Key } from './keys.js';
import { shellJoin, shellSplit, takeWidth, textWidth, truncate } from './text.js';

export interface PromptContext {
  /** Profile names from the config files, offered for `--profile`. */
  readonly profiles: readonly string[];
  /** Regions named in the config files, then the SDK's, offered for `--region`. */
  readonly regions?: readonly string[];
  /** The paths that complete `typed` (a file or directory name, directories ending in `/`). */
  readonly files?: (typed: string) => readonly string[];
  /** Why the prompt opened: `on-partial` means the command as given was incomplete or invalid. */
  readonly mode?: 'on' | 'on-partial';
  /** The program name in the echoed command line (default `cogsignout`). */
  readonly prog?: string;
  /** False to draw without colours or bold (NO_COLOR); the layout is the same. */
  readonly color?: boolean;
}

/**
 * The choices the config files offer. Read quietly: a broken config file must not stop the
 * prompt (the command reports it when it runs). NO_COLOR (set and not empty) turns styling off.
 */
export function buildPromptContext(settings: Pick<Settings, 'configFiles' | 'env'>, mode: 'on' | 'on-partial' = 'on', cwd = process.cwd()): PromptContext {
  const color = (settings.env.NO_COLOR ?? '') === '';
  const files = (typed: string): string[] => fileNamesFor(cwd, typed);
  const withKnown = (configured: readonly string[]): string[] => [...configured, ...SDK_REGIONS.filter((r) => !configured.includes(r))];
  try {
    const profiles = settings.configFiles().profiles;
    const regions = new Set<string>();
    for (const p of profiles.values()) {
      const r = p.get('region');
      if (typeof r === 'string' && r !== '') regions.add(r);
    }
    return { profiles: [...profiles.keys()], regions: withKnown([...regions].sort()), mode, color, files };
  } catch {
    return { profiles: [], regions: withKnown([]), mode, color, files };
  }
}


type Row =
  | { readonly kind: 'command' }
  | { readonly kind: 'field'; readonly field: Field }
  | { readonly kind: 'others' }
  | { readonly kind: 'run' };

interface Cycle {
  readonly typed: string;
  readonly candidates: readonly string[];
  readonly index: number;
}

const ESC = '\x1b[';
const STYLED = {
  bold: (s: string): string => `${ESC}1m${s}${ESC}0m`,
  dim: (s: string): string => `${ESC}2m${s}${ESC}0m`,
  inverse: (s: string): string => `${ESC}7m${s}${ESC}0m`,
  warn: (s: string): string => `${ESC}33m${s}${ESC}0m`,
  marker: (s: string): string => `${ESC}1;36m${s}${ESC}0m`,
};
const same = (s: string): string => s;
const PLAIN: typeof STYLED = { bold: same, dim: same, inverse: same, warn: same, marker: same };
const HIDE_CURSOR = `${ESC}?25l`;
const SHOW_CURSOR = `${ESC}?25h`;

const RUN_LABEL = '[ run ]';
const OTHERS_LABEL = 'other arguments';
const OTHERS_DOC = 'Any other options and arguments, typed as on a command line (for example --debug).';
const HELP_BAR = 'Enter: next / run   Tab: choices   Up/Down: move   Ctrl-C: cancel';

/** A line of the screen: plain-text pieces, each drawn in its own style. */
type Piece = readonly [text: string, paint?: (s: string) => string];

/** The pieces cut to `width` cells (an ellipsis marks the cut), then painted. */
function fit(pieces: readonly Piece[], width: number): string {
  const total = pieces.reduce((n, [t]) => n + textWidth(t), 0);
  const cut = total > width;
  let left = cut ? width - 1 : width;
  let out = '';
  for (const [text, paint] of pieces) {
    if (left <= 0) break;
    const t = takeWidth(text, left);
    left -= textWidth(t);
    if (t !== '') out += paint ? paint(t) : t;
  }
  return cut ? `${out}…` : out;
}

/**
 * Draws a block of lines below the cursor and redraws it in place. Every line fits the width,
 * so the block's height in rows is its number of lines.
 */
class Screen {
  private cursorRow = 0;

  constructor(private readonly out: PromptIo['stdout']) {}

  draw(lines: readonly string[], row: number, col: number): void {
    let s = HIDE_CURSOR;
    if (this.cursorRow > 0) s += `${ESC}${this.cursorRow}A`;
    s += `\r${ESC}J${lines.join(`\r\n`)}`;
    const up = lines.length - 1 - row;
    if (up > 0) s += `${ESC}${up}A`;
    s += '\r';
    if (col > 0) s += `${ESC}${col}C`;
    this.out.write(s + SHOW_CURSOR);
    this.cursorRow = row;
  }

  erase(): void {
    this.out.write(`${this.cursorRow > 0 ? `${ESC}${this.cursorRow}A` : ''}\r${ESC}J${SHOW_CURSOR}`);
    this.cursorRow = 0;
  }
}

class Form {
  command: string;
  readonly commandRow: boolean;
  readonly values: Map<string, string>;
  /** Everything no field takes, as shell words: the one free-form part of the form. */
  others: string;
  rows: Row[] = [];
  active = 0;
  /** Cursor in the active row's text, in code points. */
  cursor = 0;
  cycle: Cycle | undefined;
  hint: string | undefined;

  constructor(argv: readonly string[], private readonly ctx: PromptContext) {
    const line = parseLine(argv);
    this.commandRow = line.command === undefined || !isCommand(line.command);
    this.command = line.command ?? OPERATION;
    this.values = initialValues(line);
    this.others = shellJoin(otherWords(line, isCommand(this.command) ? this.command : OPERATION));
    this.layout();
    const missing = this.firstMissing(0);
    this.active = this.commandRow ? 0 : missing ?? this.rows.length - 1;
    this.cursor = this.textLength();
  }

  /** The rows for the current command (the last valid one while the command row is being edited). */
  layout(): void {
    const command = isCommand(this.command) ? this.command : OPERATION;
    const rows: Row[] = this.commandRow ? [{ kind: 'command' }] : [];
    for (const field of fieldsFor(command)) rows.push({ kind: 'field', field });
    rows.push({ kind: 'others' }, { kind: 'run' });
    this.rows = rows;
  }

  get row(): Row {
    return this.rows[this.active] as Row;
  }

  choicesOf(row: Row): readonly string[] {
    if (row.kind === 'command') return COMMANDS;
    if (row.kind !== 'field') return [];
    if (row.field.flag === '--profile') return this.ctx.profiles;
    if (row.field.flag === '--region') return this.ctx.regions ?? [];
    if (row.field.type === 'file') return this.ctx.files?.(this.text(row)) ?? [];
    return row.field.choices;
  }

  text(row: Row = this.row): string {
    if (row.kind === 'command') return this.command;
    if (row.kind === 'field') return this.values.get(row.field.flag) ?? '';
    if (row.kind === 'others') return this.others;
    return '';
  }

  setText(text: string): void {
    const row = this.row;
    if (row.kind === 'command') this.command = text;
    else if (row.kind === 'field') this.values.set(row.field.flag, text);
    else if (row.kind === 'others') this.others = text;
  }

  /** The other arguments as words, or undefined while a quote is left open. */
  otherWords(): string[] | undefined {
    return shellSplit(this.others);
  }

  /** Whether the other arguments feed the parameters from a file or skeleton instead. */
  private get relaxed(): boolean {
    const words = this.otherWords();
    return words !== undefined && hasInputSource(parseLine([OPERATION, ...words]));
  }

  textLength(): number {
    return Array.from(this.text()).length;
  }

  /** The command line to run (undefined while the other arguments cannot be split). */
  argv(): string[] | undefined {
    const others = this.otherWords();
    return others === undefined ? undefined : buildArgv(this.command, this.values, others);
  }

  /** The command line as text, also while the other arguments are half typed. */
  lineText(): string {
    const argv = this.argv();
    if (argv !== undefined) return shellJoin(argv);
    const fields = shellJoin(buildArgv(this.command, this.values, []));
    return `${fields} ${this.others.trim()}`;
  }

  isMissing(row: Row): boolean {
    return row.kind === 'field' && row.field.required && !this.relaxed && this.text(row) === '';
  }

  /** The first empty required field from `start` on, wrapping around. */
  firstMissing(start: number): number | undefined {
    for (let k = 0; k < this.rows.length; k++) {
      const i = (start + k) % this.rows.length;
      if (this.isMissing(this.rows[i] as Row)) return i;
    }
    return undefined;
  }

  moveTo(index: number): void {
    this.active = Math.max(0, Math.min(this.rows.length - 1, index));
    this.cursor = this.textLength();
  }
}

type Outcome = { readonly argv: string[] } | { readonly cancelled: true };

/** Applies one key to the form; an outcome ends the prompt. */
function handleKey(form: Form, key: Key): Outcome | undefined {
  if (key.name !== 'tab' && key.name !== 'shift-tab' && key.name !== 'escape') form.cycle = undefined;
  if (key.name !== 'redraw') form.hint = undefined;
  const row = form.row;
  const chars = Array.from(form.text());
  const edit = (next: string[], cursor: number): void => {
    form.setText(next.join(''));
    form.cursor = cursor;
  };
  switch (key.name) {
    case 'cancel':
    case 'eof':
      return { cancelled: true };
    case 'enter':
      return enter(form);
    case 'up':
      form.moveTo(form.active - 1);
      return undefined;
    case 'down':
      form.moveTo(form.active + 1);
      return undefined;
    case 'tab':
    case 'shift-tab':
      complete(form, key.name === 'tab' ? 1 : -1);
      return undefined;
    case 'escape':
      if (form.cycle) {
        form.setText(form.cycle.typed);
        form.cursor = form.textLength();
        form.cycle = undefined;
      }
      return undefined;
    case 'redraw':
    case 'ignored':
      return undefined;
    default:
      break;
  }
  if (row.kind === 'run') {
    if (key.name === 'char') form.hint = 'Press Enter to run the command, or Up to change it.';
    return undefined;
  }
  if (row.kind === 'field' && row.field.kind === 'flag') {
    if (key.name === 'char' && (key.ch === ' ' || key.ch === 'y' || key.ch === 'n')) {
      const on = key.ch === ' ' ? form.text() === '' : key.ch === 'y';
      form.setText(on ? 'yes' : '');
      form.cursor = form.textLength();
    } else if (key.name === 'backspace' || key.name === 'delete' || key.name.startsWith('kill')) {
      form.setText('');
      form.cursor = 0;
    }
    return undefined;
  }
  const c = form.cursor;
  switch (key.name) {
    case 'char':
      edit([...chars.slice(0, c), key.ch as string, ...chars.slice(c)], c + 1);
      break;
    case 'backspace':
      if (c > 0) edit([...chars.slice(0, c - 1), ...chars.slice(c)], c - 1);
      break;
    case 'delete':
      if (c < chars.length) edit([...chars.slice(0, c), ...chars.slice(c + 1)], c);
      break;
    case 'left':
      form.cursor = Math.max(0, c - 1);
      break;
    case 'right':
      form.cursor = Math.min(chars.length, c + 1);
      break;
    case 'home':
      form.cursor = 0;
      break;
    case 'end':
      form.cursor = chars.length;
      break;
    case 'word-left':
      form.cursor = wordStart(chars, c);
      break;
    case 'word-right': {
      let k = c;
      while (k < chars.length && !isWordChar(chars[k] as string)) k++;
      while (k < chars.length && isWordChar(chars[k] as string)) k++;
      form.cursor = k;
      break;
    }
    case 'kill-start':
      edit(chars.slice(c), 0);
      break;
    case 'kill-end':
      edit(chars.slice(0, c), c);
      break;
    case 'kill-word': {
      const start = wordStart(chars, c);
      edit([...chars.slice(0, start), ...chars.slice(c)], start);
      break;
    }
    default:
      break;
  }
  if (row.kind === 'command' && isCommand(form.command)) form.layout();
  return undefined;
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}_]/u.test(ch);
}

function wordStart(chars: readonly string[], from: number): number {
  let k = from;
  while (k > 0 && !isWordChar(chars[k - 1] as string)) k--;
  while (k > 0 && isWordChar(chars[k - 1] as string)) k--;
  return k;
}

function enter(form: Form): Outcome | undefined {
  const row = form.row;
  if (row.kind === 'command' && !isCommand(form.command)) {
    form.hint = `Choose a command: ${COMMANDS.join(', ')} (Tab cycles through them).`;
    return undefined;
  }
  if (row.kind === 'others' && form.otherWords() === undefined) {
    form.hint = UNCLOSED;
    return undefined;
  }
  if (row.kind !== 'run') {
    const next = form.firstMissing(form.active + 1) ?? form.rows.length - 1;
    if (next === form.active && row.kind === 'field') form.hint = `${row.field.flag} is required.`;
    form.moveTo(next);
    return undefined;
  }
  if (form.commandRow && !isCommand(form.command)) {
    form.moveTo(0);
    form.hint = `Choose a command: ${COMMANDS.join(', ')}.`;
    return undefined;
  }
  const missing = form.firstMissing(0);
  if (missing !== undefined) {
    const field = form.rows[missing] as Extract<Row, { kind: 'field' }>;
    form.moveTo(missing);
    form.hint = `${field.field.flag} is required.`;
    return undefined;
  }
  const argv = form.argv();
  if (argv === undefined) {
    form.moveTo(form.rows.findIndex((r) => r.kind === 'others'));
    form.hint = UNCLOSED;
    return undefined;
  }
  return { argv };
}

const UNCLOSED = 'A quote is left open in the other arguments.';

/** Tab: the next choice that starts with what was typed (case ignored), cycling. */
function complete(form: Form, step: 1 | -1): void {
  const row = form.row;
  if (row.kind === 'field' && row.field.kind === 'flag') {
    form.setText(form.text() === '' ? 'yes' : '');
    form.cursor = form.textLength();
    return;
  }
  const choices = form.choicesOf(row);
  if (choices.length === 0) {
    if (row.kind === 'others') form.hint = 'Type them as on a command line; quotes work as in the shell.';
    if (row.kind === 'field') {
      form.hint = row.field.flag === '--profile'
        ? 'No profiles found in the config files; type a name.'
        : row.field.type === 'file' ? `No file or directory name starts with "${form.text()}".`
          : `${row.field.flag} has no list of choices; type the value.`;
    }
    return;
  }
  let cycle = form.cycle;
  if (cycle === undefined) {
    const typed = form.text();
    const candidates = choices.filter((c) => c.toLowerCase().startsWith(typed.toLowerCase()));
    if (candidates.length === 0) {
      form.hint = `No choice starts with "${typed}".`;
      return;
    }
    const exact = candidates.indexOf(typed);
    const index = exact >= 0
      ? (exact + step + candidates.length) % candidates.length
      : step === 1 ? 0 : candidates.length - 1;
    cycle = { typed, candidates, index };
  } else {
    cycle = { ...cycle, index: (cycle.index + step + cycle.candidates.length) % cycle.candidates.length };
  }
  form.cycle = cycle;
  form.setText(cycle.candidates[cycle.index] as string);
  form.cursor = form.textLength();
  if (row.kind === 'command') form.layout();
}

/**
 * `text` in lines of `width` cells, broken after a space where possible, at most `max` lines
 * (the last one cut with an ellipsis).
 */
function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest !== '' && lines.length < max) {
    if (lines.length === max - 1 || textWidth(rest) <= width) {
      lines.push(truncate(rest, width));
      break;
    }
    let line = takeWidth(rest, width);
    const space = line.lastIndexOf(' ');
    if (space > 0) line = line.slice(0, space + 1);
    if (line === '') break;
    lines.push(line.trimEnd());
    rest = rest.slice(line.length);
  }
  return lines;
}

interface Frame {
  readonly lines: string[];
  readonly row: number;
  readonly col: number;
}

/** The form as lines of at most `width` cells, and where the cursor goes. */
function render(form: Form, ctx: PromptContext, columns: number, height: number | undefined): Frame {
  const style = ctx.color === false ? PLAIN : STYLED;
  const width = Math.max(20, columns) - 1;
  const prog = ctx.prog ?? PROG;
  const labels = form.rows.map((r) => r.kind === 'command' ? 'command'
    : r.kind === 'field' ? `${r.field.flag}${r.field.required ? ' (required)' : ''}`
      : r.kind === 'others' ? OTHERS_LABEL : RUN_LABEL);
  const labelWidth = Math.max(...labels.map((l, i) => (form.rows[i] as Row).kind === 'run' ? 0 : textWidth(l)));
  const typeOf = (r: Row): string => r.kind === 'field' ? `[${r.field.type}]`
    : r.kind === 'command' ? '[choice]' : r.kind === 'others' ? '[words]' : '';
  const typeWidth = Math.max(...form.rows.map((r) => typeOf(r).length));
  // Where values start: marker, label, a space, the type column, two spaces.
  let wide = 2 + labelWidth + 2 + typeWidth + 2;
  const compact = wide + 12 > width;
  if (compact) wide = 2 + labelWidth + 1;

  let cursorRow = 0;
  let cursorCol = 0;
  const rowLines = form.rows.map((r, i) => {
    const active = i === form.active;
    const marker: Piece = [active ? '> ' : '  ', style.marker];
    if (r.kind === 'run') return fit([marker, [RUN_LABEL, active ? style.bold : undefined]], width);
    const label = (labels[i] as string).padEnd(labelWidth + 1);
    const head: Piece[] = [marker, [label, active ? style.bold : undefined]];
    if (!compact) head.push([` ${typeOf(r).padEnd(typeWidth)}  `, style.dim]);
    const room = Math.max(1, width - wide);
    const text = form.text(r);
    if (!active) return fit([...head, [truncate(text, room)]], width);
    // The active value scrolls sideways to keep the cursor visible.
    const chars = Array.from(text);
    let start = 0;
    const before = (): number => textWidth(chars.slice(start, form.cursor).join('')) + (start > 0 ? 1 : 0);
    while (start < form.cursor && before() > room - 1) start++;
    const shown = (start > 0 ? '…' : '') + takeWidth(chars.slice(start).join(''), room - (start > 0 ? 1 : 0));
    cursorCol = wide + before();
    return fit([...head, [shown]], width);
  });
  const activeRow = form.row;

  const doc = activeRow.kind === 'field' ? activeRow.field.doc
    : activeRow.kind === 'command' ? 'The command to run.'
      : activeRow.kind === 'others' ? OTHERS_DOC : 'Press Enter to run this command:';
  const info: string[] = [fit([['  ' + doc, style.dim]], width)];
  const choices = form.choicesOf(activeRow);
  if (choices.length > 0) {
    const typed = form.cycle?.typed ?? form.text();
    const pieces: Piece[] = [['  choices:', style.dim]];
    for (const c of choices) {
      const selected = c === form.text();
      const matches = c.toLowerCase().startsWith(typed.toLowerCase());
      pieces.push([' ']);
      // Without colour the selected choice needs another mark than reverse video.
      pieces.push([selected && ctx.color === false ? `[${c}]` : c, selected ? style.inverse : matches ? undefined : style.dim]);
    }
    info.push(fit(pieces, width));
  }
  const preview = wrap(`$ ${prog} ${form.lineText()}`, width - 2, 3).map((l) => `  ${l}`);
  const hint = form.hint === undefined ? undefined : fit([[`  ${form.hint}`, style.warn]], width);
  const title = fit([[`${prog} auto-prompt: `, style.bold], [ctx.mode === 'on-partial'
    ? 'the command is incomplete or invalid; complete it, then run it.'
    : 'fill in the options, then run the command.', style.dim]], width);
  const help = fit([[`  ${HELP_BAR}`, style.dim]], width);

  // Less useful lines go first when the terminal is too short to hold the whole form.
  const optional = { title: true, help: true, preview: true, info: true };
  const count = (): number => rowLines.length + (hint ? 1 : 0) + (optional.title ? 1 : 0) + (optional.help ? 1 : 0)
    + (optional.preview ? preview.length : 0) + (optional.info ? info.length : 0);
  if (height !== undefined && height > 0) {
    for (const k of ['help', 'title', 'info', 'preview'] as const) if (count() > height - 1) optional[k] = false;
  }
  const lines: string[] = [];
  if (optional.title) lines.push(title);
  cursorRow = lines.length + form.active;
  lines.push(...rowLines);
  if (optional.info) lines.push(...info);
  if (optional.preview) lines.push(...preview);
  if (hint) lines.push(hint);
  if (optional.help) lines.push(help);
  if (activeRow.kind === 'run') cursorCol = 2;
  return { lines, row: cursorRow, col: cursorCol };
}

/**
 * Opens the prompt on a terminal, pre-filled from `argv` (the command line without the program
 * name), and resolves with the command line to run once the user accepts it, or 'cancelled'
 * after Ctrl-C / Ctrl-D. On acceptance `> cogsignout <command line>` is written to stdout, on
 * cancellation `> cogsignout <line so far>` to stderr (the caller then exits 130). The caller
 * checks canPrompt first; `--cli-auto-prompt` is left out of the returned line.
 */
export function promptForCommand(io: PromptIo, argv: readonly string[], context: PromptContext): Promise<string[] | 'cancelled'> {
  const form = new Form(argv, context);
  const screen = new Screen(io.stdout);
  const prog = context.prog ?? PROG;
  const decoder = new StringDecoder('utf8');
  const stdin = io.stdin;
  const wasRaw = stdin.isRaw === true;
  let pending = '';

  return new Promise<string[] | 'cancelled'>((resolve) => {
    let finished = false;
    const draw = (): void => {
      const frame = render(form, context, io.stdout.columns || 80, io.stdout.rows);
      screen.draw(frame.lines, frame.row, frame.col);
    };
    const finish = (outcome: Outcome): void => {
      finished = true;
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.setRawMode?.(wasRaw);
      stdin.pause();
      screen.erase();
      if ('cancelled' in outcome) {
        io.stderr.write(`> ${prog} ${form.lineText()}\n`);
        resolve('cancelled');
      } else {
        io.stdout.write(`> ${prog} ${shellJoin(outcome.argv)}\n`);
        resolve(outcome.argv);
      }
    };
    const onData = (chunk: Buffer | string): void => {
      if (finished) return;
      const { keys, rest } = decodeKeys(pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk)));
      pending = rest;
      for (const key of keys) {
        const outcome = handleKey(form, key);
        if (outcome) {
          finish(outcome);
          return;
        }
      }
      draw();
    };
    const onEnd = (): void => {
      if (!finished) finish({ cancelled: true });
    };
    stdin.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
    draw();
  });
}
