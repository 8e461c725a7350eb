// Any run's curves as CSV, for a spreadsheet, pandas or R: one row per measured point, with the step,
// the model, that model's hyperparameters, and its train cost, dev cost and dev accuracy.
//
// Train costs are measured every step, dev numbers only every few steps, so a row holds whatever was
// measured at its step: a train point and a dev point of the same model at the same step share one
// row; a step with only one of them leaves the other's cells empty. Empty therefore means "not
// measured here", and a measured value that is not a number is written out: "NaN" (a diverged model's
// cost), "inf" or "-inf" (pandas, R and spreadsheets read all three as numbers). Fields holding a
// comma, a quote or a line break are quoted as RFC 4180 says ("a, b" → "\"a, b\"", a quote doubled).
// Pure text building: no DOM, no state.

export type CsvValue = string | number | boolean | null | undefined;

/** One curve of a run: one model (or one stretch of it where its hyperparameters held still). */
export interface CsvCurve {
  /** What names the model in the "model" column: its index, a trial id, "branch B", … */
  model: string | number;
  /** Its hyperparameters, one column each (columns in the order they first appear across curves). */
  hyper?: Readonly<Record<string, CsvValue>>;
  trainStep?: ArrayLike<number>;
  trainCost?: ArrayLike<number>;
  devStep?: ArrayLike<number>;
  devCost?: ArrayLike<number>;
  devAccuracy?: ArrayLike<number>;
}

const FIXED = ['step', 'model'] as const;
const MEASURED = ['train_cost', 'dev_cost', 'dev_accuracy'] as const;

/** A field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? numberText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as its shortest text; non-finite values spelled the way pandas and R read them. */
function numberText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'inf';
  if (v === Number.NEGATIVE_INFINITY) return '-inf';
  return String(v);
}

/**
 * A measured value: the curves are float32, so 7 significant digits hold all they know (and keep
 * 0.1f from being written 0.10000000149011612).
 */
function measuredText(v: number | undefined): string {
  if (v === undefined) return '';
  return Number.isFinite(v) ? String(Number(v.toPrecision(7))) : numberText(v);
}

/** The hyperparameter columns: every key of every curve, in the order they first appear. */
export function hyperColumns(curves: readonly CsvCurve[]): string[] {
  const columns: string[] = [];
  const taken = new Set<string>([...FIXED, ...MEASURED]);
  for (const c of curves)
    for (const key of Object.keys(c.hyper ?? {}))
      if (!taken.has(key)) {
        taken.add(key);
        columns.push(key);
      }
  return columns;
}

/** The CSV text: a header, then one row per point, curve after curve, each in step order. */
export function curvesCsv(curves: readonly CsvCurve[]): string {
  const hyper = hyperColumns(curves);
  const lines = [[...FIXED, ...hyper, ...MEASURED].map(csvField).join(',')];
  for (const c of curves) {
    const prefix = hyper.map((k) => csvField(c.hyper?.[k]));
    const model = csvField(c.model);
    const row = (step: number, train: number | undefined, dev: number | undefined, acc: number | undefined) =>
      [csvField(step), model, ...prefix, measuredText(train), measuredText(dev), measuredText(acc)].join(',');
    const trainStep = c.trainStep ?? [];
    const devStep = c.devStep ?? [];
    const trainN = trainStep.length;
    const devN = devStep.length;
    // Two steps in order, merged: a train point and a dev point at one step become one row.
    let i = 0;
    let j = 0;
    while (i < trainN || j < devN) {
      const ts = i < trainN ? trainStep[i] : Number.POSITIVE_INFINITY;
      const ds = j < devN ? devStep[j] : Number.POSITIVE_INFINITY;
      if (ts === ds) {
        lines.push(row(ts, c.trainCost?.[i], c.devCost?.[j], c.devAccuracy?.[j]));
        i++;
        j++;
      } else if (ts < ds) {
        lines.push(row(ts, c.trainCost?.[i], undefined, undefined));
        i++;
      } else {
        lines.push(row(ds, undefined, c.devCost?.[j], c.devAccuracy?.[j]));
        j++;
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
