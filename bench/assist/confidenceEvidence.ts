/**
 * The answer-confidence model's data: every labelled ticket of tickets-v2 (all splits, each
 * knowledge base present) prepared as the draft pipeline prepares it — the customer text
 * redacted with the ticket's vault, its language identified, five sources retrieved — turned into
 * the evidence features (server/src/assist/confidence/answerFeatures.ts). Labels: the ticket is
 * answerable; the sources answer it (answerable, and every answerable question has one of its
 * labelled documents among the five sources).
 */
import { ticketContextSchema, ticketCustomerText } from '../../shared/src/index.js';
import { answerFeatures, type EvidenceInput } from '../../server/src/assist/confidence/answerFeatures.js';
import { loadEvalCorpus, missingData } from '../../server/src/cli/evalKnowledgeBases.js';
import { buildEvalEngine, EVAL_TENANT } from '../../server/src/cli/evalRetrieval.js';
import {
  KNOWLEDGE_BASES,
  loadLabelledTickets,
  type KnowledgeBaseName,
  type LabelledTicket,
  type Split,
} from '../../server/src/cli/labelledTickets.js';
import { loadConfig } from '../../server/src/config/env.js';
import { createEmbedder } from '../../server/src/knowledge/embedding/createEmbedder.js';
import { detectLanguage } from '../../server/src/language/languageId.js';
import { vaultForTicket } from '../../server/src/security/ticketRedaction.js';
import { availableKbs, DATA_ROOT, kbCache, TICKETS_V2 } from '../knowledge/evalSets.js';
import { ticketContextOf } from './draftFactsRun.js';

/** Sources a draft is given (the pipeline's default k). */
const SOURCES = 5;
const MAX_QUERY_CHARS = 4000;

export interface EvidenceRow {
  ticketId: string;
  kb: KnowledgeBaseName;
  split: Split;
  language: string;
  answerable: boolean;
  /** The five sources hold a labelled document for every answerable question. */
  sourcesAnswer: boolean;
  features: number[];
  /** What the features were computed from (for trying new features without retrieving again). */
  input: EvidenceInput;
}

function sourcesAnswer(ticket: LabelledTicket, retrieved: readonly string[]): boolean {
  const answerable = ticket.questions.filter((q) => q.answerable);
  return answerable.length > 0 && answerable.every((q) => [...q.primary, ...q.alsoRelevant].some((id) => retrieved.includes(id)));
}

export async function collectEvidence(): Promise<EvidenceRow[]> {
  const config = loadConfig({ TANDEM_LOG_LEVEL: 'warn' });
  const embedder = createEmbedder(config.embedder);
  const tickets = (await loadLabelledTickets(TICKETS_V2)).filter((t) => t.split !== undefined);
  const rows: EvidenceRow[] = [];
  try {
    for (const kb of availableKbs(KNOWLEDGE_BASES)) {
      if (missingData(kb, DATA_ROOT) !== undefined) continue;
      const built = await buildEvalEngine(await loadEvalCorpus(kb, DATA_ROOT), config, embedder, { dataDir: kbCache(kb), quiet: true });
      try {
        for (const ticket of tickets.filter((t) => t.kb === kb)) {
          const context = ticketContextSchema.parse(ticketContextOf(ticket));
          const { vault } = vaultForTicket(context);
          const text = ticketCustomerText(context);
          const query = vault.redact(text).slice(0, MAX_QUERY_CHARS);
          const language = (await detectLanguage(text)).language;
          const { hits } = await built.engine.search(EVAL_TENANT, { query, k: SOURCES });
          const input: EvidenceInput = {
            query,
            language,
            passages: hits.map((h) => ({ title: h.title, text: h.text, sectionPath: h.sectionPath, score: h.score, signals: h.signals })),
          };
          rows.push({
            ticketId: ticket.id,
            kb,
            split: ticket.split as Split,
            language: ticket.language,
            answerable: ticket.answerable,
            sourcesAnswer: sourcesAnswer(
              ticket,
              hits.map((h) => built.externalIdOf(h.documentId)),
            ),
            features: answerFeatures(input),
            input,
          });
        }
      } finally {
        await built.engine.stop();
        await built.store.close();
      }
    }
    return rows;
  } finally {
    await embedder.close();
  }
}
