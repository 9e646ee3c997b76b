/**
 * The bulletin's HTML made safe to show inside this page: parsed inertly (DOMParser runs no scripts), then
 * stripped of anything active — scripts, frames, forms, event handlers, javascript: links. Headings move one
 * level down, so the page keeps its own single h1.
 */
const DROP = 'script,iframe,frame,object,embed,link,meta,base,form,input,button,textarea,select';

export function sanitizeBulletin(html: string): { styles: string; body: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll(DROP).forEach((el) => el.remove());
  doc.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'src') && value.startsWith('javascript:'))) {
        el.removeAttribute(attr.name);
      }
    }
  });
  for (const level of [5, 4, 3, 2, 1]) {
    doc.querySelectorAll(`h${level}`).forEach((h) => {
      const next = doc.createElement(`h${level + 1}`);
      next.innerHTML = h.innerHTML;
      h.replaceWith(next);
    });
  }
  const styles = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
  doc.querySelectorAll('style').forEach((s) => s.remove());
  return { styles, body: doc.body.innerHTML };
}
