import { WS_CLOSE } from '@aio/contracts';
import type { Logger } from '../../platform/logger';
import type { Db } from '../../db/client';
import { currentSeq, readEventsAfter } from '../../platform/events/log';
import type { Metrics } from '../../platform/metrics';
import { type LocalMember, MemberIndex, newChannelToLookUp } from './audience';
import type { Connection, WireFrame } from './connection';
import { SeqStream, type StreamEvent } from './seq-stream';

export interface RoomDeps {
  db: Db;
  log: Logger;
  metrics: Metrics;
  gapFillMs: number;
  /** A connection whose catch-up queue grows past this is closed as a slow consumer. */
  maxReplayEvents: number;
  /** Member ids of a conversation (null: it is gone). */
  findMemberIds(conversationId: string): Promise<string[] | null>;
}

/**
 * Everything this node knows about one workspace's connected clients: the
 * routing index of live connections, the connections still catching up, and
 * the workspace's event stream in seq order. Exists while anyone is connected.
 */
export class WorkspaceRoom {
  readonly index = new MemberIndex();
  /** Connections past their hello, not yet live; they queue events once their catch-up starts. */
  readonly syncing = new Set<Connection>();
  readonly stream: SeqStream;
  /** Resolves once the stream knows where the log stands; connections sync only after it. */
  readonly ready: Promise<void>;

  constructor(
    readonly workspaceId: string,
    private readonly deps: RoomDeps,
  ) {
    this.stream = new SeqStream({
      gapFillMs: deps.gapFillMs,
      log: deps.log,
      readAfter: (afterSeq, limit) => readEventsAfter(deps.db, workspaceId, afterSeq, limit),
      deliver: (event) => this.dispatch(event),
    });
    this.ready = currentSeq(deps.db, workspaceId).then((seq) => this.stream.start(seq));
    // Awaited by every connection that syncs; this only keeps a failure from counting as unhandled.
    this.ready.catch(() => undefined);
  }

  get isEmpty(): boolean {
    return this.index.users.size === 0 && this.syncing.size === 0;
  }

  /** One event, in seq order: the membership change it carries first, then its audience gets the frame. */
  private dispatch(event: StreamEvent): void | Promise<void> {
    const channelId = newChannelToLookUp(event);
    if (channelId) return this.lookUpMembers(event, channelId).then(() => this.route(event));
    this.route(event);
  }

  private async lookUpMembers(event: StreamEvent, conversationId: string): Promise<void> {
    try {
      event.joinedUserIds = (await this.deps.findMemberIds(conversationId)) ?? [];
    } catch (err) {
      // Without the list only the creator is routed to; the others pick the channel up on their next connect.
      this.deps.log.warn({ err, conversationId }, 'could not look up the members of a new channel');
    }
  }

  private route(event: StreamEvent): void {
    this.index.apply(event);
    const started = performance.now();
    let sent = 0;
    for (const member of this.index.audienceOf(event)) {
      for (const connection of member.connections) {
        // Its catch-up may have read this event from the log already: the log
        // can be ahead of this node's stream (the bus brings commits later).
        if (event.seq <= connection.sentSeq) continue;
        connection.sentSeq = event.seq;
        connection.sendRaw(event.frame);
        sent += 1;
      }
    }
    if (sent > 0) this.deps.metrics.wsEventFanoutSeconds.observe((performance.now() - started) / 1000);
    for (const connection of this.syncing) this.queue(connection, event);
  }

  private queue(connection: Connection, event: StreamEvent): void {
    const backlog = connection.backlog;
    if (!backlog) return;
    backlog.push(event);
    // Events keep arriving faster than this client takes its replay: it would only fall further behind.
    if (backlog.length > this.deps.maxReplayEvents) {
      this.deps.metrics.wsSlowConsumerDisconnects.inc();
      connection.close(WS_CLOSE.SLOW_CONSUMER, 'slow consumer');
    }
  }

  /** Moves a caught-up connection onto the live stream, with the memberships its catch-up arrived at. */
  goLive(connection: Connection, conversationIds: Set<string>): void {
    this.syncing.delete(connection);
    connection.backlog = null;
    connection.state = 'live';
    let member = this.index.users.get(connection.userId);
    if (!member) {
      member = { userId: connection.userId, connections: new Set(), conversationIds };
      this.index.add(member);
    }
    member.connections.add(connection);
  }

  detach(connection: Connection): void {
    this.syncing.delete(connection);
    const member = this.index.users.get(connection.userId);
    if (!member?.connections.delete(connection)) return;
    if (member.connections.size === 0) this.index.remove(member);
  }

  memberOf(userId: string): LocalMember | undefined {
    return this.index.users.get(userId);
  }

  /** Every connection of the workspace here, live or catching up (for closing them). */
  *connections(): Iterable<Connection> {
    for (const member of this.index.users.values()) yield* member.connections;
    yield* this.syncing;
  }

  /** An ephemeral frame to the live connections of a conversation's members, but one user. */
  sendToConversation(conversationId: string, frame: WireFrame, exceptUserId: string): void {
    for (const member of this.index.membersOf(conversationId)) {
      if (member.userId === exceptUserId) continue;
      for (const connection of member.connections) connection.sendRaw(frame);
    }
  }

  sendToEveryone(frame: WireFrame): void {
    for (const member of this.index.users.values()) for (const connection of member.connections) connection.sendRaw(frame);
  }

  close(): void {
    this.stream.stop();
  }
}
