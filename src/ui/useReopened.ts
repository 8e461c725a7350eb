// A screen takes the saved record the Saved screen opened it for (if any) and shows it as it was.
import { useEffect } from 'react';
import type { SavedLab, SavedRecord } from '../core/saved/record';
import { takeReopened } from '../state/reopen';

/** Returns nothing; `restore` runs once, on mount, when a record waits for this lab. */
export function useReopened(lab: SavedLab, restore: (record: SavedRecord) => unknown): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: taken once, when the screen opens
  useEffect(() => {
    const record = takeReopened(lab);
    if (record) restore(record);
  }, []);
}
