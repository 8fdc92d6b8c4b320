// The PHI detector (phi/) applied at intake. Only types and the score are kept: never the
// matched text. A scan that fails leaves the message "not scanned", which policy treats as PHI.
import { scanRawMessage } from '../../phi/node/scan-message.ts';
import type { PhiFacts } from './message-facts.ts';

export async function scanForPolicy(header: Buffer, body: Buffer): Promise<PhiFacts | null> {
  try {
    const result = await scanRawMessage(Buffer.concat([header, body]));
    return { containsPhi: result.containsPhi, types: [...new Set(result.findings.map((f) => f.type))].sort(), score: result.score };
  } catch {
    return null;
  }
}
