import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { type ClientFrame, WS_CLOSE } from '@aio/contracts';
import type { RawData, WebSocket } from 'ws';
import type { Deps } from '../../platform/context';
import { findMembershipRole } from '../workspaces/index';
import { Connection, type SocketIdentity } from './connection';
import { handleFrame } from './frames';
import { DEFAULT_OPTIONS, type RealtimeOptions } from './limits';
import { findConversationMemberIds, listMyConversationIds, prepareSocketSends, workspaceCtxOf } from './chat';
import { PresenceAnnouncer } from './presence/announce';
import { createRedisPresenceStore } from './presence/redis-store';
import { createMemoryPresenceStore, type PresenceStore } from './presence/store';
import { PresenceTracker } from './presence/tracker';
import { WorkspaceRoom } from './room';
import { subscribeGateway } from './subscriptions';
import { syncConnection } from './sync';

/**
 * Each socket carries its Connection under a symbol rather than in a
 * WeakMap: a plain field read on every frame, and no thousands of
 * ephemerons for every full garbage collection to trace.
 */
const CONNECTION = Symbol('aio.connection');
type SocketWithConnection = WebSocket & { [CONNECTION]?: Connection };
const connectionOf = (socket: WebSocket) => (socket as SocketWithConnection)[CONNECTION];

/** Normal closure codes of RFC 6455 used here. */
const GOING_AWAY = 1001;
const INTERNAL_ERROR = 1011;
/**
 * Each ping round is spread over this many ticks, a slice of the sockets a
 * tick: pinging thousands at once means thousands of writes and pongs in one
 * burst, which every message delivered in that moment waits behind.
 */
const PING_SLICES = 10;

/**
 * The WebSocket gateway of one node. Clients say hello for a workspace, catch
 * up from the durable log, then receive that workspace's events routed by
 * audience, plus typing and presence. Everything arrives through the bus, so
 * a client on any node sees what happened on every node.
 */
export class RealtimeGateway {
  readonly nodeId = randomUUID();
  readonly options: RealtimeOptions;
  readonly presenceStore: PresenceStore;
  readonly presence: PresenceTracker;
  private readonly announcer: PresenceAnnouncer;
  private readonly rooms = new Map<string, WorkspaceRoom>();
  private readonly connections = new Set<Connection>();
  private readonly awaitingHello = new Set<Connection>();
  private readonly intervals: NodeJS.Timeout[] = [];
  private pingTick = 0;
  private accepted = 0;
  private readonly unsubscribe: Array<() => void>;
  // Listeners shared by every socket (no closure per connection): `this` is the socket.
  private readonly onMessage: (this: WebSocket, data: RawData, isBinary: boolean) => void;
  private readonly onPong: (this: WebSocket) => void;
  private readonly onClose: (this: WebSocket) => void;

  constructor(
    readonly deps: Deps,
    options: Partial<RealtimeOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.presenceStore = deps.redis ? createRedisPresenceStore(deps.redis, deps.config.redisPrefix) : createMemoryPresenceStore();
    const announcer = (this.announcer = new PresenceAnnouncer(deps, this.options.presenceBatchMs));
    this.presence = new PresenceTracker({
      store: this.presenceStore,
      nodeId: this.nodeId,
      timings: this.options,
      log: deps.log,
      onChange: (workspaceId, userId, presence) => announcer.changed(workspaceId, userId, presence),
    });
    const gateway = this;
    this.onMessage = function (data, isBinary) {
      const connection = connectionOf(this);
      if (connection) handleFrame(gateway, connection, data, isBinary);
    };
    this.onPong = function () {
      const connection = connectionOf(this);
      if (connection) connection.missedPongs = 0;
    };
    this.onClose = function () {
      const connection = connectionOf(this);
      if (connection) gateway.detach(connection);
    };
    this.unsubscribe = subscribeGateway(this);
    this.every(Math.min(1000, this.options.helloTimeoutMs), () => this.closeSilentSockets());
    this.every(this.options.pingIntervalMs / PING_SLICES, () => this.pingSlice());
    this.every(this.options.presenceSweepMs, () => this.presence.sweep());
  }

  /** A socket whose upgrade was authenticated (and the TCP socket under it); it must say hello next. */
  accept(socket: WebSocket, wire: Socket, identity: SocketIdentity, requestedWorkspaceId: string | undefined): void {
    const connection = new Connection(socket, wire, identity, this.deps.metrics);
    connection.workspaceId = requestedWorkspaceId ?? '';
    connection.pingSlot = this.accepted++ % PING_SLICES;
    (socket as SocketWithConnection)[CONNECTION] = connection;
    this.connections.add(connection);
    this.awaitingHello.add(connection);
    this.deps.metrics.wsOpenSockets.inc();
    socket.on('message', this.onMessage);
    socket.on('pong', this.onPong);
    socket.on('close', this.onClose);
  }

