// Says that a lab's training paused while the learner was on another screen, with the way back.
export function AwayNotice({ note, onResume }: { note: string | null; onResume: () => void }) {
  if (!note) return null;
  return (
    <div className="banner banner-away" role="status">
      <p>{note}</p>
      <button type="button" onClick={onResume}>
        Resume
      </button>
    </div>
  );
}
