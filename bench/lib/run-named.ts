type Registry = Record<string, () => Promise<{ run(args: string[]): Promise<void> }>>;

/** Runs the entry of `registry` named by the first argument (`npm run <command> -- <name> [options]`). */
export async function runNamed(command: string, registry: Registry): Promise<never> {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? registry[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: npm run ${command} -- <${Object.keys(registry).join('|')}>\n`);
    process.exit(2);
  }
  await (await load()).run(args);
  process.exit(0);
}
