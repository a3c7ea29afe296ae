/**
 * `npm run bench -- <name>`: each benchmark prints a table, a ratio against a
 * baseline measured in the same run, and ends with one `name: key=value …` line.
 */
import { runNamed } from './lib/run-named';

await runNamed('bench', {
  fanout: () => import('./fanout/index'),
  send: () => import('./send'),
  'write-call': () => import('./write-call'),
});
