import { performance } from 'node:perf_hooks';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { prepareServer } from './prepare-server';
import { seedDemoIfEmpty } from './seed';

async function main() {
  const startedAt = performance.now();
  const config = loadConfig();
  const database = await prepareServer(config);
  const app = await buildApp({ config, database });
  const demo = config.demoSeed ? await seedDemoIfEmpty(app) : undefined;
  await app.listen({ port: config.port, host: config.host });

  const lines = [
    '',
    `  AIO Chat is running at ${config.publicUrl}`,
    `  database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}; ` +
      `events: ${app.deps.bus.kind}; jobs: ${app.deps.jobs.kind}; mail: ${config.smtpUrl ? 'SMTP' : `${config.dataDir}/outbox`}`,
    demo ? `  demo login: ${demo.email} / ${demo.password}` : '',
    `  API docs: ${config.publicUrl}/api/docs`,
    `  ready in ${Math.round(performance.now() - startedAt)} ms`,
    '',
  ];
  process.stdout.write(lines.filter((l, i) => l !== '' || i === 0 || i === lines.length - 1).join('\n') + '\n');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`AIO Chat failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
