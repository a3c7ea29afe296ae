import { ChannelName } from '@aio/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { formLevelError, mergeErrors, serverFieldErrors, validate, type FieldErrors } from '../../../lib/form-errors';
import { FormError } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Checkbox } from '../../../ui/checkbox';
import { Dialog, DialogContent, DialogFooter } from '../../../ui/dialog';
import { Field } from '../../../ui/field';
import { Input } from '../../../ui/input';
import { useCreateConversation } from '../api/conversations-api';

/** Slack-style: spaces become dashes and letters are lower-cased as you type. */
export function toChannelName(typed: string): string {
  return typed.toLowerCase().replace(/\s+/g, '-');
}

interface CreateChannelDialogProps {
  workspaceId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function CreateChannelDialog({ workspaceId, open, onOpenChange }: CreateChannelDialogProps) {
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [isPrivate, setIsPrivate] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateConversation(workspaceId);
  const navigate = useNavigate();

  function reset(next: boolean) {
    onOpenChange(next);
    if (!next) return;
    setName('');
    setTopic('');
    setIsPrivate(false);
    setErrors({});
    create.reset();
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const checked = validate(ChannelName, name);
    if (checked.errors) return setErrors({ name: checked.errors._ });
    setErrors({});
    create.mutate(
      { kind: 'channel', name, topic: topic || undefined, isPrivate },
      {
        onSuccess: (c) => {
          onOpenChange(false);
          void navigate({ to: '/w/$workspaceId/c/$conversationId', params: { workspaceId, conversationId: c.id } });
        },
      },
    );
  }

  const shown = mergeErrors(serverFieldErrors(create.error), errors);
  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent title="Create a channel" description="Channels are where a team talks about a topic.">
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <Field label="Name" error={shown.name} hint="Lower-case letters, digits, dashes and underscores.">
            {(p) => (
              <div className="relative">
                <span className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted" aria-hidden>#</span>
                <Input {...p} value={name} maxLength={80} onChange={(e) => setName(toChannelName(e.target.value))} placeholder="e.g. plan-budget" className="pl-7" autoFocus />
              </div>
            )}
          </Field>
          <Field label="Topic (optional)" error={shown.topic}>
            {(p) => <Input {...p} value={topic} maxLength={250} onChange={(e) => setTopic(e.target.value)} placeholder="What is this channel about?" />}
          </Field>
          <Checkbox
            label="Make private"
            hint="Only people who are added can see a private channel."
            checked={isPrivate}
            onChange={(e) => setIsPrivate(e.target.checked)}
          />
          <FormError message={formLevelError(create.error, ['name', 'topic'])} />
          <DialogFooter>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create channel</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
