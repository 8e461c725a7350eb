// Hands the lab's store to its panels; a panel reads it only through a selector.
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { LabState, LabStore } from './labStore';

const LabContext = createContext<LabStore | null>(null);

export function LabProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabContext.Provider value={store}>{children}</LabContext.Provider>;
}

/** The store itself, for an action that reads the whole state when it runs (Save). */
export function useLabStore(): LabStore {
  const store = useContext(LabContext);
  if (!store) throw new Error('useLabStore needs a <LabProvider>.');
  return store;
}

export function useLab<T>(selector: (s: LabState) => T): T {
  const store = useContext(LabContext);
  if (!store) throw new Error('useLab needs a <LabProvider>.');
  return useStore(store, useShallow(selector));
}
