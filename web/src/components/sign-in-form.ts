import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { backendContext } from '../context/backend-context.js';
import type { Backend } from '../data/backend.js';
import { LocaleController, t } from '../i18n/index.js';
import { signInErrorText } from '../logic/auth-errors.js';
import { base, controls } from '../styles/shared.js';

/**
 * Email and password sign-in. Errors are shown in Vietnamese (or English) under the form and
 * announced to screen readers.
 */
@customElement('sign-in-form')
export class SignInForm extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      h1 {
        font-size: 1.4rem;
        margin: 0 0 0.5rem;
      }
      p.intro {
        color: var(--td-muted);
        margin: 0 0 1.25rem;
      }
      .field {
        margin-bottom: 1rem;
      }
      button[type='submit'] {
        width: 100%;
        margin-top: 0.5rem;
      }
    `,
  ];

  @consume({ context: backendContext })
  private backend?: Backend;

  @query('input[name=email]') private emailInput!: HTMLInputElement;
  @query('input[name=password]') private passwordInput!: HTMLInputElement;

  @state() private busy = false;
  /** A message key for field errors found before asking the server, or a server error text. */
  @state() private emailError: 'errEmailRequired' | 'errInvalidEmail' | null = null;
  @state() private passwordError: 'errPasswordRequired' | null = null;
  @state() private serverError: string | null = null;

  /** Why the app signed the person out by itself, if it did (see SessionController.ended). */
  @property({ attribute: false }) ended: 'revoked' | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  private async handleSubmit(e: SubmitEvent) {
    e.preventDefault();
    const email = this.emailInput.value.trim();
    const password = this.passwordInput.value;
    this.serverError = null;
    this.emailError = !email ? 'errEmailRequired' : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? null : 'errInvalidEmail';
    this.passwordError = password ? null : 'errPasswordRequired';
    if (this.emailError) return this.emailInput.focus();
    if (this.passwordError) return this.passwordInput.focus();
    if (!this.backend) return;
    this.busy = true;
    try {
      await this.backend.signIn(email, password);
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'unknown';
      this.serverError = code;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const m = t();
    return html`<form class="card" novalidate @submit=${this.handleSubmit} aria-labelledby="title" data-testid="sign-in-form">
      <h1 id="title">${m.signInTitle}</h1>
      <p class="intro">${m.signInIntro}</p>
      ${this.ended ? html`<p class="notice warn" role="alert" data-testid="session-ended">${m.sessionRevoked}</p>` : nothing}
      <div class="field">
        <label for="email">${m.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          inputmode="email"
          required
          aria-invalid=${this.emailError ? 'true' : 'false'}
          aria-describedby=${this.emailError ? 'email-error' : nothing}
          data-testid="email"
        />
        ${this.emailError ? html`<p class="error" id="email-error">${m[this.emailError]}</p>` : nothing}
      </div>
      <div class="field">
        <label for="password">${m.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          aria-invalid=${this.passwordError ? 'true' : 'false'}
          aria-describedby=${this.passwordError ? 'password-error' : nothing}
          data-testid="password"
        />
        ${this.passwordError ? html`<p class="error" id="password-error">${m[this.passwordError]}</p>` : nothing}
      </div>
      <div role="alert" data-testid="sign-in-error">
        ${this.serverError ? html`<p class="notice danger">${signInErrorText(this.serverError, m)}</p>` : nothing}
      </div>
      <button type="submit" ?disabled=${this.busy} data-testid="sign-in-submit">${this.busy ? m.signingIn : m.signIn}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-form': SignInForm;
  }
}
