// Drives a Trainer in time: steps in chunks sized to ~25 ms, yields so that commands (pause,
// hyperparameter changes) get in between chunks, and hands progress out in batches at most every
// ~50 ms. Independent of the worker's messaging so that Node tests can drive it too.
import type { Hyperparameters } from '../core/config';
import type { ProbeFrame } from '../core/inspection';
import type { ModelState } from './modelState';
import type { Collected, StatusChange, Trainer } from './trainer';

export type LoopStatus = 'running' | 'paused' | 'finished' | 'stopped';

export interface ProgressBatch {
  train: Collected['train'];
  dev: Collected['dev'];
  steps: number[];
  learningRate: number[];
  boundary?: { model: number; resolution: number; probs: Float32Array };
  /** Live distributions of one model on a fixed probe batch (when the run was started with a probe). */
  probe?: { model: number; frame: ProbeFrame };
}

/** Which model the live-distribution probe watches, on how many training rows, how often. */
export interface ProbeOptions {
  model: number;
  size: number;
  everyMs: number;
}

export interface LoopListener {
  progress(batch: ProgressBatch): void;
  status(status: LoopStatus): void;
  modelStatus(change: StatusChange): void;
  error(message: string): void;
}

const CHUNK_TARGET_MS = 25;
const POST_EVERY_MS = 50;
const BOUNDARY_EVERY_MS = 200;

