import { describe, expect, it } from 'vitest';
import { PiiVault } from '../redactPii.js';
import { PiiScans } from './piiScan.js';

const PASSAGE =
  'Refunds\nWrite to refunds@shop.example or call +49 30 1234567. Ana Lima from our team answers within two days; quote IBAN DE89 3704 0044 0532 0130 00.';

describe('shared scans of recurring texts', () => {
  it('redacts exactly as without them, each vault with its own names and placeholders', () => {
    const scans = new PiiScans();
    for (const requester of ['Rosario Méndez', 'Ana Lima', undefined]) {
      const plain = new PiiVault();
      const shared = new PiiVault();
      if (requester !== undefined) {
        plain.redactName(requester);
        shared.redactName(requester);
      }
      plain.learnNames(PASSAGE);
      shared.learnNames(PASSAGE, scans);
      const expected = plain.redact(PASSAGE);
      expect(shared.redact(PASSAGE, scans)).toBe(expected);
      expect(expected).not.toContain('refunds@shop.example');
      expect(expected).not.toContain('Ana Lima');
    }
    // Scanned once (learnNames), then found again by every later call.
    expect(scans.misses).toBe(1);
    expect(scans.hits).toBe(5);
  });

  it('a name this vault learned from the ticket is hidden in a passage scanned before it was known', () => {
    const scans = new PiiScans();
    const text = 'Ask Quillon about the warranty.';
    expect(new PiiVault().redact(text, scans)).toContain('Quillon');
    const vault = new PiiVault();
    vault.redactName('Quillon Baxter');
    expect(vault.redact(text, scans)).not.toContain('Quillon');
  });

  it('keeps only the most recently used texts within its bounds', () => {
    const scans = new PiiScans(2, 1_000);
    scans.scan('first text');
    scans.scan('second text');
    scans.scan('first text');
    scans.scan('third text');
    expect(scans.size).toBe(2);
    scans.scan('first text');
    expect(scans.hits).toBe(2);
    scans.scan('second text');
    expect(scans.misses).toBe(4);
    const long = new PiiScans(10, 20);
    long.scan('a text longer than twenty characters');
    expect(long.size).toBe(0);
  });
});
