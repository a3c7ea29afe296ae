import { WebSocketServer } from 'ws';

/**
 * The baseline: a bare `ws` broadcast server with rooms. It parses each frame
 * and sends one serialised event to every socket in the room — fan-out with
 * no authentication, policy or persistence.
 */
export async function startBareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise((r) => wss.once('listening', r));
  const rooms = new Map<string, Set<import('ws').WebSocket>>();
  wss.on('connection', (ws, req) => {
    const room = new URL(req.url ?? '/', 'http://x').searchParams.get('room') ?? '0';
    const members = rooms.get(room) ?? rooms.set(room, new Set()).get(room)!;
    members.add(ws);
    ws.on('close', () => members.delete(ws));
    ws.on('message', (raw) => {
      const { room: target, body } = JSON.parse(raw.toString());
      const frame = JSON.stringify({ type: 'event', seq: 0, name: 'message.created', data: { message: { body } } });
      for (const peer of rooms.get(String(target)) ?? []) peer.send(frame);
    });
  });
  const address = wss.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => wss.close(() => r())) };
}
