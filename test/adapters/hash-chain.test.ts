import { describe, expect, it } from 'vitest';
import { canonicalJson, toJsonValue } from '../../src/adapters/log-chain/canonical-json.js';
import { eventHash, eventHashV2, genesisHash, hashUnder, LOG_ORIGIN, sha256Hex } from '../../src/adapters/log-chain/hash-chain.js';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops whitespace', async () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é"' }], c: true } })).toBe('{"a":{"c":true,"d":[3,{"y":"é\\"","z":null}]},"b":1}');
  });

  it('gives the same text whatever the key order', async () => {
    expect(canonicalJson(toJsonValue({ x: 1, y: { q: 2, p: 3 } }))).toBe(canonicalJson(toJsonValue({ y: { p: 3, q: 2 }, x: 1 })));
  });

  it('normalises values the way JSON does', async () => {
    expect(toJsonValue({ a: undefined, d: new Date(0), n: Number.NaN })).toEqual({ d: '1970-01-01T00:00:00.000Z', n: null });
    expect(() => toJsonValue(undefined)).toThrow(TypeError);
  });
});

describe('hashes', () => {
  const genesisInput = {
    id: 'inc-1',
    title: 'T',
    planId: 'eu-circp',
    createdAt: '2025-01-01T00:00:00.000Z',
    plans: [
      { planId: 'eu-circp', hash: sha256Hex('a') },
      { planId: 'be-ncccp', hash: sha256Hex('b') },
    ],
  };

  it('computes the genesis hash independently of snapshot order', async () => {
    const reversed = { ...genesisInput, plans: [...genesisInput.plans].reverse() };
    expect(genesisHash(reversed)).toBe(genesisHash(genesisInput));
    expect(genesisHash({ ...genesisInput, title: 'T2' })).not.toBe(genesisHash(genesisInput));
  });

  // Pinned values: if one changes, logs written earlier no longer verify.
  it('keeps the hash format stable', async () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const genesis = genesisHash(genesisInput);
    const event = { incidentId: 'inc-1', seq: 1, type: 'note-added', at: '2025-01-01T00:00:01.000Z', actor: 'ana', prevHash: genesis };
    const hash = eventHash({ ...event, payload: { type: 'note-added', at: event.at, actor: 'ana', note: 'x' } });
    expect(genesis).toBe(PINNED_GENESIS);
    expect(hash).toBe(PINNED_EVENT);
    expect(eventHash({ ...event, payload: { note: 'y' } })).not.toBe(hash);
    expect(eventHash({ ...event, seq: 2, payload: { type: 'note-added', at: event.at, actor: 'ana', note: 'x' } })).not.toBe(hash);
  });

  it('keeps scheme 2 stable, and it commits to the log position and the log-wide predecessor', async () => {
    const payload = { type: 'note-added', at: '2025-01-01T00:00:01.000Z', actor: 'ana', note: 'x' };
    const input = { incidentId: 'inc-1', seq: 1, pos: 3, type: 'note-added', at: payload.at, actor: 'ana', payload, prevHash: PINNED_GENESIS, logPrevHash: LOG_ORIGIN };
    expect(eventHashV2(input)).toBe(PINNED_EVENT_V2);
    expect(eventHashV2({ ...input, pos: 2 })).not.toBe(PINNED_EVENT_V2);
    expect(eventHashV2({ ...input, logPrevHash: 'a'.repeat(64) })).not.toBe(PINNED_EVENT_V2);
    expect(hashUnder(2, input)).toBe(PINNED_EVENT_V2);
    expect(hashUnder(1, { ...input, logPrevHash: null })).toBe(PINNED_EVENT);
    expect(hashUnder(3, input)).toBeUndefined();
  });
});

// Computed outside this code, with Python: hashlib.sha256 over json.dumps(..., sort_keys=True,
// separators=(',', ':'), ensure_ascii=False) in the layout hash-chain.ts documents.
const PINNED_GENESIS = '0bfeb31e8a034655a163a78dbdae540eb617f0e0f070f28f9fce096a7cfe4284';
const PINNED_EVENT = '8b9168001a02799e411ee936a6b35d5fe67e693db9ee06822383f0c9241e1b39';
const PINNED_EVENT_V2 = '245458d716a814c67034b52d388dac1c213772beea2707376961deef090ccdae';
