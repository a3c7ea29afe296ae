import type { Message } from '@aio/contracts';
import { useNavigate } from '@tanstack/react-router';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { Spinner } from '../../ui/feedback';
import { markdownToPlainText } from './markdown/render-markdown';

interface MessageJumpListProps {
  workspaceId: string;
  messages: Message[] | undefined;
  error: unknown;
  empty: string;
  /** Called before navigating (to close the popover or dialog). */
  onChosen: () => void;
}

/** A list of messages (pins, saved items); choosing one opens its conversation at it. */
export function MessageJumpList({ workspaceId, messages, error, empty, onChosen }: MessageJumpListProps) {
  const navigate = useNavigate();
  if (error) return <p className="p-3 text-sm text-danger">{errorMessage(error)}</p>;
  if (!messages) return <Spinner className="py-6" />;
  if (messages.length === 0) return <p className="p-4 text-center text-sm text-muted">{empty}</p>;
  const open = (m: Message) => {
    onChosen();
    const params = { workspaceId, conversationId: m.conversationId };
    if (m.threadRootId && !m.alsoInChannel) void navigate({ to: '/w/$workspaceId/c/$conversationId/t/$threadRootId', params: { ...params, threadRootId: m.threadRootId } });
    else void navigate({ to: '/w/$workspaceId/c/$conversationId', params, search: { at: m.seq } });
  };
  return (
    <ul className="max-h-96 divide-y overflow-y-auto">
      {messages.map((m) => (
        <li key={m.id}>
          <button
            type="button"
            className="grid w-full gap-0.5 px-3 py-2 text-left hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none"
            onClick={() => open(m)}
          >
            <span className="flex items-baseline gap-2 text-sm">
              <span className="truncate font-semibold">{m.author.name}</span>
              <span className="shrink-0 text-xs text-muted">{formatDateTime(m.createdAt)}</span>
            </span>
            <span className="line-clamp-2 text-sm break-words text-foreground/85">{markdownToPlainText(m.body)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
