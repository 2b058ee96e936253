/**
 * Observable Plot drawn on the server: Plot builds its SVG in linkedom's DOM and we keep the
 * markup. Plot's own <style> element is dropped (the page's CSP allows no inline style; the
 * same rules are in cosecha.css under `.plot`), so a chart is plain SVG with presentation
 * attributes, about 5 ms to draw.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** Cosecha's palette (cosecha.css): rating bands and the series of a comparison. */
export const COLORS = {
  primary: '#1f5130',
  excellent: '#0b6b3a',
  good: '#3f8f4f',
  sufficient: '#b06d00',
  bad: '#b3261e',
  series: ['#1f5130', '#1b5e9a', '#b06d00', '#7b3f98', '#b3261e', '#4f6b6f'],
};

export function renderPlot(options: Plot.PlotOptions): string {
  const node = Plot.plot({ ...options, document, className: 'plot', style: undefined }) as unknown as Element;
  for (const style of [...node.querySelectorAll('style')]) style.remove();
  node.removeAttribute('style');
  node.setAttribute('role', 'img');
  return node.outerHTML;
}
