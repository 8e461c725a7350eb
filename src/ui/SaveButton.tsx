// "Save" for a lab's finished work: builds the record when pressed, stores it without holding up the
// page, and says right beside the button what happened (saved, or why not).
import { useState } from 'react';
import type { SavedRecord } from '../core/saved/record';
import { saveRecord } from '../state/savedWork';

export function SaveButton({
  build,
  disabled,
  what = 'this run',
}: {
  /** The record to save now, or null when there is nothing to save yet. */
  build: () => SavedRecord | null;
  disabled?: boolean;
  what?: string;
}) {
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; text: string }>({
    kind: 'idle',
    text: '',
  });
  const save = async () => {
    const record = build();
    if (!record) {
      setState({ kind: 'error', text: `Nothing to save yet: train ${what} first.` });
      return;
    }
    setState({ kind: 'saving', text: 'Saving…' });
    const result = await saveRecord(record);
    setState(
      result.ok
        ? { kind: 'saved', text: `Saved as “${record.name}” (see Saved work).` }
        : { kind: 'error', text: result.message },
    );
  };
  return (
    <span className="save-control">
      <button type="button" disabled={disabled || state.kind === 'saving'} onClick={() => void save()}>
        Save
      </button>
      {state.text ? (
        <span className={`save-status save-${state.kind}`} role={state.kind === 'error' ? 'alert' : 'status'}>
          {state.text}
        </span>
      ) : null}
    </span>
  );
}
