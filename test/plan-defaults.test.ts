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
    assert.ok(Object.isFrozen(short));
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
