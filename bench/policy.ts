// What the per-recipient policy costs the relay. (1) The decision alone: decide() plus the
// transport-security merge for a recipient that falls through all 20 rules. (2) bench/relay
// end to end with the embedded policy and with a 20-rule policy file, side by side.
//   node bench/policy.ts [--messages 3000] [--sessions 20] [--skip-relay]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decide } from '../gateway/policy/decide.ts';
import { loadPolicyFile } from '../gateway/policy/load.ts';
import { transportSecurity } from '../gateway/deliver/transport-security.ts';
import { parseArgs } from './support.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const policyFile = path.join(here, 'fixtures/policy-20-rules.yaml');
const opts = parseArgs(process.argv.slice(2), { messages: 3000, sessions: 20, skipRelay: false }, 'node bench/policy.ts [--messages N] [--sessions N] [--skip-relay]');

const { policy } = loadPolicyFile(policyFile);
const ctx = { sender: 'sender@clinic.test', recipient: 'recipient@example.org', phi: { containsPhi: false, types: [], score: 0 }, escalated: false, autoForwarded: false };
const N = 200_000;
for (let i = 0; i < 20_000; i++) decide(policy, ctx); // warm up
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const d = decide(policy, ctx);
  transportSecurity({ decision: d, domain: 'example.org', requireTls: false, mtaStsEnforce: false, tlsPinnedSince: null });
}
const us = ((performance.now() - t0) * 1000) / N;
console.log(`decision with ${policy.rules.length} rules (all fall through): ${us.toFixed(2)} µs per recipient, ${(1e6 / us).toFixed(0)} decisions/s on one core`);

if (!opts.skipRelay) {
  const run = (env: NodeJS.ProcessEnv) => {
    const out = execFileSync(process.execPath, [path.join(here, 'relay.ts'), '--only', 'phigate', '--messages', String(opts.messages), '--sessions', String(opts.sessions)], { env: { ...process.env, ...env }, encoding: 'utf8' });
    const line = out.trim().split('\n').find((l) => l.startsWith('phigate'))!;
    return Number(line.trim().split(/\s+/)[7]);
  };
  const base = run({ PHIGATE_CONFIG: '' });
  const withRules = run({ PHIGATE_CONFIG: policyFile });
  console.log(`relay, embedded policy: ${base.toFixed(1)} msg/s; with ${policy.rules.length}-rule policy: ${withRules.toFixed(1)} msg/s; cost ${(((base - withRules) / base) * 100).toFixed(1)} % (target ≤ 5 %)`);
}
