// The learner's choice to save every finished run without pressing Save (off unless switched on on
// the Saved work screen); kept in localStorage so it holds across reloads.
import type { SavedRecord } from '../core/saved/record';
import { saveRecord } from './savedWork';

const KEY = 'playground.autosave';

export function autosaveOn(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage switched off: no autosave
  }
}

export function setAutosave(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Storage switched off: the switch stays as the page shows it until reload.
  }
}

/** Saves the record of a run that just finished, when autosave is on; a failure is returned in words. */
export async function autosave(record: SavedRecord | null): Promise<string | null> {
  if (!record || !autosaveOn()) return null;
  const result = await saveRecord(record);
  return result.ok ? null : `Autosave failed: ${result.message}`;
}
