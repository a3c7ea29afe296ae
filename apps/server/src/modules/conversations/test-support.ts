import { expect } from 'vitest';
import type { TestApp } from '../../../test/app';
import type { TestClient } from '../../../test/client';
import { signUpVerified, uniqueEmail } from '../../../test/users';

/** A signed-in person in the team, with their client. */
export interface Person {
  client: TestClient;
  userId: string;
  email: string;
}

export interface Team {
  workspaceId: string;
  /** `/api/v1/workspaces/:id` */
  base: string;
  owner: Person;
  members: Person[];
}

/** Joins through the public flow: an invite from the owner, accepted by a freshly signed-up user. */
export async function joinByInvite(t: TestApp, owner: Person, workspaceId: string, role: string, name: string): Promise<Person> {
  const email = uniqueEmail(role);
  const invite = await owner.client.post(`/api/v1/workspaces/${workspaceId}/invites`, { email, role });
  expect(invite.status, invite.text).toBe(201);
  const token = new URL(invite.body.inviteUrl).pathname.split('/').pop()!;
  const person = await signUpVerified(t, { email, name });
  const accepted = await person.client.post(`/api/v1/invites/${token}/accept`);
  expect(accepted.status, accepted.text).toBe(200);
  return person;
}

/** A workspace with an owner and one person per entry of `people` (role and display name). */
export async function createTeam(t: TestApp, people: Array<{ role: string; name: string }>, ownerName = 'Olive Owner'): Promise<Team> {
  const owner = await signUpVerified(t, { name: ownerName });
  const ws = await owner.client.post('/api/v1/workspaces', { name: 'Team chat' });
  expect(ws.status, ws.text).toBe(201);
  const members = await Promise.all(people.map((p) => joinByInvite(t, owner, ws.body.id, p.role, p.name)));
  return { workspaceId: ws.body.id, base: `/api/v1/workspaces/${ws.body.id}`, owner, members };
}

export async function createChannel(person: Person, base: string, body: Record<string, unknown>) {
  const res = await person.client.post(`${base}/conversations`, { kind: 'channel', ...body });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; name: string };
}

let sent = 0;

/** Sends and expects it to be stored; returns the message. */
export async function send(person: Person, base: string, conversationId: string, body: string, extra: Record<string, unknown> = {}) {
  sent += 1;
  const res = await person.client.post(`${base}/conversations/${conversationId}/messages`, { clientId: `t-${sent}`, body, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; seq: number; body: string };
}
