import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { formLevelError } from '../../../lib/form-errors';
import { FormError } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogFooter } from '../../../ui/dialog';
import { useCurrentUser } from '../../auth/session';
import { useMembers } from '../../members/api';
import { useCreateConversation } from '../api/conversations-api';
import { MemberPicker } from '../people/member-picker';

/** A DM has up to 8 other people. */
const MAX_DM_PEOPLE = 8;

export function NewDirectMessageDialog({ workspaceId, open, onOpenChange }: { workspaceId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const me = useCurrentUser();
  const { data: members = [] } = useMembers(workspaceId);
  const [selected, setSelected] = useState<string[]>([]);
  const create = useCreateConversation(workspaceId);
  const navigate = useNavigate();
  const others = members.filter((m) => m.userId !== me.id);

  function start() {
    create.mutate(
      { kind: 'direct', memberIds: selected },
      {
        onSuccess: (c) => {
          onOpenChange(false);
          void navigate({ to: '/w/$workspaceId/c/$conversationId', params: { workspaceId, conversationId: c.id } });
        },
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={(o) => (onOpenChange(o), o && (setSelected([]), create.reset()))}>
      <DialogContent title="New message" description={`Choose up to ${MAX_DM_PEOPLE} people.`} className="max-w-lg">
        <MemberPicker workspaceId={workspaceId} members={others} selected={selected} onChange={setSelected} max={MAX_DM_PEOPLE} />
        <FormError message={formLevelError(create.error, [])} />
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button disabled={selected.length === 0} loading={create.isPending} onClick={start}>
            Start conversation
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
