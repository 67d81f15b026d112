/**
 * The .xlsx download, loaded on demand so the zip library stays out of the first page load: the
 * workbook is built from the entries the page shows and saved through a temporary link.
 */
import { XLSX_MIME, standingsFileName, standingsWorkbook, writeXlsx, type StandingsWorkbookInput } from '@thidua/domain';

export async function downloadStandingsXlsx(input: StandingsWorkbookInput): Promise<void> {
  const bytes = await writeXlsx(standingsWorkbook(input), { title: `Bảng xếp hạng ${input.periodId}`, creator: input.orgName || 'thidua' });
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = standingsFileName(input.periodId, input.source);
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
