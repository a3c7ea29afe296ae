import { z } from 'zod';

/** Every API error has this one shape. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

const hasNoNul = (s: string) => !s.includes('\u0000');
// Lone surrogates cannot be stored as UTF-8; a string that holds one would not round-trip.
const isWellFormed = (s: string) => s.isWellFormed();
// PGlite decodes every text value with a BOM-stripping TextDecoder, so a leading U+FEFF would silently vanish.
const hasNoLeadingBom = (s: string) => !s.startsWith('\uFEFF');

/**
 * Free text that PostgreSQL and PGlite store byte-exact: no NUL, no lone surrogate, no leading BOM.
 * Nothing is trimmed or normalised, so what is stored is what was sent.
 */
export function safeText(opts: { max: number; min?: number }) {
  return z
    .string()
    .max(opts.max, `must be at most ${opts.max} characters`)
    .refine(hasNoNul, 'must not contain NUL characters')
    .refine(isWellFormed, 'must be well-formed Unicode (no lone surrogates)')
    .refine(hasNoLeadingBom, 'must not start with a byte-order mark (U+FEFF)')
    .refine((s) => (opts.min ? s.trim().length >= opts.min : true), 'must not be blank');
}

/** A display name: a person's, a workspace's, a channel's. */
export const DisplayName = safeText({ max: 120, min: 1 });

export const Email = z
  .string()
  .max(254)
  .email('must be an e-mail address')
  .transform((s) => s.toLowerCase());

export const Id = z.string().min(1).max(64);

export const IsoDate = z.string().describe('ISO 8601 timestamp');

export const CursorQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Ok = z.object({ ok: z.literal(true) });
