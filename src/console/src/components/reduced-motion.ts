/**
 * Whether the user asked the system for less motion (`prefers-reduced-motion: reduce`, WCAG 2.3.3):
 * the console then turns antd's motion off (dialogs, drawers, dropdowns and messages appear at once)
 * and draws charts without animation. Follows changes of the setting while the console is open.
 */
import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';

const media = (): MediaQueryList | null => (typeof window.matchMedia === 'function' ? window.matchMedia(query) : null);

const subscribe = (onChange: () => void): (() => void) => {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
};

const snapshot = (): boolean => media()?.matches ?? false;

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
