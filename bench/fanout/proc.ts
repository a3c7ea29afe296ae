/**
 * Reading /proc for the benchmark's CPU figures. There may be no /proc (not
 * Linux), and a thread may end between being listed and being read: both
 * read as nothing rather than fail a run.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** A /proc file's text; null when it is not there (any more). */
export function readProcText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The numeric entries of a /proc folder (pids, or a process's thread ids); none when it is not there. */
export function listProcIds(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
}
