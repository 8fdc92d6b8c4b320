import type { Config } from '../config.ts';
import { PolicyHolder } from '../policy/load.ts';
import { serve } from '../serve.ts';

export async function runServe(config: Config): Promise<number> {
  // A bad policy file stops the start with a message naming the file and key (PolicyFileError).
  const policy = PolicyHolder.open(config.configFile);
  // Listen for SIGTERM/SIGINT before the ready line goes out: a supervisor may stop the gateway the
  // moment it reads that line, and a signal with no listener kills the process outright. A stop asked
  // for during start-up takes effect, cleanly, once the start has finished.
  const stopAsked = new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  const gateway = await serve(config, policy);
  process.on('SIGHUP', () => gateway.reloadPolicy());
  await stopAsked;
  await gateway.shutdown();
  return 0;
}
