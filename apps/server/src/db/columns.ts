import { customType, timestamp } from 'drizzle-orm/pg-core';
import { activeKeyRing } from '../platform/crypto';

/** Text sealed with the AES-256-GCM key ring on the way in, opened on the way out. */
export const encryptedText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => activeKeyRing().encrypt(value),
  fromDriver: (value) => activeKeyRing().decrypt(value),
});

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
