// The study as a file: "Export study (JSON)" downloads it (settings, space, rounds, every trial with
// its numbers and curve), "Import study" (a file picker, or a file dropped anywhere on the lab) shows
// one as it was, without training. A file that is not a study is refused with the reason, right here,
// and nothing else on the page changes.
import { useEffect, useRef, useState } from 'react';
import { parseStudyFile, type StudyFile } from '../../core/export/studyFile';
import { downloadText } from '../../ui/download';
import { SaveButton } from '../../ui/SaveButton';
import { studyRecord } from './savedStudy';
import { searchStore, useSearch } from './useSearchStore';
import './studyFile.css';

/**
 * The file's text: indented, so that a learner can read it, except the arrays of numbers (curves, ids),
 * which stay on one line each (one number a line would make a 25-trial study thousands of lines long).
 */
export function studyFileText(file: StudyFile): string {
  const item = String.raw`(?:-?\d[\d.eE+-]*|null)`;
  const numbers = new RegExp(String.raw`\[\s+(${item}(?:,\s+${item})*)\s+\]`, 'g');
  return `${JSON.stringify(file, null, 2).replace(numbers, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
}

type Message = { kind: 'done' | 'refused'; text: string };

const MESSAGE_ID = 'study-file-message';

export function StudyFilePanel() {
  const { exportStudyFile, loadStudyFile, hasStudy } = useSearch((s) => ({
    exportStudyFile: s.exportStudyFile,
    loadStudyFile: s.loadStudyFile,
    hasStudy: s.trials.length > 0,
  }));
  const [message, setMessage] = useState<Message | null>(null);
  const [dragging, setDragging] = useState(false);
  const panelRef = useRef<HTMLElement>(null);

  const importFile = async (file: File): Promise<void> => {
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setMessage({
        kind: 'refused',
        text: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
    const parsed = parseStudyFile(text);
    if (!parsed.ok) {
      setMessage({ kind: 'refused', text: `${file.name} was not imported. ${parsed.reason}` });
      return;
    }
    loadStudyFile(parsed.file);
    const n = parsed.file.trials.length;
    const from = parsed.file.source === 'optuna' ? 'an Optuna study' : 'a playground study';
    const curves = parsed.file.trials.some((t) => t.curve)
      ? ''
      : ' It holds no curves: the leaderboard and the plots show its final numbers.';
    setMessage({
      kind: 'done',
      text: `Imported ${n} trial${n === 1 ? '' : 's'} from ${from} (${file.name}).${curves}`,
    });
  };
  // The drop listeners are installed once; they call the latest importFile.
  const importRef = useRef(importFile);
  importRef.current = importFile;

  useEffect(() => {
    // A file dropped anywhere on the lab imports it (the lab is the <main> this panel sits in).
    const lab = panelRef.current?.closest('main') ?? document.body;
    let depth = 0;
    const carriesFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // allows the drop
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // the browser would open the file instead
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void importRef.current(file);
    };
    lab.addEventListener('dragenter', enter);
    lab.addEventListener('dragover', over);
    lab.addEventListener('dragleave', leave);
    lab.addEventListener('drop', drop);
    return () => {
      lab.removeEventListener('dragenter', enter);
      lab.removeEventListener('dragover', over);
      lab.removeEventListener('dragleave', leave);
      lab.removeEventListener('drop', drop);
    };
  }, []);

  const exportJson = () => {
    const file = exportStudyFile();
    if (!file) return;
    setMessage(null);
    downloadText(`study-${file.seed}-${file.strategy}.json`, studyFileText(file), 'application/json');
  };

  return (
    <section className="panel study-file" aria-label="Study file" ref={panelRef}>
      <div className="study-file-row">
        <h2>Study file</h2>
        <button
          type="button"
          onClick={exportJson}
          disabled={!hasStudy}
          title={hasStudy ? 'Download the study as JSON' : 'Run a study (or import one) first'}
        >
          Export study (JSON)
        </button>
        <label className="study-file-import">
          Import study
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            aria-describedby={message ? MESSAGE_ID : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared, so that choosing the same file again imports it again.
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <SaveButton build={() => studyRecord(searchStore().getState(), exportStudyFile())} what="a study" />
        <span className="hint">
          or drop a study file on the lab: one exported here, or the results.json of an exported Optuna study.
        </span>
      </div>
      {message ? (
        <p
          id={MESSAGE_ID}
          className={message.kind === 'refused' ? 'study-file-refused' : 'study-file-done'}
          role={message.kind === 'refused' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      {dragging ? (
        <div className="study-file-drop" aria-hidden="true">
          Drop the study file (JSON) to import it
        </div>
      ) : null}
    </section>
  );
}
