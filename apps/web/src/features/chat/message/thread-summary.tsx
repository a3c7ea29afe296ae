import type { Message } from '@aio/contracts';
import { ChevronRight } from 'lucide-react';
import { Avatar } from '../../../ui/avatar';
import { useChat } from '../chat-context';
import { formatAgo, plural } from '../format';

/** "3 replies · last reply 2 hours ago" with the first participants' avatars; opens the thread. */
export function ThreadSummary({ message }: { message: Message }) {
  const { memberName, openThread } = useChat();
  const thread = message.thread;
  if (!thread || thread.replyCount === 0) return null;
  return (
    <button
      type="button"
      onClick={() => openThread(message)}
      className="group/thread mt-1 -ml-1 flex max-w-md items-center gap-2 rounded-md border border-transparent px-1 py-0.5 text-left text-[13px] hover:border-border hover:bg-surface focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <span className="flex -space-x-1" aria-hidden>
        {thread.participantIds.slice(0, 3).map((id) => (
          <Avatar key={id} name={memberName(id)} className="size-5 text-[9px] ring-2 ring-surface" />
        ))}
      </span>
      <span className="font-semibold text-primary">{plural(thread.replyCount, 'reply', 'replies')}</span>
      {thread.lastReplyAt && <span className="text-muted">· last reply {formatAgo(thread.lastReplyAt)}</span>}
      <ChevronRight className="size-3.5 text-muted opacity-0 transition-opacity group-hover/thread:opacity-100" aria-hidden />
    </button>
  );
}
