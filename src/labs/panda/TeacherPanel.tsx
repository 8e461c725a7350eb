// The scripted teacher: the classic babysitting story, beat by beat or all at once, with narration.
import { SelectField } from '../../components/SelectField';
import { SCENARIOS } from '../../core/panda/teacher';
import { usePanda } from './usePanda';

/** Seconds between beats when the story plays by itself: time to read each one and see it happen. */
const PACES = [2, 4, 8].map((n) => ({ value: String(n), label: `${n} s between beats` }));

export function TeacherPanel() {
  const s = usePanda((x) => ({
    scenario: x.scenario,
    beat: x.beat,
    narration: x.narration,
    playing: x.teacherPlaying,
    playBeat: x.playBeat,
    playAll: x.playAll,
    stop: x.stopTeacher,
    teacher: x.link.teacher,
    pace: x.teacherPace,
    setPace: x.setTeacherPace,
  }));
  const scenario = s.scenario ?? SCENARIOS.find((sc) => sc.name === s.teacher) ?? SCENARIOS[0];
  const total = scenario.beats.length;
  const finished = s.scenario !== null && s.beat >= total;
  return (
    <section className="panel panda-teacher" aria-label="Teacher">
      <h3>Teacher: {scenario.title}</h3>
      <p className="hint">
        Watch a babysitter at work: α starts too small, goes up, goes too far, and a roll back saves the day.
        Playing it starts the panda over.
      </p>
      <div className="button-row">
        <button type="button" disabled={s.playing || finished} onClick={() => void s.playBeat()}>
          {s.scenario ? 'Next beat' : 'Start the story'}
        </button>
        <button type="button" disabled={s.playing} onClick={() => void s.playAll()}>
          {finished ? 'Play again' : 'Play automatically'}
        </button>
        <button type="button" disabled={!s.playing} onClick={s.stop}>
          Stop after this beat
        </button>
      </div>
      <SelectField
        label="Pace of automatic play"
        value={String(s.pace)}
        options={PACES}
        onChange={(v) => s.setPace(Number(v))}
      />
      <p className="panda-narration" role="status" aria-label="Teacher says">
        {s.narration || 'Press “Start the story”.'}
      </p>
      {s.scenario ? (
        <p className="hint">
          Beat {Math.min(s.beat, total)} of {total}
        </p>
      ) : null}
    </section>
  );
}
