// Handing a saved record to its lab. The Saved screen cannot reach into another lab's store (each lab
// is its own lazy chunk), so it leaves the record here and opens the lab; the lab takes it on mount
// and shows it as it was, without training.
import type { SavedLab, SavedRecord } from '../core/saved/record';

let waiting: SavedRecord | null = null;

/** Opens the record's lab, which reopens the record as it was. */
export function reopenSaved(record: SavedRecord, win: { location: { hash: string } } = window): void {
  waiting = record;
  win.location.hash = `#lab=${record.lab}`;
}

/** The record waiting for this lab, if any (taken once). */
export function takeReopened(lab: SavedLab): SavedRecord | null {
  if (waiting?.lab !== lab) return null;
  const record = waiting;
  waiting = null;
  return record;
}
