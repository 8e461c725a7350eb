// The model's decision boundary over the plane: a heatmap of p(class 1) with the data on top
// (training points filled, dev points outlined), redrawn as progress arrives.
import { useEffect, useRef } from 'react';
import { selectBoundary } from '../state/selectors';
import { useAppStore } from '../state/StoreProvider';
import { boundaryPixels, toCanvas } from './boundaryImage';
import { CLASS_COLORS } from './colorScale';

const SIZE = 320;

export function DecisionBoundary() {
  const { kind, dataset, data, boundary, status } = useAppStore(selectBoundary);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = SIZE * dpr;
    canvas.height = SIZE * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#f4f5f7';
    ctx.fillRect(0, 0, SIZE, SIZE);
    if (boundary) {
      const { resolution, probs } = boundary;
      const image = new ImageData(
        boundaryPixels(probs, resolution) as Uint8ClampedArray<ArrayBuffer>,
        resolution,
      );
      const tile = document.createElement('canvas');
      tile.width = resolution;
      tile.height = resolution;
      tile.getContext('2d')?.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(tile, 0, 0, SIZE, SIZE);
    }
    const points = data?.points;
    const bounds = data?.bounds;
    if (!points || !bounds) return;
    const n = points.label.length;
    for (let pass = 0; pass < 2; pass++) {
      // Training points first, dev points on top so their outlines stay visible.
      for (let i = 0; i < n; i++) {
        const isDev = points.dev[i] === 1;
        if (isDev !== (pass === 1)) continue;
        const [cx, cy] = toCanvas(points.xy[2 * i], points.xy[2 * i + 1], bounds, SIZE);
        const color = CLASS_COLORS[points.label[i]] ?? '#444';
        ctx.beginPath();
        ctx.arc(cx, cy, isDev ? 3.2 : 2.8, 0, Math.PI * 2);
        if (isDev) {
          ctx.fillStyle = '#ffffff';
          ctx.fill();
          ctx.lineWidth = 1.6;
          ctx.strokeStyle = color;
          ctx.stroke();
        } else {
          ctx.fillStyle = color;
          ctx.fill();
          ctx.lineWidth = 0.8;
          ctx.strokeStyle = '#ffffff';
          ctx.stroke();
        }
      }
    }
  }, [boundary, data]);

  if (dataset === 'digits') {
    return (
      <figure className="panel boundary" aria-label="Decision boundary">
        <h2>Decision boundary</h2>
        <p className="chart-empty-static">
          Digits are 64-dimensional (8×8 pixels), so there is no plane to draw. Watch the dev accuracy
          instead.
        </p>
      </figure>
    );
  }

  let caption = 'p(class 1): orange = class 0, blue = class 1. Filled dots: training set; rings: dev set.';
  if (!data)
    caption = status === 'starting' ? 'Preparing the data…' : 'Press Train to see the boundary form.';
  else if (kind === 'population')
    caption = 'Train all trains many models at once; the boundary is drawn for single runs.';

  return (
    <figure className="panel boundary" aria-label="Decision boundary">
      <h2>Decision boundary</h2>
      <canvas
        ref={canvasRef}
        style={{ width: SIZE, height: SIZE }}
        role="img"
        aria-label="Heatmap of the model's class probabilities over the plane, with the data points"
      />
      <figcaption className="hint">{caption}</figcaption>
    </figure>
  );
}
