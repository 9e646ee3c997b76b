import { Spin } from 'antd';

/** A spinner that says what it waits for (a live status region; aria-label on a plain div is not allowed). */
export function Loading({ label, size }: { label: string; size?: 'small' | 'default' | 'large' }) {
  return (
    <span role="status" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Spin size={size} />
      <span className="cz-visually-hidden">{label}</span>
    </span>
  );
}
