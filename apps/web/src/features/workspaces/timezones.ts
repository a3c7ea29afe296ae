/** IANA zones the browser knows, with UTC first (some engines omit it from the list). */
export function listTimeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const set = new Set(['UTC', ...zones]);
  // A zone saved from another browser must still be selectable.
  if (current) set.add(current);
  return [...set];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
