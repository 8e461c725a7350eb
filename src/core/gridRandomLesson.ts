// The "grid or random?" comparison's own setup. It is the default study (2 × 32 tanh, mini-batch
// 128, Adam, α on a log scale over [1e-4, 1] and ε over [1e-10, 1e-6]) on a tight budget of steps.
// Why a tight budget: measured on the engine (src/engine/searchLesson.test.ts), at 600 steps the good
// α form a flat basin about a decade wide (≈ 0.03–0.2). The grid's 3 values of α, 4/3 of a decade
// apart, usually put one inside it, and inside it which trial scores lowest is run-to-run wandering,
// not α: random beat the grid on 8 of 20 untuned seeds. At 200 steps only a band under a decade wide
// (≈ 0.05–0.2) leaves the spiral's starting plateau in time, and inside it the score still falls
// towards the band's best α: trying 9 distinct α finds the band, and gets nearer its best, more often
// than trying 3. The step count was chosen on seeds 1–5 (150, 200, 250 and 300 steps tried).

/** Steps per trial of the comparison ("Train all three", "Repeat over seeds"). */
export const COMPARE_STEPS = 200;

/** Steps per trial of the comparison, as the learner types them. */
export function parseCompareSteps(
  text: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; reason: string } {
  const t = text.trim();
  const v = Number(t);
  if (t === '' || !Number.isInteger(v) || v < min || v > max)
    return { ok: false, reason: `Steps per trial must be a whole number from ${min} to ${max}.` };
  return { ok: true, value: v };
}

/** Why the comparison trains so few steps, in the page's words (two sentences). */
export const COMPARE_SETUP_TEXT =
  'The comparison trains each trial for a tight budget of steps (200 by default, the study below 600): in so few steps only α in a narrow band, about 0.05 to 0.2, leaves the spiral’s starting plateau, since smaller steps are too slow and larger ones unstable. That band is narrower than the grid’s spacing of α (4/3 of a decade), so how many distinct α a strategy tries decides whether it lands in the band and how close it gets to the band’s best.';
