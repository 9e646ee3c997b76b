/** The sanitised bulletin in a shadow root: its own stylesheet applies to it and to nothing else on the page. */
import { useEffect, useRef } from 'react';
import { sanitizeBulletin } from './sanitizeHtml';

// The server's sheet sizes h1/h2; after the shift the same sizes go to h2/h3.
const SHIFTED = 'h2{font-size:1.4em}h3{font-size:1.1em;margin-top:1.2em;border-bottom:1px solid #999}';

export function BulletinView({ html, label }: { html: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const { styles, body } = sanitizeBulletin(html);
    const style = document.createElement('style');
    style.textContent = `${styles}\n${SHIFTED}\n:host{display:block;color:#111}`;
    const content = document.createElement('div');
    content.innerHTML = body;
    root.replaceChildren(style, content);
  }, [html]);
  return (
    <section
      ref={host}
      aria-label={label}
      data-testid="bulletin-view"
      style={{ border: '1px solid #d9d9d9', background: '#fff', padding: 16, overflowX: 'auto' }}
    />
  );
}
