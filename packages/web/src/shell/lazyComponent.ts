import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A component whose code loads when it is first drawn: `lazyComponent(() => import('./Page.tsx').then((m) => m.Page))`.
 * ECharts is most of the bundle; only the subsystems' pages and the map need it, so it loads with them.
 */
export function lazyComponent<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(async () => ({ default: await load() }));
}
