import type { Role } from '@aio/contracts';
import type { Redis } from 'ioredis';
import type { Logger } from './logger';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { EventBus } from './events/types';
import type { JobQueue } from './jobs/types';
import type { Metrics } from './metrics';

/** What the running server is made of; built once in app.ts. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  bus: EventBus;
  jobs: JobQueue;
  metrics: Metrics;
  log: Logger;
  redis?: Redis;
}

/** Who is acting: a signed-in user (cookie or API key) or the system itself (jobs, CLI). */
export interface Actor {
  userId: string | null;
  ip: string | null;
  via: 'session' | 'api_key' | 'system';
}

/** What a service call gets: the server's parts, the actor, a logger bound to the request or job. */
export interface Ctx extends Deps {
  actor: Actor;
  log: Logger;
}

export interface UserCtx extends Ctx {
  actor: Actor & { userId: string };
}

/** A user acting inside a workspace they are a member of. */
export interface WorkspaceCtx extends UserCtx {
  workspaceId: string;
  role: Role;
}

export function systemCtx(deps: Deps, log: Logger = deps.log): Ctx {
  return { ...deps, log, actor: { userId: null, ip: null, via: 'system' } };
}
