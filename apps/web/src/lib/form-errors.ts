import { ApiError } from './api';

/** The part of a zod schema we use; structural so the web app needs no direct zod import. */
interface Parser<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

export type FieldErrors = Record<string, string | undefined>;

/** Client-side check with a shared contract schema; returns null when valid. */
export function validate<T>(schema: Parser<T>, value: unknown): { data: T; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    errors[key] ??= capitalise(issue.message);
  }
  return { data: null, errors };
}

/** Server-side field errors of a failed mutation (empty for other failures). */
export function serverFieldErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return {};
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(err.fieldErrors)) out[path] = capitalise(message);
  return out;
}

/**
 * The form-level message to show: hidden when every server issue is already
 * displayed next to one of the form's fields.
 */
export function formLevelError(err: unknown, fields: readonly string[]): string | null {
  if (!err) return null;
  if (err instanceof ApiError) {
    const paths = Object.keys(err.fieldErrors);
    if (err.code === 'VALIDATION_FAILED' && paths.length > 0 && paths.every((p) => fields.includes(p))) return null;
    return err.message;
  }
  return err instanceof Error ? err.message : 'Something went wrong';
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Later sources win, but an `undefined` entry never hides an earlier message. */
export function mergeErrors(...sources: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const source of sources) {
    for (const [k, v] of Object.entries(source)) if (v) out[k] = v;
  }
  return out;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
