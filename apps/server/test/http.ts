import { expect } from 'vitest';
import type { TestResponse } from './client';
import { waitForMail } from './outbox';
import { uniqueEmail } from './users';

/**
 * An HTTP client over fetch for a server in another process, with a cookie
 * jar and the server's own Origin on every request: the out-of-process twin
 * of TestClient.
 */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly bearer?: string,
  ) {}

  /** The same caller through an API key (no cookies, no Origin needed). */
  withApiKey(key: string, baseUrl = this.baseUrl): HttpClient {
    return new HttpClient(baseUrl, key);
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { origin: new URL(this.baseUrl).origin };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(path, this.baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    return { status: res.status, body: json as T, headers: Object.fromEntries(res.headers), text };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
}

/** Signs up on a running server, follows the verification link from its outbox, and is signed in. */
export async function signUpOverHttp(baseUrl: string, dataDir: string, name = 'Test User'): Promise<{ client: HttpClient; userId: string }> {
  const client = new HttpClient(baseUrl);
  const email = uniqueEmail();
  const res = await client.post('/api/auth/sign-up/email', { email, password: 'correct horse battery staple', name, callbackURL: '/' });
  expect(res.status, res.text).toBe(200);
  const link = new URL((await waitForMail(dataDir, email, { subject: /confirm/i })).links[0]!);
  await client.get(link.pathname + link.search);
  const me = await client.get('/api/v1/me');
  expect(me.status, me.text).toBe(200);
  return { client, userId: me.body.id as string };
}
