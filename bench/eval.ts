/**
 * `npm run eval -- <name>`: evaluations of the product on the externally
 * written inputs in ../shared/eval. Each prints a table and ends with one
 * `name: key=value …` line.
 */
import { runNamed } from './lib/run-named';

await runNamed('eval', {
  hostile: () => import('./eval/hostile'),
});
