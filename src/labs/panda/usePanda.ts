// The lab's store for its components: one per mounted lab, read through selectors with shallow equality.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { PandaActions, PandaState, PandaStore } from './pandaStore';

export const PandaContext = createContext<PandaStore | null>(null);

export function usePandaStore(): PandaStore {
  const store = useContext(PandaContext);
  if (!store) throw new Error('The panda lab needs its store.');
  return store;
}

export function usePanda<T>(selector: (s: PandaState & PandaActions) => T): T {
  return useStore(usePandaStore(), useShallow(selector));
}
