import { setFlagsFromString } from 'node:v8';

const FLAG = '--heap-growing-percent';

/**
 * Lets the JavaScript heap grow `percent`% past what survived the last full
 * collection before the next one starts (V8's --heap-growing-percent; 100
 * doubles it, as Go's GOGC=100 does). Left to itself, V8 picks the next limit
 * to keep collection time near a few percent of the run, and on a server
 * holding thousands of sockets (~85 MB live) it started a full collection
 * about every 14 s under load. On two cores each one's concurrent marking
 * took the core that the database thread and the sockets needed, and
 * delivery stalled for 100–300 ms; at 100% they come several times less
 * often (docs/benchmarks.md, second session of 2026-12-01). The flag applies
 * to the whole process, PGlite's thread included. A flag given to node on
 * the command line wins; 0 keeps V8's own choice.
 */
export function applyHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv): boolean {
  if (percent <= 0 || execArgv.some((arg) => arg.startsWith(FLAG) || arg.startsWith('--heap_growing_percent'))) return false;
  setFlagsFromString(`${FLAG}=${percent}`);
  return true;
}
