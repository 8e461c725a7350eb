// The model's decision boundary over the plane: a heatmap of p(class 1) with the data on top
// (training points filled, dev points outlined), redrawn as progress arrives.
import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../state/StoreProvider';
import { selectBoundary } from '../state/selectors';
import type { DataInfo } from '../worker/protocol';
import { boundaryPixels, toCanvas } from './boundaryImage';
import { CLASS_COLORS, PALETTE } from './palette';

const SIZE = 320;

/** Training points filled, dev points as rings, on a transparent canvas at the device's resolution. */
function drawPoints(data: DataInfo): HTMLCanvasElement | null {
  const { points, bounds } = data;
  if (!points || !bounds) return null;
  const dpr = window.devicePixelRatio || 1;
  const layer = document.createElement('canvas');
  layer.width = SIZE * dpr;
  layer.height = SIZE * dpr;
  const ctx = layer.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const n = points.label.length;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < n; i++) {
      const isDev = points.dev[i] === 1;
      if (isDev !== (pass === 1)) continue;
      const [cx, cy] = toCanvas(points.xy[2 * i], points.xy[2 * i + 1], bounds, SIZE);
      const color = CLASS_COLORS[points.label[i]] ?? PALETTE.pending;
      ctx.beginPath();
      ctx.arc(cx, cy, isDev ? 3.2 : 2.8, 0, Math.PI * 2);
      ctx.fillStyle = isDev ? PALETTE.white : color;
      ctx.fill();
      ctx.lineWidth = isDev ? 1.6 : 0.8;
      ctx.strokeStyle = isDev ? color : PALETTE.white;
      ctx.stroke();
    }
  }
  return layer;
}

export function DecisionBoundary() {
  const { kind, dataset, data, boundary, status } = useAppStore(selectBoundary);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  // The 1000 data points are drawn once per data set into a layer of their own; a boundary update
  // (several a second while training) then costs two drawImage calls instead of 1000 arcs.
  const pointsLayer = useMemo(() => (data ? drawPoints(data) : null), [data]);
  const tileRef = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== SIZE * dpr) {
      canvas.width = SIZE * dpr;
      canvas.height = SIZE * dpr;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = PALETTE.boundaryBackground;
    ctx.fillRect(0, 0, SIZE, SIZE);
    if (boundary) {
      const { resolution, probs } = boundary;
      const image = new ImageData(
        boundaryPixels(probs, resolution) as Uint8ClampedArray<ArrayBuffer>,
        resolution,
      );
      const tile = tileRef.current ?? document.createElement('canvas');
      tileRef.current = tile;
      if (tile.width !== resolution) {
        tile.width = resolution;
        tile.height = resolution;
      }
      tile.getContext('2d')?.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(tile, 0, 0, SIZE, SIZE);
    }
    if (pointsLayer) ctx.drawImage(pointsLayer, 0, 0, SIZE, SIZE);
  }, [boundary, pointsLayer]);

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
