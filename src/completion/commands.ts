// The command tree that completion describes, read from the option registry in program.ts so a
// new option is completable without touching the scripts.
import type { Option } from 'commander';
import {
  BINARY_FORMATS, COLOR_CHOICES, COMMAND_DECLS, ERROR_FORMATS, OUTPUT_FORMATS, SKELETON_CHOICES, VALUE_TYPES,
  buildProgram, commandNode, globalOptions,
} from '../cli/program.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletedOption {
  readonly flag: string;
  /** The first sentence of the option's description, for shells that show one. */
  readonly summary: string;
  readonly value: 'none' | 'required' | 'optional';
  /** What a value can be: fixed choices, a profile name, a region, a file, or anything. */
  readonly values: { readonly kind: 'choices'; readonly choices: readonly string[] } | { readonly kind: 'profile' | 'region' | 'file' | 'any' };
}

export interface CompletedCommand {
  readonly name: string;
  readonly summary: string;
  readonly options: readonly CompletedOption[];
  /** Words accepted after the command (its `help`, a shell name). */
  readonly words: readonly string[];
}

/** Choices commander does not know because the parser checks them elsewhere. */
const EXTRA_CHOICES: Readonly<Record<string, readonly string[]>> = {
  '--output': OUTPUT_FORMATS,
  '--color': COLOR_CHOICES,
  '--cli-error-format': ERROR_FORMATS,
  '--cli-binary-format': BINARY_FORMATS,
  '--generate-cli-skeleton': SKELETON_CHOICES,
};

/** Up to the first full stop that ends a sentence (not the one in "e.g."). */
function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s+[A-Z]|$)/.exec(text);
  return (m ? m[0] : text).trim();
}

function describe(o: Option): CompletedOption {
  const flag = o.long as string;
  const value = o.required ? 'required' : o.optional ? 'optional' : 'none';
  const choices = o.argChoices ?? EXTRA_CHOICES[flag];
  let values: CompletedOption['values'] = { kind: 'any' };
  if (choices) values = { kind: 'choices', choices };
  else if (flag === '--profile') values = { kind: 'profile' };
  else if (flag === '--region') values = { kind: 'region' };
  // file:// values of other options are left to the shell.
  else if (VALUE_TYPES[flag] === 'file') values = { kind: 'file' };
  return { flag, summary: firstSentence(o.description), value, values };
}

export function globalCompletions(): CompletedOption[] {
  return globalOptions().map(describe);
}

export function commandCompletions(): CompletedCommand[] {
  const program = buildProgram();
  return [
    ...COMMAND_DECLS.map((d) => ({ name: d.name, summary: d.summary, options: commandNode(program, d.name).options.map(describe), words: ['help'] })),
    { name: 'help', summary: 'Show the manual page.', options: [], words: COMMAND_DECLS.map((d) => d.name) },
    { name: 'completion', summary: 'Print a shell completion script.', options: [], words: [...SHELLS] },
  ];
}
