/** A new-password input with a "生成随机密码" button (shown in clear so it can be handed over). */
import { Button, Input, Space } from 'antd';

const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 4 groups of 4 unambiguous characters (≈ 91 bits), e.g. "k7Qm-2xPa-Rt8n-Vb3e". */
export const randomPassword = (): string => {
  const bytes = new Uint32Array(16);
  window.crypto.getRandomValues(bytes);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
};

export function PasswordField({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value)} autoComplete="new-password" spellCheck={false} style={{ fontFamily: 'monospace' }} />
      <Button onClick={() => onChange?.(randomPassword())}>生成随机密码</Button>
    </Space.Compact>
  );
}
