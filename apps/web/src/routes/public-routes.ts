import { createRoute } from '@tanstack/react-router';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page';
import { ResetPasswordPage } from '../features/auth/reset-password-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { VerifyEmailPage } from '../features/auth/verify-email-page';
import { sessionQuery } from '../features/auth/session';
import { InvitePage } from '../features/invites/invite-page';
import { compact, optionalString, parseAuthSearch } from '../lib/redirect';
import { redirectIfSignedIn } from './guards';
import { rootRoute } from './root';

/** Pages reachable while signed out. */
export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: parseAuthSearch,
  beforeLoad: ({ context, search }) => redirectIfSignedIn(context, search.redirect),
  component: SignInPage,
});

export const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  validateSearch: parseAuthSearch,
  beforeLoad: ({ context, search }) => redirectIfSignedIn(context, search.redirect),
  component: SignUpPage,
});

export const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify-email',
  validateSearch: (s: Record<string, unknown>) => compact({ ...parseAuthSearch(s), error: optionalString(s.error, 100) }),
  // Loaded up front so the page knows at once whether the visitor is signed in.
  loader: ({ context }) => context.queryClient.ensureQueryData({ ...sessionQuery, retry: false }).catch(() => null),
  component: VerifyEmailPage,
});

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  validateSearch: (s: Record<string, unknown>) => compact({ email: parseAuthSearch(s).email }),
  component: ForgotPasswordPage,
});

export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (s: Record<string, unknown>) => compact({ token: optionalString(s.token), error: optionalString(s.error, 100) }),
  component: ResetPasswordPage,
});

/** Works signed in or out: the page itself offers sign-in/sign-up and returns here. */
export const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  loader: ({ context }) => context.queryClient.ensureQueryData({ ...sessionQuery, retry: false }).catch(() => null),
  component: InvitePage,
});

