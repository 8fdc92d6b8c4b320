// Every process sharing a database must hold the same master key, or it could neither read
// the others' messages nor extend their audit chain. The first process records a check value
// of its key; a process with a different key refuses to start instead of failing per message.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { settings } from '../../db/schema.ts';
import type { KeyRing } from './crypto.ts';

const KEY = 'master_key_check';

export class MasterKeyMismatchError extends Error {}

export async function checkMasterKey(db: Db, ring: KeyRing): Promise<void> {
  const value = crypto.createHmac('sha256', ring.master).update('phigate master key check v1').digest('hex').slice(0, 32);
  await db.insert(settings).values({ key: KEY, value }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (row?.value !== value) {
    throw new MasterKeyMismatchError('PHIGATE_MASTER_KEY does not match the key this database was set up with; every replica must use the same master key');
  }
}
