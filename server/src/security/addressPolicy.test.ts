import { describe, expect, it } from 'vitest';
import { addressBytes, isPrivateHostname, isPublicAddress } from './addressPolicy.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '198.18.0.1',
    '::',
    '::1',
    '[::1]',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1%eth0',
    'febf::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:0a00:0001::1', // 6to4 wrapping 10.0.0.1
    '2001:db8::1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'allows %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('isPrivateHostname', () => {
  it('names the machine and private-network suffixes, not look-alikes', () => {
    for (const name of ['localhost', 'LOCALHOST.', 'api.localhost', 'printer.local', 'metadata.google.internal', 'nas.home.arpa']) {
      expect(isPrivateHostname(name), name).toBe(true);
    }
    for (const name of ['localhost.example.com', 'shop.example', 'locals.example']) {
      expect(isPrivateHostname(name), name).toBe(false);
    }
  });
});

describe('addressBytes', () => {
  it('expands IPv6, including an embedded dotted quad', () => {
    expect(addressBytes('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
    expect(addressBytes('2001:db8::ff')).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff]);
    expect(addressBytes('10.1.2.3')).toEqual([10, 1, 2, 3]);
    expect(addressBytes('shop.example')).toBeUndefined();
  });
});
