// The previous run kept beside a lab's store, for the charts' ghosts (the batch-norm comparison, the
// search lab's study, the caviar). Each lab says how a new state of its store moves its ghost on
// (`advance`); this keeps one ghost per store, listening from its first use for as long as the store
// lives (the labs' stores are made once per page), and tells the charts when it changes.
import type { StoreApi } from 'zustand/vanilla';

export interface Ghost<G> {
  get(): G;
  subscribe(listener: () => void): () => void;
  /** Forget the ghost (the run on the chart stays, and becomes the next one's ghost). */
  clear(): void;
}

/** A function giving each store its one ghost, moved on by `advance` at every change of the store. */
export function ghostKeeper<S, G extends { previous: unknown }>(
  empty: G,
  advance: (ghost: G, lab: S) => G,
): (store: StoreApi<S>) => Ghost<G> {
  const ghosts = new WeakMap<StoreApi<S>, Ghost<G>>();
  return (store) => {
    const known = ghosts.get(store);
    if (known) return known;
    let state = advance(empty, store.getState());
    const listeners = new Set<() => void>();
    const set = (next: G) => {
      if (next === state) return;
      state = next;
      for (const f of listeners) f();
    };
    store.subscribe((lab) => set(advance(state, lab)));
    const ghost: Ghost<G> = {
      get: () => state,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      clear: () => set({ ...state, previous: null }),
    };
    ghosts.set(store, ghost);
    return ghost;
  };
}
