/** Styles shared by the components; colours and spacing come from the custom properties in index.html. */
import { css } from 'lit';

export const base = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 3px solid var(--td-focus);
    outline-offset: 2px;
  }
`;

export const controls = css`
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--td-radius);
    border: 1px solid var(--td-primary);
    background: var(--td-primary);
    color: var(--td-on-primary);
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: var(--td-surface);
    color: var(--td-primary);
  }
  button.link {
    min-height: 0;
    padding: 0.25rem 0.5rem;
    border-color: transparent;
    background: transparent;
    color: var(--td-primary);
    text-decoration: underline;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  input,
  textarea,
  select {
    font: inherit;
    width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--td-border-strong);
    border-radius: var(--td-radius);
    background: var(--td-surface);
    color: var(--td-text);
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--td-danger);
    box-shadow: 0 0 0 1px var(--td-danger);
  }
  input:disabled,
  textarea:disabled,
  select:disabled {
    background: var(--td-muted-bg);
    color: var(--td-muted);
  }
  .hint {
    font-size: 0.875rem;
    color: var(--td-muted);
    margin: 0.25rem 0 0;
  }
  .error {
    font-size: 0.875rem;
    color: var(--td-danger);
    margin: 0.25rem 0 0;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-radius: var(--td-radius);
    background: var(--td-info-bg);
    border: 1px solid var(--td-info-border);
    margin: 0 0 1rem;
  }
  .notice.warn {
    background: var(--td-warn-bg);
    border-color: var(--td-warn-border);
  }
  .notice.danger {
    background: var(--td-danger-bg);
    border-color: var(--td-danger);
  }
  .notice.ok {
    background: var(--td-ok-bg);
    border-color: var(--td-ok);
  }
  .card {
    background: var(--td-surface);
    border: 1px solid var(--td-border);
    border-radius: var(--td-radius-lg);
    padding: 1rem;
  }
`;

/** A plain data table that scrolls sideways on a phone: muted header, right-aligned figures, ↑ ↓ colours. */
export const dataTable = css`
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95rem;
  }
  th,
  td {
    padding: 0.45rem;
    text-align: left;
    border-bottom: 1px solid var(--td-border);
  }
  thead th {
    font-size: 0.8rem;
    color: var(--td-muted);
    font-weight: 600;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .up {
    color: var(--td-ok);
  }
  .down {
    color: var(--td-danger);
  }
`;
