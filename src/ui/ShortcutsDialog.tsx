// The list of keyboard shortcuts (opened with `?`): every key, and what it does on this screen.
import { useEffect, useRef } from 'react';
import { SHORTCUT_KEYS, useShortcutsInEffect } from './shortcuts';

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const actions = useShortcutsInEffect();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="hint">Keys act on the screen open now; typing in a field never triggers them.</p>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">On this screen</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <kbd>?</kbd>
            </td>
            <td>This list</td>
          </tr>
          {SHORTCUT_KEYS.map((k) => {
            const own = actions[k.action];
            const label =
              own?.label ?? (k.action === 'fullscreen' ? k.does : `${k.does}: not on this screen`);
            return (
              <tr key={k.action}>
                <td>
                  <kbd>{k.key}</kbd>
                </td>
                <td>{label}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="dialog-close">
          Close
        </button>
      </form>
    </dialog>
  );
}
