// The Saved screen's store: the records in the browser's storage, what could not be read, the
// selection for a comparison, and the actions (rename, delete) with their outcome in words.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SavedRecord } from '../../core/saved/record';
import { listRecords } from '../../state/savedList';
import { deleteRecord, renameRecord } from '../../state/savedWork';

export const MAX_COMPARED = 4;

export interface SavedListState {
  records: SavedRecord[];
  /** Records skipped (older or newer version, damaged), each named. */
  notices: string[];
  /** Why the list or the last action failed, in words. */
  error: string | null;
  loading: boolean;
  /** Ids picked for "Compare", in the order picked. */
  picked: string[];
  refresh(): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  togglePick(id: string): void;
  dismissNotices(): void;
}

export type SavedListStore = StoreApi<SavedListState>;

export function createSavedListStore(): SavedListStore {
  return createStore<SavedListState>()((set, get) => ({
    records: [],
    notices: [],
    error: null,
    loading: false,
    picked: [],
    refresh: async () => {
      set({ loading: true });
      const result = await listRecords();
      if (result.ok) {
        const ids = new Set(result.value.records.map((r) => r.id));
        set({
          records: result.value.records,
          notices: result.value.notices,
          error: null,
          loading: false,
          picked: get().picked.filter((id) => ids.has(id)),
        });
      } else set({ error: result.message, loading: false });
    },
    rename: async (id, name) => {
      const trimmed = name.trim();
      if (!trimmed) {
        set({ error: 'A saved run needs a name.' });
        return;
      }
      const result = await renameRecord(id, trimmed);
      if (!result.ok) set({ error: result.message });
      else
        set({ error: null, records: get().records.map((r) => (r.id === id ? { ...r, name: trimmed } : r)) });
    },
    remove: async (id) => {
      const result = await deleteRecord(id);
      if (!result.ok) set({ error: result.message });
      else
        set({
          error: null,
          records: get().records.filter((r) => r.id !== id),
          picked: get().picked.filter((p) => p !== id),
        });
    },
    togglePick: (id) => {
      const { picked } = get();
      if (picked.includes(id)) set({ picked: picked.filter((p) => p !== id) });
      else if (picked.length < MAX_COMPARED) set({ picked: [...picked, id] });
    },
    dismissNotices: () => set({ notices: [] }),
  }));
}
