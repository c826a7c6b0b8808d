// `npm run bench`: microseconds per policy evaluation, for the default policy and a generated 200-rule policy,
// beside hand-written TypeScript that decides the same cases, plus the cost of validating each policy.
// `npm run bench -- --quick` runs a tenth of the operations (a smoke run, not figures to publish).
import { cpus, loadavg, totalmem } from 'node:os';
import { evaluate } from '../rules/evaluate.js';
import { validatePolicy } from '../rules/validate.js';
import { benchCases, benchSubjects, compareDeciders, evaluateOptions } from './bench-cases.js';
import { formatMeasurements, measure, type Measurement } from './measure.js';

const quick = process.argv.includes('--quick');
const scale = quick ? 0.1 : 1;
const n = (ops: number) => Math.max(10, Math.round(ops * scale));

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(`release-gate policy benchmark: ${new Date().toISOString()}, Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${loadavg()[0]!.toFixed(1)}${quick ? ', --quick' : ''}`);
  const cases = benchCases();
  const rows: Measurement[] = [];
  const ratios: string[] = [];

  for (const subject of benchSubjects()) {
    const { usable, failSafe, disagreements } = await compareDeciders(subject, cases);
    if (disagreements.length > 0) {
      for (const d of disagreements) console.error(`${subject.label}, ${d.file}: engine ${JSON.stringify(d.engine)} but by hand ${JSON.stringify(d.byHand)}`);
      throw new Error(`the hand-written twin of the ${subject.label} disagrees with evaluate() on ${disagreements.length} case(s): fix it before measuring`);
    }
    if (usable.length === 0) throw new Error('no usable cases in rules/cases/');
    console.log(`${subject.label}: ${usable.length} cases agree between evaluate() and the hand-written function${failSafe.length ? ` (${failSafe.length} fail-safe cases left out: ${failSafe.join(', ')})` : ''}`);

    const facts = usable.map((c) => c.facts);
    const options = evaluateOptions(subject.hash);
    const big = subject.label.startsWith('generated');
    const engine = await measure(`evaluate: ${subject.label}`, (i) => evaluate(subject.document, facts[i % facts.length], options), { ops: n(big ? 1_000 : 5_000), warmup: n(big ? 100 : 500) });
    const byHand = await measure(`hand-written: ${subject.label}`, (i) => subject.byHand(facts[i % facts.length]!), { ops: n(big ? 200_000 : 2_000_000), warmup: n(big ? 20_000 : 200_000), batch: 1_000 });
    const validate = await measure(`validatePolicy: ${subject.label}`, () => validatePolicy(subject.document), { ops: n(big ? 500 : 5_000), warmup: n(big ? 50 : 500) });
    rows.push(engine, byHand, validate);
    ratios.push(`${subject.label}: evaluate() / hand-written = ${(engine.meanUs / byHand.meanUs).toFixed(0)}x by mean (${engine.meanUs.toFixed(1)} µs vs ${byHand.meanUs.toFixed(3)} µs), ${(engine.p50Us / byHand.p50Us).toFixed(0)}x by p50 (${engine.p50Us.toFixed(1)} µs vs ${byHand.p50Us.toFixed(3)} µs)`);
  }

  console.log('');
  console.log(formatMeasurements(rows));
  console.log('');
  for (const r of ratios) console.log(r);
  console.log('(hand-written rows are timed in batches of 1000 calls, so their p50/p99 are of batch means; heap Δ is what stays allocated after a forced GC)');
}

await main();
