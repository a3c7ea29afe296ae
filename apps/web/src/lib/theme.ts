import { useSyncExternalStore } from 'react';

/**
 * Theme preference: light, dark or system. Applied as a `.dark` class on <html>
 * from the bundle (the CSP forbids inline scripts), persisted in localStorage.
 */
export type ThemePreference = 'light' | 'dark' | 'system';

const STORAGE_KEY = 'aio.theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<() => void>();

function readPreference(): ThemePreference {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    // Storage can be blocked (private mode, policies); fall back to the OS.
    return 'system';
  }
}

let preference: ThemePreference = readPreference();

function apply(): void {
  const dark = preference === 'dark' || (preference === 'system' && media.matches);
  document.documentElement.classList.toggle('dark', dark);
}

export function setThemePreference(next: ThemePreference): void {
  preference = next;
  try {
    if (next === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* not persisted; still applied for this tab */
  }
  apply();
  listeners.forEach((l) => l());
}

/** Call once before the first render so the first paint has the right colours. */
export function initTheme(): void {
  apply();
  media.addEventListener('change', apply);
  // Keep several open tabs in step.
  window.addEventListener('storage', (e) => {
    if (e.key !== STORAGE_KEY) return;
    preference = readPreference();
    apply();
    listeners.forEach((l) => l());
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, () => preference);
}
