/** Styles shared by the awards components (cards, small grids, chips). */
import { css } from 'lit';

export const awardStyles = css`
  .page-title {
    font-size: 1.3rem;
    margin: 0 0 0.75rem;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0.75rem 0 0.25rem;
  }
  .field {
    margin: 0 0 0.75rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.5rem 0.75rem;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
  }
  .check input {
    width: auto;
    min-height: 0;
    margin-top: 0.2rem;
  }
  .meta {
    color: var(--td-muted);
    font-size: 0.875rem;
  }
  .chip {
    display: inline-block;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    font-size: 0.8rem;
    font-weight: 600;
    background: var(--td-muted-bg);
  }
  .chip.ok {
    background: var(--td-ok-bg);
  }
  .chip.bad {
    background: var(--td-danger-bg);
  }
  ul.flags {
    margin: 0.25rem 0;
    padding-left: 1.25rem;
  }
  .mono {
    font-family: ui-monospace, monospace;
    font-size: 0.8rem;
    word-break: break-all;
  }
  fieldset {
    border: 1px solid var(--td-border);
    border-radius: var(--td-radius);
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
  }
  legend {
    font-weight: 600;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.4rem;
    border-bottom: 1px solid var(--td-border);
    vertical-align: top;
  }
`;
