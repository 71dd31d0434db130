/**
 * `node`/`tsx src/server/main.ts`: parse the configuration once, start, stop cleanly on a signal.
 */
import { ConfigError, parseConfig } from './config';
import { PortInUseError, startServer } from './server';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const server = await startServer(config);
  console.log(
    `[server] Guildhall listening on ${server.url} (auth: ${config.authMode}, store: ${config.store.kind}, fluid: ${config.fluid.mode})`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[server] ${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
    setTimeout(() => process.exit(1), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof PortInUseError) console.error(e.message);
  else console.error('[server] failed to start:', e);
  process.exit(1);
});