  /** The first frame: checks membership, then catches the client up and puts it on the live stream. */
  async hello(connection: Connection, frame: Extract<ClientFrame, { type: 'hello' }>): Promise<void> {
    this.awaitingHello.delete(connection);
    const requested = connection.workspaceId;
    const workspaceId = frame.workspaceId ?? requested;
    if (!workspaceId || (frame.workspaceId && requested && frame.workspaceId !== requested)) {
      return connection.close(WS_CLOSE.PROTOCOL_ERROR, 'say which workspace to follow, once');
    }
    connection.state = 'syncing';
    connection.workspaceId = workspaceId;
    try {
      const role = await findMembershipRole(this.deps, workspaceId, connection.userId);
      if (!connection.isOpen) return;
      if (!role) return connection.close(WS_CLOSE.NOT_FOUND, 'workspace not found');
      connection.role = role;
      const room = this.roomFor(workspaceId);
      room.syncing.add(connection);
      this.presence.connected(connection);
      await syncConnection(room, connection, frame.lastSeq, {
        db: this.deps.db,
        maxReplayEvents: this.options.maxReplayEvents,
        listConversationIds: () => listMyConversationIds(workspaceCtxOf(this.deps, connection)),
      });
      const live = room.memberOf(connection.userId);
      if (live && connection.isOpen) prepareSocketSends(this.deps, connection, live.conversationIds);
    } catch (err) {
      this.deps.log.error({ err, workspaceId, userId: connection.userId }, 'websocket catch-up failed');
      connection.close(INTERNAL_ERROR, 'internal error');
    }
    if (!connection.isOpen) this.leaveRoom(connection);
  }

  room(workspaceId: string): WorkspaceRoom | undefined {
    return this.rooms.get(workspaceId);
  }

  /** Closes every connection of a user in a workspace (removed from it), or of everyone (deleted). */
  closeAll(workspaceId: string, code: number, reason: string, userId?: string): void {
    const room = this.rooms.get(workspaceId);
    if (!room) return;
    for (const connection of [...room.connections()]) {
      if (userId === undefined || connection.userId === userId) connection.close(code, reason);
    }
  }

  async close(): Promise<void> {
    for (const interval of this.intervals) clearInterval(interval);
    for (const off of this.unsubscribe) off();
    for (const connection of this.connections) connection.close(GOING_AWAY, 'server shutting down');
    for (const room of this.rooms.values()) room.close();
    this.rooms.clear();
    await this.announcer.flush();
    await this.presence.shutdown();
  }

  private roomFor(workspaceId: string): WorkspaceRoom {
    let room = this.rooms.get(workspaceId);
    if (!room) {
      const { db, log, metrics } = this.deps;
      const lookUp = (conversationId: string) => findConversationMemberIds(this.deps, conversationId);
      const { gapFillMs, maxReplayEvents } = this.options;
      room = new WorkspaceRoom(workspaceId, { db, log, metrics, gapFillMs, maxReplayEvents, findMemberIds: lookUp });
      this.rooms.set(workspaceId, room);
    }
    return room;
  }

  private detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    connection.state = 'closed';
    connection.backlog = null;
    this.awaitingHello.delete(connection);
    this.deps.metrics.wsOpenSockets.dec();
    this.presence.disconnected(connection);
    this.leaveRoom(connection);
  }

  private leaveRoom(connection: Connection): void {
    const room = this.rooms.get(connection.workspaceId);
    if (!room) return;
    room.detach(connection);
    if (room.isEmpty) {
      room.close();
      this.rooms.delete(connection.workspaceId);
    }
  }

  private closeSilentSockets(): void {
    const deadline = Date.now() - this.options.helloTimeoutMs;
    for (const connection of this.awaitingHello) {
      if (connection.openedAt > deadline) continue;
      this.awaitingHello.delete(connection);
      connection.close(WS_CLOSE.PROTOCOL_ERROR, 'no hello in time');
    }
  }

  /** Pings this tick's slice of the sockets: one that missed two pongs in a row is gone, whatever TCP thinks. */
  private pingSlice(): void {
    const slice = this.pingTick++ % PING_SLICES;
    for (const connection of this.connections) {
      if (connection.pingSlot !== slice) continue;
      if (connection.missedPongs >= 2) {
        connection.state = 'closed';
        connection.socket.terminate();
        continue;
      }
      connection.missedPongs++;
      connection.socket.ping();
    }
  }

  private every(ms: number, task: () => void): void {
    const interval = setInterval(task, ms);
    interval.unref();
    this.intervals.push(interval);
  }
}
