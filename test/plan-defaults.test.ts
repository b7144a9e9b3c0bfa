// The plan of request(url) without options is built by a short path: it must be the plan the general rules give
// for an empty options object, and no two requests may share its mutable parts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from '../src/options/normalize.js';

describe('plan of a request without options', () => {
  it('equals the plan of an empty options object, field for field and in the same order', () => {
    const url = 'http://127.0.0.1:9/a?b=1';
    const short = normalize(url, undefined);
    const general = normalize(url, {});
    assert.deepEqual({ ...short, options: undefined }, { ...general, options: undefined });
    assert.deepEqual(Object.keys(short), Object.keys(general));
    assert.deepEqual(short.options, {});
  });

  it('gives every request a headers object of its own', () => {
    const a = normalize('http://127.0.0.1:9/', undefined);
    const b = normalize('http://127.0.0.1:9/', undefined);
    assert.notEqual(a.headers, b.headers);
    a.headers.accept = 'changed';
    assert.notEqual(b.headers.accept, 'changed');
    assert.notEqual(normalize('http://127.0.0.1:9/', undefined).headers.accept, 'changed');
  });
});

describe('transport option values', () => {
  it('are read key by key, each at its place in the key list', async () => {
    const { ABSENT, TRANSPORT_KEY_LIST, transportValues } = await import('../src/options/transport-keys.js');
    assert.deepEqual(transportValues({}), TRANSPORT_KEY_LIST.map(() => ABSENT));
    for (const [i, key] of TRANSPORT_KEY_LIST.entries()) {
      const marker = `marker-${key}`;
      const values = transportValues({ [key]: marker });
      assert.equal(values[i], marker, key);
      assert.equal(values.filter((v) => v !== ABSENT).length, 1, key);
    }
    // Presence counts, inherited keys too (the plan reads them with `in`).
    assert.equal(transportValues({ caPath: undefined })[TRANSPORT_KEY_LIST.indexOf('caPath')], undefined);
    assert.equal(transportValues(Object.create({ sslType: 'TLCP' }) as Record<string, unknown>)[TRANSPORT_KEY_LIST.indexOf('sslType')], 'TLCP');
  });
});
