// Reading an action's JSON parameters the way TencentCloud API 3.0 checks them: a parameter the action does not
// have is UnknownParameter, an absent required one MissingParameter, one of the wrong JSON type
// InvalidParameter, and a well-typed value out of range InvalidParameterValue. Messages name the parameter
// path (ApprovalItems.0.AppId), as the real API does.
import { fail } from '../api-failure.js';
import type { EmulatorState, PlatformState } from '../state.js';

export class Params {
  constructor(private readonly values: Record<string, unknown>, private readonly prefix = '') {}

  /** Refuses any parameter not in `allowed`. Call first: the real API rejects unknown names before values. */
  only(allowed: readonly string[]): this {
    for (const key of Object.keys(this.values)) {
      if (!allowed.includes(key)) fail('UnknownParameter', `The parameter \`${this.name(key)}\` is not recognized by this action.`);
    }
    return this;
  }

  private name(key: string): string {
    return `${this.prefix}${key}`;
  }

  private present(key: string): boolean {
    return this.values[key] !== undefined && this.values[key] !== null;
  }

  private missing(key: string): never {
    return fail('MissingParameter', `The request is missing a required parameter \`${this.name(key)}\`.`);
  }

  private wrongType(key: string, type: string): never {
    return fail('InvalidParameter', `The parameter \`${this.name(key)}\` must be ${type} (got ${describe(this.values[key])}).`);
  }

  string(key: string): string {
    if (!this.present(key)) this.missing(key);
    return this.optionalString(key)!;
  }

  optionalString(key: string): string | undefined {
    if (!this.present(key)) return undefined;
    const v = this.values[key];
    return typeof v === 'string' ? v : this.wrongType(key, 'a string');
  }

  integer(key: string, range: { min: number; max: number }): number {
    if (!this.present(key)) this.missing(key);
    const v = this.values[key];
    if (typeof v !== 'number' || !Number.isInteger(v)) this.wrongType(key, 'an integer');
    const n = v;
    if (n < range.min || n > range.max) {
      fail('InvalidParameterValue', `The value of \`${this.name(key)}\` must be between ${range.min} and ${range.max} (got ${n}).`);
    }
    return n;
  }

  optionalIntegers(key: string, allowed: readonly number[]): number[] | undefined {
    if (!this.present(key)) return undefined;
    const v = this.values[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x))) this.wrongType(key, 'an array of integers');
    for (const [i, x] of (v as number[]).entries()) {
      if (!allowed.includes(x)) fail('InvalidParameterValue', `The value of \`${this.name(`${key}.${i}`)}\` must be one of ${allowed.join(', ')} (got ${x}).`);
    }
    return v as number[];
  }

  /** An array of objects, each read by its own Params (prefixed `key.i.`). */
  objects(key: string): Params[] {
    if (!this.present(key)) this.missing(key);
    const v = this.values[key];
    if (!Array.isArray(v)) this.wrongType(key, 'an array');
    return (v as unknown[]).map((item, i) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        return fail('InvalidParameter', `The parameter \`${this.name(`${key}.${i}`)}\` must be an object (got ${describe(item)}).`);
      }
      return new Params(item as Record<string, unknown>, `${this.name(key)}.${i}.`);
    });
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `the string ${JSON.stringify(v.slice(0, 40))}` : `${typeof v} ${JSON.stringify(v)?.slice(0, 40) ?? ''}`.trim();
}

/** The platform the request names, or InvalidPlatformId. Reads stop here: an expired plan still shows its data. */
export function knownPlatform(state: EmulatorState, platformId: string): PlatformState {
  const platform = state.platform(platformId);
  if (!platform) return fail('InvalidParameterValue.InvalidPlatformId', `The platform ID \`${platformId}\` is invalid: no such platform under this account.`);
  return platform;
}

/**
 * The platform the request names, open for business: InvalidPlatformId, or PackageAlreadyExpired past its plan.
 * The API page lists PackageAlreadyExpired among ProcessMNPApproval's errors; nothing documents it for reads.
 */
export function openPlatform(state: EmulatorState, platformId: string, now: Date): PlatformState {
  const platform = knownPlatform(state, platformId);
  if (platform.info.planExpiresAt.getTime() <= now.getTime()) {
    return fail('FailedOperation.PackageAlreadyExpired', `The TCMPP plan of platform ${platformId} expired on ${platform.info.planExpiresAt.toISOString()}.`);
  }
  return platform;
}

/** 0 in a status filter means "any status", as in the API page's own example request (ApprovalStatusList [0]). */
export function statusFilter(list: number[] | undefined): ((status: number) => boolean) {
  if (!list || list.length === 0 || list.includes(0)) return () => true;
  return (status) => list.includes(status);
}

export function contains(haystack: string | undefined | null, needle: string): boolean {
  return (haystack ?? '').toLowerCase().includes(needle.toLowerCase());
}
