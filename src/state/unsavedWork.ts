// Which labs hold work that a reload (or closing the tab) would lose, so that the page can ask before
// it goes and say in words what is at stake. Each lab's store reports what it holds (a phase and a few
// words) whenever its state changes; the shell reads the list.
//
// How "saved" is known: saveRecord (savedWork.ts, the one way into storage, used by every Save button
// and by autosave) takes a ticket here when a save begins and hands it back once the write succeeded.
// Each lab names its finished work by a key (the run's id; the panda's tree by its size), so a save
// covers exactly the work that was finished when it began: a save made mid-run stores a snapshot while
// the run goes on, and covers nothing; a new run has a new key, so it is unsaved until saved in turn;
// a reset or a reopened record holds nothing, and forgets what was saved. A record deleted later on the
// Saved screen does not make the work unsaved again (the page does not track that).
import { createStore } from 'zustand/vanilla';
import { SAVED_LABS, type SavedLab } from '../core/saved/record';

/** 'active': training or paused mid-run; 'done': finished (or stopped) with results a Save would keep. */
export type WorkPhase = 'none' | 'active' | 'done';

export interface LabWork {
  phase: WorkPhase;
  /** What it is, as the page names it: "playground run", "batch-norm sweep". */
  what: string;
  /** Which finished work it is (a save covers one key); null when there is none. */
  key: string | null;
}

export const NO_WORK: LabWork = { phase: 'none', what: '', key: null };

const TRAINING = new Set(['starting', 'running', 'paused']);
const ENDED = new Set(['finished', 'stopped', 'error']);

/**
 * The playground's current run. A reopened saved run, a reset and the screen before any run hold
 * nothing to lose. Older runs (the ghost, the kept linear/log populations) are not tracked: only the
 * run on screen can be saved.
 */
export function playgroundWork(s: {
  status: string;
  kind: string;
  runId: number | null;
  steps: number;
}): LabWork {
  const what = s.kind === 'population' ? 'playground population' : 'playground run';
  const key = `run ${s.runId}`;
  if (TRAINING.has(s.status)) return { phase: 'active', what, key };
  if (ENDED.has(s.status) && s.steps > 0) return { phase: 'done', what, key };
  return NO_WORK;
}

/**
 * The search lab's study. `studyRun` is the run that trained it (kept through Stop, which forgets the
 * live run id: a stopped study can still be saved); a study loaded from a file or saved work has none.
 */
export function searchWork(s: { status: string; studyRun: number | null; trainedTrials: number }): LabWork {
  const what = 'search study';
  const key = `run ${s.studyRun}`;
  if (TRAINING.has(s.status)) return { phase: 'active', what, key };
  if (s.studyRun !== null && ENDED.has(s.status) && s.trainedTrials > 0) return { phase: 'done', what, key };
  return NO_WORK;
}

/**
 * The batch-norm lab's run. The live network is built paused when the lab opens and rebuilt on every
 * setup change, so it counts only once it has trained, and only while it trains or waits paused: it
 * has no Save, and a finished one is trained again by its link. A comparison or sweep counts from its
 * start until it is saved.
 */
export function batchNormWork(s: {
  status: string;
  kind: string;
  runId: number | null;
  steps: number;
}): LabWork {
  const key = `run ${s.runId}`;
  if (s.kind === 'live') {
    const trained = s.status === 'running' || (s.status === 'paused' && s.steps > 0);
    return trained ? { phase: 'active', what: 'batch-norm network', key } : NO_WORK;
  }
  const what = s.kind === 'sweep' ? 'batch-norm sweep' : 'batch-norm comparison';
  if (TRAINING.has(s.status)) return { phase: 'active', what, key };
  if (s.runId !== null && ENDED.has(s.status) && s.steps > 0) return { phase: 'done', what, key };
  return NO_WORK;
}

/**
 * The panda lab: its tree of days (what Save keeps, named by its size: every day adds steps, every
 * nudge after a roll back a branch) and the populations training beside it. Between days (paused) the
 * tree is finished work; a population counts only while it trains (no Save keeps one).
 */
export function pandaWork(s: {
  phase: string;
  teacherPlaying: boolean;
  modelSteps: number;
  branches: number;
  populationsTraining: boolean;
}): LabWork {
  // While it trains the tree grows with every slice: no key (nothing finished to save yet), so the
  // registry does not change on every step.
  if (s.phase === 'training' || s.phase === 'starting' || s.teacherPlaying)
    return { phase: 'active', what: 'panda days', key: null };
  if (s.populationsTraining) return { phase: 'active', what: 'panda population', key: null };
  if (s.phase !== 'reopened' && s.phase !== 'idle' && s.modelSteps > 0)
    return { phase: 'done', what: 'panda days', key: `tree ${s.modelSteps} steps, ${s.branches} branches` };
  return NO_WORK;
}

