/** The console capability: the team-lead console (the desktop app's renderer) served at `/console`. */
import { registerConsoleRoutes } from '../http/consoleRoutes.js';
import type { Capability } from './capability.js';

export function consolePlugin(consoleDir: string): Capability {
  return { name: 'console', routes: (scope) => registerConsoleRoutes(scope, consoleDir) };
}
