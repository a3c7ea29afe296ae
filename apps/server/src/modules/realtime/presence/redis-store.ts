import type { Redis } from 'ioredis';
import { bestOf, type PresenceState, type PresenceStore } from './store';

/**
 * One hash per user per workspace: a field per node holding "<state>
 * <expires-ms>", plus "~" holding the overall presence last announced. The
 * script updates a node's field, drops expired ones and recomputes the overall
 * presence in one step, so when two nodes report at once exactly one of them
 * sees the change (and announces it). The key expires with its last report.
 */
const REPORT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[3])
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ' ' .. (now + ttl))
end
local previous = redis.call('HGET', KEYS[1], '~') or 'offline'
local best = 'offline'
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if fields[i] ~= '~' then
    local state, expires = string.match(fields[i + 1], '(%a+) (%d+)')
    if tonumber(expires) <= now then
      redis.call('HDEL', KEYS[1], fields[i])
    elseif state == 'online' then
      best = 'online'
    elseif best == 'offline' then
      best = 'away'
    end
  end
end
if best == 'offline' then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], '~', best)
  redis.call('PEXPIRE', KEYS[1], ttl)
end
if best == previous then return false end
return best
`;

const COMMAND = 'aioReportPresence';

interface WithReportCommand {
  [COMMAND](key: string, nodeId: string, state: string, ttlMs: number): Promise<string | null>;
}

/** Overall presence from a user's hash, ignoring node views that expired (their node went away). */
function presenceOf(hash: Record<string, string>, now: number): PresenceState {
  const live: string[] = [];
  for (const [field, value] of Object.entries(hash)) {
    if (field === '~') continue;
    const [state, expires] = value.split(' ');
    if (Number(expires) > now && state) live.push(state);
  }
  return bestOf(live);
}

export function createRedisPresenceStore(redis: Redis, prefix: string): PresenceStore {
  // defineCommand sends EVALSHA and loads the script on first use (and again after a Redis restart).
  if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: REPORT_SCRIPT });
  const client = redis as unknown as Redis & WithReportCommand;
  const keyOf = (workspaceId: string, userId: string) => `${prefix}:presence:${workspaceId}:${userId}`;
  return {
    async report(workspaceId, userId, nodeId, state, ttlMs) {
      const changed = await client[COMMAND](keyOf(workspaceId, userId), nodeId, state ?? '', ttlMs);
      return (changed as PresenceState | null) ?? null;
    },
    async read(workspaceId, userIds) {
      if (userIds.length === 0) return new Map();
      const pipeline = redis.pipeline();
      for (const id of userIds) pipeline.hgetall(keyOf(workspaceId, id));
      const replies = (await pipeline.exec()) ?? [];
      const now = Date.now();
      return new Map(
        userIds.map((id, i) => {
          const [err, hash] = replies[i] ?? [null, {}];
          if (err) throw err;
          return [id, presenceOf((hash ?? {}) as Record<string, string>, now)];
        }),
      );
    },
  };
}
