// "Download PNG" and "Download CSV" beside a chart: the chart's element as an image at 2× for slides,
// and its curves as CSV. Both are built on click (nothing is kept or recomputed while training). The
// buttons are marked data-export="skip", so they do not appear in the picture they make.
import { type RefObject, useState } from 'react';
import { downloadBlob, downloadText } from './download';
import './chartExport.css';

interface ChartExportProps {
  /** The chart's name as a learner reads it ("Cost chart"): the buttons are "Download PNG of Cost chart", … */
  name: string;
  /** The element the PNG shows (the chart's figure). */
  target: RefObject<HTMLElement | null>;
  /** The files' name without extension ("cost-chart"). */
  fileName: string;
  /** The chart's curves as CSV text; without it there is no CSV button (a chart of something else). */
  csv?: () => string;
  /** Extra class for where the buttons sit ("chart-export-float": at the right of a caption's first line). */
  className?: string;
}

export function ChartExport({ name, target, fileName, csv, className }: ChartExportProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const png = async () => {
    const element = target.current;
    if (!element) return;
    setBusy(true);
    setError(null);
    try {
      // Loaded on the first click, with html-to-image: the main bundle does not carry either.
      const { chartPng } = await import('./chartImage');
      downloadBlob(`${fileName}.png`, await chartPng(element));
    } catch (e) {
      setError(`Could not make the PNG: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const csvFile = () => {
    if (!csv) return;
    setError(null);
    try {
      downloadText(`${fileName}.csv`, csv(), 'text/csv');
    } catch (e) {
      setError(`Could not make the CSV: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <span className={className ? `chart-export ${className}` : 'chart-export'} data-export="skip">
      <button
        type="button"
        className="chart-export-button"
        aria-label={`Download PNG of ${name}`}
        title="Download this chart as a PNG at twice its size on screen"
        disabled={busy}
        onClick={() => void png()}
      >
        <span aria-hidden="true">↓ </span>PNG
      </button>
      {csv ? (
        <button
          type="button"
          className="chart-export-button"
          aria-label={`Download CSV of ${name}`}
          title="Download the curves as CSV: step, model, hyperparameters, train cost, dev cost, dev accuracy"
          onClick={csvFile}
        >
          <span aria-hidden="true">↓ </span>CSV
        </button>
      ) : null}
      {error ? (
        <span className="chart-export-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
