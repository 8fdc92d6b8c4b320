// `phigate dkim show DOMAIN`: the TXT record to publish so receivers can verify the DKIM
// signatures phigate adds for DOMAIN (the key is generated on first use).
import { z } from 'zod';
import type { Config } from '../config.ts';
import { PolicyHolder } from '../policy/load.ts';
import { DkimKeyring } from '../secure/dkim/keyring.ts';
import type { DkimDnsRecord } from '../secure/dkim/record.ts';
import { loadKeyRing } from '../spool/crypto.ts';
import { DbDkimKeyStore } from '../stores/dkim-key-store.ts';
import { adminFetch, runningGateway, withDatabase, type Io } from './gateway-client.ts';

const domainSchema = z.string().regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i);

export async function runDkimShow(config: Config, args: string[], io: Io): Promise<number> {
  const domain = args[0]?.toLowerCase();
  if (!domain || !domainSchema.safeParse(domain).success) {
    io.stderr(`phigate dkim show: expected a domain name, got ${JSON.stringify(args[0] ?? '')}\n`);
    return 2;
  }
  const running = runningGateway(config);
  let record: DkimDnsRecord;
  if (running) record = (await (await adminFetch(running, `/dkim/${domain}`)).json()) as DkimDnsRecord;
  else {
    const ring = loadKeyRing({ masterKey: config.masterKey, dataDir: config.dataDir });
    const selector = PolicyHolder.open(config.configFile).policy.dkim.selector;
    record = await withDatabase(config, (database) => new DkimKeyring(new DbDkimKeyStore(database.db, ring), { selector }).dnsRecord(domain));
  }
  io.stdout(`${record.name}. IN TXT ${record.strings.map((s) => JSON.stringify(s)).join(' ')}\n`);
  return 0;
}
