// Canvases that can draw themselves again at another pixel ratio: "Download PNG" (chartImage.ts) asks
// them for a bitmap at the image's ratio, sharper than their on-screen bitmap scaled up. Kept apart
// from chartImage.ts so that a chart registers without loading the image export.

type Painter = (ratio: number) => HTMLCanvasElement | null;

const painters = new WeakMap<HTMLCanvasElement, Painter>();

/** Lets a canvas be redrawn at the PNG's ratio; returns the function that forgets it. */
export function registerCanvasPainter(canvas: HTMLCanvasElement, paint: Painter): () => void {
  painters.set(canvas, paint);
  return () => {
    if (painters.get(canvas) === paint) painters.delete(canvas);
  };
}

/** The painter of a canvas, if it has one. */
export function painterOf(canvas: HTMLCanvasElement): Painter | undefined {
  return painters.get(canvas);
}
