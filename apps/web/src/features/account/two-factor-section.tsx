import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck, ShieldOff } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { SectionCard } from '../../ui/card';
import { Dialog, DialogContent, DialogTrigger } from '../../ui/dialog';
import { toast } from '../../ui/toast';
import { authClient } from '../auth/auth-client';
import { refreshSession, useCurrentUser } from '../auth/session';
import { BackupCodes } from './backup-codes';
import { EnableTwoFactorDialog } from './enable-two-factor-dialog';
import { PasswordPrompt } from './password-prompt';

export function TwoFactorSection() {
  const user = useCurrentUser();
  const enabled = user.twoFactorEnabled;
  return (
    <SectionCard
      title="Two-factor authentication"
      description="Ask for a code from an authenticator app (1Password, Google Authenticator, Aegis…) after your password."
      action={enabled ? <Badge tone="success"><ShieldCheck className="size-3" aria-hidden /> On</Badge> : <Badge>Off</Badge>}
      footer={
        enabled ? (
          <>
            <RegenerateCodesDialog />
            <DisableDialog />
          </>
        ) : (
          <EnableTwoFactorDialog />
        )
      }
    />
  );
}

function DisableDialog() {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const disable = useMutation({
    mutationFn: authClient.disableTwoFactor,
    onSuccess: async () => {
      await refreshSession(queryClient);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      setOpen(false);
      toast('Two-factor authentication is off');
    },
  });
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); disable.reset(); }}>
      <DialogTrigger asChild>
        <Button variant="danger-outline"><ShieldOff aria-hidden /> Disable</Button>
      </DialogTrigger>
      <DialogContent title="Turn off two-factor authentication?" description="Your account will be protected by your password only. Confirm with your password.">
        <PasswordPrompt tone="danger" submitLabel="Turn off" pending={disable.isPending} error={disable.error} onSubmit={(p) => disable.mutate(p)} />
      </DialogContent>
    </Dialog>
  );
}

function RegenerateCodesDialog() {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const regenerate = useMutation({
    mutationFn: authClient.generateBackupCodes,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
  const codes = regenerate.data?.backupCodes;
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) regenerate.reset(); }}>
      <DialogTrigger asChild>
        <Button variant="secondary">Regenerate backup codes</Button>
      </DialogTrigger>
      {codes ? (
        <DialogContent title="Your new backup codes" description="Your old codes no longer work. Store these somewhere safe; each works once." className="max-w-lg">
          <BackupCodes codes={codes} />
          <Button className="justify-self-end" onClick={() => setOpen(false)}>Done</Button>
        </DialogContent>
      ) : (
        <DialogContent title="Regenerate backup codes" description="This replaces your current backup codes. Confirm with your password.">
          <PasswordPrompt submitLabel="Generate new codes" pending={regenerate.isPending} error={regenerate.error} onSubmit={(p) => regenerate.mutate(p)} />
        </DialogContent>
      )}
    </Dialog>
  );
}
