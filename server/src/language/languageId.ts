/**
 * Language identification with fastText's lid.176 model (176 languages, ~0.1 ms per text), loaded
 * once on first use. Short or ambiguous text is reported as undetermined rather than guessed.
 */
import { getLIDModel } from 'fasttext.wasm.js';

export interface DetectedLanguage {
  /** ISO 639-1 where one exists (`en`, `es`), else the model's code; `und` when unsure. */
  language: string;
  confidence: number;
}

type LidModel = Awaited<ReturnType<typeof getLIDModel>>;
let model: Promise<LidModel> | undefined;

async function loadModel(): Promise<LidModel> {
  const m = await getLIDModel();
  await m.load();
  return m;
}

const MIN_CONFIDENCE = 0.4;

export async function detectLanguage(text: string): Promise<DetectedLanguage> {
  const sample = text.replace(/\s+/g, ' ').trim().slice(0, 2000);
  if (sample.replace(/[^\p{L}]/gu, '').length < 3) return { language: 'und', confidence: 0 };
  model ??= loadModel();
  const result = await (await model).identify(sample);
  const language = result.alpha2 ?? result.alpha3;
  return result.possibility < MIN_CONFIDENCE
    ? { language: 'und', confidence: result.possibility }
    : { language, confidence: result.possibility };
}
