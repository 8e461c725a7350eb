import { describe, expect, it } from 'vitest';
import { type LabelBox, labelRows } from './markerLayout';

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right;
}

describe('marker label layout', () => {
  it('should never put two overlapping labels in the same row', () => {
    // Four labels at one step (the pile-up) and a few spread out.
    const boxes: LabelBox[] = [
      ...[0, 1, 2, 3].map(() => ({ left: 100, right: 260 })),
      { left: 300, right: 380 },
      { left: 330, right: 420 },
      { left: 600, right: 700 },
    ];
    const rows = labelRows(boxes, 4);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (rows[i] >= 0 && rows[i] === rows[j]) expect(overlaps(boxes[i], boxes[j])).toBe(false);
    expect(rows.slice(0, 4).sort()).toEqual([0, 1, 2, 3]);
    expect(rows[6]).toBe(0); // far away: back in the top row
  });

  it('should leave out a label that fits in no row, rather than overlap', () => {
    const boxes = [0, 1, 2].map(() => ({ left: 10, right: 90 }));
    expect(labelRows(boxes, 2)).toEqual([0, 1, -1]);
  });
});
