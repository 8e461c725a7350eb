// The screens of the playground, each opened by `#lab=<id>` in the URL.
export type LabId = 'playground' | 'search' | 'batchnorm' | 'panda';

export interface LabEntry {
  id: LabId;
  title: string;
}

export const LABS: readonly LabEntry[] = [
  { id: 'playground', title: 'Playground' },
  { id: 'search', title: 'Search lab' },
  { id: 'batchnorm', title: 'Batch-norm lab' },
  { id: 'panda', title: 'Panda vs caviar' },
];

export function labFromHash(hash: string): LabId {
  const lab = new URLSearchParams(hash.replace(/^#/, '')).get('lab');
  return LABS.find((l) => l.id === lab)?.id ?? 'playground';
}
