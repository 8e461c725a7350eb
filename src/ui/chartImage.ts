// A chart as a PNG at twice its size on screen, for slides. html-to-image (loaded on the first click,
// so the main bundle does not carry it) draws the chart's element into an image, but it copies an
// <svg> as it is, without the styles its stylesheets give its parts and without the bitmaps of the
// canvases inside it (the cost curves are a canvas in the plot area of a recharts SVG). So the chart
// is first copied here: every SVG part gets its computed style written on it, every canvas becomes an
// image of its pixels (redrawn at 2× where the canvas can draw itself again), and parts marked
// data-export="skip" (the chart's own buttons and switches) are hidden. The copy sits beside the
// chart, off screen, while html-to-image reads it: its HTML parts then take the same styles as the
// original's. This module is loaded on the first click too (ChartExport imports it lazily).
import { painterOf } from './canvasPainters';

/** How much larger than on screen the PNG is. */
export const PNG_PIXEL_RATIO = 2;

/** What an SVG part's look depends on: copied from its computed style onto the copy. */
const SVG_STYLE = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
];

function canvasImage(canvas: HTMLCanvasElement, ratio: number): HTMLImageElement {
  const box = canvas.getBoundingClientRect();
  let source = canvas;
  try {
    source = painterOf(canvas)?.(ratio) ?? canvas;
  } catch {
    // A painter that fails leaves the bitmap on screen, which is still the chart.
  }
  const img = document.createElement('img');
  img.src = source.toDataURL('image/png');
  img.alt = '';
  img.style.cssText = `display:block;width:${box.width}px;height:${box.height}px`;
  return img;
}

/** The copy html-to-image draws: styles of SVG parts written out, canvases as images, skipped parts hidden. */
function preparedCopy(target: HTMLElement, ratio: number): HTMLElement {
  const copy = target.cloneNode(true) as HTMLElement;
  const originals = [target, ...target.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const twin = copies[i];
    if (!twin) return;
    if (original !== target && original.matches('[data-export="skip"]')) {
      (twin as HTMLElement).style.visibility = 'hidden';
    } else if (original instanceof HTMLCanvasElement) {
      twin.replaceWith(canvasImage(original, ratio));
    } else if (original instanceof SVGElement) {
      const computed = getComputedStyle(original);
      const style = (twin as SVGElement).style;
      for (const name of SVG_STYLE) style.setProperty(name, computed.getPropertyValue(name));
    }
  });
  return copy;
}

/** The colour behind the chart: its own background, or the first one set on its ancestors, or white. */
function backgroundOf(element: HTMLElement): string {
  for (let e: HTMLElement | null = element; e; e = e.parentElement) {
    const color = getComputedStyle(e).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return '#ffffff';
}

/** The chart's element drawn as a PNG of PNG_PIXEL_RATIO × its size on screen. */
export async function chartPng(target: HTMLElement): Promise<Blob> {
  const { toBlob } = await import('html-to-image');
  const box = target.getBoundingClientRect();
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  const copy = preparedCopy(target, PNG_PIXEL_RATIO);
  copy.setAttribute('aria-hidden', 'true');
  copy.inert = true;
  Object.assign(copy.style, {
    position: 'absolute',
    left: '-100000px',
    top: '0',
    width: `${width}px`,
    height: `${height}px`,
    boxSizing: 'border-box',
    pointerEvents: 'none',
  });
  target.after(copy);
  try {
    const blob = await toBlob(copy, {
      width,
      height,
      pixelRatio: PNG_PIXEL_RATIO,
      backgroundColor: backgroundOf(target),
      // The page's fonts are the system's: nothing to embed (and no style sheet to read for them).
      skipFonts: true,
      // The copy's place off screen is not part of the picture.
      style: { position: 'static', left: '0', top: '0', margin: '0' },
    });
    if (!blob) throw new Error('the browser made no image');
    return blob;
  } finally {
    copy.remove();
  }
}
