/**
 * Fitted by `fitInjectionModel.ts` (weights on the train split, threshold on the dev split);
 * regenerate with `npx tsx server/src/assist/safety/fitInjectionModel.ts` after changing cues or corpus.
 */
import type { InjectionModel } from './injectionModel.js';

export const INJECTION_MODEL: InjectionModel = {
  bias: -4.3926,
  threshold: 0.66,
  weights: {
    override: 3.0978,
    roleSwitch: 3.4001,
    promptLeak: 4.3023,
    secretLeak: 0.038,
    secrecy: 1.3846,
    bypass: 2.3184,
    addressAi: 0.669,
    aiImperative: 0.675,
    outputControl: 1.4716,
    authorityClaim: 0.4391,
    roleMarker: 1.8446,
    chatTemplate: 0.0305,
    fakeTool: 4.5902,
    fakeTranscript: 3.9049,
    payToOther: 1.7937,
    ownDestination: -1.6131,
    moneyAmount: 1.4781,
    dataExfil: 4.4517,
    decodeRequest: 0.3589,
    encoded: 2.268,
    disguised: 1.5965,
    invisible: 0.7843,
    cueCount: 8.6016,
  },
};
