/** Analytics alert rules: the engine that evaluates them and the service the API calls. */
export { alertEngine, type AlertEngine, type AlertTransition } from './alertEngine.js';
export { alertRulesService, type AlertRulesService } from './alertRulesService.js';
export type { AlertDelivery } from './alertMessages.js';
