/**
 * The assist engine's public entry point for other domain units: what the website widget (which
 * answers customers itself instead of drafting for an agent) may use of it — the draft pipeline's
 * three stages and their inputs, the confidence score, the sources of live state, action
 * suggestions and the catalog's types. Everything else under assist/ is its own business; widen this on purpose.
 */
export type { AssistEngine } from './assistEngine.js';
export type { ActionContext, ActionDefinition } from './actions/actionDefinition.js';
export { suggestActions, type ActionCatalog } from './actions/suggestActions.js';
export { draftConfidence } from './confidence.js';
export { noLiveState, type LiveStateSource } from './liveState.js';
export type { AssistDeps, DraftJob, DraftOptions } from './pipeline/draftInputs.js';
export { finishDraft } from './pipeline/finishDraft.js';
export { PhaseTimings } from './pipeline/phaseTimings.js';
export { prepareDraft, type PreparedDraft } from './pipeline/prepareDraft.js';
export { streamWithFallback, type StreamedReply } from './pipeline/streamWithFallback.js';
