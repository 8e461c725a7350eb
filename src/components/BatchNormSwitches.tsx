// Batch norm on or off: one switch for every hidden layer at once ('mixed' when they disagree), then
// one per layer. The playground and the batch-norm lab both set it this way.
import { Switch } from './Switch';

export interface BatchNormSwitchesProps {
  /** The hidden layers (one switch each). */
  hidden: readonly number[];
  /** One flag per hidden layer; a missing flag is off. */
  batchNorm: readonly boolean[];
  onAll: (on: boolean) => void;
  onLayer: (layer: number, on: boolean) => void;
}

export function BatchNormSwitches({ hidden, batchNorm, onAll, onLayer }: BatchNormSwitchesProps) {
  const flags = hidden.map((_, i) => batchNorm[i] ?? false);
  const all: boolean | 'mixed' = flags.every(Boolean) ? true : flags.some(Boolean) ? 'mixed' : false;
  return (
    <>
      <Switch label="Batch norm" checked={all} onChange={onAll} />
      <div className="switch-list">
        {flags.map((on, i) => (
          <Switch
            // biome-ignore lint/suspicious/noArrayIndexKey: a layer is its position
            key={i}
            nested
            label={`Batch norm layer ${i + 1}`}
            checked={on}
            onChange={(v) => onLayer(i, v)}
          />
        ))}
      </div>
    </>
  );
}
