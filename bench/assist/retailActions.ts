/**
 * Action suggestions on the tau2-bench retail tasks, read from ../shared/data and never copied
 * into the repo: each task's scenario becomes a ticket as a helpdesk shows it (nobody identified
 * yet), Tandem's real `suggestActions` ranks the demo store's actions, and the figure is how often
 * the task's first gold tool call is among the top three. The peer in the same run ranks the same
 * actions by word overlap with the ticket alone.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ticketContextSchema, type TicketContext } from '../../shared/src/ticket.js';
import { analyze } from '../../shared/src/search/index.js';
import type { ActionDefinition } from '../../server/src/assist/actions/actionDefinition.js';
import { createActionRegistry } from '../../server/src/assist/actions/actionRegistry.js';
import { readTicket } from '../../server/src/assist/actions/definitions/ticketClues.js';
import { suggestActions } from '../../server/src/assist/actions/suggestActions.js';
import type { BenchRow } from '../report.js';

const AREA = 'assist actions';
const COMMAND = '`npm run bench -- actions`';
const LIMIT = 3;

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RETAIL_TASKS = path.resolve(ROOT, '..', 'shared', 'data', 'tau2-bench', 'retail', 'tasks.json');

/** Tandem's demo-store actions and the tau2 retail tools they stand for (same shop semantics, other names). */
const TAU2_TOOL: Readonly<Record<string, string>> = {
  'demoStore.findCustomerByNameZip': 'find_user_id_by_name_zip',
  'demoStore.findCustomerByEmail': 'find_user_id_by_email',
  'demoStore.getOrder': 'get_order_details',
  'demoStore.cancelOrder': 'cancel_pending_order',
  'demoStore.modifyOrderAddress': 'modify_pending_order_address',
  'demoStore.returnItems': 'return_delivered_order_items',
  'demoStore.exchangeItems': 'exchange_delivered_order_items',
  'demoStore.modifyOrderItems': 'modify_pending_order_items',
  'demoStore.modifyCustomerAddress': 'modify_user_address',
  'demoStore.getCustomer': 'get_user_details',
  'demoStore.getProduct': 'get_product_details',
  'demoStore.transferToHuman': 'transfer_to_human_agents',
};

/** The tau2 tools that change one order: without an order id in the ticket, Tandem suggests them with the id left blank. */
const ORDER_CHANGES: ReadonlySet<string> = new Set([
  'cancel_pending_order',
  'modify_pending_order_address',
  'modify_pending_order_items',
  'return_delivered_order_items',
  'exchange_delivered_order_items',
]);

interface RetailTask {
  id: string;
  reasonForCall: string;
  knownInfo: string;
  /** The first tool call of the gold trajectory; undefined when the task expects none. */
  firstGold: string | undefined;
}

export function retailTasksAvailable(): boolean {
  if (existsSync(RETAIL_TASKS)) return true;
  console.log(`skipped: the tau2-bench retail tasks are not at ${RETAIL_TASKS}`);
  return false;
}

