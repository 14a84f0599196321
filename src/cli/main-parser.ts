// The main parser (the AWS CLI's, with every global option) as a plain spec for argparse.ts:
// the program's node of the tree parses with these positionals, and the driver reads a line
// that may ask for `--version` with the whole spec before it loads commander and builds the
// tree. No commander here: that is the point.
import type { OptionSpec, ParserSpec, PositionalSpec } from './argparse.js';
import { GLOBAL_OPTIONS, SERVICE_WORD, type OptionDecl } from './vocabulary.js';

/**
 * The main parser's positional. The AWS CLI's main parser has a `command` positional that
 * `cognito-idp` fills; cogsignout's argv lacks that word, so the driver puts it back, and this
 * positional then swallows a `--` right after it exactly as the AWS CLI's does.
 */
export const MAIN_POSITIONALS: readonly PositionalSpec[] = [{ dest: 'command', nargs: 'one', choices: [SERVICE_WORD] }];

/**
 * The main parser as the program's node parses with it, made without the tree or commander's
 * Options: the driver reads a line that may ask for `--version` with it first, since
 * commander's set-up (its modules, the tree's nodes and options) is most of what a `--version`
 * costs past start-up (~1.5 ms on Node 22). Each option as argparse-command.ts's optionSpec
 * reads the Option program.ts's toOption makes of it (test/unit/command-tree.test.ts holds the
 * two equal).
 */
export function mainParserSpec(): ParserSpec {
  return { options: GLOBAL_OPTIONS.map(declSpec), positionals: MAIN_POSITIONALS };
}

function declSpec(d: OptionDecl): OptionSpec {
  const [flag, arg] = d.flags.split(' ') as [string, string | undefined];
  return {
    flag,
    dest: flag.slice(2),
    kind: flag === '--version' ? 'version' : arg?.startsWith('<') ? 'value' : arg?.startsWith('[') ? 'optional-value' : 'flag',
    choices: d.choices,
    constValue: d.preset,
    required: d.mandatory === true,
  };
}
