import type { Conversation } from '@aio/contracts';
import { useState } from 'react';
import { formLevelError, serverFieldErrors } from '../../../lib/form-errors';
import { FormError } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogFooter } from '../../../ui/dialog';
import { Field } from '../../../ui/field';
import { Input } from '../../../ui/input';
import { toast } from '../../../ui/toast';
import { useUpdateConversation } from '../api/conversations-api';
import { useChat } from '../chat-context';

/** Edit a channel's topic (controlled: opened from the channel menu). */
export function TopicDialog({ conversation, open, onOpenChange }: { conversation: Conversation; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { workspaceId } = useChat();
  const [topic, setTopic] = useState(conversation.topic);
  const update = useUpdateConversation(workspaceId, conversation.id);
  function save(e: React.FormEvent) {
    e.preventDefault();
    update.mutate({ topic }, { onSuccess: () => (toast('Topic updated'), onOpenChange(false)) });
  }
  return (
    <Dialog open={open} onOpenChange={(o) => (onOpenChange(o), o && setTopic(conversation.topic), update.reset())}>
      <DialogContent title="Edit topic" description={`Let people know what #${conversation.name ?? ''} is about.`}>
        <form onSubmit={save} className="grid gap-4">
          <Field label="Topic" error={serverFieldErrors(update.error).topic}>
            {(p) => <Input {...p} value={topic} maxLength={250} onChange={(e) => setTopic(e.target.value)} autoFocus />}
          </Field>
          <FormError message={formLevelError(update.error, ['topic'])} />
          <DialogFooter>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" loading={update.isPending}>Save</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
