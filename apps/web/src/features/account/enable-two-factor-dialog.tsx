import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { formLevelError } from '../../lib/form-errors';
import { FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CopyField } from '../../ui/copy-button';
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { toast } from '../../ui/toast';
import { authClient, type TwoFactorEnableResult } from '../auth/auth-client';
import { refreshSession } from '../auth/session';
import { BackupCodes } from './backup-codes';
import { PasswordPrompt } from './password-prompt';

/**
 * Enabling is two calls: `enable` (password) returns the TOTP secret and
 * backup codes; 2FA is only switched on once a code from the app verifies.
 */
export function EnableTwoFactorDialog() {
  const [open, setOpen] = useState(false);
  const enable = useMutation({ mutationFn: authClient.enableTwoFactor });
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) enable.reset(); }}>
      <DialogTrigger asChild>
        <Button><ShieldCheck aria-hidden /> Enable two-factor</Button>
      </DialogTrigger>
      {enable.data ? (
        <DialogContent title="Set up your authenticator app" className="max-w-lg" dismissible={false}>
          <VerifyStep setup={enable.data} onDone={() => setOpen(false)} onCancel={() => setOpen(false)} />
        </DialogContent>
      ) : (
        <DialogContent title="Enable two-factor authentication" description="Confirm with your password to start the setup.">
          <PasswordPrompt submitLabel="Continue" pending={enable.isPending} error={enable.error} onSubmit={(p) => enable.mutate(p)} />
        </DialogContent>
      )}
    </Dialog>
  );
}

function VerifyStep({ setup, onDone, onCancel }: { setup: TwoFactorEnableResult; onDone: () => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [clientError, setClientError] = useState<string>();
  const qr = useQrCode(setup.totpURI);
  const secret = secretFromUri(setup.totpURI);
  const verify = useMutation({
    mutationFn: () => authClient.verifyTotp({ code: code.replace(/\s/g, '') }),
    onSuccess: async () => {
      await refreshSession(queryClient);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      toast('Two-factor authentication is on');
      onDone();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const valid = /^\d{6}$/.test(code.replace(/\s/g, ''));
    setClientError(valid ? undefined : 'Enter the 6-digit code from your app');
    if (valid) verify.mutate();
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-5">
      <ol className="grid gap-5 text-sm">
        <li className="grid gap-3">
          <p><span className="font-medium">1.</span> Scan this QR code with your authenticator app.</p>
          <div className="flex flex-wrap items-center gap-4">
            <div className="rounded-lg border bg-white p-2">
              {qr ? <img src={qr} alt="QR code for your authenticator app" width={160} height={160} /> : <div className="size-40" />}
            </div>
            {secret && (
              <div className="grid min-w-0 flex-1 gap-1.5">
                <p className="text-[13px] text-muted">Can't scan? Enter this key instead:</p>
                <CopyField value={secret} label="Copy setup key" iconOnly />
              </div>
            )}
          </div>
        </li>
        <li className="grid gap-3">
          <p><span className="font-medium">2.</span> Save your backup codes. Each one lets you sign in once if you lose your phone.</p>
          <BackupCodes codes={setup.backupCodes} />
        </li>
        <li className="grid gap-3">
          <p><span className="font-medium">3.</span> Enter the code your app shows to finish.</p>
          <FormError message={formLevelError(verify.error, [])} />
          <Field label="Authentication code" error={clientError}>
            {(p) => (
              <Input {...p} inputMode="numeric" autoComplete="one-time-code" maxLength={7} placeholder="123456" className="max-w-40 font-mono tracking-widest" value={code} onChange={(e) => setCode(e.target.value)} />
            )}
          </Field>
        </li>
      </ol>
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit" loading={verify.isPending}>Verify and turn on</Button>
      </DialogFooter>
    </form>
  );
}

/** Renders the otpauth:// URI as a data: URL image (allowed by the CSP's img-src). */
function useQrCode(uri: string): string | null {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Loaded on demand: only this dialog needs the QR encoder.
    import('qrcode')
      .then((QRCode) => QRCode.toDataURL(uri, { margin: 1, width: 320 }))
      .then((url) => !cancelled && setDataUrl(url))
      .catch(() => !cancelled && setDataUrl(null));
    return () => {
      cancelled = true;
    };
  }, [uri]);
  return dataUrl;
}

function secretFromUri(uri: string): string | null {
  try {
    return new URL(uri).searchParams.get('secret');
  } catch {
    return uri.match(/[?&]secret=([^&]+)/)?.[1] ?? null;
  }
}
