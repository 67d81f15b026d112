import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { reviewBackendContext } from '../context/review-context.js';
import { sessionContext } from '../context/session-context.js';
import { NotificationsController } from '../controllers/notifications-controller.js';
import type { Session } from '../data/backend.js';
import type { PushState, ReviewBackend, StoredNotification } from '../data/review-backend.js';
import { LocaleController, formatDate, formatTime, t, tx } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';

/**
 * The bell in the app header: an unread badge, and on click the list of the person's notifications
 * (newest first; opening one marks it read and follows its link), "mark all as read", and the
 * "enable push" action, which asks the browser's permission only when pressed.
 */
@customElement('notification-bell')
export class NotificationBell extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      :host {
        position: relative;
        display: inline-block;
      }
      button.bell {
        position: relative;
        background: transparent;
        border: 1px solid rgb(255 255 255 / 0.7);
        min-height: 36px;
        min-width: 44px;
        padding: 0.25rem 0.6rem;
        color: inherit;
      }
      .badge {
        position: absolute;
        top: -6px;
        right: -6px;
        min-width: 1.3rem;
        height: 1.3rem;
        padding: 0 0.3rem;
        border-radius: 999px;
        background: var(--td-danger);
        color: #fff;
        font-size: 0.75rem;
        line-height: 1.3rem;
        text-align: center;
      }
      .panel {
        position: absolute;
        right: 0;
        top: calc(100% + 6px);
        z-index: 20;
        width: min(24rem, calc(100vw - 1.5rem));
        max-height: 70vh;
        overflow: auto;
        background: var(--td-surface);
        color: var(--td-text);
        border: 1px solid var(--td-border);
        border-radius: var(--td-radius-lg);
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
        padding: 0.5rem;
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        padding: 0.25rem 0.25rem 0.5rem;
      }
      .head h2 {
        font-size: 1rem;
        margin: 0;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li button {
        width: 100%;
        text-align: left;
        background: transparent;
        color: inherit;
        border: none;
        border-radius: var(--td-radius);
        font-weight: 400;
        padding: 0.5rem;
        min-height: 0;
      }
      li button:hover {
        background: var(--td-muted-bg);
      }
      li.unread button {
        background: var(--td-info-bg);
      }
      li .title {
        font-weight: 700;
        display: block;
      }
      li .when {
        font-size: 0.8rem;
        color: var(--td-muted);
      }
      .push {
        border-top: 1px solid var(--td-border);
        margin-top: 0.5rem;
        padding: 0.5rem 0.25rem 0.25rem;
      }
      .push button {
        width: 100%;
        min-height: 40px;
      }
    `,
  ];

  private readonly notes = new NotificationsController(this);

  @consume({ context: reviewBackendContext })
  private backend?: ReviewBackend;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @state() private open = false;
  @state() private push: PushState = 'unsupported';
  @state() private pushBusy = false;
  @state() private pushError = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this.onKey);
    addEventListener('click', this.onOutsideClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('keydown', this.onKey);
    removeEventListener('click', this.onOutsideClick);
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.open) this.open = false;
  };

  /** A click anywhere outside the bell and its list closes the list. */
  private readonly onOutsideClick = (e: MouseEvent) => {
    if (this.open && !e.composedPath().includes(this)) this.open = false;
  };

  override willUpdate(): void {
    const s = this.session;
    if (this.backend && s?.claims) {
      this.notes.setTarget({ backend: this.backend, orgId: s.claims.org, uid: s.user.uid });
      if (!this.pushBusy) this.push = this.backend.pushState(s.claims.org, s.user.uid);
    } else {
      this.notes.setTarget(null);
    }
  }

  private async handleOpen(n: StoredNotification) {
    const org = this.session?.claims?.org;
    this.open = false;
    if (org && !n.read) await this.backend?.markRead(org, n.id).catch(() => undefined);
    if (n.link.startsWith('#/')) location.hash = n.link;
  }

  private async handleMarkAll() {
    const org = this.session?.claims?.org;
    const backend = this.backend;
    if (!org || !backend) return;
    await Promise.all(this.notes.list.filter((n) => !n.read).map((n) => backend.markRead(org, n.id).catch(() => undefined)));
  }

  private async handlePush(enable: boolean) {
    const s = this.session;
    if (!s?.claims || !this.backend) return;
    this.pushBusy = true;
    this.pushError = '';
    try {
      if (enable) await this.backend.enablePush(s.claims.org, s.user.uid);
      else await this.backend.disablePush(s.claims.org, s.user.uid);
    } catch (e) {
      this.pushError = t().pushFailed(e instanceof Error ? e.message : String(e));
    } finally {
      this.pushBusy = false;
      this.push = this.backend.pushState(s.claims.org, s.user.uid);
    }
  }

  private renderPush() {
    const m = t();
    const p = this.push;
    return html`<div class="push" data-testid="push-section" data-state=${p}>
      ${
        p === 'on'
          ? html`<p class="hint">${m.pushOn}</p>
              <button type="button" class="secondary" data-testid="push-disable" ?disabled=${this.pushBusy} @click=${() => this.handlePush(false)}>
                ${m.pushDisable}
              </button>`
          : p === 'off'
            ? html`<p class="hint">${m.pushOff}</p>
                <button type="button" data-testid="push-enable" ?disabled=${this.pushBusy} @click=${() => this.handlePush(true)}>${m.pushEnable}</button>`
            : html`<p class="hint">${p === 'denied' ? m.pushDenied : m.pushUnsupported}</p>`
      }
      ${this.pushError ? html`<p class="error" role="alert">${this.pushError}</p>` : nothing}
    </div>`;
  }

  override render() {
    const m = t();
    if (!this.session?.claims) return nothing;
    const unread = this.notes.unread;
    return html`<button
        type="button"
        class="bell"
        data-testid="notification-bell"
        aria-label=${m.notificationsUnread(unread)}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${() => (this.open = !this.open)}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        ${unread > 0 ? html`<span class="badge" data-testid="notification-badge" data-count=${unread}>${unread > 99 ? '99+' : unread}</span>` : nothing}
      </button>
      ${
        this.open
          ? html`<div class="panel" id="panel" role="dialog" aria-label=${m.notifications} data-testid="notification-panel">
              <div class="head">
                <h2>${m.notifications}</h2>
                ${unread > 0 ? html`<button type="button" class="link" data-testid="mark-all-read" @click=${this.handleMarkAll}>${m.markAllRead}</button>` : nothing}
              </div>
              ${this.notes.error ? html`<p class="error" role="alert">${m.loadError(this.notes.error)}</p>` : nothing}
              ${
                this.notes.list.length === 0
                  ? html`<p class="hint" data-testid="no-notifications">${m.noNotifications}</p>`
                  : html`<ul>
                      ${this.notes.list.map(
                        (n) =>
                          html`<li
                            class=${n.read ? '' : 'unread'}
                            data-testid="notification-item"
                            data-kind=${n.kind}
                            data-read=${String(n.read)}
                            data-id=${n.id}
                          >
                            <button type="button" @click=${() => this.handleOpen(n)}>
                              <span class="title">${n.read ? nothing : html`<span class="visually-hidden">${m.unread}: </span>`}${tx(n.title)}</span>
                              <span>${tx(n.body)}</span>
                              <span class="when">${formatDate(n.createdAt)} ${formatTime(n.createdAt)}</span>
                            </button>
                          </li>`,
                      )}
                    </ul>`
              }
              ${this.renderPush()}
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'notification-bell': NotificationBell;
  }
}
