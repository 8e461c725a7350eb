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
      'The same number of α drawn uniformly on a linear scale and on a log scale.',
      'Count how many land in each decade: the linear draw almost never tries a small α.',
    ],
    params: '',
    question: null,
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
      'A first, wide search, then a second one zoomed into the region where the best trials sat.',
      'Compare the best dev cost of the zoomed search with the wide one.',
    ],
    params: '',
    question: null,
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
      'At test time one example comes alone: a mini-batch of one has no spread to normalize by.',
      'Compare the accuracy with batch statistics and with the running averages.',
    ],
    params: 'scenario=three-sigmoid-digits',
    question: null,
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
