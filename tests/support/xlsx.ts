/** Reads an .xlsx back by unzipping it and parsing its XML: what a spreadsheet program would see. */
import JSZip from 'jszip';

type Cell = string | number;

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Reads every sheet back as a grid of cells (by A1 reference), the way a spreadsheet program would. */
export async function readXlsx(
  bytes: Uint8Array,
): Promise<{ names: string[]; sheets: Record<string, Record<string, Cell>>; bold: Record<string, Set<string>> }> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`missing ${p}`);
    return f.async('string');
  };
  const sst = [...(await text('xl/sharedStrings.xml')).matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) => decode(m[1]!));
  const workbook = await text('xl/workbook.xml');
  const rels = await text('xl/_rels/workbook.xml.rels');
  const names: string[] = [];
  const sheets: Record<string, Record<string, Cell>> = {};
  const bold: Record<string, Set<string>> = {};
  for (const m of workbook.matchAll(/<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"\/>/g)) {
    const name = decode(m[1]!);
    const target = new RegExp(`Id="${m[2]}" Type="[^"]*/worksheet" Target="([^"]+)"`).exec(rels)![1]!;
    const xml = await text(`xl/${target}`);
    const cells: Record<string, Cell> = {};
    bold[name] = new Set();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"((?: [a-z]+="[^"]*")*)><v>([^<]*)<\/v><\/c>/g)) {
      const attrs = c[2]!;
      cells[c[1]!] = / t="s"/.test(attrs) ? sst[Number(c[3])]! : Number(c[3]);
      if (/ s="1"/.test(attrs)) bold[name]!.add(c[1]!);
    }
    names.push(name);
    sheets[name] = cells;
  }
  return { names, sheets, bold };
}
