import { readFileSync } from 'node:fs';
import path from 'node:path';

const HOSTILE_DIR = path.resolve(import.meta.dirname, '../../../../shared/eval/hostile');

/** Every string of every file in shared/eval/hostile: BLNS (JSON and text), XSS and SQL-injection lists. */
export function hostileStrings(): string[] {
  const out = new Set<string>(JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'blns.json'), 'utf8')) as string[]);
  for (const file of ['blns.txt', 'sqli-auth-bypass.txt', 'sqli-generic-errorbased.txt', 'sqli-generic-timebased.txt', 'sqli-polyglots.txt', 'xss-intruders.txt', 'xss-polyglots.txt']) {
    for (const line of readFileSync(path.join(HOSTILE_DIR, file), 'utf8').split('\n')) {
      const s = line.replace(/\r$/, '');
      if (s !== '' && !(file.startsWith('blns') && s.startsWith('#'))) out.add(s);
    }
  }
  return [...out];
}
