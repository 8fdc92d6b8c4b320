// Which tenant a message belongs to. M365 and Google send every customer's mail from the same
// IPs with the same certificates, so the source address proves only "one of their customers".
// Each tenant's own mail-flow rule stamps a secret header; we compare it in constant time and
// strip it before the message is stored, so the secret never travels further.
import crypto from 'node:crypto';

export interface TenantConfig {
  id: string;
  header?: { name?: string; secret?: string; secretSha256?: string };
  senderDomains?: string[];
}

export const DEFAULT_TENANT_HEADER = 'x-phigate-tenant';
export const DEFAULT_TENANT = 'default';

interface Matcher {
  id: string;
  headerName: string;
  digest: Buffer;
}

export type TenantResult = { ok: true; tenant: string } | { ok: false; reason: 'missing' | 'mismatch' };

export class TenantIdentifier {
  private readonly matchers: Matcher[];
  /** Header names to strip from every message, whether or not they matched. */
  readonly headerNames: string[];

  constructor(tenants: TenantConfig[]) {
    this.matchers = tenants
      .filter((t) => t.header?.secret || t.header?.secretSha256)
      .map((t) => ({
        id: t.id,
        headerName: (t.header!.name ?? DEFAULT_TENANT_HEADER).toLowerCase(),
        digest: t.header!.secretSha256 ? Buffer.from(t.header!.secretSha256, 'hex') : sha256(t.header!.secret!),
      }));
    this.headerNames = [...new Set([DEFAULT_TENANT_HEADER, ...this.matchers.map((m) => m.headerName)])];
  }

  get requiresHeader(): boolean {
    return this.matchers.length > 0;
  }

  /** `values` maps a lower-case header name to the values the message carried for it. */
  identify(values: (name: string) => string[]): TenantResult {
    if (!this.requiresHeader) return { ok: true, tenant: DEFAULT_TENANT };
    let found: string | null = null;
    let presented = false;
    // Every matcher is compared, match or not, so timing does not reveal which one matched.
    for (const m of this.matchers) {
      for (const v of values(m.headerName)) {
        presented = true;
        if (crypto.timingSafeEqual(sha256(v.trim()), m.digest) && found === null) found = m.id;
      }
    }
    if (found) return { ok: true, tenant: found };
    return { ok: false, reason: presented ? 'mismatch' : 'missing' };
  }
}

function sha256(s: string): Buffer {
  return crypto.createHash('sha256').update(s).digest();
}
