import { z } from 'zod';
import { DisplayName, Id, IsoDate } from './common';

export const Me = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  image: z.string().nullable(),
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  createdAt: IsoDate,
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.object({ name: DisplayName });
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

export const ApiKey = z.object({
  id: Id,
  name: z.string().nullable(),
  start: z.string().nullable().describe('the first characters, to recognise the key'),
  createdAt: IsoDate,
  expiresAt: IsoDate.nullable(),
  lastUsedAt: IsoDate.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

export const CreateApiKeyBody = z.object({
  name: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[\p{L}\p{N} _.-]+$/u, 'letters, digits, space, dot, dash and underscore only'),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;

/** The only response that ever carries the secret. */
export const CreatedApiKey = z.object({ apiKey: ApiKey, key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyParams = z.object({ keyId: Id });

export const Session = z.object({
  csrfToken: z.string(),
  user: Me.nullable(),
});
