import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonbText } from './canonical.js';

describe('jsonbText and its remembered key orders', () => {
  it('sorts keys as jsonb does, for every object of one shape', () => {
    const a = { standardId: 'E-0307-2', to: 'reported', flags: [], at: '2025-10-09T02:00:00.000Z' };
    const expected =
      '{"at": "2025-10-09T02:00:00.000Z", "to": "reported", "flags": [], "standardId": "E-0307-2"}';
    assert.equal(jsonbText(a), expected);
    assert.equal(jsonbText({ ...a }), expected, 'the second object of the shape');
    assert.equal(jsonbText({ ...a, to: 'filed' }), expected.replace('reported', 'filed'));
  });

  it('does not reuse a key order for another key set whose keys run together alike', () => {
    // Both objects' keys, joined with U+0000, read "a\0b\0c\0".
    assert.equal(jsonbText({ 'a\u0000b': 1, c: 2 }), '{"c": 2, "a\\u0000b": 1}');
    assert.equal(jsonbText({ a: 1, 'b\u0000c': 2 }), '{"a": 1, "b\\u0000c": 2}');
  });

  it('leaves out undefined members, also for a shape seen with them defined', () => {
    assert.equal(jsonbText({ unit: 'A', grid: 'G' }), '{"grid": "G", "unit": "A"}');
    assert.equal(jsonbText({ unit: undefined, grid: 'G' }), '{"grid": "G"}');
    assert.equal(jsonbText({ unit: 'A', grid: undefined }), '{"unit": "A"}');
  });
});
