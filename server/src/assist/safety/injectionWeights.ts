/**
 * Fitted by `fitInjectionModel.ts` (weights on the train split, threshold on the dev split);
 * regenerate with `npx tsx server/src/assist/safety/fitInjectionModel.ts` after changing cues or corpus.
 */
import type { InjectionModel } from './injectionModel.js';

export const INJECTION_MODEL: InjectionModel = {
  bias: -2.5549,
  threshold: 0.38,
  weights: {
    override: 1.5711,
    roleSwitch: 1.5348,
    promptLeak: 1.8977,
    secretLeak: 0.0213,
    secrecy: 1.1601,
    bypass: 1.1378,
    addressAi: 1.3868,
    aiImperative: 0.2495,
    outputControl: 1.2071,
    authorityClaim: 0.6715,
    roleMarker: 1.5119,
    chatTemplate: 0.2135,
    fakeTool: 2.1828,
    fakeTranscript: 0.4515,
    payToOther: 0.7098,
    ownDestination: -1.0918,
    moneyAmount: 0.7114,
    dataExfil: 2.0821,
    decodeRequest: 0.3436,
    encoded: 1.7203,
    disguised: 1.0165,
    invisible: 0.5632,
    cueCount: 4.4973,
  },
};
