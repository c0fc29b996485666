// The side panel and the desktop Copilot screen render from one panel module, not two copies: the
// import graphs of both entry points (extension/src/sidepanel.tsx and the Copilot screen, lazy
// import included) are resolved the way their builds resolve them, and both must reach the same
// files of @tandem/panel, while no other file in either graph declares the panel's components.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../../..');
const sidePanelEntry = path.join(root, 'extension/src/sidepanel.tsx');
const copilotEntry = path.join(root, 'desktop/src/renderer/screens/copilot/CopilotEntry.tsx');
const PANEL_COMPONENTS = ['DraftPanel', 'KnowledgeCards', 'TicketHeader', 'ActionsList', 'ConfirmActionDialog', 'DraftFeedback'];

function compilerOptions(tsconfig: string): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (config === undefined) throw new Error(`cannot read ${tsconfig}`);
  return config.options;
}

/** Every source file the entry reaches through relative and workspace imports (not node_modules). */
function importGraph(entry: string, options: ts.CompilerOptions): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      // A workspace package resolves through its node_modules link to its real folder: kept; real libraries are not.
      if (resolved === undefined) continue;
      const real = ts.sys.realpath?.(resolved.resolvedFileName) ?? resolved.resolvedFileName;
      if (/\.(ts|tsx)$/.test(real) && !real.endsWith('.d.ts') && !real.includes(`${path.sep}node_modules${path.sep}`)) pending.push(real);
    }
  }
  return seen;
}

/** Files of the graph that declare one of the panel's components (a function or a const of that name). */
function declarers(graph: Set<string>): string[] {
  const pattern = new RegExp(`export (function|const) (${PANEL_COMPONENTS.join('|')})\\b`);
  return [...graph].filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => path.relative(root, f));
}

describe('one panel for the side panel and the desktop Copilot screen', () => {
  const sidePanel = importGraph(sidePanelEntry, compilerOptions(path.join(root, 'extension/tsconfig.json')));
  const copilot = importGraph(copilotEntry, compilerOptions(path.join(root, 'desktop/tsconfig.json')));

  it('reaches the same panel files from both entry points', () => {
    const panelFiles = (graph: Set<string>) => [...graph].filter((f) => f.startsWith(path.join(root, 'panel/src'))).sort();
    const shared = panelFiles(sidePanel).filter((f) => copilot.has(f));
    for (const file of [
      'draft/DraftPanel.tsx',
      'KnowledgeCards.tsx',
      'header/TicketHeader.tsx',
      'actions/ActionsList.tsx',
      'draft/DraftFeedback.tsx',
    ])
      expect(shared, file).toContain(path.join(root, 'panel/src', file));
  });

  it('has no second copy of a panel component in either app', () => {
    const expected = [
      'panel/src/KnowledgeCards.tsx',
      'panel/src/actions/ActionsList.tsx',
      'panel/src/actions/ConfirmActionDialog.tsx',
      'panel/src/draft/DraftFeedback.tsx',
      'panel/src/draft/DraftPanel.tsx',
      'panel/src/header/TicketHeader.tsx',
    ];
    expect(declarers(sidePanel).sort()).toEqual(expected);
    expect(declarers(copilot).sort()).toEqual(expected);
  });
});
