import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Search } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../../../ui/dialog';
import { Spinner } from '../../../ui/feedback';
import { useChat } from '../chat-context';
import { useDebounced } from '../use-debounced';
import { searchQuery } from './search-api';
import { SearchResult, type Hit } from './search-result';

const FILTERS = [
  { token: 'from:@', help: 'from:@ada — by a person' },
  { token: 'in:#', help: 'in:#general — in a channel' },
  { token: 'before:', help: 'before:2025-01-31' },
  { token: 'after:', help: 'after:2025-01-01' },
  { token: 'has:link', help: 'has:link — messages with a link' },
  { token: 'is:thread', help: 'is:thread — thread replies' },
] as const;

/** Search button for the header; the dialog searches every conversation I can read. */
export function SearchDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className="inline-flex h-7 w-9 items-center justify-center gap-2 rounded-md border bg-surface-2 px-2 text-xs text-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none sm:w-48 sm:justify-start" aria-label="Search messages">
        <Search className="size-3.5 shrink-0" aria-hidden /> <span className="hidden sm:inline">Search messages</span>
      </DialogTrigger>
      <DialogContent title="Search messages" className="max-w-2xl gap-3">
        {open && <SearchPanel onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function SearchPanel({ onDone }: { onDone: () => void }) {
  const { workspaceId } = useChat();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const query = useDebounced(q.trim(), 250);
  const results = useInfiniteQuery(searchQuery(workspaceId, query));

  function addFilter(token: string) {
    const next = `${q.trim()} ${token}`.trimStart();
    setQ(next);
    inputRef.current?.focus();
  }

  function open(hit: Hit) {
    onDone();
    const m = hit.message;
    if (m.threadRootId && !m.alsoInChannel) {
      void navigate({ to: '/w/$workspaceId/c/$conversationId/t/$threadRootId', params: { workspaceId, conversationId: m.conversationId, threadRootId: m.threadRootId } });
    } else {
      void navigate({ to: '/w/$workspaceId/c/$conversationId', params: { workspaceId, conversationId: m.conversationId }, search: { at: m.seq } });
    }
  }

  const hits = results.data?.pages.flatMap((p) => p.items) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;
  return (
    <div className="grid gap-3">
      <div className="relative">
        <label htmlFor={inputId} className="sr-only">Search</label>
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" aria-hidden />
        <input
          id={inputId}
          ref={inputRef}
          autoFocus
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Search, e.g. deploy from:@ada in:#ops"
          className="h-10 w-full rounded-lg border border-input bg-surface pr-3 pl-9 text-sm focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none"
        />
      </div>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Filters">
        {FILTERS.map((f) => (
          <button key={f.token} type="button" title={f.help} onClick={() => addFilter(f.token)} className="rounded-full border bg-surface-2 px-2.5 py-0.5 font-mono text-xs text-muted hover:border-input hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            {f.token}
          </button>
        ))}
      </div>
      <div className="max-h-[55vh] min-h-24 overflow-y-auto" aria-live="polite" aria-busy={results.isFetching}>
        {!query && <SearchHelp />}
        {query && results.isPending && <Spinner label="Searching" />}
        {results.error && <p role="alert" className="py-4 text-sm text-danger">{errorMessage(results.error)}</p>}
        {query && results.isSuccess && (
          <>
            <p className="px-1 pb-2 text-xs text-muted">{total === 1 ? '1 result' : `${total} results`}</p>
            <ul className="grid gap-1">
              {hits.map((hit) => (
                <li key={hit.message.id}>
                  <SearchResult hit={hit} onOpen={() => open(hit)} />
                </li>
              ))}
            </ul>
            {results.hasNextPage && (
              <Button variant="secondary" size="sm" className="mt-2 w-full" loading={results.isFetchingNextPage} onClick={() => results.fetchNextPage()}>
                More results
              </Button>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function SearchHelp() {
  return (
    <div className="grid gap-2 px-1 py-2 text-sm text-muted">
      <p>Search words in every conversation you can read. Narrow it down with filters:</p>
      <ul className="grid gap-1 font-mono text-xs">
        {FILTERS.map((f) => (
          <li key={f.token}>{f.help}</li>
        ))}
      </ul>
    </div>
  );
}
