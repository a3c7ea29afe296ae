import type { Message } from '@aio/contracts';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { Button } from '../../../ui/button';
import { useChat } from '../chat-context';
import { useAutosize } from '../composer/use-autosize';
import { startEditing } from '../editing-store';

/** In-place editing of my message: Enter saves, Shift+Enter adds a line, Esc cancels. */
export function MessageEditor({ message }: { message: Message }) {
  const { actions } = useChat();
  const [body, setBody] = useState(message.body);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  useAutosize(ref, body);

  async function save() {
    if (body === message.body) return startEditing(null);
    if (!body.trim()) return setError('A message cannot be empty. Delete it instead.');
    setSaving(true);
    try {
      await actions.edit(message, body);
      startEditing(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      startEditing(null);
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void save();
    }
  }

  return (
    <div className="my-1 grid gap-2 rounded-lg border border-input bg-surface p-2 focus-within:ring-2 focus-within:ring-ring/60">
      <textarea
        ref={ref}
        aria-label="Edit message"
        value={body}
        autoFocus
        onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        rows={1}
        className="w-full resize-none bg-transparent text-[15px] leading-relaxed focus:outline-none"
      />
      {error && <p role="alert" className="text-[13px] text-danger">{error}</p>}
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto text-xs text-muted">Esc to cancel · Enter to save</span>
        <Button size="sm" variant="secondary" onClick={() => startEditing(null)}>Cancel</Button>
        <Button size="sm" loading={saving} onClick={save}>Save</Button>
      </div>
    </div>
  );
}
