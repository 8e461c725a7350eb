// Every message between the page and the training worker, both directions, in one place.
// Requests carry an id; the worker answers each with exactly one reply of the type that
// ReplyTo names for it (or an 'error' with the same id), so no handler needs a cast.
import type { BackendChoice, BackendName, DataConfig, Hyperparameters, ModelSpec } from '../core/config';
import type { BatchStatisticsResult, InspectResult, ModeEvaluation, ProbeFrame } from '../core/inspection';

// ---------- page -> worker ----------

/**
 * Starts a run beside the worker's other runs (every screen's), on the backend they use; only a
 * backend asked for by name that differs from it stops them (each is told why). While a start is
 * being set up (loading data, timing backends for 'auto'), a 'pause' or 'stop' for this run cancels
 * it: the start is answered with an error reply ("Training was cancelled before it started.") and
 * the pause or stop with an ack.
 * A run whose memory estimate exceeds the page's budget is refused with an error reply in words.
 */
export interface StartRequest {
  type: 'start';
  id: number;
  runId: number;
  data: DataConfig;
  models: ModelSpec[];
  backend: BackendChoice;
  /** Every model stops after this many steps. */
  maxSteps: number;
  /** Dev cost and accuracy are computed every this many steps (and at the end). */
  evalEvery: number;
  /** Start paused (the learner then presses Step or Resume). */
  paused: boolean;
  /**
   * At most this many steps a second while running (Step requests are not capped), so that a learner
   * can watch a run learn; absent or null: as fast as it goes. 'setSpeed' changes it during the run.
   */
  stepsPerSecond?: number | null;
  /**
   * For backend 'auto': the verdict the page remembers for this workload's timing slice (from an
   * earlier page load). The worker uses it when that backend activates, instead of timing them all.
   */
  knownBackend?: BackendName;
  /** Absolute URL of public/data/digits.bin (the client fills it in from the page's base URL). */
  digitsUrl?: string;
  /** Decision-boundary heatmap of one model, 2-D datasets only. */
  boundary?: { model: number; resolution: number };
  /**
   * Live distributions (batch-norm lab): per hidden layer, percentiles and a histogram of z, z̃ and a
   * on the first `size` training rows (default 256), sent with progress at most every `everyMs` (default 200).
   */
  probe?: { model: number; size?: number; everyMs?: number };
  /**
   * Only tests set it: skip the worker's memory estimate (core/runEstimate.ts), so that an e2e test
   * can force a run that really exhausts the backend's memory and see the page recover.
   */
  skipEstimate?: boolean;
}

export interface RunRequest<T extends string> {
  type: T;
  id: number;
  runId: number;
}

export type PauseRequest = RunRequest<'pause'>;
export type ResumeRequest = RunRequest<'resume'>;
/** Stop training and dispose of every tensor of the run. */
export type StopRequest = RunRequest<'stop'>;

export interface StepRequest extends RunRequest<'step'> {
  /** How many steps to take before pausing again. */
  steps: number;
}

export interface SetHyperparametersRequest extends RunRequest<'setHyperparameters'> {
  model: number;
  hyper: Partial<Hyperparameters>;
}

export interface SnapshotRequest extends RunRequest<'snapshot'> {
  model: number;
}

export interface RestoreRequest extends RunRequest<'restore'> {
  model: number;
  snapshotId: number;
}

/** Freezes a model (it keeps its weights and stops stepping) or lets it train again. */
export interface SetModelActiveRequest extends RunRequest<'setModelActive'> {
  model: number;
  active: boolean;
}

/** Raises the run's step limit so that finished models train on (successive rounds, "one more day"). */
export interface ExtendRequest extends RunRequest<'extend'> {
  maxSteps: number;
}

// ---------- batch-norm lab: reading a model while it trains ----------

/**
 * One layer and unit of a model on a mini-batch: the one it trains on next (batchSeed null) or a
 * seeded random one of its mini-batch size. With biasShift, also how far the outputs move when the
 * layer's bias moves by that much.
 */
