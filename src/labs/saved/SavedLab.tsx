// The Saved screen (#lab=saved): every run, study, comparison and panda tree saved in this browser,
// with name, lab, date, key settings and best dev cost. Each can be renamed, deleted, reopened as it
// was (curves, leaderboard, branches, without training) or opened as a link to train again. Two to
// four can be compared: their best curves on one chart, beside the settings that differ.
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LinkNotices } from '../../components/LinkNotices';
import { Switch } from '../../components/Switch';
import type { SavedRecord } from '../../core/saved/record';
import { autosaveOn, setAutosave } from '../../state/autosave';
import { LABS } from '../../state/labs';
import { reopenSaved } from '../../state/reopen';
import { formatCost } from '../../ui/format';
import { CompareView } from './CompareView';
import { createSavedListStore, MAX_COMPARED, type SavedListState } from './savedListStore';
import './saved.css';

const store = createSavedListStore();

function useSaved<T>(selector: (s: SavedListState) => T): T {
  return useStore(store, useShallow(selector));
}

function labTitle(lab: string): string {
  return LABS.find((l) => l.id === lab)?.title ?? lab;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function NameField({ record }: { record: SavedRecord }) {
  const rename = useSaved((s) => s.rename);
  const [text, setText] = useState(record.name);
  useEffect(() => setText(record.name), [record.name]);
  return (
    <input
      className="saved-name"
      aria-label={`Name of ${record.name}`}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== record.name && void rename(record.id, text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setText(record.name);
      }}
    />
  );
}

function Row({ record }: { record: SavedRecord }) {
  const { picked, togglePick, remove } = useSaved((s) => ({
    picked: s.picked,
    togglePick: s.togglePick,
    remove: s.remove,
  }));
  const isPicked = picked.includes(record.id);
  const full = picked.length >= MAX_COMPARED && !isPicked;
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          aria-label={`Compare ${record.name}`}
          checked={isPicked}
          disabled={full}
          onChange={() => togglePick(record.id)}
        />
      </td>
      <td>
        <NameField record={record} />
      </td>
      <td>{labTitle(record.lab)}</td>
      <td>{when(record.createdAt)}</td>
      <td className="saved-settings">{record.settings.map((s) => `${s.label} ${s.value}`).join(' · ')}</td>
      <td className="saved-cost">{record.bestDevCost === null ? '—' : formatCost(record.bestDevCost)}</td>
      <td className="saved-actions">
        <button
          type="button"
          onClick={() => reopenSaved(record)}
          aria-label={`Open ${record.name} as it was`}
        >
          Open as it was
        </button>
        <a href={`#${record.link}`} aria-label={`Train ${record.name} again from its link`}>
          Train again
        </a>
        <button type="button" onClick={() => void remove(record.id)} aria-label={`Delete ${record.name}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}

export default function SavedLab() {
  const { records, notices, error, loading, picked, refresh, dismissNotices } = useSaved((s) => ({
    records: s.records,
    notices: s.notices,
    error: s.error,
    loading: s.loading,
    picked: s.picked,
    refresh: s.refresh,
    dismissNotices: s.dismissNotices,
  }));
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const [auto, setAuto] = useState(autosaveOn);
  const compared = useMemo(
    () => picked.map((id) => records.find((r) => r.id === id)).filter((r): r is SavedRecord => !!r),
    [picked, records],
  );
  return (
    <main className="saved-lab">
      <div className="saved-intro">
        <h2>Saved work</h2>
        <p>
          Runs, studies, comparisons and panda trees you saved with <strong>Save</strong> stay in this browser
          across reloads. Open one as it was, train it again from its link, or tick two to four and compare
          them.
        </p>
      </div>
      <div className="banners">
        <LinkNotices notices={notices} onDismiss={dismissNotices} />
        <ErrorNotice error={error} onDismiss={() => store.setState({ error: null })} />
      </div>
      <Switch
        label="Autosave: save every finished run, comparison, sweep and study without pressing Save"
        checked={auto}
        onChange={(on) => {
          setAutosave(on);
          setAuto(on);
        }}
      />
      {records.length === 0 ? (
        <p className="saved-empty">
          {loading ? 'Reading saved work…' : 'Nothing saved yet: press Save on any screen after a run.'}
        </p>
      ) : (
        <div className="saved-table-box">
          <table className="saved-table" aria-label="Saved work">
            <thead>
              <tr>
                <th scope="col">Compare</th>
                <th scope="col">Name</th>
                <th scope="col">Lab</th>
                <th scope="col">Saved</th>
                <th scope="col">Key settings</th>
                <th scope="col">Best dev cost</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <Row key={r.id} record={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {compared.length >= 2 ? (
        <CompareView records={compared} />
      ) : records.length >= 2 ? (
        <p className="hint">Tick two to four saved items to compare them.</p>
      ) : null}
    </main>
  );
}
