// The prepared scenes, per lab in lecture order. Each is plain data: the lab's own link parameters
// (read by the lab's codec, so a scene sets nothing a pasted link could not), the panels it needs, two
// lines of caption, and the question it asks before anything trains. The sizes are small on purpose:
// a scene is played in front of a class, so its run should finish in well under a minute.
import type { Scene, SceneLab } from './sceneTypes';

const COST_CHOICES = [
  { id: 'barely', label: 'It barely moves' },
  { id: 'learns', label: 'It falls well below where it started' },
  { id: 'unstable', label: 'It jumps around or blows up' },
] as const;

const COST_RULE =
  'Judged on the dev cost: "blows up" if the run diverged or ended above its first value; "barely moves" if it ended within 10 % of it; "falls well below" if it ended below half of it; between those, no choice.';

/** The playground's α scenes: one network, one optimizer (plain gradient descent), three α. */
function alphaScene(id: string, title: string, rate: string, watch: string): Scene {
  return {
    id,
    lab: 'playground',
    title,
    caption: [`The same small network on the same data, plain gradient descent, α = ${rate}.`, watch],
    // 2000 steps, measured on seed 1 (wasm, the default spiral and 16-16 tanh net): α = 0.0003 ends at
    // 0.94 of its first dev cost, α = 1 at 0.46, α = 10 above it (it jumps between 6 and 9 throughout);
    // at 600 steps even α = 1 still sits on the spiral's starting plateau.
    params: `optimizer=sgd&lr=${rate}&steps=2000`,
    question: {
      prompt: `With α = ${rate}, what does the dev cost do over the run?`,
      choices: COST_CHOICES,
      rule: COST_RULE,
    },
    panels: null,
  };
}

