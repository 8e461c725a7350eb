// What each piece of the panda lab (day runner, population runs, teacher) gets from the store: its
// state, the run channel, and the two ways to tell the page something changed.
import type { StoreApi } from 'zustand/vanilla';
import type { RunPort } from '../../state/runChannel';
import type { PandaActions, PandaState } from './pandaTypes';

export interface PandaKit {
  get: () => PandaState & PandaActions;
  set: StoreApi<PandaState & PandaActions>['setState'];
  port: () => RunPort;
  /** The tree or a population's curves grew: charts re-read (the channel already throttles this). */
  bump(): void;
  /** A request failed: the lab's error banner says what and why. */
  fail(what: string, error: unknown): void;
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
