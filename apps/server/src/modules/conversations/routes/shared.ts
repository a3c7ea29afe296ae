import { ErrorBody } from '@aio/contracts';
import { z } from 'zod';

export const tags = ['team chat'];
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
export const noContent = { 204: z.null() };
export const itemsOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
