/**
 * A small history router for the console (served under /console/): the current path without the
 * base, navigate(), <Link>, and route matching with :params. Enough for a dozen screens.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

export const base = '/console';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** "/console/requests?x=1" → "/requests?x=1" (always starting with "/"). */
const currentLocation = (): string => {
  const { pathname, search } = window.location;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return `${rest || '/'}${search}`;
};

export const href = (to: string): string => `${base}${to.startsWith('/') ? to : `/${to}`}`;

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = href(to);
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.scrollTo(0, 0);
  notify();
}

/** The current location inside the console, e.g. "/requests/abc?tab=letters". */
export const useLocation = (): string => useSyncExternalStore(subscribe, currentLocation);

export const pathOf = (location: string): string => location.split('?')[0] ?? '/';
export const searchOf = (location: string): URLSearchParams => new URLSearchParams(location.split('?')[1] ?? '');

/** Matches "/requests/:id" against a path; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of p.entries()) {
    const seg = s[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return params;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

/** An in-console link: a real <a href> (open in new tab works), navigation without reload. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={href(to)} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