/** Lets the worker's event loop run (messages in, progress out) without a 4 ms timer clamp. */
export function yieldToEvents(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class RunLoop {
  private state: LoopStatus = 'paused';
  private looping: Promise<void> | null = null;
  private kickAgain = false;
  private stepsRequested = 0;
  private chunk = 4;
  private outgoing: ProgressBatch = RunLoop.emptyBatch();
  private lastPost = 0;
  private lastBoundary = -Infinity;
  private lastProbe = -Infinity;
  private readonly snapshots = new Map<number, ModelState>();
  private nextSnapshotId = 1;

  constructor(
    private readonly trainer: Trainer,
    private readonly listener: LoopListener,
    private readonly boundary?: { model: number; resolution: number },
    private readonly probe?: ProbeOptions,
  ) {}

  /** The trainer, for requests that read a model while it trains (the batch-norm lab's inspections). */
  get inspected(): Trainer {
    if (this.state === 'stopped') throw new Error('This run has stopped.');
    return this.trainer;
  }

  get status(): LoopStatus {
    return this.state;
  }

  private static emptyBatch(): ProgressBatch {
    return {
      train: { model: [], step: [], cost: [] },
      dev: { model: [], step: [], cost: [], accuracy: [] },
      steps: [],
      learningRate: [],
    };
  }

  private setStatus(status: LoopStatus): void {
    if (this.state === status) return;
    this.state = status;
    this.listener.status(status);
  }

  resume(): void {
    if (this.state === 'stopped') return;
    if (this.trainer.done) {
      this.setStatus('finished');
      return;
    }
    this.setStatus('running');
    this.kick();
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.setStatus('paused');
  }

  /** Takes `count` steps, then stays paused. */
  step(count: number): void {
    if (this.state === 'stopped') return;
    if (this.state === 'running') this.setStatus('paused');
    this.stepsRequested += Math.max(1, Math.floor(count));
    this.kick();
  }

  setHyperparameters(model: number, hyper: Partial<Hyperparameters>): void {
    this.trainer.setHyperparameters(model, hyper);
  }

  setModelActive(model: number, active: boolean): void {
    this.trainer.setModelActive(model, active);
    if (this.state === 'finished' && !this.trainer.done) this.setStatus('paused');
  }

  extend(maxSteps: number): void {
    this.trainer.extend(maxSteps);
    if (this.state === 'finished' && !this.trainer.done) this.setStatus('paused');
  }

  snapshot(model: number): { snapshotId: number; step: number } {
    const state = this.trainer.snapshot(model);
    const snapshotId = this.nextSnapshotId++;
    this.snapshots.set(snapshotId, state);
    return { snapshotId, step: state.step };
  }

  restore(model: number, snapshotId: number): void {
    const state = this.snapshots.get(snapshotId);
    if (!state) throw new Error(`No snapshot ${snapshotId} in this run.`);
    this.trainer.restore(model, state);
    if (this.state === 'finished' && !this.trainer.done) this.setStatus('paused');
  }

  /** Stops for good and frees every tensor of the run. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.stepsRequested = 0;
    if (this.looping) await this.looping;
    this.trainer.dispose();
    this.snapshots.clear();
    this.listener.status('stopped');
  }

  private stopped(): boolean {
    return this.state === 'stopped';
  }

  private kick(): void {
    if (this.looping) {
      // The loop may be on its way out (it saw nothing left to do): make it look again when it ends.
      this.kickAgain = true;
      return;
    }
    this.looping = this.loop()
      .catch((error) => {
        this.listener.error(error instanceof Error ? error.message : String(error));
        this.setStatus('paused');
      })
      .finally(() => {
        this.looping = null;
        const again = this.kickAgain;
        this.kickAgain = false;
        if (again && !this.stopped() && (this.state === 'running' || this.stepsRequested > 0)) this.kick();
      });
  }

  private async loop(): Promise<void> {
    while (this.state !== 'stopped' && (this.state === 'running' || this.stepsRequested > 0)) {
      const stepping = this.stepsRequested > 0;
      const budget = stepping ? Math.min(this.stepsRequested, this.chunk) : this.chunk;
      const started = performance.now();
      let taken = 0;
      while (taken < budget && !this.trainer.done) {
        this.trainer.step();
        taken++;
      }
      if (stepping) this.stepsRequested -= taken;
      const willPause =
        this.trainer.done || (stepping && this.stepsRequested === 0) || this.state !== 'running';
      // Show a fresh dev cost whenever the learner gets to look at a still picture.
      if (willPause && !this.trainer.done) this.trainer.evaluateAll();
      await this.gather();
      // Size the next chunk so that one chunk takes about CHUNK_TARGET_MS: big enough to amortise the
      // read-back, small enough that commands and progress are never far behind.
      const elapsed = Math.max(1, performance.now() - started);
      if (taken > 0)
        this.chunk = Math.max(1, Math.min(1000, Math.round((taken * CHUNK_TARGET_MS) / elapsed)));
      if (this.stopped()) return; // stop() may have come in while we awaited
      if (this.trainer.done) {
        this.stepsRequested = 0;
        await this.flush(true);
        this.setStatus('finished');
        return;
      }
      await this.flush(willPause);
      if (stepping && this.stepsRequested === 0) return;
      await yieldToEvents();
    }
  }

  private async gather(): Promise<void> {
    const collected = await this.trainer.collect();
    const out = this.outgoing;
    for (const key of ['model', 'step', 'cost'] as const) out.train[key].push(...collected.train[key]);
    for (const key of ['model', 'step', 'cost', 'accuracy'] as const)
      out.dev[key].push(...collected.dev[key]);
    for (const change of collected.changes) this.listener.modelStatus(change);
  }

  private async flush(force: boolean): Promise<void> {
    const now = performance.now();
    if (!force && now - this.lastPost < POST_EVERY_MS) return;
    const batch = this.outgoing;
    this.outgoing = RunLoop.emptyBatch();
    batch.steps = Array.from({ length: this.trainer.size }, (_, m) => this.trainer.stepOf(m));
    batch.learningRate = Array.from({ length: this.trainer.size }, (_, m) => this.trainer.learningRateOf(m));
    if (this.boundary && (force || now - this.lastBoundary >= BOUNDARY_EVERY_MS)) {
      const { model, resolution } = this.boundary;
      batch.boundary = { model, resolution, probs: await this.trainer.boundary(model, resolution) };
      this.lastBoundary = now;
    }
    if (this.probe && (force || now - this.lastProbe >= this.probe.everyMs)) {
      const { model, size } = this.probe;
      batch.probe = { model, frame: await this.trainer.probe(model, size) };
      this.lastProbe = now;
    }
    this.lastPost = now;
    this.listener.progress(batch);
  }
}
