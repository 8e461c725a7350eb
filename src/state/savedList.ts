// Reading the whole of saved work back (the Saved screen only: the check of each record uses zod,
// which the main bundle does not carry).
import { readRecord } from '../core/saved/readRecord';
import type { SavedRecord } from '../core/saved/record';
import { attempt, database, STORE, type StorageResult } from './savedWork';

/** Every readable record, newest first, and a notice for each one skipped. */
export function listRecords(): Promise<StorageResult<{ records: SavedRecord[]; notices: string[] }>> {
  return attempt(async () => {
    const raw = await (await database()).getAll(STORE);
    const records: SavedRecord[] = [];
    const notices: string[] = [];
    for (const r of raw) {
      const read = readRecord(r);
      if (read.ok) records.push(read.record);
      else notices.push(read.notice);
    }
    records.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { records, notices };
  });
}
