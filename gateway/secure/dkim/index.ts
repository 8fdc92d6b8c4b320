// DKIM signing for outgoing mail.
export { generateDkimKey, publicKeyValue, type DkimAlgorithm, type DkimKey } from './keys.ts';
export { dnsRecord, DEFAULT_SELECTOR, type DkimDnsRecord } from './record.ts';
export { signMessage, DkimSignError, type SignOptions } from './sign.ts';
export { DkimKeyring, MemoryDkimKeyStore, storedDkimKeySchema, type DkimKeyStore, type StoredDkimKey, type KeyringOptions } from './keyring.ts';
