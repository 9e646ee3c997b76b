/** 部件/事件 → 大类 → 小类 as cascader options, in the district's display order. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../api/client';
import type { CategoryType } from './types';

interface Major {
  kind: CategoryType;
  code: string;
  name: string;
}
interface Minor extends Major {
  majorCode: string;
}
interface Taxonomy {
  majors: Major[];
  minors: Minor[];
  order: Partial<Record<CategoryType, string[]>>;
}
export interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

const KINDS: CategoryType[] = ['event', 'component'];

export function useTaxonomyOptions(): { options: CategoryOption[]; error: string | null } {
  const { t } = useTranslation('common');
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .GET('/api/taxonomy')
      .then((res) => {
        if (live) setTaxonomy(unwrap(res) as unknown as Taxonomy);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof ApiError ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, []);
  const options = useMemo(() => {
    if (!taxonomy) return [];
    return KINDS.map((kind) => {
      const order = taxonomy.order[kind] ?? [];
      const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
      const majors = taxonomy.majors
        .filter((m) => m.kind === kind)
        .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
      return {
        value: kind,
        label: t(`categoryType.${kind}`),
        children: majors.map((m) => ({
          value: m.code,
          label: m.name,
          children: taxonomy.minors
            .filter((n) => n.kind === kind && n.majorCode === m.code)
            .map((n) => ({ value: n.code, label: n.name })),
        })),
      };
    });
  }, [taxonomy, t]);
  return { options, error };
}
