/** The Outbox panel: every mail MailApp sent, newest first; a mail's HTML body only in a frame with sandbox="". */
import type { Mail } from '../api';
import { $, api, el, ui } from './core';

export async function renderOutbox(): Promise<void> {
  const mails = await api<Mail[]>('/api/outbox');
  const p = $('wb-panel-outbox');
  p.replaceChildren();
  if (mails.length === 0) {
    p.appendChild(el('p', { class: 'muted' }, 'No mail sent yet.'));
    return;
  }
  for (const m of [...mails].reverse()) {
    const item = el('article', { class: 'mail', 'data-i': String(m.i) });
    const head = el('button', { type: 'button', class: 'mail-head' });
    head.append(
      el('span', { class: 'mail-subject' }, m.subject),
      el('span', { class: 'mail-to' }, `to ${m.to.join(', ')}`),
      el('span', { class: 'muted' }, `${m.senderName ? `${m.senderName} · ` : ''}${m.at.slice(0, 16)}`),
    );
    head.addEventListener('click', () => {
      if (ui.openMail.has(m.i)) ui.openMail.delete(m.i);
      else ui.openMail.add(m.i);
      void renderOutbox();
    });
    item.appendChild(head);
    if (ui.openMail.has(m.i)) {
      const body = el('div', { class: 'mail-body' });
      if (m.replyTo) body.appendChild(el('p', { class: 'muted' }, `Reply-To: ${m.replyTo}`));
      body.appendChild(el('pre', { class: 'mail-text' }, m.body));
      if (m.htmlBody !== null) {
        body.appendChild(el('p', { class: 'muted' }, 'HTML body (scripts disabled):'));
        const f = el('iframe', { class: 'mail-html', sandbox: '', title: `HTML body of ${m.subject}` });
        f.srcdoc = m.htmlBody;
        body.appendChild(f);
      }
      item.appendChild(body);
    }
    p.appendChild(item);
  }
}
