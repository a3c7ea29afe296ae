import { useChat } from '../chat-context';
import { useTypingUsers } from '../realtime/use-realtime';

/** "Ada is typing…" under the composer. Deliberately not a live region: it would chatter. */
export function TypingIndicator({ conversationId, threadRootId }: { conversationId: string; threadRootId: string | null }) {
  const { connection, memberName } = useChat();
  const userIds = useTypingUsers(connection, conversationId, threadRootId);
  const names = userIds.map(memberName);
  let text = '';
  if (names.length === 1) text = `${names[0]} is typing…`;
  else if (names.length === 2) text = `${names[0]} and ${names[1]} are typing…`;
  else if (names.length > 2) text = 'Several people are typing…';
  return (
    <p className="h-5 truncate px-5 text-xs text-muted" data-testid="typing-indicator">
      {text && (
        <>
          <span className="mr-1 inline-flex gap-0.5 align-middle" aria-hidden>
            <span className="size-1 animate-bounce rounded-full bg-muted [animation-delay:-0.3s]" />
            <span className="size-1 animate-bounce rounded-full bg-muted [animation-delay:-0.15s]" />
            <span className="size-1 animate-bounce rounded-full bg-muted" />
          </span>
          <span className="font-medium">{text}</span>
        </>
      )}
    </p>
  );
}