export interface InspectRequest extends RunRequest<'inspect'> {
  model: number;
  layer: number;
  unit: number;
  batchSeed: number | null;
  biasShift?: number;
}

/** Dev accuracy and cost in training mode (the dev set's own batch statistics) vs evaluation mode (running averages). */
export interface EvaluateModesRequest extends RunRequest<'evaluateModes'> {
  model: number;
}

/** μ_B and σ²_B of one unit over `batches` successive mini-batches of each size, with the current weights. */
export interface BatchStatisticsRequest extends RunRequest<'batchStatistics'> {
  model: number;
  layer: number;
  unit: number;
  sizes: number[];
  batches: number;
  seed: number;
}

/**
 * One live-distributions frame of a model on demand (the start's probe sends only its own model's):
 * the batch-norm lab reads the network's twin without batch norm with it, on the same probe rows.
 */
export interface ProbeRequest extends RunRequest<'probe'> {
  model: number;
  size: number;
}

/** Caps the run's speed from now on (null: as fast as it goes); see StartRequest.stepsPerSecond. */
export interface SetSpeedRequest extends RunRequest<'setSpeed'> {
  stepsPerSecond: number | null;
}

export type Request =
  | InspectRequest
  | EvaluateModesRequest
  | BatchStatisticsRequest
  | ProbeRequest
  | StartRequest
  | PauseRequest
  | ResumeRequest
  | StopRequest
  | StepRequest
  | SetHyperparametersRequest
  | SnapshotRequest
  | RestoreRequest
  | SetModelActiveRequest
  | ExtendRequest
  | SetSpeedRequest;

// ---------- worker -> page: replies ----------

export interface Ack {
  type: 'ack';
  id: number;
}

export interface BackendInfo {
  name: BackendName;
  /** Why this backend, in words a learner can read ("fastest of webgl, wasm"). */
  reason: string;
  /** Milliseconds per step measured by 'auto' for each backend that started. */
  timings: Partial<Record<BackendName, number>>;
  /** Backends that failed to start, with the reason. */
  failed: Partial<Record<BackendName, string>>;
  /** wasm only: threads it runs on (more than one only on a cross-origin-isolated page). */
  threads?: number;
  /** wasm only: why it runs on one thread ("the page is not cross-origin isolated"). */
  threadsWhy?: string;
}

export interface DataInfo {
  trainSize: number;
  devSize: number;
  inputs: number;
  classes: number;
  /** Raw 2-D points (x0, y0, x1, y1, ...), labels and split (1 = dev), for drawing the toy sets. */
  points?: { xy: Float32Array; label: Uint8Array; dev: Uint8Array };
  /** Input-space box of the boundary grid: [xMin, xMax, yMin, yMax]. */
  bounds?: [number, number, number, number];
}

export interface Started {
  type: 'started';
  id: number;
  runId: number;
  backend: BackendInfo;
  data: DataInfo;
  /**
   * For backend 'auto': the backend it settled on for this workload's timing slice, timed now or the
   * page's knownBackend; the page remembers it for the next start. Absent when the run simply joined
   * the backend other runs train on (no verdict was reached).
   */
  autoVerdict?: BackendName;
}

export interface SnapshotTaken {
  type: 'snapshotTaken';
  id: number;
  runId: number;
  model: number;
  snapshotId: number;
  step: number;
}

export interface Inspection extends InspectResult {
  type: 'inspection';
  id: number;
  runId: number;
  model: number;
}

export interface ModesEvaluated extends ModeEvaluation {
  type: 'modesEvaluated';
  id: number;
  runId: number;
  model: number;
}

export interface BatchStatisticsReply extends BatchStatisticsResult {
  type: 'batchStatistics';
  id: number;
  runId: number;
  model: number;
  layer: number;
  unit: number;
}

