// Callbacks given to page.evaluate run in the browser, so these files see DOM types.
import { expect, type Page, test } from '@playwright/test';
import { hostileStrings } from '../apps/server/test/hostile';
import { sendMany, shot, signUp, switchToDarkTheme } from './chat-fixtures';

/**
 * Every hostile string of shared/eval/hostile, sent as a chat message, must
 * render as inert text: no dialog opens, no script runs (the payloads below
 * would set a canary on window), and no active element or unsafe link ends up
 * in a message row.
 */
const CANARY = '__aioCanary';
const CANARY_PAYLOADS = [
  `<img src=x onerror="window.${CANARY}=1">`,
  `<script>window.${CANARY}=1</script>`,
  `[click me](javascript:window.${CANARY}=1)`,
  `![picture](javascript:window.${CANARY}=1)`,
  `[data](data:text/html,<script>window.${CANARY}=1</script>)`,
  `<a href="javascript:window.${CANARY}=1">link</a>`,
  `<svg onload="window.${CANARY}=1"></svg>`,
  `<iframe srcdoc="<script>parent.${CANARY}=1</script>"></iframe>`,
  `<details open ontoggle="window.${CANARY}=1">x</details>`,
  `**<img src=x onerror=window.${CANARY}=1>** and _<b onmouseover=window.${CANARY}=1>hover</b>_`,
  `> <img src=x onerror=window.${CANARY}=1>\n> quoted`,
  `- <img src=x onerror=window.${CANARY}=1>\n- item`,
  '```html\n<img src=x onerror=window.' + CANARY + '=1>\n```',
  `\`<script>window.${CANARY}=1</script>\``,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.${CANARY}=1>`,
];

interface Inspection {
  ids: string[];
  texts: string[];
  dangerous: string[];
}

/** What the rows on screen hold: their ids and text, and anything that could run script. */
function inspectRows(page: Page): Promise<Inspection> {
  return page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll('[data-message-id]'));
    const dangerous: string[] = [];
    for (const el of rows.flatMap((r) => [r, ...Array.from(r.querySelectorAll('*'))])) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'img', 'style', 'link', 'meta', 'form', 'details'].includes(tag)) dangerous.push(`<${tag}>`);
      if (tag === 'svg' && !el.classList.contains('lucide')) dangerous.push('<svg>');
      for (const attr of el.getAttributeNames()) if (attr.startsWith('on') || attr === 'srcdoc') dangerous.push(`${tag}[${attr}]`);
      const href = el.getAttribute('href');
      if (href !== null && !/^(https?:|mailto:)/i.test(href)) dangerous.push(`href=${href}`);
    }
    return { ids: rows.map((r) => r.getAttribute('data-message-id')!), texts: rows.map((r) => r.textContent ?? ''), dangerous };
  });
}

test('hostile strings render as text, and nothing in them runs', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const user = await signUp(browser, baseURL!, 'Hostile Tester');
  await user.api.call('PATCH', '/api/v1/me', { name: `<img src=x onerror="window.${CANARY}=1">` });
  const workspace = await user.api.call<{ id: string }>('POST', '/api/v1/workspaces', { name: `<script>window.${CANARY}=1</script>` });
  const channel = await user.api.call<{ id: string }>('POST', `/api/v1/workspaces/${workspace.id}/conversations`, {
    kind: 'channel',
    name: 'hostile',
    topic: `<img src=x onerror=window.${CANARY}=1>`,
  });

  const page = await user.context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/api/v1/session');
  const bodies = [...hostileStrings(), ...CANARY_PAYLOADS];
  const stored = await sendMany(page, workspace.id, channel.id, bodies);
  expect(stored).toBeGreaterThan(bodies.length * 0.9);

  await page.goto(`/w/${workspace.id}/c/${channel.id}`);
  await expect(page.getByRole('textbox', { name: 'Message #hostile' })).toBeVisible();
  const scroller = page.getByTestId('message-scroller');
  // Load the whole history (scrolling to the top pulls in the next older page)…
  const intro = page.getByText('Welcome to #hostile');
  while (!(await intro.isVisible())) {
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(50);
  }
  await shot(page, 'hostile-light');
  // …then walk down to the newest message a screen at a time, so every row is rendered once.
  const seen = new Set<string>();
  const texts = new Set<string>();
  const dangerous = new Set<string>();
  for (let atEnd = false; !atEnd; ) {
    const found = await inspectRows(page);
    found.ids.forEach((id) => seen.add(id));
    found.texts.forEach((t) => texts.add(t));
    found.dangerous.forEach((d) => dangerous.add(d));
    atEnd = await scroller.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollBy(0, el.clientHeight * 0.8);
      return el.scrollTop === before;
    });
    await page.waitForTimeout(20);
  }

  expect([...dangerous]).toEqual([]);
  expect(seen.size).toBe(stored);
  const rendered = [...texts].join('\n');
  expect(rendered).toContain(`<script>window.${CANARY}=1</script>`);
  expect(rendered).toContain(`<svg onload="window.${CANARY}=1"></svg>`);
  expect(rendered).toContain(`[click me](javascript:window.${CANARY}=1)`);
  await expect(page.getByText(`<img src=x onerror=window.${CANARY}=1>`, { exact: true }).first()).toBeVisible();

  // The composer's preview and the search snippets go through the same rendering.
  const composer = page.getByRole('textbox', { name: 'Message #hostile' });
  await composer.fill(`<img src=x onerror="window.${CANARY}=1"> **preview**`);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText('preview');
  await page.getByRole('button', { name: 'Search messages' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('onerror');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  expect(await page.locator('[role="dialog"] img, [role="dialog"] script').count()).toBe(0);
  await page.keyboard.press('Escape');

  await switchToDarkTheme(page);
  await expect(page.getByRole('textbox', { name: 'Message #hostile' })).toBeVisible();
  await shot(page, 'hostile-dark');

  expect(dialogs).toEqual([]);
  expect(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], CANARY)).toBeUndefined();
  expect(errors).toEqual([]);
  await user.context.close();
});
