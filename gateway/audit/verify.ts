// Walks the chain in seq order. Reports the first event whose content no longer matches its
// hash (altered), whose seq skips (removed), or whose prev_hash points elsewhere (reordered).
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';

export type VerifyResult =
  | { ok: true; count: number }
  | { ok: false; count: number; seq: number; problem: 'altered' | 'removed' | 'reordered'; message: string };

const PAGE = 5000;

export async function verifyChain(db: Db, key: Buffer): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.seq, expectedSeq - 1)).orderBy(asc(auditEvents.seq)).limit(PAGE);
    if (page.length === 0) return { ok: true, count };
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return { ok: false, count, seq: expectedSeq, problem: 'removed', message: `event ${expectedSeq} was removed (next present event is ${row.seq})` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, count, seq: row.seq, problem: 'reordered', message: `event ${row.seq} does not follow event ${row.seq - 1} (prev_hash mismatch: reordered, inserted or preceded by a removed event)` };
      }
      const { hash, ...rest } = row;
      if (eventHash(key, { ...rest, detail: rest.detail ?? {} }) !== hash) {
        return { ok: false, count, seq: row.seq, problem: 'altered', message: `event ${row.seq} (${row.event}) was altered: its content no longer matches its hash` };
      }
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}
