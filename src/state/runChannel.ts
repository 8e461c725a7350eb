// The one run channel between every screen and the app's one training worker. It owns the worker
// client (made on first use, remade after a fatal error or a restart), numbers runs across the app,
// routes each worker event to the handlers of the run it belongs to, and throttles each run's chart
// refreshes to at most ten a second in this one place. It also keeps the worker's health: a worker
// that fails to start, throws or ends (the client hears of it) is reported in words, every run on it
// is told it is gone (so no screen shows "training" forever), and `restart()` brings a fresh one.
import type { AnyRequestBody } from '../worker/client';
import type { ModelStatusEvent, ProgressEvent, ReplyTo, RunStatus, WorkerEvent } from '../worker/protocol';

/** What the channel needs of a worker client (the real TrainingClient, or a fake one in tests). */
export interface TrainingPort {
  request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]>;
  subscribe(listener: (event: WorkerEvent) => void): () => void;
  /** Called, with a sentence, when the worker itself fails or ends (not a failed request). */
  onFailure?(listener: (message: string) => void): void;
  terminate(): void;
}

/** A run's side of the channel; every callback is optional. */
export interface RunHandlers {
  /** Each progress event as it arrives: append to typed buffers here, without touching React. */
  progress?(event: ProgressEvent): void;
  /** At most once per throttle interval after progress arrived: tell the charts the curves grew. */
  flush?(): void;
  status?(status: RunStatus): void;
  modelStatus?(event: ModelStatusEvent): void;
  /**
   * The run is over because of a failure, in words: a training error, the worker ran out of memory
   * (it is replaced, and the next run starts on a fresh one), or the worker stopped. `workerLost`:
   * every screen's banner already says the worker stopped, so the run need only read as stopped.
   */
  failed?(message: string, workerLost: boolean): void;
}

/** The typed port a store holds: requests, fresh run ids, and the routing of one run's events. */
export interface RunPort {
  request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]>;
  /** A run id no other run of the app has had. */
  nextRunId(): number;
  /** Routes the run's events to `handlers` until the returned function is called. */
  watch(runId: number, handlers: RunHandlers): () => void;
}

export type WorkerHealth = { state: 'ok' } | { state: 'lost'; message: string };

export interface RunChannel extends RunPort {
  health(): WorkerHealth;
  /** Calls `listener` whenever the health changes; returns the unsubscribe function. */
  subscribeHealth(listener: (health: WorkerHealth) => void): () => void;
  /** After a loss: forget the dead worker; the next request starts a fresh one. */
  restart(): void;
  /** Ends the worker (tests, and the page's unload). */
  dispose(): void;
}

export interface RunChannelOptions {
  makeClient: () => TrainingPort;
  /** At most this often (ms) a run's `flush` is called: ≤ 10 chart refreshes a second. */
  throttleMs?: number;
}

export const PROGRESS_THROTTLE_MS = 100;

/**
 * What a screen says of a failed run: the channel's and the worker's own sentences ("Training ran out
 * of memory on wasm", "The training worker stopped.") as they are, anything else after "Training failed:".
 */
export function failureText(text: string): string {
  return /^(Training |The training worker)/.test(text) ? text : `Training failed: ${text}`;
}

/** An error the worker marked fatal: its tfjs can't be trusted any more. */
function isFatal(error: unknown): boolean {
  return error instanceof Error && (error as Error & { fatal?: boolean }).fatal === true;
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Watched {
  handlers: RunHandlers;
  timer: ReturnType<typeof setTimeout> | null;
  lastFlush: number;
  dirty: boolean;
}

export function createRunChannel(options: RunChannelOptions): RunChannel {
  const throttleMs = options.throttleMs ?? PROGRESS_THROTTLE_MS;
  let client: TrainingPort | null = null;
  let health: WorkerHealth = { state: 'ok' };
  let runIds = 0;
  const runs = new Map<number, Watched>();
  const healthListeners = new Set<(h: WorkerHealth) => void>();

  const setHealth = (next: WorkerHealth): void => {
    health = next;
    for (const listener of healthListeners) listener(next);
  };

  const flush = (watched: Watched): void => {
    if (watched.timer !== null) clearTimeout(watched.timer);
    watched.timer = null;
    if (!watched.dirty) return;
    watched.dirty = false;
    watched.lastFlush = Date.now();
    watched.handlers.flush?.();
  };

  const schedule = (watched: Watched): void => {
    watched.dirty = true;
    if (watched.timer !== null) return;
    const wait = Math.max(0, throttleMs - (Date.now() - watched.lastFlush));
    watched.timer = setTimeout(() => flush(watched), wait);
  };

  const onEvent = (event: WorkerEvent): void => {
    const watched = runs.get(event.runId);
    if (!watched) return; // a run nobody watches any more (replaced, reset)
    const { handlers } = watched;
    switch (event.type) {
      case 'progress':
        handlers.progress?.(event);
        schedule(watched);
        break;
      case 'status':
        flush(watched);
        handlers.status?.(event.status);
        break;
      case 'modelStatus':
        flush(watched);
        handlers.modelStatus?.(event);
        break;
      case 'runError':
        flush(watched);
        if (event.fatal) drop(event.message, event.runId);
        else handlers.failed?.(event.message, false);
        break;
    }
  };

  /** Every watched run (the one that caused it first) hears that the worker is gone. */
  const tellRuns = (message: string, culprit: number | undefined, workerLost: boolean): void => {
    const others = `${message} The training worker was restarted, so this run ended too.`;
    for (const [runId, watched] of runs) {
      flush(watched);
      watched.handlers.failed?.(runId === culprit || culprit === undefined ? message : others, workerLost);
    }
  };

  const endClient = (): void => {
    const dead = client;
    client = null;
    dead?.terminate();
  };

  /** A fatal error: the worker is replaced at the next request, and the page goes on. */
  const drop = (message: string, culprit?: number): void => {
    endClient();
    tellRuns(message, culprit, false);
  };

  /** The worker died or stopped answering: say so until the learner restarts it. */
  const lose = (message: string): void => {
    if (health.state === 'lost') return;
    endClient();
    setHealth({ state: 'lost', message });
    tellRuns(message, undefined, true);
  };

  const getClient = (): TrainingPort => {
    if (health.state === 'lost')
      throw new Error(`${health.message} Press “Restart the training worker” to go on.`);
    if (client) return client;
    const made = options.makeClient();
    client = made;
    made.subscribe(onEvent);
    made.onFailure?.((message) => {
      if (client === made) lose(message);
    });
    return made;
  };

  return {
    async request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]> {
      const port = getClient();
      try {
        return await port.request(body);
      } catch (error) {
        if (isFatal(error) && client === port) drop(text(error), 'runId' in body ? body.runId : undefined);
        throw error;
      }
    },
    nextRunId: () => ++runIds,
    watch(runId, handlers) {
      const watched: Watched = { handlers, timer: null, lastFlush: Number.NEGATIVE_INFINITY, dirty: false };
      runs.set(runId, watched);
      return () => {
        if (watched.timer !== null) clearTimeout(watched.timer);
        if (runs.get(runId) === watched) runs.delete(runId);
      };
    },
    health: () => health,
    subscribeHealth(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
    restart() {
      endClient();
      if (health.state !== 'ok') setHealth({ state: 'ok' });
    },
    dispose() {
      endClient();
      for (const watched of runs.values()) if (watched.timer !== null) clearTimeout(watched.timer);
      runs.clear();
    },
  };
}