export interface ProbeReply {
  type: 'probeFrame';
  id: number;
  runId: number;
  model: number;
  frame: ProbeFrame;
}

export interface ErrorReply {
  type: 'error';
  id: number;
  message: string;
  /**
   * This worker's tfjs can no longer be trusted (wasm aborted or ran out of memory, WebGL lost its
   * context): the page should end this worker and start a fresh one. The message says what happened
   * in words ("Training ran out of memory on wasm (…)").
   */
  fatal?: true;
}

/** Which reply each request gets. */
export interface ReplyTo {
  start: Started;
  pause: Ack;
  resume: Ack;
  stop: Ack;
  step: Ack;
  setHyperparameters: Ack;
  snapshot: SnapshotTaken;
  restore: Ack;
  setModelActive: Ack;
  extend: Ack;
  setSpeed: Ack;
  inspect: Inspection;
  evaluateModes: ModesEvaluated;
  batchStatistics: BatchStatisticsReply;
  probe: ProbeReply;
}

export type Reply = ReplyTo[keyof ReplyTo] | ErrorReply;

// ---------- worker -> page: events ----------

export type RunStatus = 'running' | 'paused' | 'finished' | 'stopped';
export type ModelStatus = 'training' | 'diverged' | 'finished';

/**
 * What the run did since the last batch (sent at most every ~50 ms). Flat, parallel, transferable
 * arrays: point i is (model[i], step[i], value[i]).
 */
export interface ProgressEvent {
  type: 'progress';
  runId: number;
  train: { model: Int32Array; step: Int32Array; cost: Float32Array };
  dev: { model: Int32Array; step: Int32Array; cost: Float32Array; accuracy: Float32Array };
  /** Steps taken so far by each model. */
  steps: Int32Array;
  /** Current effective learning rate of each model (after decay). */
  learningRate: Float32Array;
  /** Probability of class 1 on a resolution x resolution grid (row-major, y from bottom), when asked. */
  boundary?: { model: number; resolution: number; probs: Float32Array };
  /** Live distributions of one model, when the run was started with a probe. */
  probe?: { model: number; frame: ProbeFrame };
}

export interface StatusEvent {
  type: 'status';
  runId: number;
  status: RunStatus;
}

export interface ModelStatusEvent {
  type: 'modelStatus';
  runId: number;
  model: number;
  status: ModelStatus;
  step: number;
  /** For 'diverged': what was seen ("cost became NaN", "cost 1.2e3 exceeded 100"). */
  reason?: string;
}

/** An error that belongs to no request (the training loop failed). */
export interface RunErrorEvent {
  type: 'runError';
  runId: number;
  message: string;
  /** As ErrorReply.fatal: the worker must be replaced before the next run. */
  fatal?: true;
}

export type WorkerEvent = ProgressEvent | StatusEvent | ModelStatusEvent | RunErrorEvent;

export type WorkerMessage = Reply | WorkerEvent;

/** The transferable buffers of a reply (a start's raw points), so that posting it copies nothing. */
export function replyTransferables(reply: Reply): ArrayBuffer[] {
  if (reply.type !== 'started' || !reply.data.points) return [];
  const { xy, label, dev } = reply.data.points;
  return [xy.buffer as ArrayBuffer, label.buffer as ArrayBuffer, dev.buffer as ArrayBuffer];
}

/** The transferable buffers of a progress event, so that posting it copies nothing. */
export function progressTransferables(e: ProgressEvent): ArrayBuffer[] {
  const arrays = [
    e.train.model,
    e.train.step,
    e.train.cost,
    e.dev.model,
    e.dev.step,
    e.dev.cost,
    e.dev.accuracy,
    e.steps,
    e.learningRate,
  ];
  if (e.boundary) arrays.push(e.boundary.probs);
  if (e.probe) {
    const f = e.probe.frame;
    arrays.push(f.percentiles, f.range, f.histogram, f.bnGamma, f.bnBeta);
  }
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
