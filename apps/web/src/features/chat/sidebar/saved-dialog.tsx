import type { Message } from '@aio/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { Dialog, DialogContent } from '../../../ui/dialog';
import { chatKeys } from '../api/keys';
import { chatPaths } from '../api/paths';
import { MessageJumpList } from '../message-jump-list';

const bookmarksQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: chatKeys.bookmarks(workspaceId),
    queryFn: ({ signal }) => api.get<{ items: Message[] }>(chatPaths.bookmarks(workspaceId), signal).then((r) => r.items),
    staleTime: 0,
  });

/** Messages I saved for later (newest first); choosing one opens it. */
export function SavedDialog({ workspaceId, open, onOpenChange }: { workspaceId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Saved for later" className="max-w-lg gap-3">
        <div className="-mx-6 -mb-6 border-t">{open && <SavedList workspaceId={workspaceId} onChosen={() => onOpenChange(false)} />}</div>
      </DialogContent>
    </Dialog>
  );
}

function SavedList({ workspaceId, onChosen }: { workspaceId: string; onChosen: () => void }) {
  const { data, error } = useQuery(bookmarksQuery(workspaceId));
  return (
    <MessageJumpList
      workspaceId={workspaceId}
      messages={data}
      error={error}
      empty="Nothing saved yet. Use the bookmark on a message to keep it here."
      onChosen={onChosen}
    />
  );
}
