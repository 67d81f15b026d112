/** Tables and forms of the admin pages. */
import { css } from 'lit';

export const adminStyles = css`
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 1.05rem;
    margin: 1rem 0 0.5rem;
  }
  .table-wrap {
    overflow-x: auto;
    margin-bottom: 1rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9rem;
    background: var(--td-surface);
  }
  th,
  td {
    text-align: left;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--td-border);
    vertical-align: top;
  }
  th {
    color: var(--td-muted);
    font-weight: 600;
  }
  tr.inactive td {
    color: var(--td-muted);
  }
  td.num,
  th.num {
    text-align: right;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .row-actions button {
    min-height: 36px;
    padding: 0.25rem 0.6rem;
    font-size: 0.85rem;
  }
  form.card {
    margin: 0 0 1rem;
  }
  .grid {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
  }
  .field {
    margin-bottom: 0.75rem;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .checks label {
    font-weight: 400;
    display: flex;
    align-items: center;
    gap: 0.35rem;
  }
  .checks input {
    width: auto;
    min-height: 0;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .badge {
    display: inline-block;
    padding: 0 0.4rem;
    border-radius: 999px;
    font-size: 0.8rem;
    background: var(--td-muted-bg);
  }
  .badge.ok {
    background: var(--td-ok-bg);
  }
  .link-box {
    word-break: break-all;
    font-family: monospace;
    font-size: 0.85rem;
  }
  input.points {
    width: 6rem;
    min-height: 36px;
    text-align: right;
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0.5rem 0;
    color: var(--td-muted);
  }
  .progress progress {
    width: 12rem;
    accent-color: var(--td-primary);
  }
`;
