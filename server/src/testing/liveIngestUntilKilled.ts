/**
 * Test helper process: serves the live-event webhook on a file-backed store (the crash test's data
 * directory) and prints `ready <url> <sourceId>` once it listens. The test kills it with SIGKILL
 * mid-burst, then starts it again on the same directory.
 */
import { createLogger } from '../logging/logger.js';
import { openPgliteDatabase } from '../storage/pglite/pgliteDatabase.js';
import { storeOn } from '../storage/store.js';
import { startLiveWebhookServer } from './liveWebhookServer.js';

const CRASH_TENANT = 'crash';
const CRASH_SECRET = 'crash-test-secret-0123456789';

const [dataDir] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: liveIngestUntilKilled <dataDir>');

const store = await storeOn(await openPgliteDatabase(dataDir));
if ((await store.tenants.get(CRASH_TENANT)) === undefined) await store.tenants.create(CRASH_TENANT, 'Crash test');
const existing = (await store.live.listSources(CRASH_TENANT))[0];
const sourceId = existing?.id ?? (await store.live.createSource(CRASH_TENANT, 'Burst', CRASH_SECRET)).id;

const { url } = await startLiveWebhookServer({ store, log: createLogger('silent') });
process.stdout.write(`ready ${url} ${sourceId}\n`);
