// How many hidden layers, and how many units in each.

import { MAX_HIDDEN_LAYERS } from '../core/config';
import { RULES } from '../state/validation';
import { NumberField } from './NumberField';

export interface HiddenLayersEditorProps {
  hidden: number[];
  problems: Record<string, string>;
  onLayerCount: (count: number) => void;
  onUnits: (layer: number, units: number) => void;
}

export function HiddenLayersEditor({ hidden, problems, onLayerCount, onUnits }: HiddenLayersEditorProps) {
  return (
    <div className="hidden-layers">
      <NumberField
        fieldKey="hiddenLayers"
        label="Hidden layers"
        value={hidden.length}
        rule={RULES.hiddenLayers}
        problem={problems.hiddenLayers}
        hint={`1 to ${MAX_HIDDEN_LAYERS}`}
        onCommit={onLayerCount}
      />
      <div className="units-grid">
        {hidden.map((units, i) => (
          <NumberField
            // biome-ignore lint/suspicious/noArrayIndexKey: a layer is its position
            key={i}
            fieldKey={`units.${i}`}
            label={`Units in layer ${i + 1}`}
            value={units}
            rule={RULES.units(i + 1)}
            problem={problems[`units.${i}`]}
            onCommit={(v) => onUnits(i, v)}
          />
        ))}
      </div>
    </div>
  );
}
