// Callbacks given to page.evaluate run in the browser, so these files see DOM types.
import { type Browser, type BrowserContext, type Page, expect } from '@playwright/test';
import { waitForMail } from '../apps/server/test/outbox';

/**
 * Team-chat E2E set-up through the public API: people sign up and verify
 * through the mail outbox, a workspace is created and joined by invite. Each
 * person gets a browser context whose request client shares its cookies, so
 * their pages are signed in.
 */
const PASSWORD = 'correct horse battery staple';
const stamp = Date.now().toString(36);
let counter = 0;

export interface ChatUser {
  id: string;
  name: string;
  email: string;
  context: BrowserContext;
  api: Api;
}

export class Api {
  constructor(
    private readonly context: BrowserContext,
    private readonly origin: string,
  ) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.context.request.fetch(path, { method, data: body, headers: { origin: this.origin } });
    if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
    return (res.status() === 204 ? undefined : await res.json()) as T;
  }
}

export async function signUp(browser: Browser, baseURL: string, name: string): Promise<ChatUser> {
  counter += 1;
  const email = `${name.split(' ')[0]!.toLowerCase()}-${stamp}-${counter}@example.com`;
  const context = await browser.newContext({ baseURL });
  const api = new Api(context, new URL(baseURL).origin);
  await api.call('POST', '/api/auth/sign-up/email', { email, password: PASSWORD, name, callbackURL: '/' });
  const mail = await waitForMail(process.env.E2E_DATA_DIR!, email, { subject: /confirm/i });
  await context.request.get(mail.links[0]!);
  const me = await api.call<{ id: string }>('GET', '/api/v1/me');
  return { id: me.id, name, email, context, api };
}

export interface Team {
  workspaceId: string;
  channelId: string;
  owner: ChatUser;
  member: ChatUser;
}

/** An owner and a member in one workspace, both in one public channel. */
export async function createTeam(browser: Browser, baseURL: string, names: [string, string] = ['Olivia Owner', 'Max Member']): Promise<Team> {
  const owner = await signUp(browser, baseURL, names[0]);
  const member = await signUp(browser, baseURL, names[1]);
  const workspace = await owner.api.call<{ id: string }>('POST', '/api/v1/workspaces', { name: `Chat ${stamp}` });
  const invite = await owner.api.call<{ inviteUrl: string }>('POST', `/api/v1/workspaces/${workspace.id}/invites`, { email: member.email, role: 'member' });
  const token = new URL(invite.inviteUrl).pathname.split('/').pop()!;
  await member.api.call('POST', `/api/v1/invites/${token}/accept`);
  const channel = await owner.api.call<{ id: string }>('POST', `/api/v1/workspaces/${workspace.id}/conversations`, { kind: 'channel', name: 'general', topic: 'Company-wide announcements' });
  await member.api.call('POST', `/api/v1/workspaces/${workspace.id}/conversations/${channel.id}/join`);
  return { workspaceId: workspace.id, channelId: channel.id, owner, member };
}

export async function openChannel(user: ChatUser, team: Pick<Team, 'workspaceId' | 'channelId'>): Promise<Page> {
  const page = await user.context.newPage();
  await page.goto(`/w/${team.workspaceId}/c/${team.channelId}`);
  await expect(page.getByRole('textbox', { name: /^Message #/ })).toBeVisible();
  return page;
}

/**
 * Posts many messages fast over the realtime socket's `send` frame (one
 * authenticated connection, sends pipelined), from a page on the app's origin.
 */
export async function sendMany(page: Page, workspaceId: string, conversationId: string, bodies: string[]): Promise<number> {
  return page.evaluate(
    async ({ workspaceId, conversationId, bodies }) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/v1/ws?workspaceId=${workspaceId}`);
      let sent = 0;
      let settled = 0;
      let stored = 0;
      return new Promise<number>((resolve, reject) => {
        const sendNext = () => {
          if (sent >= bodies.length) return;
          const n = sent++;
          ws.send(JSON.stringify({ type: 'send', requestId: `r${n}`, conversationId, clientId: `bulk-${Date.now()}-${n}`, body: bodies[n] }));
        };
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', workspaceId }));
        ws.onclose = (e) => reject(new Error(`socket closed ${e.code} ${e.reason}`));
        ws.onmessage = (e) => {
          const frame = JSON.parse(String(e.data)) as { type: string };
          if (frame.type === 'ready') for (let i = 0; i < 64; i++) sendNext();
          if (frame.type !== 'ack' && !(frame.type === 'error' && 'requestId' in frame)) return;
          settled += 1;
          if (frame.type === 'ack') stored += 1;
          if (settled === bodies.length) {
            ws.onclose = null;
            ws.close();
            resolve(stored);
          } else sendNext();
        };
      });
    },
    { workspaceId, conversationId, bodies },
  );
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `artifacts/e2e/chat-${name}.png` });

/** Renders the page in the dark theme (the app reads localStorage before its first paint). */
export async function switchToDarkTheme(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.setItem('aio.theme', 'dark'));
  await page.reload();
}
