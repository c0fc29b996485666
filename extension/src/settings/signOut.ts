/**
 * Signing out of Tandem in this browser: the token is forgotten and everything the agent's
 * workspace put in the local knowledge cache is deleted, so nothing of it outlives the session.
 */
import { openKnowledgeCacheDb } from '../knowledgeCache/cacheDb';
import { clearKnowledgeCache } from '../knowledgeCache/syncKnowledge';
import { SETTINGS_KEYS } from './settings';

export async function signOut(): Promise<void> {
  await chrome.storage.local.remove(SETTINGS_KEYS.apiToken);
  const db = openKnowledgeCacheDb();
  try {
    await clearKnowledgeCache(db);
  } finally {
    db.close();
  }
}
