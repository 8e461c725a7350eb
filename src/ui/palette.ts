// The app's colours in one place, named by what they mean in the course (train vs dev, diverged, with vs
// without batch norm, a faded branch, …), so that a meaning keeps its colour on every screen. Every chart
// (SVG, canvas, recharts) reads its colours from here. The stylesheets keep their own custom properties
// (src/styles.css, :root); where a CSS colour mirrors one here, both say so.
//
// The curves' hues are Okabe and Ito's colour-blind-safe set (blue, vermillion, bluish green, reddish
// purple, sky blue, orange): they stay apart for protanopia, deuteranopia and tritanopia. Two curves that
// share a chart also differ by more than hue where greyscale would merge them (train solid, dev dashed;
// pairs light and dark). A colour that is also used for text (a legend's key, a tag) is darkened to at
// least 4.5:1 on white (WCAG AA); the note beside it gives its contrast.

/** Okabe–Ito's colours, as published (Color Universal Design, 2008). */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export type Rgb = [number, number, number];

export const PALETTE = {
  /** Train cost, solid (Okabe–Ito blue, 5.2:1 on white). */
  train: OKABE_ITO.blue,
  /** Dev cost, dashed (Okabe–Ito vermillion: a line colour, 3.9:1; never text). */
  dev: OKABE_ITO.vermillion,
  /**
   * A model or trial that diverged: its curve (dashed), its cross, its marker, its line. Mirrored by
   * --diverged in src/styles.css.
   */
  diverged: '#c62828',
  /** Behind a diverged trial's small chart. */
  divergedBackground: '#fdf2f2',
  /** A trial with no result yet (waiting or training), or a legend entry whose curve has no colour yet. */
  pending: '#6e7781',

  /** With batch norm, in the "does it help?" comparison and sweep (a dark purple, 8.4:1: also its key's text). */
  withBatchNorm: '#5b3a99',
  /** Without batch norm (vermillion darkened to 5.3:1, since its key is text too: the one to beat). */
  withoutBatchNorm: '#b34d00',

  /** The panda's abandoned futures: its train and dev curves, faded (the blue and vermillion, lightened). */
  fadedTrain: '#a6c8e0',
  fadedDev: '#efc2a0',
  /** A nudge of the hyperparameters on the panda's chart (mirrored by .panda-narration's border). */
  change: '#6a3fb5',
  /** A roll back, or a return to an earlier branch. */
  rollback: '#2b8a3e',
  /** Day boundaries on the panda's chart (mirrored by .panda-faded's text). */
  day: '#8a949e',

  /** A region searched by a zoomed round, and a brush's outline (the accent). */
  selection: '#1f5fbf',
  /** Inside a brush being dragged on the scatter. */
  selectionFill: 'rgba(31, 95, 191, 0.12)',
  /** Inside a brush on a parallel-coordinates axis. */
  brushFill: 'rgba(31, 95, 191, 0.18)',
  /** A line outside the brushed selection. */
  unselected: '#c3c9d0',
  /** The ring around the best point or member, and the minimum on a contour plot. */
  highlight: '#111111',

  /** Axis titles and dark marks in charts. */
  ink: '#24292f',
  /** Tick labels (the same grey as --muted). */
  muted: '#57606a',
  /** A plot's frame (the same grey as --line). */
  frame: '#d8dee4',
  /** Inside a plot's frame. */
  plotBackground: '#fbfcfd',
  /** Grid lines. */
  grid: '#e4e7eb',
  /** The lightest grid lines, on scatter plots. */
  gridFaint: '#eef1f4',
  /** Axis lines of the small batch-norm charts. */
  axis: '#9aa0a6',
  /** Axes of the parallel coordinates. */
  axisStrong: '#8c959f',
  /** Arrows and copy lines of the PBT lineage. */
  lineage: '#343a40',
  /** Step labels of the PBT lineage. */
  lineageText: '#5f6b76',
  /** Behind the decision boundary before the first one arrives. */
  boundaryBackground: '#f4f5f7',
  /** Halos and outlines that keep a mark readable on any colour. */
  white: '#ffffff',
} as const;

/** Distinct curves of one chart, in order (hidden units, quantities z / z̃ / a, mean vs variance, …). */
export const SERIES = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
] as const;

/** Light/dark pairs (sky blue, blue, orange, vermillion): two curves that should read as close, twice. */
export const PAIRED_SERIES = [
  OKABE_ITO.skyBlue,
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.vermillion,
] as const;

/** Solid colours of the two classes' points (ends of PROBABILITY_STOPS, a little darker). */
export const CLASS_COLORS: readonly [string, string] = ['#c85a00', '#1a5aa8'];

/** Viridis, sampled at nine evenly spaced stops (dark purple → blue → green → yellow): α on a log scale. */
export const VIRIDIS_STOPS: readonly Rgb[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** Class 0 (orange) → near white at 0.5 → class 1 (blue): the probability of class 1. */
export const PROBABILITY_STOPS: readonly Rgb[] = [
  [230, 120, 30],
  [246, 200, 150],
  [245, 245, 245],
  [150, 190, 230],
  [35, 105, 190],
];

/**
 * The fill of one contour band of a cost surface: bands alternate light and dark and darken towards the
 * minimum, tinted blue. `level` counts thirds of a decade above the minimum (negative close to it).
 */
export function contourBandColor(level: number): string {
  const shade = level % 2 === 0 ? 236 - 3 * level : 214 - 3 * level;
  return `rgb(${shade - 20}, ${shade - 5}, ${Math.min(255, shade + 15)})`;
}
