/**
 * Messages after asynchronous actions: shown as an antd message and spoken by screen readers
 * through an aria-live region (polite for results, assertive for errors).
 */
import { App } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { errorText } from '../api/client.js';

interface Announcer {
  success(text: string): void;
  info(text: string): void;
  error(errOrText: unknown): void;
}

const AnnouncerContext = createContext<Announcer | null>(null);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  // the same text twice in a row must be spoken twice: clear, then set on the next frame
  const say = useCallback((set: (t: string) => void, text: string) => {
    set('');
    window.requestAnimationFrame(() => set(text));
  }, []);
  const value = useMemo<Announcer>(() => ({
    success: (text) => {
      void message.success(text);
      say(setPolite, text);
    },
    info: (text) => {
      void message.info(text);
      say(setPolite, text);
    },
    error: (err) => {
      const text = typeof err === 'string' ? err : errorText(err);
      void message.error(text);
      say(setAssertive, text);
    },
  }), [message, say]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="gk-visually-hidden" aria-live="polite" role="status" data-testid="live-polite">{polite}</div>
      <div className="gk-visually-hidden" aria-live="assertive" role="alert" data-testid="live-assertive">{assertive}</div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnouncer(): Announcer {
  const a = useContext(AnnouncerContext);
  if (!a) throw new Error('useAnnouncer outside AnnouncerProvider');
  return a;
}
