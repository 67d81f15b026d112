import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Backend, Session } from '../data/backend.js';
import type { Unsubscribe } from '../data/errors.js';
import { needsClaimsRefresh } from '../logic/claims-refresh.js';

/**
 * Follows the auth state: `session` is null when signed out; `ready` once the first answer came.
 * While someone is signed in it also follows their `userMeta` stamp: when an admin changes their
 * roles or units, it fetches a new token, and the host renders the new claims without a new sign-in.
 */
export class SessionController implements ReactiveController {
  session: Session | null = null;
  ready = false;
  /**
   * Why the app signed the person out by itself (their account was locked or their access taken
   * away while the page was open), shown on the sign-in form; null after a sign-in of their own.
   */
  ended: 'revoked' | null = null;
  private unsub: Unsubscribe | null = null;
  private connected = false;
  /** The user whose stamp is followed, and how to stop following it. */
  private watchedUid: string | null = null;
  private unwatchClaims: Unsubscribe | null = null;
  private claimsUpdatedAt: number | null = null;
  /** The stamp the last refresh was made for, so one change causes one refresh. */
  private refreshedFor: number | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly backend: () => Backend | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.start();
  }

  /** The backend may arrive after the element is connected (main.ts sets it). */
  hostUpdate(): void {
    if (this.connected && !this.unsub) this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsub?.();
    this.unsub = null;
    this.watchClaims(null);
  }

  private start(): void {
    const b = this.backend();
    if (!b || this.unsub) return;
    this.unsub = b.onSession((s) => {
      // A sign-in of their own: the reason for the last sign-out is no longer news.
      if (s && !this.session) this.ended = null;
      this.session = s;
      this.ready = true;
      this.watchClaims(s?.user.uid ?? null);
      this.maybeRefresh();
      this.host.requestUpdate();
    });
  }

  /** Follows the stamp of `uid` (null: nobody), dropping the previous user's. */
  private watchClaims(uid: string | null): void {
    if (uid === this.watchedUid) return;
    this.unwatchClaims?.();
    this.unwatchClaims = null;
    this.watchedUid = uid;
    this.claimsUpdatedAt = null;
    this.refreshedFor = null;
    const b = this.backend();
    if (!uid || !b?.watchClaimsStamp) return;
    this.unwatchClaims = b.watchClaimsStamp(uid, (stamp) => {
      this.claimsUpdatedAt = stamp;
      this.maybeRefresh();
    });
  }

  private maybeRefresh(): void {
    const b = this.backend();
    if (!b?.refreshClaims || !needsClaimsRefresh(this.claimsUpdatedAt, this.session?.issuedAt ?? null, this.refreshedFor)) return;
    this.refreshedFor = this.claimsUpdatedAt;
    // A refused refresh means the account was disabled or its tokens revoked (deactivation): the
    // old token would only meet refusals, so the person is signed out and told why.
    b.refreshClaims().catch((e: unknown) => {
      console.warn('Could not refresh the ID token', e);
      this.ended = 'revoked';
      this.host.requestUpdate();
      void b.signOut();
    });
  }
}
