import { WS_CLOSE } from '@aio/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { createTeam, joinByInvite, type Team } from '../conversations/test-support';
import { signUpVerified } from '../../../test/users';
import { gatewayUrl, TestSocket } from '../../../test/ws';

describe('realtime gateway: handshake, close codes, liveness', () => {
  let t: TestApp;
  let url: string;
  let team: Team;
  let origin: string;
  const sockets: TestSocket[] = [];
  const open = (...args: Parameters<typeof TestSocket.open>) => {
    const socket = TestSocket.open(...args);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_MIN: '1000' }, { realtime: { helloTimeoutMs: 300, pingIntervalMs: 300 } });
    url = await gatewayUrl(t.app);
    origin = new URL(t.config.publicUrl).origin;
    team = await createTeam(t, [{ role: 'member', name: 'Mia Member' }]);
  });
  afterAll(async () => {
    for (const s of sockets) s.ws.terminate();
    await t.close();
  });

  it('closes an upgrade without credentials, or with a bad API key, with 4001', async () => {
    expect((await open(url).closed).code).toBe(WS_CLOSE.UNAUTHENTICATED);
    expect((await open(url, { bearer: 'aio_not-a-real-key' }).closed).code).toBe(WS_CLOSE.UNAUTHENTICATED);
  });

  it('refuses a cookie-authenticated upgrade from another site, accepts it from our origin', async () => {
    const { client } = team.owner;
    expect((await open(url, { client, origin: 'https://evil.example' }).closed)).toMatchObject({ code: WS_CLOSE.UNAUTHENTICATED });
    expect((await open(url, { client }).closed).code).toBe(WS_CLOSE.UNAUTHENTICATED);
    const ready = await open(url, { client, origin }).hello(team.workspaceId);
    expect(ready).toMatchObject({ type: 'ready', workspaceId: team.workspaceId, userId: team.owner.userId, replayed: 0 });
    expect(ready.seq).toBeGreaterThanOrEqual(0);
  });

  it('accepts an API key from anywhere, with the workspace on the URL', async () => {
    const key = (await team.owner.client.post('/api/v1/me/api-keys', { name: 'socket' })).body.key as string;
    const socket = open(url, { bearer: key, origin: 'https://scripts.example', workspaceId: team.workspaceId });
    expect(await socket.hello()).toMatchObject({ workspaceId: team.workspaceId, userId: team.owner.userId });
  });

  it('closes with 4004 for a workspace the user is not in, exactly as for one that does not exist', async () => {
    const stranger = await signUpVerified(t, { name: 'Stranger' });
    const foreign = open(url, { client: stranger.client, origin });
    await foreign.opened;
    foreign.send({ type: 'hello', workspaceId: team.workspaceId });
    const missing = open(url, { client: stranger.client, origin });
    await missing.opened;
    missing.send({ type: 'hello', workspaceId: '11111111-1111-4111-8111-111111111111' });
    expect(await foreign.closed).toEqual(await missing.closed);
    expect((await foreign.closed).code).toBe(WS_CLOSE.NOT_FOUND);
  });

  it('closes with 4002 when the first frame is late, not a hello, not JSON, or names two workspaces', async () => {
    const { client } = team.owner;
    const silent = open(url, { client, origin });
    const started = Date.now();
    expect((await silent.closed).code).toBe(WS_CLOSE.PROTOCOL_ERROR);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);

    const wrongFirst = open(url, { client, origin });
    await wrongFirst.opened;
    wrongFirst.send({ type: 'heartbeat', state: 'active' });
    const garbage = open(url, { client, origin });
    await garbage.opened;
    garbage.ws.send('{not json');
    const twoWorkspaces = open(url, { client, origin, workspaceId: team.workspaceId });
    await twoWorkspaces.opened;
    twoWorkspaces.send({ type: 'hello', workspaceId: '11111111-1111-4111-8111-111111111111' });
    for (const s of [wrongFirst, garbage, twoWorkspaces]) expect((await s.closed).code).toBe(WS_CLOSE.PROTOCOL_ERROR);
  });

  it('answers a malformed frame after hello with an error, keeping the socket', async () => {
    const socket = open(url, { client: team.owner.client, origin });
    await socket.hello(team.workspaceId);
    socket.send({ type: 'send', requestId: 'r1', conversationId: 'c', clientId: 'spaces are not allowed', body: 'hi' });
    socket.send({ type: 'dance', requestId: 'r2' });
    socket.send({ type: 'send', requestId: 'r3', conversationId: 'no-such-conversation', clientId: 'c3', body: 'hi' });
    const errors = await socket.until(() => socket.of('error').length >= 3 && socket.of('error'), 'three errors');
    expect(errors.map((e) => [e.requestId, e.error.code])).toEqual([
      ['r1', 'VALIDATION_FAILED'],
      ['r2', 'VALIDATION_FAILED'],
      ['r3', 'NOT_FOUND'],
    ]);
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
  });

  it('closes the sockets of someone removed from the workspace with 4003', async () => {
    const leaver = await joinByInvite(t, team.owner, team.workspaceId, 'member', 'Leo Leaver');
    const socket = open(url, { client: leaver.client, origin });
    await socket.hello(team.workspaceId);
    const removed = await team.owner.client.delete(`/api/v1/workspaces/${team.workspaceId}/members/${leaver.userId}`);
    expect(removed.status).toBe(204);
    expect((await socket.closed).code).toBe(WS_CLOSE.REMOVED);
  });

  it('terminates a socket that stops answering pings, and counts open sockets', async () => {
    const mute = open(url, { client: team.owner.client, origin }, { autoPong: false });
    await mute.hello(team.workspaceId);
    const metrics = (await t.client().get('/metrics')).text;
    expect(metrics).toMatch(/^aio_ws_open_sockets [1-9]/m);
    const closed = await mute.closed;
    // Terminated, not closed: no close frame, so the client sees an abnormal closure.
    expect(closed.code).toBe(1006);
  });
});
