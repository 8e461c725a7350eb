// The header's quiet line naming the work a reload would lose ("Unsaved: playground run."), so the
// browser's prompt on leaving is not the only warning. The live region stays in the page, empty when
// nothing is unsaved, so a screen reader hears the line when it appears.
import './unsavedNote.css';

export function UnsavedNote({ text }: { text: string | null }) {
  return (
    <p className="unsaved-note" role="status">
      {text ?? ''}
    </p>
  );
}
