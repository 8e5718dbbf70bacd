/**
 * A small rich-text editor for a publication's body: a contentEditable region (role textbox,
 * multiline, named by its label) with a toolbar for paragraphs, headings, bold, lists and links.
 * The HTML goes to the server, which keeps only its whitelist (core/publications/sanitize-html.ts).
 */
import { BoldOutlined, OrderedListOutlined, UnorderedListOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  readonly id?: string;
  readonly value?: string;
  readonly onChange?: (html: string) => void;
  readonly labelledBy?: string;
  readonly disabled?: boolean;
}

// execCommand is deprecated but still the only built-in editing command set; Chromium and Firefox keep it
const run = (command: string, arg?: string) => document.execCommand(command, false, arg);

export function RichTextEditor({ id, value, onChange, labelledBy, disabled }: Props) {
  const el = useRef<HTMLDivElement>(null);
  // write the value in only when it differs (typing must not reset the caret)
  useEffect(() => {
    if (el.current && el.current.innerHTML !== (value ?? '')) el.current.innerHTML = value ?? '';
  }, [value]);
  const emit = () => onChange?.(el.current?.innerHTML ?? '');
  const tool = (title: string, icon: ReactNode, action: () => void, text?: string) => (
    <Tooltip title={title}>
      <Button size="small" aria-label={title} icon={icon} disabled={disabled}
        onMouseDown={(e) => e.preventDefault() /* keep the selection in the editor */}
        onClick={() => { el.current?.focus(); action(); emit(); }}>{text}</Button>
    </Tooltip>
  );
  return (
    <div style={{ border: '1px solid #c9d1dc', borderRadius: 4, background: disabled ? '#f5f5f5' : '#fff' }}>
      <Space size={4} wrap role="toolbar" aria-label="正文格式" style={{ padding: 4, borderBottom: '1px solid #e3e7ee', width: '100%' }}>
        {tool('段落', null, () => run('formatBlock', 'P'), '段落')}
        {tool('标题', null, () => run('formatBlock', 'H2'), '标题')}
        {tool('小标题', null, () => run('formatBlock', 'H3'), '小标题')}
        {tool('加粗', <BoldOutlined />, () => run('bold'))}
        {tool('编号列表', <OrderedListOutlined />, () => run('insertOrderedList'))}
        {tool('项目列表', <UnorderedListOutlined />, () => run('insertUnorderedList'))}
        {tool('插入链接', <LinkOutlined />, () => {
          const url = window.prompt('链接地址（https://…）');
          if (url && /^https?:\/\//i.test(url)) run('createLink', url);
        })}
      </Space>
      <div
        id={id}
        ref={el}
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelledBy}
        aria-disabled={disabled || undefined}
        contentEditable={!disabled}
        suppressContentEditableWarning
        onInput={emit}
        onBlur={emit}
        style={{ minHeight: 240, maxHeight: 560, overflowY: 'auto', padding: '8px 12px', lineHeight: 1.8, outlineOffset: -2 }}
      />
    </div>
  );
}
