// Relay throughput: Postfix's smtp-source → phigate → smtp-sink, and the same load through a
// stock Postfix relay on the same machine in the same run; prints messages/second end to end
// (first message offered → last message received by the sink) for both, and the ratio.
// phigate runs as operators run it (`node bin/phigate.js serve`) with its defaults: durable
// group commit before 250, encrypted spool, hash-chained audit trail.
//
//   node bench/relay.ts [--messages 3000] [--sessions 20] [--size 20480] [--backend pglite|postgres]
//                       [--only phigate|postfix] [--profile DIR]
import fs from 'node:fs';
import path from 'node:path';
import { runCli, startGateway, type GatewayProcess } from '../test/support/gateway-process.ts';
import { summariseFile } from './cpuprofile.ts';
import { metricSum, loadLine, onCleanup, parseArgs, runSmtpSource, startPostfixRelay, startSmtpSink, table, tempDir, runBench } from './support.ts';

const usage = `usage: node bench/relay.ts [--messages 3000] [--sessions 20] [--size 20480] [--backend pglite|postgres]
                          [--only phigate|postfix] [--profile DIR] [--verify-audit] [--preload FILE]
  --backend postgres   uses PHIGATE_BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres)
                       to create a throwaway database
  --profile DIR        runs the gateway with node --cpu-prof into DIR and prints where its time went
  --verify-audit       runs \`phigate audit verify\` on the gateway's trail afterwards
  --preload FILE       what-if experiments only: loads FILE into the gateway first
                       (NODE_OPTIONS=--import FILE), e.g. bench/experiments/fast-bytea.ts;
                       the figure is then not phigate's as shipped
`;

const opts = parseArgs(process.argv.slice(2), { messages: 3000, sessions: 20, size: 20480, backend: 'pglite', only: '', profile: '', verifyAudit: false, preload: '' }, usage);
if (!['pglite', 'postgres'].includes(opts.backend)) throw new Error(`--backend: pglite or postgres\n${usage}`);
if (opts.only && !['phigate', 'postfix'].includes(opts.only)) throw new Error(`--only: phigate or postfix\n${usage}`);

interface RunResult {
  name: string;
  seconds: number;
  intakeSeconds: number;
  /** CPU time (user + system) of the gateway process per message, for A/B runs on a noisy machine. */
  cpuMsPerMessage?: number;
  delivered: number;
  ok: boolean;
  notes: string[];
}

// Generous: a broken relay should fail the bench, not hang it.
const deadlineMs = Math.max(120_000, opts.messages * 200);

