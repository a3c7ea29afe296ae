/** The account page's tabs; the route validates `?tab=` against this list. */
export const ACCOUNT_TABS = ['profile', 'security', 'api-keys', 'activity'] as const;
export type AccountTab = (typeof ACCOUNT_TABS)[number];
