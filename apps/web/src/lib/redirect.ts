/**
 * `?redirect=` values come from the URL, so only same-origin paths are honoured
 * (an absolute or protocol-relative URL would be an open redirect).
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (value.startsWith('/api/')) return undefined;
  return value;
}

/** Search-param validator for pages that accept `redirect` (and optionally `email`). */
export function parseAuthSearch(search: Record<string, unknown>): { redirect?: string; email?: string } {
  const out: { redirect?: string; email?: string } = {};
  const redirect = safeRedirect(search.redirect);
  if (redirect) out.redirect = redirect;
  if (typeof search.email === 'string' && search.email.length <= 254) out.email = search.email;
  return out;
}

export function optionalString(value: unknown, max = 500): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}

/**
 * Drops undefined entries so search validators declare optional keys
 * (`{ a?: string }`): links may then omit them, and URLs stay clean.
 */
export function compact<T extends Record<string, unknown>>(obj: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
