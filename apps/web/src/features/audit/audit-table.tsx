import type { AuditEntry, AuditPage } from '@aio/contracts';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { ChevronRight, ScrollText } from 'lucide-react';
import { Fragment, useState } from 'react';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { formatDateTime } from '../../lib/format';
import { FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { EmptyState, Spinner } from '../../ui/feedback';

interface AuditTableProps {
  query: UseInfiniteQueryResult<InfiniteData<AuditPage>>;
  emptyText: string;
  /** The security log is always about me, so the actor column can go. */
  showActor?: boolean;
}

/** Shared table for the workspace audit log and the account security log. */
export function AuditTable({ query, emptyText, showActor = true }: AuditTableProps) {
  if (query.isPending) return <Spinner label="Loading entries" className="rounded-lg border bg-surface" />;
  if (query.isError) return <FormError message={errorMessage(query.error)} />;
  const entries = query.data.pages.flatMap((p) => p.items);
  if (entries.length === 0) {
    return <EmptyState className="rounded-lg border border-dashed bg-surface" icon={<ScrollText />} title="No entries" description={emptyText} />;
  }
  const columns = showActor ? 6 : 5;
  return (
    <div className="grid gap-4">
      <div className="overflow-x-auto rounded-lg border bg-surface">
        <table className="w-full text-sm">
          <thead className="border-b bg-surface-2/60 text-left text-xs text-muted">
            <tr>
              <th scope="col" className="w-8 px-2 py-2.5"><span className="sr-only">Details</span></th>
              <th scope="col" className="px-3 py-2.5 font-medium">Time</th>
              {showActor && <th scope="col" className="px-3 py-2.5 font-medium">Actor</th>}
              <th scope="col" className="px-3 py-2.5 font-medium">Action</th>
              <th scope="col" className="px-3 py-2.5 font-medium">Target</th>
              <th scope="col" className="px-3 py-2.5 font-medium">IP</th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {entries.map((e) => (
              <AuditRow key={e.id} entry={e} showActor={showActor} columns={columns} />
            ))}
          </tbody>
        </table>
      </div>
      {query.hasNextPage && (
        <Button variant="secondary" className="justify-self-center" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}

function AuditRow({ entry, showActor, columns }: { entry: AuditEntry; showActor: boolean; columns: number }) {
  const [open, setOpen] = useState(false);
  const hasDiff = entry.before != null || entry.after != null;
  const detailsId = `audit-${entry.id}-details`;
  return (
    <Fragment>
      <tr className={cn('align-top', open && 'bg-surface-2/50')}>
        <td className="px-2 py-2">
          {hasDiff && (
            <button
              type="button"
              aria-expanded={open}
              aria-controls={detailsId}
              aria-label={open ? 'Hide changes' : 'Show changes'}
              onClick={() => setOpen((o) => !o)}
              className="rounded p-0.5 text-muted hover:bg-surface-2 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <ChevronRight className={cn('size-4 transition-transform', open && 'rotate-90')} aria-hidden />
            </button>
          )}
        </td>
        <td className="px-3 py-2 whitespace-nowrap text-muted">
          <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
        </td>
        {showActor && (
          <td className="px-3 py-2">
            {entry.actor ? (
              <span className="grid">
                <span className="font-medium">{entry.actor.name}</span>
                <span className="max-w-56 truncate text-xs text-muted" title={entry.actor.email}>{entry.actor.email}</span>
              </span>
            ) : (
              <span className="text-muted">System</span>
            )}
          </td>
        )}
        <td className="px-3 py-2">
          <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs">{entry.action}</code>
        </td>
        <td className="px-3 py-2 text-muted">
          {entry.targetType ? (
            <span className="grid">
              <span>{entry.targetType}</span>
              {/* Ids are long UUIDs: truncated, with the full value on hover and for copy. */}
              {entry.targetId && <span className="block max-w-48 truncate font-mono text-xs" title={entry.targetId}>{entry.targetId}</span>}
            </span>
          ) : '—'}
        </td>
        <td className="px-3 py-2 font-mono text-xs whitespace-nowrap text-muted">{entry.ip ?? '—'}</td>
      </tr>
      {open && (
        <tr id={detailsId} className="bg-surface-2/50">
          <td colSpan={columns} className="px-4 pb-4">
            <div className="grid gap-3 md:grid-cols-2">
              <JsonBlock label="Before" value={entry.before} />
              <JsonBlock label="After" value={entry.after} />
            </div>
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <figure className="grid min-w-0 gap-1">
      <figcaption className="text-xs font-medium text-muted">{label}</figcaption>
      <pre className="max-h-72 overflow-auto rounded-md border bg-surface p-3 font-mono text-xs leading-relaxed">
        {value == null ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </figure>
  );
}
