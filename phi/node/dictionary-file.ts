/** Node side of dictionary loading: build phi/dist when phi/data changed, then read the blob. */
import { readFileSync } from 'node:fs';
import { DIST_BLOB, ensureCompiled } from '../build/compile.ts';

export function loadCompiledBlob(): string {
  ensureCompiled();
  return readFileSync(DIST_BLOB, 'utf8');
}
