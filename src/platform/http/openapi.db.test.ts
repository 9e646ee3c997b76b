import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { routeInventory } from '../auth/index.js';
import { fromPackageRoot } from '../paths.js';

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}

describe('the API description', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('serves a valid OpenAPI 3.1 document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json<OpenApiDoc>();
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  });

  it('documents every API route with the error model', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDoc>();
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    for (const route of routeInventory(t.app)) {
      if (route.url === '/api/openapi.json') continue;
      const key = `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`;
      assert.ok(documented.has(key), `${key} is missing from the OpenAPI document`);
      if (route.url.startsWith('/api/')) {
        const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
        assert.ok(op?.responses?.['400'], `${key} does not document its 400 error`);
      }
    }
  });

  it('serves a browsable reference from local assets', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger-ui/i);
    assert.doesNotMatch(res.body, /https?:\/\/(cdn|unpkg|cdnjs|jsdelivr)/);
  });

  // Read a diff in this snapshot as a change of who may reach an endpoint, never as a routine refresh.
  // Regenerate with UPDATE_SNAPSHOTS=1 after reviewing it.
  it('matches the reviewed inventory of who may call which route', () => {
    const file = fromPackageRoot('test/snapshots/route-access.json');
    const current = JSON.stringify(routeInventory(t.app), null, 2) + '\n';
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(file, current);
    assert.ok(existsSync(file), 'no reviewed snapshot yet: run with UPDATE_SNAPSHOTS=1 and review it');
    assert.equal(current, readFileSync(file, 'utf8'));
  });
});
