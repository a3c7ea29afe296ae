import type { FastifyInstance, InjectOptions } from 'fastify';

export interface TestClientOptions {
  /** Origin header on state-changing requests; null sends none (a script, not a browser). */
  origin?: string | null;
  /** Authorization: Bearer <key> on every request. */
  bearer?: string;
  /** Client IP as the server sees it. */
  ip?: string;
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

/** An HTTP client over app.inject with a cookie jar, acting like a same-origin browser. */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly publicUrl: string,
    private readonly opts: TestClientOptions = {},
  ) {}

  private storeCookies(setCookie: string | string[] | number | undefined) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair, ...attrs] = String(line).split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) < new Date()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.opts.bearer) h.authorization = `Bearer ${this.opts.bearer}`;
    const origin = this.opts.origin === undefined ? new URL(this.publicUrl).origin : this.opts.origin;
    if (origin && method !== 'GET' && method !== 'HEAD' && !('origin' in h)) h.origin = origin;
    const inject: InjectOptions = { method: method as InjectOptions['method'], url, headers: h, remoteAddress: this.opts.ip };
    if (body !== undefined) inject.payload = body as InjectOptions['payload'];
    const res = await this.app.inject(inject);
    this.storeCookies(res.headers['set-cookie']);
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed as T, headers: res.headers, text: res.body };
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body, headers);
  }
  patch<T = any>(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, headers);
  }
  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
}
