// Option and argument parsers the command groups share. Commander names the option or argument in its message
// ("option '--limit <n>' argument 'x' is invalid. must be ..."), and a usage error exits 2 (cli/main.ts), like
// the rest of the CLI's usage and configuration errors (cli/context.ts).
import { InvalidArgumentError } from 'commander';
import { parseIdentifier, parseLimit, parseOutcomeFilter, parseSince, parseStateFilter } from '../reviews/list-filter.js';

/** A parser that throws with a reason, as commander wants it: an InvalidArgumentError carrying that reason. */
export function commanderParser<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
}

export const identifierArg = commanderParser(parseIdentifier);
/** A date (2026-12-01, 2026-12-01T09:30:00Z) or a duration back from now (30m, 24h, 7d, 2w). */
export const whenArg = commanderParser((text) => parseSince(text));
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
