// Option and argument parsers of the approval commands. Commander names the option or argument in its message
// ("option '--limit <n>' argument 'x' is invalid. must be ..."), and every usage error exits 2, like the rest
// of the CLI's usage and configuration errors (cli/context.ts).
import { InvalidArgumentError, type Command } from 'commander';
import { parseIdentifier, parseLimit, parseOutcomeFilter, parseSince, parseStateFilter } from '../../reviews/list-filter.js';

function commanderParser<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
}

export const identifierArg = commanderParser(parseIdentifier);
export const sinceArg = commanderParser((text) => parseSince(text));
export const outcomeArg = commanderParser(parseOutcomeFilter);
export const stateArg = commanderParser(parseStateFilter);
export const limitArg = commanderParser(parseLimit);

export const reviewerArg = commanderParser((text) => {
  const name = text.trim();
  if (name === '' || name.length > 128) throw new Error('must be the name of who decides, 1 to 128 characters');
  return name;
});

export const portArg = commanderParser((text) => {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new Error(`must be a port number from 0 to 65535; got ${JSON.stringify(text)}`);
  return port;
});

/** Commander exits 1 on a parse error by default; the CLI's convention is 2 for bad usage. */
export function exitTwoOnUsageErrors(command: Command): Command {
  return command.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
}
