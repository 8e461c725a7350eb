// The training worker's handler table: one handler per request type, each returning the reply that
// ReplyTo names for it, driving the engine's runs. Everything that needs a real worker (postMessage,
// fetch, the tfjs backends) comes in through TrainingDeps, so Node tests drive this table on the CPU
// backend exactly as the worker does.
import type { BackendName, DataConfig } from '../core/config';
import { overBudgetMessage } from '../core/runEstimate';
import type { ChosenBackend } from '../engine/backends';
import type { PreparedData } from '../engine/preparedData';
import { type LoopListener, RunLoop } from '../engine/runLoop';
import { Trainer } from '../engine/trainer';
import { createDispatcher, type Dispatcher, type HandlerTable } from './dispatch';
import {
  type Ack,
  type DataInfo,
  type ErrorReply,
  type ProgressEvent,
  progressTransferables,
  type ReplyTo,
  type Request,
  replyTransferables,
  type StartRequest,
  type WorkerMessage,
} from './protocol';
import { StartCancellation, StartCancelled } from './startCancellation';

export interface TrainingDeps {
  loadData(config: DataConfig, digitsUrl: string | undefined): Promise<PreparedData>;
  /**
   * Activates the backend a start asked for ('auto': the fastest on a slice of its workload).
   * `checkpoint` throws once the start is cancelled; call it between slow steps.
   */
  pickBackend(request: StartRequest, data: PreparedData, checkpoint: () => void): Promise<ChosenBackend>;
  /** The tfjs backend active now, if any. */
  activeBackend(): BackendName | undefined;
  /** A failure in words, and whether this worker's tfjs can still be trusted. */
  describeFailure(message: string): { message: string; fatal: boolean };
  post(message: WorkerMessage, transfer: Transferable[]): void;
}

function dataInfo(data: PreparedData): DataInfo {
  return {
    trainSize: data.trainSize,
    devSize: data.devSize,
    inputs: data.inputs,
    classes: data.classes,
    points: data.raw && { xy: data.raw.xy.slice(), label: data.raw.label.slice(), dev: data.raw.dev.slice() },
    bounds: data.raw?.bounds,
  };
}

