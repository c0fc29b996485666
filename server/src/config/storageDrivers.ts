/**
 * The storage drivers by name: every one `TANDEM_STORAGE` knows, and the ones this build can
 * open. Kept here, not in storage/, because configuration sits below storage and may not import
 * it; the work that adds a driver to storage/ adds its name to AVAILABLE_STORAGE_DRIVERS.
 */

export const STORAGE_DRIVERS = ['pglite', 'postgres'] as const;
export type StorageDriverName = (typeof STORAGE_DRIVERS)[number];

/** Only PGlite today; `postgres` arrives with the scale-out driver. */
export const AVAILABLE_STORAGE_DRIVERS: readonly StorageDriverName[] = ['pglite'];

export function isStorageDriverAvailable(driver: StorageDriverName): boolean {
  return AVAILABLE_STORAGE_DRIVERS.includes(driver);
}
