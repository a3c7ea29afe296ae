import { LogOut } from 'lucide-react';
import { Button } from '../../ui/button';
import { SectionCard } from '../../ui/card';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useSignOut } from '../auth/use-sign-out';

export function SessionsSection() {
  const signOutEverywhere = useSignOut({ everywhere: true });
  return (
    <SectionCard
      title="Sessions"
      description="Lost a device or signed in on a shared computer? Sign out of every browser and app at once, including this one."
      footer={
        <ConfirmDialog
          trigger={<Button variant="danger-outline"><LogOut aria-hidden /> Sign out everywhere</Button>}
          title="Sign out everywhere?"
          description="Every session, including this one, ends now. API keys are not affected; revoke them separately."
          confirmLabel="Sign out everywhere"
          onConfirm={() => signOutEverywhere.mutateAsync()}
        />
      }
    />
  );
}
