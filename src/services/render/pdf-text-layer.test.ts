import { describe, expect, it } from 'vitest';
import { fixPdfTextLayer, fixToUnicodeCmap, ideographForRadical } from './pdf-text-layer.js';

const cmap = (body: string) =>
  `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n${body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`;

describe('the PDF text layer repair', () => {
  it('maps Kangxi and supplementary radicals to the ideographs, nothing else', () => {
    expect(ideographForRadical(0x2f00)).toBe('一');
    expect(ideographForRadical(0x2ea0)).toBe('民');
    expect(ideographForRadical(0x2ec5)).toBe('见');
    expect(ideographForRadical(0x4e00)).toBeUndefined();
  });

  it('rewrites bfchar and both kinds of bfrange, keeping every other mapping', () => {
    const fixed = fixToUnicodeCmap(cmap(
      '2 beginbfchar\n<43> <2F00>\n<47> <4E03>\nendbfchar\n2 beginbfrange\n<4E> <50> <4E09>\n<60> <61> [<2EA0> <D840DC00>]\nendbfrange\n',
    ))!;
    const pairs = [...fixed.matchAll(/<([0-9A-F]+)> <([0-9A-F]+)>/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(pairs).toEqual(['00=FF', '43=4E00', '47=4E03', '4E=4E09', '4F=4E0A', '50=4E0B', '60=6C11', '61=D840DC00']);
    expect(fixed).toContain('endcmap\nCMapName');
    expect(fixed.match(/beginbfchar/g)).toHaveLength(1);
  });

  it('leaves CMaps without radicals and anything it does not understand alone', () => {
    expect(fixToUnicodeCmap(cmap('1 beginbfchar\n<43> <4E00>\nendbfchar\n'))).toBeNull();
    const notPdf = new TextEncoder().encode('hello');
    expect(fixPdfTextLayer(notPdf)).toBe(notPdf);
  });
});
