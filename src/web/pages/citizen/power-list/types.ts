import type { paths } from '../../../api/client';

export type PowerList =
  paths['/api/public/power-list']['get']['responses'][200]['content']['application/json'];
export type PowerItem = PowerList['items'][number];
export type PowerVersions =
  paths['/api/public/power-list/versions']['get']['responses'][200]['content']['application/json'];
export type TimeLimit = PowerItem['statutoryLimit'];
