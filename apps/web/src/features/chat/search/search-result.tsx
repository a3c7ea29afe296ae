import type { SearchResults } from '@aio/contracts';
import { Hash, MessageSquareText, MessagesSquare } from 'lucide-react';
import { formatFull } from '../format';
import { Snippet } from './snippet';

export type Hit = SearchResults['items'][number];

export function SearchResult({ hit, onOpen }: { hit: Hit; onOpen: () => void }) {
  const where = hit.conversation.kind === 'direct' ? 'Direct message' : `#${hit.conversation.name ?? ''}`;
  const Icon = hit.conversation.kind === 'direct' ? MessagesSquare : Hash;
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="search-result"
      className="grid w-full gap-1 rounded-lg border border-transparent px-3 py-2 text-left hover:border-border hover:bg-surface-2 focus-visible:border-ring focus-visible:bg-surface-2 focus-visible:outline-none"
    >
      <span className="flex items-center gap-1.5 text-xs text-muted">
        <Icon className="size-3" aria-hidden />
        <span className="font-medium text-foreground/80">{where}</span>
        {hit.message.threadRootId && (
          <span className="inline-flex items-center gap-1">
            · <MessageSquareText className="size-3" aria-hidden /> in a thread
          </span>
        )}
      </span>
      <span className="flex items-baseline gap-2">
        <span className="text-sm font-semibold">{hit.message.author.name}</span>
        <span className="text-xs text-muted">{formatFull(hit.message.createdAt)}</span>
      </span>
      <Snippet parts={hit.snippet} />
    </button>
  );
}
