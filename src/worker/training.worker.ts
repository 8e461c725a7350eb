/// <reference lib="webworker" />
// The training worker: wires the handler table (trainingHandlers.ts) to this worker's messages, its
// tfjs backends and its fetch. It owns every tensor; the page only ever sees plain numbers.
import { BACKENDS, type BackendName } from '../core/config';
import {
  activateBackend,
  type ChosenBackend,
  chooseBackend,
  markBroken,
  threadInfo,
  webglContextLost,
} from '../engine/backends';
import { fatalMessage } from '../engine/fatalError';
import type { PreparedData } from '../engine/preparedData';
import { tf } from '../engine/tf';
import { sliceKey, timeSlice, timingSlice } from '../engine/workloadTiming';
import { loadData } from './loadData';
import type { Request, StartRequest, WorkerMessage } from './protocol';
import { createTrainingDispatcher } from './trainingHandlers';

declare const self: DedicatedWorkerGlobalScope;

// 'auto' times every backend on a slice of the workload; the verdict holds for every run with that slice.
const autoVerdicts = new Map<string, ChosenBackend>();

async function pickBackend(
  request: StartRequest,
  data: PreparedData,
  checkpoint: () => void,
): Promise<ChosenBackend> {
  const slice = timingSlice(data, request.models);
  const timeStep = (_: BackendName, bestSoFarMs: number | undefined) =>
    timeSlice(data, slice, { checkpoint, bestSoFarMs });
  if (request.backend !== 'auto') return chooseBackend(request.backend, timeStep, checkpoint);
  const key = sliceKey(request.data.dataset, slice);
  // This worker's own verdict first; else the page's, remembered from an earlier page load
  // (state/backendMemory.ts), so that a reload does not time every backend again.
  const remembered: ChosenBackend | undefined =
    request.knownBackend && BACKENDS.includes(request.knownBackend)
      ? {
          name: request.knownBackend,
          reason: 'remembered: the fastest here for this workload when auto last timed it',
          timings: {},
          failed: {},
        }
      : undefined;
  const known = autoVerdicts.get(key) ?? remembered;
  if (known && !(await activateBackend(known.name))) {
    const active = { ...known, ...threadInfo(known.name) };
    autoVerdicts.set(key, active);
    return active;
  }
  const chosen = await chooseBackend('auto', timeStep, checkpoint);
  autoVerdicts.set(key, chosen);
  return chosen;
}

/** Fatal failures get words and put their backend out of use here (the page replaces this worker). */
function describeFailure(message: string): { message: string; fatal: boolean } {
  const backend = tf.getBackend() as BackendName | undefined;
  const words = fatalMessage(message, backend, { contextLost: webglContextLost() });
  if (!words) return { message, fatal: false };
  if (backend) markBroken(backend, message);
  return { message: words, fatal: true };
}

const dispatcher = createTrainingDispatcher({
  loadData,
  pickBackend,
  activeBackend: () => tf.getBackend() as BackendName | undefined,
  describeFailure,
  post: (message: WorkerMessage, transfer: Transferable[]) => self.postMessage(message, transfer),
});

self.addEventListener('message', (event: MessageEvent<Request>) => {
  void dispatcher.receive(event.data);
});

// Held until this worker ends (however it ends): the page asks for the same lock and is granted it
// only then, which is how it learns, even while this worker is busy in a long step, that it is gone.
if (self.name && self.navigator.locks) {
  void self.navigator.locks.request(self.name, () => new Promise<never>(() => undefined));
}
