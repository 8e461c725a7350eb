// A store's hold on one run at a time: a fresh app-wide run id, its events routed to the store's
// handlers, and the previous run stopped and forgotten when the next begins (so none of its late
// events reach the store). A store with several runs side by side (the panda lab) holds several.
import type { RunHandlers, RunPort } from './runChannel';

export interface RunSlot {
  readonly runId: number | null;
  /** Stops the current run (if any) and watches a fresh one; returns its id. */
  begin(handlers: RunHandlers): number;
  /** Stops the current run in the worker and forgets it. */
  end(): void;
}

export function createRunSlot(port: RunPort): RunSlot {
  let runId: number | null = null;
  let unwatch: (() => void) | null = null;
  /** The run failed (its worker may be gone): nothing is left to stop, and asking would start a worker. */
  let gone = false;
  const end = (): void => {
    unwatch?.();
    unwatch = null;
    if (runId !== null && !gone) port.request({ type: 'stop', runId }).catch(() => undefined);
    runId = null;
  };
  return {
    get runId() {
      return runId;
    },
    begin(handlers) {
      end();
      const id = port.nextRunId();
      runId = id;
      gone = false;
      unwatch = port.watch(id, {
        ...handlers,
        failed: (message, workerLost) => {
          gone = true;
          handlers.failed?.(message, workerLost);
        },
      });
      return id;
    },
    end,
  };
}
