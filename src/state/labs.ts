// The screens of the playground, each opened by `#lab=<id>` in the URL.
export type LabId = 'playground' | 'search' | 'batchnorm' | 'panda' | 'saved';

export interface LabEntry {
  id: LabId;
  title: string;
  /** How a sentence names it: "Paused while you were in the <place>". */
  place: string;
}

export const LABS: readonly LabEntry[] = [
  { id: 'playground', title: 'Playground', place: 'Playground' },
  { id: 'search', title: 'Search lab', place: 'Search lab' },
  { id: 'batchnorm', title: 'Batch-norm lab', place: 'Batch-norm lab' },
  { id: 'panda', title: 'Panda vs caviar', place: 'Panda-vs-caviar lab' },
  { id: 'saved', title: 'Saved work', place: 'Saved work' },
];

function labKey(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('lab');
}

export function labFromHash(hash: string): LabId {
  const lab = labKey(hash);
  return LABS.find((l) => l.id === lab)?.id ?? 'playground';
}

/** The notice for a `#lab=` value that names no lab (null when it names one, or is absent). */
export function unknownLabNotice(hash: string): string | null {
  const lab = labKey(hash);
  if (lab === null || LABS.some((l) => l.id === lab)) return null;
  const known = LABS.map((l) => `"${l.id}"`).join(', ');
  return `"lab": "${lab}" is not a lab of this playground (${known}); showing the Playground.`;
}
