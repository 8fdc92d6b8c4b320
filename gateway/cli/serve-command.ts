import type { Config } from '../config.ts';
import { serve } from '../serve.ts';
import { loadTenants } from '../tenants-config.ts';

export async function runServe(config: Config): Promise<number> {
  const gateway = await serve(config, loadTenants(config.configFile));
  await new Promise<void>((resolve) => {
    const stop = () => void gateway.shutdown().then(resolve);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return 0;
}
