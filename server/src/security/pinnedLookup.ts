/**
 * DNS pinning: a `lookup` for node:http(s) that answers every lookup with the address the host
 * guard validated, so a DNS answer that changes between the check and the connect (DNS
 * rebinding) cannot redirect a request inward.
 */
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './hostGuard.js';

/** Answers every lookup with `target`, in whichever shape the caller asked for. */
export function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}
