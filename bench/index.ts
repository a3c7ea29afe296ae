/**
 * `npm run bench -- <name>`: each benchmark prints a table, a ratio against a
 * baseline measured in the same run, and ends with one `name: key=value …` line.
 */
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  fanout: () => import('./fanout/index'),
  send: () => import('./send'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? benches[name] : undefined;
if (!load) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}>\n`);
  process.exit(2);
}
const bench = await load();
await bench.run(args);
process.exit(0);
export {};
