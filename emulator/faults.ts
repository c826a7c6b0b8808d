// Fault injection: what the emulator does to a call before (or instead of) answering it. Set by the fixture's
// `Faults`, by `--faults FILE`, or by PUT /_emulator/faults. Each rule names an action ("*" for every action);
// `count` limits a rule to the next N matching calls (absent: every call until the faults are cleared).
import { z } from 'zod';

const action = z.string().min(1).default('*');
const count = z.number().int().min(1).optional();

export const faultSettingsSchema = z.object({
  /** Seed of the error-rate dice, for reproducible runs; absent: a random seed. */
  seed: z.number().int().optional(),
  /** Answer `code` instead of running the action, with probability `rate` (0..1); the action is not applied. */
  errors: z.array(z.object({
    action,
    code: z.string().min(1),
    rate: z.number().min(0).max(1),
    message: z.string().optional(),
    count,
  }).strict()).default([]),
  /** Wait `ms` before running the action. A client that gives up meanwhile still has its request applied. */
  latency: z.array(z.object({ action, ms: z.number().int().min(0).max(600_000) }).strict()).default([]),
  /** Run the action (a ProcessMNPApproval is applied), then never answer: hold the connection open until the
   * client gives up ("hang") or close it at once ("reset"). The ambiguous failure. */
  appliedThenUnanswered: z.array(z.object({ action, count, mode: z.enum(['hang', 'reset']).default('hang') }).strict()).default([]),
  /** Neither run nor answer: the connection stays open until the client gives up. */
  hang: z.array(z.object({ action, count }).strict()).default([]),
}).strict();

export type FaultSettingsInput = z.input<typeof faultSettingsSchema>;
export type FaultSettings = z.output<typeof faultSettingsSchema>;

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'hang' }
  | { kind: 'unanswered'; mode: 'hang' | 'reset' };

export class FaultInjector {
  private settings: FaultSettings = faultSettingsSchema.parse({});
  private random: () => number = Math.random;

  constructor(initial?: FaultSettingsInput) {
    if (initial) this.set(initial);
  }

  /** Replaces every rule. Throws a ZodError that names the bad field. */
  set(input: FaultSettingsInput): FaultSettings {
    this.settings = faultSettingsSchema.parse(input);
    this.random = mulberry32(this.settings.seed ?? Math.floor(Math.random() * 2 ** 32));
    return this.current();
  }

  clear(): void {
    this.set({});
  }

  /** The rules in force, with the calls each counted rule has left. */
  current(): FaultSettings {
    return structuredClone(this.settings);
  }

  latencyMs(actionName: string): number {
    return this.settings.latency.filter((r) => matches(r.action, actionName)).reduce((sum, r) => sum + r.ms, 0);
  }

  /** Decides one call's fate; counted rules that fire are used up. */
  decide(actionName: string): FaultDecision {
    const hang = this.take(this.settings.hang, actionName);
    if (hang) return { kind: 'hang' };
    const unanswered = this.take(this.settings.appliedThenUnanswered, actionName);
    if (unanswered) return { kind: 'unanswered', mode: unanswered.mode };
    for (const rule of this.settings.errors) {
      if (!matches(rule.action, actionName) || rule.count === 0) continue;
      if (this.random() >= rule.rate) continue;
      if (rule.count !== undefined) rule.count--;
      return { kind: 'error', code: rule.code, message: rule.message ?? `injected fault: ${rule.code}` };
    }
    return { kind: 'none' };
  }

  private take<R extends { action: string; count?: number | undefined }>(rules: R[], actionName: string): R | undefined {
    const rule = rules.find((r) => matches(r.action, actionName) && r.count !== 0);
    if (rule && rule.count !== undefined) rule.count--;
    return rule;
  }
}

function matches(ruleAction: string, actionName: string): boolean {
  return ruleAction === '*' || ruleAction === actionName;
}

// A small seeded generator: Math.random cannot be seeded, and a flaky fault test is worse than none.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
