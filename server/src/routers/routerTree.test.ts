// Proves the routers' shape, procedure by procedure: each tRPC procedure `a.b.c` has its own
// `routers/a/b/c.schema.ts` and `routers/a/b/c.handler.ts`, its resolver is a function exported by
// that handler file (never an inline arrow in a router), its input and output schemas are exported
// by that schema file, and no handler or schema file is left without its procedure.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../trpc/appRouter.js';

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  resolver: unknown;
  inputs: unknown[];
  output?: unknown;
}

const routersDir = import.meta.dirname;
/** `[path, procedure]` for every procedure of a router, by dotted path. */
function proceduresOf(procedures: Record<string, unknown>): [string, { _def: ProcedureDef }][] {
  return Object.entries(procedures)
    .map(([procedurePath, procedure]): [string, { _def: ProcedureDef }] => [procedurePath, procedure as { _def: ProcedureDef }])
    .sort(([a], [b]) => a.localeCompare(b));
}

const procedures = proceduresOf(appRouter._def.procedures);

async function exportsOf(file: string): Promise<unknown[]> {
  return Object.values((await import(file)) as Record<string, unknown>);
}

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(suffix)).map((e) => path.join(e.parentPath, e.name));
}

describe('router tree', () => {
  it('has procedures to check', () => {
    expect(procedures.length).toBeGreaterThan(30);
  });

  it.each(procedures)('%s has its own schema and handler files, and a handler exported from it', async (procedurePath, procedure) => {
    const base = path.join(routersDir, ...procedurePath.split('.'));
    const handlerExports = await exportsOf(`${base}.handler.ts`);
    const schemaExports = await exportsOf(`${base}.schema.ts`);
    expect(handlerExports, `${procedurePath}: the resolver must be exported by ${procedurePath}.handler.ts`).toContain(
      procedure._def.resolver,
    );
    for (const input of procedure._def.inputs) expect(schemaExports, `${procedurePath}: input schema`).toContain(input);
    if (procedure._def.output !== undefined) expect(schemaExports, `${procedurePath}: output schema`).toContain(procedure._def.output);
    expect(schemaExports.length, `${procedurePath}.schema.ts exports its schemas`).toBeGreaterThan(0);
  });

  it('leaves no handler or schema file without its procedure', async () => {
    const expected = new Set(procedures.map(([p]) => path.join(routersDir, ...p.split('.'))));
    const files = [...(await filesUnder(routersDir, '.handler.ts')), ...(await filesUnder(routersDir, '.schema.ts'))];
    const orphans = files.filter((f) => !expected.has(f.replace(/\.(handler|schema)\.ts$/, '')));
    expect(orphans.map((f) => path.relative(routersDir, f))).toEqual([]);
  });

  it('would fail a router that inlines its handler', async () => {
    const { router } = await import('../trpc/init.js');
    const { anyone } = await import('../trpc/procedures.js');
    const inline = router({ status: anyone.query(() => 'inline') });
    const handlerExports = await exportsOf(path.join(routersDir, 'health', 'status.handler.ts'));
    const [[, status] = []] = proceduresOf(inline._def.procedures);
    expect(status?._def.resolver).toBeTypeOf('function');
    expect(handlerExports).not.toContain(status?._def.resolver);
  });
});
