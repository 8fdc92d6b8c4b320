// Spool encryption: AES-256-GCM sealing bound to message and position, and the pooled CSPRNG.
import { describe, expect, it } from 'vitest';
import { chunkAad, newDataKey, open, randomBytes, seal } from '../../gateway/spool/crypto.ts';

describe('spool crypto', () => {
  it('opens what it sealed and refuses a chunk moved to another message or position', () => {
    const key = newDataKey();
    const plain = Buffer.from('Patient: test\r\n\r\nbody');
    const sealed = seal(key, chunkAad('m1', 0), plain);
    expect(open(key, chunkAad('m1', 0), sealed)).toEqual(plain);
    expect(() => open(key, chunkAad('m2', 0), sealed)).toThrow();
    expect(() => open(key, chunkAad('m1', 1), sealed)).toThrow();
    expect(() => open(newDataKey(), chunkAad('m1', 0), sealed)).toThrow();
  });

  it('never repeats an IV or a data key, across pool refills', () => {
    const key = newDataKey();
    const ivs = new Set<string>();
    const keys = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      ivs.add(seal(key, 'x', Buffer.from('a')).subarray(0, 12).toString('hex'));
      keys.add(newDataKey().toString('hex'));
    }
    expect(ivs.size).toBe(2000);
    expect(keys.size).toBe(2000);
  });

  it('hands out buffers of their own: changing one leaves the next untouched', () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    const before = Buffer.from(b);
    a.fill(7);
    expect(b).toEqual(before);
  });
});
