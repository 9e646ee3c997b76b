import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/gen-api-types.js';

describe('the web app API client types', () => {
  it('match the server OpenAPI document (run npm run gen:api after changing a route)', async () => {
    assert.equal(
      readFileSync(API_TYPES_FILE, 'utf8'),
      await generateApiTypes(),
      'src/web/api/schema.d.ts is stale',
    );
  });
});
