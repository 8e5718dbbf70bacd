/**
 * A status label with colours that keep 4.5:1 contrast (antd's preset tag colours such as green,
 * orange and gold do not on their light backgrounds).
 */
import type { ReactNode } from 'react';

export type Tone = 'success' | 'danger' | 'warning' | 'info' | 'neutral';

const tones: Readonly<Record<Tone, { color: string; background: string; border: string }>> = {
  success: { color: '#135200', background: '#f6ffed', border: '#95de64' },
  danger: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' },
  warning: { color: '#873800', background: '#fff7e6', border: '#ffc069' },
  info: { color: '#0b3c7d', background: '#e6edf7', border: '#9fb6d8' },
  neutral: { color: '#3a3a3a', background: '#f5f5f5', border: '#d0d0d0' },
};

export function StatusTag({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  const t = tones[tone];
  return (
    <span
      title={title}
      style={{ display: 'inline-block', padding: '0 7px', fontSize: 12, lineHeight: '20px', borderRadius: 4, border: `1px solid ${t.border}`, color: t.color, background: t.background, whiteSpace: 'nowrap' }}
    >
      {children}
    </span>
  );
}