/** Reads the fields the bench needs, failing loudly when the file's shape is not what tau2-bench writes. */
async function loadTasks(): Promise<RetailTask[]> {
  const raw: unknown = JSON.parse(await readFile(RETAIL_TASKS, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${RETAIL_TASKS}: expected an array of tasks`);
  return raw.map((task: unknown, i): RetailTask => {
    const instructions = field(field(task, 'user_scenario'), 'instructions');
    const actions = field(field(task, 'evaluation_criteria'), 'actions');
    const reasonForCall = field(instructions, 'reason_for_call');
    const knownInfo = field(instructions, 'known_info');
    if (typeof reasonForCall !== 'string' || !Array.isArray(actions))
      throw new Error(`${RETAIL_TASKS}: task #${i} has an unexpected shape`);
    const first: unknown = actions[0];
    const name = first === undefined ? undefined : field(first, 'name');
    return {
      id: String(field(task, 'id') ?? i),
      reasonForCall,
      knownInfo: typeof knownInfo === 'string' ? knownInfo : '',
      firstGold: typeof name === 'string' ? name : undefined,
    };
  });
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** A full name introduced in the scenario ("You are Yusuf Rossi", "Your name is …", "… called …"); a lone first name or a user handle is not one. */
const STATED_NAME = /\b(?:[Yy]ou are|[Yy]ou're|[Yy]our? name is|called)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)/;
const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

/**
 * The ticket a helpdesk would hand Tandem: the scenario as the customer's one message, the first
 * sentence as the subject, and the requester's name and email where the customer stated them (a
 * helpdesk shows both). No live state: nobody has looked the customer up yet.
 */
export function ticketOf(task: RetailTask): TicketContext {
  const body = [task.reasonForCall.trim(), task.knownInfo.trim()].filter((s) => s !== '').join('\n');
  const firstSentence = /^.*?[.!?](?=\s|$)/s.exec(task.reasonForCall.trim())?.[0] ?? task.reasonForCall.trim();
  const subject = firstSentence.length <= 120 ? firstSentence : `${firstSentence.slice(0, 119)}…`;
  const name = STATED_NAME.exec(task.knownInfo)?.[1];
  const email = EMAIL.exec(body)?.[0].toLowerCase();
  return ticketContextSchema.parse({
    site: 'api',
    ticketId: `tau2-retail-${task.id}`,
    subject,
    requester: { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) },
    messages: [{ authorRole: 'customer', body }],
  });
}

/** Subject and the customer's messages: the text the assist engine matches actions against. */
function customerText(ticket: TicketContext): string {
  return [ticket.subject, ...ticket.messages.filter((m) => m.authorRole === 'customer').map((m) => m.body)].join('\n');
}

/** The peer: actions ranked by how many of the ticket's words their name, title and description share (same analyser, no rules). */
function overlapRanking(actions: readonly ActionDefinition[], text: string): string[] {
  const terms = new Set(analyze(text));
  return actions
    .map((a) => {
      const described = new Set(analyze(`${a.name.replace(/[.]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2')} ${a.title} ${a.description}`));
      let overlap = 0;
      for (const t of described) if (terms.has(t)) overlap += 1;
      return { name: a.name, overlap };
    })
    .sort((x, y) => y.overlap - x.overlap || x.name.localeCompare(y.name))
    .map((s) => s.name);
}

interface Tally {
  n: number;
  top3: number;
  top1: number;
  peerTop3: number;
  peerTop1: number;
}

export async function retailActionsBench(): Promise<BenchRow[]> {
  if (!retailTasksAvailable()) return [];
  const tasks = await loadTasks();
  // Nothing runs: the client is only built, so an unreachable base URL is fine.
  const registry = createActionRegistry({ demoStore: { baseUrl: 'http://127.0.0.1:9/demo-store/api' } });
  const actions = registry.list();
  const unmapped = actions.map((a) => a.name).filter((n) => TAU2_TOOL[n] === undefined);
  if (unmapped.length > 0) throw new Error(`no tau2 tool for ${unmapped.join(', ')}: extend TAU2_TOOL`);

  const total: Tally = { n: 0, top3: 0, top1: 0, peerTop3: 0, peerTop1: 0 };
  const byTool = new Map<string, Tally>();
  let rankingMs = 0;
  /** Order changes asked for without an order id: suggested with the id blank, for the agent to fill in. */
  let unreferencedChanges = 0;
  for (const task of tasks) {
    if (task.firstGold === undefined) continue;
    const ticket = ticketOf(task);
    const text = customerText(ticket);
    const context = { tenantId: 'bench', ticket };
    const started = performance.now();
    const suggested = suggestActions(registry, { context, text, limit: LIMIT }).map((s) => TAU2_TOOL[s.action]);
    rankingMs += performance.now() - started;
    if (ORDER_CHANGES.has(task.firstGold) && readTicket(context).storeOrderIds.length === 0) unreferencedChanges += 1;
    const peer = overlapRanking(actions, text)
      .slice(0, LIMIT)
      .map((n) => TAU2_TOOL[n]);
    const tally = byTool.get(task.firstGold) ?? { n: 0, top3: 0, top1: 0, peerTop3: 0, peerTop1: 0 };
    byTool.set(task.firstGold, tally);
    for (const t of [total, tally]) {
      t.n += 1;
      if (suggested.includes(task.firstGold)) t.top3 += 1;
      if (suggested[0] === task.firstGold) t.top1 += 1;
      if (peer.includes(task.firstGold)) t.peerTop3 += 1;
      if (peer[0] === task.firstGold) t.peerTop1 += 1;
    }
  }

  const row = (tool: string, t: Tally) =>
    `  ${tool.padEnd(32)} ${String(t.n).padStart(3)}  ${rate(t.top3, t.n).padEnd(16)} ${rate(t.top1, t.n).padEnd(16)} ${rate(t.peerTop3, t.n)}`;
  console.log(`  ${'first gold tool'.padEnd(32)} ${'n'.padStart(3)}  ${'top-3'.padEnd(16)} ${'top-1'.padEnd(16)} peer top-3`);
  for (const [tool, t] of [...byTool.entries()].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))) console.log(row(tool, t));
  console.log(row('all', total));
  console.log(
    `  ${unreferencedChanges} task(s) start with an order change but name no order id (suggested with the id left for the agent)`,
  );
  console.log(
    `  ${tasks.length - total.n} task(s) expect no tool call and are left out; suggestActions took ${(rankingMs / Math.max(total.n, 1)).toFixed(2)} ms per ticket`,
  );

  const scope = `${total.n} tau2 retail tasks with a gold action (of ${tasks.length}), scenario as the ticket`;
  return [
    {
      area: AREA,
      metric: `first gold action in the top 3 suggestions, ${scope}`,
      value: rate(total.top3, total.n),
      peer: `word-overlap ranking ${rate(total.peerTop3, total.n)}`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: 'first gold action as the top suggestion, same tasks',
      value: rate(total.top1, total.n),
      peer: `word-overlap ranking ${rate(total.peerTop1, total.n)}`,
      command: COMMAND,
    },
  ];
}

const rate = (hits: number, n: number) => `${((hits / Math.max(n, 1)) * 100).toFixed(1)}% (${hits}/${n})`;
