// Every scene opens from its link on a projector (1280×720, 1920×1080) and on a phone (390×844), in
// presenter mode: its title and caption show, its question (if it asks one) is offered with Reveal
// waiting on a choice, and nothing makes the page wider than the screen.
import { expect, type Page, test } from '@playwright/test';
import { SCENES, sceneById, sceneLink } from '../src/core/scenes/sceneCatalog';
import { axeViolations } from './axe';
import { readText, SCREENSHOT_DIR } from './helpers';

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

for (const viewport of VIEWPORTS) {
  test(`every scene opens from its link at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    for (const scene of SCENES) {
      await page.goto(`/#${sceneLink(scene)}&present=1`);
      await expect(page.getByRole('heading', { name: `Scene: ${scene.title}` })).toBeVisible();
      await expect(page.getByText(scene.caption[0], { exact: true })).toBeVisible();
      if (scene.question) {
        await expect(page.getByRole('radiogroup', { name: scene.question.prompt })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Reveal' })).toBeDisabled();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${scene.id}: page wider than the screen`).toBeLessThanOrEqual(0);
      // Every scene as the class first sees it passes the axe scan (once, at the projector's size).
      if (viewport.width === 1280) expect(await axeViolations(page), `${scene.id} before Reveal`).toEqual([]);
    }
  });
}

/** The label of choice `id` of scene `scene` (null: none of the choices). */
function label(scene: string, id: string | null): string | null {
  return sceneById(scene)?.question?.choices.find((c) => c.id === id)?.label ?? null;
}

/** Reads the lab's own readouts after Reveal: the numbers the outcome must state, and the choice the rule gives them. */
type Check = (page: Page) => Promise<{ numbers: string; supported: string | null }>;

/** One quick question scene per lab: what to pick, and how to read the answer off the lab. */
const QUICK: readonly { id: string; pick: string; check: Check }[] = [
  {
    id: 'linear-vs-log',
    pick: 'Most of them (over 70 %)',
    check: async (page) => {
      const rows = await page
        .getByRole('list', { name: 'Samples per decade' })
        .getByRole('listitem')
        .allTextContents();
      const counts = rows.map((r) => Number(r.match(/· (\d+) samples?$/)?.[1]));
      const below = counts.slice(0, 3).reduce((a, b) => a + b, 0);
      const total = counts.reduce((a, b) => a + b, 0);
      const share = below / total;
      return {
        numbers: `${below} of ${total} draws (${Math.round(share * 100)} %) fell below 0.1`,
        supported:
          share < 0.2 ? 'few' : share >= 0.35 && share <= 0.65 ? 'half' : share > 0.7 ? 'most' : null,
      };
    },
  },
  {
    id: 'coarse-to-fine',
    pick: 'About the same',
    check: async (page) => {
      const rounds = await page.getByRole('list', { name: 'Rounds' }).getByRole('listitem').allTextContents();
      const best = rounds.map((r) => r.match(/best dev cost ([\d.e-]+)/)?.[1] ?? '');
      const [a, b] = best.map(Number);
      const supported = Math.abs(a - b) <= 0.05 * Math.max(a, b) ? 'same' : b < a ? 'better' : 'worse';
      return { numbers: `best dev cost ${best[0]} in round 1 (9 trials), ${best[1]} in round 2`, supported };
    },
  },
  {
    id: 'caviar-equal-compute',
    pick: 'Caviar (many models at once)',
    check: async (page) => {
      const table = page.getByRole('table', { name: 'Equal-compute comparison' });
      const cells = (name: string) =>
        table
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .getByRole('cell')
          .allTextContents();
      const [, pandaSteps, pandaBest] = await cells('Panda \\(one model');
      const [, caviarSteps, caviarBest] = await cells('Caviar \\(many models');
      const [a, b] = [Number(pandaBest), Number(caviarBest)];
      const supported = Math.abs(a - b) <= 0.02 * Math.max(a, b) ? 'tie' : a < b ? 'panda' : 'caviar';
      return {
        numbers: `best dev cost ${pandaBest} for the panda (${pandaSteps} model-steps), ${caviarBest} for the caviar (${caviarSteps} model-steps)`,
        supported,
      };
    },
  },
  {
    id: 'normalizing-inputs',
    pick: 'About the same (under 1.5×)',
    check: async (page) => {
      const raw = await readText(page, 'Largest converging learning rate (raw)');
      const normalized = await readText(page, 'Largest converging learning rate (normalized)');
      const ratio = Number(normalized) / Number(raw);
      return {
        numbers: `largest converging α ${raw} raw, ${normalized} normalized`,
        supported: ratio < 1.5 ? 'same' : ratio < 10 ? 'few' : 'many',
      };
    },
  },
];

// Predict → Reveal → outcome on a projector's 1920×1080 and a phone's 390×844 (scenes.spec.ts plays
// every question at 1280×720): the outcome states the lab's own readouts and follows the scene's rule.
for (const viewport of [VIEWPORTS[1], VIEWPORTS[2]]) {
  for (const q of QUICK) {
    test(`${q.id} plays predict → reveal → outcome at ${viewport.width}×${viewport.height}`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(viewport);
      const scene = sceneById(q.id);
      if (!scene?.question) throw new Error(`${q.id} asks a question`);
      await page.goto(`/#${sceneLink(scene)}&present=1`);
      await expect(page.getByRole('heading', { name: `Scene: ${scene.title}` })).toBeVisible();
      await expect(page.getByRole('alert', { name: 'Link notices' })).toHaveCount(0);
      const reveal = page.getByRole('button', { name: 'Reveal' });
      await expect(reveal).toBeDisabled();
      await page
        .getByRole('radiogroup', { name: scene.question.prompt })
        .getByRole('radio', { name: q.pick })
        .check();
      await reveal.click();
      const outcome = page.getByLabel('Scene outcome');
      await expect(outcome).toHaveText(/Measured:/, { timeout: 150_000 });
      const text = (await outcome.textContent()) ?? '';
      expect(text).toContain(`You predicted: ${q.pick}.`);
      const { numbers, supported } = await q.check(page);
      expect(text).toContain(`Measured: ${numbers}`);
      const said = label(q.id, supported);
      expect(text).toContain(
        said === null ? 'These numbers support none of the choices.' : `The numbers support: ${said}`,
      );
      await expect(outcome).toBeInViewport({ ratio: 0.5 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${q.id}: page wider than the screen after Reveal`).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), `${q.id} after Reveal`).toEqual([]);
      await page.screenshot({
        path: `${SCREENSHOT_DIR}/scene-${q.id}-reveal-${viewport.width}x${viewport.height}.png`,
      });
      console.log(`${q.id} at ${viewport.width}×${viewport.height}: ${numbers} → ${said ?? 'none'}`);
    });
  }
}
