/** Which addresses and hosts the link checker may fetch (QUALITY.md, link checks, 1). */
import assert from 'node:assert/strict';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { guardedLookup, isAllowedHost, isPublicAddress, isRefusedLiteral, PRIVATE_ADDRESS_CODE, type Resolver } from '../../src/links/address-policy.js';

describe('link check address policy', () => {
  describe('isPublicAddress', () => {
    const table: [string, boolean][] = [
      ['8.8.8.8', true],
      ['200.107.10.52', true],
      ['2001:4860:4860::8888', true],
      ['::ffff:8.8.8.8', true],
      ['64:ff9b::808:808', true],
      ['127.0.0.1', false],
      ['127.8.9.10', false],
      ['10.1.2.3', false],
      ['172.16.0.1', false],
      ['172.31.255.255', false],
      ['192.168.1.1', false],
      ['169.254.169.254', false],
      ['100.64.0.1', false],
      ['0.0.0.0', false],
      ['255.255.255.255', false],
      ['224.0.0.1', false],
      ['::1', false],
      ['::', false],
      ['fe80::1', false],
      ['fe80::1%eth0', false],
      ['fc00::1', false],
      ['fd12:3456::1', false],
      ['::ffff:127.0.0.1', false],
      ['::ffff:10.0.0.1', false],
      ['64:ff9b::7f00:1', false],
      ['::7f00:1', false],
      ['::a00:1', false],
      ['4000::1', false],
      ['no-es-ip', false],
    ];
    for (const [address, expected] of table) it(`${address} → ${expected ? 'public' : 'refused'}`, () => assert.equal(isPublicAddress(address), expected));
  });

  it('isAllowedHost compares host names case-insensitively and IPv6 without brackets', () => {
    assert.equal(isAllowedHost('Datos.Gob.EC', ['datos.gob.ec']), true);
    assert.equal(isAllowedHost('::1', ['[::1]']), true);
    assert.equal(isAllowedHost('otro.gob.ec', ['datos.gob.ec']), false);
    assert.equal(isAllowedHost('sub.datos.gob.ec', ['datos.gob.ec']), false);
  });

  it('isAllowedHost reads every spelling of an allowed host as the URL does, and no other host that reaches the same address', () => {
    assert.equal(isAllowedHost('127.0.0.1', ['0x7f.1']), true);
    assert.equal(isAllowedHost('127.0.0.1', ['2130706433']), true);
    assert.equal(isAllowedHost('::ffff:7f00:1', ['[::FFFF:127.0.0.1]']), true);
    assert.equal(isAllowedHost('localhost', ['127.0.0.1']), false);
    assert.equal(isAllowedHost('::ffff:7f00:1', ['127.0.0.1']), false);
    assert.equal(isAllowedHost('::1', ['127.0.0.1']), false);
    assert.equal(isAllowedHost('127.0.0.2', ['127.0.0.1']), false);
  });

  it('isRefusedLiteral refuses non-public IP literals outside the allow list and leaves host names to the lookup', () => {
    const refused = (url: string, allow: string[] = []) => isRefusedLiteral(new URL(url), allow);
    assert.equal(refused('http://127.0.0.1:8080/a'), true);
    assert.equal(refused('http://[::1]/a'), true);
    assert.equal(refused('http://[::ffff:7f00:1]/a'), true);
    assert.equal(refused('http://2130706433/a'), true, 'the URL parser writes it 127.0.0.1');
    assert.equal(refused('http://127.0.0.1/a', ['127.0.0.1']), false);
    assert.equal(refused('http://8.8.8.8/a'), false);
    assert.equal(refused('http://localhost/a'), false);
  });

  describe('guardedLookup', () => {
    const addresses: LookupAddress[] = [
      { address: '2001:4860:4860::8888', family: 6 },
      { address: '8.8.8.8', family: 4 },
    ];
    const lookup = (resolver: Resolver, host: string, options: LookupOptions, allow: string[] = []) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
        guardedLookup(resolver, allow)(host, options, (error, address, family) => resolve({ error, address, family })),
      );

    it('answers every address when asked for all, and the first of a family otherwise', async () => {
      const resolver: Resolver = async () => addresses;
      assert.deepEqual((await lookup(resolver, 'datos.gob.ec', { all: true })).address, addresses);
      assert.deepEqual(await lookup(resolver, 'datos.gob.ec', { family: 4 }), { error: null, address: '8.8.8.8', family: 4 });
      assert.deepEqual(await lookup(resolver, 'datos.gob.ec', {}), { error: null, address: '2001:4860:4860::8888', family: 6 });
    });

    it('refuses a host when any of its addresses is private, even one of a family not asked for', async () => {
      const resolver: Resolver = async () => [...addresses, { address: '::1', family: 6 }];
      const { error } = await lookup(resolver, 'datos.gob.ec', { family: 4 });
      assert.equal(error?.code, PRIVATE_ADDRESS_CODE);
    });

    it('lets an allowed host resolve to a private address', async () => {
      const resolver: Resolver = async () => [{ address: '10.0.0.5', family: 4 }];
      assert.equal((await lookup(resolver, 'portal.interno', {}, ['portal.interno'])).address, '10.0.0.5');
    });

    it('passes resolver errors on, and an empty answer is ENOTFOUND', async () => {
      const failing: Resolver = async () => {
        throw Object.assign(new Error('queryA ESERVFAIL'), { code: 'ESERVFAIL' });
      };
      assert.equal((await lookup(failing, 'datos.gob.ec', {})).error?.code, 'ESERVFAIL');
      assert.equal((await lookup(async () => [], 'datos.gob.ec', {})).error?.code, 'ENOTFOUND');
    });
  });
});
