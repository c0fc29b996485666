// Proves the architecture's boundaries are enforced by lint, not by good intentions: each case is
// a file an engineer might write, linted at its real path with the real config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: import.meta.dirname });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('lint boundaries', () => {
  it('fails an import from an app into shared/', async () => {
    expect(
      await ruleIdsFor('shared/src/leak.ts', "import { appRouter } from '@tandem/server/app-router';\nexport const r = appRouter;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIdsFor('shared/src/leak.ts', "import { x } from '../../extension/src/x';\nexport const y = x;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('fails Node- or browser-only APIs in shared/', async () => {
    expect(await ruleIdsFor('shared/src/fsUse.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('shared/src/dom.ts', 'export const w = window.location.href;\n')).toContain('no-restricted-globals');
  });

  it('lets clients import only the AppRouter type from the server', async () => {
    const typeOnly = "import type { AppRouter } from '@tandem/server/app-router';\nexport type R = AppRouter;\n";
    expect(await ruleIdsFor('extension/src/ok.ts', typeOnly)).toEqual([]);
    expect(await ruleIdsFor('desktop/src/renderer/ok.ts', typeOnly)).toEqual([]);
    expect(
      await ruleIdsFor('extension/src/bad.ts', "import { appRouter } from '@tandem/server/app-router';\nexport const r = appRouter;\n"),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await ruleIdsFor(
        'desktop/src/renderer/bad.ts',
        "import type { ServerConfig } from '@tandem/server/config';\nexport type C = ServerConfig;\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('fails `window` in the extension background', async () => {
    expect(await ruleIdsFor('extension/src/background.ts', 'export const href = window.location.href;\n')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIdsFor('extension/src/background/index.ts', 'document.title = "x";\n')).toContain('no-restricted-globals');
  });

  it('fails `any`', async () => {
    expect(await ruleIdsFor('server/src/loose.ts', 'export const f = (x: any) => x;\n')).toContain('@typescript-eslint/no-explicit-any');
  });
});
