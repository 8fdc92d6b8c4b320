// Tenants come from the `tenants` section of PHIGATE_CONFIG (the policy file).
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { TenantConfig } from './receive/tenant.ts';

export function loadTenants(configFile: string | undefined): TenantConfig[] {
  if (!configFile) return [];
  const doc = parseYaml(fs.readFileSync(configFile, 'utf8')) as { tenants?: TenantConfig[] } | null;
  return doc?.tenants ?? [];
}
