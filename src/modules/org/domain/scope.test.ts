import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inScope } from './scope.js';
import { wouldCreateCycle } from './unit-tree.js';

describe('data scope', () => {
  const street = { all: false, regionCodes: ['330102001'], unitCodes: [] };
  it('covers every grid inside a street named in the scope', () => {
    assert.equal(inScope(street, { regionCode: '330102001051003', unitCode: null }), true);
    assert.equal(inScope(street, { regionCode: '330102003052004', unitCode: null }), false);
  });
  it('covers records handled by a unit named in the scope, wherever they are', () => {
    assert.equal(
      inScope(
        { all: false, regionCodes: [], unitCodes: ['SANITATION'] },
        { regionCode: '330102003052004', unitCode: 'SANITATION' },
      ),
      true,
    );
  });
  it('covers nothing when empty, and everything when all', () => {
    assert.equal(
      inScope({ all: false, regionCodes: [], unitCodes: [] }, { regionCode: '330102001', unitCode: 'X' }),
      false,
    );
    assert.equal(
      inScope({ all: true, regionCodes: [], unitCodes: [] }, { regionCode: null, unitCode: null }),
      true,
    );
  });
});

describe('unit tree', () => {
  const parents = new Map<string, string | null>([
    ['BUREAU', null],
    ['DEPT', 'BUREAU'],
    ['TEAM', 'DEPT'],
  ]);
  it('refuses making a unit the child of its own descendant', () => {
    assert.equal(wouldCreateCycle(parents, 'BUREAU', 'TEAM'), true);
    assert.equal(wouldCreateCycle(parents, 'DEPT', 'DEPT'), true);
  });
  it('allows moving a unit under an unrelated branch', () => {
    assert.equal(wouldCreateCycle(parents, 'TEAM', 'BUREAU'), false);
    assert.equal(wouldCreateCycle(parents, 'NEW', 'TEAM'), false);
  });
});
