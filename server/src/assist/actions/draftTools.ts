/**
 * The actions a draft may offer the model as tools: name, description, risk and the JSON Schema of
 * what the model would send (input side, so fields with defaults are optional). The one place
 * tool schemas are built; a model's tool call only ever raises a suggestion.
 */
import type { DraftTool } from '../drafting/drafter.js';
import { toJsonSchema } from './actionRegistry.js';
import type { ActionCatalog } from './suggestActions.js';

/** Providers cap the number of tools; beyond a handful the model chooses worse anyway. */
export const MAX_DRAFT_TOOLS = 16;

export function draftToolsOf(catalog: ActionCatalog, max = MAX_DRAFT_TOOLS): DraftTool[] {
  return catalog
    .list()
    .slice(0, max)
    .map((action) => ({
      name: action.name,
      description: `${action.title}. ${action.description}`,
      risk: action.risk,
      parameters: toJsonSchema(action.argumentsSchema),
    }));
}
