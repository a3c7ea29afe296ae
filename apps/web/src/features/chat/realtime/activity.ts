/**
 * Whether the person is at the keyboard: "idle" when the tab is hidden or
 * nothing was clicked, typed or scrolled for IDLE_AFTER_MS. The gateway turns
 * this into presence (online / away).
 */
const IDLE_AFTER_MS = 5 * 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

export type ActivityState = 'active' | 'idle';

export interface ActivityWatch {
  state(): ActivityState;
  stop(): void;
}

export function watchActivity(onChange: (state: ActivityState) => void): ActivityWatch {
  let lastActivity = Date.now();
  const compute = (): ActivityState => (document.hidden || Date.now() - lastActivity > IDLE_AFTER_MS ? 'idle' : 'active');
  let state = compute();
  const update = () => {
    const next = compute();
    if (next === state) return;
    state = next;
    onChange(state);
  };
  const onActivity = () => {
    lastActivity = Date.now();
    update();
  };
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
  document.addEventListener('visibilitychange', update);
  const timer = setInterval(update, 30_000);
  return {
    state: () => state,
    stop() {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      document.removeEventListener('visibilitychange', update);
      clearInterval(timer);
    },
  };
}
