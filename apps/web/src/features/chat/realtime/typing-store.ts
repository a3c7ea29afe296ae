/** Who is typing where. A `typing` frame lasts TYPING_TTL_MS unless repeated (clients repeat every few seconds). */
const TYPING_TTL_MS = 6_000;

export const typingPlace = (conversationId: string, threadRootId: string | null | undefined) => `${conversationId}:${threadRootId ?? ''}`;

export class TypingStore {
  /** place → userId → expiry time. */
  private places = new Map<string, Map<string, number>>();
  private listeners = new Set<() => void>();
  private snapshots = new Map<string, string[]>();
  private timer: ReturnType<typeof setInterval> | undefined;

  add(place: string, userId: string): void {
    const users = this.places.get(place) ?? new Map<string, number>();
    const isNew = !users.has(userId);
    users.set(userId, Date.now() + TYPING_TTL_MS);
    this.places.set(place, users);
    if (isNew) this.changed(place);
    this.timer ??= setInterval(() => this.prune(), 1_000);
  }

  /** A message from someone ends their typing at once. */
  remove(place: string, userId: string): void {
    if (this.places.get(place)?.delete(userId)) this.changed(place);
  }

  /** Stable array per place between changes, as useSyncExternalStore needs. */
  usersIn(place: string): string[] {
    return this.snapshots.get(place) ?? EMPTY;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    clearInterval(this.timer);
    this.listeners.clear();
  }

  private prune(): void {
    const now = Date.now();
    for (const [place, users] of this.places) {
      let removed = false;
      for (const [userId, expiry] of users) if (expiry < now) removed = users.delete(userId) || removed;
      if (removed) this.changed(place);
      if (users.size === 0) this.places.delete(place);
    }
    if (this.places.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private changed(place: string): void {
    this.snapshots.set(place, [...(this.places.get(place)?.keys() ?? [])]);
    this.listeners.forEach((l) => l());
  }
}

const EMPTY: string[] = [];
