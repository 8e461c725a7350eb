// How a scene reads its own run: each judge turns the numbers a lab measured into the choice they
// support, or null when they support none of them. The page shows the choice the class made beside
// the judge's answer and the numbers behind it, so a reveal never asserts more than the run produced.
// Every threshold is said on the page (the scene's `rule`), so a student can check the verdict.

export type Judged = string | null;

/** What one training run did to its dev cost, for the "α too small, right, too big" scenes. */
export interface CostRun {
  /** Dev cost at the first evaluation. */
  startDevCost: number;
  /** Mean dev cost over the last evaluations (smoothed, so one noisy step does not decide). */
  finalDevCost: number;
  diverged: boolean;
}

/**
 * 'unstable' when the run diverged or ended above where it started; 'barely' when it ended within 10 % of
 * its start; 'learns' when it ended below half of its start; null between (it learned a little).
 */
export function judgeCostRun(r: CostRun): Judged {
  if (r.diverged || !Number.isFinite(r.finalDevCost)) return 'unstable';
  if (!(r.startDevCost > 0)) return null;
  const ratio = r.finalDevCost / r.startDevCost;
  if (ratio > 1) return 'unstable';
  if (ratio >= 0.9) return 'barely';
  if (ratio <= 0.5) return 'learns';
  return null;
}

/** Which of two costs is lower, or 'tie' when they differ by less than `tolerance` of the larger. */
export function judgeLower(
  a: { id: string; cost: number },
  b: { id: string; cost: number },
  tolerance = 0.02,
): Judged {
  if (!Number.isFinite(a.cost) && !Number.isFinite(b.cost)) return null;
  if (!Number.isFinite(a.cost)) return b.id;
  if (!Number.isFinite(b.cost)) return a.id;
  const scale = Math.max(Math.abs(a.cost), Math.abs(b.cost));
  if (Math.abs(a.cost - b.cost) <= tolerance * scale) return 'tie';
  return a.cost < b.cost ? a.id : b.id;
}

/** Over seeds: 'random' when random beat the grid on more than half of them, 'grid' when on fewer, else 'tie'. */
export function judgeSeeds(randomWins: number, seeds: number): Judged {
  if (!(seeds > 0)) return null;
  if (randomWins * 2 > seeds) return 'random';
  if (randomWins * 2 < seeds) return 'grid';
  return 'tie';
}

/** How many times larger an α the normalized cost takes: 'same' (< 1.5×), 'few' (1.5–10×), 'many' (≥ 10×). */
export function judgeRatio(raw: number, normalized: number): Judged {
  if (!(raw > 0) || !(normalized > 0)) return null;
  const ratio = normalized / raw;
  if (ratio < 1.5) return 'same';
  return ratio < 10 ? 'few' : 'many';
}

/** Good α counts with and without batch norm: 'wider', 'same' or 'narrower' with it. */
export function judgeRange(withBn: number, withoutBn: number): Judged {
  if (!Number.isFinite(withBn) || !Number.isFinite(withoutBn)) return null;
  if (withBn > withoutBn) return 'wider';
  return withBn === withoutBn ? 'same' : 'narrower';
}

/**
 * One example at a time with the mini-batch's own statistics, against the running averages:
 * 'same' when the two accuracies are within 5 points; 'chance' when the batch statistics' accuracy is
 * within 1.5× of chance (1 / classes) and at least 20 points below the running averages'; 'lower' when
 * it is above that and more than 5 points below the running averages'; null otherwise (at chance
 * without the running averages doing much better, or better than the running averages).
 */
export function judgeOneExample(batchStats: number, running: number, classes: number): Judged {
  if (!Number.isFinite(batchStats) || !Number.isFinite(running) || !(classes > 1)) return null;
  if (Math.abs(batchStats - running) <= 0.05) return 'same';
  const atChance = batchStats <= 1.5 / classes;
  if (atChance) return running - batchStats >= 0.2 ? 'chance' : null;
  return batchStats < running ? 'lower' : null;
}

/**
 * What share of `total` draws fell below the question's value: 'few' under 20 %, 'half' from 35 % to
 * 65 %, 'most' over 70 %; null in the gaps between (and with no draws).
 */
export function judgeShareBelow(below: number, total: number): Judged {
  if (!(total > 0) || !(below >= 0) || below > total) return null;
  const share = below / total;
  if (share < 0.2) return 'few';
  if (share >= 0.35 && share <= 0.65) return 'half';
  if (share > 0.7) return 'most';
  return null;
}

/**
 * Coarse to fine: round 2's best dev cost against round 1's. 'better' when it is lower by more than
 * `tolerance` of the larger, 'worse' when higher by more than that, 'same' within it (a few per cent is
 * what a trial's seed alone moves a score by); null when either round has no measured trial.
 */
export function judgeZoom(round1Best: number, round2Best: number, tolerance = 0.05): Judged {
  if (!Number.isFinite(round1Best) || !Number.isFinite(round2Best)) return null;
  const scale = Math.max(Math.abs(round1Best), Math.abs(round2Best));
  if (Math.abs(round2Best - round1Best) <= tolerance * scale) return 'same';
  return round2Best < round1Best ? 'better' : 'worse';
}
