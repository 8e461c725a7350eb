// The search lab's saved work: the study as its file (settings, rounds, every trial with its curve).
// Reopened, it is loaded back into the lab exactly as "Import study" would.
import { parseStudyFile, type StudyFile, studyFileSchema } from '../../core/export/studyFile';
import { bestDevCostOf, SAVED_VERSION, type SavedCurve, type SavedRecord } from '../../core/saved/record';
import { bestTrial } from '../../core/search/study';
import { newRecordId } from '../../state/savedWork';
import { encodeStudy } from './searchHash';
import type { SearchState } from './searchStore';

const fmt = (v: number) => String(Number(v.toPrecision(3)));

/** The study that ran, as a record to save; null when no trial has trained. */
export function studyRecord(s: SearchState, file: StudyFile | null): SavedRecord | null {
  if (!file || !s.trials.some((t) => t.steps > 0)) return null;
  const best = bestTrial(s.trials);
  const curves: SavedCurve[] = file.trials.flatMap((t) =>
    t.curve
      ? [
          {
            label: `trial ${t.id}`,
            trainStep: t.curve.trainStep,
            trainCost: t.curve.trainCost.map((v) => v ?? Number.NaN),
            devStep: t.curve.devStep,
            devCost: t.curve.devCost.map((v) => v ?? Number.NaN),
            devAccuracy: t.curve.devAccuracy.map((v) => v ?? Number.NaN),
          },
        ]
      : [],
  );
  return {
    id: newRecordId(),
    version: SAVED_VERSION,
    lab: 'search',
    name: `Study: ${file.trials.length} ${file.strategy} trials, ${file.rounds.length} round${file.rounds.length === 1 ? '' : 's'}, seed ${file.seed}`,
    createdAt: new Date().toISOString(),
    settings: [
      { key: 'strategy', label: 'strategy', value: file.strategy },
      { key: 'trials', label: 'trials', value: String(file.trials.length) },
      { key: 'rounds', label: 'rounds', value: String(file.rounds.length) },
      { key: 'steps', label: 'steps per trial', value: String(file.steps) },
      { key: 'optimizer', label: 'optimizer', value: file.optimizer },
      { key: 'bestLr', label: 'best α', value: best ? fmt(best.values.learningRate) : '—' },
      { key: 'seed', label: 'seed', value: String(file.seed) },
    ],
    bestDevCost: best && Number.isFinite(best.devCost) ? best.devCost : bestDevCostOf(curves),
    link: encodeStudy(s),
    curves,
    payload: { study: file },
  };
}

/** The saved study's file, checked as an imported one would be; null when it is not one. */
export function savedStudyFile(record: SavedRecord): StudyFile | null {
  const parsed = studyFileSchema.safeParse(record.payload.study);
  if (parsed.success) return parsed.data;
  // A record whose study went through JSON (NaN as null) reads the same way.
  const again = parseStudyFile(JSON.stringify(record.payload.study));
  return again.ok ? again.file : null;
}
