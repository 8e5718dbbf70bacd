/**
 * The frame of every screen: sets the document title, prints the heading (h1) and moves keyboard
 * and screen-reader focus to it when the user navigates to the screen.
 */
import { Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';

let firstScreen = true;

export function Page({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · 政府信息公开工作平台`;
    if (firstScreen) firstScreen = false;
    else heading.current?.focus();
  }, [title]);
  return (
    <section aria-labelledby="gk-page-heading">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={1} id="gk-page-heading" className="gk-page-title" style={{ fontSize: 22, margin: 0, flex: 1 }} tabIndex={-1} ref={heading}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}
