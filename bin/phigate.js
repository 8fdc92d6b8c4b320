#!/usr/bin/env -S MALLOC_ARENA_MAX=1 node --max-semi-space-size=8
// phigate runs its TypeScript sources directly (Node >= 22.18 strips types natively).
// The launch line sizes memory for a long-running gateway, and only works from here (V8 sizes
// its heap and glibc its malloc arenas before any script runs): a young generation of 8 MB
// instead of 16 MB per semi-space, and one malloc arena instead of eight per core (the main thread,
// the embedded database's thread and libuv's pool share it). Together about 75 MB less resident
// memory under load, at no measured cost in throughput (bench/README.md). `node bin/phigate.js` bypasses this line; `phigate`, `npx phigate` and
// `npm start` go through it.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  // An older system Node (these machines ship Node 20): hand over to the Node 22 that README.md
  // and .ci/run install under ~/.cache/node22 (or PHIGATE_NODE), passing signals through.
  const { existsSync } = await import('node:fs');
  const { spawn } = await import('node:child_process');
  const { homedir } = await import('node:os');
  const candidates = [process.env.PHIGATE_NODE, `${homedir()}/.cache/node22/bin/node`].filter(Boolean);
  const node = candidates.find((c) => existsSync(c));
  if (!node) {
    process.stderr.write(`phigate needs Node.js 22.18 or newer (this is ${process.version}); install it with: npm i -g --prefix "$HOME/.cache/node22" node@22 (see README.md)\n`);
    process.exit(2);
  }
  const child = spawn(node, [...process.execArgv, new URL(import.meta.url).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise(() => {}); // the child's exit ends this process
}
const { main } = await import('../gateway/cli/main.ts');
const code = await main(process.argv.slice(2));
// `serve` returns after its clean shutdown: exit now rather than wait on a library's stray
// timer. Other commands let stdout drain (an export may still be flowing into a pipe).
if (process.argv[2] === 'serve') process.exit(code);
process.exitCode = code;
