import { describeStoreContract } from '../store.contract.js';
import { storeOn } from '../store.js';
import { openPgliteDatabase } from './pgliteDatabase.js';

describeStoreContract('PGlite (in memory)', async () => storeOn(await openPgliteDatabase()));
