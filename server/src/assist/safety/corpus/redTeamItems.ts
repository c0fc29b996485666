/**
 * The red-team held-out set (`redTeamHeldOut.ts`, written blind to the classifier by someone else
 * on the team; nothing was ever tuned on it) as labelled items the evaluation reads. Only its
 * exported lists are used here; its texts are never read to write cues or choose weights.
 */
import type { LabelledText } from '../injectionEvaluation.js';
import { RED_TEAM_BENIGN, RED_TEAM_HOSTILE } from './redTeamHeldOut.js';

export function redTeamItems(): LabelledText[] {
  return [
    ...RED_TEAM_HOSTILE.map((text, i) => ({ id: `red-team/hostile/${i}`, hostile: true, text })),
    ...RED_TEAM_BENIGN.map((text, i) => ({ id: `red-team/benign/${i}`, hostile: false, text })),
  ];
}
