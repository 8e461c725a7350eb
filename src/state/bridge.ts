// The one bridge from worker events to store actions. It owns the training client (created on first
// use: one worker for the app), appends progress into the run's typed-array buffers without touching
// React, and tells the store at most ~10 times a second that the curves have grown.

import { type AnyRequestBody, createTrainingClient } from '../worker/client';
import type { ReplyTo, WorkerEvent } from '../worker/protocol';
import type { RunSeries } from './runSeries';

/** The part of the training client the bridge uses (a fake one in tests). */
export interface TrainingPort {
  request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]>;
  subscribe(listener: (event: WorkerEvent) => void): () => void;
}

export interface BoundaryFrame {
  model: number;
  resolution: number;
  probs: Float32Array;
}

/** What the bridge needs from the store: the current run and the actions that receive events. */
export interface BridgeTarget {
  runId: number | null;
  series: RunSeries | null;
  receiveProgress(boundary: BoundaryFrame | null): void;
  receiveStatus(status: Extract<WorkerEvent, { type: 'status' }>['status']): void;
  receiveModelStatus(event: Extract<WorkerEvent, { type: 'modelStatus' }>): void;
  receiveRunError(message: string): void;
}

export interface Bridge {
  request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]>;
  /** Forgets buffered progress (a run is being replaced or reset). */
  discard(): void;
}

/** At most this often (ms) the store hears that the curves have grown: ≤ 10 chart refreshes a second. */
export const PROGRESS_THROTTLE_MS = 100;

export function createBridge(
  target: () => BridgeTarget,
  makeClient: () => TrainingPort = createTrainingClient,
  throttleMs = PROGRESS_THROTTLE_MS,
): Bridge {
  let client: TrainingPort | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = Number.NEGATIVE_INFINITY;
  let dirty = false;
  let boundary: BoundaryFrame | null = null;

  const flush = (): void => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (!dirty) return;
    dirty = false;
    lastFlush = Date.now();
    const frame = boundary;
    boundary = null;
    target().receiveProgress(frame);
  };

  const schedule = (): void => {
    dirty = true;
    if (timer !== null) return;
    const wait = Math.max(0, throttleMs - (Date.now() - lastFlush));
    timer = setTimeout(flush, wait);
  };

  const onEvent = (event: WorkerEvent): void => {
    const state = target();
    if (event.runId !== state.runId) return; // a replaced run's late events
    switch (event.type) {
      case 'progress':
        state.series?.append(event);
        if (event.boundary) boundary = event.boundary;
        schedule();
        break;
      case 'status':
        flush();
        state.receiveStatus(event.status);
        break;
      case 'modelStatus':
        flush();
        state.receiveModelStatus(event);
        break;
      case 'runError':
        flush();
        state.receiveRunError(event.message);
        break;
    }
  };

  const getClient = (): TrainingPort => {
    if (!client) {
      client = makeClient();
      client.subscribe(onEvent);
    }
    return client;
  };

  return {
    request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]> {
      try {
        return getClient().request(body);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    discard() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      dirty = false;
      boundary = null;
    },
  };
}
