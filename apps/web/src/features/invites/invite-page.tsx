import type { InvitePreview, Me } from '@aio/contracts';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { LogOut } from 'lucide-react';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { Alert, FormError } from '../../ui/alert';
import { WorkspaceMark } from '../../ui/avatar';
import { Button } from '../../ui/button';
import { Spinner } from '../../ui/feedback';
import { AuthLayout } from '../auth/auth-layout';
import { useSession } from '../auth/session';
import { useSignOut } from '../auth/use-sign-out';
import { ROLE_LABELS } from '../workspaces/roles';
import { useAcceptInvite, useInvitePreview } from './api';

const STATUS_TEXT: Record<Exclude<InvitePreview['status'], 'pending'>, string> = {
  accepted: 'This invite has already been accepted.',
  revoked: 'This invite was revoked by a workspace admin. Ask them for a new one.',
  expired: 'This invite has expired. Ask a workspace admin to send a new one.',
};

export function InvitePage() {
  const { token } = useParams({ from: '/invite/$token' });
  const preview = useInvitePreview(token);

  if (preview.isPending) return <AuthLayout title="Loading invitation"><Spinner label="Loading invitation" /></AuthLayout>;
  if (preview.isError) {
    const missing = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <AuthLayout title={missing ? 'Invite not found' : 'Could not load the invite'}>
        <Alert tone={missing ? 'warning' : 'danger'} role="alert">
          {missing ? 'The link is incomplete or no longer valid. Check that you copied all of it.' : errorMessage(preview.error)}
        </Alert>
      </AuthLayout>
    );
  }
  const invite = preview.data;
  return (
    <AuthLayout title={`Join ${invite.workspaceName}`} description={invitationLine(invite)}>
      <div className="grid gap-5">
        <div className="flex items-center gap-3 rounded-lg border bg-surface-2 p-3">
          <WorkspaceMark name={invite.workspaceName} className="size-10 rounded-lg text-base" />
          <div className="grid min-w-0 text-sm">
            <span className="truncate font-medium">{invite.workspaceName}</span>
            <span className="truncate text-muted">
              {ROLE_LABELS[invite.role]} · for {invite.email}
            </span>
          </div>
        </div>
        {invite.status === 'pending' ? <InviteActions token={token} invite={invite} /> : <Alert tone="warning" role="status">{STATUS_TEXT[invite.status]}</Alert>}
      </div>
    </AuthLayout>
  );
}

function invitationLine(invite: InvitePreview): string {
  const who = invite.invitedByName ?? 'A workspace admin';
  return `${who} invited you to join as ${ROLE_LABELS[invite.role].toLowerCase()}. The invite expires ${formatDate(invite.expiresAt)}.`;
}

/** What to do next depends on who is looking: nobody, the invitee, or someone else. */
function InviteActions({ token, invite }: { token: string; invite: InvitePreview }) {
  const { data: session } = useSession();
  const here = `/invite/${token}`;
  const user = session?.user;
  if (!user) {
    return (
      <div className="grid gap-2">
        <Button asChild size="lg">
          <Link to="/sign-in" search={{ redirect: here, email: invite.email }}>Sign in to accept</Link>
        </Button>
        <Button asChild size="lg" variant="secondary">
          <Link to="/sign-up" search={{ redirect: here, email: invite.email }}>Create an account</Link>
        </Button>
      </div>
    );
  }
  if (user.email.toLowerCase() !== invite.email.toLowerCase()) return <WrongAccount user={user} invite={invite} here={here} />;
  return <AcceptButton token={token} />;
}

function AcceptButton({ token }: { token: string }) {
  const accept = useAcceptInvite(token);
  const navigate = useNavigate();
  return (
    <div className="grid gap-3">
      <FormError message={accept.error ? errorMessage(accept.error) : null} />
      <Button
        size="lg"
        loading={accept.isPending}
        onClick={() => accept.mutate(undefined, { onSuccess: (w) => navigate({ to: '/w/$workspaceId', params: { workspaceId: w.id } }) })}
      >
        Accept invite
      </Button>
      <Button asChild variant="ghost">
        <Link to="/">Not now</Link>
      </Button>
    </div>
  );
}

function WrongAccount({ user, invite, here }: { user: Me; invite: InvitePreview; here: string }) {
  const signOut = useSignOut({ redirect: here });
  return (
    <div className="grid gap-3">
      <Alert tone="warning" role="status" title="This invite is for another address">
        You're signed in as {user.email}, but the invite was sent to {invite.email}. Sign in with that address to accept it.
      </Alert>
      <FormError message={signOut.error ? errorMessage(signOut.error) : null} />
      <Button size="lg" loading={signOut.isPending} onClick={() => signOut.mutate()}>
        <LogOut aria-hidden /> Switch account
      </Button>
    </div>
  );
}
