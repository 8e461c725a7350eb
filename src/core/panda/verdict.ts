// "When each wins", from what this run measured: which approach reached the lowest dev cost, on how
// many model-steps and with how many human interventions. Words only for what ran; nothing assumed.

export interface ApproachResult {
  name: string;
  /** Model-steps it spent (0: not run). */
  modelSteps: number;
  /** Its lowest dev cost (NaN when none was measured). */
  best: number;
  /** Human interventions it took. */
  interventions: number;
}

function cost(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** Sentences on what this run measured, best first; empty when nothing ran. */
export function measuredVerdict(results: readonly ApproachResult[]): string[] {
  const ran = results.filter((r) => r.modelSteps > 0 && Number.isFinite(r.best));
  if (ran.length === 0) return [];
  const sorted = [...ran].sort((a, b) => a.best - b.best);
  const winner = sorted[0];
  const lines = [
    ran.length === 1
      ? `Measured here: only ${winner.name} has run so far, reaching a dev cost of ${cost(winner.best)} with ${winner.modelSteps} model-steps and ${winner.interventions} intervention${winner.interventions === 1 ? '' : 's'}. Run another to compare.`
      : `Measured here: ${winner.name} reached the lowest dev cost, ${cost(winner.best)}, with ${winner.modelSteps} model-steps and ${winner.interventions} intervention${winner.interventions === 1 ? '' : 's'}.`,
  ];
  for (const r of sorted.slice(1)) {
    const steps =
      r.modelSteps === winner.modelSteps
        ? 'the same model-steps'
        : `${r.modelSteps} model-steps (${r.modelSteps > winner.modelSteps ? 'more' : 'fewer'})`;
    lines.push(
      `${r.name}: ${cost(r.best)} with ${steps} and ${r.interventions} intervention${r.interventions === 1 ? '' : 's'}.`,
    );
  }
  return lines;
}
