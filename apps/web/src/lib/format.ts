/** Dates and times in the user's own locale and time zone. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDateTime(iso: string | null | undefined, fallback = '—'): string {
  const d = parse(iso);
  return d ? dateTime.format(d) : fallback;
}

export function formatDate(iso: string | null | undefined, fallback = '—'): string {
  const d = parse(iso);
  return d ? dateOnly.format(d) : fallback;
}

export function isPast(iso: string | null | undefined): boolean {
  const d = parse(iso);
  return d !== null && d.getTime() < Date.now();
}

/** Two-letter initials for avatars. */
export function initials(name: string, email?: string): string {
  const source = name.trim() || email || '?';
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const second = parts.length > 1 ? (parts[1]?.[0] ?? '') : (parts[0]?.[1] ?? '');
  return (first + second).toUpperCase();
}
