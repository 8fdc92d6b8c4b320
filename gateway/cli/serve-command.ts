import type { Config } from '../config.ts';
import { PolicyHolder } from '../policy/load.ts';
import { serve } from '../serve.ts';

export async function runServe(config: Config): Promise<number> {
  // A bad policy file stops the start with a message naming the file and key (PolicyFileError).
  const policy = PolicyHolder.open(config.configFile);
  const gateway = await serve(config, policy);
  await new Promise<void>((resolve) => {
    const stop = () => void gateway.shutdown().then(resolve);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    process.on('SIGHUP', () => gateway.reloadPolicy());
  });
  return 0;
}
