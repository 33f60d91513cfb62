/** A command line the CLI cannot run: the message is printed with the usage text (exit 2). */
export class CliUsageError extends Error {}

/** A command that ran and failed (e.g. a refused import): the message is printed alone (exit 1). */
export class CliCommandError extends Error {}

export type Options = Record<string, string>;

/** "--name value" pairs; a flag without a value is a usage error. */
export function parseOptions(argv: string[]): Options {
  const options: Options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined || value.startsWith('--')) throw new CliUsageError(`Expected "--option value" at "${flag}"`);
    options[flag.slice(2)] = value;
  }
  return options;
}
