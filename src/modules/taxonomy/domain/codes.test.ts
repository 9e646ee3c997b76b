import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  extensionCodesOutOfSequence,
  isLocalExtensionCode,
  nextExtensionCode,
  normaliseCode,
  parseStandardId,
  standardId,
} from './codes.js';

describe('category codes', () => {
  it('names a standard row 事件 01 02 #1 as E-0102-1 and 部件 rows with C', () => {
    assert.equal(standardId('event', '01', '02', 1), 'E-0102-1');
    assert.equal(standardId('component', '01', '01', 12), 'C-0101-12');
  });

  it('parses every standard id back into its parts', () => {
    const code = fc.integer({ min: 1, max: 99 }).map((n) => String(n).padStart(2, '0'));
    fc.assert(
      fc.property(
        fc.constantFrom('component' as const, 'event' as const),
        code,
        code,
        fc.integer({ min: 1, max: 99 }),
        (kind, majorCode, minorCode, seq) => {
          assert.deepEqual(parseStandardId(standardId(kind, majorCode, minorCode, seq)), {
            kind,
            majorCode,
            minorCode,
            seq,
          });
        },
      ),
    );
    for (const bad of ['E-0102', 'X-0102-1', 'E-0002-1', 'E-0102-0', 'E-0102-100', 'e-0102-1']) {
      assert.equal(parseStandardId(bad), null, bad);
    }
  });

  it('pads a one-digit code that Excel turned into a number, and refuses anything else', () => {
    assert.equal(normaliseCode('1'), '01');
    assert.equal(normaliseCode(' 07 '), '07');
    assert.equal(normaliseCode('99'), '99');
    for (const bad of ['0', '00', '100', '1a', '', '01.0']) assert.equal(normaliseCode(bad), null, bad);
  });

  it('treats codes from 80 up as local extensions', () => {
    assert.equal(isLocalExtensionCode('79'), false);
    assert.equal(isLocalExtensionCode('80'), true);
    assert.equal(isLocalExtensionCode('99'), true);
  });

  it('requires local extensions to count down from 99 without gaps', () => {
    assert.deepEqual(extensionCodesOutOfSequence(['01', '02', '99', '98']), []);
    assert.deepEqual(extensionCodesOutOfSequence(['01', '98']), ['98']);
    assert.deepEqual(extensionCodesOutOfSequence(['99', '97']), ['97']);
    assert.deepEqual(extensionCodesOutOfSequence(['99', '99', '98']), [], 'a repeated code is not a gap');
  });

  it('gives the next extension code below the ones in use', () => {
    assert.equal(nextExtensionCode(['01', '02']), '99');
    assert.equal(nextExtensionCode(['01', '99', '98']), '97');
    const full = Array.from({ length: 20 }, (_, i) => String(99 - i));
    assert.equal(nextExtensionCode(full), null);
  });
});
