/**
 * The unanswered-questions service behind `unanswered.list`: gathers a period's questions the
 * knowledge base could not answer (gatherQuestions.ts), clusters them with the server's embedder
 * when one is configured, else (or when it fails) by shared words, and returns the largest
 * clusters with counts, reasons and redacted examples — the console gap finder's input.
 */
import type { AnalyticsPeriod } from '@tandem/shared';
import type { Logger } from 'pino';
import { clusterByEmbedding, type QuestionEmbedder } from './clusterByEmbedding.js';
import { clusterQuestions, type QuestionCluster } from './clusterQuestions.js';
import { gatherUnansweredQuestions, type GatherDeps } from './gatherQuestions.js';

export interface UnansweredReport {
  /** Unanswered questions in the period (all clusters, not only those returned). */
  total: number;
  /** How the questions were grouped. */
  method: 'embedding' | 'lexical';
  clusters: QuestionCluster[];
}

export interface UnansweredQuestionsDeps extends GatherDeps {
  embedder: QuestionEmbedder | undefined;
  log: Pick<Logger, 'warn'>;
  /** An answer below this confidence counts as unanswered. */
  lowConfidence?: number | undefined;
  minSimilarity?: { embedding?: number | undefined; lexical?: number | undefined } | undefined;
}

export function unansweredQuestions(deps: UnansweredQuestionsDeps) {
  return {
    async list(workspaceId: string, period: AnalyticsPeriod, limit: number): Promise<UnansweredReport> {
      const questions = await gatherUnansweredQuestions(deps, workspaceId, period, { lowConfidence: deps.lowConfidence });
      let method: UnansweredReport['method'] = 'lexical';
      let clusters: QuestionCluster[] | undefined;
      if (deps.embedder !== undefined && questions.length > 0) {
        try {
          clusters = await clusterByEmbedding(questions, deps.embedder, { minSimilarity: deps.minSimilarity?.embedding });
          method = 'embedding';
        } catch (error) {
          // Words still group rephrasings; the gap finder should not go blank because the embedder did.
          deps.log.warn(
            { err: error instanceof Error ? error.message : String(error), embedder: deps.embedder.id },
            'unanswered: embedder failed, clustering by words',
          );
        }
      }
      clusters ??= clusterQuestions(questions, { minSimilarity: deps.minSimilarity?.lexical });
      return { total: questions.length, method, clusters: clusters.slice(0, limit) };
    },
  };
}
export type UnansweredQuestions = ReturnType<typeof unansweredQuestions>;
