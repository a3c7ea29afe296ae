import { startServer } from './server';

/** One server for the E2E run; specs find its data dir (for the mail outbox) in E2E_DATA_DIR. */
export default async function globalSetup() {
  const server = await startServer(Number(process.env.E2E_PORT ?? 3190));
  process.env.E2E_DATA_DIR = server.dataDir;
  return () => server.stop();
}
