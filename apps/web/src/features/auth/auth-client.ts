import { api } from '../../lib/api';

/**
 * Calls to better-auth's endpoints under /api/auth. Bodies follow better-auth's
 * field names; errors arrive as ApiError like the rest of the API.
 */
const A = '/api/auth';

export interface SignInResult {
  twoFactorRedirect?: boolean;
  user?: { id: string; email: string };
}

export interface TwoFactorEnableResult {
  totpURI: string;
  backupCodes: string[];
}

export const authClient = {
  signUp: (body: { name: string; email: string; password: string; callbackURL: string }) =>
    api.post<unknown>(`${A}/sign-up/email`, body),
  signIn: (body: { email: string; password: string; rememberMe: boolean }) =>
    api.post<SignInResult>(`${A}/sign-in/email`, body),
  verifyTotp: (body: { code: string; trustDevice?: boolean }) => api.post<unknown>(`${A}/two-factor/verify-totp`, body),
  verifyBackupCode: (body: { code: string }) => api.post<unknown>(`${A}/two-factor/verify-backup-code`, body),
  sendVerificationEmail: (body: { email: string; callbackURL: string }) =>
    api.post<unknown>(`${A}/send-verification-email`, body),
  requestPasswordReset: (email: string) =>
    api.post<unknown>(`${A}/request-password-reset`, { email, redirectTo: `${window.location.origin}/reset-password` }),
  resetPassword: (body: { newPassword: string; token: string }) => api.post<unknown>(`${A}/reset-password`, body),
  changePassword: (body: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean }) =>
    api.post<unknown>(`${A}/change-password`, body),
  signOut: () => api.post<unknown>(`${A}/sign-out`, {}),
  revokeSessions: () => api.post<unknown>(`${A}/revoke-sessions`, {}),
  enableTwoFactor: (password: string) => api.post<TwoFactorEnableResult>(`${A}/two-factor/enable`, { password }),
  disableTwoFactor: (password: string) => api.post<unknown>(`${A}/two-factor/disable`, { password }),
  generateBackupCodes: (password: string) =>
    api.post<{ backupCodes: string[] }>(`${A}/two-factor/generate-backup-codes`, { password }),
};

/** better-auth's default password bounds. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function passwordError(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters`;
  return undefined;
}
