// Proves the architecture's boundaries are enforced by lint, not by good intentions: each case is
// a file an engineer might write, linted at its real path with the real config.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The cases below are files that do not exist, so they have no TypeScript project: they are linted
// with the real config minus its type-aware part. The type-aware rules get cases on real files.
const eslint = new ESLint({ cwd: import.meta.dirname, overrideConfig: tseslint.configs.disableTypeChecked });
// CI=true puts typescript-eslint in single-run mode, which types a file from disk instead of the
// text handed to lintText: the typed cases would then read the real file and see nothing.
const typedEslint = new ESLint({
  cwd: import.meta.dirname,
  overrideConfig: { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } },
});

async function ruleIdsFor(filePath: string, code: string, linter = eslint): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath });
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

  it('keeps the shared panel free of the apps, the server, Node and `chrome`', async () => {
    const at = 'panel/src/draft/NewCard.tsx';
    expect(await ruleIdsFor(at, "import { x } from '../../../extension/src/settings/x';\nexport const y = x;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor(at, "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor(at, "import { appRouter } from '@tandem/server/app-router';\nexport const r = appRouter;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor(at, 'export const open = () => chrome.tabs.create({ url: "https://example.com" });\n')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIdsFor('shared/src/leak.ts', "import { DraftPanel } from '@tandem/panel';\nexport const p = DraftPanel;\n")).toContain(
      'no-restricted-imports',
    );
    // Both apps import it, and React with its hooks rules is at home there.
    expect(
      await ruleIdsFor('desktop/src/renderer/ok.ts', "import { openLink } from '@tandem/panel';\nexport const o = openLink;\n"),
    ).toEqual([]);
    expect(
      await ruleIdsFor(at, "import { useState } from 'react';\nexport function useX(on: boolean) {\n  if (on) useState(0);\n}\n"),
    ).toContain('react-hooks/rules-of-hooks');
  });

  it('keeps zod out of code that runs in helpdesk pages, types excepted', async () => {
    expect(await ruleIdsFor('extension/src/adapters/newAdapter.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(
      await ruleIdsFor(
        'extension/src/contents/newSite.ts',
        "import { TICKET_LIMITS } from '@tandem/shared';\nexport const l = TICKET_LIMITS;\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await ruleIdsFor(
        'extension/src/ticketWatch/leak.ts',
        "import { contentScriptMessageSchema } from '../messages/messages';\nexport const s = contentScriptMessageSchema;\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    const typesAndLean =
      "import type { TicketContext } from '@tandem/shared';\nimport { TICKET_LIMITS } from '@tandem/shared/ticket-reading';\nexport const l: TicketContext['subject'] = String(TICKET_LIMITS.subjectChars);\n";
    expect(await ruleIdsFor('extension/src/adapters/newAdapter.ts', typesAndLean)).toEqual([]);
    // The background and the tests keep validating with zod.
    expect(await ruleIdsFor('extension/src/background/relay.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('keeps zod, Node, server code and HTML parsing out of the website widget bundle, types excepted', async () => {
    const at = 'server/widget-src/src/ui/newView.ts';
    expect(await ruleIdsFor(at, "import { z } from 'zod';\nexport const s = z.string();\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await ruleIdsFor(at, "import { widgetEventSchema } from '@tandem/shared';\nexport const s = widgetEventSchema;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await ruleIdsFor(at, "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await ruleIdsFor(at, "import { eventOf } from '../../../src/widget/widgetEvents.js';\nexport const e = eventOf;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await ruleIdsFor(at, 'export function show(el: HTMLElement, text: string): void {\n  el.innerHTML = text;\n}\n')).toContain(
      'no-restricted-properties',
    );
    expect(await ruleIdsFor(at, "import type { WidgetEvent } from '@tandem/shared';\nexport type E = WidgetEvent;\n")).toEqual([]);
    // Its tests check the hand-written readers against the zod schemas.
    expect(
      await ruleIdsFor('server/widget-src/src/ui/newView.test.ts', "import { z } from 'zod';\nexport const s = z.string();\n"),
    ).toEqual([]);
  });

  it('fails `window` in the extension background', async () => {
    expect(await ruleIdsFor('extension/src/background.ts', 'export const href = window.location.href;\n')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIdsFor('extension/src/background/index.ts', 'document.title = "x";\n')).toContain('no-restricted-globals');
  });

  it('fails a promise nobody awaits or handles, with type information, on a real file', async () => {
    const floating = "import { readFile } from 'node:fs/promises';\nexport function f(): void {\n  readFile('x');\n}\n";
    expect(await ruleIdsFor('server/src/errors/serviceError.ts', floating, typedEslint)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
    const handled = "import { readFile } from 'node:fs/promises';\nexport function f(): void {\n  void readFile('x');\n}\n";
    expect(await ruleIdsFor('server/src/errors/serviceError.ts', handled, typedEslint)).toEqual([]);
    const misused = 'export function f(items: number[]): number[] {\n  return items.filter(async (n) => n > 1);\n}\n';
    expect(await ruleIdsFor('extension/src/panel/ticketSource.ts', misused, typedEslint)).toContain(
      '@typescript-eslint/no-misused-promises',
    );
    // Type-aware lint builds a TypeScript program over the whole project: ~15 s alone, over a minute on a loaded machine.
  }, 180_000);

  it('fails a hook called conditionally in the extension and the console', async () => {
    const conditional =
      "import { useState } from 'react';\nexport function Card({ open }: { open: boolean }) {\n  if (open) useState(0);\n  return null;\n}\n";
    expect(await ruleIdsFor('extension/src/panel/Card.tsx', conditional)).toContain('react-hooks/rules-of-hooks');
    expect(await ruleIdsFor('desktop/src/renderer/Card.tsx', conditional)).toContain('react-hooks/rules-of-hooks');
  });

  it('fails `any`', async () => {
    expect(await ruleIdsFor('server/src/loose.ts', 'export const f = (x: any) => x;\n')).toContain('@typescript-eslint/no-explicit-any');
  });
});

describe('server floors (server/src)', () => {
  const imports = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;
  const layerErrors = async (filePath: string, specifier: string) =>
    (await ruleIdsFor(filePath, imports(specifier))).filter((id) => id === 'tandem/server-layers');

  it('fails an import up the floors', async () => {
    expect(await layerErrors('server/src/storage/x.ts', '../knowledge/knowledgeEngine.js')).toHaveLength(1);
    expect(await layerErrors('server/src/storage/x.ts', '../auth/bootstrapAdmin.js')).toHaveLength(1);
    expect(await layerErrors('server/src/config/x.ts', '../assist/actions/actionRegistry.js')).toHaveLength(1);
    expect(await layerErrors('server/src/security/x.ts', '../storage/ids.js')).toHaveLength(1);
    expect(await layerErrors('server/src/knowledge/ingest/x.ts', '../../cli/main.js')).toHaveLength(1);
    expect(await layerErrors('server/src/live/x.ts', '../routers/live/router.js')).toHaveLength(1);
    expect(await layerErrors('server/src/routers/x/y.ts', '../../createServer.js')).toHaveLength(1);
  });

  it('lets imports go down the floors', async () => {
    expect(await layerErrors('server/src/knowledge/x.ts', '../security/hostGuard.js')).toEqual([]);
    expect(await layerErrors('server/src/storage/x.ts', '../config/env.js')).toEqual([]);
    expect(await layerErrors('server/src/routers/knowledge/x.ts', '../../knowledge/knowledgeEngine.js')).toEqual([]);
    expect(await layerErrors('server/src/cli/x.ts', '../createServer.js')).toEqual([]);
  });

  it('keeps the domain units apart; assist reads knowledge and live through their entry points only', async () => {
    expect(await layerErrors('server/src/live/outbound/x.ts', '../../knowledge/sources/hostGuard.js')).toHaveLength(1);
    expect(await layerErrors('server/src/knowledge/x.ts', '../assist/assistEngine.js')).toHaveLength(1);
    expect(await layerErrors('server/src/assist/x.ts', '../knowledge/search/searchKnowledge.js')).toHaveLength(1);
    expect(await layerErrors('server/src/assist/x.ts', '../live/liveContext.js')).toHaveLength(1);
    expect(await layerErrors('server/src/assist/drafting/x.ts', '../../knowledge/index.js')).toEqual([]);
    expect(await layerErrors('server/src/assist/x.ts', '../live/index.js')).toEqual([]);
  });

  it('puts analytics on the domain floor: it reads storage, not the other domain units, and nothing below reads it', async () => {
    expect(await layerErrors('server/src/analytics/x.ts', '../storage/analytics/analyticsEventsRepo.js')).toEqual([]);
    expect(await layerErrors('server/src/analytics/x.ts', '../widget/widgetService.js')).toHaveLength(1);
    expect(await layerErrors('server/src/analytics/alerts/x.ts', '../../live/index.js')).toEqual([]);
    expect(await layerErrors('server/src/analytics/x.ts', '../live/liveContext.js')).toHaveLength(1);
    expect(await layerErrors('server/src/storage/x.ts', '../analytics/metrics/computeMetrics.js')).toHaveLength(1);
    expect(await layerErrors('server/src/routers/analytics/x.ts', '../../analytics/analyticsService.js')).toEqual([]);
  });

  it('lets the widget read assist and live through their entry points only, and keeps the other domain units from it', async () => {
    expect(await layerErrors('server/src/widget/x.ts', '../assist/index.js')).toEqual([]);
    expect(await layerErrors('server/src/widget/x.ts', '../live/index.js')).toEqual([]);
    expect(await layerErrors('server/src/widget/x.ts', '../storage/widget/widgetSitesRepo.js')).toEqual([]);
    expect(await layerErrors('server/src/widget/x.ts', '../assist/pipeline/prepareDraft.js')).toHaveLength(1);
    expect(await layerErrors('server/src/widget/x.ts', '../live/liveContext.js')).toHaveLength(1);
    expect(await layerErrors('server/src/widget/x.ts', '../knowledge/index.js')).toHaveLength(1);
    expect(await layerErrors('server/src/widget/x.ts', '../plugins/widgetPlugin.js')).toHaveLength(1);
    expect(await layerErrors('server/src/assist/x.ts', '../widget/widgetService.js')).toHaveLength(1);
    expect(await layerErrors('server/src/plugins/x.ts', '../widget/widgetService.js')).toEqual([]);
  });

  it('lets only createServer reach the demo store, and the demo store only the floors below the domain', async () => {
    expect(await layerErrors('server/src/assist/actions/x.ts', '../../demoStore/demoStoreApi.js')).toHaveLength(1);
    expect(await layerErrors('server/src/routers/x/y.ts', '../../demoStore/demoStoreApi.js')).toHaveLength(1);
    expect(await layerErrors('server/src/createServer.ts', './demoStore/demoStoreApi.js')).toEqual([]);
    expect(await layerErrors('server/src/demoStore/x.ts', '../assist/connectors/demoStore.js')).toHaveLength(1);
    expect(await layerErrors('server/src/demoStore/x.ts', '../security/hmacSignature.js')).toEqual([]);
  });

  it('keeps test helpers out of production code, and lets tests assemble any parts', async () => {
    expect(await layerErrors('server/src/knowledge/x.ts', '../testing/fakeOpenAi.js')).toHaveLength(1);
    expect(await layerErrors('server/src/knowledge/x.test.ts', '../testing/fakeOpenAi.js')).toEqual([]);
    expect(await layerErrors('server/src/storage/x.test.ts', '../createServer.js')).toEqual([]);
  });

  it('fails a unit the floors do not know', async () => {
    expect(await layerErrors('server/src/widgets/x.ts', '../storage/ids.js')).toHaveLength(1);
    expect(await layerErrors('server/src/knowledge/x.ts', '../widgets/x.js')).toHaveLength(1);
  });
});
