// Callbacks given to page.evaluate run in the browser, so these files see DOM types.
import { expect, test } from '@playwright/test';
import { sendMany, shot, signUp } from './chat-fixtures';

/**
 * A 10,000-message channel stays smooth: scrolling up through it (older pages
 * load on the way) keeps frames short, and the DOM only ever holds a window
 * of rows, not the history.
 */
const MESSAGES = 10_000;
const SCROLL_FRAMES = 480;
const PX_PER_FRAME = 60;

function body(i: number): string {
  if (i % 10 === 0) return `Release notes **${i}**:\n- fixed _one_ thing\n- fixed \`another\`\n> quoted context`;
  if (i % 7 === 0) return `A longer message number ${i}, `.repeat(8);
  return `Message ${i} with a link https://example.com/${i}`;
}

test('a 10,000-message channel scrolls smoothly with only a window of rows in the DOM', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const user = await signUp(browser, baseURL!, 'Scroll Tester');
  const workspace = await user.api.call<{ id: string }>('POST', '/api/v1/workspaces', { name: 'Busy workspace' });
  const channel = await user.api.call<{ id: string }>('POST', `/api/v1/workspaces/${workspace.id}/conversations`, { kind: 'channel', name: 'firehose' });
  const page = await user.context.newPage();
  await page.goto('/api/v1/session');
  const stored = await sendMany(page, workspace.id, channel.id, Array.from({ length: MESSAGES }, (_, i) => body(i + 1)));
  expect(stored).toBe(MESSAGES);

  await page.goto(`/w/${workspace.id}/c/${channel.id}`);
  await expect(page.getByText(`Message ${MESSAGES - 1} with a link`)).toBeVisible();

  // Scroll up a fixed distance every animation frame, recording how long each frame took.
  const result = await page.getByTestId('message-scroller').evaluate(
    (el, { frames, step }) =>
      new Promise<{ frameMs: number[]; maxRows: number; oldestSeq: number }>((resolve) => {
        const frameMs: number[] = [];
        let maxRows = 0;
        let last = performance.now();
        const tick = (now: number) => {
          frameMs.push(now - last);
          last = now;
          maxRows = Math.max(maxRows, el.querySelectorAll('[data-message-id]').length);
          el.scrollBy(0, -step);
          if (frameMs.length < frames) return void requestAnimationFrame(tick);
          const seqs = Array.from(el.querySelectorAll('[data-seq]')).map((r) => Number(r.getAttribute('data-seq')));
          resolve({ frameMs: frameMs.slice(1), maxRows, oldestSeq: Math.min(...seqs) });
        };
        requestAnimationFrame(tick);
      }),
    { frames: SCROLL_FRAMES, step: PX_PER_FRAME },
  );
  await shot(page, 'scroll-10k');

  const sorted = [...result.frameMs].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length * 0.5)]!;
  const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const longFrames = result.frameMs.filter((ms) => ms > 50).length / result.frameMs.length;
  console.log(`frames: mean ${mean.toFixed(1)} ms, p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max rows in DOM ${result.maxRows}, frames over 50 ms ${(longFrames * 100).toFixed(1)}%`);
  // The scroll went deep into history (older pages were loaded on the way)…
  expect(MESSAGES + 1 - result.oldestSeq).toBeGreaterThan(300);
  // …while the DOM held a window of rows only…
  expect(result.maxRows).toBeLessThan(80);
  // …and frames stayed short. Bounds allow for software rendering on a 2-core machine: most frames
  // at the display's rate, and only the few that also take in a freshly loaded page are long. Warm,
  // 0.8–1.3% of frames are over 50 ms; the first run after Chromium was installed had 10.9%, with
  // the median and p95 well inside their bounds. The window itself is asserted by the row count.
  expect(p50).toBeLessThan(25);
  expect(p95).toBeLessThan(100);
  expect(longFrames).toBeLessThan(0.15);
  await user.context.close();
});
