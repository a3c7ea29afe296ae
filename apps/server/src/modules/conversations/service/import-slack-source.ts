import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import yauzl from 'yauzl';
import { badRequest } from '../../../platform/errors';

/**
 * The files of a Slack workspace export, from a folder or straight from its
 * zip (read entry by entry, never unpacked to disk). Paths use "/" and are
 * relative to the export's root, e.g. "general/2024-01-31.json".
 */
export interface SlackExportSource {
  readonly label: string;
  /** Every file path in the export. */
  readonly files: readonly string[];
  readText(file: string): Promise<string>;
  close(): Promise<void>;
}

/** A day file or a metadata file bigger than this is refused rather than read into memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

async function listFilesRecursively(root: string, dir = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFilesRecursively(root, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

async function openDirectory(dir: string): Promise<SlackExportSource> {
  const files = await listFilesRecursively(dir);
  return {
    label: dir,
    files,
    async readText(file) {
      if (!files.includes(file)) throw badRequest(`${file} is not in the export`);
      return readFile(path.join(dir, file), 'utf8');
    },
    close: async () => undefined,
  };
}

async function openZip(file: string): Promise<SlackExportSource> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) {
    if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
  }
  return {
    label: file,
    files: [...entries.keys()],
    async readText(name) {
      const entry = entries.get(name);
      if (!entry) throw badRequest(`${name} is not in the export`);
      if (entry.uncompressedSize > MAX_FILE_BYTES) throw badRequest(`${name} is too large (${entry.uncompressedSize} bytes)`);
      return text(await zip.openReadStreamPromise(entry));
    },
    close: async () => zip.close(),
  };
}

/** Exports zipped inside one top-level folder ("export/users.json") are read from that folder. */
function rootedAt(source: SlackExportSource): SlackExportSource {
  if (source.files.includes('users.json') || source.files.includes('channels.json')) return source;
  const marker = source.files.find((f) => /^[^/]+\/(users|channels)\.json$/.test(f));
  if (!marker) return source;
  const prefix = marker.slice(0, marker.indexOf('/') + 1);
  return {
    label: source.label,
    files: source.files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)),
    readText: (f) => source.readText(prefix + f),
    close: () => source.close(),
  };
}

/** Opens a Slack export: a .zip file or the folder it unpacks to. */
export async function openSlackExport(location: string): Promise<SlackExportSource> {
  const info = await stat(location).catch(() => null);
  if (!info) throw badRequest(`${location}: no such file or folder`);
  if (info.isDirectory()) return rootedAt(await openDirectory(location));
  try {
    return rootedAt(await openZip(location));
  } catch (err) {
    throw badRequest(`${location} is not a zip file or folder: ${err instanceof Error ? err.message : String(err)}`);
  }
}
