// Presenter mode as the screens read it: whether it is on, and how much a chart's text and curves grow.
// The stylesheet scales the page's type (html.presenter); charts draw their own text and lines, so they
// take these factors from here.
import { useStore } from 'zustand';
import { presenterStore } from '../state/presenterMode';

/** Chart text (ticks, axis titles) in presenter mode, relative to its normal size. */
export const PRESENTER_FONT_SCALE = 1.5;

/** The thinnest curve a projector shows from the back row (CSS px). */
export const PRESENTER_MIN_STROKE = 3.5;

export function usePresenter(): boolean {
  return useStore(presenterStore, (s) => s.on);
}

/** A chart's font size and curve width as drawn now (scaled up in presenter mode). */
export function presentedChart(on: boolean, fontSize: number, strokeWidth: number) {
  return on
    ? {
        fontSize: Math.round(fontSize * PRESENTER_FONT_SCALE),
        strokeWidth: Math.max(PRESENTER_MIN_STROKE, strokeWidth * 1.5),
      }
    : { fontSize, strokeWidth };
}
