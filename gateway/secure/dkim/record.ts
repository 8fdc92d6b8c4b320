// The DKIM key record to publish: `<selector>._domainkey.<domain>` TXT "v=DKIM1; k=...; p=...".
import { domainToASCII } from 'node:url';
import { publicKeyValue } from './keys.ts';

export const DEFAULT_SELECTOR = 'phigate';

export type DkimDnsRecord = {
  name: string;
  /** The whole record value, as an admin would paste it into a DNS console. */
  value: string;
  /** The value split into ≤255-byte character-strings, as one TXT record must carry it. */
  strings: string[];
};

export function dnsRecord(domain: string, selector: string, privateKeyPem: string): DkimDnsRecord {
  const ascii = domainToASCII(domain.trim().replace(/\.$/, ''));
  if (!ascii) throw new Error(`"${domain}" is not a valid domain`);
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(selector)) {
    throw new Error(`"${selector}" is not a valid DKIM selector`);
  }
  const { algorithm, p } = publicKeyValue(privateKeyPem);
  const value = `v=DKIM1; k=${algorithm}; p=${p}`;
  const strings: string[] = [];
  for (let i = 0; i < value.length; i += 255) strings.push(value.slice(i, i + 255));
  return { name: `${selector}._domainkey.${ascii}`, value, strings };
}
