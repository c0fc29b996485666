/**
 * Which console screen is open, kept in the URL's hash (`#/knowledge`) so reloads, the back
 * button and links land on the same screen. Unknown names fall back to the first screen.
 */
import { useCallback, useEffect, useState } from 'react';

function fromHash(known: readonly string[]): string {
  const name = window.location.hash.replace(/^#\/?/, '');
  return known.includes(name) ? name : (known[0] ?? '');
}

export function useHashRoute(known: readonly string[]): [string, (id: string) => void] {
  const [current, setCurrent] = useState(() => fromHash(known));
  useEffect(() => {
    const update = () => setCurrent(fromHash(known));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [known]);
  const go = useCallback((id: string) => {
    if (window.location.hash !== `#/${id}`) window.location.hash = `/${id}`;
    setCurrent(id);
  }, []);
  return [current, go];
}
