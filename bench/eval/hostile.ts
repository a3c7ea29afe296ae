import { SingleBar } from 'cli-progress';
import { hostileStrings } from '../../apps/server/test/hostile';
import { type SeededChannel, seedChannel } from '../lib/channel';
import { startProduct } from '../lib/product';
import { log, percentiles, printTable, round } from '../lib/stats';

type Verdict = 'exact' | 'altered' | 'rejected' | 'server_error' | 'unclear_error';

interface Sent {
  clientId: string;
  body: string;
  verdict: Verdict;
  ms: number;
  reason?: string;
}

/** Plain sentences sent as the baseline. */
const PLAIN_SENDS = 500;
const messagesUrl = (url: string, c: SeededChannel) => `${url}/api/v1/workspaces/${c.workspaceId}/conversations/${c.conversationId}/messages`;

async function send(url: string, channel: SeededChannel, clientId: string, body: string): Promise<Sent> {
  const t0 = performance.now();
  const res = await fetch(messagesUrl(url, channel), {
    method: 'POST',
    headers: { ...channel.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, body }),
  });
  const ms = performance.now() - t0;
  const json = (await res.json().catch(() => null)) as { body?: string; error?: { code?: string; message?: string } } | null;
  if (res.status === 201) return { clientId, body, ms, verdict: json?.body === body ? 'exact' : 'altered' };
  if (res.status >= 500) return { clientId, body, ms, verdict: 'server_error', reason: `${res.status}` };
  // A refusal is fine when it says why, in the one error shape.
  const clear = typeof json?.error?.code === 'string' && typeof json.error.message === 'string' && json.error.message.length > 0;
  return { clientId, body, ms, verdict: clear ? 'rejected' : 'unclear_error', reason: json?.error?.message ?? `${res.status}` };
}

/** Reads the whole channel back, oldest first, and returns body by clientId. */
async function readBack(url: string, channel: SeededChannel): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  let after = 0;
  for (;;) {
    const res = await fetch(`${messagesUrl(url, channel)}?after=${after}&limit=200`, { headers: channel.headers });
    if (!res.ok) throw new Error(`reading the channel back: ${res.status}`);
    const page = (await res.json()) as { items: Array<{ seq: number; clientId: string | null; body: string }>; hasMoreAfter: boolean };
    for (const m of page.items) if (m.clientId) bodies.set(m.clientId, m.body);
    if (!page.hasMoreAfter || page.items.length === 0) return bodies;
    after = page.items.at(-1)!.seq;
  }
}

/**
 * Every string of shared/eval/hostile (Big List of Naughty Strings, XSS and
 * SQL-injection lists) sent as a message through the real HTTP send path,
 * then read back: each must be stored byte for byte or refused with a clear
 * error, never a 5xx. The baseline is as many plain sentences through the
 * same path in the same run.
 */
export async function run(): Promise<void> {
  const strings = hostileStrings();
  const product = await startProduct();
  try {
    const channel = await seedChannel(product, 'hostile-eval');
    log(`${strings.length} hostile strings from ../shared/eval/hostile through POST …/messages on ${product.dbLabel}`);
    const bar = new SingleBar({ stream: process.stderr, format: 'hostile [{bar}] {percentage}% | {value}/{total} strings', barCompleteChar: '#', barIncompleteChar: '-', noTTYOutput: true, notTTYSchedule: 2000 });
    bar.start(strings.length, 0);
    const sent: Sent[] = [];
    for (const [i, body] of strings.entries()) {
      sent.push(await send(product.url, channel, `h-${i}`, body));
      bar.increment();
    }
    bar.stop();
    const plain: Sent[] = [];
    for (let i = 0; i < PLAIN_SENDS; i++) plain.push(await send(product.url, channel, `p-${i}`, `Plain message number ${i}, nothing special about it.`));

    const stored = await readBack(product.url, channel);
    for (const s of sent) {
      if (s.verdict !== 'exact' && s.verdict !== 'altered') continue;
      // What the API answered must also be what a later read returns.
      if (stored.get(s.clientId) !== s.body) s.verdict = 'altered';
    }

    const count = (v: Verdict) => sent.filter((s) => s.verdict === v).length;
    const [hp50, hp99] = percentiles(sent.map((s) => s.ms), [50, 99]);
    const [pp50, pp99] = percentiles(plain.map((s) => s.ms), [50, 99]);
    printTable('hostile strings through the send path', [
      { input: 'hostile strings', sent: sent.length, 'stored exactly': count('exact'), altered: count('altered'), 'refused (clear 4xx)': count('rejected'), 'unclear 4xx': count('unclear_error'), '5xx': count('server_error'), 'p50 ms': round(hp50!), 'p99 ms': round(hp99!) },
      { input: 'plain sentences', sent: plain.length, 'stored exactly': plain.filter((s) => s.verdict === 'exact').length, altered: 0, 'refused (clear 4xx)': 0, 'unclear 4xx': 0, '5xx': 0, 'p50 ms': round(pp50!), 'p99 ms': round(pp99!) },
    ]);
    const reasons = new Map<string, number>();
    for (const s of sent) {
      if (s.verdict === 'exact') continue;
      const reason = `${s.verdict}: ${s.reason ?? 'body changed'}`;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    if (reasons.size > 0) printTable('why strings were not stored as sent', [...reasons].map(([reason, n]) => ({ reason, strings: n })));
    const handled = count('exact') + count('rejected');
    process.stdout.write(
      `\nhostile: strings=${sent.length} exact=${count('exact')} refused=${count('rejected')} altered=${count('altered')} server_errors=${count('server_error')} handled_share=${round(handled / sent.length, 4)} ratio_p50_vs_plain=${round(hp50! / pp50!, 3)}\n`,
    );
  } finally {
    await product.stop();
  }
}
