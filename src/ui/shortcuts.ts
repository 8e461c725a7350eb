// Keyboard shortcuts for the lecture hall: one key table for the app, the actions each screen lends it.
// A screen registers what its keys do (useShortcuts); the shell listens once (useShortcutKeys) and
// calls the action of the screen registered last. A key typed into a field, or pressed with a modifier,
// is never a shortcut.
import { useEffect, useRef, useSyncExternalStore } from 'react';

export type ShortcutAction = 'trainPause' | 'next' | 'previous' | 'reset' | 'fullscreen';

export interface ShortcutKey {
  action: ShortcutAction;
  /** The key as the dialog shows it. */
  key: string;
  /** What it does in general (a screen's own words come from its registration). */
  does: string;
}

export const SHORTCUT_KEYS: readonly ShortcutKey[] = [
  { action: 'trainPause', key: 'Space', does: 'Train / pause' },
  { action: 'next', key: '→', does: 'Next beat or scene' },
  { action: 'previous', key: '←', does: 'Previous' },
  { action: 'reset', key: 'R', does: 'Reset' },
  { action: 'fullscreen', key: 'F', does: 'Full-screen chart (again to leave)' },
];

export interface ScreenShortcut {
  /** What the key does on this screen ("Next day or pause"). */
  label: string;
  run: () => void;
}

export type ScreenShortcuts = Partial<Record<ShortcutAction, ScreenShortcut>>;

interface Registration {
  screen: string;
  actions: () => ScreenShortcuts;
}

let registrations: Registration[] = [];
const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
};

/** The registrations in order (a new array on every change, so it can be a store snapshot). */
function currentRegistrations(): readonly Registration[] {
  return registrations;
}

/**
 * What each key does now: every mounted registration's actions, a later one's winning for the keys it
 * has (a scene bar's → / ← and a panel's Space live side by side). The keys and the dialog both read it.
 */
export function shortcutsInEffect(list: readonly Registration[] = registrations): ScreenShortcuts {
  const merged: ScreenShortcuts = {};
  for (const r of list) Object.assign(merged, r.actions());
  return merged;
}

/**
 * Lends this screen's actions to the keys while it is mounted. `actions` may change every render: the
 * keys always call the latest ones.
 */
export function useShortcuts(screen: string, actions: ScreenShortcuts): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const entry: Registration = { screen, actions: () => latest.current };
    registrations = [...registrations, entry];
    changed();
    return () => {
      registrations = registrations.filter((r) => r !== entry);
      changed();
    };
  }, [screen]);
}

/** What each key does on the screen now, for the shortcuts dialog. */
export function useShortcutsInEffect(): ScreenShortcuts {
  const list = useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, currentRegistrations);
  return shortcutsInEffect(list);
}

const KEY_ACTIONS: Record<string, ShortcutAction> = {
  ' ': 'trainPause',
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  r: 'reset',
  R: 'reset',
  f: 'fullscreen',
  F: 'fullscreen',
};

/** Typing goes to the field: inputs, selects, text areas and editable text take every key. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, select, textarea') !== null;
}

/**
 * Space presses a button reached by keyboard, as it always does; a shortcut must not steal it. A button
 * last clicked with the mouse keeps the focus without showing it (:focus-visible): there Space is the
 * shortcut, or a presenter who clicked Train would restart the run with the next Space.
 */
function pressesFocused(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const control = target.closest('button, a, summary, [role="button"], [role="switch"]');
  return control !== null && target.matches(':focus-visible');
}

/** The chart F shows full screen: the one the screen marks as its main chart. */
export function toggleFullScreenChart(): void {
  if (document.fullscreenElement) {
    void document.exitFullscreen();
    return;
  }
  const chart = document.querySelector<HTMLElement>('[data-main-chart]');
  void chart?.requestFullscreen?.();
}

/** The shell's one key listener: `?` opens the list, the other keys call the active screen's actions. */
export function useShortcutKeys(openHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      // A modal dialog (the list itself) has the keyboard.
      if (document.querySelector('dialog[open]')) return;
      if (event.key === '?') {
        event.preventDefault();
        openHelp();
        return;
      }
      const action = KEY_ACTIONS[event.key];
      if (!action || (action === 'trainPause' && pressesFocused(event.target))) return;
      const own = shortcutsInEffect()[action];
      if (own) {
        event.preventDefault();
        own.run();
      } else if (action === 'fullscreen') {
        event.preventDefault();
        toggleFullScreenChart();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openHelp]);
}
