/**
 * The console's screens, in navigation order. Adding a screen is one entry here: its id (the URL
 * hash), its label in the navigation, and its component (which reads the session from context).
 */
import type { ComponentType } from 'react';
import { AlertsScreen } from '../screens/alerts/AlertsScreen';
import { ConversationsScreen } from '../screens/ConversationsScreen';
import { CopilotEntry } from '../screens/copilot/CopilotEntry';
import { KnowledgeScreen } from '../screens/KnowledgeScreen';
import { OverviewScreen } from '../screens/OverviewScreen';
import { ReviewScreen } from '../screens/ReviewScreen';
import { TeamScreen } from '../screens/TeamScreen';

export interface ConsoleScreen {
  id: string;
  label: string;
  /** One line under the screen's title. */
  summary: string;
  Component: ComponentType;
}

export const CONSOLE_SCREENS: readonly ConsoleScreen[] = [
  {
    id: 'overview',
    label: 'Overview',
    summary: 'What the copilot and the team are doing, your workspace and how the server is doing.',
    Component: OverviewScreen,
  },
  {
    id: 'review',
    label: 'Review queue',
    summary: 'Low-confidence and flagged answers to check before they teach the copilot.',
    Component: ReviewScreen,
  },
  {
    id: 'copilot',
    label: 'Copilot',
    summary: 'The copilot for the ticket open in your browser; leads can follow an agent read-only.',
    Component: CopilotEntry,
  },
  { id: 'knowledge', label: 'Knowledge', summary: 'Sources and documents the copilot answers from.', Component: KnowledgeScreen },
  {
    id: 'conversations',
    label: 'Conversations',
    summary: 'Widget conversations, transcripts and the handoff queue.',
    Component: ConversationsScreen,
  },
  {
    id: 'alerts',
    label: 'Alerts',
    summary: 'Rules that watch waits, sentiment, fallbacks and CSAT, and the alerts they raise.',
    Component: AlertsScreen,
  },
  { id: 'team', label: 'Team & widget', summary: 'API tokens and roles; the widget on your websites.', Component: TeamScreen },
];