/** The page's requests in, replies and run events out, one request at a time. */
export function createTrainingDispatcher(deps: TrainingDeps): Dispatcher<Request> {
  const runs = new Map<number, RunLoop>();
  const cancellation = new StartCancellation();

  const runOf = (runId: number): RunLoop => {
    const run = runs.get(runId);
    if (!run) throw new Error(`Run ${runId} is not active.`);
    return run;
  };

  /** Run events, posted as they happen; a fatal failure says so, for the page to replace the worker. */
  const listenerOf = (runId: number): LoopListener => ({
    progress(batch) {
      const event: ProgressEvent = {
        type: 'progress',
        runId,
        train: {
          model: Int32Array.from(batch.train.model),
          step: Int32Array.from(batch.train.step),
          cost: Float32Array.from(batch.train.cost),
        },
        dev: {
          model: Int32Array.from(batch.dev.model),
          step: Int32Array.from(batch.dev.step),
          cost: Float32Array.from(batch.dev.cost),
          accuracy: Float32Array.from(batch.dev.accuracy),
        },
        steps: Int32Array.from(batch.steps),
        learningRate: Float32Array.from(batch.learningRate),
        boundary: batch.boundary && { ...batch.boundary, probs: Float32Array.from(batch.boundary.probs) },
        probe: batch.probe,
      };
      deps.post(event, progressTransferables(event));
    },
    status(status) {
      deps.post({ type: 'status', runId, status }, []);
    },
    modelStatus(change) {
      deps.post({ type: 'modelStatus', runId, ...change }, []);
    },
    error(message) {
      const failure = deps.describeFailure(message);
      deps.post(
        {
          type: 'runError',
          runId,
          message: failure.message,
          ...(failure.fatal ? { fatal: true as const } : {}),
        },
        [],
      );
    },
  });

  async function start(
    request: StartRequest,
    afterReply: (then: () => void) => void,
  ): Promise<ReplyTo['start']> {
    const { runId } = request;
    const checkpoint = () => cancellation.check(runId);
    try {
      checkpoint();
      const data = await deps.loadData(request.data, request.digitsUrl);
      checkpoint();
      const boundary = request.boundary && data.inputs === 2 ? request.boundary : undefined;
      // The page checks first; this is the second line of defence against a run that cannot fit.
      if (!request.skipEstimate) {
        const refusal = overBudgetMessage(data, request.models, { boundaryResolution: boundary?.resolution });
        if (refusal) throw new Error(refusal);
      }
      const current = deps.activeBackend();
      let chosen: ChosenBackend;
      let autoVerdict: BackendName | undefined;
      if (runs.size > 0 && current && (request.backend === 'auto' || request.backend === current)) {
        // One backend verdict for the app: every screen's runs share the tfjs engine they started on,
        // so a run paused in one lab survives a run started in another.
        chosen = { name: current, reason: 'shared with the runs already training', timings: {}, failed: {} };
      } else {
        // A different backend, asked for by name: the other runs' tensors can't follow, so they end,
        // and their screens are told why.
        for (const [id, run] of runs) {
          runs.delete(id);
          deps.post(
            {
              type: 'runError',
              runId: id,
              message: `another run asked for the ${request.backend} backend, so this run on ${current} was stopped.`,
            },
            [],
          );
          await run.stop();
        }
        checkpoint();
        chosen = await deps.pickBackend(request, data, checkpoint);
        checkpoint();
        // Timed now or remembered by the page: either way, the page may remember it for next time.
        if (request.backend === 'auto') autoVerdict = chosen.name;
      }
      // From here on nothing awaits: a cancel can no longer come in between.
      const trainer = new Trainer(data, request.models, {
        maxSteps: request.maxSteps,
        evalEvery: request.evalEvery,
      });
      const probe = request.probe && {
        model: request.probe.model,
        size: request.probe.size ?? 256,
        everyMs: request.probe.everyMs ?? 200,
      };
      const loop = new RunLoop(trainer, listenerOf(runId), boundary, probe);
      loop.setSpeed(request.stepsPerSecond ?? null);
      runs.set(runId, loop);
      // Status events follow the 'started' reply, so the page knows the run before it hears of it.
      afterReply(() => {
        if (request.paused) deps.post({ type: 'status', runId, status: 'paused' }, []);
        else loop.resume();
      });
      return {
        type: 'started',
        id: request.id,
        runId,
        backend: chosen,
        data: dataInfo(data),
        ...(autoVerdict ? { autoVerdict } : {}),
      };
    } finally {
      cancellation.finished(runId);
    }
  }

  const ack = (request: { id: number }): Ack => ({ type: 'ack', id: request.id });

  const handlers: HandlerTable<Request, ReplyTo> = {
    start: (request, { afterReply }) => start(request, afterReply),
    pause(request) {
      // A pause that cancelled its run's start has nothing left to pause.
      if (!cancellation.isCancelled(request.runId)) runOf(request.runId).pause();
      return ack(request);
    },
    resume(request) {
      runOf(request.runId).resume();
      return ack(request);
    },
    step(request) {
      runOf(request.runId).step(request.steps);
      return ack(request);
    },
    async stop(request) {
      const run = runs.get(request.runId);
      runs.delete(request.runId);
      if (run) await run.stop();
      cancellation.forget(request.runId);
      return ack(request);
    },
    setHyperparameters(request) {
      runOf(request.runId).setHyperparameters(request.model, request.hyper);
      return ack(request);
    },
    snapshot(request) {
      const taken = runOf(request.runId).snapshot(request.model);
      return { type: 'snapshotTaken', id: request.id, runId: request.runId, model: request.model, ...taken };
    },
    restore(request) {
      runOf(request.runId).restore(request.model, request.snapshotId);
      return ack(request);
    },
    setModelActive(request) {
      runOf(request.runId).setModelActive(request.model, request.active);
      return ack(request);
    },
    extend(request) {
      runOf(request.runId).extend(request.maxSteps);
      return ack(request);
    },
    setSpeed(request) {
      runOf(request.runId).setSpeed(request.stepsPerSecond);
      return ack(request);
    },
    async inspect(request) {
      const { runId, model, layer, unit, batchSeed, biasShift } = request;
      const result = await runOf(runId).inspected.inspect(model, { layer, unit, batchSeed, biasShift });
      return { ...result, type: 'inspection', id: request.id, runId, model };
    },
    async evaluateModes(request) {
      const { runId, model } = request;
      const result = await runOf(runId).inspected.evaluateModes(model);
      return { ...result, type: 'modesEvaluated', id: request.id, runId, model };
    },
    async batchStatistics(request) {
      const { runId, model, layer, unit, sizes, batches, seed } = request;
      const result = await runOf(runId).inspected.batchStatistics(model, {
        layer,
        unit,
        sizes,
        batches,
        seed,
      });
      return { ...result, type: 'batchStatistics', id: request.id, runId, model, layer, unit };
    },
    async probe(request) {
      const { runId, model, size } = request;
      const frame = await runOf(runId).inspected.probe(model, size);
      return { type: 'probeFrame', id: request.id, runId, model, frame };
    },
  };

  function errorReply(error: unknown, request: Request): ErrorReply {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof StartCancelled) return { type: 'error', id: request.id, message };
    const failure = deps.describeFailure(message);
    return {
      type: 'error',
      id: request.id,
      message: failure.message,
      ...(failure.fatal ? { fatal: true } : {}),
    };
  }

  return createDispatcher<Request, ReplyTo, ErrorReply>({
    handlers,
    post: (message, transfer) => deps.post(message, transfer),
    transferables: replyTransferables,
    errorReply,
    onArrival: (request) => cancellation.observe(request),
  });
}
