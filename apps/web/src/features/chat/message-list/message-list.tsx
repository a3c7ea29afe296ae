import type { Conversation } from '@aio/contracts';
import { ArrowDown } from 'lucide-react';
import { errorMessage } from '../../../lib/api';
import { Alert } from '../../../ui/alert';
import { Spinner } from '../../../ui/feedback';
import { RowView } from './row-view';
import { useMessageWindow } from './use-message-window';

interface MessageListProps {
  conversation: Conversation;
  /** Seq of a message to bring into view (search result, link); cleared through onJumpDone. */
  jumpSeq: number | undefined;
  onJumpDone: () => void;
  label: string;
}

/**
 * The conversation's messages, virtualised: only the rows in and near the
 * viewport are in the DOM, whatever the history length. The virtualizer keeps
 * the reading position when older pages are prepended (anchorTo: end); new
 * messages are followed while the view is at the bottom (useStickToBottom).
 */
export function MessageList({ conversation, jumpSeq, onJumpDone, label }: MessageListProps) {
  const { timeline, error, rows, virtualizer, scrollRef, highlightSeq, onScroll, goToLatest, showJumpToLatest } = useMessageWindow(conversation, jumpSeq, onJumpDone);
  if (error) return <Alert tone="danger" className="m-5" title="Messages could not be loaded">{errorMessage(error)}</Alert>;
  if (!timeline) return <Spinner label="Loading messages" className="flex-1" />;
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        onScroll={(e) => onScroll(e.currentTarget)}
        tabIndex={0}
        role="region"
        aria-label={label}
        data-testid="message-scroller"
        className="h-full overflow-y-auto overscroll-contain focus-visible:outline-none [overflow-anchor:none]"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <RowView row={rows[item.index]!} conversation={conversation} highlightSeq={highlightSeq} />
            </div>
          ))}
        </div>
      </div>
      {showJumpToLatest && <JumpToLatest onClick={goToLatest} />}
    </div>
  );
}

function JumpToLatest({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="absolute bottom-3 left-1/2 flex -translate-x-1/2 items-center gap-1.5 rounded-full bg-primary px-3 py-1.5 text-xs font-medium text-primary-foreground shadow-lg hover:bg-primary-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:outline-none"
    >
      <ArrowDown className="size-3.5" aria-hidden /> Jump to recent messages
    </button>
  );
}
