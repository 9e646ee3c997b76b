import type { paths } from '../../api/client';

export type TableAnswer =
  paths['/api/evaluation/rankings']['get']['responses'][200]['content']['application/json'];
export type TableRow = TableAnswer['items'][number];
