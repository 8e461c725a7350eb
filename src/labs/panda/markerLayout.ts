// Where the panda chart's marker labels go so that none overlaps another: each label takes the first
// row (from the top) where it clears the labels already placed there; a label that fits in no row is
// left out of the chart (its line stays, and the list under the chart names every marker).

export interface LabelBox {
  /** Where the label starts and ends horizontally, in pixels. */
  left: number;
  right: number;
}

/** The row of each label (0 = top), or -1 when it fits in none of `rows` rows. `gap` px keeps them apart. */
export function labelRows(boxes: readonly LabelBox[], rows: number, gap = 6): number[] {
  const ends: number[][] = Array.from({ length: Math.max(0, rows) }, () => []);
  const order = boxes.map((b, i) => ({ b, i })).sort((a, z) => a.b.left - z.b.left);
  const out = boxes.map(() => -1);
  for (const { b, i } of order) {
    const row = ends.findIndex((placed) =>
      placed.every((_, k) => k % 2 === 1 || b.left >= placed[k + 1] + gap || b.right + gap <= placed[k]),
    );
    if (row < 0) continue;
    ends[row].push(b.left, b.right);
    out[i] = row;
  }
  return out;
}

/** About how wide a 12-px bold label is (no DOM measuring: the chart redraws ten times a second). */
export function labelWidth(text: string, fontSize = 12): number {
  return Math.ceil(text.length * fontSize * 0.62) + 4;
}
