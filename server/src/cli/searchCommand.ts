/**
 * `tandem search "<query>"`: asks the running server and prints the best passages (or JSON).
 */
import type { ServerClient } from './serverClient.js';

export async function searchCommand(api: ServerClient, query: string, options: { k: number; json: boolean }): Promise<number> {
  const result = await api.knowledge.search.query({ query, k: options.k });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  if (result.hits.length === 0) {
    process.stdout.write('No knowledge matches that query.\n');
    return 0;
  }
  process.stdout.write(`${result.hits.length} results (${result.language}, ${result.tookMs} ms)\n\n`);
  for (const [i, hit] of result.hits.entries()) {
    const where = [hit.title, ...hit.sectionPath.filter((s) => s !== hit.title)].join(' › ');
    process.stdout.write(`${i + 1}. ${where}  (score ${hit.score.toFixed(2)})${hit.url === undefined ? '' : `\n   ${hit.url}`}\n`);
    const excerpt = hit.text.replace(/\s+/g, ' ').slice(0, 280);
    process.stdout.write(`   ${excerpt}${hit.text.length > 280 ? '…' : ''}\n\n`);
  }
  return 0;
}
