import type { Conversation } from '@aio/contracts';
import { Hash, Lock } from 'lucide-react';
import { cn } from '../../../lib/cn';
import { Avatar } from '../../../ui/avatar';
import { usePresence } from '../api/presence-api';
import { conversationTitle, directPeer } from '../conversation-title';

/** # for channels, a lock for private ones, the person's avatar with a presence dot for DMs. */
export function ConversationIcon({ conversation, meId, workspaceId, className }: { conversation: Conversation; meId: string; workspaceId: string; className?: string }) {
  if (conversation.kind !== 'direct') {
    const Icon = conversation.isPrivate ? Lock : Hash;
    return <Icon className={cn('size-4 shrink-0 text-muted', className)} aria-hidden />;
  }
  return <DirectAvatar conversation={conversation} meId={meId} workspaceId={workspaceId} className={className} />;
}

function DirectAvatar({ conversation, meId, workspaceId, className }: { conversation: Conversation; meId: string; workspaceId: string; className?: string }) {
  const presence = usePresence(workspaceId);
  const peer = directPeer(conversation, meId);
  const state = peer ? presence[peer]?.presence : undefined;
  return (
    <span className={cn('relative inline-flex shrink-0', className)}>
      <Avatar name={conversationTitle(conversation, meId)} className="size-5 rounded text-[9px]" />
      {peer && <PresenceDot state={state ?? 'offline'} className="absolute -right-0.5 -bottom-0.5" />}
    </span>
  );
}

const DOT: Record<string, string> = {
  online: 'bg-success border-surface',
  away: 'bg-warning border-surface',
  offline: 'bg-surface border-muted',
};
const PRESENCE_LABEL: Record<string, string> = { online: 'Active', away: 'Away', offline: 'Offline' };

export function PresenceDot({ state, className }: { state: string; className?: string }) {
  return (
    <span
      role="img"
      aria-label={PRESENCE_LABEL[state] ?? state}
      title={PRESENCE_LABEL[state] ?? state}
      data-presence={state}
      className={cn('inline-block size-2.5 rounded-full border-2', DOT[state] ?? DOT.offline, className)}
    />
  );
}
