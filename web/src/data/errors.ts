/**
 * The two types every data service shares: how a failure reaches a component, and how a live
 * subscription ends. Their own module, so the services and the Backend interface that composes
 * them import it, not each other.
 */
export type Unsubscribe = () => void;

/** A refusal or failure from Firebase, with the callable's or SDK's code and a message for people. */
export class BackendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}
