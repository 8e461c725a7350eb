// Says that a lab's training paused while the learner was on another screen, with the way back. One
// way, not two: a lab whose own controls show a Resume button (the playground's Pause turns into one)
// passes `resumeHint` instead of `onResume`, and the notice points at that button rather than adding a
// second button of the same name. Resuming by any way (button, Space, a new run) clears the note: the
// lab's store drops it.
export function AwayNotice({
  note,
  onResume,
  resumeHint,
}: {
  note: string | null;
  /** The notice's own Resume button (for a lab whose controls have none). */
  onResume?: () => void;
  /** Where the lab's own Resume is, in words, when it has one. */
  resumeHint?: string;
}) {
  if (!note) return null;
  return (
    <div className="banner banner-away" role="status">
      <p>
        {note}
        {resumeHint ? ` ${resumeHint}` : null}
      </p>
      {onResume ? (
        <button type="button" onClick={onResume}>
          Resume
        </button>
      ) : null}
    </div>
  );
}