async function runPhigate(): Promise<RunResult> {
  const notes: string[] = [];
  const sink = await startSmtpSink();
  const dataDir = tempDir('bench-data');
  onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = {
    PHIGATE_DATA_DIR: dataDir,
    PHIGATE_TRANSPORT: `*=127.0.0.1:${sink.port}`,
    PHIGATE_LOG_LEVEL: 'warn',
    PHIGATE_HOSTNAME: 'gw.phigate.test',
  };
  if (opts.backend === 'postgres') {
    if (process.env.PHIGATE_BENCH_PG) process.env.PHIGATE_TEST_PG = process.env.PHIGATE_BENCH_PG;
    const { createTestDatabase } = await import('../test/support/postgres.ts');
    const db = await createTestDatabase();
    onCleanup(() => db.drop());
    env.DATABASE_URL = db.url;
  }
  let profileDir = '';
  if (opts.profile) {
    profileDir = path.resolve(opts.profile);
    fs.mkdirSync(profileDir, { recursive: true });
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
  }
  if (opts.preload) {
    const file = path.resolve(opts.preload);
    if (!fs.existsSync(file)) throw new Error(`--preload: ${file} does not exist`);
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? ''} --import=${file}`.trim();
    notes.push(`EXPERIMENT: gateway preloaded ${path.relative(process.cwd(), file)}; not phigate as shipped`);
  }
  const before = new Set(profileDir ? fs.readdirSync(profileDir) : []);
  const gw: GatewayProcess = await startGateway(env, { timeoutMs: 60_000 });
  onCleanup(async () => void (await gw.stop('SIGKILL')));

  const cpuBefore = processCpuMs(gw.child.pid!);
  const pgBefore = opts.backend === 'postgres' ? postgresServerCpuMs() : 0;
  const source = await runSmtpSource({ port: gw.smtpPort, messages: opts.messages, sessions: opts.sessions, size: opts.size });
  if (source.code !== 0) notes.push(`smtp-source exited ${source.code}: ${source.stderr.slice(-500)}`);
  let lastAt = NaN;
  try {
    lastAt = await sink.reached(opts.messages, deadlineMs);
  } catch (err) {
    notes.push((err as Error).message);
  }
  const cpuMsPerMessage = (processCpuMs(gw.child.pid!) - cpuBefore) / opts.messages;
  if (opts.backend === 'postgres') {
    notes.push(`PostgreSQL server processes on this machine: ${((postgresServerCpuMs() - pgBefore) / opts.messages).toFixed(2)} CPU ms/msg (all its processes, so run on a machine where nothing else uses it)`);
  }
  const delivered = await metricSum(gw.httpPort, 'phigate_messages_delivered_total');
  const queued = await metricSum(gw.httpPort, 'phigate_queue_depth');
  const deferred = await metricSum(gw.httpPort, 'phigate_messages_deferred_total');
  notes.push(`phigate /metrics: phigate_messages_delivered_total=${delivered} phigate_queue_depth=${queued} phigate_messages_deferred_total=${deferred}`);
  const code = await gw.stop('SIGTERM');
  if (code !== 0) notes.push(`gateway exited ${code} on SIGTERM: ${gw.output().slice(-800)}`);
  const warnings = gw.output().split('\n').filter((l) => /"level":(40|50|60)/.test(l));
  if (warnings.length) notes.push(`gateway logged ${warnings.length} warnings/errors, first: ${warnings[0].slice(0, 300)}`);
  await sink.stop();

  let auditOk = true;
  if (opts.verifyAudit) {
    // Without the profiler/preload flags: they are for the gateway process only.
    const v = await runCli(['audit', 'verify'], { ...gw.env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' });
    auditOk = v.code === 0;
    notes.push(`phigate audit verify: exit ${v.code} ${(v.stdout + v.stderr).trim().split('\n').slice(-1)[0]}`);
  }
  if (profileDir) {
    const files = fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
    for (const f of files) notes.push(`CPU profile ${path.join(profileDir, f)}\n${summariseFile(path.join(profileDir, f), 20)}`);
    if (files.length === 0) notes.push(`no .cpuprofile was written into ${profileDir}`);
  }
  const ok = source.code === 0 && Number.isFinite(lastAt) && delivered >= opts.messages && queued === 0 && code === 0 && auditOk;
  const name = `phigate (${opts.backend}${opts.preload ? `, +${path.basename(opts.preload, '.ts')}` : ''})`;
  return { name, seconds: (lastAt - source.startedAt) / 1000, intakeSeconds: (source.endedAt - source.startedAt) / 1000, cpuMsPerMessage, delivered, ok, notes };
}

/** utime + stime of a process from /proc/PID/stat, in milliseconds (clock ticks are 10 ms on Linux). */
function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time of every process named `postgres` (the server's backends and helpers). */
function postgresServerCpuMs(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'latin1').trim() === 'postgres') total += processCpuMs(Number(pid));
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

async function runPostfix(): Promise<RunResult> {
  const notes: string[] = [];
  const sink = await startSmtpSink();
  const relay = await startPostfixRelay({ relayPort: sink.port });
  const source = await runSmtpSource({ port: relay.port, messages: opts.messages, sessions: opts.sessions, size: opts.size });
  if (source.code !== 0) notes.push(`smtp-source exited ${source.code}: ${source.stderr.slice(-500)}`);
  let lastAt = NaN;
  try {
    lastAt = await sink.reached(opts.messages, deadlineMs);
  } catch (err) {
    notes.push((err as Error).message);
  }
  // qmgr logs status=sent right after the sink's 250; give the log a moment to catch up.
  for (let i = 0; i < 40 && relay.sentCount() < opts.messages; i++) await new Promise((r) => setTimeout(r, 100));
  const sent = relay.sentCount();
  notes.push(`postfix maillog: ${sent} × status=sent`);
  await relay.stop();
  await sink.stop();
  const ok = source.code === 0 && Number.isFinite(lastAt) && sent >= opts.messages;
  return { name: 'postfix (stock relay)', seconds: (lastAt - source.startedAt) / 1000, intakeSeconds: (source.endedAt - source.startedAt) / 1000, delivered: sent, ok, notes };
}

async function main(): Promise<number> {
  process.stdout.write(`relay bench: ${opts.messages} messages × ${opts.size} bytes over ${opts.sessions} sessions, smtp-source → relay → smtp-sink on 127.0.0.1\n`);
  const startLoad = loadLine();
  const results: RunResult[] = [];
  if (opts.only !== 'postfix') {
    process.stdout.write(`running phigate (${opts.backend}) …\n`);
    results.push(await runPhigate());
  }
  if (opts.only !== 'phigate') {
    process.stdout.write('running postfix …\n');
    results.push(await runPostfix());
  }
  process.stdout.write(`${loadLine()} (before: ${startLoad})\n`);
  for (const r of results) for (const n of r.notes) process.stdout.write(`[${r.name}] ${n}\n`);
  const rows = [['relay', 'messages', 'size', 'sessions', 'intake s', 'end-to-end s', 'msg/s', 'cpu ms/msg', 'delivered', 'ok']];
  for (const r of results) {
    rows.push([r.name, String(opts.messages), String(opts.size), String(opts.sessions), r.intakeSeconds.toFixed(2), r.seconds.toFixed(2), (opts.messages / r.seconds).toFixed(1), r.cpuMsPerMessage === undefined ? '-' : r.cpuMsPerMessage.toFixed(2), String(r.delivered), r.ok ? 'yes' : 'NO']);
  }
  process.stdout.write('\n' + table(rows));
  if (results.length === 2 && results.every((r) => r.ok)) {
    const ratio = results[1].seconds / results[0].seconds;
    process.stdout.write(`ratio phigate/postfix (msg/s): ${ratio.toFixed(2)}×  (target ≥ 1.0×)\n`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

await runBench('relay bench', main);
