// The "scale" lesson: sample α between 10^a and 10^b, see where the samples land, train them all.
import { useId, useMemo } from 'react';
import { BlockedButton } from '../components/BlockedButton';
import { RadioGroup } from '../components/RadioGroup';
import { LESSON_SETUP } from '../core/linearLogLesson';
import { decadeHistogram, sampleLearningRates } from '../core/sampling';
import { useAppStore } from '../state/StoreProvider';
import { selectLinearLog, selectSampling } from '../state/selectors';
import type { AppState } from '../state/store';
import { RULES } from '../state/validation';
import { BlockedReason } from './BlockedReason';
import { DecadeTable } from './DecadeTable';
import { AnswerGate } from './AnswerGate';
import { formatRate } from './format';
import { LinearLogComparison } from './LinearLogComparison';
import './linearLog.css';
import { SCALE_OPTIONS } from './labels';
import { NumberField } from './NumberField';
import { SampleStrip } from './SampleStrip';
import { SamplingExplanation } from './SamplingExplanation';
import { useAnswerHidden } from './sceneHooks';
import { useBlockingProblems } from './useBlockingProblems';
import { useExperimentProblems } from './useExperimentProblems';

const selectTrainAll = (s: AppState) => ({ trainAll: s.trainAll, status: s.status });

/** 10^exponent without floating-point fuzz (10^-5 → 0.00001, not 0.000009999…). */
const pow10 = (exponent: number) => Number((10 ** exponent).toPrecision(12));
const exponentOf = (v: number) => Number(Math.log10(v).toFixed(4));

export function SamplingPanel() {
  const { scale, lrMin, lrMax, samples, seed, setField } = useAppStore(selectSampling);
  const { trainAll, status } = useAppStore(selectTrainAll);
  const { lastPopulationByScale, experiment, notices, loadExperiment } = useAppStore(selectLinearLog);
  // Sets only the lesson's task, network and optimizer (the learner's scale and seed stay), and says so.
  const applyLessonSetup = () =>
    loadExperiment(
      {
        ...experiment,
        ...LESSON_SETUP,
        hidden: [...LESSON_SETUP.hidden],
        batchNorm: [...LESSON_SETUP.batchNorm],
      },
      notices,
    );
  const problems = useExperimentProblems();
  const blocking = useBlockingProblems('population');
  const reasonId = useId();
  const valid = lrMin > 0 && lrMax > lrMin;
  const rates = useMemo(
    () => (valid ? sampleLearningRates(scale, lrMin, lrMax, samples, seed) : []),
    [valid, scale, lrMin, lrMax, samples, seed],
  );
  const bins = useMemo(
    () => (valid ? decadeHistogram(rates, lrMin, lrMax) : []),
    [valid, rates, lrMin, lrMax],
  );
  const topShare = bins.length > 0 ? bins[bins.length - 1].fraction : 0;
  // In the linear-vs-log scene the draws are the answer, and the lesson's note says where they land.
  const answerHidden = useAnswerHidden('playground', 'linear-vs-log');

  return (
    <section className="panel sampling" aria-labelledby={`${reasonId}-title`}>
      <h2 id={`${reasonId}-title`}>Sampling α: linear or log scale?</h2>
      {answerHidden ? null : (
        <p className="lesson-setup-note">
          The lesson's setup trains Adam on the handwritten digits (one hidden layer of 16 ReLU units, 100
          steps). Measured on this engine, its good α lie between about 0.005 and 0.05, and α above 0.1 trains
          badly or diverges: the good models sit in the decades below 0.1, which a linear scale hardly
          samples. Measured on the engine over seeds 1–5, log found the lower dev cost on 4 of 5 and put more
          models in the good region on 4 of 5.{' '}
          <button
            type="button"
            onClick={applyLessonSetup}
            disabled={status === 'starting' || status === 'running'}
          >
            Use the lesson's setup
          </button>
        </p>
      )}
      <div className="sampling-controls">
        <NumberField
          fieldKey="lrExponentLow"
          label="Lowest α exponent"
          value={exponentOf(lrMin)}
          rule={RULES.lrExponentLow}
          hint={
            <>
              10<sup>a</sup> = {formatRate(lrMin)}
            </>
          }
          hintFollowsValue
          onCommit={(a) => setField('lrMin', pow10(a))}
        />
        <NumberField
          fieldKey="lrExponentHigh"
          label="Highest α exponent"
          value={exponentOf(lrMax)}
          rule={RULES.lrExponentHigh}
          problem={problems.lrExponentHigh}
          hint={
            <>
              10<sup>b</sup> = {formatRate(lrMax)}
            </>
          }
          hintFollowsValue
          onCommit={(b) => setField('lrMax', pow10(b))}
        />
        <NumberField
          fieldKey="samples"
          label="Samples"
          value={samples}
          rule={RULES.samples}
          hint="1 to 64 (uses the Seed)"
          onCommit={(n) => setField('samples', n)}
        />
        <RadioGroup
          label="Sampling scale"
          value={scale}
          options={SCALE_OPTIONS}
          onChange={(v) => setField('scale', v)}
        />
      </div>
      <AnswerGate lab="playground" scene="linear-vs-log" what="Where the draws landed">
        {valid ? (
          <div className="sampling-view">
            <SampleStrip rates={rates} lo={lrMin} hi={lrMax} />
            <DecadeTable bins={bins} scale={scale} lo={lrMin} hi={lrMax} />
          </div>
        ) : null}
        {valid ? (
          <SamplingExplanation
            scale={scale}
            lo={lrMin}
            hi={lrMax}
            first={rates[0]}
            topDecadeShare={topShare}
            samples={samples}
            decades={Math.log10(lrMax) - Math.log10(lrMin)}
          />
        ) : null}
      </AnswerGate>
      <div className="button-row">
        <BlockedButton
          blocked={blocking.length > 0}
          reasonId={reasonId}
          className="primary"
          disabled={status === 'starting'}
          onClick={() => void trainAll()}
        >
          Train all
        </BlockedButton>
        <span className="hint">
          Trains all {samples} models at once, one per sampled α (the "caviar" approach); the cost chart
          overlays them.
        </span>
      </div>
      <BlockedReason id={reasonId} action="Train all" problems={blocking} />
      <LinearLogComparison populations={lastPopulationByScale} />
    </section>
  );
}
