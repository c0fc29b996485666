/**
 * Runs work in a transaction when given the database, or directly when already given one (a
 * repository built on a transaction): how a repository writes a fact and its analytics event together.
 */
import type { Database, SqlExecutor } from '../database.js';

export function inTransaction<T>(db: SqlExecutor | Database, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return 'transaction' in db ? db.transaction(work) : work(db);
}
