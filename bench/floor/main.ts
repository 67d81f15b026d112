/**
 * The web-weight floor (benchmark 4): what any Lit + Firebase page of this shape must load —
 * Lit, and the app's own Firebase initialisation (app, Auth, Firestore with the persistent
 * multi-tab cache, Functions, connected to the emulators on localhost) — and nothing of the app.
 * It renders one heading once Auth has answered, as the app's shell does.
 */
import { LitElement, css, html } from 'lit';
import { onAuthStateChanged } from 'firebase/auth';
import { firebaseServices } from '../../web/src/firebase.js';

class ThiduaFloor extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 1rem;
      font-family: var(--td-font);
    }
    h1 {
      font-size: 1.5rem;
      color: var(--td-primary);
    }
  `;
  static override properties = { signedIn: { state: true } };
  // `declare` keeps the class-field semantics of ES2022 from shadowing Lit's reactive accessor.
  declare signedIn: boolean | null;

  constructor() {
    super();
    this.signedIn = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const { auth } = firebaseServices();
    onAuthStateChanged(auth, (u) => (this.signedIn = !!u));
  }

  override render() {
    return this.signedIn === null
      ? html`<p>Đang tải…</p>`
      : html`<h1>Thi đua cải cách hành chính</h1>
          <p>${this.signedIn ? 'Đã đăng nhập.' : 'Chưa đăng nhập.'}</p>`;
  }
}
customElements.define('thidua-floor', ThiduaFloor);
