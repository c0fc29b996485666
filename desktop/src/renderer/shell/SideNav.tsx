/**
 * The screens' navigation: a list of links in a <nav> landmark. Tab reaches the current one;
 * the arrow keys, Home and End move between them (one tab stop, as a toolbar would).
 */
import { useRef, type KeyboardEvent } from 'react';
import type { ConsoleScreen } from './screens';
import { rovingTarget } from './rovingFocus';

export interface SideNavProps {
  screens: readonly ConsoleScreen[];
  current: string;
  onNavigate(id: string): void;
}

export function SideNav({ screens, current, onNavigate }: SideNavProps) {
  const links = useRef<(HTMLAnchorElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>, index: number) => {
    const target = rovingTarget(event.key, index, screens.length, 'vertical');
    if (target === undefined) return;
    event.preventDefault();
    links.current[target]?.focus();
  };

  return (
    <nav className="sidenav" aria-label="Console screens">
      <ul className="sidenav__list">
        {screens.map((screen, index) => {
          const active = screen.id === current;
          return (
            <li key={screen.id}>
              <a
                ref={(el) => {
                  links.current[index] = el;
                }}
                className={active ? 'sidenav__link sidenav__link--active' : 'sidenav__link'}
                href={`#/${screen.id}`}
                aria-current={active ? 'page' : undefined}
                tabIndex={active ? 0 : -1}
                data-testid={`nav-${screen.id}`}
                onKeyDown={(event) => onKeyDown(event, index)}
                onClick={(event) => {
                  event.preventDefault();
                  onNavigate(screen.id);
                }}
              >
                {screen.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
