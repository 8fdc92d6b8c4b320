// `phigate <command>`: thin wrappers over the gateway's modules.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';

const HELP = `usage: phigate <command> [options]

commands:
  serve                                   run the gateway (what npm start runs)
  migrate                                 apply database migrations
  audit verify                            check the audit trail's hash chain
  audit export --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json]
                                          export audit events (both days inclusive, UTC)
  phi scan [--json] [--show] FILE...      scan messages or text files for PHI ('-' for stdin)
  domain check DOMAIN [--json]            probe a recipient domain's MX, TLS and MTA-STS
  dkim show DOMAIN                        the DKIM TXT record to publish for DOMAIN
  policy explain --from A --to B [--phi] [--escalated]
                                          show which rule and method each recipient gets

Configuration comes from the environment (see README.md).`;

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP + '\n');
        return command === undefined ? 2 : 0;
      case 'serve': {
        const { runServe } = await import('./serve-command.ts');
        return await runServe(loadConfig());
      }
      case 'migrate': {
        const { runMigrate } = await import('./db-commands.ts');
        return await runMigrate(loadConfig(), io);
      }
      case 'audit': {
        const { runAuditVerify, runAuditExport } = await import('./audit-commands.ts');
        if (sub === 'verify') return await runAuditVerify(loadConfig(), io);
        if (sub === 'export') {
          const { values } = parseArgs({ args: rest, options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'csv' } } });
          return await runAuditExport(loadConfig(), values, io);
        }
        io.stderr(`phigate audit: expected "verify" or "export", got ${JSON.stringify(sub ?? '')}\n`);
        return 2;
      }
      case 'dkim': {
        if (sub !== 'show') {
          io.stderr(`phigate dkim: expected "show", got ${JSON.stringify(sub ?? '')}\n`);
          return 2;
        }
        const { runDkimShow } = await import('./dkim-command.ts');
        return await runDkimShow(loadConfig(), rest, io);
      }
      case 'domain': {
        if (sub !== 'check') {
          io.stderr(`phigate domain: expected "check", got ${JSON.stringify(sub ?? '')}\n`);
          return 2;
        }
        const { runDomainCheck } = await import('./domain-command.ts');
        return await runDomainCheck(rest, io);
      }
      case 'policy': {
        if (sub !== 'explain') {
          io.stderr(`phigate policy: expected "explain", got ${JSON.stringify(sub ?? '')}\n`);
          return 2;
        }
        const { values } = parseArgs({
          args: rest,
          options: { from: { type: 'string' }, to: { type: 'string', multiple: true }, phi: { type: 'boolean', default: false }, escalated: { type: 'boolean', default: false }, 'auto-forwarded': { type: 'boolean', default: false }, verbose: { type: 'boolean', short: 'v', default: false } },
        });
        if (!values.from || !values.to?.length) {
          io.stderr('phigate policy explain: --from ADDRESS and --to ADDRESS (repeatable or comma-separated) are required\n');
          return 2;
        }
        const { PolicyHolder } = await import('../policy/load.ts');
        const { explain } = await import('../policy/explain.ts');
        const holder = PolicyHolder.open(loadConfig().configFile);
        const to = values.to.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
        const lines = explain(holder.policy, { from: values.from, to, phi: values.phi, escalated: values.escalated, autoForwarded: values['auto-forwarded'], verbose: values.verbose });
        io.stdout(`policy ${holder.current.source} version ${holder.version.slice(0, 12)}\n${lines.join('\n')}\n`);
        return 0;
      }
      case 'phi': {
        if (sub !== 'scan') {
          io.stderr(`phigate phi: expected "scan", got ${JSON.stringify(sub ?? '')}\n`);
          return 2;
        }
        const { runPhiScan } = await import('../../phi/node/scan-cli.ts');
        return await runPhiScan(rest, io);
      }
      default:
        io.stderr(`phigate: unknown command ${JSON.stringify(command)}\n\n${HELP}\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ConfigError || (err as Error).name === 'PolicyFileError' || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (err as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      io.stderr(`phigate: ${(err as Error).message}\n`);
      return 2;
    }
    io.stderr(`phigate: ${(err as Error).message}\n`);
    return 1;
  }
}
