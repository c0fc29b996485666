/**
 * Turns one ingestion item (an uploaded file, a fetched page, a help-center article) into the
 * document the store keeps: parsed, chunked along its structure, with a content hash so an
 * unchanged re-sync stores nothing.
 */
import { createHash } from 'node:crypto';
import { chunkDocument } from '../chunking/chunker.js';
import { IngestError } from '../ingestError.js';
import type { ParseLimits } from '../parsing/parsedDocument.js';
import { parseDocument } from '../parsing/registry.js';
import type { ChunkInput } from '../../storage/knowledgeRepo.js';
import { articleFormat, helpCenterArticleSchema, type HelpCenterArticle } from './helpCenterArticle.js';

export interface PreparedDocument {
  externalId: string;
  title: string;
  url?: string | undefined;
  language?: string | undefined;
  tags: string[];
  contentHash: string;
  chunks: ChunkInput[];
}

const encoder = new TextEncoder();

function hashOf(title: string, chunks: readonly ChunkInput[]): string {
  const hash = createHash('sha256').update(title);
  for (const c of chunks) hash.update('\u0000').update(c.sectionPath.join('\u0001')).update('\u0002').update(c.text);
  return hash.digest('hex');
}

function titleFromName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return (
    base
      .replace(/\.[a-z0-9]+$/i, '')
      .replace(/[-_]+/g, ' ')
      .trim() || base
  );
}

async function fromParsed(
  input: { bytes: Uint8Array; fileName: string; url?: string },
  limits: ParseLimits,
  meta: { externalId: string; title?: string; url?: string; language?: string; tags?: string[] },
): Promise<PreparedDocument> {
  const parsed = await parseDocument(input, limits);
  const chunks = chunkDocument(parsed).map((c) => ({ text: c.text, sectionPath: c.sectionPath }));
  if (chunks.length === 0) throw new IngestError('NO_TEXT', 'The document has no text to index');
  const title = (meta.title ?? parsed.title ?? titleFromName(input.fileName)).slice(0, 500);
  return {
    externalId: meta.externalId,
    title,
    url: meta.url ?? input.url,
    language: meta.language ?? parsed.language,
    tags: meta.tags ?? [],
    contentHash: hashOf(title, chunks),
    chunks,
  };
}

export function prepareArticle(article: HelpCenterArticle, limits: ParseLimits): Promise<PreparedDocument> {
  const format = articleFormat(article.body);
  return fromParsed({ bytes: encoder.encode(article.body), fileName: `${article.id}.${format === 'html' ? 'html' : 'md'}` }, limits, {
    externalId: article.id,
    title: article.title,
    ...(article.url === undefined ? {} : { url: article.url }),
    ...(article.language === undefined ? {} : { language: article.language }),
    ...(article.tags === undefined ? {} : { tags: article.tags }),
  });
}

/**
 * A JSON file holding one article or an array of them (`{id, title, content|body}`) is a set of
 * articles; any other file is one document named by its path.
 */
export async function prepareFile(name: string, bytes: Uint8Array, limits: ParseLimits): Promise<PreparedDocument[]> {
  if (bytes.byteLength === 0) throw new IngestError('EMPTY', 'The file is empty');
  if (bytes.byteLength > limits.maxBytes) {
    throw new IngestError(
      'TOO_LARGE',
      `The file is ${(bytes.byteLength / 1e6).toFixed(1)} MB; the limit is ${(limits.maxBytes / 1e6).toFixed(1)} MB`,
    );
  }
  if (/\.json$/i.test(name)) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new IngestError('CORRUPT', 'The JSON file does not parse');
    }
    const list = Array.isArray(json) ? json : [json];
    const articles = list.map((a) => helpCenterArticleSchema.safeParse(a));
    if (articles.length === 0 || articles.some((a) => !a.success)) {
      throw new IngestError('UNSUPPORTED_FORMAT', 'A JSON file must hold an article {id, title, content} or an array of them');
    }
    return Promise.all(articles.map((a) => prepareArticle(a.data as HelpCenterArticle, limits)));
  }
  return [await fromParsed({ bytes, fileName: name }, limits, { externalId: name })];
}

export async function preparePage(
  page: { url: string; bytes: Uint8Array; fileName: string },
  limits: ParseLimits,
): Promise<PreparedDocument> {
  return fromParsed({ bytes: page.bytes, fileName: page.fileName, url: page.url }, limits, { externalId: page.url, url: page.url });
}
