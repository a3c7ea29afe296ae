import type { Conversation, Message, Presence } from '@aio/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { catchUpTimelines, resyncChat } from '../api/catch-up';
import { refreshConversations } from '../api/cache';
import { chatKeys } from '../api/keys';
import type { PresenceMap } from '../api/presence-api';
import { watchActivity, type ActivityWatch } from './activity';
import { applyEvent, type ApplyContext } from './apply-event';
import { notifyMessage } from './notifications';
import { WorkspaceSocket, type ConnectionStatus } from './socket-client';
import { TypingStore, typingPlace } from './typing-store';

const HEARTBEAT_MS = 25_000;
const TYPING_THROTTLE_MS = 3_000;

export interface ConnectionOptions {
  qc: QueryClient;
  meId: string;
  markRead(conversationId: string, seq: number): void;
  openConversation(conversation: Conversation, message: Message): void;
}

/**
 * Everything live about one workspace: its socket, who is typing, presence,
 * and which conversation is on screen. Shared by every component that needs it
 * (see use-realtime.ts), so there is one socket per workspace.
 */
export class WorkspaceConnection {
  readonly typing = new TypingStore();
  status: ConnectionStatus = 'connecting';
  viewing: string | null = null;
  private readonly socket: WorkspaceSocket;
  private readonly statusListeners = new Set<() => void>();
  private readonly typingSentAt = new Map<string, number>();
  private activity: ActivityWatch | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly workspaceId: string,
    public options: ConnectionOptions,
  ) {
    const ctx = this.applyContext();
    this.socket = new WorkspaceSocket(workspaceId, {
      onReady: (_frame, resumed) => this.onReady(resumed),
      onEvent: (frame) => applyEvent(ctx, frame),
      onResync: () => void resyncChat(this.options.qc, workspaceId),
      onTyping: (frame) => frame.userId !== this.options.meId && this.typing.add(typingPlace(frame.conversationId, frame.threadRootId), frame.userId),
      onPresence: ({ users }) => this.setPresence(users),
      onStatus: (status) => this.setStatus(status),
    });
  }

  start(): void {
    this.activity = watchActivity((state) => this.socket.send({ type: 'heartbeat', state }));
    this.heartbeat = setInterval(() => this.socket.send({ type: 'heartbeat', state: this.activity?.state() ?? 'active' }), HEARTBEAT_MS);
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
    this.activity?.stop();
    clearInterval(this.heartbeat);
    this.typing.dispose();
  }

  /** At most one typing frame per place every few seconds, however fast the keys come. */
  sendTyping(conversationId: string, threadRootId: string | null): void {
    const place = typingPlace(conversationId, threadRootId);
    const now = Date.now();
    if (now - (this.typingSentAt.get(place) ?? 0) < TYPING_THROTTLE_MS) return;
    if (this.socket.send({ type: 'typing', conversationId, ...(threadRootId ? { threadRootId } : {}) })) this.typingSentAt.set(place, now);
  }

  subscribeStatus = (listener: () => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  private applyContext(): ApplyContext {
    return {
      qc: this.options.qc,
      workspaceId: this.workspaceId,
      meId: this.options.meId,
      typing: this.typing,
      isViewing: (conversationId) => this.viewing === conversationId && !document.hidden,
      markRead: (conversationId, seq) => this.options.markRead(conversationId, seq),
      notify: (conversation, message) => notifyMessage(conversation, message, () => this.options.openConversation(conversation, message)),
    };
  }

  private onReady(resumed: boolean): void {
    this.socket.send({ type: 'heartbeat', state: this.activity?.state() ?? 'active' });
    // Resumed: the server replays what we missed. Fresh: close the gap between our REST loads and the socket.
    if (resumed) return;
    const { qc } = this.options;
    void refreshConversations(qc, this.workspaceId);
    void qc.invalidateQueries({ queryKey: chatKeys.presence(this.workspaceId) });
    void catchUpTimelines(qc, this.workspaceId);
  }

  private setPresence(users: Presence[]): void {
    this.options.qc.setQueryData<PresenceMap>(chatKeys.presence(this.workspaceId), (map) => map && { ...map, ...Object.fromEntries(users.map((p) => [p.userId, p])) });
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.statusListeners.forEach((l) => l());
  }
}
