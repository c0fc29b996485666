/**
 * The assist panel both the extension's side panel and the desktop Copilot screen render: the
 * ticket header, the streamed draft with citations, Insert, feedback, the suggested actions with
 * their confirm dialog, and the knowledge cards. Presentational React and the draft's state
 * machine only; where a ticket comes from and how a draft is inserted are the caller's
 * (`chrome.*` stays in extension/, the desktop's presence channel in desktop/).
 */
export { ActionsList, type ActionsClient } from './actions/ActionsList';
export { ConfirmActionDialog } from './actions/ConfirmActionDialog';
export { DraftPanel, type DraftPanelProps, type FeedbackClient, type PanelClient, type PanelDraftState } from './draft/DraftPanel';
export { DraftFeedback, type DraftRating } from './draft/DraftFeedback';
export { describePanelError, panelErrorFrom, type PanelError } from './draft/panelError';
export { runInsert, type InsertDraft, type InsertDraftReply, type InsertStatus } from './draft/insertStatus';
export {
  createPanelCommands,
  isPanelCommand,
  panelCommandForKey,
  usePanelCommands,
  type PanelCommand,
  type PanelCommands,
} from './draft/panelCommands';
export { ticketKey, useDraft, type DraftClient, type DraftObserver, type DraftOptions, type UseDraft } from './draft/useDraft';
export { initialDraftState, type DraftState, type DraftStatus } from './draft/draftState';
export { LiveFacts } from './header/LiveFacts';
export { TicketHeader, type TicketHeaderProps } from './header/TicketHeader';
export { KnowledgeCards, type KnowledgeCardsProps } from './KnowledgeCards';
export { CARD_COUNT, type KnowledgeCacheStatus, type KnowledgeCacheView, type KnowledgeCards as KnowledgeCardList } from './cardTypes';
export { openLink } from './openLink';
