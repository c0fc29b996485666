/**
 * The storage driver seam: one SQL dialect (PostgreSQL), two drivers (embedded PGlite, and
 * PostgreSQL for several nodes). Repositories are written once against this interface.
 */
export interface SqlExecutor {
  query<Row extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends SqlExecutor {
  readonly driver: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: all of it is stored or none of it. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs several statements at once (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
