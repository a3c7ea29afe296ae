import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Activity, KeyRound, ShieldCheck, UserRound } from 'lucide-react';
import type { AccountTab } from './tabs';
import { Page } from '../../ui/page';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../ui/tabs';
import { ApiKeysSection } from './api-keys-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SecurityLogSection } from './security-log-section';
import { SessionsSection } from './sessions-section';
import { TwoFactorSection } from './two-factor-section';

const route = getRouteApi('/app/account');

/** Account settings; the open tab is in the URL (?tab=) so it survives reloads and can be linked. */
export function AccountPage() {
  const { tab = 'profile' } = route.useSearch();
  const navigate = useNavigate({ from: '/account' });
  return (
    <Page title="Account" description="Your profile, sign-in security and API access.">
      <Tabs value={tab} onValueChange={(t) => navigate({ search: { tab: t as AccountTab }, replace: true })}>
        <TabsList aria-label="Account sections">
          <TabsTrigger value="profile"><UserRound aria-hidden /> Profile</TabsTrigger>
          <TabsTrigger value="security"><ShieldCheck aria-hidden /> Security</TabsTrigger>
          <TabsTrigger value="api-keys"><KeyRound aria-hidden /> API keys</TabsTrigger>
          <TabsTrigger value="activity"><Activity aria-hidden /> Security log</TabsTrigger>
        </TabsList>
        <TabsContent value="profile" className="grid gap-6 pt-6 focus:outline-none">
          <ProfileSection />
          <PasswordSection />
        </TabsContent>
        <TabsContent value="security" className="grid gap-6 pt-6 focus:outline-none">
          <TwoFactorSection />
          <SessionsSection />
        </TabsContent>
        <TabsContent value="api-keys" className="grid gap-6 pt-6 focus:outline-none">
          <ApiKeysSection />
        </TabsContent>
        <TabsContent value="activity" className="grid gap-6 pt-6 focus:outline-none">
          <SecurityLogSection />
        </TabsContent>
      </Tabs>
    </Page>
  );
}