/** One lab's entry: what it holds, and which finished work (by key) a save covered. */
export interface LabMark {
  work: LabWork;
  /** Bumped whenever the lab comes to hold nothing (a reset, a reopened record): keys start over. */
  generation: number;
  savedKey: string | null;
}

export const EMPTY_MARK: LabMark = { work: NO_WORK, generation: 0, savedKey: null };

/** A lab reports its work; coming to hold nothing forgets what was saved. */
export function reported(mark: LabMark, work: LabWork): LabMark {
  if (mark.work.phase === work.phase && mark.work.what === work.what && mark.work.key === work.key)
    return mark;
  if (work.phase === 'none' && mark.work.phase !== 'none')
    return { work, generation: mark.generation + 1, savedKey: null };
  return { ...mark, work };
}

/** What a save that begins now covers: the finished work on screen (null key: a mid-run snapshot). */
export interface SaveTicket {
  lab: SavedLab;
  generation: number;
  key: string | null;
}

export function ticketOf(lab: SavedLab, mark: LabMark): SaveTicket {
  return { lab, generation: mark.generation, key: mark.work.phase === 'done' ? mark.work.key : null };
}

/** A save that succeeded covers the finished work it began on (if the lab has not started over since). */
export function savedBy(mark: LabMark, ticket: SaveTicket): LabMark {
  if (ticket.key === null || ticket.generation !== mark.generation) return mark;
  return { ...mark, savedKey: ticket.key };
}

/** Work a reload would lose: training (or paused), or finished and not covered by a save. */
export function isUnsaved(mark: LabMark): boolean {
  const { phase, key } = mark.work;
  return phase === 'active' || (phase === 'done' && mark.savedKey !== key);
}

export interface Unsaved {
  lab: SavedLab;
  work: LabWork;
}

/** The labs whose work a reload would lose, in the tabs' order. */
export function unsavedOf(marks: Partial<Record<SavedLab, LabMark>>): Unsaved[] {
  return SAVED_LABS.flatMap((lab) => {
    const m = marks[lab];
    if (!m) return [];
    return isUnsaved(m) ? [{ lab, work: m.work }] : [];
  });
}

/** The line the page shows: "Unsaved: playground run (not finished), batch-norm sweep." (null: none). */
export function unsavedText(unsaved: readonly Unsaved[]): string | null {
  if (unsaved.length === 0) return null;
  const items = unsaved.map((u) =>
    u.work.phase === 'active' ? `${u.work.what} (not finished)` : u.work.what,
  );
  return `Unsaved: ${items.join(', ')}. A reload or closing the tab loses it.`;
}

export interface WorkRegistryState {
  marks: Partial<Record<SavedLab, LabMark>>;
  report(lab: SavedLab, work: LabWork): void;
  /** Taken when a save begins; hand it to `saved` when the save succeeded. */
  ticket(lab: SavedLab): SaveTicket;
  saved(ticket: SaveTicket): void;
}

export function createWorkRegistry() {
  return createStore<WorkRegistryState>()((set, get) => ({
    marks: {},
    report: (lab, work) => {
      const mark = get().marks[lab] ?? EMPTY_MARK;
      const next = reported(mark, work);
      if (next !== mark) set((s) => ({ marks: { ...s.marks, [lab]: next } }));
    },
    ticket: (lab) => ticketOf(lab, get().marks[lab] ?? EMPTY_MARK),
    saved: (ticket) => {
      const mark = get().marks[ticket.lab] ?? EMPTY_MARK;
      const next = savedBy(mark, ticket);
      if (next !== mark) set((s) => ({ marks: { ...s.marks, [ticket.lab]: next } }));
    },
  }));
}

/** The page's one registry (each lab's store reports into it; the shell reads it). */
export const workRegistry = createWorkRegistry();

/**
 * Reports a store's work to the registry now and on every change. `derive` must be cheap: it runs on
 * every state change (progress included).
 */
export function trackWork<S>(
  store: { getState(): S; subscribe(listener: (state: S) => void): () => void },
  lab: SavedLab,
  derive: (state: S) => LabWork,
  registry = workRegistry,
): () => void {
  registry.getState().report(lab, derive(store.getState()));
  return store.subscribe((state) => registry.getState().report(lab, derive(state)));
}
