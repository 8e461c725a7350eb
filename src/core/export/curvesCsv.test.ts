import { describe, expect, it } from 'vitest';
import { csvField, curvesCsv, hyperColumns } from './curvesCsv';

const rows = (csv: string) => csv.trimEnd().split('\n');

describe('curvesCsv', () => {
  it('should write a header of step, model, the hyperparameters and the three measures', () => {
    const csv = curvesCsv([
      { model: 0, hyper: { learning_rate: 0.01, optimizer: 'adam' } },
      { model: 1, hyper: { learning_rate: 0.1, batch_norm: true } },
    ]);
    expect(rows(csv)[0]).toBe(
      'step,model,learning_rate,optimizer,batch_norm,train_cost,dev_cost,dev_accuracy',
    );
  });

  it('should write one row per point, joining a train and a dev point of one step', () => {
    const csv = curvesCsv([
      {
        model: 'a',
        hyper: { lr: 0.5 },
        trainStep: [1, 2, 3, 4],
        trainCost: [0.9, 0.8, 0.7, 0.6],
        devStep: [2, 4],
        devCost: [0.85, 0.65],
        devAccuracy: [0.5, 0.75],
      },
      { model: 'b', hyper: { lr: 1 }, trainStep: [1], trainCost: [2] },
    ]);
    expect(rows(csv).slice(1)).toEqual([
      '1,a,0.5,0.9,,',
      '2,a,0.5,0.8,0.85,0.5',
      '3,a,0.5,0.7,,',
      '4,a,0.5,0.6,0.65,0.75',
      '1,b,1,2,,',
    ]);
  });

  it('should give a dev point at a step without a train point a row of its own', () => {
    const csv = curvesCsv([
      { model: 0, trainStep: [1, 3], trainCost: [1, 0.5], devStep: [2], devCost: [0.7], devAccuracy: [0.4] },
    ]);
    expect(rows(csv).slice(1)).toEqual(['1,0,1,,', '2,0,,0.7,0.4', '3,0,0.5,,']);
  });

  it('should leave unmeasured cells empty and write a measured NaN or infinity out', () => {
    const csv = curvesCsv([
      {
        model: 0,
        trainStep: [1, 2, 3],
        trainCost: [1, Number.NaN, Number.POSITIVE_INFINITY],
        devStep: [3],
        devCost: [Number.NEGATIVE_INFINITY],
        devAccuracy: [Number.NaN],
      },
    ]);
    expect(rows(csv).slice(1)).toEqual(['1,0,1,,', '2,0,NaN,,', '3,0,inf,-inf,NaN']);
  });

  it('should write float32 costs to the digits they hold', () => {
    const csv = curvesCsv([{ model: 0, trainStep: [1], trainCost: new Float32Array([0.1]) }]);
    expect(rows(csv)[1]).toBe('1,0,0.1,,');
  });

  it('should quote fields holding commas, quotes or line breaks', () => {
    expect(csvField('16,16')).toBe('"16,16"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    const csv = curvesCsv([
      { model: 'branch A, day 2', hyper: { hidden: '16,16' }, trainStep: [5], trainCost: [1] },
    ]);
    expect(rows(csv)[1]).toBe('5,"branch A, day 2","16,16",1,,');
  });

  it('should not let a hyperparameter take the name of a fixed column', () => {
    expect(hyperColumns([{ model: 0, hyper: { step: 1, model: 2, alpha: 3 } }])).toEqual(['alpha']);
  });

  it('should end with a newline and have only the header for no curves', () => {
    expect(curvesCsv([])).toBe('step,model,train_cost,dev_cost,dev_accuracy\n');
  });
});
