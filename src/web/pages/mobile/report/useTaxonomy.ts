/**
 * The current 部件/事件 categories and standard rows (GET /api/taxonomy, public). The last copy is kept in
 * IndexedDB so an inspector can still pick a category with no connection.
 */
import { createStore, get, set } from 'idb-keyval';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';

export type CategoryKind = 'component' | 'event';

export interface Major {
  kind: CategoryKind;
  code: string;
  name: string;
}

export interface Minor {
  kind: CategoryKind;
  majorCode: string;
  code: string;
  name: string;
}

export interface TimeLimit {
  amount: number;
  unit: string;
}

export interface Standard {
  id: string;
  kind: CategoryKind;
  majorCode: string;
  minorCode: string;
  seq: number;
  filingCondition: string;
  timeLimit: TimeLimit;
  closingCondition: string;
}

export interface Taxonomy {
  version: number;
  majors: Major[];
  minors: Minor[];
  standards: Standard[];
}

const store = createStore('chengzhi-mobile-taxonomy', 'taxonomy');
const KEY = 'current';

export function useTaxonomy(): { taxonomy: Taxonomy | null; failed: boolean } {
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void get<Taxonomy>(KEY, store)
      .then((cached) => {
        if (live && cached) setTaxonomy((t) => t ?? cached);
      })
      .catch(() => undefined);
    api
      .GET('/api/taxonomy')
      .then((res) => {
        const data = unwrap(res);
        // The published shape is documented in docs/taxonomy.md; the OpenAPI leaves the rows untyped.
        const fresh: Taxonomy = {
          version: data.version,
          majors: data.majors as Major[],
          minors: data.minors as Minor[],
          standards: data.standards as Standard[],
        };
        if (live) setTaxonomy(fresh);
        void set(KEY, fresh, store).catch(() => undefined);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, []);
  return { taxonomy, failed };
}
