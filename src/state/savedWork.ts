// Where saved work lives: IndexedDB, through the idb wrapper. Every call answers in words a learner
// can act on: a full quota, a window without IndexedDB (private browsing, storage switched off) or a
// damaged record is said where the learner pressed Save or opened the list, and nothing else breaks.
// Writes are asynchronous, so saving never holds up the page while a run trains.
import { type IDBPDatabase, openDB } from 'idb';
import type { SavedRecord } from '../core/saved/record';
import { workRegistry } from './unsavedWork';

const DB_NAME = 'hyperparameter-playground';
const DB_VERSION = 1;
export const STORE = 'saved';

let db: Promise<IDBPDatabase> | null = null;

/** The error in words: what happened and what the learner can do. */
export function storageErrorText(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError')
    return 'The browser’s storage for this page is full: delete some saved work, then save again.';
  if (name === 'SecurityError' || name === 'InvalidStateError' || /indexedDB/i.test(message))
    return 'This browser window cannot keep saved work (a private window, or site storage is switched off). Nothing was saved.';
  return `The browser could not save: ${message}`;
}

export function database(): Promise<IDBPDatabase> {
  if (!db) {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('This browser has no indexedDB.'));
    db = openDB(DB_NAME, DB_VERSION, {
      upgrade(d) {
        if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE, { keyPath: 'id' });
      },
      // A connection the browser closed, or one another tab needs closed for an upgrade, is opened
      // afresh next time instead of failing every call after it.
      terminated() {
        db = null;
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        db = null;
      },
    });
    // A failed open is tried again next time (the learner may have freed space or left private mode).
    db.catch(() => {
      db = null;
    });
  }
  return db;
}

export type StorageResult<T> = { ok: true; value: T } | { ok: false; message: string };

export async function attempt<T>(work: () => Promise<T>): Promise<StorageResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, message: storageErrorText(error) };
  }
}

/**
 * Stores a record. Every save goes through here (the Save buttons and autosave), so this is where the
 * page learns that a lab's finished work is kept and no longer needs the leave guard (unsavedWork.ts):
 * the ticket is taken before the write, so it names the work as it was when Save was pressed.
 */
export async function saveRecord(record: SavedRecord): Promise<StorageResult<void>> {
  const ticket = workRegistry.getState().ticket(record.lab);
  const result = await attempt(async () => {
    await (await database()).put(STORE, record);
  });
  if (result.ok) workRegistry.getState().saved(ticket);
  return result;
}

export function renameRecord(id: string, name: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    const d = await database();
    const record = await d.get(STORE, id);
    if (!record) throw new Error('that saved work is gone (deleted in another tab?)');
    await d.put(STORE, { ...record, name });
  });
}

export function deleteRecord(id: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    await (await database()).delete(STORE, id);
  });
}

/** A fresh id for a record (time first, so ids sort by age too). */
export function newRecordId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
