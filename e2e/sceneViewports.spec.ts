// Every scene opens from its link on a projector (1280×720, 1920×1080) and on a phone (390×844), in
// presenter mode: its title and caption show, its question (if it asks one) is offered with Reveal
// waiting on a choice, and nothing makes the page wider than the screen.
import { expect, test } from '@playwright/test';
import { SCENES, sceneLink } from '../src/core/scenes/sceneCatalog';

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
    }
  });
}