export const SCENES: readonly Scene[] = [
  alphaScene(
    'alpha-too-small',
    'α too small',
    '0.0003',
    'Watch how far the cost curve gets in the whole run: every step is tiny.',
  ),
  alphaScene(
    'alpha-about-right',
    'α about right',
    '1',
    'Watch the cost leave its starting plateau and fall far below it.',
  ),
  alphaScene(
    'alpha-too-big',
    'α too big',
    // The playground takes α up to 10 (a link's lr=30 is refused): the top of its range.
    '10',
    'Watch the cost curve: steps this large overshoot the valley.',
  ),
  {
    id: 'linear-vs-log',
    lab: 'playground',
    title: 'Linear vs log sampling',
    caption: [
      'Forty values of α drawn between 10⁻⁴ and 1, uniformly on a linear scale (the sampling lesson below).',
      'Reveal shows where they landed, decade by decade; then switch the scale to log and count again.',
    ],
    // Only the draws answer (the seeded sampler the panel shows); nothing trains on Reveal.
    params: 'scale=linear&lrMin=0.0001&lrMax=1&samples=40&seed=1',
    question: {
      prompt:
        'Drawing α uniformly on a linear scale between 10⁻⁴ and 1, what share of the draws falls below 0.1?',
      choices: [
        { id: 'few', label: 'Under 20 %' },
        { id: 'half', label: 'About half (35 % to 65 %)' },
        { id: 'most', label: 'Most of them (over 70 %)' },
      ],
      rule: 'The share of the panel’s draws below 0.1: under 20 % is "under 20 %", 35 % to 65 % "about half", over 70 % "most of them"; in the gaps between, no choice.',
    },
    panels: null,
  },
  {
    id: 'grid-vs-random',
    lab: 'search',
    title: 'Grid vs random',
    caption: [
      'Two hyperparameters, one that matters and one that does not, the same budget of trials.',
      'Count the distinct values of the important one that each strategy tries.',
    ],
    // The comparison is no strategy of the link (strategy= takes grid, random or quasi): it runs on the
    // study's space, so the scene sets the default study (α and ε searched, Adam) and seed 1 explicitly.
    params: 'opt=adam&seed=1',
    question: {
      prompt: 'On most seeds, which finds the lower dev cost: the grid or random search?',
      choices: [
        { id: 'grid', label: 'The grid' },
        { id: 'random', label: 'Random search' },
        { id: 'tie', label: 'Neither: they tie' },
      ],
      rule: 'Random wins if it found the lower dev cost on more than half of the seeds, the grid if on fewer than half; exactly half is a tie.',
    },
    panels: null,
  },
  {
    id: 'coarse-to-fine',
    lab: 'search',
    title: 'Coarse to fine',
    caption: [
      'Reveal runs a wide search of 9 trials, selects the region around its best trial and zooms in.',
      'Compare the best dev cost of the zoomed round with the wide one (the scatter’s Rounds list).',
    ],
    // The default study's space (α and ε, Adam) on a tight budget: 9 trials of 200 steps a round. Measured
    // (Chromium, wasm) on seeds 1–7: round 2's best was clearly lower on 6 (seed 1: 0.393 → 0.287) and
    // about the same on 1. Trained longer (12 × 400) round 1 already sits near the floor (about 0.02) and
    // the zoom moves it either way by noise: coarse to fine pays when the first round is far from it.
    params: 'budget=9&steps=200&seed=1',
    question: {
      prompt:
        'After zooming in around the best trial of a wide search, is the best dev cost of the zoomed round lower?',
      choices: [
        { id: 'better', label: 'Yes: clearly lower' },
        { id: 'same', label: 'About the same' },
        { id: 'worse', label: 'No: higher' },
      ],
      rule: 'Each round’s best dev cost (a trial’s score: the mean of its last 8 dev evaluations): lower by more than 5 % of the larger is "clearly lower", higher by more than 5 % is "higher", within 5 % "about the same".',
    },
    panels: null,
  },
  {
    id: 'teachers-story',
    lab: 'panda',
    title: 'The teacher’s story',
    caption: [
      'One model babysat day by day: the teacher has trained day 1 with α far too small.',
      'Press → for each next beat: α up, too far, a roll back; watch the cost after each decision.',
    ],
    params: 'day=100&teacher=alpha',
    question: null,
    panels: ['panda'],
  },
  {
    id: 'caviar-equal-compute',
    lab: 'panda',
    title: 'Caviar on equal compute',
    caption: [
      'Reveal trains the panda three days, then spends the same model-steps on eight models at once.',
      'Compare the best dev cost the population found with the panda’s, step for step.',
    ],
    params: 'day=100&seed=2',
    question: {
      prompt: 'On the same compute, which finds the lower dev cost: panda or caviar?',
      choices: [
        { id: 'panda', label: 'Panda (one model, babysat)' },
        { id: 'caviar', label: 'Caviar (many models at once)' },
        { id: 'tie', label: 'About the same' },
      ],
      rule: 'The lower of the two best dev costs wins; within 2 % of the larger they tie.',
    },
    panels: ['caviar'],
  },
  {
    id: 'normalizing-inputs',
    lab: 'batchnorm',
    title: 'Normalizing inputs',
    caption: [
      'Logistic regression on two inputs of very different scales, raw and then normalized.',
      'Compare the cost bowls and the largest α that still converges on each.',
    ],
    params: 'scenario=three-sigmoid-digits',
    question: {
      prompt: 'How much larger an α does the normalized bowl take before gradient descent stops converging?',
      choices: [
        { id: 'same', label: 'About the same (under 1.5×)' },
        { id: 'few', label: 'A few times larger (1.5× to 10×)' },
        { id: 'many', label: 'Ten times or more' },
      ],
      rule: 'The ratio of the two largest converging α (normalized ÷ raw): under 1.5× is "about the same", 1.5× to 10× "a few times", 10× or more "ten times or more".',
    },
    panels: ['inputs'],
  },
  {
    id: 'step-by-step',
    lab: 'batchnorm',
    title: 'Batch norm step by step',
    caption: [
      'One unit of one layer on one mini-batch: z, its mean and variance, z̃, then γ and β.',
      'Follow one number through the four steps and check each against the formula.',
    ],
    params: 'scenario=three-sigmoid-digits',
    question: null,
    panels: ['setup', 'steps', 'distributions'],
  },
  {
    id: 'does-it-help',
    lab: 'batchnorm',
    title: 'Does batch norm help?',
    caption: [
      'Three sigmoid layers on digits, five α from 0.01 to 10, each trained with and without batch norm.',
      'Count the α that train well on each curve: that count is the range.',
    ],
    params: 'scenario=three-sigmoid-digits&sweep=0.01,10,5,200',
    question: {
      prompt: 'Which α range trains well with batch norm, compared with the same net without it?',
      choices: [
        { id: 'wider', label: 'A wider range' },
        { id: 'same', label: 'The same range' },
        { id: 'narrower', label: 'A narrower range' },
      ],
      rule: 'A good α ends within 90 % of the best dev accuracy either curve reached; more good α with batch norm is "wider", as many is "the same", fewer is "narrower".',
    },
    panels: ['doesItHelp'],
  },
  {
    id: 'test-time',
    lab: 'batchnorm',
    title: 'Test time',
    caption: [
      'At test time one example comes alone: a mini-batch of one, normalised by its own mean and variance.',
      'Reveal trains the network for about 600 steps, then predicts every dev example alone, both ways.',
    ],
    params: 'scenario=three-sigmoid-digits',
    question: {
      prompt:
        'A network trained with batch norm predicts each dev example alone, normalised with that one example’s own mean and variance. Its dev accuracy will be…',
      choices: [
        { id: 'chance', label: 'About chance: no better than guessing' },
        { id: 'lower', label: 'Lower, but well above chance' },
        { id: 'same', label: 'About as good as with the running averages' },
      ],
      rule: 'Against the accuracy with the running averages: within 5 points is "about as good"; at most 1.5× chance and 20 points or more below is "about chance"; above 1.5× chance and more than 5 points below is "lower, but well above chance"; anything else, no choice.',
    },
    panels: ['setup', 'testTime'],
  },
];

export function scenesOf(lab: SceneLab | string): Scene[] {
  return SCENES.filter((s) => s.lab === lab);
}

export function sceneById(id: string): Scene | null {
  return SCENES.find((s) => s.id === id) ?? null;
}

/** The scene's own link (without '#'): the lab, its parameters, then `scene=`. */
export function sceneLink(scene: Scene): string {
  return [`lab=${scene.lab}`, scene.params, `scene=${scene.id}`].filter(Boolean).join('&');
}

/** The scene before or after `id` in its lab's lecture order (null at either end). */
export function neighbourScene(id: string, direction: 1 | -1): Scene | null {
  const scene = sceneById(id);
  if (!scene) return null;
  const list = scenesOf(scene.lab);
  return list[list.indexOf(scene) + direction] ?? null;
}
