// A fake worker client for store tests: it records what was sent, answers every request the way the
// worker would (a start says "started", a snapshot gets a fresh id, everything else an ack), and lets
// a test play the worker's events: progress, status, divergence, errors.
import type { AnyRequestBody } from '../worker/client';
import type { ProgressEvent, ReplyTo, WorkerEvent } from '../worker/protocol';
import type { TrainingPort } from './runChannel';

export interface FakeWorker {
  port: TrainingPort;
  /** Every request, in the order sent. */
  sent: AnyRequestBody[];
  /** Requests of one type. */
  sentOf<T extends AnyRequestBody['type']>(type: T): Extract<AnyRequestBody, { type: T }>[];
  emit(event: WorkerEvent): void;
  /** The worker fails outside any request (its script did not load). */
  fail(message: string): void;
  terminated: boolean;
}

export interface FakeWorkerOptions {
  /** Answer a start with this error instead. */
  failStart?: string | { message: string; fatal: boolean };
  inputs?: number;
  /**
   * Play a worker that trains: a resume (or an unpaused start) runs every model of the run to its
   * step limit at once (one progress event, train and dev cost `cost(model, step)`), then says
   * 'finished'. Events follow on the next macrotask, as a real worker's would.
   */
  autoRun?: { cost: (model: number, step: number) => number };
}

export function fakeWorker(options: FakeWorkerOptions = {}): FakeWorker {
  const sent: AnyRequestBody[] = [];
  const listeners = new Set<(e: WorkerEvent) => void>();
  const failures = new Set<(message: string) => void>();
  let snapshots = 0;
  const runs = new Map<number, { models: number; step: number; maxSteps: number }>();
  const runToLimit = (runId: number): void => {
    const run = runs.get(runId);
    const auto = options.autoRun;
    if (!run || !auto) return;
    setTimeout(() => {
      if (run.step < run.maxSteps) {
        const step = run.maxSteps;
        run.step = step;
        const points = Array.from({ length: run.models }, (_, model) => {
          const cost = auto.cost(model, step);
          return { model, step, cost, devCost: cost, devAccuracy: 0.5 };
        });
        fake.emit(
          progressEvent(
            runId,
            points,
            points.map(() => step),
          ),
        );
      }
      fake.emit({ type: 'status', runId, status: 'finished' });
    }, 0);
  };
  const track = (body: AnyRequestBody): void => {
    if (body.type === 'start') {
      runs.set(body.runId, { models: body.models.length, step: 0, maxSteps: body.maxSteps });
      if (!body.paused) runToLimit(body.runId);
    } else if (body.type === 'extend') {
      const run = runs.get(body.runId);
      if (run) run.maxSteps = body.maxSteps;
    } else if (body.type === 'resume') runToLimit(body.runId);
    else if (body.type === 'restore') {
      const run = runs.get(body.runId);
      if (run) run.step = snapshotSteps.get(body.snapshotId) ?? run.step;
    } else if (body.type === 'stop') runs.delete(body.runId);
  };
  const snapshotSteps = new Map<number, number>();
  const reply = (body: AnyRequestBody): unknown => {
    switch (body.type) {
      case 'start':
        return {
          type: 'started',
          id: 0,
          runId: body.runId,
          backend: { name: 'cpu', reason: 'the only one that started', timings: {}, failed: {} },
          data: { trainSize: 800, devSize: 200, inputs: options.inputs ?? 2, classes: 2 },
        };
      case 'snapshot': {
        const step = runs.get(body.runId)?.step ?? 0;
        snapshotSteps.set(++snapshots, step);
        return {
          type: 'snapshotTaken',
          id: 0,
          runId: body.runId,
          model: body.model,
          snapshotId: snapshots,
          step,
        };
      }
      default:
        return { type: 'ack', id: 0 };
    }
  };
  const fake: FakeWorker = {
    sent,
    terminated: false,
    sentOf: (type) => sent.filter((b) => b.type === type) as never,
    emit: (event) => {
      for (const l of listeners) l(event);
    },
    fail: (message) => {
      for (const f of failures) f(message);
    },
    port: {
      request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]> {
        sent.push(body);
        if (body.type === 'start' && options.failStart) {
          const f = options.failStart;
          const error = new Error(typeof f === 'string' ? f : f.message) as Error & { fatal?: boolean };
          if (typeof f !== 'string') error.fatal = f.fatal;
          return Promise.reject(error);
        }
        track(body);
        return Promise.resolve(reply(body) as ReplyTo[B['type']]);
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onFailure(listener) {
        failures.add(listener);
      },
      terminate() {
        fake.terminated = true;
      },
    },
  };
  return fake;
}

/** One progress event: each point is [model, step, train cost] (and dev cost/accuracy when given). */
export function progressEvent(
  runId: number,
  points: { model: number; step: number; cost: number; devCost?: number; devAccuracy?: number }[],
  steps: number[] = [],
): ProgressEvent {
  const dev = points.filter((p) => p.devCost !== undefined);
  return {
    type: 'progress',
    runId,
    train: {
      model: Int32Array.from(points.map((p) => p.model)),
      step: Int32Array.from(points.map((p) => p.step)),
      cost: Float32Array.from(points.map((p) => p.cost)),
    },
    dev: {
      model: Int32Array.from(dev.map((p) => p.model)),
      step: Int32Array.from(dev.map((p) => p.step)),
      cost: Float32Array.from(dev.map((p) => p.devCost ?? 0)),
      accuracy: Float32Array.from(dev.map((p) => p.devAccuracy ?? 0)),
    },
    steps: Int32Array.from(steps.length > 0 ? steps : points.map((p) => p.step)),
    learningRate: Float32Array.from((steps.length > 0 ? steps : points).map(() => 0.01)),
  };
}
