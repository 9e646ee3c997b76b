import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's light tag presets (gold, orange …) put mid-tone text on a pale fill, below 4.5:1; these tones keep the
 * same hues with dark text, and every tag carries its word, so colour is never the only cue.
 */
const TONES = {
  blue: { color: '#0a3d91', background: '#e6f4ff', borderColor: '#91caff' },
  yellow: { color: '#5c3200', background: '#fffbe6', borderColor: '#ffd666' },
  orange: { color: '#7a3300', background: '#fff7e6', borderColor: '#ffc069' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  cyan: { color: '#00474f', background: '#e6fffb', borderColor: '#87e8de' },
  grey: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;
export type Tone = keyof typeof TONES;

export function ToneTag({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <Tag style={TONES[tone]} data-testid={testId}>
      {children}
    </Tag>
  );
}
