/**
 * Typed fetch wrapper for the same-origin API. Every failure becomes an
 * ApiError carrying the server's `{ error: { code, message, details } }`.
 */

export interface FieldIssue {
  in?: string;
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field-level issues of a VALIDATION_FAILED response, keyed by dotted path. */
  get fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const out: Record<string, string> = {};
    for (const issue of this.details as Partial<FieldIssue>[]) {
      if (typeof issue?.path === 'string' && typeof issue.message === 'string' && !(issue.path in out)) {
        out[issue.path] = issue.message;
      }
    }
    return out;
  }
}

const CSRF_COOKIE = 'aio_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Fallback for when the cookie cannot be read; filled from GET /api/v1/session. */
let knownCsrfToken: string | undefined;

export function rememberCsrfToken(token: string): void {
  knownCsrfToken = token;
}

function readCsrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : knownCsrfToken;
}

/**
 * Our API always answers `{ error: {...} }`; better-auth's own handler may answer
 * `{ code, message }` at the top level, so both are accepted.
 */
function toApiError(status: number, statusText: string, body: unknown): ApiError {
  const b = body as { error?: { code?: unknown; message?: unknown; details?: unknown }; code?: unknown; message?: unknown } | null;
  const src = b && typeof b.error === 'object' && b.error !== null ? b.error : b;
  const code = typeof src?.code === 'string' ? src.code : `HTTP_${status}`;
  const message = typeof src?.message === 'string' && src.message ? src.message : statusText || 'Request failed';
  const details = src && 'details' in src ? (src as { details?: unknown }).details : undefined;
  return new ApiError(status, code, message, details);
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) {
    const token = readCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', 'Could not reach the server. Check your connection and try again.');
  }
  const text = res.status === 204 ? '' : await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) throw toApiError(res.status, res.statusText, data);
  return data as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Builds `path?k=v` skipping empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export function isApiError(err: unknown, ...codes: string[]): err is ApiError {
  return err instanceof ApiError && (codes.length === 0 || codes.includes(err.code));
}

/** A human message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}
